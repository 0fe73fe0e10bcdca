"""Exports: long form that imports back, CSV that Excel opens, formulas made inert."""

import io

import openpyxl
import pandas as pd
import pytest

from builders import catalogue, commit_figures
from dashboard import export
from dashboard.store import open_store


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1620.0, "1620"),
        (82.5, "82.5"),
        (1 / 3, "0.3333333333333333"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_plain_number(value, text):
    assert export.plain_number(value) == text


@pytest.mark.parametrize("text", ["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised(text):
    assert export.neutralise(text) == "'" + text
    assert export.neutralise("Hội An") == "Hội An"
    assert export.neutralise(5) == 5


def test_csv_has_bom_and_inert_notes(store, tmp_path):
    catalogue(store, [("U1", "A")], [("S", "stock", "count", "up", "month")])
    commit_figures(store, [("U1", "S", "2022-01", 5, None, None, '=HYPERLINK("x")')])
    path = tmp_path / "out.csv"
    assert export.write_figures(store.cursor(), path) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(frame.columns) == [
        "ma_don_vi",
        "ma_chi_tieu",
        "ky_bao_cao",
        "gia_tri",
        "tu_so",
        "mau_so",
        "ghi_chu",
    ]
    assert frame.loc[0, "ghi_chu"].startswith("'=")
    assert frame.loc[0, "gia_tri"] == 5


def test_xlsx_has_frozen_header(demo_db, tmp_path):
    path = tmp_path / "out.xlsx"
    count = export.write_figures(open_store(demo_db).cursor(), path, year=2022)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == count + 1
    assert sheet["A1"].value == "ma_don_vi"
    assert all(str(c.value).startswith("2022") for c in sheet["C"][1:])


def test_unknown_extension_is_refused(store, tmp_path):
    with pytest.raises(ValueError, match=".csv hoặc .xlsx"):
        export.write_figures(store.cursor(), tmp_path / "out.pdf")


def test_xlsx_of_a_dashboard_table_has_numbers_in_vietnamese_format():
    frame = pd.DataFrame(
        {
            "Đơn vị": ["Hội An", '=HYPERLINK("x")'],
            "Đạt kế hoạch": ["82,5 %", "–"],
            "Số tổ": ["1.234", "5"],
            "Năm": [2022, 2023],
            "Kỳ": ["2022-06", "2022-07"],
        }
    )
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes({"Bảng": frame})))
    sheet = book["Bảng"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert (sheet["B2"].value, sheet["B2"].number_format) == (82.5, '#,##0.0" %"')
    assert sheet["B3"].value is None
    assert (sheet["C2"].value, sheet["C2"].number_format) == (1234, "#,##0")
    assert (sheet["D2"].value, sheet["D2"].number_format) == (2022, "0")
    assert sheet["E2"].value == "2022-06"
    assert sheet["A3"].value.startswith("'=")
