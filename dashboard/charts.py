"""Altair charts in one visual language: status colours, Vietnamese numbers, and a title that
names the indicator, scope and period with the data-as-of line beneath, so a screenshot
explains itself."""

import json
import textwrap

import altair as alt
import pandas as pd

from dashboard import formatting, status

VN_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "time": {
        "dateTime": "%A, %d/%m/%Y %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["SA", "CH"],
        "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
        "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
        "months": [f"Tháng {m}" for m in range(1, 13)],
        "shortMonths": [f"T{m}" for m in range(1, 13)],
    },
}
STATUS_SCALE = alt.Scale(
    domain=[status.LABELS[c] for c in status.ORDER],
    range=[status.COLOURS[c] for c in status.ORDER],
)
FONT = "Source Sans Pro, Arial, sans-serif"
MAX_UNIT_ROWS = 60  # past this a units × indicators heatmap shows clusters instead
# A heatmap cell's width in pixels (at the screen's type size) that holds "102 %", "102", and
# an indicator's name on three flat lines of 14 characters.
CELL_PERCENT, CELL_NUMBER, CELL_FLAT_NAME = 40, 26, 72


def status_legend(title: str = "Đánh giá") -> alt.Legend:
    """The legend every status colour uses."""
    return alt.Legend(
        title=title,
        orient="bottom",
        direction="horizontal",
        symbolStrokeColor="#666",
        # one row where it fits; on a phone's width the six entries would run off the side
        columns=alt.ExprRef(expr="width < 400 ? 2 : width < 640 ? 3 : 0"),
    )


# A title's letter is about this share of its type size wide (Source Sans Pro, bold, Vietnamese
# with its accents): what decides how many of its parts a line holds.
TITLE_LETTER_EM = 0.56
# The title's parts ("Mức đạt kế hoạch theo đơn vị — Cụm thi đua đồng bằng — 6 tháng đầu năm
# 2022") and the footer's ("Số liệu cập nhật đến … · Nguồn: …") are where a line may break.
TITLE_SEPARATOR, FOOTER_SEPARATOR = " — ", " · "
TITLE_SHORTEST_LINE = 16  # letters: a part is wrapped no narrower (a phone holds 30 or more)


def _packed(parts: list[str], letters: int) -> list[str]:
    """The parts packed into lines of at most `letters` letters; a longer part is wrapped at
    its spaces, on lines of its own."""
    lines: list[str] = []
    wrapped = False  # the last line is the end of a wrapped part: nothing joins it
    for part in parts:
        joined = f"{lines[-1]}{TITLE_SEPARATOR}{part}" if lines else part
        if lines and not wrapped and len(joined) <= letters:
            lines[-1] = joined
        elif len(part) <= letters:
            lines.append(part)
        else:
            lines.extend(textwrap.wrap(part, letters))
        wrapped = len(part) > letters
    return lines


def title_text(title: str, font_px: float) -> str | alt.ExprRef:
    """The title on as few lines as the chart holds: chosen where it is drawn, since only there
    is the width known (a phone's 390 px cut "… — Cụm … — 6 tháng đầu năm 2022" off). The plot's
    width stands for the title's room: the axis beside it only adds to it."""
    parts = title.split(TITLE_SEPARATOR)
    layouts: list[list[str]] = []
    for letters in range(len(title), TITLE_SHORTEST_LINE - 1, -1):
        lines = _packed(parts, letters)
        if not layouts or lines != layouts[-1]:
            layouts.append(lines)
    if len(layouts) <= 1:
        return title
    choice = json.dumps(layouts[-1], ensure_ascii=False)
    for lines in reversed(layouts[:-1]):
        needed = round(max(map(len, lines)) * TITLE_LETTER_EM * font_px)
        shown = json.dumps(lines[0] if len(lines) == 1 else lines, ensure_ascii=False)
        choice = f"width >= {needed} ? {shown} : {choice}"
    return alt.ExprRef(expr=choice)


def finish(chart: alt.TopLevelMixin, title: str, footer: str, big: bool = False):
    """The chart with its title, the data-as-of footer beneath it, Vietnamese number format and
    the type size for a screen (big for presentation)."""
    size = 1.5 if big else 1.0
    return chart.properties(
        # The width fits the page (or the picture); the height is the plot's, with the title,
        # axes and legend on top of it, so that a title on three lines on a phone, or names
        # standing upright under narrow cells, do not squeeze the rows.
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        # Room above the title: stacked Vietnamese accents (ế, ầ) are taller than capitals.
        padding={"top": 14, "left": 6, "right": 6, "bottom": 6},
        title=alt.TitleParams(
            text=title_text(title, 18 * size),
            # On two lines, so that a phone shows both the time and the source.
            subtitle=footer.split(FOOTER_SEPARATOR),
            anchor="start",
            fontSize=18 * size,
            subtitleFontSize=12 * size,
            subtitleColor="#555",
            font=FONT,
            subtitleFont=FONT,
            offset=10,
        ),
        # One config set at once: each configure_… call copies the whole chart again.
        config=alt.Config(
            locale=VN_LOCALE,
            font=FONT,
            axis=alt.AxisConfig(labelFontSize=12 * size, titleFontSize=13 * size, labelLimit=260),
            legend=alt.LegendConfig(
                labelFontSize=12 * size, titleFontSize=13 * size, symbolSize=140 * size
            ),
            text=alt.MarkConfig(fontSize=11 * size),
            view=alt.ViewConfig(stroke=None),
        ),
    )


def _plot_height(rows: int, per_row: int) -> int:
    """The height of a chart's plot (its title, axes and legend come on top) for `rows`."""
    return max(3, rows) * per_row


def _wrap(text: str, width: int = 14) -> str:
    return "|".join(textwrap.wrap(text, width))


def _tooltips(*fields: str) -> list[alt.Tooltip]:
    """Tooltips of text columns. Written as channels, not names: Altair makes a channel of each
    name by searching its whole schema, about 15 ms each, at every chart drawn."""
    return [alt.Tooltip(field, type="nominal") for field in fields]


def _labels(frame: pd.DataFrame, measures: pd.Series) -> pd.DataFrame:
    out = frame.copy()
    out["Đánh giá"] = out["status"].map(status.LABELS)
    out["Thực hiện"] = [
        formatting.measure_value(v, m) for v, m in zip(out["actual"], measures, strict=True)
    ]
    out["Kế hoạch"] = [
        formatting.measure_value(v, m) for v, m in zip(out["target"], measures, strict=True)
    ]
    out["Tiến độ cần đạt"] = [
        formatting.measure_value(v, m) for v, m in zip(out["expected"], measures, strict=True)
    ]
    out["Đạt kế hoạch"] = out["achievement_pct"].map(formatting.percent)
    return out


def heatmap(
    frame: pd.DataFrame,
    rows: pd.DataFrame,
    indicators: pd.DataFrame,
    title: str,
    footer: str,
    big: bool = False,
):
    """Scopes (units or clusters) × indicators, each cell coloured by status and labelled with
    the achievement. `rows` holds code and name of each scope, in display order."""
    names = rows.set_index("code")["name"]
    info = indicators.set_index("code")
    data = _labels(frame, frame["indicator_code"].map(info["measure"]))
    data["Đơn vị"] = data["scope_code"].map(names)
    data["Chỉ tiêu"] = data["indicator_code"].map(info["short_name"])
    data["Cột"] = data["Chỉ tiêu"].map({name: _wrap(name) for name in data["Chỉ tiêu"].unique()})
    data["Tên chỉ tiêu"] = data["indicator_code"].map(info["name"])
    present = set(frame["indicator_code"])
    # "–" where there is no figure (formatting says so), else the number, then with its sign
    data["Số"] = data["achievement_pct"].map(lambda v: formatting.number(v, 0))
    data["Số %"] = data["Số"].where(data["achievement_pct"].isna(), data["Số"] + " %")
    data["dark"] = data["status"].map(lambda c: status.text_colour(c) == "#ffffff")
    unit_order = [names[c] for c in rows["code"] if c in set(frame["scope_code"])]
    indicator_order = [_wrap(info.loc[c, "short_name"]) for c in indicators["code"] if c in present]
    # A cell's width is known only where the chart is drawn (a phone, a laptop beside the
    # sidebar, a meeting screen, a slide): "102 %" in a narrower cell shows as "02 %" under
    # its neighbour. So it is chosen there: "102 %" where it fits, "102" where that fits
    # (the axis says the numbers are %), else colour alone; names lie flat on up to three lines
    # where those fit, and stand upright where they do not.
    size = 1.5 if big else 1.0
    cell = f"(width / {max(len(present), 1)})"
    label = (
        f"{cell} >= {CELL_PERCENT * size} ? datum['Số %'] : "
        f"{cell} >= {CELL_NUMBER * size} ? datum['Số'] : ''"
    )
    flat = f"{cell} >= {CELL_FLAT_NAME * size}"
    x = alt.X(
        "Cột:N",
        sort=indicator_order,
        axis=alt.Axis(
            orient="bottom",
            labelAngle=alt.ExprRef(expr=f"{flat} ? 0 : -90"),
            labelAlign=alt.ExprRef(expr=f"{flat} ? 'center' : 'right'"),
            labelBaseline=alt.ExprRef(expr=f"{flat} ? 'top' : 'middle'"),
            labelOverlap=False,
            labelLimit=200,
            labelExpr=f"{flat} ? split(datum.label, '|') : replace(datum.label, /[|]/g, ' ')",
            title="Số trong ô: mức đạt kế hoạch (%)",
            titleOpacity=alt.ExprRef(expr=f"{cell} >= {CELL_NUMBER * size} ? 1 : 0"),
        ),
    )
    y = alt.Y("Đơn vị:N", sort=unit_order, title=None)
    cells = (
        alt.Chart()
        .mark_rect(stroke="#ffffff", strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color("Đánh giá:N", scale=STATUS_SCALE, legend=status_legend()),
            tooltip=_tooltips(
                "Đơn vị",
                "Tên chỉ tiêu",
                "Thực hiện",
                "Kế hoạch",
                "Tiến độ cần đạt",
                "Đạt kế hoạch",
                "Đánh giá",
            ),
        )
    )
    text = (
        alt.Chart()
        .transform_calculate(Nhãn=label)
        .mark_text(baseline="middle")
        .encode(
            x=x,
            y=y,
            text=alt.Text("Nhãn:N"),
            color=alt.ColorValue("#000000", condition={"test": "datum.dark", "value": "#ffffff"}),
        )
    )
    height = _plot_height(len(unit_order), 36 if big else 30)
    return finish(alt.layer(cells, text, data=data).properties(height=height), title, footer, big)


def indicator_bars(
    frame: pd.DataFrame,
    units: pd.DataFrame,
    measure: str,
    province_target: float | None,
    title: str,
    footer: str,
    big: bool = False,
):
    """Each unit's actual as a bar coloured by status, sorted by achievement, its target as a
    tick, and the province-wide target as a rule."""
    names = units.set_index("code")["name"]
    data = _labels(frame, pd.Series(measure, index=frame.index))
    data["Đơn vị"] = data["scope_code"].map(names)
    data["sort_key"] = data["achievement_pct"].fillna(-1)
    order = data.sort_values(["sort_key", "Đơn vị"], ascending=[False, True])["Đơn vị"].tolist()
    axis_title = "Thực hiện (%)" if measure == "percent" else "Thực hiện"
    y = alt.Y("Đơn vị:N", sort=order, title=None)
    tooltip = _tooltips(
        "Đơn vị", "Thực hiện", "Kế hoạch", "Tiến độ cần đạt", "Đạt kế hoạch", "Đánh giá"
    )
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("actual:Q", title=axis_title, axis=alt.Axis(format=",.4~f")),
            color=alt.Color("Đánh giá:N", scale=STATUS_SCALE, legend=status_legend()),
            tooltip=tooltip,
        )
    )
    ticks = (
        alt.Chart()
        .mark_tick(color="#222", thickness=3, size=22 if big else 16)
        .encode(y=y, x=alt.X("target:Q"), tooltip=tooltip)
    )
    layers = [bars, ticks]
    if province_target is not None and pd.notna(province_target):
        rule = (
            alt.Chart(
                pd.DataFrame(
                    {
                        "target": [province_target],
                        "Kế hoạch chung": [formatting.measure_value(province_target, measure)],
                    }
                )
            )
            .mark_rule(color="#444", strokeDash=[6, 4], size=2)
            .encode(x=alt.X("target:Q"), tooltip=_tooltips("Kế hoạch chung"))
        )
        layers.append(rule)
    height = _plot_height(len(order), 30 if big else 24)
    return finish(alt.layer(*layers, data=data).properties(height=height), title, footer, big)


def indicator_series(
    series: pd.DataFrame,
    pace: pd.DataFrame,
    measure: str,
    title: str,
    footer: str,
    big: bool = False,
):
    """The indicator month by month for the chosen scopes (column `name`), the target as a
    dashed line and the expected pace as a dotted one."""
    data = series.copy()
    data["Giá trị"] = [formatting.measure_value(v, measure) for v in data["actual"]]
    data["Tháng"] = data["month"].map(lambda m: f"T{m}")
    x = alt.X(
        "month:Q",
        title="Tháng",
        scale=alt.Scale(domain=[0, 12]),
        axis=alt.Axis(
            values=list(range(0, 13)),
            format="d",
            labelExpr="datum.value == 0 ? 'Đầu năm' : 'T' + datum.value",
        ),
    )
    y_title = "Giá trị (%)" if measure == "percent" else "Giá trị"
    lines = (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=2.5 if big else 2)
        .encode(
            x=x,
            y=alt.Y("actual:Q", title=y_title, axis=alt.Axis(format=",.4~f")),
            color=alt.Color("name:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("name:N", title="Phạm vi"), *_tooltips("Tháng", "Giá trị")],
        )
    )
    guide = pace.copy()
    guide_tooltip = [alt.Tooltip("line:N", title=""), *_tooltips("Giá trị")]
    guide["Giá trị"] = [formatting.measure_value(v, measure) for v in guide["value"]]
    target = (
        alt.Chart(guide[guide["line"] == "Kế hoạch"])
        .mark_line(color="#222", strokeDash=[8, 4], strokeWidth=2)
        .encode(x=x, y=alt.Y("value:Q"), detail=alt.Detail("line:N"), tooltip=guide_tooltip)
    )
    expected = (
        alt.Chart(guide[guide["line"] == "Tiến độ cần đạt"])
        .mark_line(color="#777", strokeDash=[2, 3], strokeWidth=2)
        .encode(x=x, y=alt.Y("value:Q"), detail=alt.Detail("line:N"), tooltip=guide_tooltip)
    )
    return finish(
        alt.layer(lines, target, expected).properties(height=380 if big else 300),
        title,
        footer,
        big,
    )
