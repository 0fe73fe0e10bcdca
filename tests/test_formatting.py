"""Vietnamese number and date formats."""

from datetime import datetime

import pytest

from dashboard import formatting


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234, 0, "1.234"),
        (1234567.891, 2, "1.234.567,89"),
        (82.5, 1, "82,5"),
        (0, 0, "0"),
        (-1234.5, 1, "-1.234,5"),
        (None, 0, "–"),
        (float("nan"), 1, "–"),
    ],
)
def test_number(value, decimals, text):
    assert formatting.number(value, decimals) == text


def test_percent_and_measures():
    assert formatting.percent(82.5) == "82,5 %"
    assert formatting.percent(None) == "–"
    assert formatting.measure_value(82.54, "percent") == "82,5 %"
    assert formatting.measure_value(1234, "count") == "1.234"
    assert formatting.measure_value(87.25, "score") == "87,2"


def test_dates_are_dd_mm_yyyy_in_vietnam_time():
    assert formatting.date(datetime(2022, 6, 30)) == "30/06/2022"
    # 17:30 UTC on 30 June is 00:30 on 1 July in Vietnam
    assert formatting.date_time(datetime(2022, 6, 30, 17, 30)) == "01/07/2022 00:30"
    assert formatting.date_time(None) == "–"


def test_change_counts_use_thousands_dots():
    assert formatting.change_counts(1234, 5, 100000) == "1.234 mới, 5 thay đổi, 100.000 không đổi"
    assert formatting.change_counts(0, 12345) == "0 mới, 12.345 thay đổi"


def test_what_was_read_as_what_names_five_then_how_many_more():
    pairs = [(str(n), f"{n:05d}") for n in range(1, 8)]
    assert formatting.read_as(pairs[:2], "mã") == "1 → 00001, 2 → 00002"
    assert formatting.read_as(pairs, "cột", "; ") == (
        "1 → 00001; 2 → 00002; 3 → 00003; 4 → 00004; 5 → 00005 và 2 cột khác"
    )
