"""Periods: every accepted spelling, canonical codes, ends and Vietnamese names."""

import pytest

from dashboard.periods import (
    Period,
    containing,
    dates_month_first,
    ending_with,
    in_name,
    must_parse,
    named_in,
    parse,
    parts,
    periods_in_year,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2022-06", "2022-06"),
        ("2022-6", "2022-06"),
        ("2022/06", "2022-06"),
        ("06/2022", "2022-06"),
        ("6/2022", "2022-06"),
        ("T6/2022", "2022-06"),
        ("t06/2022", "2022-06"),
        ("Tháng 6/2022", "2022-06"),
        ("2022-Q2", "2022-Q2"),
        ("2022Q2", "2022-Q2"),
        ("Q2/2022", "2022-Q2"),
        ("Quý II/2022", "2022-Q2"),
        ("Quý 2 năm 2022", "2022-Q2"),
        ("quy ii - 2022", "2022-Q2"),
        ("Tháng 6 năm 2022", "2022-06"),
        ("THÁNG 06-2022", "2022-06"),
        ("6 tháng đầu năm 2022", "2022-H1"),
        ("6 THÁNG CUỐI NĂM 2022", "2022-H2"),
        ("6 tháng đầu/2022", "2022-H1"),
        ("6T cuối 2022", "2022-H2"),
        # a mid-year review's "6 tháng" alone: the first half
        ("6 tháng năm 2022", "2022-H1"),
        ("6 tháng/2022", "2022-H1"),
        ("Năm 2022", "2022"),
        ("năm  2022", "2022"),
        ("2022-H1", "2022-H1"),
        ("H2/2022", "2022-H2"),
        ("2022", "2022"),
        (2022, "2022"),
        (2022.0, "2022"),
        ("  2022-07 ", "2022-07"),
        ("01/06/2022", "2022-06"),  # a date Excel made of a typed month
        ("1/6/2022", "2022-06"),
        ("2022-06-01", "2022-06"),
        ("2022-06-01 00:00:00", "2022-06"),
        # a date cell as Excel shows it ("mmm-yy") and a CSV saved from it carries
        ("Jun-22", "2022-06"),
        ("Sept-22", "2022-09"),
        ("December 2022", "2022-12"),
        ("Thg6-22", "2022-06"),  # a Vietnamese Windows
        ("thg 12/2022", "2022-12"),
        # a space alone between the period and its year, as other tools write them
        ("Q2 2022", "2022-Q2"),
        ("Quý II 2022", "2022-Q2"),
        ("2022 Q2", "2022-Q2"),
        ("T6 2022", "2022-06"),
        ("Tháng 06 2022", "2022-06"),
        ("H1 2022", "2022-H1"),
        ("2022 H2", "2022-H2"),
    ],
)
def test_accepted_spellings(text, code):
    assert parse(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "2022-13",
        "13/2022",
        "2022-Q5",
        "2022-H3",
        "Q0/2022",
        "tháng sáu",
        "6 tháng giữa năm 2022",
        "Năm 22",
        "Quý V/2022",
        "22-06",
        "2022/06/30",
        "abc",
        2022.5,
        2022.1,  # a number cell: 2022.10 typed, 2022.1 kept; never taken for January
        "2022.10",
        "Junk-22",
        "Marc 2022",
        "Jun-2",
        "Thg13-22",
        "Q5 2022",
        "T13 2022",
        "6 2022",  # two numbers: which is the period is not said
    ],
)
def test_rejected_spellings(text):
    assert parse(text) is None


def test_must_parse_says_what_to_write():
    with pytest.raises(ValueError, match="2022-06 \\(tháng\\)"):
        must_parse("giữa năm")


@pytest.mark.parametrize(
    ("code", "end", "share", "label"),
    [
        ("2022-06", 6, 0.5, "Tháng 6/2022"),
        ("2022-Q2", 6, 0.5, "Quý II/2022"),
        ("2022-Q4", 12, 1.0, "Quý IV/2022"),
        ("2022-H1", 6, 0.5, "6 tháng đầu năm 2022"),
        ("2022-H2", 12, 1.0, "6 tháng cuối năm 2022"),
        ("2022", 12, 1.0, "Năm 2022"),
    ],
)
def test_ends_and_labels(code, end, share, label):
    period = must_parse(code)
    assert (period.end_month, period.share_of_year, period.label) == (end, share, label)


@pytest.mark.parametrize("frequency", ["month", "quarter", "half", "year"])
def test_every_label_the_dashboard_writes_reads_back_as_its_period(frequency):
    for period in periods_in_year(frequency, 2024):
        assert parse(period.label) == period
        assert parse(period.short_label) == period
        assert parse(period.label.upper()) == period


def test_a_label_inside_a_sentence_keeps_its_numerals():
    assert must_parse("2022-Q2").in_sentence == "quý II/2022"
    assert must_parse("2022-06").in_sentence == "tháng 6/2022"
    assert must_parse("2022-H1").in_sentence == "6 tháng đầu năm 2022"


def test_previous_wraps_the_year():
    assert must_parse("2022-01").previous().code == "2021-12"
    assert must_parse("2022-Q1").previous().code == "2021-Q4"
    assert must_parse("2022-H2").previous().code == "2022-H1"
    assert must_parse("2022").previous().code == "2021"


def test_the_period_a_month_ends():
    assert ending_with("quarter", 2022, 9) == Period(2022, "quarter", 3)
    assert ending_with("quarter", 2022, 8) is None
    assert ending_with("half", 2022, 12) == Period(2022, "half", 2)
    assert ending_with("year", 2022, 6) is None
    assert ending_with("month", 2022, 8) == Period(2022, "month", 8)


def test_periods_in_year():
    assert [p.code for p in periods_in_year("quarter", 2022)] == [
        "2022-Q1",
        "2022-Q2",
        "2022-Q3",
        "2022-Q4",
    ]
    assert [p.code for p in periods_in_year("month", 2022, 3)] == ["2022-01", "2022-02", "2022-03"]
    assert periods_in_year("year", 2022) == [Period(2022, "year", 1)]
    assert must_parse("2022-Q3").start_month == 7


@pytest.mark.parametrize(
    ("title", "codes"),
    [
        ("BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8 NĂM 2022", ["2022-08"]),
        ("Báo cáo T8/2022", ["2022-08"]),
        ("BIỂU SỐ LIỆU QUÝ III/2022", ["2022-Q3"]),
        ("Kết quả 6 tháng đầu năm 2022", ["2022-H1"]),
        ("BÁO CÁO SƠ KẾT 6 THÁNG NĂM 2022", ["2022-H1"]),  # not the year 2022
        ("Kèm theo báo cáo ngày 26 tháng 6 năm 2022", []),
        ("THÁNG 6 NĂM 2022", ["2022-06"]),
        ("BÁO CÁO NĂM 2022", ["2022"]),
        ("Tháng 8/2022 và tháng 9/2022", ["2022-08", "2022-09"]),
        # dates say when a report was signed, not what it is about
        ("(Kèm theo Báo cáo số 45/BC-UBND ngày 05 tháng 9 năm 2022)", []),
        ("Hội An, ngày 05/9/2022", []),
        ("Kế hoạch giai đoạn 2021-2025", []),
        ("UBND HUYỆN THĂNG BÌNH", []),
        ("Tháng 13/2022", []),
    ],
)
def test_the_periods_a_title_names(title, codes):
    assert [period.code for period in named_in(title)] == codes


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("T9", ("month", 9, None)),
        ("Tháng 09", ("month", 9, None)),
        ("BC T9", ("month", 9, None)),
        ("T7 (2)", ("month", 7, None)),  # Excel's copy of the sheet "T7"
        ("Quý III", ("quarter", 3, None)),
        ("Q3 2022", ("quarter", 3, 2022)),
        ("6 tháng đầu", ("half", 1, None)),
        ("T9-2022", ("month", 9, 2022)),
        ("Tháng 9 năm 2022", ("month", 9, 2022)),
        ("2022-09", ("month", 9, 2022)),
        ("2022", ("year", 1, 2022)),
        ("KH 2023", ("year", 1, 2023)),
        # a bare number is as often the sheet's order; two periods, or none, give none
        ("1", None),
        ("Sheet1", None),
        ("TH1", None),  # "tổng hợp" (summary) 1
        ("Tổng hợp", None),
        ("T13", None),
        ("T7-T9", None),
        ("Tháng 7-9", None),  # a range or a list names no one period
        ("Tháng 7, 8", None),
        ("Quý 1,2", None),
        ("Quý III - IV", None),
        ("2021-2022", None),
    ],
)
def test_the_period_a_sheets_name_gives(name, given):
    assert in_name(name) == given


def test_a_period_holds_the_periods_within_it():
    year, half, july = must_parse("2022"), must_parse("2022-H2"), must_parse("2022-07")
    assert year.holds(half) and half.holds(july) and year.holds(year)
    assert not july.holds(half) and not must_parse("2022-H1").holds(july)
    assert not must_parse("2021").holds(july)


@pytest.mark.parametrize(
    "text, month_first, read",
    [
        ("7/31/2022", False, "2022-07"),  # only month first reads
        ("12/31/2022 0:00", False, "2022-12"),
        ("6/1/2022", False, "2022-01"),  # both read: day first, as Vietnamese writes
        ("6/1/2022", True, "2022-06"),
        ("7/31/2022", True, "2022-07"),
        ("31/7/2022", True, None),
        ("13/13/2022", False, None),
    ],
)
def test_a_date_is_read_day_first_unless_month_first(text, month_first, read):
    period = parse(text, month_first=month_first)
    assert (period.code if period else None) == read


@pytest.mark.parametrize(
    "cells, expected",
    [
        (["7/31/2022", "6/1/2022"], True),
        (["7/31/2022", None, 3, "2022-07"], True),
        (["6/1/2022", "7/1/2022"], False),  # nothing says which order
        (["7/31/2022", "31/7/2022"], False),  # both orders: none for the column
        ([], False),
    ],
)
def test_a_column_is_month_first_when_a_date_reads_only_so_and_none_only_day_first(cells, expected):
    assert dates_month_first(cells) is expected


def test_the_period_holding_a_month_and_the_parts_of_a_period():
    assert containing("quarter", 2022, 5) == Period(2022, "quarter", 2)
    assert containing("half", 2022, 7) == Period(2022, "half", 2)
    assert containing("year", 2022, 1) == Period(2022, "year", 1)
    assert containing("month", 2022, 9) == Period(2022, "month", 9)
    assert [p.code for p in parts(Period(2022, "half", 1), "month")] == [
        f"2022-{m:02d}" for m in range(1, 7)
    ]
    assert [p.code for p in parts(Period(2022, "year", 1), "quarter")] == [
        "2022-Q1",
        "2022-Q2",
        "2022-Q3",
        "2022-Q4",
    ]
    assert [p.code for p in parts(Period(2022, "quarter", 3), "month")] == [
        "2022-07",
        "2022-08",
        "2022-09",
    ]


def test_which_periods_are_longer_than_a_frequency():
    assert Period(2022, "half", 1).is_longer_than("month")
    assert Period(2022, "year", 1).is_longer_than("quarter")
    assert not Period(2022, "quarter", 2).is_longer_than("quarter")
    assert not Period(2022, "month", 6).is_longer_than("quarter")
