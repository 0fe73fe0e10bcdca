"""Charts: one status palette, Vietnamese numbers, titles that explain a screenshot."""

import re

import pandas as pd
import pytest
import vl_convert as vlc

from dashboard import catalog, charts, progress, status
from dashboard.periods import must_parse
from dashboard.store import open_store


def demo_frames(demo_db):
    cur = open_store(demo_db).cursor()
    frame = progress.progress(cur, must_parse("2022-H1"), "unit", cluster="MIENNUI", at_risk_pct=80)
    return cur, frame, catalog.units(cur), catalog.indicators(cur)


def colours(spec: dict) -> dict[str, str]:
    for layer in spec.get("layer", [spec]):
        colour = layer.get("encoding", {}).get("color", {})
        if "scale" in colour:
            return dict(zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True))
    raise AssertionError("no status colour")


def test_every_chart_uses_the_same_status_colours(demo_db):
    cur, frame, units, indicators = demo_frames(demo_db)
    heat = charts.heatmap(frame, units, indicators, "T", "F").to_dict()
    bars = charts.indicator_bars(
        frame[frame["indicator_code"] == "DVC_MUC34"], units, "percent", 95.0, "T", "F"
    ).to_dict()
    expected = {status.LABELS[c]: status.COLOURS[c] for c in status.ORDER}
    assert colours(heat) == expected == colours(bars)


def test_titles_footer_and_locale(demo_db):
    cur, frame, units, indicators = demo_frames(demo_db)
    spec = charts.heatmap(
        frame, units, indicators, "Tiêu đề", "Số liệu cập nhật đến …", big=True
    ).to_dict()
    assert spec["title"]["text"] == "Tiêu đề"
    assert spec["title"]["subtitle"] == ["Số liệu cập nhật đến …"]
    # the width fits the page, the height is the plot's: a longer title does not squeeze rows
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert spec["title"]["fontSize"] == 27
    assert spec["config"]["locale"]["number"] == charts.VN_LOCALE["number"]
    assert spec["padding"]["top"] >= 12  # room for stacked accents above the title


def test_bars_sort_by_achievement_with_targets_and_province_rule(demo_db):
    cur, frame, units, _ = demo_frames(demo_db)
    one = frame[frame["indicator_code"] == "DVC_MUC34"]
    spec = charts.indicator_bars(one, units, "percent", 95.0, "T", "F").to_dict()
    order = spec["layer"][0]["encoding"]["y"]["sort"]
    best = one.sort_values("achievement_pct", ascending=False)["scope_code"].iloc[0]
    assert order[0] == units.set_index("code").loc[best, "name"]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "tick", "rule"]


def test_vietnamese_thousands_in_a_rendered_axis():
    data = pd.DataFrame({"x": [0, 12345], "y": [0, 1]})
    import altair as alt

    chart = charts.finish(
        alt.Chart(data).mark_line().encode(x=alt.X("x:Q", axis=alt.Axis(format=",.0f")), y="y:Q"),
        "Số",
        "Nguồn",
    )
    svg = vlc.vegalite_to_svg(chart.to_dict())
    assert "12.000" in svg and "12,000" not in svg


def test_pace_lines():
    row = pd.Series({"baseline": 20.0, "target": 80.0})
    lines = progress.pace_lines(row)
    assert lines[lines["line"] == "Tiến độ cần đạt"]["value"].tolist() == [20.0, 80.0]
    assert lines[lines["line"] == "Kế hoạch"]["value"].tolist() == [80.0, 80.0]
    assert progress.pace_lines(pd.Series({"baseline": 1.0, "target": None})).empty


def _heatmap_svg(indicators: int, width: int, title: str = "T") -> str:
    """Two units × `indicators` indicators, every achievement 102 %, drawn `width` pixels wide
    as the screen and the PNG export draw it."""
    codes = [f"I{i:02d}" for i in range(indicators)]
    catalogue = pd.DataFrame(
        {"code": codes, "short_name": [f"Chỉ tiêu số {c}" for c in codes], "name": codes}
    ).assign(measure="percent")
    units = pd.DataFrame({"code": ["U1", "U2"], "name": ["Đơn vị 1", "Đơn vị 2"]})
    frame = pd.DataFrame(
        [
            dict(scope_code=u, indicator_code=c, actual=102.0, target=100.0, expected=50.0)
            for u in units["code"]
            for c in codes
        ]
    ).assign(achievement_pct=102.0, status="done")
    spec = charts.heatmap(frame, units, catalogue, title, "F").to_dict()
    spec["width"] = width
    return vlc.vegalite_to_svg(spec, format_locale=charts.VN_LOCALE["number"])


def _cell_texts(svg: str) -> list[str]:
    return [text for text in re.findall(r">([^<>]*)</text>", svg) if text.startswith("102")]


@pytest.mark.parametrize(
    ("indicators", "width", "cells"),
    [
        (10, 1100, "102 %"),  # a laptop: the number and its sign
        (10, 400, "102"),  # a phone: the number alone; the axis says it is a percent
        (30, 1100, "102"),  # thirty indicators on a slide
        (30, 500, None),  # too narrow even for the number: colour alone, the tooltip has it
    ],
)
def test_a_heatmap_cell_says_only_what_fits_its_width(indicators, width, cells):
    # "102 %" in a narrower cell showed as "02 %" under its neighbour: a wrong number
    svg = _heatmap_svg(indicators, width)
    assert _cell_texts(svg) == ([] if cells is None else [cells] * 2 * indicators)
    # what the numbers are is said under the axis, while there are numbers
    said = re.search(r'opacity="([0-9.]+)"[^>]*>Số trong ô: mức đạt kế hoạch \(%\)<', svg)
    assert said is not None and float(said.group(1)) == (0 if cells is None else 1)


TITLE = "Mức đạt kế hoạch theo đơn vị — Cụm thi đua đồng bằng — 6 tháng đầu năm 2022"


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (1100, [TITLE]),  # a laptop
        (
            640,
            ["Mức đạt kế hoạch theo đơn vị — Cụm thi đua đồng bằng", "6 tháng đầu năm 2022"],
        ),
        (390, ["Mức đạt kế hoạch theo đơn vị", "Cụm thi đua đồng bằng", "6 tháng đầu năm 2022"]),
    ],
)
def test_a_title_breaks_between_its_parts_where_the_chart_is_narrow(width, lines):
    # on a phone the title was cut to "Mức đạt kế hoạch theo đơn vị…": the scope and period,
    # what makes a screenshot explain itself, were lost
    svg = _heatmap_svg(10, width, TITLE)
    block = re.search(r"role-title-text.*?</text>", svg, re.S).group(0)
    shown = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", block) or re.findall(
        r">([^<>]+)</text>", block
    )
    assert shown == lines


@pytest.mark.parametrize("width", [360, 390, 430])
def test_a_title_part_longer_than_a_phones_line_wraps_at_its_words(width):
    # "DVC mức độ 3, 4 theo tháng năm 2022" alone is wider than a phone: it showed as
    # "DVC mức độ 3, 4 theo tháng …", the year lost
    title = "DVC mức độ 3, 4 theo tháng năm 2022 — Cụm thi đua miền núi"
    svg = _heatmap_svg(10, width, title)
    block = re.search(r"role-title-text.*?</text>", svg, re.S).group(0)
    shown = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", block)
    assert len(shown) >= 2 and "…" not in "".join(shown)
    assert " ".join(shown).replace(" — ", " ").split() == title.replace(" — ", " ").split()
    assert "Cụm thi đua miền núi" in shown  # the scope whole, on a line of its own
