"""The status palette: distinct in colour and in grey print."""

from itertools import combinations

from dashboard import status


def test_every_status_has_a_vietnamese_name_and_colour():
    assert status.ORDER[:5] == ["done", "on_track", "behind", "at_risk", "no_data"]
    assert status.label("at_risk") == "Nguy cơ không đạt"
    assert status.label("no_data") == "Chưa báo cáo"


def test_statuses_stay_apart_in_grey_print():
    lightness = {code: status.lightness(colour) for code, colour in status.COLOURS.items()}
    for a, b in combinations(lightness, 2):
        assert abs(lightness[a] - lightness[b]) >= 10, (a, b)


def test_text_reads_on_every_colour():
    for code, colour in status.COLOURS.items():
        text = status.text_colour(code)
        light, dark = sorted([status.relative_luminance(colour), status.relative_luminance(text)])[
            ::-1
        ]
        assert (light + 0.05) / (dark + 0.05) >= 4.5, code  # WCAG AA contrast
