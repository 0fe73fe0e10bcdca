"""The number rule for text cells (see dashboard/numbers.py)."""

import pandas as pd
import pytest

from dashboard.numbers import in_words, parse, parse_bound, parse_ratio, parse_text

ACCEPTED = [
    ("82,5", False, 82.5),
    ("82.5", False, 82.5),
    ("82,5", True, 82.5),
    ("82.5", True, 82.5),
    ("82,5%", True, 82.5),
    ("82,5 %", False, 82.5),
    ("1.234", True, 1234),
    ("1.234", False, 1.234),  # ambiguous: the decimal mark outside ';' files
    ("1.234,5", True, 1234.5),
    ("1.234,5", False, 1234.5),
    ("1,234.5", False, 1234.5),
    ("1.234.567", False, 1234567),
    ("1,234,567", False, 1234567),
    ("1 234", False, 1234),
    ("1\u00a0234", True, 1234),
    ("-3", False, -3),
    ("0", True, 0),
    (".5", False, 0.5),
]


@pytest.mark.parametrize(("text", "semicolon_file", "value"), ACCEPTED)
def test_accepted(text, semicolon_file, value):
    assert parse_text(text, semicolon_file) == pytest.approx(value)


REFUSED = [
    "",
    "abc",
    "1,2,3",
    "1.2.3",
    "%",
    ",",
    "1,234.5.6",
    "12a",
    "inf",
    "nan",
    "1e5",
    "--1",
    "1,23.4",
]


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text):
    assert parse_text(text, False) is None


def test_series_keeps_numbers_and_flags_text():
    values, bad = parse(pd.Series([82.5, 3, None, "1.234", "x", "7", True]), True)
    assert values.tolist()[:4] == [82.5, 3.0, pytest.approx(float("nan"), nan_ok=True), 1234.0]
    assert bad.tolist() == [False, False, False, False, True, False, True]


def test_infinite_spreadsheet_numbers_are_refused():
    values, bad = parse(pd.Series([float("inf"), 1.0]), False)
    assert bad.tolist() == [True, False]


@pytest.mark.parametrize("semicolon_file", [False, True])
def test_a_column_of_text_follows_the_rule_cell_by_cell(semicolon_file):
    # parse reads most of a column in one pass, the rest cell by cell: both must give what
    # parse_text gives, with the cells in any order and whatever else the column holds.
    texts = [text for text, _, _ in ACCEPTED] + REFUSED + ["  7 ", "9" * 400, None, "12"]
    values, bad = parse(pd.Series(texts[::-1] + texts), semicolon_file)
    for text, value, refused in zip(texts[::-1] + texts, values, bad, strict=True):
        expected = None if text is None else parse_text(text, semicolon_file)
        if text is None:
            assert pd.isna(value) and not refused, text
        elif expected is None:
            assert refused and pd.isna(value), text
        else:
            assert not refused and value == pytest.approx(expected), text


@pytest.mark.parametrize(
    ("text", "semicolon_file", "read"),
    [
        ("45/50", False, (None, 45, 50)),
        (" 45 / 50 ", False, (None, 45, 50)),
        ("90% (45/50)", False, (90, 45, 50)),
        ("90 (45/50)", False, (90, 45, 50)),
        ("45/50 (90%)", False, (90, 45, 50)),
        ("82,5%(33/40)", False, (82.5, 33, 40)),
        ("1.200/1.500", True, (None, 1200, 1500)),  # a ';' file groups thousands with '.'
        ("0/0", False, (None, 0, 0)),
    ],
)
def test_a_ratios_parts_in_one_cell(text, semicolon_file, read):
    assert parse_ratio(text, semicolon_file) == read


@pytest.mark.parametrize(
    "text", ["45/50/60", "45/", "/50", "a/b", "06/2022 x", "45/50 (chín mươi)", "45:50", 45, None]
)
def test_what_is_no_ratios_parts(text):
    assert parse_ratio(text, False) is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("≥ 90%", ("at_least", 90)),
        (">=85 %", ("at_least", 85)),
        ("Trên 80%", ("at_least", 80)),
        ("Tối thiểu 75%", ("at_least", 75)),
        ("đạt ít nhất 60%", ("at_least", 60)),
        ("Không dưới 50", ("at_least", 50)),
        ("từ 90% trở lên", ("at_least", 90)),
        ("80% trở lên", ("at_least", 80)),
        ("≤ 5%", ("at_most", 5)),
        ("Dưới 3%", ("at_most", 3)),
        ("Tối đa 2,5%", ("at_most", 2.5)),
        ("không quá 10", ("at_most", 10)),
        ("5% trở xuống", ("at_most", 5)),
    ],
)
def test_a_target_written_as_a_bound(text, read):
    assert parse_bound(text, False) == read


@pytest.mark.parametrize(
    "text", ["90%", "khoảng 90%", "90-95%", "≥", "trên 80% dân số", "Trên 8O%", 90, None]
)
def test_what_is_no_bound(text):
    assert parse_bound(text, False) is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [("45/50", True), ("Trên 85%", True), ("KT. CHỦ TỊCH", False), ("05/9/2022", False)],
)
def test_a_figure_in_words_is_a_ratios_parts_or_a_bound(text, figure):
    assert in_words(text, False) is figure
