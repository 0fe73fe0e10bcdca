"""Templates: the wide form of a unit and period, with its indicators and targets."""

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from builders import catalogue, commit_figures
from dashboard import templates
from dashboard.periods import must_parse
from dashboard.store import open_store


@pytest.fixture
def cur(demo_db):
    return open_store(demo_db).cursor()


def test_frame_has_a_row_per_month_and_columns_per_indicator(cur):
    frame = templates.frame(cur, "HOIAN", must_parse("2022-Q2"))
    assert list(frame["ky_bao_cao"]) == ["2022-04", "2022-05", "2022-06"]
    assert "TTHC_SOHOA_TU_SO" in frame and "TTHC_SOHOA_MAU_SO" in frame and "CNS_TO" in frame
    assert "TTHC_SOHOA" not in frame  # ratios are sent as numerator and denominator
    june = frame.iloc[2]
    assert pd.notna(june["HL_HAILONG"])  # the quarter's figure sits on its last month
    assert pd.isna(frame.iloc[0]["HL_HAILONG"])


def test_future_period_is_blank(cur):
    frame = templates.frame(cur, "HOIAN", must_parse("2022-07"))
    assert frame.drop(columns=["ma_don_vi", "ky_bao_cao"]).isna().all().all()


def test_xlsx_has_form_and_indicator_sheets(cur):
    book = openpyxl.load_workbook(
        io.BytesIO(templates.xlsx_bytes(cur, "TAYGIANG", must_parse("2022-H1")))
    )
    form, info = book["Bao_cao"], book["Chi_tieu"]
    assert "Tây Giang" in form["A1"].value and "6 tháng đầu năm 2022" in form["A1"].value
    assert form.cell(row=templates.HEADER_ROW, column=1).value == "ma_don_vi"
    assert form.freeze_panes == "C5"
    assert form.max_row == templates.HEADER_ROW + 6
    rows = {r[0]: r for r in info.iter_rows(min_row=2, values_only=True)}
    assert rows["TTHC_SOHOA"][5] == 80  # the province-wide target stands for the unit
    assert rows["CNS_TO"][4] == "tháng"
    assert info.cell(row=1, column=6).value == "ke_hoach_2022"


def test_unknown_unit(cur):
    with pytest.raises(templates.UnknownUnit, match="XX"):
        templates.frame(cur, "XX", must_parse("2022-07"))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 27), "2022-07"),  # the month after the newest figure (June 2022)
        (date(2022, 6, 20), "2022-06"),  # but not a month that has not begun
    ],
)
def test_the_month_offered_first_follows_the_newest_figure(cur, today, expected):
    assert templates.next_month(cur, today).code == expected


def test_the_month_after_a_december_is_january_and_an_empty_database_offers_last_month(db_path):
    store = open_store(db_path)
    assert templates.next_month(store.cursor(), date(2026, 1, 10)).code == "2025-12"
    catalogue(store, [("HOIAN", "C")], [("CNS_TO", "stock", "count", "up", "month")])
    commit_figures(store, [("HOIAN", "CNS_TO", "2025-12", 5)])
    assert templates.next_month(store.cursor(), date(2026, 3, 1)).code == "2026-01"


def test_cells_of_a_month_that_takes_no_figure_of_an_indicator_are_grey(cur):
    book = openpyxl.load_workbook(
        io.BytesIO(templates.xlsx_bytes(cur, "HOIAN", must_parse("2022-Q2")))
    )
    form = book["Bao_cao"]
    header = [cell.value for cell in form[templates.HEADER_ROW]]
    grey = {
        (form.cell(row=row, column=1 + header.index(code)).fill.fgColor.rgb[-6:])
        for row in (5, 6)  # April and May
        for code in ("HL_HAILONG", "CSDL_DUNGCHUNG")  # quarterly
    }
    assert grey == {"D9D9D9"}
    june = 7
    for code in ("HL_HAILONG", "CNS_TO"):  # the quarter's last month; a monthly one
        assert form.cell(row=june, column=1 + header.index(code)).fill.fgColor.rgb[-6:] != "D9D9D9"
