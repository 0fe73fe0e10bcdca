"""The meeting pack: open every file the code makes and look inside."""

import io
from datetime import datetime

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from dashboard import report
from dashboard.periods import must_parse
from dashboard.store import open_store


@pytest.fixture(scope="module")
def pack(demo_file, tmp_path_factory):
    import shutil

    db = str(tmp_path_factory.mktemp("pack") / "demo.duckdb")
    shutil.copy(demo_file, db)
    from dashboard.store import close_store

    built = report.build(open_store(db).cursor(), must_parse("2022-H1"), "DONGBANG")
    close_store(db)
    return built


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2022-H1", "Sơ kết 6 tháng đầu năm 2022"),
        ("2022-Q2", "Tiến độ quý II/2022"),
        ("2022-06", "Tiến độ tháng 6/2022"),
        ("2022", "Tổng kết năm 2022"),
        ("2022-H2", "Tiến độ 6 tháng cuối năm 2022"),
    ],
)
def test_period_words(period, words):
    assert report.heading(must_parse(period)) == words


def test_content(pack):
    assert pack.title == "Sơ kết 6 tháng đầu năm 2022 — Cụm thi đua đồng bằng"
    assert pack.subtitle.startswith("Ngày ") and "Dữ liệu mẫu" in pack.subtitle
    assert pack.footer == ("Số liệu cập nhật đến 08/07/2022 11:18 · Nguồn: báo cáo của các đơn vị")
    titles = [s.title for s in pack.slides]
    assert (
        titles[0] == "Mức đạt kế hoạch theo đơn vị — Cụm thi đua đồng bằng — 6 tháng đầu năm 2022"
    )
    assert sum(t.startswith("Nhóm ") for t in titles) == 7  # one per indicator group
    assert any(t.startswith("Xếp hạng thi đua") for t in titles)
    behind = [s for s in pack.slides if s.title.startswith("Đơn vị chậm tiến độ")]
    assert behind and set(behind[0].table["Đánh giá"]) == {"Nguy cơ không đạt", "Chậm tiến độ"}
    assert "Núi Thành" in set(behind[0].table["Đơn vị"])
    # who has not reported is a slide of its own, as on the overview page, not rows of the above
    assert titles[-1] == "Đơn vị chưa báo cáo đủ — Cụm thi đua đồng bằng — 6 tháng đầu năm 2022"


def test_pptx(pack):
    deck = Presentation(io.BytesIO(report.to_pptx(pack)))
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    assert len(deck.slides) == len(pack.slides) + 1
    texts = [
        [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        for slide in deck.slides
    ]
    assert texts[0][0] == pack.title
    for slide_texts in texts:
        assert pack.footer in slide_texts  # every slide says its source and data-as-of
    pictures = sum(1 for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13)
    assert pictures == sum(1 for s in pack.slides if s.image is not None)
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    ranking = tables[0]
    assert ranking.cell(0, 1).text == "Hạng" and ranking.cell(1, 1).text == "1"
    widths = [column.width for column in ranking.columns]  # each column as wide as its text
    assert widths[0] > 2 * widths[1] and abs(sum(widths) - Inches(12.3)) < Inches(0.01)
    assert len(tables) == sum(1 for s in pack.slides if s.table is not None and not s.table.empty)


def test_pdf(pack):
    pdf = PdfReader(io.BytesIO(report.to_pdf(pack)))
    assert len(pdf.pages) == len(pack.slides) + 1
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert width > height and abs(width - 841.9) < 1  # A4 landscape
    first = pdf.pages[0].extract_text()
    assert "Sơ kết 6 tháng đầu năm 2022" in first and "Cụm thi đua\nđồng bằng" in first
    for page in pdf.pages:
        assert "Nguồn: báo cáo của các đơn vị" in page.extract_text()
    assert "Xếp hạng thi đua" in " ".join(p.extract_text() for p in pdf.pages)


def test_png_is_wide_and_not_blank(pack):
    image = Image.open(io.BytesIO(report.to_png(pack))).convert("RGB")
    assert image.width >= 1600
    colours = image.resize((64, 64)).getcolors(64 * 64)
    assert len(colours) > 10  # status colours, text: not a blank canvas


def test_unknown_format(pack):
    with pytest.raises(ValueError, match=".pptx, .pdf hoặc .png"):
        report.render(pack, ".docx")


@pytest.fixture
def all_done(db_path):
    """Two units that met their one indicator's target in June 2022: nobody is behind."""
    from builders import catalogue, commit_figures, commit_targets

    store = open_store(db_path)
    catalogue(store, [("U1", "A"), ("U2", "A")], [("F", "flow", "count", "up", "month")])
    commit_targets(store, [("*", "F", 2022, 10.0)])
    commit_figures(store, [("U1", "F", "2022-06", 12.0), ("U2", "F", "2022-06", 10.0)])
    return store


def test_nobody_behind_is_one_slide_that_says_so(all_done):
    pack = report.build(all_done.cursor(), must_parse("2022-06"))
    behind = [s for s in pack.slides if s.title.startswith("Đơn vị chậm tiến độ")]
    assert [(s.note, s.table) for s in behind] == [
        ("Không có đơn vị nào chậm tiến độ hoặc có nguy cơ không đạt.", None)
    ]
    assert all(s.table is None or not s.table.empty for s in pack.slides)  # no empty table
    assert (pack.slides[-1].title, pack.slides[-1].note) == (
        "Đơn vị chưa báo cáo đủ — Toàn tỉnh — Tháng 6/2022",
        "Mọi đơn vị đã gửi đủ số liệu tháng 6/2022.",
    )
    # a slide that is only a sentence shows it under the title, not in the footnote's place
    deck = Presentation(io.BytesIO(report.to_pptx(pack)))
    said = [
        shape
        for shape in deck.slides[-1].shapes
        if shape.has_text_frame and shape.text_frame.text == pack.slides[-1].note
    ]
    assert [shape.top for shape in said] == [Inches(1.3)]


def test_units_yet_to_report_count_only_the_months_already_due(all_done):
    # Mid-August, the third quarter has one month due (July): neither unit has sent it yet.
    pack = report.build(all_done.cursor(), must_parse("2022-Q3"), now=datetime(2022, 8, 15, 9))
    late = pack.slides[-1]
    assert late.title == "Đơn vị chưa báo cáo đủ — Toàn tỉnh — Quý III/2022"
    assert late.table["Đơn vị"].tolist() == ["Đơn vị U1", "Đơn vị U2"]
    assert late.table["Chưa báo cáo"].tolist() == ["1/1 chỉ tiêu", "1/1 chỉ tiêu"]
    assert late.note == (
        "Số liệu quý III/2022 (tính đến hết tháng 7/2022; các tháng sau chưa đến hạn báo cáo)."
    )
    # On the first of July nothing of the quarter is due yet, and the pack says so.
    early = report.build(all_done.cursor(), must_parse("2022-Q3"), now=datetime(2022, 7, 1, 9))
    assert (early.slides[-1].note, early.slides[-1].table) == (
        "Chưa đến hạn báo cáo nào của quý III/2022.",
        None,
    )


def test_a_long_table_is_numbered_page_by_page(pack):
    behind = [s.title for s in pack.slides if s.title.startswith("Đơn vị chậm tiến độ")]
    count = len(behind)
    assert count > 1  # the demo's lowland cluster has more than one page of them
    assert [t.rsplit(" ", 1)[-1] for t in behind] == [f"({n}/{count})" for n in range(1, count + 1)]
    ranking = [s.title for s in pack.slides if s.title.startswith("Xếp hạng thi đua")]
    assert ranking == ["Xếp hạng thi đua — Cụm thi đua đồng bằng — 6 tháng đầu năm 2022"]


@pytest.mark.parametrize(
    ("period", "said"),
    [
        (
            "2026-Q3",
            "Không tạo được tài liệu họp quý III/2026 — Toàn tỉnh: năm 2026 chưa có số liệu và "
            "kế hoạch. Chọn năm có số liệu hoặc kế hoạch: 2022.",
        ),
        (
            "2021",
            "Không tạo được tài liệu họp năm 2021 — Toàn tỉnh: năm 2021 chưa có số liệu và kế "
            "hoạch. Chọn năm có số liệu hoặc kế hoạch: 2022.",
        ),
    ],
)
def test_a_period_without_figures_or_targets_makes_no_pack(all_done, period, said):
    with pytest.raises(report.NothingToShow) as refused:
        report.build(all_done.cursor(), must_parse(period))
    assert str(refused.value) == said


@pytest.fixture
def many_units(db_path):
    """70 units in clusters A and B, more than a picture's MAX_UNIT_ROWS: in June 2024 a unit
    numbered by a multiple of 3 is at risk on S, an even one on R (both: a multiple of 6)."""
    from builders import catalogue, commit_figures, commit_targets

    store = open_store(db_path)
    units = [(f"U{i:02d}", "A" if i < 35 else "B") for i in range(70)]
    indicators = [("S", "stock", "count", "up", "month"), ("R", "ratio", "percent", "up", "month")]
    catalogue(store, units, indicators)
    commit_targets(store, [("*", "S", 2024, 10.0), ("*", "R", 2024, 80.0)])
    rows = []
    for i in range(70):
        rows.append((f"U{i:02d}", "S", "2024-06", 1.0 if i % 3 == 0 else 10.0))
        ratio = 30 if i % 2 == 0 else 80
        rows.append((f"U{i:02d}", "R", "2024-06", float(ratio), ratio, 100))
    commit_figures(store, rows)
    return store


def test_a_province_of_many_units_shows_clusters_then_its_units_over_slides(many_units):
    assert report.charts.MAX_UNIT_ROWS < 70
    pack = report.build(many_units.cursor(), must_parse("2024-H1"))
    titles = [s.title for s in pack.slides]
    assert titles[0] == "Mức đạt kế hoạch theo cụm thi đua — Toàn tỉnh — 6 tháng đầu năm 2024"
    assert titles[1:4] == [
        f"Mức đạt kế hoạch theo đơn vị — Toàn tỉnh — 6 tháng đầu năm 2024 ({n}/3)"
        for n in (1, 2, 3)
    ]  # 30 units a slide
    behind = [s for s in pack.slides if s.title.startswith("Đơn vị chậm tiến độ")]
    table = pd.concat([s.table for s in behind])
    # its last column wraps to two lines: fewer rows a slide, so none runs off the bottom
    assert [len(s.table) for s in behind][:-1] == [report.ROWS_OF_TWO_LINES] * (len(behind) - 1)
    # one line per unit: those at risk on both first, then the catalogue's order
    assert table.iloc[0].tolist() == ["Đơn vị U00", "Cụm A", "2 chỉ tiêu", "–", "S; R"]
    assert table["Đơn vị"].tolist()[:12] == [f"Đơn vị U{i:02d}" for i in range(0, 70, 6)]
    assert table.iloc[12].tolist() == ["Đơn vị U02", "Cụm A", "1 chỉ tiêu", "–", "R"]
    assert len(table) == sum(1 for i in range(70) if i % 2 == 0 or i % 3 == 0)
    # one cluster of 35 units is small enough for one picture and a line per indicator
    one = report.build(many_units.cursor(), must_parse("2024-H1"), "A")
    assert one.slides[0].title == "Mức đạt kế hoạch theo đơn vị — Cụm A — 6 tháng đầu năm 2024"
    assert not any("(1/" in s.title for s in one.slides if s.image is not None)
    detail = [s.table for s in one.slides if s.title.startswith("Đơn vị chậm tiến độ")][0]
    assert detail.iloc[0].tolist()[:2] == ["Đơn vị U00", "S"]
    assert set(detail["Đánh giá"]) == {"Nguy cơ không đạt"}


def test_more_names_than_shown_are_counted():
    assert report._some(["a", "b"]) == "a; b"
    assert report._some(["a", "b", "c", "d", "e"]) == "a; b; c và 2 chỉ tiêu khác"


def test_a_long_cell_wraps_in_its_column_in_the_pdf():
    long = "; ".join(["Chương trình phát sóng 3", "Tổ CNS cộng đồng 3", "Hồ sơ nộp trực tuyến 1"])
    table = pd.DataFrame(
        {"Đơn vị": ["Xã Đại Hồng Thành Mỹ"], "Nguy cơ không đạt": ["12 chỉ tiêu"], "Tên": [long]}
    )
    pack = report.Pack("T", "S", "F", [report.Slide("Bảng", table=table)])
    page = PdfReader(io.BytesIO(report.to_pdf(pack))).pages[1]
    lines = page.extract_text().splitlines()
    assert long not in lines  # it used to run on, past its column and off the page
    assert " ".join(line for line in lines if "sóng" in line or "trực" in line).count(";") == 2
    shares = report._column_shares(table)
    assert shares[2] == pytest.approx(40 / (20 + 16 + 40))  # text to 40 characters, heading to 16
