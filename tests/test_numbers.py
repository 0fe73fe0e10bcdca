"""The number rule for text cells (see dashboard/numbers.py)."""

import pandas as pd
import pytest

from dashboard.numbers import parse, parse_text


@pytest.mark.parametrize(
    ("text", "semicolon_file", "value"),
    [
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
    ],
)
def test_accepted(text, semicolon_file, value):
    assert parse_text(text, semicolon_file) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
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
    ],
)
def test_refused(text):
    assert parse_text(text, False) is None


def test_series_keeps_numbers_and_flags_text():
    values, bad = parse(pd.Series([82.5, 3, None, "1.234", "x", "7", True]), True)
    assert values.tolist()[:4] == [82.5, 3.0, pytest.approx(float("nan"), nan_ok=True), 1234.0]
    assert bad.tolist() == [False, False, False, False, True, False, True]


def test_infinite_spreadsheet_numbers_are_refused():
    values, bad = parse(pd.Series([float("inf"), 1.0]), False)
    assert bad.tolist() == [True, False]
