"""The meeting pack for a period and a cluster (or the province): a 16:9 PowerPoint, the same
content as an A4-landscape PDF, and the overview as one PNG. Charts are pictures; tables are
real tables that can be edited; every slide says what it shows, for when, and as of when."""

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import altair as alt
import duckdb
import pandas as pd

from dashboard import (
    catalog,
    charts,
    formatting,
    images,
    progress,
    reporting,
    settings,
    sql,
    status,
    tables,
)
from dashboard.config import LOCAL_TZ
from dashboard.periods import Period

SOURCE = "Nguồn: báo cáo của các đơn vị"
ROWS_PER_TABLE = 12
ROWS_OF_TWO_LINES = 8  # a table whose cells wrap: twelve rows would run off a 16:9 slide
UNITS_PER_SLIDE = 30  # rows of a units × indicators picture that a slide shows legibly
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Slide:
    """One slide (one PDF page): a title and a chart picture or a table."""

    title: str
    image: bytes | None = None
    table: pd.DataFrame | None = None
    note: str = ""


@dataclass
class Pack:
    """What the meeting pack says, before it is laid out as PowerPoint, PDF or PNG."""

    title: str
    subtitle: str
    footer: str
    slides: list[Slide] = field(default_factory=list)
    overview: alt.TopLevelMixin | None = None


def heading(period: Period) -> str:
    """How a review meeting names the period: Sơ kết 6 tháng đầu năm 2022, Tổng kết năm 2022."""
    if period.frequency == "half" and period.index == 1:
        return f"Sơ kết {period.in_sentence}"
    if period.frequency == "year":
        return f"Tổng kết {period.in_sentence}"
    return f"Tiến độ {period.in_sentence}"


class NothingToShow(ValueError):
    """A pack asked for a period and scope with no unit, indicator, figure or target."""


def _numbered(title: str, items: list, size: int):
    """`items` cut into pieces of `size`, each with `title` and, when there is more than one
    piece, "(2/3)"."""
    count = -(-len(items) // size)
    for page in range(count):
        suffix = f" ({page + 1}/{count})" if count > 1 else ""
        yield f"{title}{suffix}", items[page * size : (page + 1) * size]


def _pages(title: str, table: pd.DataFrame, note: str = "", size: int = ROWS_PER_TABLE):
    """A table's slides, `size` rows each."""
    for named, rows in _numbered(title, range(len(table)), size):
        yield Slide(named, table=table.iloc[rows], note=note)


def _unit_pictures(title, frame, units, indicators, footer):
    """The units × indicators picture cut into slides of UNITS_PER_SLIDE units, in the
    catalogue's order."""
    shown = [code for code in units["code"] if code in set(frame["scope_code"])]
    for named, codes in _numbered(title, shown, UNITS_PER_SLIDE):
        part = frame[frame["scope_code"].isin(codes)]
        chart = charts.heatmap(part, units[units["code"].isin(codes)], indicators, named, footer)
        yield Slide(named, image=images.png(chart))


def _behind(late: pd.DataFrame, units: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Each indicator a unit is behind or at risk on, with its figures: at risk first, then
    the furthest from the target."""
    info = indicators.set_index("code")
    late = late.assign(_order=late["status"].map({"at_risk": 0, "behind": 1}))
    late = late.sort_values(["_order", "achievement_pct", "scope_code"])
    measure = late["indicator_code"].map(info["measure"])
    return pd.DataFrame(
        {
            "Đơn vị": late["scope_code"].map(units.set_index("code")["name"]),
            "Chỉ tiêu": late["indicator_code"].map(info["short_name"]),
            "Thực hiện": [
                formatting.measure_value(v, m) for v, m in zip(late["actual"], measure, strict=True)
            ],
            "Kế hoạch": [
                formatting.measure_value(v, m) for v, m in zip(late["target"], measure, strict=True)
            ],
            "Đạt kế hoạch": late["achievement_pct"].map(formatting.percent),
            "Đánh giá": late["status"].map(status.LABELS),
        }
    )


def _behind_by_unit(
    late: pd.DataFrame, units: pd.DataFrame, indicators: pd.DataFrame
) -> pd.DataFrame:
    """One line per unit behind or at risk on some indicator: how many of each, and the
    indicators at risk furthest from their target; most at risk first."""
    short = indicators.set_index("code")["short_name"]
    counts = pd.crosstab(late["scope_code"], late["status"]).reindex(
        columns=["at_risk", "behind"], fill_value=0
    )
    at_risk = late[late["status"] == "at_risk"].sort_values("achievement_pct")
    named = at_risk.groupby("scope_code")["indicator_code"].agg(
        lambda codes: _some(list(codes.map(short)))
    )
    order = pd.Series(range(len(units)), index=units["code"])  # the catalogue's order
    counts = counts.assign(_order=counts.index.map(order)).sort_values(
        ["at_risk", "behind", "_order"], ascending=[False, False, True]
    )
    info = units.set_index("code")
    return pd.DataFrame(
        {
            "Đơn vị": counts.index.map(info["name"]),
            "Cụm thi đua": counts.index.map(info["cluster_name"]),
            "Nguy cơ không đạt": [f"{n} chỉ tiêu" if n else "–" for n in counts["at_risk"]],
            "Chậm tiến độ": [f"{n} chỉ tiêu" if n else "–" for n in counts["behind"]],
            "Chỉ tiêu nguy cơ không đạt": counts.index.map(named).fillna("–"),
        }
    )


def _some(names: list[str], shown: int = 3) -> str:
    """Up to `shown` names, and how many more."""
    more = f" và {len(names) - shown} chỉ tiêu khác" if len(names) > shown else ""
    return "; ".join(names[:shown]) + more


def build(
    cur: duckdb.DuckDBPyConnection,
    period: Period,
    cluster: str | None = None,
    now: datetime | None = None,
) -> Pack:
    """Gather the pack's content: the overview, one slide per indicator group, the emulation
    ranking, the units behind or at risk with their indicators, and the units yet to report."""
    units, indicators = catalog.units(cur), catalog.indicators(cur)
    groups, clusters = catalog.indicator_groups(cur), catalog.clusters(cur)
    scope = "Toàn tỉnh" if cluster is None else clusters.set_index("code").loc[cluster, "name"]
    as_of = f"Số liệu cập nhật đến {formatting.date_time(sql.scalar(cur, 'last_update'))}"
    footer = f"{as_of} · {SOURCE}"
    when = (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ)
    today = formatting.date(when)
    demo = " · Dữ liệu mẫu" if settings.is_demo(cur) else ""
    pack = Pack(title=f"{heading(period)} — {scope}", subtitle=f"Ngày {today}{demo}", footer=footer)
    frame = progress.progress(cur, period, "unit", cluster=cluster)
    if frame.empty:
        what = f"Không tạo được tài liệu họp {period.in_sentence} — {scope}"
        raise NothingToShow(progress.nothing_to_show(progress.years(cur), period, what))

    # Past charts.MAX_UNIT_ROWS units a units × indicators picture is unreadable on a slide
    # (a province of 100 communes): as on the overview page the pictures show clusters, and the
    # units follow on slides of UNITS_PER_SLIDE.
    many = frame["scope_code"].nunique() > charts.MAX_UNIT_ROWS
    if many:
        heat = progress.progress(cur, period, "cluster", cluster=cluster)
        rows, level = clusters, "cụm thi đua"
    else:
        heat, rows, level = frame, units, "đơn vị"
    title = f"Mức đạt kế hoạch theo {level} — {scope} — {period.label}"
    pack.overview = charts.heatmap(heat, rows, indicators, title, footer)
    pack.slides.append(Slide(title, image=images.png(pack.overview)))
    if many:
        title = f"Mức đạt kế hoạch theo đơn vị — {scope} — {period.label}"
        pack.slides.extend(_unit_pictures(title, frame, units, indicators, footer))
    for group in groups.itertuples():
        codes = set(indicators.loc[indicators["group_code"] == group.code, "code"])
        part = heat[heat["indicator_code"].isin(codes)]
        if part.empty:
            continue
        title = f"Nhóm {group.name} — {scope} — {period.label}"
        chart = charts.heatmap(part, rows, indicators, title, footer)
        pack.slides.append(Slide(title, image=images.png(chart, width=900)))

    pack.slides.extend(
        _pages(
            f"Xếp hạng thi đua — {scope} — {period.label}",
            tables.ranking_table(progress.ranking(frame), units, clusters),
            note="Điểm thi đua: mức đạt kế hoạch bình quân, "
            "mỗi chỉ tiêu tối đa 100 %; chưa báo cáo tính 0 %.",
        )
    )

    late = frame[frame["status"].isin(["at_risk", "behind"])]
    title = f"Đơn vị chậm tiến độ, có nguy cơ không đạt — {scope} — {period.label}"
    if late.empty:
        pack.slides.append(
            Slide(title, note="Không có đơn vị nào chậm tiến độ hoặc có nguy cơ không đạt.")
        )
    elif many:
        summary = _behind_by_unit(late, units, indicators)
        pack.slides.extend(_pages(title, summary, size=ROWS_OF_TWO_LINES))
    else:
        pack.slides.extend(_pages(title, _behind(late, units, indicators)))

    # Who has not reported is its own slide, as on the overview page: counted only for the
    # months already due, so a period still running does not list every unit as late.
    due = reporting.due_until(period, when.date())
    missing = reporting.not_reported(
        reporting.unit_reporting(cur, period, cluster, today=when.date())
    )
    title = f"Đơn vị chưa báo cáo đủ — {scope} — {period.label}"
    if missing.empty:
        pack.slides.append(Slide(title, note=reporting.nobody_late(period, due)))
    so_far = reporting.due_note(period, due)
    pack.slides.extend(
        _pages(
            title,
            tables.reporting_table(missing, units),
            note=f"Số liệu {period.in_sentence}{so_far}." if so_far else "",
        )
    )
    return pack


def _column_shares(table: pd.DataFrame) -> list[float]:
    """Each column's share of a table's width: its longest text up to 40 characters (a longer
    one wraps), and its heading on one line up to 16 (a longer one wraps between words)."""
    lengths = []
    for name in table.columns:
        longest = max((len(str(v)) for v in table[name]), default=0)
        words = max(len(word) for word in str(name).split())
        lengths.append(max(6, min(longest, 40), min(len(str(name)), 16), words))
    return [length / sum(lengths) for length in lengths]


def _status_cells(table: pd.DataFrame):
    """(row, column, status code) of each status cell of a table, counting the header row."""
    if "Đánh giá" not in table.columns:
        return
    column = list(table.columns).index("Đánh giá")
    codes = {label: code for code, label in status.LABELS.items()}
    for row, label in enumerate(table["Đánh giá"], start=1):
        if label in codes:
            yield row, column, codes[label]


# --- PowerPoint -----------------------------------------------------------------------------


def to_pptx(pack: Pack) -> bytes:
    """The pack as a 16:9 PowerPoint: pictures for charts, editable tables for tables."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]

    def text(slide, left, top, width, height, words, size, bold=False, colour="222222"):
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        run = frame.paragraphs[0].add_run()
        run.text = words
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, "Arial"
        run.font.color.rgb = RGBColor.from_string(colour)
        return box

    first = deck.slides.add_slide(blank)
    text(first, 0.8, 2.4, 11.7, 1.6, pack.title, 36, bold=True, colour="08306B")
    text(first, 0.8, 4.1, 11.7, 0.6, pack.subtitle, 20)
    text(first, 0.8, 6.8, 11.7, 0.4, pack.footer, 12, colour="555555")
    for content in pack.slides:
        slide = deck.slides.add_slide(blank)
        text(slide, 0.5, 0.25, 12.3, 0.8, content.title, 24, bold=True, colour="08306B")
        text(slide, 0.5, 7.0, 12.3, 0.4, pack.footer, 11, colour="555555")
        if content.image is not None:
            from PIL import Image

            width, height = Image.open(io.BytesIO(content.image)).size
            box_w, box_h = 12.3, 5.8
            scale = min(box_w / width, box_h / height)
            w, h = width * scale, height * scale
            slide.shapes.add_picture(
                io.BytesIO(content.image),
                Inches(0.5 + (box_w - w) / 2),
                Inches(1.1),
                Inches(w),
                Inches(h),
            )
        if content.table is not None and not content.table.empty:
            rows, cols = content.table.shape
            shape = slide.shapes.add_table(
                rows + 1,
                cols,
                Inches(0.5),
                Inches(1.1),
                Inches(12.3),
                Emu(int(Inches(0.36)) * (rows + 1)),
            )
            grid = shape.table
            for c, share in enumerate(_column_shares(content.table)):
                grid.columns[c].width = Emu(int(Inches(12.3) * share))
            for c, name in enumerate(content.table.columns):
                grid.cell(0, c).text = str(name)
            for r, record in enumerate(content.table.itertuples(index=False), start=1):
                for c, value in enumerate(record):
                    grid.cell(r, c).text = "" if value is None else str(value)
            for r in range(rows + 1):
                for c in range(cols):
                    for paragraph in grid.cell(r, c).text_frame.paragraphs:
                        for run in paragraph.runs:
                            run.font.size, run.font.name = Pt(12), "Arial"
            for r, c, code in _status_cells(content.table):
                cell = grid.cell(r, c)
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(status.COLOURS[code][1:])
                for run in cell.text_frame.paragraphs[0].runs:
                    run.font.color.rgb = RGBColor.from_string(status.text_colour(code)[1:])
        if content.note and content.image is None and content.table is None:
            text(slide, 0.5, 1.3, 12.3, 1.0, content.note, 20)  # the slide's whole message
        elif content.note:
            text(slide, 0.5, 6.45, 12.3, 0.5, content.note, 12, colour="444444")
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------------


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not regular.exists() or not bold.exists():
        raise RuntimeError(
            "Thiếu phông chữ DejaVu Sans để viết tiếng Việt vào PDF: cài gói "
            "fonts-dejavu-core (apt-get install fonts-dejavu-core)."
        )
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


def _paragraphs(table: pd.DataFrame, body, heading) -> list[list]:
    """A table's heading and cells as paragraphs, which wrap in their column; a status cell's
    text in the colour that reads on its status colour."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    looks = {
        (row, column): ParagraphStyle(
            code, parent=body, textColor=colors.HexColor(status.text_colour(code))
        )
        for row, column, code in _status_cells(table)
    }
    lines = [list(table.columns), *table.itertuples(index=False)]
    return [
        [
            Paragraph(
                escape("" if value is None else str(value)),
                looks.get((row, column), heading if row == 0 else body),
            )
            for column, value in enumerate(line)
        ]
        for row, line in enumerate(lines)
    ]


def to_pdf(pack: Pack) -> bytes:
    """The pack as an A4-landscape PDF with the same pages as the slides."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader, simpleSplit
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    regular, bold = _fonts()
    width, height = landscape(A4)
    body = ParagraphStyle("cell", fontName=regular, fontSize=11, leading=13)
    heading = ParagraphStyle("heading", parent=body, fontName=bold)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=landscape(A4), pageCompression=1)
    pdf.setTitle(pack.title)

    def footer():
        pdf.setFont(regular, 9)
        pdf.setFillColor(colors.HexColor("#555555"))
        pdf.drawString(1.5 * cm, 1 * cm, pack.footer)

    pdf.setFillColor(colors.HexColor("#08306B"))
    lines = simpleSplit(pack.title, bold, 26, width - 4 * cm)
    for number, line in enumerate(lines):
        pdf.setFont(bold, 26)
        pdf.drawString(2 * cm, height / 2 + 1 * cm + (len(lines) - 1 - number) * 1.1 * cm, line)
    pdf.setFont(regular, 16)
    pdf.setFillColor(colors.black)
    pdf.drawString(2 * cm, height / 2 - 0.5 * cm, pack.subtitle)
    footer()
    pdf.showPage()
    for content in pack.slides:
        pdf.setFillColor(colors.HexColor("#08306B"))
        lines = simpleSplit(content.title, bold, 16, width - 3 * cm)
        for number, line in enumerate(lines):
            pdf.setFont(bold, 16)
            pdf.drawString(1.5 * cm, height - 1.6 * cm - number * 0.7 * cm, line)
        top, bottom = height - 2.2 * cm - (len(lines) - 1) * 0.7 * cm, 2.2 * cm
        if content.image is not None:
            picture = ImageReader(io.BytesIO(content.image))
            pw, ph = picture.getSize()
            box_w, box_h = width - 3 * cm, top - bottom
            scale = min(box_w / pw, box_h / ph)
            pdf.drawImage(
                picture,
                1.5 * cm + (box_w - pw * scale) / 2,
                top - ph * scale,
                pw * scale,
                ph * scale,
            )
        if content.table is not None and not content.table.empty:
            table = Table(
                _paragraphs(content.table, body, heading),
                repeatRows=1,
                colWidths=[(width - 3 * cm) * share for share in _column_shares(content.table)],
            )
            style = [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
            for row, column, code in _status_cells(content.table):
                style.append(
                    (
                        "BACKGROUND",
                        (column, row),
                        (column, row),
                        colors.HexColor(status.COLOURS[code]),
                    )
                )
            table.setStyle(TableStyle(style))
            tw, th = table.wrapOn(pdf, width - 3 * cm, top - bottom)
            table.drawOn(pdf, 1.5 * cm, top - th)
        if content.note and content.image is None and content.table is None:
            pdf.setFont(regular, 14)  # the page's whole message
            pdf.setFillColor(colors.black)
            pdf.drawString(1.5 * cm, top - 0.8 * cm, content.note)
        elif content.note:
            pdf.setFont(regular, 10)
            pdf.setFillColor(colors.HexColor("#444444"))
            pdf.drawString(1.5 * cm, 1.6 * cm, content.note)
        footer()
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def to_png(pack: Pack) -> bytes:
    """The overview as one image at least 1600 pixels wide."""
    return images.png(pack.overview, width=1100, scale=2)


WRITERS = {".pptx": to_pptx, ".pdf": to_pdf, ".png": to_png}


def render(pack: Pack, suffix: str) -> bytes:
    """The pack in the format of a file suffix (.pptx, .pdf or .png)."""
    writer = WRITERS.get(suffix.lower())
    if writer is None:
        raise ValueError(f"Không tạo được tài liệu «{suffix}»: chọn .pptx, .pdf hoặc .png.")
    return writer(pack)
