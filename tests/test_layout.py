"""Finding the header and the form of a table."""

from datetime import datetime

import pandas as pd
import pytest

from dashboard.layout import SHEET_SPAN, column_letter, locate, normalise, placed, summary_sheet
from dashboard.periods import Period, of_cell, parse
from dashboard.reader import FileRejected, Sheet

CODES = ["TTHC_SOHOA", "CNS_TO"]


def sheet(rows: list[list]) -> Sheet:
    return Sheet.from_rows("t", rows, list(range(1, len(rows) + 1)))


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Mã đơn vị", "madonvi"),
        ("MA_DON_VI", "madonvi"),
        (" mã  Đơn Vị ", "madonvi"),
        ("Kỳ báo cáo", "kybaocao"),
        ("Tử số", "tuso"),
        ("unit_code", "unitcode"),
    ],
)
def test_headers_compare_without_case_accents_or_spaces(header, key):
    assert normalise(header) == key


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_long_form_below_title_rows_in_english():
    table = locate(
        [
            sheet(
                [
                    ["REPORT"],
                    [],
                    ["STT", "Unit code", "Indicator code", "Period", "Value", "Note"],
                    [1, "HOIAN", "CNS_TO", "2022-06", 5, None],
                ]
            )
        ],
        CODES,
    )
    assert (table.form, table.header_row, table.ignored_columns) == ("long", 3, ["A (STT)"])
    row = table.rows.iloc[0]
    assert (row["unit_code"], row["value"], row["value_column"]) == ("HOIAN", 5, "E (Value)")


def test_wide_form_melts_to_one_row_per_filled_cell():
    table = locate(
        [
            sheet(
                [
                    [
                        "ma_don_vi",
                        "ky_bao_cao",
                        "TTHC_SOHOA_TU_SO",
                        "TTHC_SOHOA_MAU_SO",
                        "CNS_TO",
                        "ghi_chu",
                    ],
                    ["HOIAN", "2022-06", 80, 100, None, "x"],
                    ["HOIAN", "2022-07", None, None, None, None],
                ]
            )
        ],
        CODES,
    )
    assert table.form == "wide"
    assert len(table.rows) == 1
    row = table.rows.iloc[0]
    assert (row["indicator_code"], row["numerator"], row["denominator"], row["note"]) == (
        "TTHC_SOHOA",
        80,
        100,
        "x",
    )
    assert row["numerator_column"] == "C (TTHC_SOHOA_TU_SO)"


@pytest.mark.parametrize("head", ["Kế hoạch", "KH", "Kế hoạch giao", "Chỉ tiêu giao", "Số giao"])
def test_targets_header(head):
    table = locate(
        [sheet([["Mã đơn vị", "Mã chỉ tiêu", "Năm", head], ["*", "CNS_TO", 2022, 10]])],
        CODES,
        targets=True,
    )
    assert table.form == "targets" and table.rows.iloc[0]["value"] == 10


def test_missing_columns_are_named():
    with pytest.raises(FileRejected, match="thiếu cột: ky_bao_cao, gia_tri"):
        locate([sheet([["ma_don_vi", "ma_chi_tieu"], ["HOIAN", "CNS_TO"]])], CODES)


def test_footer_lines_are_not_figures():
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
                    ["HOIAN", "CNS_TO", "2022-06", 5],
                    [None, None, None, None],
                    ["Người lập biểu", None, None, None],
                ]
            )
        ],
        CODES,
    )
    assert len(table.rows) == 1


def test_totals_lines_are_dropped_and_named():
    table = locate(
        [
            sheet(
                [
                    ["STT", "Tên đơn vị", "ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
                    [1, "Hội An", "HOIAN", "CNS_TO", "2022-06", 5],
                    [2, "Tổng cộng (2 đơn vị)", None, None, None, 9],  # 3: label in another column
                    [3, None, "Tổng cộng", "CNS_TO", "2022-06", 9],  # 4: where a unit belongs
                    [4, None, "Cộng:", None, None, 9],  # 5
                    [5, "Công an tỉnh", None, None, None, 2],  # 6: a name, not a total
                    [6, "Tổng", None, "CNS_TO", "2022-06", 2],  # 7: an indicator: for validation
                    [7, None, None, None, None, 4],  # 8: nothing says total
                    [8, "Tổng số hồ sơ", "HOIAN", "TTHC_SOHOA", "2022-06", 3],  # 9: a unit's
                ]
            )
        ],
        CODES,
    )
    assert table.totals_rows == [3, 4, 5]
    assert list(table.rows["source_row"]) == [2, 6, 7, 8, 9]


def test_a_totals_line_of_the_wide_template_is_dropped():
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ky_bao_cao", "CNS_TO", "TTHC_SOHOA"],
                    ["HOIAN", "2022-06", 5, 50],
                    ["TỔNG CỘNG", "2022-06", 5, 50],
                ]
            )
        ],
        CODES,
    )
    assert (table.form, table.totals_rows, len(table.rows)) == ("wide", [3], 2)


def test_a_row_with_any_figure_field_filled_is_kept_for_validation_to_judge():
    # Only lines with nothing but a unit or a note are dropped; a row that lacks its indicator
    # or its period but has something else must reach validation, which says what is missing.
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri", "tu_so", "ghi_chu"],
                    ["HOIAN", None, "2022-06", 5, None, None],
                    ["HOIAN", None, None, 7, None, None],
                    ["HOIAN", None, None, None, 3, None],
                    ["HOIAN", None, None, None, None, "chỉ có ghi chú"],
                    [None, None, None, None, None, None],
                    ["HOIAN", "CNS_TO", None, None, None, None],
                ]
            )
        ],
        CODES,
    )
    assert list(table.rows["source_row"]) == [2, 3, 4, 7]


def test_a_signature_block_spread_over_the_columns_is_dropped_and_named():
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri", "mau_so"],
                    ["HOIAN", "CNS_TO", "2022-06", 5, None],
                    [None, None, "Hội An, ngày 05 tháng 7 năm 2022", None, None],  # 3
                    ["Người lập biểu", None, None, None, "Thủ trưởng đơn vị"],  # 4
                    [None, None, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", None],  # 5
                    ["HOIAN", None, "2022-06", "đang tổng hợp", None],  # 6: a period: validation's
                    ["HOIAN", "CNS_TO", "tháng sáu", "đang tổng hợp", None],  # 7: an indicator
                    [None, None, None, "5", "Thủ trưởng"],  # 8: a number
                ]
            )
        ],
        CODES,
    )
    assert table.text_rows == [3, 4, 5]
    assert list(table.rows["source_row"]) == [2, 6, 7, 8]


def test_a_header_repeated_where_files_were_pasted_together_is_dropped_and_named():
    table = locate(
        [
            sheet(
                [
                    ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"],
                    ["HOIAN", "CNS_TO", "2022-06", 5],
                    ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],  # 3: the same heads
                    ["TAMKY", "CNS_TO", "2022-06", 7],
                    ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", None],  # 5: one head short
                ]
            )
        ],
        CODES,
    )
    assert (table.text_rows, table.header_repeats) == ([3, 5], [3])
    assert list(table.rows["source_row"]) == [2, 4]


def test_signature_lines_of_the_wide_template_and_of_targets_are_dropped():
    wide = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ky_bao_cao", "CNS_TO", "TTHC_SOHOA"],
                    ["HOIAN", "2022-06", 5, 50],
                    ["Người lập biểu", None, "Thủ trưởng đơn vị", None],
                    ["HOIAN", None, "5", None],  # a number without its period: validation's
                ]
            )
        ],
        CODES,
    )
    assert (wide.form, wide.text_rows, list(wide.rows["source_row"])) == ("wide", [3], [2, 2, 4])
    targets = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ma_chi_tieu", "nam", "ke_hoach"],
                    ["*", "CNS_TO", 2022, 10],
                    ["Người lập biểu", None, "Giám đốc Sở", "(đã ký)"],
                ]
            )
        ],
        CODES,
        targets=True,
    )
    assert (targets.text_rows, len(targets.rows)) == ([3], 1)


def test_a_column_of_names_beside_the_codes_is_not_read_as_codes_but_kept_to_check_them():
    table = locate(
        [
            sheet(
                [
                    ["TT", "Đơn vị", "Mã ĐV", "Mã CT", "Chỉ tiêu", "Kỳ", "Giá trị"],
                    [1, "Hội An", "HOIAN", "CNS_TO", "Tổ công nghệ số", "2022-06", 5],
                    [2, None, "TAMKY", "CNS_TO", "Tổ công nghệ số", "2022-06", 6],
                ]
            )
        ],
        CODES,
    )
    assert table.ignored_columns == ["A (TT)"]
    rows = table.rows
    assert list(rows["unit_code"]) == ["HOIAN", "TAMKY"]
    assert list(rows["indicator_code"]) == ["CNS_TO", "CNS_TO"]
    assert rows["unit_code_name"][0] == "Hội An" and pd.isna(rows["unit_code_name"][1])
    assert list(rows["indicator_code_name"]) == ["Tổ công nghệ số"] * 2
    assert (rows["unit_code_name_column"][0], rows["indicator_code_name_column"][0]) == (
        "B (Đơn vị)",
        "E (Chỉ tiêu)",
    )


def test_a_second_column_of_names_is_unused():
    header = ["Mã ĐV", "Đơn vị", "Tên đơn vị", "Mã CT", "Kỳ", "Giá trị"]
    table = locate([sheet([header, ["HOIAN", "Hội An", "Tam Kỳ", "CNS_TO", "2022-06", 5]])], CODES)
    assert table.ignored_columns == ["C (Tên đơn vị)"]
    assert table.rows["unit_code_name_column"][0] == "B (Đơn vị)"


CODE_AND_NAME = ["HOIAN", "Hội An", "CNS_TO", "06/2022", 5]


@pytest.mark.parametrize(
    ("header", "line", "ignored"),
    [
        # a commune's list heads its units as administrative units, its names beside
        (
            ["Mã ĐVHC", "Tên ĐVHC", "Mã chỉ tiêu", "Thời gian", "Số liệu"],
            CODE_AND_NAME,
            [],
        ),
        (
            ["Mã xã", "Xã, phường", "Tiêu chí", "Tháng/Năm", "Giá trị"],
            CODE_AND_NAME,
            [],
        ),
        (
            ["Địa phương", "Mã CT", "Thời điểm báo cáo", "Kết quả đạt được"],
            CODE_AND_NAME[:1] + CODE_AND_NAME[2:],
            [],
        ),
        # "Huyện" beside its communes is no unit column of theirs: it is unused, not a second
        (
            ["Huyện", "Xã", "Mã chỉ tiêu", "Kỳ báo cáo", "Số liệu báo cáo"],
            ["Núi Thành", "HOIAN", "CNS_TO", "06/2022", 5],
            ["A (Huyện)"],
        ),
    ],
)
def test_the_headers_communes_and_other_systems_write(header, line, ignored):
    table = locate([sheet([header, line])], CODES)
    assert table.form == "long" and table.ignored_columns == ignored
    row = table.rows.iloc[0]
    assert (row["unit_code"], row["indicator_code"], row["value"]) == ("HOIAN", "CNS_TO", 5)
    assert Period(2022, "month", 6) == parse(row["period"])


@pytest.mark.parametrize(
    "header",
    [
        ["Mã đơn vị", "ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],  # two code columns
        ["Đơn vị", "unit", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],  # two name columns
    ],
)
def test_two_columns_of_one_kind_for_a_field_are_refused(header):
    with pytest.raises(FileRejected, match="có hai cột «ma_don_vi»"):
        locate([sheet([header, ["HOIAN", "HOIAN", "CNS_TO", "2022-06", 5]])], CODES)


def test_a_header_of_two_rows_takes_the_lower_names_under_a_group_label():
    table = locate(
        [
            sheet(
                [
                    ["BÁO CÁO THÁNG 8/2022"],
                    ["STT", "Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Số liệu", None, None],
                    [None, None, None, None, "Giá trị", "Tử số", "Mẫu số"],
                    [1, "HOIAN", "TTHC_SOHOA", "2022-08", None, 450, 500],
                    [2, "HOIAN", "CNS_TO", "2022-08", 132, None, None],
                ]
            )
        ],
        CODES,
    )
    assert (table.form, table.header_row, list(table.rows["source_row"])) == ("long", 2, [4, 5])
    first = table.rows.iloc[0]
    assert (first["numerator"], first["denominator"], first["numerator_column"]) == (
        450,
        500,
        "F (Tử số)",
    )
    assert table.rows.iloc[1]["value"] == 132


@pytest.mark.parametrize(
    "numbering",
    [
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [1, 2, 3, 4, 5],
        ["A", "B", "1", "2", "(3)=(1)x100"],
    ],
)
def test_a_row_numbering_the_columns_under_the_header_is_part_of_it(numbering):
    table = locate(
        [
            sheet(
                [
                    ["STT", "ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
                    numbering,
                    [1, "HOIAN", "CNS_TO", "2022-08", 132],
                ]
            )
        ],
        CODES,
    )
    assert list(table.rows["source_row"]) == [3]


def test_a_line_of_figures_under_the_header_is_never_taken_for_part_of_it():
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
                    [None, "CNS_TO", "2022-08", 132],  # no unit, yet a figure: validation's
                    ["01", "A", "2022-08", "5"],  # short cells, yet a period
                ]
            )
        ],
        CODES,
    )
    assert (table.form, list(table.rows["source_row"])) == ("long", [2, 3])
    assert table.rows.iloc[0]["indicator_code"] == "CNS_TO"


def test_without_a_period_column_the_one_period_of_the_title_is_every_rows():
    table = locate(
        [
            sheet(
                [
                    ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8 NĂM 2022"],
                    ["(Kèm theo Báo cáo số 45/BC-UBND ngày 05 tháng 9 năm 2022)"],
                    ["ma_don_vi", "ma_chi_tieu", "gia_tri"],
                    ["HOIAN", "CNS_TO", 5],
                    [None, None, None],
                ]
            )
        ],
        CODES,
    )
    assert table.title_period == (Period(2022, "month", 8), 1)
    assert table.rows[["period", "period_column"]].values.tolist() == [
        ["2022-08", "tiêu đề (dòng 1)"]
    ]


def test_a_wide_sheet_with_its_period_in_the_title():
    table = locate(
        [sheet([["BIỂU SỐ LIỆU QUÝ III/2022"], ["Mã ĐV", "CNS_TO"], ["HOIAN", 5], ["QUESON", 3]])],
        CODES,
    )
    assert (table.form, table.header_row) == ("wide", 2)
    assert list(table.rows["period"]) == ["2022-Q3", "2022-Q3"]


def test_a_title_naming_a_year_and_a_month_of_it_means_the_month():
    rows = [
        ["KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2022"],
        ["Báo cáo tháng 8/2022"],
        ["ma_don_vi", "ma_chi_tieu", "gia_tri"],
        ["HOIAN", "CNS_TO", 5],
    ]
    assert locate([sheet(rows)], CODES).title_period == (Period(2022, "month", 8), 2)


@pytest.mark.parametrize(
    "titles",
    [[], [["BÁO CÁO THÁNG 8/2022"], ["Số liệu tháng 7/2022 đã gửi trước"]]],
)
def test_without_a_period_column_or_one_period_in_the_title_the_column_is_asked_for(titles):
    rows = [*titles, ["ma_don_vi", "ma_chi_tieu", "gia_tri"], ["HOIAN", "CNS_TO", 5]]
    with pytest.raises(FileRejected, match="thiếu cột: ky_bao_cao.*ở dòng tên báo cáo"):
        locate([sheet(rows)], CODES)


def test_a_targets_file_without_a_year_column_takes_the_year_of_its_title():
    rows = [
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2023"],
        ["Mã đơn vị", "Mã chỉ tiêu", "Kế hoạch"],
        ["*", "CNS_TO", 150],
    ]
    table = locate([sheet(rows)], CODES, targets=True)
    assert (table.title_period, list(table.rows["year"])) == (
        (Period(2023, "year", 1), 1),
        ["2023"],
    )
    # a title naming a month or a half is no year of targets
    rows[0] = ["KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2023"]
    with pytest.raises(FileRejected, match="thiếu cột: nam.*KẾ HOẠCH NĂM 2023"):
        locate([sheet(rows)], CODES, targets=True)


def test_a_unit_merged_down_over_its_block_of_lines_is_each_lines():
    rows = [
        ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"],
        ["HOIAN", "TTHC_SOHOA", "2022-08", 90],
        [None, "CNS_TO", None, 132],
        [None, None, None, 7],
        ["TAMKY", "CNS_TO", "2022-08", 140],
    ]
    merged = sheet(rows)
    # A2:A4 (the unit), C2:C3 (the period) and D3:D4 (a value: left as it is)
    merged.merged = [(0, 2, 0, 4), (2, 2, 2, 3), (3, 3, 3, 4)]
    table = locate([merged], CODES)
    assert list(table.rows["unit_code"]) == ["HOIAN", "HOIAN", "HOIAN", "TAMKY"]
    assert list(table.rows["period"]) == ["2022-08", "2022-08", None, "2022-08"]
    assert list(table.rows["indicator_code"]) == ["TTHC_SOHOA", "CNS_TO", None, "CNS_TO"]
    assert merged.columns[0][2] is None  # the sheet's cells stay as read


def test_a_header_cell_merged_over_two_header_rows_stays_in_the_header():
    rows = [
        ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Số liệu", None],
        [None, None, None, "Giá trị", "Ghi chú"],
        ["HOIAN", "CNS_TO", "2022-08", 132, None],
    ]
    merged = sheet(rows)
    merged.merged = [(0, 1, 0, 2), (1, 1, 1, 2), (2, 1, 2, 2)]
    table = locate([merged], CODES)
    assert (table.header_row, list(table.rows["source_row"])) == (1, [3])
    assert table.rows.iloc[0]["value"] == 132


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        (["Tháng"], [datetime(2022, 6, 1), datetime(2022, 7, 1)]),  # date cells, as "mm/yyyy"
        (["Tháng"], ["06/2022", "T7/2022"]),
        (["Quý"], ["Quý II/2022", "2022-Q3"]),
        # a Năm column beside it says nothing the month does not: unused
        (["Năm", "Tháng"], [(2022, "06/2022"), (2022, "T7/2022")]),
    ],
)
def test_a_month_column_of_whole_periods_is_the_period_column(header, cells):
    rows = [["Mã đơn vị", "Mã chỉ tiêu", *header, "Giá trị"]]
    rows += [
        ["HOIAN", "CNS_TO", *(cell if isinstance(cell, tuple) else (cell,)), 5] for cell in cells
    ]
    table = locate([sheet(rows)], CODES)
    read = [of_cell(cell) for cell in table.rows["period"]]
    assert [p.index for p in read] == ([2, 3] if header == ["Quý"] else [6, 7])
    assert table.ignored_columns == (["C (Năm)"] if len(header) == 2 else [])
    assert set(table.rows["period_column"]) == {
        f"{'D' if len(header) == 2 else 'C'} ({header[-1]})"
    }


def test_a_month_column_of_month_numbers_still_needs_its_year():
    rows = [["Mã đơn vị", "Mã chỉ tiêu", "Tháng", "Giá trị"], ["HOIAN", "CNS_TO", 6, 5]]
    with pytest.raises(FileRejected, match="thiếu cột: ky_bao_cao"):
        locate([sheet(rows)], CODES)


def test_year_and_month_columns_make_the_period_when_there_is_no_period_column():
    table = locate(
        [
            sheet(
                [
                    ["Mã đơn vị", "Mã chỉ tiêu", "Năm", "Tháng", "Quý", "Giá trị"],
                    ["HOIAN", "CNS_TO", 2022, 8, None, 132],
                    ["HOIAN", "CNS_TO", 2022.0, "Tháng 9", None, 133],
                    ["HOIAN", "TTHC_SOHOA", "Năm 2022", None, "III", 90],
                    ["HOIAN", "TTHC_SOHOA", 2022, None, 4, 91],
                    ["HOIAN", "CNS_TO", 2022, None, None, 140],
                    ["HOIAN", "CNS_TO", 2022, 13, None, 141],
                    ["HOIAN", "CNS_TO", None, 8, None, 142],
                ]
            )
        ],
        CODES,
    )
    assert list(table.rows["period"]) == [
        "T8/2022",
        "Tháng 9/2022",
        "QIII/2022",
        "Q4/2022",
        "2022",
        "T13/2022",  # not a month: validation refuses it, showing this
        "8/?",
    ]
    assert set(table.rows["period_column"]) == {"C (Năm), D (Tháng), E (Quý)"}
    assert table.ignored_columns == []


@pytest.mark.parametrize(
    ("header", "ignored"),
    [
        (["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Năm", "Giá trị"], ["D (Năm)"]),
        (
            ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Năm", "Tháng", "Giá trị"],
            ["D (Năm)", "E (Tháng)"],
        ),
    ],
)
def test_beside_a_period_column_year_and_month_columns_are_unused(header, ignored):
    line = ["HOIAN", "CNS_TO", "2022-08", 2022, 8, 132][: len(header) - 1] + [132]
    table = locate([sheet([header, line])], CODES)
    assert list(table.rows["period"]) == ["2022-08"]
    assert table.ignored_columns == ignored


def test_a_year_column_alone_does_not_make_the_period():
    with pytest.raises(FileRejected, match="thiếu cột: ky_bao_cao.*hai cột Năm và Tháng"):
        locate(
            [sheet([["Mã đơn vị", "Mã chỉ tiêu", "Năm", "Giá trị"], ["HOIAN", "CNS_TO", 2022, 5]])],
            CODES,
        )


def test_a_wide_sheets_dash_and_x_cells_are_empty_cells():
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ky_bao_cao", "TTHC_SOHOA_TU_SO", "TTHC_SOHOA_MAU_SO", "CNS_TO"],
                    ["HOIAN", "2022-06", 80, 100, "-"],
                    ["HOIAN", "2022-07", "x", "X", "–"],
                    ["HOIAN", "2022-08", "—", None, "x"],
                ]
            )
        ],
        CODES,
    )
    assert table.rows[["source_row", "indicator_code"]].values.tolist() == [[2, "TTHC_SOHOA"]]
    assert table.no_figure_rows == []  # a wide line's cells may be empty; nothing to say


def test_a_long_line_whose_figure_is_a_dash_or_x_is_dropped_and_named():
    table = locate(
        [
            sheet(
                [
                    ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri", "tu_so", "mau_so"],
                    ["HOIAN", "CNS_TO", "2022-08", "-", None, None],
                    ["HOIAN", "TTHC_SOHOA", "2022-08", None, "x", "x"],
                    ["HOIAN", "TTHC_SOHOA", "2022-09", "x", 80, 100],  # the parts are the figure
                    ["-", "CNS_TO", "2022-09", 5, None, None],  # not a figure's cell: kept as is
                    ["HOIAN", "CNS_TO", "2022-10", None, None, None],  # empty: validation says so
                ]
            )
        ],
        CODES,
    )
    assert table.no_figure_rows == [(2, "-"), (3, "x")]
    assert list(table.rows["source_row"]) == [4, 5, 6]
    assert table.rows.iloc[0][["value", "numerator"]].tolist() == [None, 80]
    assert table.rows.iloc[1]["unit_code"] == "-"


# A unit's own report: its indicators by name, one per line, the period and the unit in its title.
UNITS = pd.DataFrame(
    {
        "code": ["NUITHANH", "TAMKY", "TANAN", "TAH", "SAIGON"],
        "name": ["Núi Thành", "Tam Kỳ", "Tân An", "Tân An Hội", "Phường Sài Gòn"],
    }
)
HEADING = [
    ["UBND HUYỆN NÚI THÀNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["PHÒNG VĂN HÓA VÀ THÔNG TIN", None, None, "Độc lập - Tự do - Hạnh phúc"],
    ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
]
OWN_REPORT = [
    ["STT", "Tên chỉ tiêu", "Kết quả thực hiện", None],
    [None, None, "Tử số", "Mẫu số"],
    [1, "Tỷ lệ hồ sơ TTHC được số hóa", 450, 600],
    [2, "CNS_TO", 120, None],
    [None, "Người lập biểu", None, "TRƯỞNG PHÒNG"],
]


def test_a_units_own_report_takes_its_unit_and_period_from_the_title():
    table = locate([sheet(HEADING + OWN_REPORT)], CODES, units=UNITS)
    # the header is the row over its parts ("Kết quả thực hiện" over "Tử số | Mẫu số"), not
    # the lower row, which alone names more fields; the signature line is no figure
    assert (table.form, table.header_row, table.text_rows) == ("long", 4, [8])
    assert table.one_unit == ("NUITHANH", 1)
    assert table.rows[
        ["unit_code", "unit_code_column", "indicator_code", "numerator"]
    ].values.tolist() == [
        ["NUITHANH", "tiêu đề (dòng 1)", "Tỷ lệ hồ sơ TTHC được số hóa", 450],
        ["NUITHANH", "tiêu đề (dòng 1)", "CNS_TO", 120],
    ]
    assert table.rows.iloc[0]["indicator_code_column"] == "B (Tên chỉ tiêu)"


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("Tam Kỳ, ngày 05 tháng 8 năm 2022", "TAMKY"),  # the place line under a report
        ("UBND XÃ TÂN AN HỘI", "TAH"),  # Tân An is only part of the longer name
        ("UBND HUYỆN NÚI THÀNH, TP TAM KỲ", None),  # two units: neither
        ("UBND XÃ TÂN ANH", None),  # whole words only
        ("UBND P. SÀI GÒN", "SAIGON"),  # the catalogue's "Phường Sài Gòn", its level short
        ("UBND HUYỆN NUI THANH", None),  # accents are part of a name
        ("CỤM THI ĐUA ĐỒNG BẰNG", None),
    ],
)
def test_the_one_unit_a_title_names(title, unit):
    rows = [[title], ["ma_chi_tieu", "ky_bao_cao", "gia_tri"], ["CNS_TO", "2022-07", 5]]
    if unit is None:
        with pytest.raises(FileRejected, match="thiếu cột: ma_don_vi.*dòng tên phía trên"):
            locate([sheet(rows)], CODES, units=UNITS)
    else:
        assert locate([sheet(rows)], CODES, units=UNITS).one_unit == (unit, 1)


def test_the_national_heading_names_no_unit():
    # there are communes named Độc Lập and Tự Do
    units = pd.DataFrame({"code": ["DOCLAP", "TUDO"], "name": ["Độc Lập", "Tự Do"]})
    rows = [*HEADING[1:], *OWN_REPORT]
    with pytest.raises(FileRejected, match="thiếu cột: ma_don_vi"):
        locate([sheet(rows)], CODES, units=units)


def test_without_a_unit_column_or_title_the_senders_own_unit_is_every_rows():
    rows = [["ma_chi_tieu", "ky_bao_cao", "gia_tri"], ["CNS_TO", "2022-07", 5]]
    table = locate([sheet(rows)], CODES, units=UNITS, own_unit="TAMKY")
    assert table.one_unit == ("TAMKY", None)
    assert table.rows[["unit_code", "unit_code_column"]].values.tolist() == [
        ["TAMKY", "tài khoản gửi"]
    ]
    # the title, when it names one, comes first (and is refused later if not the sender's)
    titled = locate(
        [sheet([["UBND HUYỆN NÚI THÀNH"], *rows])], CODES, units=UNITS, own_unit="TAMKY"
    )
    assert titled.one_unit == ("NUITHANH", 1)
    # a unit column, even of other units, is read as it is
    columned = [["ma_don_vi", *rows[0]], ["HOIAN", *rows[1]]]
    table = locate([sheet(columned)], CODES, units=UNITS, own_unit="TAMKY")
    assert (table.one_unit, list(table.rows["unit_code"])) == (None, ["HOIAN"])


def test_a_wide_sheet_of_one_unit_without_a_unit_column():
    rows = [["BIỂU SỐ LIỆU QUÝ III/2022"], ["Kỳ báo cáo", "CNS_TO"], ["2022-07", 5], ["2022-08", 6]]
    with pytest.raises(FileRejected, match="thiếu cột: ma_don_vi"):
        locate([sheet(rows)], CODES)
    table = locate([sheet(rows)], CODES, own_unit="TAMKY")
    assert (table.form, list(table.rows["unit_code"])) == ("wide", ["TAMKY", "TAMKY"])


def test_a_targets_grid_with_one_column_per_indicator():
    rows = [
        ["GIAO KẾ HOẠCH CHUYỂN ĐỔI SỐ"],
        ["Mã đơn vị", "Tên đơn vị", "Năm", "CNS_TO", "TTHC_SOHOA", "TTHC_SOHOA tử số"],
        ["*", "Toàn tỉnh", 2023, None, 80, None],
        ["HOIAN", "Hội An", 2023, 150, "-", None],
        [None, "Người lập biểu", None, "Giám đốc", None, None],
    ]
    table = locate([sheet(rows)], CODES, targets=True)
    assert (table.form, table.header_row) == ("targets_wide", 2)
    # a target has no parts; the names beside the codes are kept to check them
    assert table.ignored_columns == ["F (TTHC_SOHOA tử số)"]
    assert list(table.rows["unit_code_name"]) == ["Toàn tỉnh", "Hội An"]
    assert table.text_rows == [5]
    assert table.rows[["unit_code", "indicator_code", "year", "value"]].values.tolist() == [
        ["*", "TTHC_SOHOA", 2023, 80],
        ["HOIAN", "CNS_TO", 2023, 150],
    ]
    assert table.rows.iloc[1][["value_column", "year_column"]].tolist() == ["D (CNS_TO)", "C (Năm)"]


def test_a_targets_grid_of_the_year_its_title_names():
    rows = [["KẾ HOẠCH NĂM 2024"], ["Mã đơn vị", "CNS_TO"], ["HOIAN", 150]]
    table = locate([sheet(rows)], CODES, targets=True)
    assert (table.form, list(table.rows["year"])) == ("targets_wide", ["2024"])
    with pytest.raises(FileRejected, match="thiếu cột: nam"):
        locate([sheet(rows[1:])], CODES, targets=True)


def _month_sheet(name: str, title: str, *lines: list) -> Sheet:
    rows = [[title], ["ma_don_vi", "ma_chi_tieu", "gia_tri"], *lines]
    return Sheet.from_rows(name, rows, list(range(1, len(rows) + 1)))


def test_a_workbook_of_a_sheet_a_month_is_read_whole_each_sheet_by_its_own_title():
    guide = Sheet.from_rows("Hướng dẫn", [["Điền số liệu vào trang của tháng"]], [1])
    july = _month_sheet("T7", "THÁNG 7/2022", ["HOIAN", "CNS_TO", 5], ["TAMKY", "CNS_TO", 4])
    august = _month_sheet("T8", "THÁNG 8/2022", ["HOIAN", "CNS_TO", 6])
    table = locate([guide, july, august], CODES)
    assert table.sheet_names == ["T7", "T8"]
    # each sheet's lines take its own title's month; rows are numbered across the sheets
    assert table.rows[["source_row", "unit_code", "period", "value"]].values.tolist() == [
        [3, "HOIAN", "2022-07", 5],
        [4, "TAMKY", "2022-07", 4],
        [SHEET_SPAN + 3, "HOIAN", "2022-08", 6],
    ]
    assert [part.title_period[0].code for part in table.parts] == ["2022-07", "2022-08"]
    assert table.row_words(SHEET_SPAN + 3) == "dòng 3 trang «T8»"


def test_a_sheet_that_cannot_be_read_is_named_with_its_problem():
    broken = Sheet.from_rows("T8", [["ma_don_vi", "gia_tri"], ["HOIAN", 6]], [1, 2])
    july = _month_sheet("T7", "THÁNG 7/2022", ["HOIAN", "CNS_TO", 5])
    with pytest.raises(FileRejected, match="^Trang tính «T8»: Dòng tiêu đề .* thiếu cột"):
        locate([july, broken], CODES)


def test_sheets_of_different_forms_are_not_read_as_one():
    wide = Sheet.from_rows(
        "T8", [["ma_don_vi", "ky_bao_cao", "CNS_TO"], ["HOIAN", "2022-08", 6]], [1, 2]
    )
    july = _month_sheet("T7", "THÁNG 7/2022", ["HOIAN", "CNS_TO", 5])
    with pytest.raises(FileRejected, match="khác dạng nhau: «T7» .*, «T8» \\(mỗi cột một chỉ"):
        locate([july, wide], CODES)


def test_rows_numbered_across_sheets_are_shown_as_each_sheets_own():
    # as Problems.frame has it: a problem of the whole file has no row
    rows = pd.Series([3, SHEET_SPAN + 7, None], dtype=object)
    frame = pd.DataFrame({"row": rows, "message": ["a", "b", "c"]})
    shown = placed(frame, "row", ["T7", "T8"])
    assert shown[["sheet", "row"]].values.tolist() == [["T7", 3], ["T8", 7], [None, None]]
    assert placed(frame, "row", []) is frame  # one sheet: as it is


def test_an_empty_copy_of_the_form_beside_the_filled_one_is_passed_by():
    empty = Sheet.from_rows("Mẫu", [["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]], [1])
    filled = Sheet.from_rows(
        "Tháng 7",
        [["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"], ["HOIAN", "CNS_TO", "2022-07", 5]],
        [1, 2],
    )
    table = locate([empty, filled], CODES)
    assert (table.sheet.name, list(table.rows["value"])) == ("Tháng 7", [5])


def test_a_month_column_under_a_title_naming_the_year():
    rows = [
        ["BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2022"],
        ["Mã đơn vị", "Mã chỉ tiêu", "Tháng", "Giá trị"],
        ["HOIAN", "CNS_TO", 7, 131],
        ["HOIAN", "CNS_TO", "Tháng 8", 133],
    ]
    table = locate([sheet(rows)], CODES)
    assert (table.title_year, table.title_period) == ((2022, 1), None)
    assert table.rows[["period", "period_column"]].values.tolist() == [
        ["T7/2022", "C (Tháng), năm ở tiêu đề (dòng 1)"],
        ["Tháng 8/2022", "C (Tháng), năm ở tiêu đề (dòng 1)"],
    ]
    # a title naming a month is every line's period, and the month column is left out
    rows[0] = ["BÁO CÁO THÁNG 8/2022"]
    table = locate([sheet(rows)], CODES)
    assert (table.title_year, list(table.rows["period"])) == (None, ["2022-08", "2022-08"])
    assert table.ignored_columns == ["C (Tháng)"]


def _tab(
    name: str, title: str | None, *lines: list, header=("ma_don_vi", "ma_chi_tieu", "gia_tri")
):
    rows = [*([[title]] if title else []), list(header), *lines]
    return Sheet.from_rows(name, rows, list(range(1, len(rows) + 1)), tab=True)


def test_a_sheets_name_gives_the_month_of_the_year_its_title_names():
    table = locate([_tab("T9", "BÁO CÁO KẾT QUẢ NĂM 2022", ["HOIAN", "CNS_TO", 5])], CODES)
    assert (table.title_period, table.period_by_name) == ((Period(2022, "month", 9), 1), True)
    assert table.rows[["period", "period_column"]].values.tolist() == [
        ["2022-09", "tên trang tính «T9» và tiêu đề (dòng 1)"]
    ]
    # a quarter's title is narrowed to the month within it
    table = locate([_tab("Tháng 9", "QUÝ III/2022", ["HOIAN", "CNS_TO", 5])], CODES)
    assert list(table.rows["period"]) == ["2022-09"]


def test_a_sheets_name_may_give_its_period_whole():
    table = locate([_tab("T9-2022", None, ["HOIAN", "CNS_TO", 5])], CODES)
    assert (table.title_period, list(table.rows["period_column"])) == (
        (Period(2022, "month", 9), None),
        ["tên trang tính «T9-2022»"],
    )


def test_a_sheets_name_without_a_year_under_no_title_says_to_add_the_year():
    with pytest.raises(FileRejected, match="Tên trang tính «T9» ghi tháng nhưng không ghi năm"):
        locate([_tab("T9", None, ["HOIAN", "CNS_TO", 5])], CODES)


def test_the_title_is_taken_over_a_sheets_name_that_contradicts_it():
    # the sheet copied from last month, its title changed and its name not
    table = locate([_tab("T8", "THÁNG 9 NĂM 2022", ["HOIAN", "CNS_TO", 5])], CODES)
    assert list(table.rows["period"]) == ["2022-09"]
    assert (table.period_by_name, table.name_period_unheeded) == (False, Period(2022, "month", 8))
    # a name holding the title's period agrees with it: the title's month is kept
    table = locate([_tab("Quý III", "THÁNG 9 NĂM 2022", ["HOIAN", "CNS_TO", 5])], CODES)
    assert (list(table.rows["period"]), table.name_period_unheeded) == (["2022-09"], None)


def test_a_sheets_name_is_not_read_where_a_column_gives_the_period_or_for_a_csv():
    header = ("ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri")
    table = locate(
        [_tab("T9", "NĂM 2022", ["HOIAN", "CNS_TO", "2022-08", 5], header=header)], CODES
    )
    assert (list(table.rows["period"]), table.period_by_name) == (["2022-08"], False)
    # a CSV's name is its file's, not a name a person gave a sheet
    rows = [["NĂM 2022"], ["ma_don_vi", "ma_chi_tieu", "gia_tri"], ["HOIAN", "CNS_TO", 5]]
    csv = Sheet.from_rows("T9.csv", rows, [1, 2, 3])
    assert list(locate([csv], CODES).rows["period"]) == ["2022"]


def test_a_plans_sheet_named_for_its_year_gives_the_year_and_no_month():
    header = ("ma_don_vi", "ma_chi_tieu", "ke_hoach")
    table = locate(
        [_tab("KH 2023", None, ["HOIAN", "CNS_TO", 150], header=header)], CODES, targets=True
    )
    assert (list(table.rows["year"]), table.period_by_name) == (["2023"], True)
    with pytest.raises(FileRejected, match="thiếu cột: nam"):
        locate([_tab("T9", None, ["HOIAN", "CNS_TO", 150], header=header)], CODES, targets=True)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Tam Kỳ", "TAMKY"),
        ("TP. Tam Kỳ", "TAMKY"),  # its level written before the name
        ("Sài Gòn", "SAIGON"),  # the catalogue's "Phường Sài Gòn", its level left out
        ("nuithanh", "NUITHANH"),  # its code
        ("Tân An", "TANAN"),  # the whole name, not a part of "Tân An Hội"
        ("Núi Thành 2", None),
        ("Nui Thanh", None),  # accents are part of a name
    ],
)
def test_the_one_unit_a_sheets_name_is(name, unit):
    rows = [["BÁO CÁO THÁNG 7/2022"], ["ma_chi_tieu", "gia_tri"], ["CNS_TO", 5]]
    tab = Sheet.from_rows(name, rows, [1, 2, 3], tab=True)
    if unit is None:
        with pytest.raises(FileRejected, match="hoặc đặt tên trang tính là tên đơn vị"):
            locate([tab], CODES, units=UNITS)
    else:
        table = locate([tab], CODES, units=UNITS, own_unit="HOIAN")
        assert (table.one_unit, table.unit_by_name) == ((unit, None), True)
        assert list(table.rows["unit_code_column"]) == [f"tên trang tính «{name}»"]


def test_a_title_naming_a_unit_is_taken_over_a_sheets_name_of_another():
    rows = [["UBND HUYỆN NÚI THÀNH"], ["BÁO CÁO THÁNG 7/2022"], ["ma_chi_tieu", "gia_tri"]]
    tab = Sheet.from_rows("Tam Kỳ", [*rows, ["CNS_TO", 5]], [1, 2, 3, 4], tab=True)
    table = locate([tab], CODES, units=UNITS)
    assert (table.one_unit, table.unit_by_name, table.name_unit_unheeded) == (
        ("NUITHANH", 1),
        False,
        "TAMKY",
    )


def test_a_code_of_digits_or_a_csvs_name_is_no_unit():
    units = pd.DataFrame({"code": ["20333", "TAMKY"], "name": ["Xã Một", "Tam Kỳ"]})
    rows = [["BÁO CÁO THÁNG 7/2022"], ["ma_chi_tieu", "gia_tri"], ["CNS_TO", 5]]
    for name, tab in (("20333", True), ("Tam Kỳ", False)):
        with pytest.raises(FileRejected, match="thiếu cột: ma_don_vi"):
            locate([Sheet.from_rows(name, rows, [1, 2, 3], tab=tab)], CODES, units=units)


def test_a_month_column_on_a_sheet_named_for_its_year():
    header = ("Mã đơn vị", "Mã chỉ tiêu", "Tháng", "Giá trị")
    table = locate([_tab("Năm 2022", None, ["HOIAN", "CNS_TO", 7, 131], header=header)], CODES)
    assert table.title_year == (2022, None)
    assert table.rows[["period", "period_column"]].values.tolist() == [
        ["T7/2022", "C (Tháng), năm ở tên trang tính «Năm 2022»"]
    ]
    # the title's year comes first
    table = locate([_tab("2021", "NĂM 2022", ["HOIAN", "CNS_TO", 7, 131], header=header)], CODES)
    assert (table.title_year, list(table.rows["period"])) == ((2022, 1), ["T7/2022"])


@pytest.mark.parametrize(
    ("name", "summary"),
    [
        ("Tổng hợp", True),
        ("TỔNG HỢP CHUNG", True),
        ("TH", True),
        ("TH T9", True),
        ("Biểu tổng hợp Q3", True),
        ("Tổng cộng", True),
        ("Toàn tỉnh", True),
        ("TH1", False),  # as often a form's number
        ("Tháng 7", False),
        ("Tổng số", False),
        ("Thạnh Mỹ", False),
    ],
)
def test_a_sheet_named_as_a_summary(name, summary):
    assert summary_sheet(_tab(name, None)) is summary
    assert summary_sheet(Sheet.from_rows(name, [["x"]], [1])) is False  # a CSV has no sheet name


_MONTH = "BÁO CÁO THÁNG 7/2022"


def test_a_summary_sheet_without_a_unit_column_beside_the_units_sheets_is_passed_by():
    sums = _tab("Tổng hợp", _MONTH, ["CNS_TO", 15], header=("ma_chi_tieu", "gia_tri"))
    units = [
        _tab(name, _MONTH, ["CNS_TO", v], header=("ma_chi_tieu", "gia_tri"))
        for name, v in (("Núi Thành", 5), ("Tam Kỳ", 10))
    ]
    table = locate([sums, *units], CODES, units=UNITS)
    assert table.passed_sheets == {"Tổng hợp": "summary"}
    assert table.sheet_names == ["Núi Thành", "Tam Kỳ"]
    assert table.rows[["unit_code", "value"]].values.tolist() == [["NUITHANH", 5], ["TAMKY", 10]]
    # beside one unit's sheet, that sheet alone is read
    table = locate([units[0], sums], CODES, units=UNITS)
    assert (table.passed_sheets, table.sheet_names, table.sheet.name) == (
        {"Tổng hợp": "summary"},
        [],
        "Núi Thành",
    )


def test_a_summary_sheet_with_a_unit_column_is_read_and_marked():
    sums = _tab("TH", _MONTH, ["NUITHANH", "CNS_TO", 5], ["TAMKY", "CNS_TO", 10])
    unit = _tab("Núi Thành", _MONTH, ["CNS_TO", 5], header=("ma_chi_tieu", "gia_tri"))
    table = locate([sums, unit], CODES, units=UNITS)
    assert (table.passed_sheets, [part.summary for part in table.parts]) == ({}, [True, False])
    assert table.summary_rows(table.rows["source_row"].to_numpy()).tolist() == [True, True, False]


def test_sheets_all_named_as_summaries_are_read_as_any_sheets():
    rows = [["HOIAN", "CNS_TO", 5]]
    table = locate([_tab("TH T7", _MONTH, *rows), _tab("TH T8", "THÁNG 8/2022", *rows)], CODES)
    assert table.passed_sheets == {} and not any(part.summary for part in table.parts)
    assert list(table.rows["period"]) == ["2022-07", "2022-08"]


def test_a_plans_summary_sheet_without_a_unit_column_is_passed_by_too():
    header = ("ma_chi_tieu", "ke_hoach")
    sheets = [
        _tab(name, "KẾ HOẠCH NĂM 2023", ["CNS_TO", v], header=header)
        for name, v in (("Tổng hợp", 25), ("Núi Thành", 10), ("Tam Kỳ", 15))
    ]
    table = locate(sheets, CODES, targets=True, units=UNITS)
    assert table.passed_sheets == {"Tổng hợp": "summary"}
    assert table.rows[["unit_code", "year", "value"]].values.tolist() == [
        ["NUITHANH", "2023", 10],
        ["TAMKY", "2023", 15],
    ]


NAMES = [("Tỷ lệ hồ sơ TTHC được số hóa", "TTHC_SOHOA"), ("Số tổ công nghệ số cộng đồng", "CNS_TO")]


@pytest.mark.parametrize(
    "headers",
    [
        ["Tỷ lệ hồ sơ TTHC được số hóa", "Số tổ công nghệ số cộng đồng"],
        ["1. Tỷ lệ hồ sơ TTHC được số hoá", "(2) SỐ TỔ CÔNG NGHỆ SỐ\nCỘNG ĐỒNG"],
    ],
)
def test_a_wide_tables_indicator_columns_may_be_headed_by_their_names(headers):
    rows = [["ma_don_vi", "ky_bao_cao", *headers, "Số tổ khác"], ["HOIAN", "2022-06", 80, 5, 9]]
    table = locate([sheet(rows)], CODES, indicator_names=NAMES)
    assert table.form == "wide"
    assert table.rows[["indicator_code", "value"]].values.tolist() == [
        ["TTHC_SOHOA", 80],
        ["CNS_TO", 5],
    ]
    assert table.indicators_by_name == [  # named on one line
        (f"C ({' '.join(headers[0].split())})", "TTHC_SOHOA"),
        (f"D ({' '.join(headers[1].split())})", "CNS_TO"),
    ]
    assert table.ignored_columns == ["E (Số tổ khác)"]


def test_a_name_two_indicators_share_heads_no_indicators_column():
    rows = [["ma_don_vi", "ky_bao_cao", "CNS_TO", "Tên chung"], ["HOIAN", "2022-06", 5, 7]]
    names = [("Tên chung", "CNS_TO"), ("Tên chung", "TTHC_SOHOA")]
    table = locate([sheet(rows)], CODES, indicator_names=names)
    assert (table.rows["indicator_code"].tolist(), table.indicators_by_name) == (["CNS_TO"], [])
    assert table.ignored_columns == ["D (Tên chung)"]


def test_a_hidden_sheet_beside_a_shown_one_is_passed_by():
    shown = _tab("Báo cáo", "THÁNG 7/2022", ["NUITHANH", "CNS_TO", 5])
    hidden = _tab("Dữ liệu gốc", "THÁNG 7/2022", ["NUITHANH", "CNS_TO", 5], ["TAMKY", "CNS_TO", 3])
    hidden.hidden = True
    table = locate([shown, hidden], CODES)
    assert (table.passed_sheets, table.sheet_names) == ({"Dữ liệu gốc": "hidden"}, [])
    assert table.rows[["unit_code", "value"]].values.tolist() == [["NUITHANH", 5]]
    # the one table there is, on a hidden sheet, is read
    table = locate([_tab("Hướng dẫn", None), hidden], CODES)
    assert (table.passed_sheets, len(table.rows)) == ({}, 2)


# --- columns headed by periods (a tracker's months across) -----------------------------------


def across_rows(table) -> list[tuple]:
    fields = ["source_row", "unit_code", "indicator_code", "period", "value", "value_column"]
    return list(table.rows[fields].itertuples(index=False, name=None))


def test_columns_headed_by_periods_hold_each_lines_figure_of_their_period():
    table = locate(
        [
            sheet(
                [
                    ["Mã đơn vị", "Mã chỉ tiêu", "T7/2022", "08/2022", "Quý III/2022", "Ghi chú"],
                    ["HOIAN", "CNS_TO", 140, "-", None, "khối phố"],
                    ["TAMKY", "CNS_TO", 120, 121, 125, None],
                    ["Tổng cộng", None, 260, 121, 125, None],
                ]
            )
        ],
        CODES,
    )
    assert across_rows(table) == [
        (2, "HOIAN", "CNS_TO", "2022-07", 140, "C (T7/2022)"),  # "-": no figure for August
        (3, "TAMKY", "CNS_TO", "2022-07", 120, "C (T7/2022)"),
        (3, "TAMKY", "CNS_TO", "2022-08", 121, "D (08/2022)"),
        (3, "TAMKY", "CNS_TO", "2022-Q3", 125, "E (Quý III/2022)"),
    ]
    assert list(table.rows["period_column"]) == list(table.rows["value_column"])
    assert table.rows["note"].tolist() == ["khối phố", None, None, None]
    assert table.rows["period_of_file"].all()  # a month ending a quarter counts for it
    assert (table.form, table.totals_rows, table.ignored_columns) == ("long", [4], [])
    assert table.periods_across == [
        ("C (T7/2022)", Period(2022, "month", 7)),
        ("D (08/2022)", Period(2022, "month", 8)),
        ("E (Quý III/2022)", Period(2022, "quarter", 3)),
    ]


def test_period_headers_without_a_year_take_the_titles_and_want_one():
    rows = [
        ["Đơn vị", "Chỉ tiêu", "Tháng 7", "Tháng 8"],
        ["HOIAN", "CNS_TO", 140, 141],
    ]
    titled = locate([sheet([["THEO DÕI KẾT QUẢ NĂM 2022"], *rows])], CODES)
    assert [p.code for _, p in titled.periods_across] == ["2022-07", "2022-08"]
    assert titled.rows["period"].tolist() == ["2022-07", "2022-08"]
    with pytest.raises(FileRejected, match="có cột ghi kỳ mà không ghi năm: C \\(Tháng 7\\), D"):
        locate([sheet(rows)], CODES)


def test_months_under_the_year_written_once_over_them_take_that_year():
    table = locate(
        [
            sheet(
                [
                    ["Mã đơn vị", "Mã chỉ tiêu", "Năm 2021", None, "NĂM 2022", None],
                    [None, None, "Tháng 11", "Tháng 12", "T1", "Tháng 2"],
                    ["HOIAN", "CNS_TO", 1, 2, 3, 4],
                ]
            )
        ],
        CODES,
    )
    assert table.header_row == 1
    assert [(label, p.code) for label, p in table.periods_across] == [
        ("C (Tháng 11/2021)", "2021-11"),
        ("D (Tháng 12/2021)", "2021-12"),
        ("E (T1/2022)", "2022-01"),
        ("F (Tháng 2/2022)", "2022-02"),
    ]
    assert table.rows["value"].tolist() == [1, 2, 3, 4]


def test_a_sheet_named_for_an_indicator_gives_its_lines_indicator():
    rows = [["BÁO CÁO NĂM 2022"], ["Mã đơn vị", "T7", "T8"], ["HOIAN", 140, 141]]
    named = Sheet.from_rows("CNS_TO", rows, [1, 2, 3], tab=True)
    table = locate([named], CODES)
    assert table.one_indicator == ("CNS_TO", None)
    assert table.rows["indicator_code"].tolist() == ["CNS_TO", "CNS_TO"]
    assert set(table.rows["indicator_code_column"]) == {"tên trang tính «CNS_TO»"}
    other = Sheet.from_rows("Theo dõi", rows, [1, 2, 3], tab=True)
    with pytest.raises(FileRejected, match="thiếu cột: ma_chi_tieu.*tên trang tính là mã chỉ tiêu"):
        locate([other], CODES)


def test_a_date_heading_a_column_is_read_as_its_month_and_named_as_a_date():
    # Excel turns a typed "05/2022" into the date 01/05/2022, shown as the sheet formats it
    rows = [["Mã đơn vị", "Mã chỉ tiêu", datetime(2022, 5, 1)], ["HOIAN", "CNS_TO", 130]]
    table = locate([sheet(rows)], CODES)
    assert table.periods_across == [("C (01/05/2022)", Period(2022, "month", 5))]
    assert across_rows(table) == [(2, "HOIAN", "CNS_TO", "2022-05", 130, "C (01/05/2022)")]


def test_a_period_headed_column_beside_a_value_column_is_left_unused():
    table = locate(
        [
            sheet(
                [
                    ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "T6/2022"],
                    ["HOIAN", "CNS_TO", "2022-07", 140, 139],
                ]
            )
        ],
        CODES,
    )
    assert (table.form, table.ignored_columns, table.periods_across) == (
        "long",
        ["E (T6/2022)"],
        [],
    )
    assert across_rows(table) == [(2, "HOIAN", "CNS_TO", "2022-07", 140, "D (Giá trị)")]


# --- a plan's years across -------------------------------------------------------------------


def test_a_plans_columns_headed_by_years_hold_each_lines_target_of_their_year():
    table = locate(
        [
            sheet(
                [
                    ["KẾ HOẠCH GIAI ĐOẠN 2023-2025"],
                    ["Mã ĐV", "Mã CT", "Thực hiện 2022", "Năm 2023", "KH 2024", 2025, "Ghi chú"],
                    ["HOIAN", "CNS_TO", 10, 12, "-", 16, "chưa giao 2024"],
                    ["*", "CNS_TO", None, 100, 120, None, None],
                ]
            )
        ],
        CODES,
        targets=True,
    )
    fields = ["source_row", "unit_code", "indicator_code", "year", "value", "year_column"]
    assert list(table.rows[fields].itertuples(index=False, name=None)) == [
        (3, "HOIAN", "CNS_TO", 2023, 12, "D (Năm 2023)"),  # "-": no target for 2024
        (3, "HOIAN", "CNS_TO", 2025, 16, "F (2025)"),
        (4, "*", "CNS_TO", 2023, 100, "D (Năm 2023)"),
        (4, "*", "CNS_TO", 2024, 120, "E (KH 2024)"),
    ]
    assert list(table.rows["value_column"]) == list(table.rows["year_column"])
    # what was done in 2022 is not its target, and a plan keeps no notes
    assert (table.form, table.ignored_columns) == (
        "targets",
        ["C (Thực hiện 2022)", "G (Ghi chú)"],
    )
    assert [(label, p.year) for label, p in table.periods_across] == [
        ("D (Năm 2023)", 2023),
        ("E (KH 2024)", 2024),
        ("F (2025)", 2025),
    ]


@pytest.mark.parametrize(
    ("head", "year"),
    [
        ("Kế hoạch năm 2023", 2023),
        ("Mục tiêu 2025", 2025),
        ("Năm 2023 (KH)", 2023),
        ("Chỉ tiêu năm 2024", 2024),
        ("Chỉ tiêu giao năm 2024", 2024),  # what was assigned ("giao") to the unit
        ("KH giao 2024", 2024),
        ("Giao năm 2024", 2024),
        ("Thực hiện 2022", None),
        ("2023-2025", None),
        ("Quý I/2023", None),
        ("Năm 1999", None),
    ],
)
def test_which_heads_give_a_plans_year(head, year):
    rows = [["Mã đơn vị", "Mã chỉ tiêu", head], ["HOIAN", "CNS_TO", 12]]
    if year is None:
        with pytest.raises(FileRejected, match="thiếu cột: nam, ke_hoach"):
            locate([sheet(rows)], CODES, targets=True)
    else:
        assert locate([sheet(rows)], CODES, targets=True).rows["year"].tolist() == [year]


def test_years_under_a_plan_merged_over_them_and_the_indicator_from_the_sheets_name():
    rows = [
        ["KẾ HOẠCH PHÁT TRIỂN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"],
        ["Đơn vị", "Kế hoạch", None],
        [None, 2023, 2024],
        ["HOIAN", 12, 14],
    ]
    named = Sheet.from_rows("CNS_TO", rows, [1, 2, 3, 4], tab=True)
    table = locate([named], CODES, targets=True)
    assert (table.header_row, table.one_indicator) == (2, ("CNS_TO", None))
    assert table.rows[["indicator_code", "year", "value"]].values.tolist() == [
        ["CNS_TO", 2023, 12],
        ["CNS_TO", 2024, 14],
    ]
    other = Sheet.from_rows("Kế hoạch", rows, [1, 2, 3, 4], tab=True)
    with pytest.raises(FileRejected, match="thiếu cột: ma_chi_tieu.*ghi tên chỉ tiêu"):
        locate([other], CODES, targets=True)


def test_a_plans_year_column_beside_year_heads_leaves_them_unused():
    rows = [["Mã ĐV", "Mã CT", "Năm", "Kế hoạch", "2024"], ["HOIAN", "CNS_TO", 2023, 12, 14]]
    table = locate([sheet(rows)], CODES, targets=True)
    assert (table.ignored_columns, table.periods_across) == (["E (2024)"], [])
    assert table.rows[["year", "value"]].values.tolist() == [[2023, 12]]


# --- the indicator a table without indicator column is of ---------------------------------

INDICATOR_NAMES = [
    ("Số tổ công nghệ số cộng đồng đã thành lập", "CNS_TO"),
    ("Tổ CNS cộng đồng", "CNS_TO"),
    ("Tỷ lệ hồ sơ TTHC được số hóa", "TTHC_SOHOA"),
    ("Số hóa hồ sơ TTHC", "TTHC_SOHOA"),
]


def test_a_title_naming_an_indicator_gives_every_lines_indicator():
    rows = [
        ["THEO DÕI SỐ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ĐÃ THÀNH LẬP NĂM 2022"],
        ["Đơn vị", "T7", "T8"],
        ["HOIAN", 140, 141],
    ]
    table = locate([sheet(rows)], CODES, indicator_names=INDICATOR_NAMES)
    assert table.one_indicator == ("CNS_TO", 1)
    assert table.rows[["indicator_code", "indicator_code_column", "period"]].values.tolist() == [
        ["CNS_TO", "tiêu đề (dòng 1)", "2022-07"],
        ["CNS_TO", "tiêu đề (dòng 1)", "2022-08"],
    ]
    # a long table of one indicator too: units down, one figure each, the month in the title
    rows = [["BÁO CÁO SỐ HÓA HỒ SƠ TTHC THÁNG 8/2022"], ["Đơn vị", "Kết quả"], ["HOIAN", 82.5]]
    table = locate([sheet(rows)], CODES, indicator_names=INDICATOR_NAMES)
    assert table.rows[["indicator_code", "period", "value"]].values.tolist() == [
        ["TTHC_SOHOA", "2022-08", 82.5]
    ]


def test_a_title_naming_two_indicators_or_none_gives_none():
    for title in ("SỐ HÓA HỒ SƠ TTHC VÀ TỔ CNS CỘNG ĐỒNG NĂM 2022", "TỔ CÔNG NGHỆ SỐ NĂM 2022"):
        rows = [[title], ["Đơn vị", "T7"], ["HOIAN", 140]]
        with pytest.raises(FileRejected, match="thiếu cột: ma_chi_tieu"):
            locate([sheet(rows)], CODES, indicator_names=INDICATOR_NAMES)


def test_a_sheets_name_and_a_title_naming_other_indicators_refuse_the_sheet():
    rows = [["SỐ HÓA HỒ SƠ TTHC NĂM 2022"], ["Đơn vị", "T7"], ["HOIAN", 80]]
    copied = Sheet.from_rows("CNS_TO", rows, [1, 2, 3], tab=True)
    with pytest.raises(
        FileRejected, match="Tên trang tính «CNS_TO» là mã hoặc tên chỉ tiêu CNS_TO"
    ):
        locate([copied], CODES, indicator_names=INDICATOR_NAMES)
    agreeing = Sheet.from_rows("TTHC_SOHOA", rows, [1, 2, 3], tab=True)
    assert locate([agreeing], CODES, indicator_names=INDICATOR_NAMES).one_indicator == (
        "TTHC_SOHOA",
        1,
    )


def test_an_indicators_name_cut_at_excels_31_characters_names_its_sheet():
    rows = [["NĂM 2022"], ["Đơn vị", "T7"], ["HOIAN", 140]]
    cut = "Số tổ công nghệ số cộng đồng đã"
    assert len(cut) == 31
    table = locate(
        [Sheet.from_rows(cut, rows, [1, 2, 3], tab=True)], CODES, indicator_names=INDICATOR_NAMES
    )
    assert table.one_indicator == ("CNS_TO", None)
    # a shorter start is not a name Excel cut
    short = Sheet.from_rows("Số tổ công nghệ", rows, [1, 2, 3], tab=True)
    with pytest.raises(FileRejected, match="thiếu cột: ma_chi_tieu"):
        locate([short], CODES, indicator_names=INDICATOR_NAMES)


@pytest.mark.parametrize(
    ("head", "field"),
    [
        ("Giá trị\n(số liệu)", "value"),
        ("Kết quả (%)", "value"),
        ("Tử số (người)", "numerator"),
        ("Mã đơn vị (Unit code)", "unit_code"),
        ("Ghi chú (nếu có)", "note"),
    ],
)
def test_a_header_with_a_note_in_brackets_names_its_field(head, field):
    header = {"unit_code": "Mã đơn vị", "value": "Giá trị", "numerator": None, "note": None}
    header[field] = head
    columns = ["Mã chỉ tiêu", "Kỳ báo cáo", header["unit_code"], header["value"]]
    line = ["CNS_TO", "2022-07", "HOIAN", 140, 14, "ghi"]
    columns += [header["numerator"] or "Tử số", header["note"] or "Ghi chú"]
    table = locate([sheet([columns, line])], CODES)
    assert table.ignored_columns == []
    read = table.rows.iloc[0]
    assert (read["unit_code"], read["value"], read["numerator"], read["note"]) == tuple(line[2:])
    # the column named on one line, as the cell shows it
    letter = "CDEF"[["unit_code", "value", "numerator", "note"].index(field)]
    assert read[f"{field}_column"] == f"{letter} ({' '.join(head.split())})"


def test_a_note_naming_no_field_after_words_naming_none_leaves_the_column_unused():
    rows = [["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Đánh giá (tự chấm)"]]
    table = locate([sheet([*rows, ["HOIAN", "CNS_TO", "2022-07", 140, "tốt"]])], CODES)
    assert table.ignored_columns == ["E (Đánh giá (tự chấm))"]


def test_a_ratios_name_written_once_over_its_parts_heads_each_part():
    # a district's summary: each indicator's name merged over "Tử số | Mẫu số | Tỷ lệ (%)"
    rows = [
        ["BIỂU TỔNG HỢP THÁNG 7 NĂM 2022"],
        ["STT", "Đơn vị", "Tỷ lệ hồ sơ TTHC được số hóa", None, None, "Số tổ công nghệ số"],
        [None, None, "Tử số", "Mẫu số", "Tỷ lệ (%)", None],
        ["1", "HOIAN", 450, 600, 75, 131],
    ]
    names = [("Tỷ lệ hồ sơ TTHC được số hóa", "TTHC_SOHOA"), ("Số tổ công nghệ số", "CNS_TO")]
    table = locate([sheet(rows)], CODES, indicator_names=names)
    assert (table.form, table.header_row, table.ignored_columns) == ("wide", 2, ["A (STT)"])
    read = table.rows[["indicator_code", "numerator", "denominator", "value"]].fillna(0)
    assert read.values.tolist() == [["TTHC_SOHOA", 450, 600, 75], ["CNS_TO", 0, 0, 131]]
    assert table.rows.at[0, "numerator_column"] == "C (Tỷ lệ hồ sơ TTHC được số hóa – Tử số)"
    # each indicator named by name is told once, at its first column
    assert table.indicators_by_name == [
        ("C (Tỷ lệ hồ sơ TTHC được số hóa – Tử số)", "TTHC_SOHOA"),
        ("F (Số tổ công nghệ số)", "CNS_TO"),
    ]


def test_a_ratios_part_headed_by_its_name_and_the_part_in_brackets():
    # as the template's row of names heads its columns: "Số hóa hồ sơ TTHC (tử số)"
    rows = [
        ["ma_don_vi", "ky_bao_cao", "Số hóa hồ sơ TTHC (tử số)", "Số hóa hồ sơ TTHC (mẫu số)"],
        ["HOIAN", "2022-07", 450, 600],
    ]
    names = [("Số hóa hồ sơ TTHC", "TTHC_SOHOA")]
    table = locate([sheet(rows)], CODES, indicator_names=names)
    assert table.rows[["indicator_code", "numerator", "denominator"]].values.tolist() == [
        ["TTHC_SOHOA", 450, 600]
    ]


def test_a_lone_figure_column_beside_indicator_columns_is_unused_and_named():
    rows = [
        ["ma_don_vi", "ky_bao_cao", "CNS_TO", "Giá trị", "Tử số"],
        ["HOIAN", "2022-07", 5, 9, 1],
    ]
    table = locate([sheet(rows)], CODES)
    assert (table.form, table.ignored_columns) == ("wide", ["D (Giá trị)", "E (Tử số)"])
    assert table.rows[["indicator_code", "value"]].values.tolist() == [["CNS_TO", 5]]


# --- a unit's report of what was done in the period ------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "Thực hiện tháng 7",
        "Thực hiện kỳ này",
        "Kết quả T7/2022",
        "Thực hiện trong kỳ",
    ],
)
def test_what_was_done_in_the_period_is_the_figure_beside_the_plan_and_the_years_sum(head):
    rows = [
        ["BÁO CÁO KẾT QUẢ THÁNG 7 NĂM 2022"],
        ["Mã ĐV", "Chỉ tiêu", "Kế hoạch năm 2022", head, "Lũy kế đến nay", "Cùng kỳ năm trước"],
        ["HOIAN", "TT_CHUONGTRINH", 100, 9, 60, 7],
    ]
    table = locate([sheet(rows)], CODES + ["TT_CHUONGTRINH"])
    assert table.rows[["period", "value"]].values.tolist() == [["2022-07", 9]]
    # what is reached to date is read beside it, for a stock to take (validation)
    assert table.rows[["value_to_date", "value_to_date_column"]].values.tolist() == [
        [60, "E (Lũy kế đến nay)"]
    ]
    assert table.ignored_columns == ["C (Kế hoạch năm 2022)", "F (Cùng kỳ năm trước)"]


@pytest.mark.parametrize(
    "head",
    ["Lũy kế", "Luỹ kế đến nay", "Lũy kế đến tháng 6", "Thực hiện lũy kế", "LŨY KẾ ĐẾN 30/6"],
)
def test_what_is_reached_to_date_is_read_beside_the_periods_figure(head):
    rows = [
        ["BÁO CÁO THÁNG 6 NĂM 2022"],
        [
            "Mã ĐV",
            "Mã CT",
            "Thực hiện tháng 6",
            head,
            "Lũy kế cùng kỳ năm trước",
            "Lũy kế so KH (%)",
        ],
        ["HOIAN", "CNS_TO", 5, 120, 100, 80],
        ["HOIAN", "TTHC_SOHOA", 40, None, None, None],
        ["TAMKY", "CNS_TO", "-", 98, 90, 75],  # none formed this month: the stock is still 98
    ]
    table = locate([sheet(rows)], CODES)
    assert table.rows[["source_row", "value", "value_to_date"]].values.tolist() == [
        [3, 5, 120],
        [4, 40, None],
        [5, None, 98],
    ]
    assert table.ignored_columns == ["E (Lũy kế cùng kỳ năm trước)", "F (Lũy kế so KH (%))"]
    assert table.no_figure_rows == []


def test_two_columns_of_what_is_reached_to_date_are_neither_read():
    rows = [
        ["BÁO CÁO THÁNG 6 NĂM 2022"],
        ["Mã ĐV", "Mã CT", "Thực hiện tháng 6", "Lũy kế", "Lũy kế đến nay"],
        ["HOIAN", "CNS_TO", 5, 30, 120],
    ]
    table = locate([sheet(rows)], CODES)
    assert "value_to_date" not in table.rows
    assert table.ignored_columns == ["D (Lũy kế)", "E (Lũy kế đến nay)"]


@pytest.mark.parametrize(
    ("head", "read"),
    [
        ("Lũy kế từ đầu năm", True),
        ("Lũy kế 6 tháng", True),
        ("Lũy kế 6 tháng đầu năm", True),
        ("Lũy kế năm 2022", True),
        ("Lũy kế quý II", False),  # the quarter's, or since January? unsaid
        ("Lũy kế 6 tháng so KH (%)", False),
        ("Lũy kế năm trước", False),
    ],
)
def test_what_is_reached_since_january_is_read_and_marked_so(head, read):
    # a stock's "from January" is the teams formed this year, not all of them (validation)
    rows = [
        ["BÁO CÁO THÁNG 6 NĂM 2022"],
        ["Mã ĐV", "Mã CT", "Thực hiện tháng 6", head],
        ["HOIAN", "CNS_TO", 5, 20],
    ]
    table = locate([sheet(rows)], CODES)
    if read:
        assert table.rows[["value_to_date", "value_to_date_in_year"]].values.tolist() == [
            [20, True]
        ]
        assert table.ignored_columns == []
    else:
        assert "value_to_date" not in table.rows
        assert table.ignored_columns == [f"D ({head})"]


def test_what_is_reached_to_date_is_not_marked_since_january():
    rows = [["BÁO CÁO THÁNG 6"], ["Mã ĐV", "Mã CT", "Kỳ", "Thực hiện", "Lũy kế đến nay"]]
    table = locate([sheet(rows + [["HOIAN", "CNS_TO", "2022-06", 5, 120]])], CODES)
    assert table.rows["value_to_date"].tolist() == [120]
    assert "value_to_date_in_year" not in table.rows


def test_a_half_years_report_heads_its_figure_by_the_half_year():
    rows = [
        ["BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2022"],
        ["Mã ĐV", "Mã CT", "Kế hoạch năm", "Thực hiện 6 tháng đầu năm"],
        ["HOIAN", "CNS_TO", 150, 130],
    ]
    table = locate([sheet(rows)], CODES)
    assert table.rows[["period", "value"]].values.tolist() == [["2022-H1", 130]]


def test_a_quarters_head_in_the_report_of_its_last_month_is_its_figure():
    rows = [
        ["BÁO CÁO THÁNG 9 NĂM 2022"],
        ["Mã ĐV", "Mã CT", "Thực hiện quý III"],
        ["HOIAN", "X", 9],
    ]
    assert locate([sheet(rows)], CODES).rows["period"].tolist() == ["2022-09"]


def test_a_figure_column_headed_by_another_period_than_the_files_is_refused():
    rows = [
        ["BÁO CÁO THÁNG 8 NĂM 2022"],
        ["Mã ĐV", "Mã CT", "Thực hiện tháng 7"],
        ["HOIAN", "CNS_TO", 9],
    ]
    with pytest.raises(
        FileRejected,
        match=r"Cột C \(Thực hiện tháng 7\) .* kỳ khác với kỳ của tệp \(tháng 8/2022, theo dòng 1",
    ):
        locate([sheet(rows)], CODES)


def test_what_was_done_in_each_of_several_periods_is_a_trackers_months_across():
    rows = [
        ["THEO DÕI NĂM 2022"],
        ["Mã ĐV", "Mã CT", "Thực hiện T7", "Thực hiện T8"],
        ["HOIAN", "CNS_TO", 140, 141],
    ]
    table = locate([sheet(rows)], CODES)
    assert table.rows[["period", "value"]].values.tolist() == [["2022-07", 140], ["2022-08", 141]]
    assert [label for label, _ in table.periods_across] == ["C (Thực hiện T7)", "D (Thực hiện T8)"]


def test_a_plans_years_merged_over_its_indicators_give_each_columns_year():
    # a plan for several years: "Năm 2023" merged over a column per indicator, and so on
    rows = [
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2023 - 2025"],
        ["STT", "Đơn vị", "Năm 2023", None, "Năm 2024", None],
        [None, None, "Số tổ công nghệ số", "TTHC_SOHOA", "Số tổ công nghệ số", "TTHC_SOHOA"],
        [1, "HOIAN", 12, 80, 14, 85],
        [2, "TAMKY", 10, None, 11, 90],
    ]
    names = [("Số tổ công nghệ số", "CNS_TO")]
    table = locate([sheet(rows)], CODES, targets=True, indicator_names=names)
    assert (table.form, table.header_row, table.ignored_columns) == ("targets_wide", 2, ["A (STT)"])
    fields = ["source_row", "unit_code", "indicator_code", "year", "value", "year_column"]
    assert list(table.rows[fields].itertuples(index=False, name=None)) == [
        (4, "HOIAN", "CNS_TO", 2023, 12, "C (Số tổ công nghệ số (Năm 2023))"),
        (4, "HOIAN", "TTHC_SOHOA", 2023, 80, "D (TTHC_SOHOA (Năm 2023))"),
        (4, "HOIAN", "CNS_TO", 2024, 14, "E (Số tổ công nghệ số (Năm 2024))"),
        (4, "HOIAN", "TTHC_SOHOA", 2024, 85, "F (TTHC_SOHOA (Năm 2024))"),
        (5, "TAMKY", "CNS_TO", 2023, 10, "C (Số tổ công nghệ số (Năm 2023))"),
        (5, "TAMKY", "CNS_TO", 2024, 11, "E (Số tổ công nghệ số (Năm 2024))"),
        (5, "TAMKY", "TTHC_SOHOA", 2024, 90, "F (TTHC_SOHOA (Năm 2024))"),
    ]
    # told by year, each year's columns together; a name read for a code told once
    assert [(label, p.year) for label, p in table.periods_across] == [
        ("C, D", 2023),
        ("E, F", 2024),
    ]
    assert table.indicators_by_name == [("C (Số tổ công nghệ số (Năm 2023))", "CNS_TO")]


def test_a_plans_indicators_merged_over_their_years_give_each_columns_year():
    rows = [
        ["STT", "Đơn vị", "Số tổ công nghệ số", None, "Tỷ lệ hồ sơ TTHC được số hóa", None],
        [None, None, 2023, "Năm 2024", "KH 2023", "KH 2024"],
        [1, "HOIAN", 12, 14, 80, 85],
        [None, "Người lập biểu", None, None, None, "GIÁM ĐỐC"],  # a signature, not targets
    ]
    names = [("Số tổ công nghệ số", "CNS_TO"), ("Tỷ lệ hồ sơ TTHC được số hóa", "TTHC_SOHOA")]
    table = locate([sheet(rows)], CODES, targets=True, indicator_names=names)
    assert (table.form, table.text_rows) == ("targets_wide", [4])
    assert table.rows[["indicator_code", "year", "value"]].values.tolist() == [
        ["CNS_TO", 2023, 12],
        ["CNS_TO", 2024, 14],
        ["TTHC_SOHOA", 2023, 80],
        ["TTHC_SOHOA", 2024, 85],
    ]
    assert table.rows["value_column"].tolist() == [
        "C (Số tổ công nghệ số (2023))",
        "D (Số tổ công nghệ số (Năm 2024))",
        "E (Tỷ lệ hồ sơ TTHC được số hóa (KH 2023))",
        "F (Tỷ lệ hồ sơ TTHC được số hóa (KH 2024))",
    ]


def test_a_trackers_indicator_merged_over_its_months_takes_the_titles_year():
    rows = [
        ["BẢNG THEO DÕI CHUYỂN ĐỔI SỐ NĂM 2022"],
        ["Đơn vị", "CNS_TO", None, "TTHC_SOHOA", None],
        [None, "Tháng 6", "Tháng 7", "Tháng 6", "Tháng 7"],
        ["HOIAN", 130, 140, 80, "-"],
        [None, None, None, None, None],
        ["Người lập biểu", None, None, "Thủ trưởng đơn vị", None],
        ["(ký, ghi rõ họ tên)", None, None, "(ký tên, đóng dấu)", None],
    ]
    table = locate([sheet(rows)], CODES)
    assert (table.form, table.title_period, table.text_rows) == ("wide", None, [6, 7])
    fields = ["indicator_code", "period", "value", "period_column"]
    assert table.rows[fields].values.tolist() == [
        ["CNS_TO", "2022-06", 130, "B (CNS_TO (Tháng 6))"],
        ["CNS_TO", "2022-07", 140, "C (CNS_TO (Tháng 7))"],
        ["TTHC_SOHOA", "2022-06", 80, "D (TTHC_SOHOA (Tháng 6))"],
    ]
    assert table.rows["period_headed"].all()
    # "Tháng 6" with no year anywhere
    with pytest.raises(FileRejected, match="có cột ghi kỳ mà không ghi năm: B .*Ghi năm"):
        locate([sheet(rows[1:])], CODES)


def test_one_row_heads_of_an_indicator_and_its_period_in_brackets():
    rows = [["Mã đơn vị", "CNS_TO (T7/2022)", "CNS_TO (08/2022)", "Ghi chú"], ["HOIAN", 5, 6, "x"]]
    table = locate([sheet(rows)], CODES)
    assert table.rows[["indicator_code", "period", "value"]].values.tolist() == [
        ["CNS_TO", "2022-07", 5],
        ["CNS_TO", "2022-08", 6],
    ]
    # beside a period column the column's own period would contradict it: unused, named
    beside = [
        ["Mã đơn vị", "Kỳ báo cáo", "CNS_TO (T7/2022)", "TTHC_SOHOA"],
        ["HOIAN", "2022-06", 5, 7],
    ]
    table = locate([sheet(beside)], CODES)
    assert table.ignored_columns == ["C (CNS_TO (T7/2022))"]
    assert table.rows[["indicator_code", "period", "value"]].values.tolist() == [
        ["TTHC_SOHOA", "2022-06", 7]
    ]
    # a note that names no period is no period: the column is no indicator's
    noted = [
        ["Mã đơn vị", "Kỳ báo cáo", "TTHC_SOHOA", "CNS_TO (số tổ)"],
        ["HOIAN", "2022-06", 7, 5],
    ]
    assert locate([sheet(noted)], CODES).ignored_columns == ["D (CNS_TO (số tổ))"]


def test_a_signature_under_a_plans_years_across_is_no_target():
    rows = [
        ["Mã đơn vị", "Mã chỉ tiêu", "2023", "2024"],
        ["HOIAN", "CNS_TO", 12, 14],
        ["Người lập biểu", None, None, "GIÁM ĐỐC"],
    ]
    table = locate([sheet(rows)], CODES, targets=True)
    assert table.text_rows == [3]
    assert table.rows[["year", "value"]].values.tolist() == [[2023, 12], [2024, 14]]


def test_a_summarys_units_across_give_each_columns_figure_its_unit():
    # the department's summary: indicators down, "Kết quả" merged over a column per district
    rows = [
        ["BIỂU TỔNG HỢP KẾT QUẢ THÁNG 7 NĂM 2022"],
        ["STT", "Chỉ tiêu", "ĐVT", "Tổng số", "Kết quả của các địa phương", None, None],
        [None, None, None, None, "TP. Tam Kỳ", "Huyện Núi Thành", "SAIGON"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, "CNS_TO", "Tổ", 300, 140, "-", 160],
        [2, "TTHC_SOHOA", "%", None, 95, 90, None],
        [None, "Người lập biểu", None, None, None, "KT. GIÁM ĐỐC", None],
    ]
    table = locate([sheet(rows)], CODES, units=UNITS)
    assert (table.form, table.header_row, table.text_rows) == ("long", 2, [7])
    # a unit of measure is no field; the total is the dashboard's own sum, only compared
    assert table.ignored_columns == ["A (STT)", "C (ĐVT)"]
    assert table.units_total_column == "D (Tổng số)"
    # only the filled cells: the ratio line (row 6) gives no total
    assert table.units_total.values.tolist() == [[5, 300, "D (Tổng số)"]]
    fields = ["source_row", "unit_code", "indicator_code", "value", "unit_code_column"]
    assert list(table.rows[fields].itertuples(index=False, name=None)) == [
        (5, "TAMKY", "CNS_TO", 140, "E (TP. Tam Kỳ)"),
        (5, "SAIGON", "CNS_TO", 160, "G (SAIGON)"),  # "-": nothing for Núi Thành
        (6, "TAMKY", "TTHC_SOHOA", 95, "E (TP. Tam Kỳ)"),
        (6, "NUITHANH", "TTHC_SOHOA", 90, "F (Huyện Núi Thành)"),
    ]
    assert table.rows["unit_headed"].all()
    assert table.rows["value_column"].tolist() == table.rows["unit_code_column"].tolist()
    assert (table.one_unit, table.title_period[0]) == (None, Period(2022, "month", 7))
    assert table.units_across == [
        ("E (TP. Tam Kỳ)", "TAMKY"),
        ("F (Huyện Núi Thành)", "NUITHANH"),
        ("G (SAIGON)", "SAIGON"),
    ]


def test_a_plans_units_across_may_give_the_province_wide_row():
    rows = [
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2023"],
        ["Chỉ tiêu", "Toàn tỉnh", "Tam Kỳ", "Núi Thành"],
        ["CNS_TO", 1500, 140, None],
    ]
    province = pd.DataFrame({"code": ["*"], "name": ["Toàn tỉnh"]})
    units = pd.concat([UNITS, province], ignore_index=True)
    table = locate([sheet(rows)], CODES, targets=True, units=units)
    assert table.rows[["unit_code", "indicator_code", "year", "value"]].values.tolist() == [
        ["*", "CNS_TO", "2023", 1500],  # the title's year, as written
        ["TAMKY", "CNS_TO", "2023", 140],
    ]


def test_unit_heads_beside_a_unit_or_figure_column_are_unused():
    beside_unit = [["Mã đơn vị", "Mã chỉ tiêu", "Kỳ", "Giá trị", "Tam Kỳ"]]
    table = locate(
        [sheet([*beside_unit, ["NUITHANH", "CNS_TO", "2022-07", 5, 9]])], CODES, units=UNITS
    )
    assert (table.ignored_columns, table.units_across) == (["E (Tam Kỳ)"], [])
    assert table.rows[["unit_code", "value"]].values.tolist() == [["NUITHANH", 5]]
    beside_value = [["Chỉ tiêu", "Kỳ", "Giá trị", "Tam Kỳ"], ["CNS_TO", "2022-07", 5, 9]]
    table = locate([sheet(beside_value)], CODES, units=UNITS, own_unit="NUITHANH")
    assert (table.ignored_columns, table.units_across) == (["D (Tam Kỳ)"], [])
    assert table.rows[["unit_code", "value"]].values.tolist() == [["NUITHANH", 5]]


FORM_NAMES = [("Số tổ công nghệ số", "CNS_TO"), ("Tỷ lệ hồ sơ TTHC được số hóa", "TTHC_SOHOA")]


def test_a_forms_export_with_units_of_measure_after_its_questions():
    # as Google Forms exports it: a timestamp, an e-mail, then the questions
    rows = [
        [
            "Dấu thời gian",
            "Địa chỉ email",
            "Đơn vị",
            "Tháng báo cáo",
            "1. Số tổ công nghệ số (tổ)",
            "Tỷ lệ hồ sơ TTHC được số hóa (%)",
        ],
        ["28/06/2022 10:15:01", "a@x.vn", "HOIAN", "06/2022", 130, 85],
    ]
    table = locate([sheet(rows)], CODES, indicator_names=FORM_NAMES)
    assert table.form == "wide"
    assert table.ignored_columns == ["A (Dấu thời gian)", "B (Địa chỉ email)"]
    assert table.rows[["indicator_code", "period", "value"]].values.tolist() == [
        ["CNS_TO", "06/2022", 130],
        ["TTHC_SOHOA", "06/2022", 85],
    ]


@pytest.mark.parametrize("note", ["tổ", "%", "ĐVT: tổ", "Đơn vị tính: tổ", "chương trình"])
def test_a_unit_of_measure_in_brackets_after_an_indicators_name_is_its_column(note):
    rows = [["Đơn vị", "Kỳ báo cáo", f"Số tổ công nghệ số ({note})"], ["HOIAN", "2022-06", 130]]
    table = locate([sheet(rows)], CODES, indicator_names=FORM_NAMES)
    assert table.rows[["indicator_code", "value"]].values.tolist() == [["CNS_TO", 130]]


def test_a_note_that_is_no_unit_of_measure_heads_no_indicator():
    # plan and done beside each other are two figures, neither the indicator's one
    header = ["Đơn vị", "Kỳ báo cáo", "Số tổ công nghệ số (kế hoạch)", "CNS_TO"]
    table = locate(
        [sheet([header, ["HOIAN", "2022-06", 150, 130]])], CODES, indicator_names=FORM_NAMES
    )
    assert table.ignored_columns == ["C (Số tổ công nghệ số (kế hoạch))"]
    assert table.rows[["indicator_code", "value"]].values.tolist() == [["CNS_TO", 130]]


def test_a_month_and_year_of_report_make_the_period():
    header = ["Đơn vị", "Năm báo cáo", "Tháng báo cáo", "CNS_TO"]
    table = locate([sheet([header, ["HOIAN", 2022, 6, 130]])], CODES)
    assert Period(2022, "month", 6) == parse(table.rows["period"][0])


@pytest.mark.parametrize(
    "head",
    ["Đơn vị báo cáo", "Tên đơn vị báo cáo", "Cơ quan, đơn vị", "Đơn vị thực hiện", "Cơ quan"],
)
def test_the_unit_as_a_form_asks_for_it(head):
    table = locate([sheet([[head, "Kỳ báo cáo", "CNS_TO"], ["Hội An", "2022-06", 130]])], CODES)
    assert table.rows[["unit_code", "unit_code_column"]].values.tolist() == [
        ["Hội An", f"A ({head})"]
    ]


def test_a_header_of_indicators_without_a_figures_column_is_named_with_how_to_head_it():
    rows = [
        ["UBND HUYỆN ĐẠI LỘC"],
        ["BÁO CÁO 6 THÁNG ĐẦU NĂM 2022"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2022", "Lũy kế đến hết quý II"],
        [1, "CNS_TO", "tổ", 150, 120],
    ]
    with pytest.raises(FileRejected) as refused:
        locate([sheet(rows)], CODES)
    assert str(refused.value) == (
        "Không tìm thấy cột số liệu của kỳ. Dòng 3 có cột chỉ tiêu B (Chỉ tiêu) nhưng không cột "
        "nào khác là số liệu của kỳ (A (STT), C (ĐVT), D (Kế hoạch năm 2022), E (Lũy kế đến hết "
        "quý II)). Đặt tên cột số liệu của kỳ là «Giá trị», «Kết quả thực hiện» hoặc «Thực hiện "
        "tháng 6», hoặc dùng mẫu nhập liệu tải từ hệ thống. Cột «Lũy kế» chỉ được đọc bên cạnh "
        "cột số liệu của kỳ (chỉ tiêu phát sinh cần số của riêng kỳ)."
    )


def test_a_plans_header_of_indicators_without_a_targets_column_names_its_sheet():
    titled = [["KẾ HOẠCH NĂM 2023"], ["Chỉ tiêu", "Đơn vị tính", "Ghi chú"], ["CNS_TO", "tổ", ""]]
    notes = Sheet.from_rows("Hướng dẫn", [["Ghi số vào các ô"]], [1])
    with pytest.raises(FileRejected) as refused:
        locate([notes, Sheet.from_rows("KH", titled, [1, 2, 3])], CODES, targets=True)
    assert str(refused.value).startswith(
        "Không tìm thấy cột kế hoạch. Dòng 2 (trang «KH») có cột chỉ tiêu A (Chỉ tiêu) nhưng "
        "không cột nào khác là kế hoạch (B (Đơn vị tính), C (Ghi chú)). Đặt tên cột kế hoạch là "
        "«Kế hoạch», «Kế hoạch năm 2023» hoặc «KH 2023»"
    )


@pytest.mark.parametrize(
    "rows",
    [
        [["BÁO CÁO CHỈ TIÊU THÁNG 6"], ["Hội An"]],  # a title's words: no header at all
        [["Chỉ tiêu", "Số lượng"], ["CNS_TO", 5]],  # one other column: too little to tell
    ],
)
def test_without_a_row_heading_indicators_the_usual_columns_are_asked_for(rows):
    with pytest.raises(FileRejected, match=r"^Không tìm thấy dòng tiêu đề\. Tệp cần các cột"):
        locate([sheet(rows)], CODES)


DISTRICT_ROWS = [["Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"], ["CNS_TO", "06/2022", 5]]


@pytest.mark.parametrize("head", ["Huyện", "Tên huyện", "Huyện/thị xã/thành phố", "Huyện, TX, TP"])
def test_a_district_column_is_the_unit_column_where_nothing_else_gives_the_unit(head):
    rows = [[head, *DISTRICT_ROWS[0]], ["Núi Thành", *DISTRICT_ROWS[1]]]
    # before the sender's own unit: a column naming units says whose each line is
    table = locate([sheet(rows)], CODES, units=UNITS, own_unit="TAMKY")
    assert (table.one_unit, table.ignored_columns) == (None, [])
    assert table.rows[["unit_code", "unit_code_column"]].values.tolist() == [
        ["Núi Thành", f"A ({head})"]
    ]


def test_a_district_column_under_a_title_naming_the_unit_is_unused():
    rows = [
        ["UBND THÀNH PHỐ TAM KỲ"],
        ["Huyện", *DISTRICT_ROWS[0]],
        ["Núi Thành", *DISTRICT_ROWS[1]],
    ]
    table = locate([sheet(rows)], CODES, units=UNITS)
    assert (table.one_unit, table.ignored_columns) == (("TAMKY", 1), ["A (Huyện)"])


def test_two_district_columns_give_no_unit_column():
    rows = [
        ["Huyện", "Tên huyện", *DISTRICT_ROWS[0]],
        ["Núi Thành", "Núi Thành", *DISTRICT_ROWS[1]],
    ]
    with pytest.raises(FileRejected, match="thiếu cột: ma_don_vi"):
        locate([sheet(rows)], CODES, units=UNITS)


FORM_QUESTIONS = ["Dấu thời gian", "Đơn vị báo cáo", "Kỳ báo cáo", "Ghi chú"]


def test_a_forms_questions_worded_apart_from_the_catalogue_are_named_with_their_indicator():
    header = [*FORM_QUESTIONS, "Số tổ công nghệ số cộng đồng (tổ)", "Tỷ lệ hồ sơ được số hóa"]
    rows = [header, ["05/08/2022 9:15", "HOIAN", "07/2022", None, 131, 85]]
    with pytest.raises(FileRejected) as refused:
        locate([sheet(rows)], CODES, indicator_names=INDICATOR_NAMES)
    message = str(refused.value)
    assert (
        "tên cột phải đúng mã hoặc tên chỉ tiêu trong danh mục: cột E (Số tổ công nghệ số "
        "cộng đồng (tổ)) gần giống chỉ tiêu «Số tổ công nghệ số cộng đồng đã thành lập» "
        "(CNS_TO); cột F (Tỷ lệ hồ sơ được số hóa) gần giống chỉ tiêu «Tỷ lệ hồ sơ TTHC được số "
        "hóa» (TTHC_SOHOA). Đổi tên các cột ấy, ví dụ thành «CNS_TO»."
    ) in message
    # the form's other questions are no indicator's, and the one-indicator title hint gives way
    assert "Dấu thời gian" not in message and "THEO DÕI" not in message


def test_a_header_without_columns_near_an_indicators_name_keeps_the_title_hint():
    rows = [[*FORM_QUESTIONS, "Số điện thoại liên hệ"], ["05/08/2022", "HOIAN", "07/2022", None, 9]]
    with pytest.raises(FileRejected) as refused:
        locate([sheet(rows)], CODES, indicator_names=INDICATOR_NAMES)
    assert "gần giống" not in str(refused.value) and "THEO DÕI" in str(refused.value)


def test_a_plan_titled_with_a_half_names_no_year():
    # "6 tháng năm 2022" is the first half: a plan's targets are a year's, as under a month
    plan = [["ma_don_vi", "ma_chi_tieu", "ke_hoach"], ["HOIAN", "CNS_TO", 140]]
    with pytest.raises(FileRejected, match="thiếu cột: nam"):
        locate([sheet([["KẾ HOẠCH 6 THÁNG NĂM 2022"], [], *plan])], CODES, targets=True)
    table = locate([sheet([["KẾ HOẠCH NĂM 2022"], [], *plan])], CODES, targets=True)
    assert list(table.rows["year"]) == ["2022"]
