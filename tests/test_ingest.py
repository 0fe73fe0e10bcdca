"""Uploads end to end: the real shapes offices send go in with the right numbers; every broken
file is refused with a message that says what to fix, and the database is left as it was."""

import io
import threading
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlrd
import xlwt
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builders import catalogue, commit_figures, figure_rows, workbook
from dashboard import accounts, batches, catalog, ingest, sql, tables, templates, validation
from dashboard.accounts import LOCAL_OPERATOR, Actor
from dashboard.periods import must_parse
from dashboard.reader import Limits
from dashboard.store import close_store, open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2022, 8, 5)
HEADER = "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri,tu_so,mau_so,ghi_chu\n"
HOIAN = Actor("hoian", "unit", "HOIAN")


@pytest.fixture
def demo(demo_db):
    return open_store(demo_db)


def snapshot(store) -> dict[str, pd.DataFrame]:
    cur = store.cursor()
    return {
        t: cur.execute(f"SELECT * FROM {t}").df()  # test-only inspection
        for t in ("figures", "current_figures", "batches", "targets", "audit_log")
    }


def assert_unchanged(store, before) -> None:
    for table, frame in snapshot(store).items():
        pd.testing.assert_frame_equal(frame, before[table], obj=table)


def current(store, unit: str, indicator: str, period: str) -> dict:
    rows = (
        store.cursor()
        .execute(
            "SELECT value, numerator, denominator, note FROM current_figures "
            "WHERE unit_code = ? AND indicator_code = ? AND period = ?",
            [unit, indicator, period],
        )
        .fetchall()
    )
    assert len(rows) == 1, (unit, indicator, period, rows)
    return dict(zip(("value", "numerator", "denominator", "note"), rows[0], strict=True))


def ratio(store, unit: str, indicator: str, period: str) -> tuple:
    """A stored ratio as (numerator, denominator, value)."""
    stored = current(store, unit, indicator, period)
    return stored["numerator"], stored["denominator"], stored["value"]


def submit(store, text: str | bytes, actor=LOCAL_OPERATOR, name="up.csv", **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return ingest.submit(store, data, name, actor, today=TODAY, **kwargs)


# --- the real shapes ------------------------------------------------------------------------


def test_windows_1258_semicolon_decimal_comma_percent_and_title_rows(demo):
    upload = submit(
        demo,
        (FIXTURES / "hoian_2022-07_cp1258_semicolon.csv").read_bytes(),
        actor=HOIAN,
        name="hoian.csv",
    )
    assert upload.ok, upload.problems
    assert upload.details["encoding"] == "cp1258"
    assert upload.details["delimiter"] == ";"
    assert upload.details["header_row"] == 5
    assert upload.batch.new == 5
    sohoa = current(demo, "HOIAN", "TTHC_SOHOA", "2022-07")
    assert (sohoa["numerator"], sohoa["denominator"]) == (11550, 14000)
    assert sohoa["value"] == pytest.approx(82.5)
    assert sohoa["note"] == "Số hóa tại Bộ phận một cửa"  # NFC after Windows' combining marks
    assert current(demo, "HOIAN", "TTHC_TREHAN", "2022-07")["value"] == pytest.approx(2.1)
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 1234  # '.' groups thousands
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-07")["note"] == 'Chương trình "Hội An số"'
    warnings = upload.problems[upload.problems["severity"] == "warning"]
    assert any("3 lần" in m for m in warnings["message"])  # 131 → 1234 warns, does not block


def test_utf16_tab_unicode_text(demo):
    upload = submit(demo, (FIXTURES / "tamky_2022-07_utf16_tab.txt").read_bytes(), name="t.txt")
    assert upload.ok, upload.problems
    assert upload.details["encoding"] == "utf-16" and upload.details["delimiter"] == "\t"
    assert current(demo, "TAMKY", "VB_KYSO", "2022-07")["value"] == pytest.approx(96.5)
    assert current(demo, "TAMKY", "HL_HAILONG", "2022-Q3")["value"] == pytest.approx(88.4)
    assert current(demo, "TAMKY", "CSDL_DUNGCHUNG", "2022-Q3")["value"] == 9
    assert current(demo, "TAMKY", "VB_KYSO", "2022-07")["note"] == "Văn bản đi ký số"


def test_xlsx_with_title_rows_percent_cells_date_periods_and_footer(demo):
    upload = submit(
        demo, (FIXTURES / "dienban_2022-07_title_rows.xlsx").read_bytes(), name="dienban.xlsx"
    )
    assert upload.ok, upload.problems
    assert upload.details["header_row"] == 4 and upload.details["sheet"] == "Báo cáo"
    assert upload.batch.new == 4
    assert current(demo, "DIENBAN", "TTHC_SOHOA", "2022-07")["value"] == pytest.approx(87.3)
    assert current(demo, "DIENBAN", "CNS_TO", "2022-07")["value"] == 120  # date cell → month
    assert current(demo, "DIENBAN", "DVC_HOSO", "2022-07")["value"] == pytest.approx(45.5)
    assert current(demo, "DIENBAN", "TT_CHUONGTRINH", "2022-07")["note"] == "=1+1 không chạy"
    messages = " ".join(upload.problems["message"])
    assert "A (STT)" in messages  # the ignored column is named
    assert "ký tự công thức" in messages


def test_libreoffice_ods_with_merged_towns_percent_cells_and_a_hidden_sheet(demo):
    # saved by LibreOffice Calc itself (tests/fixtures/make_fixtures.py)
    upload = submit(
        demo, (FIXTURES / "quangnam_2022-07_libreoffice.ods").read_bytes(), name="t7.ods"
    )
    assert upload.ok, upload.problems
    assert upload.details["format"] == "ods" and upload.details["sheet"] == "Tháng 7"
    assert upload.batch.new == 4
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-07") == {
        "value": pytest.approx(82.5),
        "numerator": 1155,
        "denominator": 1400,
        "note": None,
    }
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 130  # under the merged name
    assert current(demo, "TAMKY", "VB_KYSO", "2022-07")["value"] == pytest.approx(96.5)
    assert current(demo, "TAMKY", "TT_CHUONGTRINH", "2022-07")["note"] == "đã   phát sóng"
    messages = " ".join(upload.problems["message"])
    assert "Trang tính «Dữ liệu» đang ẩn: được bỏ qua" in messages
    assert "kỳ ghi ở dòng 1" in messages


def test_a_trackers_months_across_go_in_each_for_its_month(demo):
    # the department's own tracker: units down, one column a month, the year in the title
    data = workbook(
        {
            "Theo dõi": [
                ["THEO DÕI KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2022"],
                ["Đơn vị", "Mã chỉ tiêu", "Tháng 5", "Tháng 6", "Tháng 7"],
                ["Hội An", "CNS_TO", 132, 135, 600],
                ["Hội An", "HL_HAILONG", None, 88.5, None],  # quarterly: June ends Q2
                ["Tam Kỳ", "CNS_TO", "-", 128, None],
            ]
        }
    )
    preview = ingest.check(demo.cursor(), data, "theo_doi.xlsx", LOCAL_OPERATOR, today=TODAY)
    # the preview lists a line's figures left to right, as the sheet has them
    assert preview.changes[["source_row", "period"]].values.tolist() == [
        [3, "2022-05"],
        [3, "2022-06"],
        [3, "2022-07"],
        [4, "2022-Q2"],
        [5, "2022-06"],
    ]
    upload = submit(demo, data, name="theo_doi.xlsx")
    assert upload.ok, upload.problems
    assert upload.batch.new + upload.batch.changed + upload.batch.same == 5
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 600
    assert current(demo, "HOIAN", "HL_HAILONG", "2022-Q2")["value"] == pytest.approx(88.5)
    assert current(demo, "TAMKY", "CNS_TO", "2022-06")["value"] == 128
    warnings = upload.problems[upload.problems["severity"] == "warning"]
    # the jump is told at its own cell, July's, not at the line's first
    jump = warnings[warnings["message"].str.contains("hơn 3 lần")]
    assert (jump["row"].tolist(), jump["column"].tolist()) == ([3], ["E (Tháng 7)"])
    told = " ".join(warnings["message"])
    assert "C (Tháng 5) → tháng 5/2022; D (Tháng 6) → tháng 6/2022" in told


def test_a_trackers_title_naming_its_indicator_gives_every_figures_indicator(demo):
    text = (
        "THEO DÕI SỐ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ĐÃ THÀNH LẬP NĂM 2022,,\n"
        "Đơn vị,Tháng 6,Tháng 7\nHội An,135,136\nTam Kỳ,128,\n"
    )
    upload = submit(demo, text, name="theo_doi.csv")
    assert upload.ok, upload.problems
    assert upload.batch.new + upload.batch.changed + upload.batch.same == 3
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 136
    told = upload.problems.set_index("row")["message"]
    assert told[1] == (
        "Tệp không có cột mã chỉ tiêu: mọi số liệu được ghi cho chỉ tiêu Số tổ công nghệ số "
        "cộng đồng đã thành lập (CNS_TO), theo dòng 1. Nếu không đúng, thêm cột ma_chi_tieu."
    )


def test_a_summary_with_each_ratios_name_over_its_parts_goes_in_whole(demo):
    # Before, the parts under the name were read as lone "Tử số | Mẫu số" columns and the
    # ratio silently left out.
    data = workbook(
        {
            "Biểu 01": [
                ["BIỂU TỔNG HỢP KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
                [
                    "STT",
                    "Tên đơn vị",
                    "Tỷ lệ hồ sơ TTHC được số hóa",
                    None,
                    None,
                    "Tổ CNS cộng đồng",
                ],
                [None, None, "Tử số", "Mẫu số", "Tỷ lệ (%)", None],
                [1, "Hội An", 450, 600, 75, 131],
            ]
        }
    )
    upload = submit(demo, data, name="bieu01.xlsx")
    assert upload.ok, upload.problems
    assert upload.batch.new + upload.batch.changed == 2
    assert ratio(demo, "HOIAN", "TTHC_SOHOA", "2022-07") == (450, 600, 75)
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 131


def test_a_units_report_of_plan_done_and_years_sum_sends_what_was_done(demo):
    # the report every office writes: plan, done this month, done since January, % of plan
    data = workbook(
        {
            "BC": [
                ["UBND THỊ XÃ ĐIỆN BÀN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
                [
                    "STT",
                    "Chỉ tiêu",
                    "Kế hoạch năm 2022",
                    "Thực hiện tháng 7",
                    "Lũy kế",
                    "So với KH (%)",
                ],
                [1, "Số tổ công nghệ số cộng đồng đã thành lập", 150, 130, 130, 86.7],
                [2, "Chương trình phát sóng", 100, 9, 60, 60],
            ]
        }
    )
    upload = submit(demo, data, name="bc_t7.xlsx")
    assert upload.ok, upload.problems
    assert current(demo, "DIENBAN", "CNS_TO", "2022-07")["value"] == 130
    assert current(demo, "DIENBAN", "TT_CHUONGTRINH", "2022-07")["value"] == 9  # not the sum
    told = " ".join(upload.problems["message"])
    assert "C (Kế hoạch năm 2022), F (So với KH (%))" in told
    assert "Chỉ tiêu lũy kế" not in told  # the stock's two figures agree: nothing to say


def test_a_units_report_of_a_stocks_month_and_its_total_sends_the_total(demo):
    # teams formed in July beside all teams to date: the stock is the total
    data = workbook(
        {
            "BC": [
                ["UBND THỊ XÃ ĐIỆN BÀN"],
                ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
                ["STT", "Chỉ tiêu", "Thực hiện tháng 7", "Lũy kế đến nay"],
                [1, "Số tổ công nghệ số cộng đồng đã thành lập", 4, 134],
                [2, "Chương trình phát sóng", 9, 60],
            ]
        }
    )
    upload = submit(demo, data, name="bc_t7.xlsx")
    assert upload.ok, upload.problems
    assert current(demo, "DIENBAN", "CNS_TO", "2022-07")["value"] == 134
    assert current(demo, "DIENBAN", "TT_CHUONGTRINH", "2022-07")["value"] == 9
    told = upload.problems[upload.problems["message"].str.startswith("Chỉ tiêu lũy kế")]
    assert told["row"].tolist() == [4]


def test_a_units_report_of_a_month_and_the_year_so_far_sends_a_ratios_share_since_january(demo):
    data = workbook(
        {
            "BC": [
                ["UBND HUYỆN PHÚ NINH"],
                ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
                ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện tháng 7", "Lũy kế 7 tháng"],
                [1, "Số tổ công nghệ số cộng đồng đã thành lập", "Tổ", 140, 12],
                [2, "Tỷ lệ văn bản đi được ký số, gửi trên môi trường mạng", "%", 92.5, 90.1],
                [3, "Chương trình phát sóng", "Chương trình", 9, 60],
            ]
        }
    )
    upload = submit(demo, data, name="phuninh_t7.xlsx")
    assert upload.ok, upload.problems
    assert current(demo, "PHUNINH", "CNS_TO", "2022-07")["value"] == 140  # 12 formed this year
    assert current(demo, "PHUNINH", "VB_KYSO", "2022-07")["value"] == 90.1
    assert current(demo, "PHUNINH", "TT_CHUONGTRINH", "2022-07")["value"] == 9
    told = upload.problems[upload.problems["message"].str.startswith("Chỉ tiêu tỷ lệ")]
    assert told[["row", "column"]].values.tolist() == [[5, "E (Lũy kế 7 tháng)"]]


def test_a_monthly_flows_figure_under_a_quarters_head_says_which_column_takes_it(demo):
    text = (
        "KẾT QUẢ NĂM 2022,,,\nĐơn vị,Chỉ tiêu,Quý I,Quý II\n"
        "HOIAN,HL_HAILONG,80,82\nHOIAN,TT_CHUONGTRINH,,25\n"
    )
    upload = submit(demo, text)
    assert upload.errors[["row", "column"]].values.tolist() == [[4, "D (Quý II)"]]
    assert upload.errors.iloc[0]["message"] == (
        "Chỉ tiêu này báo cáo theo tháng, còn kỳ «2022-Q2» là kỳ quý. Ghi số của chỉ tiêu này "
        "vào cột tháng (đầu cột ví dụ «T6/2022»), hoặc để trống ô này."
    )


def test_a_monthly_stocks_figure_under_a_quarters_head_is_the_quarters_last_month(demo):
    text = "KẾT QUẢ NĂM 2022,,,\nĐơn vị,Chỉ tiêu,Quý I,Quý II\nHOIAN,CNS_TO,,125\n"
    upload = submit(demo, text)
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 125
    told = upload.problems[upload.problems["message"].str.startswith("Kỳ «")]
    assert told[["row", "column"]].values.tolist() == [[3, "D (Quý II)"]]


def test_filled_template_goes_back_in_as_is(demo):
    cur = demo.cursor()
    blank = templates.xlsx_bytes(cur, "HOIAN", must_parse("2022-Q3"))
    book = openpyxl.load_workbook(io.BytesIO(blank))
    sheet = book["Bao_cao"]
    header = [c.value for c in sheet[templates.HEADER_ROW]]
    july = templates.HEADER_ROW + 1  # rows are 2022-07, 2022-08, 2022-09
    assert [sheet.cell(row=july + i, column=2).value for i in range(3)] == [
        "2022-07",
        "2022-08",
        "2022-09",
    ]
    sheet.cell(row=july, column=header.index("TTHC_SOHOA_TU_SO") + 1, value=900)
    sheet.cell(row=july, column=header.index("TTHC_SOHOA_MAU_SO") + 1, value=1000)
    sheet.cell(row=july, column=header.index("CNS_TO") + 1, value=132)
    september = july + 2
    sheet.cell(row=september, column=header.index("HL_HAILONG") + 1, value=92.5)  # quarterly
    sheet.cell(row=september, column=header.index("ghi_chu") + 1, value="Quý III")
    out = io.BytesIO()
    book.save(out)
    upload = ingest.submit(demo, out.getvalue(), "mau.xlsx", HOIAN, today=date(2022, 10, 5))
    assert upload.ok, upload.problems
    assert upload.form == "wide"
    assert upload.batch.new == 3
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-07")["value"] == pytest.approx(90)
    assert current(demo, "HOIAN", "HL_HAILONG", "2022-Q3")["note"] == "Quý III"
    # the template now comes prefilled, and sending it back unchanged changes nothing
    again = templates.xlsx_bytes(demo.cursor(), "HOIAN", must_parse("2022-Q3"))
    resent = ingest.submit(demo, again, "mau2.xlsx", HOIAN, today=date(2022, 10, 5))
    assert resent.ok, resent.problems
    assert (resent.count("new"), resent.count("changed"), resent.count("same")) == (0, 0, 3)


def test_csv_template_round_trip(demo):
    data = templates.csv_bytes(demo.cursor(), "HOIAN", must_parse("2022-06"))
    assert data.startswith(b"\xef\xbb\xbf")
    upload = ingest.check(demo.cursor(), data, "mau.csv", HOIAN, today=TODAY)
    assert upload.ok, upload.problems
    assert upload.count("same") == 10 and upload.count("new") == 0


def test_wide_row_with_two_warnings_warns_at_each_cell(demo):
    text = "ma_don_vi,ky_bao_cao,CNS_TO,TT_CHUONGTRINH\nHOIAN,2022-07,100,90\n"
    upload = ingest.check(demo.cursor(), text.encode(), "w.csv", HOIAN, today=TODAY)
    assert upload.ok, upload.problems
    warnings = upload.problems[upload.problems["severity"] == "warning"]
    assert list(warnings["row"]) == [2, 2]
    by_column = dict(zip(warnings["column"], warnings["message"], strict=True))
    assert by_column["C (CNS_TO)"].startswith("Số lũy kế giảm so với kỳ trước (T6/2022: 131 → 100)")
    assert "hơn 3 lần" in by_column["D (TT_CHUONGTRINH)"]


def test_a_jump_in_a_table_with_units_across_is_warned_of_at_its_units_cell(demo):
    """One line holds several units' figures of one indicator: each jump is told at the cell
    that holds it, not at the line's first unit, and told left to right."""
    rows = [
        ["BIỂU TỔNG HỢP THÁNG 7/2022"],
        ["Chỉ tiêu", "Tam Kỳ", "Hội An", "Điện Bàn"],
        ["Số tổ công nghệ số cộng đồng đã thành lập", 130, 47, 10],
    ]
    upload = ingest.check(
        demo.cursor(), workbook({"TH": rows}), "th.xlsx", LOCAL_OPERATOR, today=TODAY
    )
    assert upload.ok, upload.problems
    jumps = upload.problems[upload.problems["message"].str.startswith("Số lũy kế giảm")]
    assert jumps[["row", "column", "value"]].values.tolist() == [
        [3, "C (Hội An)", "47"],
        [3, "D (Điện Bàn)", "10"],
    ]
    assert "(T6/2022: 131 → 47)" in jumps.iloc[0]["message"]


def test_wide_form_maps_month_rows_to_quarters_only_at_quarter_end(demo):
    text = "ma_don_vi,ky_bao_cao,CSDL_DUNGCHUNG\nHOIAN,2022-06,8\nHOIAN,2022-05,7\n"
    upload = ingest.check(demo.cursor(), text.encode(), "w.csv", HOIAN, today=TODAY)
    errors = upload.errors
    assert errors[["row", "column", "message"]].values.tolist() == [
        [
            3,
            "C (CSDL_DUNGCHUNG)",  # the misplaced cell, not the row's period, which is right
            "Chỉ tiêu này báo cáo theo quý: ghi số ở dòng tháng cuối quý (tháng 3, 6, 9 hoặc "
            "12), không ở dòng tháng 5/2022. Để trống ô này ở dòng đó.",
        ]
    ]


def test_a_trackers_months_merged_over_its_indicators_go_in_each_for_its_month(demo):
    # "Tháng 6" merged over a column per indicator, and so on; a signature under the table
    rows = [
        ["BẢNG THEO DÕI CHUYỂN ĐỔI SỐ NĂM 2022"],
        ["STT", "Đơn vị", "Tháng 6", None, "Tháng 7", None],
        [None, None, "Tổ CNS cộng đồng", "Chỉ số hài lòng", "Tổ CNS cộng đồng", None],
        [1, "Hội An", 136, 88.5, 140, None],
        [None, "Người lập biểu", None, None, "Thủ trưởng đơn vị", None],
    ]
    data = workbook({"Sheet": rows}, merged={"Sheet": ["C2:D2", "E2:F2"]})
    upload = submit(demo, data, name="theo_doi.xlsx")
    assert upload.ok, upload.problems
    assert upload.batch.new + upload.batch.changed + upload.batch.same == 3
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 136
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 140
    # June's column ends the second quarter: the quarterly indicator's figure is Q2's
    assert current(demo, "HOIAN", "HL_HAILONG", "2022-Q2")["value"] == pytest.approx(88.5)
    told = " ".join(upload.problems["message"])
    assert "Các cột ghi kỳ ở đầu cột (C, D → tháng 6/2022; E → tháng 7/2022)" in told
    assert "Dòng 5 chỉ có chữ" in told


def test_a_quarterly_indicator_under_a_months_head_not_ending_its_quarter_names_the_column(demo):
    text = "ma_don_vi,CSDL_DUNGCHUNG (T5/2022),CSDL_DUNGCHUNG (T6/2022)\nHOIAN,7,8\n"
    upload = ingest.check(demo.cursor(), text.encode(), "w.csv", HOIAN, today=TODAY)
    assert upload.errors[["row", "column", "message"]].values.tolist() == [
        [
            2,
            "B (CSDL_DUNGCHUNG (T5/2022))",
            "Chỉ tiêu này báo cáo theo quý: ghi số ở cột tháng cuối quý (tháng 3, 6, 9 hoặc "
            "12), không ở cột tháng 5/2022. Để trống ô này ở cột đó.",
        ]
    ]


def test_a_plans_years_merged_over_its_indicators_go_in_for_each_year(demo):
    rows = [
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2023 - 2025"],
        ["STT", "Đơn vị", "Năm 2023", None, "Năm 2024", None],
        [None, None, "CSDL dùng chung", "Tổ CNS cộng đồng", "CSDL dùng chung", None],
        [1, "Hội An", 3, 12, 4, None],
    ]
    data = workbook({"Sheet": rows}, merged={"Sheet": ["C2:D2", "E2:F2"]})
    upload = submit(demo, data, name="ke_hoach.xlsx", targets=True)
    assert upload.ok, upload.problems
    stored = demo.cursor().execute(
        "SELECT indicator_code, year, value FROM current_targets "
        "WHERE unit_code = 'HOIAN' AND year >= 2023 ORDER BY indicator_code, year"
    )
    assert stored.fetchall() == [
        ("CNS_TO", 2023, 12),
        ("CSDL_DUNGCHUNG", 2023, 3),
        ("CSDL_DUNGCHUNG", 2024, 4),
    ]


def test_a_plans_grid_of_bounds_goes_in_with_each_bounds_number(demo):
    # a line of bounds alone ("Trên 85%", "≤ 2%") is a line of targets, not of words
    rows = [
        ["GIAO KẾ HOẠCH NĂM 2023"],
        ["Đơn vị", "Văn bản ký số", "Hồ sơ trễ hạn", "Tổ CNS cộng đồng"],
        ["Tam Kỳ", "≥ 90%", "Dưới 3%", 150],
        ["Hội An", "Trên 85%", "≤ 2%", "tối thiểu 140"],
    ]
    upload = submit(demo, workbook({"Sheet": rows}), name="ke_hoach.xlsx", targets=True)
    assert upload.ok, upload.problems
    assert "Dòng 4 chỉ có chữ" not in " ".join(upload.problems["message"])
    stored = demo.cursor().execute(
        "SELECT unit_code, indicator_code, value FROM current_targets "
        "WHERE year = 2023 AND unit_code IN ('TAMKY', 'HOIAN') ORDER BY unit_code, indicator_code"
    )
    assert stored.fetchall() == [
        ("HOIAN", "CNS_TO", 140),
        ("HOIAN", "TTHC_TREHAN", 2),
        ("HOIAN", "VB_KYSO", 85),
        ("TAMKY", "CNS_TO", 150),
        ("TAMKY", "TTHC_TREHAN", 3),
        ("TAMKY", "VB_KYSO", 90),
    ]


def test_a_trackers_line_of_ratios_parts_goes_in(demo):
    # months across, each cell a ratio's parts: a line of figures, not of words
    rows = [
        ["THEO DÕI VĂN BẢN KÝ SỐ NĂM 2022"],
        ["Đơn vị", "T1", "T2"],
        ["Hội An", "45/50", "46/50"],
    ]
    upload = submit(demo, workbook({"VB_KYSO": rows}), name="theo_doi.xlsx")
    assert upload.ok, upload.problems
    assert ratio(demo, "HOIAN", "VB_KYSO", "2022-02") == (46, 50, 92)


def test_a_ratios_parts_in_the_templates_value_column_beside_its_part_columns(demo):
    # the part columns hold numbers on other lines: the text "46/50" still finds its place
    rows = [
        ["ma_don_vi", "ky_bao_cao", "VB_KYSO", "VB_KYSO_TU_SO", "VB_KYSO_MAU_SO"],
        ["TAMKY", "2022-06", None, 45, 50],
        ["HOIAN", "2022-06", "46/50", None, None],
        ["DIENBAN", "2022-06", "60/50", None, None],
    ]
    upload = submit(demo, workbook({"Sheet": rows}), name="mau.xlsx")
    errors = upload.errors
    assert errors[["row", "column", "value"]].values.tolist() == [[4, "C (VB_KYSO)", "60/50"]]
    rows.pop()
    upload = submit(demo, workbook({"Sheet": rows}), name="mau.xlsx")
    assert upload.ok, upload.problems
    assert ratio(demo, "HOIAN", "VB_KYSO", "2022-06") == (46, 50, 92)


def test_a_summary_of_districts_across_goes_in_for_each_district(demo):
    # indicators down by name, a column per district under the title's month
    rows = [
        ["BIỂU TỔNG HỢP KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
        ["STT", "Chỉ tiêu", "ĐVT", "Tổng cộng", "TP. Tam Kỳ", "Thành phố Hội An"],
        [1, "Tổ CNS cộng đồng", "Tổ", 290, 139, 151],
        [2, "Số chương trình truyền thanh – truyền hình địa phương phát sóng", "CT", 30, "-", 30],
    ]
    data = workbook({"TH": rows})
    upload = submit(demo, data, name="tong_hop.xlsx")
    assert upload.ok, upload.problems
    assert upload.batch.new + upload.batch.changed + upload.batch.same == 3
    assert current(demo, "TAMKY", "CNS_TO", "2022-07")["value"] == 139
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 151
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-07")["value"] == 30
    told = " ".join(upload.problems["message"])
    assert "Các cột ghi đơn vị ở đầu cột (E (TP. Tam Kỳ) → TAMKY; F (Thành phố Hội An)" in told
    # the sum is the dashboard's own: not written, only compared (290 = 139 + 151; 30 = "-" + 30)
    assert "Cột D (Tổng cộng) không được ghi (bảng điều khiển tự cộng)" in told
    assert "Ô tổng cộng" not in told
    # a district's account sends its own column; another's is refused at its cells
    own = ingest.check(demo.cursor(), data, "tong_hop.xlsx", HOIAN, today=TODAY)
    assert own.errors[["row", "column"]].values.tolist() == [[3, "E (TP. Tam Kỳ)"]]
    assert own.errors.iloc[0]["message"].endswith("Xóa cột này hoặc để đơn vị TAMKY tự gửi.")


def test_a_summarys_total_column_is_checked_against_its_districts_at_its_own_cell(demo):
    head = ["STT", "Chỉ tiêu", "Tổng cộng", "TP. Tam Kỳ", "Thành phố Hội An"]
    sheets = {
        "T7": [
            ["BIỂU TỔNG HỢP THÁNG 7 NĂM 2022"],
            head,
            [1, "CNS_TO", 291, 139, 151],  # one more than the districts' 290
            [2, "TT_CHUONGTRINH", "#REF!", 12, 30],  # a broken formula
            [3, "TTHC_SOHOA", 190, 95, 96],  # a ratio's total is no sum: not compared
        ],
        "T8": [
            ["BIỂU TỔNG HỢP THÁNG 8 NĂM 2022"],
            head,
            [1, "CNS_TO", 300, 140, "-"],
            [2, "TT_CHUONGTRINH", "-", 10, 11],  # no total given
        ],
    }
    upload = submit(demo, workbook(sheets), name="tong_hop.xlsx")
    assert upload.ok, upload.errors  # warnings only: every district's figure goes in
    assert current(demo, "TAMKY", "CNS_TO", "2022-07")["value"] == 139
    assert current(demo, "TAMKY", "CNS_TO", "2022-08")["value"] == 140
    totals = upload.problems[upload.problems["message"].str.startswith("Ô tổng cộng")]
    assert totals[["sheet", "row", "column", "value"]].values.tolist() == [
        ["T7", 3, "C (Tổng cộng)", "291"],
        ["T7", 4, "C (Tổng cộng)", "#REF!"],
        ["T8", 3, "C (Tổng cộng)", "300"],  # 140 and nothing for Hội An
    ]
    assert totals["message"].tolist() == [
        "Ô tổng cộng ghi 291, còn tổng số các đơn vị ghi ở dòng này là 290. Số của từng đơn vị "
        "được đọc; kiểm tra lại ô tổng hoặc các ô ấy.",
        "Ô tổng cộng không phải là số: được bỏ qua như cả cột tổng; số của từng đơn vị được "
        "đọc. Ô báo lỗi công thức #REF! (công thức trỏ tới ô đã bị xóa): ô không có số. Sửa "
        "công thức trong tệp hoặc ghi số thay cho nó, rồi gửi lại.",
        "Ô tổng cộng ghi 300, còn tổng số các đơn vị ghi ở dòng này là 140. Số của từng đơn vị "
        "được đọc; kiểm tra lại ô tổng hoặc các ô ấy.",
    ]
    assert (totals["severity"] == "warning").all()


def test_a_summarys_total_is_not_compared_on_a_line_with_a_refused_figure(demo):
    rows = [
        ["BIỂU TỔNG HỢP THÁNG 7 NĂM 2022"],
        ["Chỉ tiêu", "Tổng số", "TP. Tam Kỳ", "Thành phố Hội An"],
        ["CNS_TO", 500, 139, "nhiều"],
    ]
    upload = ingest.check(
        demo.cursor(), workbook({"TH": rows}), "th.xlsx", LOCAL_OPERATOR, today=TODAY
    )
    assert upload.errors[["row", "column"]].values.tolist() == [[3, "D (Thành phố Hội An)"]]
    assert not upload.problems["message"].str.startswith("Ô tổng cộng").any()


def test_a_long_file_giving_a_quarterly_indicator_a_month_names_the_period_to_write(demo):
    text = "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CSDL_DUNGCHUNG,2022-06,8\n"
    upload = ingest.check(demo.cursor(), text.encode(), "l.csv", HOIAN, today=TODAY)
    assert upload.errors["column"].tolist() == ["C (ky_bao_cao)"]
    assert upload.errors.iloc[0]["message"].endswith("Ghi số cuối quý II/2022 với kỳ 2022-Q2.")


# --- every bad input ------------------------------------------------------------------------

BAD_ROWS = [
    ("HOIANN,CNS_TO,2022-06,5,,,", "A (ma_don_vi)", "Có phải «HOIAN» (Hội An)?"),
    ("Hoi An,CNS_TO,2022-06,5,,,", "A (ma_don_vi)", "Có phải «HOIAN»"),
    (",CNS_TO,2022-06,5,,,", "A (ma_don_vi)", "Thiếu mã đơn vị"),
    ("HOIAN,CNS_T0,2022-06,5,,,", "B (ma_chi_tieu)", "Có phải «CNS_TO»"),
    # a name cut at its comma, and a name with more words after it: the one it begins
    ("HOIAN,Tỷ lệ văn bản đi được ký số,2022-06,80,,,", "B (ma_chi_tieu)", "«VB_KYSO»"),
    ("HOIAN,Số tổ công nghệ số cộng đồng,2022-06,5,,,", "B (ma_chi_tieu)", "«CNS_TO»"),
    (
        "HOIAN,Số tổ công nghệ số cộng đồng đã thành lập ở xã,2022-06,5,,,",
        "B (ma_chi_tieu)",
        "«CNS_TO»",
    ),
    ("HOIAN,CNS_TO,giữa năm,5,,,", "C (ky_bao_cao)", "Kỳ báo cáo không đọc được"),
    ("HOIAN,CNS_TO,,5,,,", "C (ky_bao_cao)", "Thiếu kỳ báo cáo"),
    ("HOIAN,CNS_TO,2022-13,5,,,", "C (ky_bao_cao)", "không đọc được"),
    ("HOIAN,CNS_TO,2023-01,5,,,", "C (ky_bao_cao)", "chưa đến"),
    ("HOIAN,TT_CHUONGTRINH,2022-Q1,5,,,", "C (ky_bao_cao)", "báo cáo theo tháng"),
    ("HOIAN,HL_HAILONG,2022-06,80,,,", "C (ky_bao_cao)", "báo cáo theo quý"),
    ("HOIAN,CNS_TO,2022-06,nhiều,,,", "D (gia_tri)", "Không phải là số"),
    ("HOIAN,CNS_TO,2022-06,,,,", "D (gia_tri)", "Thiếu giá trị"),
    ("HOIAN,CNS_TO,2022-06,-5,,,", "D (gia_tri)", "không được âm"),
    ('HOIAN,CNS_TO,2022-06,"1,5",,,', "D (gia_tri)", "số nguyên"),
    ("HOIAN,VB_KYSO,2022-06,120,,,", "D (gia_tri)", "vượt quá 100"),
    ("HOIAN,HL_HAILONG,2022-Q2,101,,,", "D (gia_tri)", "vượt quá 100"),
    ("HOIAN,VB_KYSO,2022-06,,120,100,", "E (tu_so)", "lớn hơn mẫu số"),
    ("HOIAN,VB_KYSO,2022-06,,5,0,", "F (mau_so)", "Mẫu số bằng 0"),
    ("HOIAN,VB_KYSO,2022-06,100,0,0,", "F (mau_so)", "Mẫu số bằng 0"),  # a percent of nothing
    ("HOIAN,VB_KYSO,2022-06,,5,,", "E (tu_so)", "cả tử số và mẫu số"),
    ("HOIAN,VB_KYSO,2022-06,90,80,100,", "D (gia_tri)", "không khớp tử số ÷ mẫu số = 80"),
    ("HOIAN,VB_KYSO,2022-06,0.8,80,100,", "D (gia_tri)", "theo phần trăm: 80,0"),
    ("HOIAN,VB_KYSO,2022-06,90,abc,100,", "E (tu_so)", "Không phải là số"),
    ("TAMKY,CNS_TO,2022-06,5,,,", "A (ma_don_vi)", "không được gửi số liệu của đơn vị TAMKY"),
]


def test_a_name_beginning_several_indicators_suggests_none(demo):
    text = HEADER + "HOIAN,Tỷ lệ hồ sơ TTHC,2022-06,80,,,\n"  # TTHC_SOHOA? TTHC_TREHAN?
    upload = submit(demo, text)
    assert upload.errors.iloc[0]["message"] == (
        "Mã chỉ tiêu «Tỷ lệ hồ sơ TTHC» không có trong danh mục."
    )


@pytest.mark.parametrize(("row", "column", "message"), BAD_ROWS)
def test_each_bad_row_is_refused_with_its_row_column_and_fix(demo, row, column, message):
    before = snapshot(demo)
    good = "HOIAN,TT_CHUONGTRINH,2022-06,10,,,\n"
    upload = submit(demo, HEADER + good + row + "\n", actor=HOIAN)
    assert not upload.ok
    errors = upload.errors
    assert len(errors) == 1, errors
    error = errors.iloc[0]
    assert error["row"] == 3 and error["column"] == column
    assert message in error["message"]
    assert upload.batch is None
    assert_unchanged(demo, before)


def test_the_same_figure_twice_in_a_file(demo):
    text = (
        HEADER + "HOIAN,CNS_TO,2022-06,5,,,\nHOIAN,TT_CHUONGTRINH,2022-06,5,,,\n"
        "HOIAN,CNS_TO,06/2022,6,,,\n"
    )
    upload = submit(demo, text)
    assert list(upload.errors["row"]) == [4]
    assert "Trùng với dòng 2" in upload.errors.iloc[0]["message"]


def test_a_totals_line_is_skipped_with_a_warning_and_the_rest_is_written(demo):
    text = HEADER + "HOIAN,CNS_TO,2022-07,5,,,\nTổng cộng,CNS_TO,2022-07,5,,,\n"
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 1
    warning = upload.problems[upload.problems["row"] == 3].iloc[0]
    assert warning["severity"] == "warning"
    assert warning["message"].startswith("Dòng 3 là dòng tổng cộng")


def test_a_header_repeated_by_pasting_two_files_together_is_skipped_saying_so(demo):
    text = (
        "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-07,140\n"
        "\ufeffma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nTAMKY,CNS_TO,2022-07,130\n"
    )
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 2, upload.problems
    warned = upload.problems[upload.problems["row"] == 3]["message"].tolist()
    assert warned == [
        "Dòng 3 lặp lại dòng tiêu đề (dòng 1), như khi ghép nhiều tệp làm một: được bỏ qua."
    ]


def test_a_signature_block_is_skipped_with_a_warning_and_the_rest_is_written(demo):
    text = HEADER + (
        "HOIAN,CNS_TO,2022-07,5,,,\n"
        ',,"Hội An, ngày 05 tháng 8 năm 2022",,,,\n'  # 3
        "Người lập biểu,,,,,Thủ trưởng đơn vị,\n"  # 4
    )
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 1
    skipped = upload.problems[upload.problems["message"].str.contains("chỉ có chữ")]
    assert list(skipped["row"]) == [3, 4] and set(skipped["severity"]) == {"warning"}
    assert skipped.iloc[1]["message"] == (
        "Dòng 4 chỉ có chữ (không có mã chỉ tiêu, kỳ báo cáo hay số nào), như tên một mục hay "
        "dòng ký tên cuối báo cáo: được bỏ qua."
    )


def test_xlsx_with_a_two_row_header_a_numbering_row_and_names_beside_codes(demo):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8/2022"])
    sheet.append(["TT", "Đơn vị", "Mã ĐV", "Mã CT", "Kỳ", "Số liệu", None, None])
    sheet.append([None, None, None, None, None, "Giá trị", "Tử số", "Mẫu số"])
    for column in "ABCDE":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("F2:H2")
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(7)/(8)", "(7)", "(8)"])
    sheet.append([1, "Hội An", "HOIAN", "TTHC_SOHOA", "2022-08", None, 450, 500])
    sheet.append([2, "Hội An", "HOIAN", "CNS_TO", "2022-08", 132, None, None])
    sheet.append([None, "Người lập biểu", None, None, "Thủ trưởng đơn vị", None])
    out = io.BytesIO()
    book.save(out)
    upload = submit(demo, out.getvalue(), name="hoian.xlsx")
    assert upload.ok, upload.problems
    assert upload.batch.new == 2
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-08")["value"] == pytest.approx(90)
    assert current(demo, "HOIAN", "CNS_TO", "2022-08")["value"] == 132
    warnings = " ".join(upload.problems["message"])
    assert "bỏ qua: A (TT)." in warnings and "Dòng 7 chỉ có chữ" in warnings


def test_an_excel_97_2003_report_goes_in_as_a_newer_workbook_does(demo):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("BC thang 8")
    sheet.write(0, 0, "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8/2022")
    for column, header in enumerate(["Mã ĐV", "Mã CT", "Giá trị", "Tử số", "Mẫu số"]):
        sheet.write(1, column, header)
    sheet.write_merge(2, 3, 0, 0, "HOIAN")  # the unit over its block of lines
    sheet.write(2, 1, "TTHC_SOHOA")
    sheet.write(2, 3, 450)
    sheet.write(2, 4, 500)
    sheet.write(3, 1, "VB_KYSO")
    sheet.write(3, 2, 0.9, xlwt.easyxf(num_format_str="0%"))  # shows 90 %
    out = io.BytesIO()
    book.save(out)
    upload = submit(demo, out.getvalue(), name="hoian_t8.xls")
    assert upload.ok, upload.errors
    assert upload.batch.new == 2
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-08")["value"] == pytest.approx(90)
    assert current(demo, "HOIAN", "VB_KYSO", "2022-08")["value"] == pytest.approx(90)


@pytest.mark.parametrize(
    ("fonts", "typed", "said"),
    [
        (
            (".VnTime", ".VnTimeH"),
            (
                "UBND thµnh phè Héi An",
                "B¸O C¸O KÕT QU¶ CHUYÓN §æI Sè TH¸NG 7 N¡M 2022",
                ["STT", "Tªn chØ tiªu", "KÕt qu¶ thùc hiÖn", "Ghi chó"],
                "Sè tæ c«ng nghÖ sè céng ®ång ®· thµnh lËp",
                "Thµnh lËp thªm 2 tæ",
            ),
            "phông .VnTime (bảng mã TCVN3 cũ): đã đọc thành chữ Unicode, như phông ấy hiển thị. "
            "Khi sửa tệp, nên chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ TCVN3 (ABC)",
        ),
        (
            ("VNI-Times", "VNI-Times"),
            (
                "UBND thaønh phoá Hoäi An",
                "BAÙO CAÙO KEÁT QUAÛ CHUYEÅN ÑOÅI SOÁ THAÙNG 7 NAÊM 2022",
                ["STT", "Teân chæ tieâu", "Keát quaû thöïc hieän", "Ghi chuù"],
                "Soá toå coâng ngheä soá coäng ñoàng ñaõ thaønh laäp",
                "Thaønh laäp theâm 2 toå",
            ),
            "phông VNI-Times (bảng mã VNI cũ): đã đọc thành chữ Unicode, như phông ấy hiển thị. "
            "Khi sửa tệp, nên chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ VNI Windows",
        ),
    ],
)
def test_an_old_report_typed_in_a_legacy_encoding_goes_in_read_as_unicode(demo, fonts, typed, said):
    unit, title, headers, indicator, note = typed
    book = xlwt.Workbook(encoding="latin-1")
    text, capitals = (xlwt.easyxf(f"font: name {font}") for font in fonts)
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, unit, text)
    sheet.write(1, 0, title, capitals)
    for column, header in enumerate(headers):
        sheet.write(2, column, header, text)
    sheet.write(3, 0, 1)
    sheet.write(3, 1, indicator, text)
    sheet.write(3, 2, 142)
    sheet.write(3, 3, note, text)
    out = io.BytesIO()
    book.save(out)
    upload = submit(demo, out.getvalue(), name="hoian_t7.xls")
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "CNS_TO", "2022-07") == {
        "value": 142,
        "numerator": None,
        "denominator": None,
        "note": "Thành lập thêm 2 tổ",
    }
    assert f"Tệp có chữ gõ bằng {said}" in " ".join(upload.problems["message"])


@pytest.mark.parametrize("kind", ["xls", "xlsx"])
def test_an_old_workbook_of_a_sheet_a_unit_named_in_tcvn3_goes_to_each_unit(demo, kind):
    # the tabs were typed under .VnTime too, which Windows shows as "Héi An", "Tam Kú": each
    # is the unit it names; "Tây Giang" typed in Unicode later looks legacy ("Tõy Giang") and
    # is still Tây Giang; a message quotes each tab as it shows
    sheets = {"Héi An": 142, "Tam Kú": 99, "Tây Giang": 7}
    lines = [
        ["B¸O C¸O KÕT QU¶ CHUYÓN §æI Sè TH¸NG 7 N¡M 2022"],
        ["STT", "Tªn chØ tiªu", "KÕt qu¶ thùc hiÖn"],
    ]
    out = io.BytesIO()
    if kind == "xls":
        book = xlwt.Workbook(encoding="latin-1")
        text = xlwt.easyxf("font: name .VnTime")
        for name, figure in sheets.items():
            sheet = book.add_sheet(name)
            for row, cells in enumerate(
                [*lines, [1, "Sè tæ c«ng nghÖ sè céng ®ång ®· thµnh lËp", figure]]
            ):
                for column, cell in enumerate(cells):
                    sheet.write(row, column, cell, text)
    else:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, figure in sheets.items():
            sheet = book.create_sheet(name)
            for cells in [*lines, [1, "Sè tæ c«ng nghÖ sè céng ®ång ®· thµnh lËp", figure]]:
                sheet.append(cells)
            for row in sheet.iter_rows():
                for cell in row:
                    cell.font = openpyxl.styles.Font(name=".VnTime")
    book.save(out)
    upload = submit(demo, out.getvalue(), name=f"bao_cao_t7.{kind}")
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 142
    assert current(demo, "TAMKY", "CNS_TO", "2022-07")["value"] == 99
    assert current(demo, "TAYGIANG", "CNS_TO", "2022-07")["value"] == 7
    assert upload.sheets == ["Héi An", "Tam Kú", "Tây Giang"]


def test_xlsx_report_with_each_units_code_merged_over_its_block_of_lines(demo):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B3"] = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8/2022"  # rows 1-2 and column A empty
    sheet.append([None, "Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"])
    sheet.append([None, "HOIAN", "CNS_TO", "2022-08", 132])
    sheet.append([None, None, "TT_CHUONGTRINH", "2022-08", 5])
    sheet.append([None, "TAMKY", "CNS_TO", "2022-08", "nhiều"])
    sheet.append([None, None, "TT_CHUONGTRINH", "2022-08", 6])
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("B7:B8")
    out = io.BytesIO()
    book.save(out)
    refused = submit(demo, out.getvalue(), name="bao_cao.xlsx")
    assert not refused.ok
    # the one error is where the sheet shows it: row 7, column E, with the merged unit's code
    assert refused.errors[["row", "column"]].values.tolist() == [[7, "E (Giá trị)"]]
    sheet["E7"] = 140
    out = io.BytesIO()
    book.save(out)
    upload = submit(demo, out.getvalue(), name="bao_cao.xlsx")
    assert upload.ok and upload.batch.new == 4
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-08")["value"] == 5
    assert current(demo, "TAMKY", "TT_CHUONGTRINH", "2022-08")["value"] == 6


def test_a_web_systems_export_saved_as_xls_goes_in_as_the_table_it_shows(demo):
    # what a web system's "Xuất Excel" button saves: an HTML table named .xls, its numbers
    # written as a Vietnamese page shows them, each unit's name spanning its block of lines
    page = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table border="1">
<tr><td colspan="4"><b>BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8 NĂM 2022</b></td></tr>
<tr><th>STT</th><th>Đơn vị</th><th>Mã chỉ tiêu</th><th>Kết quả<br>thực hiện</th></tr>
<tr><td>1</td><td rowspan="2">Hội An</td><td>CNS_TO</td><td>1.234</td></tr>
<tr><td>2</td><td>TT_CHUONGTRINH</td><td>5</td></tr>
<tr><td>3</td><td>Tam Kỳ</td><td>CNS_TO</td><td>nhiều</td></tr>
</table></body></html>"""
    before = snapshot(demo)
    refused = submit(demo, page.encode("utf-8"), name="BaoCao_T8.xls")
    assert refused.errors[["row", "column"]].values.tolist() == [[5, "D (Kết quả thực hiện)"]]
    assert_unchanged(demo, before)
    upload = submit(demo, page.replace("nhiều", "140").encode("utf-8"), name="BaoCao_T8.xls")
    assert upload.ok and upload.batch.new == 3
    assert current(demo, "HOIAN", "CNS_TO", "2022-08")["value"] == 1234
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-08")["value"] == 5
    assert current(demo, "TAMKY", "CNS_TO", "2022-08")["value"] == 140


def test_a_units_by_indicators_table_headed_by_the_indicators_names(demo):
    # the report a district makes itself: a column an indicator, headed by its full or short
    # name, numbered or not, in any case
    rows = [
        ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8 NĂM 2022"],
        ["STT", "Đơn vị", "1. Số tổ công nghệ số cộng đồng đã thành lập", "SỐ HÓA HỒ SƠ TTHC"],
        [1, "Hội An", 140, 85.5],
        [2, "Tam Kỳ", 40, 70],
    ]
    upload = submit(demo, workbook({"T8": rows}), name="tong_hop_t8.xlsx")
    assert upload.ok, upload.errors
    assert upload.batch.new == 4
    assert current(demo, "TAMKY", "CNS_TO", "2022-08")["value"] == 40
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-08")["value"] == 85.5
    told = upload.problems.set_index("message")
    assert (
        told.loc[
            "Cột chỉ tiêu ghi tên thay cho mã: đã nhận theo tên trong danh mục (C (1. Số tổ công "
            "nghệ số cộng đồng đã thành lập) → CNS_TO, D (SỐ HÓA HỒ SƠ TTHC) → TTHC_SOHOA). Ghi mã "
            "để chắc chắn không nhầm.",
            "row",
        ]
        == 2
    )
    # a jump is told at its own cell, in the column its name heads
    jump = upload.problems[upload.problems["message"].str.startswith("Số lũy kế giảm")]
    assert jump[["row", "column"]].values.tolist() == [
        [4, "C (1. Số tổ công nghệ số cộng đồng đã thành lập)"]
    ]


def test_a_file_with_year_and_month_columns_instead_of_a_period(demo):
    text = (
        "Mã đơn vị,Mã chỉ tiêu,Năm,Tháng,Giá trị\n"
        "HOIAN,CNS_TO,2022,7,131\n"
        "HOIAN,TT_CHUONGTRINH,2022,Tháng 7,4\n"
        "HOIAN,TT_CHUONGTRINH,2022,13,4\n"
    )
    refused = submit(demo, text)
    assert refused.errors[["row", "column", "value"]].values.tolist() == [
        [4, "C (Năm), D (Tháng)", "T13/2022"]
    ]
    upload = submit(demo, text.rsplit("HOIAN", 1)[0])
    assert upload.ok and upload.batch.new == 2
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-07")["value"] == 4


@pytest.mark.parametrize(
    ("text", "written", "said"),
    [
        (  # a month column, the year only in the title
            "BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2022,,,\n"
            "Mã đơn vị,Mã chỉ tiêu,Tháng,Giá trị\n"
            "HOIAN,CNS_TO,7,131\n"
            "HOIAN,TT_CHUONGTRINH,Tháng 8,4\n",
            ("TT_CHUONGTRINH", "2022-08", 4),
            "Tệp không có cột năm: mọi số liệu được tính vào năm 2022, năm ghi ở dòng 1; tháng "
            "(quý) theo từng dòng. Nếu không đúng, thêm cột nam.",
        ),
        (  # the month only in the title
            "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 8 NĂM 2022,,\n"
            "Mã đơn vị,Mã chỉ tiêu,Giá trị\n"
            "HOIAN,CNS_TO,131\n"
            "HOIAN,TT_CHUONGTRINH,4\n",
            ("CNS_TO", "2022-08", 131),
            "Tệp không có cột kỳ báo cáo: mọi số liệu được tính cho tháng 8/2022, kỳ ghi ở dòng 1. "
            "Nếu không đúng, thêm cột ky_bao_cao.",
        ),
    ],
)
def test_a_report_with_its_period_or_year_only_in_the_title_goes_in_with_a_warning(
    demo, text, written, said
):
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 2
    indicator, period, value = written
    assert current(demo, "HOIAN", indicator, period)["value"] == value
    assert upload.problems.iloc[0][["row", "message"]].tolist() == [1, said]


def test_dashes_where_a_report_has_no_figure(demo):
    wide = (
        "ma_don_vi,ky_bao_cao,CSDL_DUNGCHUNG,CNS_TO,TT_CHUONGTRINH\n"
        "HOIAN,2022-07,-,131,5\n"  # a quarterly indicator's "-" in July is no figure, no error
        "HOIAN,2022-08,x,–,—\n"
    )
    upload = submit(demo, wide)
    assert upload.ok and upload.batch.new == 2 and upload.problems.empty
    long = HEADER + "HOIAN,CNS_TO,2022-07,-,,,\nHOIAN,VB_KYSO,2022-07,,45,50,\n"
    upload = submit(demo, long)
    assert upload.ok and upload.batch.new == 1
    assert upload.problems[["severity", "row"]].values.tolist() == [["warning", 2]]
    assert upload.problems.iloc[0]["message"] == (
        "Dòng 2 ghi «-» thay cho số liệu: không có gì để ghi, được bỏ qua. Nếu số liệu là 0, ghi 0."
    )
    targets = "ma_don_vi,ma_chi_tieu,nam,ke_hoach\nHOIAN,CNS_TO,2023,-\n*,CNS_TO,2023,150\n"
    upload = submit(demo, targets, targets=True)
    assert upload.ok and upload.batch.new == 1
    assert "thay cho kế hoạch" in upload.problems.iloc[0]["message"]


@pytest.mark.parametrize(
    "mark", ["N/A", "n/a", "KPS", "Không phát sinh", "không có", "Chưa có số liệu", "...", "…"]
)
def test_words_for_no_figure_skip_the_line_and_quote_what_it_wrote(demo, mark):
    text = HEADER + f"HOIAN,CNS_TO,2022-07,{mark},,,\nHOIAN,TT_CHUONGTRINH,2022-07,4,,,\n"
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 1
    assert upload.problems[["severity", "row"]].values.tolist() == [["warning", 2]]
    assert f"Dòng 2 ghi «{mark}» thay cho số liệu" in upload.problems.iloc[0]["message"]
    stored = "SELECT count(*) FROM current_figures WHERE unit_code = 'HOIAN' AND period = '2022-07'"
    assert demo.cursor().execute(stored).fetchone() == (1,)  # TT_CHUONGTRINH's only


def test_a_word_that_is_not_a_no_figure_mark_is_still_refused(demo):
    text = HEADER + "HOIAN,CNS_TO,2022-07,chưa báo cáo,,,\n"  # not in the list: the user says
    upload = submit(demo, text)
    assert not upload.ok
    assert "Không phải là số" in upload.problems.iloc[0]["message"]


def test_a_targets_file_may_name_the_province_wide_row_toan_tinh(demo):
    text = "Mã đơn vị,Mã chỉ tiêu,Năm,Kế hoạch\nToàn tỉnh,CNS_TO,2023,150\nHOIAN,CNS_TO,2023,9\n"
    upload = submit(demo, text, targets=True)
    assert upload.ok and upload.batch.new == 2
    assert sorted(upload.rows["unit_code"]) == ["*", "HOIAN"]
    assert "(Toàn tỉnh → *)" in upload.problems.iloc[0]["message"]


def test_a_plan_of_several_years_across_goes_in_for_each_year(demo):
    # the department's plan for a period of years: units down, "KẾ HOẠCH" merged over the
    # years, the year before's result beside them, the indicator named by the sheet
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "CNS_TO"
    sheet.append(["KẾ HOẠCH PHÁT TRIỂN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG GIAI ĐOẠN 2023-2025"])
    sheet.append(["STT", "Đơn vị", "Thực hiện 2022", "Kế hoạch", None, None])
    sheet.merge_cells("D2:F2")
    sheet.append([None, None, None, 2023, 2024, 2025])
    sheet.append([1, "Hội An", 10, 12, "-", 16])
    sheet.append([2, "Toàn tỉnh", 90, 100, 120, 150])
    sheet.append([None, "Tổng cộng", 100, 112, 120, 166])
    out = io.BytesIO()
    book.save(out)
    upload = submit(demo, out.getvalue(), name="ke_hoach.xlsx", targets=True)
    assert upload.ok, upload.problems
    assert upload.batch.new == 5
    stored = (
        demo.cursor()
        .execute(
            "SELECT unit_code, year, value FROM current_targets "
            "WHERE indicator_code = 'CNS_TO' AND year >= 2023 ORDER BY unit_code, year"
        )
        .fetchall()
    )
    assert stored == [
        ("*", 2023, 100),
        ("*", 2024, 120),
        ("*", 2025, 150),
        ("HOIAN", 2023, 12),
        ("HOIAN", 2025, 16),
    ]
    told = " ".join(upload.problems["message"])
    assert "Các cột ghi năm ở đầu cột (D (2023) → năm 2023; E (2024) → năm 2024" in told
    assert "mỗi ô là kế hoạch của năm ghi ở đầu cột ấy" in told
    assert "mọi kế hoạch được giao cho chỉ tiêu Số tổ công nghệ số cộng đồng" in told
    assert "C (Thực hiện 2022)" in told  # unused, named
    assert "Dòng 6 là dòng tổng cộng" in told


def test_the_provinces_plan_titled_toan_tinh_goes_to_the_province_wide_row(demo):
    text = (
        "KẾ HOẠCH CHUYỂN ĐỔI SỐ TOÀN TỈNH GIAI ĐOẠN 2023-2025,,,,\n"
        "STT,Chỉ tiêu,Đơn vị tính,Năm 2023,Năm 2024,Năm 2025\n"
        "1,Tỷ lệ hồ sơ TTHC được số hóa,%,80,90,100\n"
        "2,Tổ CNS cộng đồng,Tổ,1500,1600,\n"
    )
    upload = submit(demo, text, targets=True)
    assert upload.ok, upload.problems
    assert sorted(upload.rows[["unit_code", "indicator_code", "year"]].values.tolist()) == [
        ["*", "CNS_TO", 2023],
        ["*", "CNS_TO", 2024],
        ["*", "TTHC_SOHOA", 2023],
        ["*", "TTHC_SOHOA", 2024],
        ["*", "TTHC_SOHOA", 2025],
    ]
    assert upload.problems.iloc[0]["message"].startswith(
        "Tệp không có cột mã đơn vị: mọi kế hoạch được giao cho toàn tỉnh (*), tên ghi ở dòng 1."
    )
    # a file of figures is never the province's own: its title names no unit
    figures = "BÁO CÁO TOÀN TỈNH THÁNG 7/2022,\nMã chỉ tiêu,Giá trị\nCNS_TO,5\n"
    assert "thiếu cột: ma_don_vi" in submit(demo, figures).errors.iloc[0]["message"]


def test_a_plans_bad_cell_under_a_year_head_is_named_by_its_column(demo):
    text = "Mã đơn vị,Mã chỉ tiêu,Năm 2023,Năm 2024\nHOIAN,CNS_TO,12,mười bốn\n"
    before = snapshot(demo)
    upload = submit(demo, text, targets=True)
    assert not upload.ok
    assert upload.errors[["row", "column"]].values.tolist() == [[2, "D (Năm 2024)"]]
    assert "Kế hoạch phải là một số" in upload.errors.iloc[0]["message"]
    assert_unchanged(demo, before)


def own_report(unit_line: str) -> bytes:
    """A unit's own monthly report as offices write it: its indicators by name, one a line,
    under the national heading, its unit and its month only in the title rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([unit_line, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    sheet.append(["PHÒNG VĂN HÓA VÀ THÔNG TIN", None, None, "Độc lập - Tự do - Hạnh phúc"])
    sheet.append(["BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"])
    sheet.append(["STT", "Tên chỉ tiêu", "ĐVT", "Kết quả thực hiện", None, None])
    sheet.append([None, None, None, "Tử số", "Mẫu số", "Giá trị"])
    sheet.merge_cells("D4:F4")
    sheet.append([1, "Tỷ lệ hồ sơ TTHC được số hoá", "%", 450, 600, None])  # hóa in the list
    sheet.append([2, "Số tổ công nghệ số cộng đồng đã thành lập", "Tổ", None, None, 120])
    sheet.append([None, "Người lập biểu", None, None, "TRƯỞNG PHÒNG"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_units_own_report_naming_it_only_in_the_title_goes_in_for_it(demo):
    upload = submit(demo, own_report("UBND THÀNH PHỐ HỘI AN"), actor=HOIAN, name="t7.xlsx")
    assert upload.ok, upload.errors
    assert upload.batch.new == 2
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-07")["value"] == pytest.approx(75)
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 120
    said = upload.problems.set_index("row")["message"]
    assert said[1] == (
        "Tệp không có cột mã đơn vị: mọi số liệu được ghi cho Hội An (HOIAN), tên ghi ở dòng 1. "
        "Nếu không đúng, thêm cột ma_don_vi."
    )
    assert "Dòng 8 chỉ có chữ" in said[8]


def test_a_units_own_report_without_its_name_is_the_sending_accounts(demo):
    upload = submit(demo, own_report("PHÒNG VĂN HÓA"), actor=HOIAN, name="t7.xlsx")
    assert upload.ok and upload.batch.new == 2
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 120
    # told at the header that lacks the unit column
    told = upload.problems[upload.problems["message"].str.contains("cột mã đơn vị")]
    assert told[["row", "message"]].values.tolist() == [
        [
            4,
            "Tệp không có cột mã đơn vị: mọi số liệu được ghi cho Hội An (HOIAN), đơn vị của tài "
            "khoản hoian.",
        ]
    ]


def test_a_report_titled_with_another_unit_or_with_none_is_refused_whole(demo):
    before = snapshot(demo)
    # a unit account sending a report whose title names another unit
    upload = submit(demo, own_report("UBND THÀNH PHỐ TAM KỲ"), actor=HOIAN, name="t7.xlsx")
    assert list(upload.errors["row"]) == [6, 7]
    assert set(upload.errors["column"]) == {"tiêu đề (dòng 1)"}
    assert "không được gửi số liệu của đơn vị TAMKY" in upload.errors.iloc[0]["message"]
    # the department, whose account is of no unit, sending a report that names none
    upload = submit(demo, own_report("PHÒNG VĂN HÓA"), name="t7.xlsx")
    assert upload.errors.iloc[0]["message"].startswith(
        "Dòng tiêu đề (dòng 4) thiếu cột: ma_don_vi."
    )
    assert "ghi tên đơn vị (đúng như trong danh mục)" in upload.errors.iloc[0]["message"]
    assert_unchanged(demo, before)


def test_a_formula_the_file_holds_no_result_of_is_refused_as_such(demo):
    # written by a program that does not calculate (openpyxl here), as a script or an export
    # tool might; Excel and LibreOffice save each formula's result, which is read.
    figures = [["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]]
    figures.append(["HOIAN", "CNS_TO", "2022-07", "=100+35"])
    targets = [["ma_don_vi", "ma_chi_tieu", "nam", "ke_hoach"], ["*", "CNS_TO", 2023, "=2*75"]]
    before = snapshot(demo)
    for rows, kind in ((figures, {}), (targets, {"targets": True})):
        upload = submit(demo, workbook({"Số liệu": rows}), name="f.xlsx", **kind)
        error = upload.errors.iloc[0]
        assert (error["row"], error["value"]) == (2, rows[1][3])
        assert error["message"].startswith("Ô có công thức nhưng tệp không lưu kết quả tính.")
    assert_unchanged(demo, before)


def test_a_ratio_of_no_case_is_passed_by_with_a_warning_and_the_rest_is_written(demo):
    """0 of 0 (no dossier this month): no percent exists, and a formula shows #DIV/0!."""
    header = ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri", "tu_so", "mau_so"]
    rows = [
        header,
        ["HOIAN", "VB_KYSO", "2022-07", None, 0, 0],
        ["HOIAN", "TTHC_SOHOA", "2022-07", "#DIV/0!", 0, 0],
        ["HOIAN", "CNS_TO", "2022-07", 133, None, None],
    ]
    upload = submit(demo, workbook({"T7": rows}), name="t7.xlsx", actor=HOIAN)
    # only the count is written: the two lines of no case neither add nor change a figure
    assert upload.ok and (upload.batch.new, upload.batch.changed) == (1, 0)
    passed = upload.problems[upload.problems["message"].str.startswith("Tử số và mẫu số đều")]
    assert passed[["severity", "row", "column"]].values.tolist() == [
        ["warning", 2, "F (mau_so)"],
        ["warning", 3, "F (mau_so)"],
    ]
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 133


@pytest.mark.parametrize(
    ("shown", "meaning"),
    [("#DIV/0!", "chia cho 0"), ("#N/A", "hàm tra cứu không tìm thấy giá trị")],
)
def test_a_cell_showing_an_excel_error_is_refused_saying_what_it_means(demo, shown, meaning):
    # a ratio =B/C whose C is 0, a VLOOKUP that found nothing: Excel saves the error as the
    # cell's result, in .xlsx as in .xls
    header = ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]
    line = ["HOIAN", "CNS_TO", "2022-07"]
    book = xlwt.Workbook()
    sheet = book.add_sheet("T7")
    for r, row in enumerate((header, line)):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    codes = {text: code for code, text in xlrd.error_text_from_code.items()}
    sheet.row(1).set_cell_error(3, codes[shown])
    old = io.BytesIO()
    book.save(old)
    before = snapshot(demo)
    for data, name in ((workbook({"T7": [header, [*line, shown]]}), "t7.xlsx"), (old, "t7.xls")):
        upload = submit(demo, data if isinstance(data, bytes) else data.getvalue(), name=name)
        assert upload.errors[["row", "column", "message"]].values.tolist() == [
            [
                2,
                "D (gia_tri)",
                f"Ô báo lỗi công thức {shown} ({meaning}): ô không có số. Sửa công thức trong "
                "tệp hoặc ghi số thay cho nó, rồi gửi lại.",
            ]
        ]
    assert_unchanged(demo, before)


def test_a_workbook_of_a_sheet_a_unit_goes_in_whole_each_sheet_for_the_unit_it_names(demo):
    def report(unit: str, people: int, programmes: int) -> list[list]:
        return [
            [f"UBND {unit}"],
            ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022"],
            ["STT", "Tên chỉ tiêu", "Kết quả thực hiện"],
            [1, "Số tổ công nghệ số cộng đồng đã thành lập", people],
            [2, "TT_CHUONGTRINH", programmes],
        ]

    data = workbook(
        {"Hội An": report("THÀNH PHỐ HỘI AN", 140, 5), "Tam Kỳ": report("THÀNH PHỐ TAM KỲ", 98, 3)}
    )
    upload = submit(demo, data, name="huyen_t7.xlsx")
    assert upload.ok, upload.errors
    assert upload.batch.new + upload.batch.changed == 4
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 140
    assert current(demo, "TAMKY", "TT_CHUONGTRINH", "2022-07")["value"] == 3
    # each sheet's warnings are told on that sheet, at its own rows
    said = upload.problems.set_index(["sheet", "row"])["message"]
    assert said[("Tam Kỳ", 1)] == (
        "Trang tính không có cột mã đơn vị: mọi số liệu được ghi cho Tam Kỳ (TAMKY), tên ghi ở "
        "dòng 1. Nếu không đúng, thêm cột ma_don_vi."
    )
    assert said[("Hội An", 2)].startswith("Trang tính không có cột kỳ báo cáo: mọi số liệu")
    assert upload.details["sheet"] == "Hội An, Tam Kỳ"
    assert upload.changes[["sheet", "source_row", "unit_code"]].values.tolist() == [
        ["Hội An", 4, "HOIAN"],
        ["Hội An", 5, "HOIAN"],
        ["Tam Kỳ", 4, "TAMKY"],
        ["Tam Kỳ", 5, "TAMKY"],
    ]
    shown = tables.upload_changes(upload.changes, catalog.indicators(demo.cursor()), "figures")
    assert list(shown.columns[:2]) == ["Trang tính", "Dòng"]


def test_a_workbook_of_a_sheet_a_month_is_checked_as_one_file(demo):
    def month(number: int, value: int) -> list[list]:
        title = f"BÁO CÁO CHUYỂN ĐỔI SỐ THÁNG {number} NĂM 2022"
        return [[title], ["Mã đơn vị", "Mã chỉ tiêu", "Giá trị"], ["HOIAN", "CNS_TO", value]]

    data = workbook({"T7": month(7, 140), "T8": month(8, 500)})
    upload = ingest.check(demo.cursor(), data, "hoian.xlsx", LOCAL_OPERATOR, today=TODAY)
    assert upload.ok and upload.count("new") == 2
    # August is measured against July's sheet of the same file, not the stored June (131)
    jump = upload.problems[upload.problems["message"].str.startswith("Giá trị thay đổi")]
    assert jump[["sheet", "row"]].values.tolist() == [["T8", 3]]
    assert "(T7/2022: 140 → 500)" in jump.iloc[0]["message"]


_YEARS_TITLE = ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2022"]
_MONTHS_TITLE = ["BÁO CÁO THÁNG 7 NĂM 2022"]


@pytest.mark.parametrize(
    ("sheets", "written", "told"),
    [
        (  # a sheet a month, under the year's title
            {
                name: [
                    _YEARS_TITLE,
                    ["Mã đơn vị", "Mã chỉ tiêu", "Giá trị"],
                    ["HOIAN", "CNS_TO", v],
                ]
                for name, v in (("T7", 140), ("Tháng 8", 141))
            },
            {("HOIAN", "2022-07"): 140, ("HOIAN", "2022-08"): 141},
            (
                ("Tháng 8", 1),
                "Trang tính không có cột kỳ báo cáo: mọi số liệu được tính cho tháng 8/2022, kỳ "
                "ghi ở tên trang tính «Tháng 8» và dòng 1. Nếu không đúng, thêm cột ky_bao_cao.",
            ),
        ),
        (  # a sheet a unit, named for it
            {
                name: [_MONTHS_TITLE, ["Mã chỉ tiêu", "Giá trị"], ["CNS_TO", v]]
                for name, v in (("Hội An", 140), ("TP. Tam Kỳ", 129))
            },
            {("HOIAN", "2022-07"): 140, ("TAMKY", "2022-07"): 129},
            (
                ("TP. Tam Kỳ", 2),
                "Trang tính không có cột mã đơn vị: mọi số liệu được ghi cho Tam Kỳ (TAMKY), theo "
                "tên trang tính «TP. Tam Kỳ». Nếu không đúng, thêm cột ma_don_vi.",
            ),
        ),
    ],
)
def test_a_workbook_of_sheets_named_for_their_month_or_unit(demo, sheets, written, told):
    upload = submit(demo, workbook(sheets), name="bao_cao.xlsx")
    assert upload.ok, upload.errors
    for (unit, period), value in written.items():
        assert current(demo, unit, "CNS_TO", period)["value"] == value
    where, message = told
    assert upload.problems.set_index(["sheet", "row"])["message"][where] == message


@pytest.mark.parametrize(
    ("sheet", "rows", "written", "message"),
    [
        (  # copied from last month, its title changed and its name not
            "T6",
            [_MONTHS_TITLE, ["Mã đơn vị", "Mã chỉ tiêu", "Giá trị"], ["HOIAN", "CNS_TO", 150]],
            ("HOIAN", "2022-07", 150),
            "Tên trang tính «T6» ghi tháng 6/2022, khác với dòng 1 ghi tháng 7/2022: số liệu được "
            "ghi theo dòng 1. Nếu không đúng, sửa dòng đó hoặc thêm cột ky_bao_cao.",
        ),
        (  # copied from another unit's
            "Tam Kỳ",
            [["UBND THÀNH PHỐ HỘI AN"], _MONTHS_TITLE, ["Mã chỉ tiêu", "Giá trị"], ["CNS_TO", 141]],
            ("HOIAN", "2022-07", 141),
            "Tên trang tính «Tam Kỳ» là đơn vị Tam Kỳ (TAMKY), khác với dòng 1 ghi Hội An "
            "(HOIAN): số liệu được ghi theo dòng 1. Nếu không đúng, sửa dòng đó hoặc thêm cột "
            "ma_don_vi.",
        ),
    ],
)
def test_a_sheet_named_otherwise_than_its_title_goes_in_by_the_title_with_a_warning(
    demo, sheet, rows, written, message
):
    upload = submit(demo, workbook({sheet: rows}), name="t7.xlsx")
    unit, period, value = written
    assert upload.ok and current(demo, unit, "CNS_TO", period)["value"] == value
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 131  # as it was
    warning = upload.problems[upload.problems["message"].str.startswith("Tên trang tính")]
    assert warning[["row", "message"]].values.tolist() == [[1, message]]


def test_a_workbook_of_a_sheet_a_year_each_with_a_month_column(demo):
    header = ["Mã đơn vị", "Mã chỉ tiêu", "Tháng", "Giá trị"]
    sheets = {
        "2021": [header, ["HOIAN", "CNS_TO", 12, 90]],
        "2022": [header, ["HOIAN", "CNS_TO", 7, 140]],
    }
    upload = submit(demo, workbook(sheets), name="hoian.xlsx")
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "CNS_TO", "2021-12")["value"] == 90
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 140
    assert upload.problems.set_index(["sheet", "row"])["message"][("2022", 1)] == (
        "Trang tính không có cột năm: mọi số liệu được tính vào năm 2022, năm ghi ở tên trang "
        "tính «2022»; tháng (quý) theo từng dòng. Nếu không đúng, thêm cột nam."
    )


def test_a_month_the_file_names_for_all_lines_is_a_quarterly_indicators_quarter(demo):
    # the quarter's report, its sheet named for the month it is sent
    rows = [["BÁO CÁO QUÝ II NĂM 2022"], ["Mã đơn vị", "Mã chỉ tiêu", "Giá trị"]]
    lines = [["HOIAN", "CNS_TO", 133], ["HOIAN", "CSDL_DUNGCHUNG", 7]]
    upload = submit(demo, workbook({"T6": rows + lines}), name="q2.xlsx")
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 133
    assert current(demo, "HOIAN", "CSDL_DUNGCHUNG", "2022-Q2")["value"] == 7
    # a month that ends no quarter is no quarterly figure
    upload = submit(demo, workbook({"T5": rows + lines}), name="q2.xlsx")
    assert upload.errors["message"].tolist() == [
        "Chỉ tiêu này báo cáo theo quý, còn kỳ «2022-05» là kỳ tháng. Ghi số cuối quý II/2022 "
        "với kỳ 2022-Q2."
    ]


def test_a_longer_period_of_a_level_is_read_as_its_last_period_with_one_warning(demo):
    # a mid-year review ("sơ kết 6 tháng"): a cumulative ratio and a stock are their levels
    # at the half's end, whichever way the half is written
    text = HEADER + (
        "HOIAN,TTHC_SOHOA,6 tháng đầu năm 2022,52.5,,,\n"
        "HOIAN,CNS_TO,2022-H1,131,,,\n"
        "HOIAN,CSDL_DUNGCHUNG,Năm 2021,6,,,\n"  # a quarterly stock's year: its Q4
    )
    upload = submit(demo, text)
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-06")["value"] == 52.5
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 131
    assert current(demo, "HOIAN", "CSDL_DUNGCHUNG", "2021-Q4")["value"] == 6
    told = upload.problems[upload.problems["message"].str.startswith("Kỳ «")]
    assert list(zip(told["row"], told["message"], strict=True)) == [
        (
            2,
            "Kỳ «6 tháng đầu năm 2022» ghi cho chỉ tiêu báo cáo theo tháng (2 số liệu): tỷ lệ, "
            "số lũy kế và chỉ số lấy số cuối kỳ, nên được ghi là số của tháng 6/2022. Nếu không "
            "đúng, sửa kỳ báo cáo.",
        ),
        (
            4,
            "Kỳ «Năm 2021» ghi cho chỉ tiêu báo cáo theo quý (1 số liệu): tỷ lệ, số lũy kế và "
            "chỉ số lấy số cuối kỳ, nên được ghi là số của quý IV/2021. Nếu không đúng, sửa kỳ "
            "báo cáo.",
        ),
    ]


def test_a_longer_period_of_a_flow_is_refused_naming_its_months(demo):
    # a flow's half is six months' sum: it cannot be any one month's figure
    text = HEADER + "HOIAN,TT_CHUONGTRINH,2022-H1,45,,,\nHOIAN,CNS_TO,2022-05,125,,,\n"
    upload = submit(demo, text)
    assert upload.errors[["row", "message"]].values.tolist() == [
        [
            2,
            "Chỉ tiêu này báo cáo theo tháng, còn kỳ «2022-H1» là kỳ 6 tháng. Số phát sinh của cả "
            "6 tháng đầu năm 2022 không chia được cho từng tháng: ghi số của từng tháng, từ "
            "2022-01 đến 2022-06, mỗi tháng một dòng.",
        ]
    ]
    assert upload.batch is None


def test_a_shorter_period_names_the_whole_period_to_write_a_sum_for_a_flow(tmp_path):
    path = str(tmp_path / "q.duckdb")
    store = open_store(path)
    try:
        quarterly = [
            ("QS", "stock", "count", "up", "quarter"),
            ("QF", "flow", "count", "up", "quarter"),
        ]
        catalogue(store, [("U1", "A")], quarterly)
        upload = submit(store, HEADER + "U1,QS,2022-05,3,,,\nU1,QF,2022-05,3,,,\n")
        assert [m.split(". ", 1)[1] for m in upload.errors["message"]] == [
            "Ghi số cuối quý II/2022 với kỳ 2022-Q2.",
            "Ghi tổng số của cả quý II/2022 với kỳ 2022-Q2.",
        ]
    finally:
        close_store(path)


def test_a_period_that_totals_periods_the_file_gives_is_passed_by(demo):
    # a summary beside its months, in a line, a tracker's column or a sheet's row: the months
    # are read, the total is not (as a level's June it repeated June; as a flow's half it was
    # refused)
    told = "Số của 6 tháng đầu năm 2022 là tổng hợp các kỳ tệp đã ghi riêng: được bỏ qua"
    lines = HEADER + "HOIAN,CNS_TO,2022-06,130,,,\nHOIAN,CNS_TO,2022-H1,130,,,\n"
    tracker = (
        "KẾT QUẢ NĂM 2022,,,,\nĐơn vị,Chỉ tiêu,T5/2022,T6/2022,6 tháng đầu năm 2022\n"
        "HOIAN,CNS_TO,125,130,130\nHOIAN,TT_CHUONGTRINH,9,12,61\n"
    )
    sheet = (
        "ma_don_vi,ky_bao_cao,CNS_TO,TT_CHUONGTRINH\nHOIAN,2022-05,125,9\n"
        "HOIAN,2022-06,130,12\nHOIAN,6 tháng đầu năm 2022,130,61\n"
    )
    for text, at, count in ((lines, 3, 1), (tracker, 3, 2), (sheet, 4, 2)):
        upload = submit(demo, text)
        assert upload.ok, upload.errors
        warned = upload.problems[upload.problems["message"].str.startswith(told)]
        assert warned["row"].tolist() == [at], text
        assert f"tháng ({count} số liệu)" in warned["message"].iloc[0]
        assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 130
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-06")["value"] == 12


_SIX_MONTHS = ",".join(f"T{m}/2022" for m in range(1, 7))


def _tracker(*lines: str) -> str:
    return f"KẾT QUẢ NĂM 2022\nĐơn vị,Chỉ tiêu,{_SIX_MONTHS},6 tháng đầu năm 2022\n" + "".join(
        f"{line}\n" for line in lines
    )


def _about_totals(upload) -> list[tuple[int, str]]:
    """(row, message) of each warning comparing or reading a total, not the one passing it by."""
    told = upload.problems[
        upload.problems["message"].str.contains("tháng đầu năm 2022 (?:ghi|không phải)")
        | upload.problems["message"].str.startswith("Số lũy kế của")
    ]
    return list(zip(told["row"], told["message"], strict=True))


def test_a_total_is_compared_with_the_figures_it_totals(demo):
    # a flow's half against its six months' sum, a stock's against its June: a difference is
    # warned of at the total's cell with both numbers, and the months are what is written
    upload = submit(
        demo,
        _tracker(
            "HOIAN,TT_CHUONGTRINH,9,10,10,9,8,7,55",
            "TAMKY,TT_CHUONGTRINH,9,10,10,9,8,7,53",
            "HOIAN,CNS_TO,120,121,122,124,125,131,130",
            "TAMKY,CNS_TO,120,121,122,124,125,131,131",
        ),
    )
    assert upload.ok, upload.errors
    assert _about_totals(upload) == [
        (
            3,
            "Số của 6 tháng đầu năm 2022 ghi 55, còn tổng số của từng tháng tệp ghi, từ tháng "
            "1/2022 đến tháng 6/2022, là 53. Số của từng tháng được đọc; kiểm tra lại ô tổng "
            "hoặc các ô ấy.",
        ),
        (
            5,
            "Số lũy kế của 6 tháng đầu năm 2022 ghi 130, còn số của tháng 6/2022 tệp ghi là 131: "
            "số lũy kế của cả kỳ là số cuối kỳ. Số của tháng 6/2022 được đọc; kiểm tra lại hai "
            "ô này.",
        ),
    ]
    assert (
        upload.problems.loc[upload.problems["row"] == 3, "column"].tolist()[-1]
        == "I (6 tháng đầu năm 2022)"
    )
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-06")["value"] == 7
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 131


def test_a_total_is_not_compared_where_the_file_lacks_what_it_totals(demo):
    # a flow's half beside three of its months (the others sent before), a ratio's half (a
    # half's ratio need not be June's) and a total of no figure: nothing to compare
    header = "KẾT QUẢ NĂM 2022\nĐơn vị,Chỉ tiêu,T4/2022,T5/2022,T6/2022,6 tháng đầu năm 2022\n"
    text = (
        header
        + "HOIAN,TT_CHUONGTRINH,9,8,7,99\nHOIAN,TTHC_SOHOA,40,45,50,45\nHOIAN,CNS_TO,1,2,3,-\n"
    )
    upload = submit(demo, text)
    assert upload.ok, upload.errors
    assert _about_totals(upload) == []
    assert current(demo, "HOIAN", "TTHC_SOHOA", "2022-06")["value"] == 50


def test_a_total_with_a_broken_formula_or_no_value_refuses_nothing(demo):
    # the tracker's "6 tháng" formula pointing at a deleted column, and a line of a half with
    # no figure beside its June: neither is a figure read, so neither refuses the file
    upload = submit(demo, _tracker("HOIAN,TT_CHUONGTRINH,9,10,10,9,8,7,#REF!"))
    assert upload.ok, upload.errors
    assert _about_totals(upload) == [
        (
            3,
            "Ô tổng của 6 tháng đầu năm 2022 không phải là số: được bỏ qua như các ô tổng "
            "khác; số của từng tháng được đọc.",
        )
    ]
    assert current(demo, "HOIAN", "TT_CHUONGTRINH", "2022-06")["value"] == 7
    upload = submit(demo, HEADER + "HOIAN,CNS_TO,2022-06,133,,,\nHOIAN,CNS_TO,2022-H1,,,,\n")
    assert upload.ok, upload.errors
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == 133


def test_a_total_counts_only_periods_the_indicator_takes(demo):
    # a flow's quarter beside its half is no month of it: the half is not passed by as their
    # total, and both are refused
    text = HEADER + "HOIAN,TT_CHUONGTRINH,2022-H1,45,,,\nHOIAN,TT_CHUONGTRINH,2022-Q2,20,,,\n"
    upload = submit(demo, text)
    assert upload.errors["row"].tolist() == [2, 3]
    assert not upload.problems["message"].str.contains("tổng hợp").any()


def test_a_figure_sent_on_two_sheets_is_refused_naming_both(demo):
    lines = [
        ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
        ["HOIAN", "CNS_TO", "2022-07", 140],
    ]
    before = snapshot(demo)
    data = workbook(
        {"Đợt 1": lines, "Đợt 2": [*lines[:1], ["TAMKY", "CNS_TO", "2022-07", 9], lines[1]]}
    )
    upload = submit(demo, data, name="hai_dot.xlsx")
    assert upload.errors[["sheet", "row"]].values.tolist() == [["Đợt 2", 3]]
    assert upload.errors.iloc[0]["message"].startswith("Trùng với dòng 2 trang «Đợt 1»: cùng")
    assert_unchanged(demo, before)


_BY_NAME = ["Tên chỉ tiêu", "Kết quả thực hiện"]
_UNIT_SHEETS = {
    name: [_MONTHS_TITLE, _BY_NAME, ["Số tổ công nghệ số cộng đồng đã thành lập", v]]
    for name, v in (("Hội An", 140), ("TP Tam Kỳ", 98))
}


def test_a_summary_sheet_without_units_beside_the_units_sheets_is_passed_by(demo):
    sums = [_MONTHS_TITLE, _BY_NAME, ["Số tổ công nghệ số cộng đồng đã thành lập", 238]]
    upload = submit(demo, workbook({"Tổng hợp": sums, **_UNIT_SHEETS}), name="tong_hop.xlsx")
    assert upload.ok, upload.errors
    assert upload.batch.new == 2 and upload.sheets == ["Hội An", "TP Tam Kỳ"]
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 140
    assert current(demo, "TAMKY", "CNS_TO", "2022-07")["value"] == 98
    told = upload.problems[upload.problems["sheet"].isna()]
    assert told[["row", "message"]].values.tolist() == [
        [
            None,
            "Trang tính «Tổng hợp» là trang tổng hợp, không có cột mã đơn vị: được bỏ qua, chỉ "
            "đọc các trang của từng đơn vị (bảng điều khiển tự cộng). Nếu trang này có số liệu "
            "cần gửi, gửi nó thành một tệp riêng.",
        ]
    ]


def test_a_hidden_sheet_beside_the_shown_report_is_passed_by(demo):
    # the report shown, and the data it was built from hidden behind it
    book = openpyxl.Workbook()
    book.active.title = "Báo cáo"
    for row in (_MONTHS_TITLE, ["Mã đơn vị", "Mã chỉ tiêu", "Giá trị"], ["HOIAN", "CNS_TO", 140]):
        book.active.append(row)
    hidden = book.create_sheet("Data")
    for row in (
        ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
        ["HOIAN", "CNS_TO", "2022-07", 1],
    ):
        hidden.append(row)
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    upload = submit(demo, out.getvalue(), name="bao_cao_t7.xlsx")
    assert upload.ok and upload.batch.new == 1
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 140
    assert (
        "Trang tính «Data» đang ẩn: được bỏ qua, chỉ đọc các trang đang hiện. Nếu số liệu cần "
        "gửi nằm ở trang đó, bỏ ẩn trang (Unhide) hoặc gửi nó thành một tệp riêng."
        in set(upload.problems["message"])
    )


_SUMS = [
    _MONTHS_TITLE,
    ["Đơn vị", *_BY_NAME],
    ["Hội An", "Số tổ công nghệ số cộng đồng đã thành lập", 140],  # 3
    ["Tam Kỳ", "Số tổ công nghệ số cộng đồng đã thành lập", 98],  # 4
    ["Núi Thành", "Số tổ công nghệ số cộng đồng đã thành lập", 61],  # 5: on no other sheet
    ["Tổng cộng", None, 299],
]


def test_a_summary_sheets_lines_that_repeat_the_units_sheets_are_passed_by(demo):
    upload = submit(demo, workbook({"TH": _SUMS, **_UNIT_SHEETS}), name="th.xlsx")
    assert upload.ok, upload.errors
    assert upload.batch.new == 3  # Hội An and Tam Kỳ once each, and Núi Thành from the summary
    assert current(demo, "NUITHANH", "CNS_TO", "2022-07")["value"] == 61
    assert upload.problems.set_index(["sheet", "row"])["message"][("TH", 2)] == (
        "Trang tính «TH» là trang tổng hợp: 2 dòng của trang này ghi đúng số liệu đã có ở trang "
        "của từng đơn vị, được bỏ qua."
    )
    assert sorted(upload.changes[["sheet", "source_row", "unit_code"]].values.tolist()) == [
        ["Hội An", 3, "HOIAN"],
        ["TH", 5, "NUITHANH"],
        ["TP Tam Kỳ", 3, "TAMKY"],
    ]


def test_a_summary_sheet_that_differs_from_a_units_sheet_refuses_the_workbook(demo):
    sums = [*_SUMS[:3], ["Tam Kỳ", "Số tổ công nghệ số cộng đồng đã thành lập", 99], *_SUMS[4:]]
    before = snapshot(demo)
    upload = submit(demo, workbook({**_UNIT_SHEETS, "TH": sums}), name="th.xlsx")
    assert upload.errors[["sheet", "row", "message"]].values.tolist() == [
        [
            "TH",
            4,
            "Trang tổng hợp ghi 99, khác với dòng 3 trang «TP Tam Kỳ» ghi 98 (cùng đơn vị, chỉ "
            "tiêu và kỳ báo cáo). Sửa cho khớp, hoặc xóa trang tổng hợp.",
        ]
    ]
    assert_unchanged(demo, before)


def test_a_sheet_that_cannot_be_read_refuses_the_workbook_naming_it(demo):
    good = [
        ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"],
        ["HOIAN", "CNS_TO", "2022-07", 1],
    ]
    broken = [["ma_don_vi", "ky_bao_cao", "gia_tri"], ["HOIAN", "2022-08", 2]]
    before = snapshot(demo)
    upload = submit(demo, workbook({"T7": good, "T8": broken}), name="t78.xlsx")
    assert list(upload.errors["message"].str[:40]) == ["Trang tính «T8»: Dòng tiêu đề (dòng 1) t"]
    assert_unchanged(demo, before)


def test_targets_with_their_year_only_in_the_title_go_in_with_a_warning(demo):
    text = "KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2023,,\nMã đơn vị,Mã chỉ tiêu,Kế hoạch\n*,CNS_TO,150\n"
    upload = submit(demo, text, targets=True)
    assert upload.ok and upload.batch.new == 1
    assert upload.rows[["unit_code", "year", "value"]].values.tolist() == [["*", 2023, 150.0]]
    assert upload.problems.iloc[0]["message"].startswith(
        "Tệp không có cột năm: mọi kế hoạch được giao cho năm 2023, năm ghi ở dòng 1."
    )


def test_one_units_targets_with_the_unit_and_year_only_in_the_title(demo):
    text = "GIAO KẾ HOẠCH NĂM 2023 CHO UBND THÀNH PHỐ HỘI AN,\nMã chỉ tiêu,Kế hoạch\nCNS_TO,150\n"
    upload = submit(demo, text, targets=True)
    assert upload.ok and upload.batch.new == 1
    assert upload.rows[["unit_code", "year", "value"]].values.tolist() == [["HOIAN", 2023, 150.0]]
    assert (
        "Tệp không có cột mã đơn vị: mọi kế hoạch được giao cho Hội An (HOIAN), tên ghi ở dòng 1. "
        "Nếu không đúng, thêm cột ma_don_vi." in set(upload.problems["message"])
    )


def test_each_repeat_names_the_first_row_of_its_figure(demo):
    text = HEADER + (
        "HOIAN,CNS_TO,2022-06,5,,,\n"  # row 2
        "HOIAN,TT_CHUONGTRINH,2022-06,5,,,\n"  # 3
        "HOIAN,TT_CHUONGTRINH,T6/2022,6,,,\n"  # 4: the same as 3
        "HOIAN,CNS_TO,06/2022,7,,,\n"  # 5: the same as 2
        "HOIAN,CNS_TO,,7,,,\n"  # 6: no period, so no figure to repeat
        "HOIAN,CNS_TO,,8,,,\n"  # 7
        "HOIAN,CNS_TO,2022-06,8,,,\n"  # 8: the same as 2 again
    )
    upload = submit(demo, text)
    repeats = upload.errors[upload.errors["message"].str.startswith("Trùng")]
    assert list(zip(repeats["row"], repeats["message"].str[:17], strict=True)) == [
        (4, "Trùng với dòng 3:"),
        (5, "Trùng với dòng 2:"),
        (8, "Trùng với dòng 2:"),
    ]
    assert set(upload.errors.loc[upload.errors["row"].isin([6, 7]), "column"]) == {"C (ky_bao_cao)"}


def test_every_problem_is_reported_at_once(demo):
    rows = "\n".join(row for row, _, _ in BAD_ROWS[:12])
    upload = submit(demo, HEADER + rows + "\n", actor=HOIAN)
    assert set(upload.errors["row"]) == set(range(2, 14))


BAD_FILES = [
    (b"", "Tệp rỗng"),
    (b"\r\n \r\n", "Tệp rỗng"),
    (HEADER.encode(), "Không có dòng số liệu nào dưới dòng tiêu đề (dòng 1)"),
    ("Tên,Số\nHội An,5\n".encode(), "Không tìm thấy dòng tiêu đề"),
    ("Đơn vị,Số liệu\nHội An,5\n".encode(), "thiếu cột: ma_chi_tieu, ky_bao_cao"),
    (b"ma_don_vi,ma_chi_tieu,gia_tri\nHOIAN,CNS_TO,5\n", "thiếu cột: ky_bao_cao"),
    (
        b"ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri,value\nHOIAN,CNS_TO,2022-06,5,5\n",
        "có hai cột «gia_tri»",
    ),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\x00", "Tệp là PDF (bản in hoặc bản quét"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Không mở được tệp Excel 97–2003"),
    (b"PK\x03\x04" + b"\x00" * 100, "Không mở được tệp Excel"),
    (bytes(range(256)) * 4, "không phải tệp CSV hoặc XLSX"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_each_bad_file_is_refused_whole(demo, data, message):
    before = snapshot(demo)
    upload = submit(demo, data)
    assert not upload.ok
    assert message in upload.errors.iloc[0]["message"]
    assert_unchanged(demo, before)


def test_limits_are_configurable(demo, monkeypatch):
    text = HEADER + "".join(f"HOIAN,TT_CHUONGTRINH,2022-0{m},5,,,\n" for m in range(1, 7))
    upload = submit(demo, text, limits=Limits(max_bytes=10_000, max_rows=5))
    assert upload.errors.iloc[0]["message"] == (
        "Tệp có 6 dòng số liệu, vượt giới hạn 5 dòng. Chia thành nhiều tệp."
    )
    many = HEADER + "HOIAN,TT_CHUONGTRINH,2022-01,5,,,\n" * 1_234
    upload = submit(demo, many, limits=Limits(max_bytes=100_000, max_rows=1_000))
    assert upload.errors.iloc[0]["message"].startswith(
        "Tệp có 1.234 dòng số liệu, vượt giới hạn 1.000 dòng."
    )
    upload = submit(demo, text, limits=Limits(max_bytes=100, max_rows=100))
    assert "vượt giới hạn" in upload.errors.iloc[0]["message"]
    monkeypatch.setenv("CDS_MAX_UPLOAD_ROWS", "3")
    monkeypatch.setenv("CDS_MAX_UPLOAD_MB", "0,5".replace(",", "."))
    assert Limits.from_env() == Limits(max_bytes=512 * 1024, max_rows=3)


def test_viewer_cannot_write(demo):
    before = snapshot(demo)
    upload = submit(demo, HEADER + "HOIAN,CNS_TO,2022-06,5,,,\n", actor=Actor("lead", "viewer"))
    assert "chỉ được xem" in upload.errors.iloc[0]["message"]
    assert_unchanged(demo, before)


def test_unit_account_sending_another_units_figures_loses_the_whole_file(demo):
    before = snapshot(demo)
    text = (
        HEADER + "HOIAN,CNS_TO,2022-06,5,,,\nTAMKY,CNS_TO,2022-06,5,,,\n"
        "TAMKY,TT_CHUONGTRINH,2022-06,5,,,\n"
    )
    upload = submit(demo, text, actor=HOIAN)
    assert list(upload.errors["row"]) == [3, 4]
    assert_unchanged(demo, before)


# --- warnings, duplicates, history ---------------------------------------------------------


def test_warnings_do_not_block(demo):
    text = (
        HEADER + "HOIAN,CNS_TO,2022-07,100,,,\nHOIAN,TT_CHUONGTRINH,2022-07,90,,,\n"
        "HOIAN,CSDL_DUNGCHUNG,2022-Q3,7,,,@SUM(A1)\n"
    )
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 3
    warnings = upload.problems[upload.problems["severity"] == "warning"]
    by_row = dict(zip(warnings["row"], warnings["message"], strict=True))
    assert by_row[2].startswith("Số lũy kế giảm so với kỳ trước (T6/2022: 131 → 100)")
    assert "hơn 3 lần" in by_row[3]
    assert "công thức" in by_row[4]


def test_submit_warns_of_jumps_as_the_check_does_on_both_stores(store):
    # submit judges the jumps on a pinned cursor beside its commit: the warnings must be the
    # ones a check before it finds, the figures written all the same.
    catalogue(
        store,
        [("U1", "A")],
        [("S", "stock", "count", "up", "month"), ("F", "flow", "count", "up", "month")],
    )
    commit_figures(store, [("U1", "S", "2022-06", 100), ("U1", "F", "2022-06", 10)])
    text = HEADER + "U1,S,2022-07,50,,,\nU1,F,2022-07,40,,,\n"
    checked = ingest.check(store.cursor(), text.encode(), "up.csv", LOCAL_OPERATOR, today=TODAY)
    upload = submit(store, text)
    assert upload.ok and upload.batch.new == 2
    pd.testing.assert_frame_equal(upload.problems, checked.problems)
    assert [m.split(")")[0] for m in upload.problems["message"]] == [
        "Số lũy kế giảm so với kỳ trước (T6/2022: 100 → 50",
        "Giá trị thay đổi hơn 3 lần so với kỳ trước (T6/2022: 10 → 40",
    ]
    assert current(store, "U1", "S", "2022-07")["value"] == 50


def test_a_jump_is_measured_against_the_files_own_earlier_row_where_it_sends_one(demo):
    # June is stored as 131; the file sends June again as 50, then July: July's previous figure
    # is the file's June, not the stored one (against 131, 200 would not warn at all).
    text = HEADER + "HOIAN,CNS_TO,2022-06,50,,,\nHOIAN,CNS_TO,2022-07,200,,,\n"
    upload = ingest.check(demo.cursor(), text.encode(), "up.csv", LOCAL_OPERATOR, today=TODAY)
    warnings = upload.problems[upload.problems["severity"] == "warning"]
    by_row = dict(zip(warnings["row"], warnings["message"], strict=True))
    assert by_row[3].startswith("Giá trị thay đổi hơn 3 lần so với kỳ trước (T6/2022: 50 → 200)")


def test_a_percent_typed_as_a_fraction_is_warned_of_with_the_percent_to_write(demo):
    # "0,93" where June's 78,7 % stood: the jump's warning says what 93 % is written as
    text = HEADER + 'HOIAN,VB_KYSO,2022-07,"0,93",,,\nHOIAN,TTHC_SOHOA,2022-07,"0,2",,,\n'
    upload = ingest.check(demo.cursor(), text.encode(), "up.csv", LOCAL_OPERATOR, today=TODAY)
    jumps = upload.problems[upload.problems["message"].str.startswith("Giá trị thay đổi")]
    hinted = jumps["message"].str.contains("Nếu là 93 %, ghi 93: tỷ lệ ghi theo phần trăm.")
    assert (jumps["row"].tolist(), hinted.tolist()) == ([2, 3], [True, False])


def test_a_jump_from_a_ratio_given_by_its_parts_shows_it_to_two_decimals(demo):
    submit(demo, HEADER + "HOIAN,TTHC_SOHOA,2022-06,,1056,1300,\n")  # 81,2307692… %
    text = HEADER + "HOIAN,TTHC_SOHOA,2022-07,20,,,\n"
    upload = ingest.check(demo.cursor(), text.encode(), "up.csv", LOCAL_OPERATOR, today=TODAY)
    jump = upload.problems[upload.problems["message"].str.startswith("Giá trị thay đổi")]
    assert "(T6/2022: 81,23 → 20)" in jump.iloc[0]["message"]


def _fraction_warnings(upload) -> list[tuple[int, str]]:
    told = upload.problems[upload.problems["message"].str.startswith("Mọi ")]
    return list(zip(told["row"], told["message"], strict=True))


def test_a_rising_percent_typed_only_as_fractions_is_warned_of_once(demo):
    # every VB_KYSO of the file in (0, 1]: one warning, at its first; a percent with one figure
    # over 1 (a slip is the jump's), a falling one (late dossiers are under 1 %) and a ratio
    # given by its parts are not
    text = HEADER + (
        'HOIAN,VB_KYSO,2022-07,"0,93",,,\nTAMKY,VB_KYSO,2022-07,1,,,\n'
        'HOIAN,TTHC_SOHOA,2022-07,"0,5",,,\nTAMKY,TTHC_SOHOA,2022-07,50,,,\n'
        'HOIAN,TTHC_TREHAN,2022-07,"0,5",,,\nHOIAN,DVC_HOSO,2022-07,"0,9",9,1000,\n'
    )
    upload = ingest.check(demo.cursor(), text.encode(), "up.csv", LOCAL_OPERATOR, today=TODAY)
    assert upload.ok, upload.errors
    assert _fraction_warnings(upload) == [
        (
            2,
            "Mọi số liệu của chỉ tiêu VB_KYSO (Tỷ lệ văn bản đi được ký số, gửi trên môi trường "
            "mạng) trong tệp đều từ 0 đến 1 (2 số liệu): tỷ lệ ghi theo phần trăm, 93 chứ không "
            "phải 0,93. Nếu đúng là dưới 1 %, bỏ qua cảnh báo này.",
        )
    ]


def test_a_rising_percents_targets_typed_as_fractions_are_warned_of(demo):
    text = 'ma_don_vi,ma_chi_tieu,nam,ke_hoach\nHOIAN,VB_KYSO,2023,"0,9"\n*,VB_KYSO,2023,"0,95"\n'
    upload = submit(demo, text, targets=True)
    assert upload.ok, upload.errors
    assert [row for row, _ in _fraction_warnings(upload)] == [2]
    assert (
        "(2 kế hoạch): tỷ lệ ghi theo phần trăm, 90 chứ không phải 0,9."
        in (_fraction_warnings(upload)[0][1])
    )
    sent = 'ma_don_vi,ma_chi_tieu,nam,ke_hoach\nHOIAN,TTHC_TREHAN,2023,"0,5"\n'
    assert _fraction_warnings(submit(demo, sent, targets=True)) == []


def test_a_stock_that_falls_below_a_third_is_warned_of_once_as_a_fall(demo):
    # June is stored as 131: 40 is both a fall and more than 3× less; one warning says the fall.
    text = HEADER + "HOIAN,CNS_TO,2022-07,40,,,\n"
    upload = ingest.check(demo.cursor(), text.encode(), "up.csv", LOCAL_OPERATOR, today=TODAY)
    warnings = upload.problems[upload.problems["severity"] == "warning"]
    assert list(warnings["message"].str[:40]) == ["Số lũy kế giảm so với kỳ trước (T6/2022:"]


def test_units_and_indicators_written_by_name_go_in_and_are_warned_of_at_their_cells(demo):
    text = (
        "Đơn vị,Chỉ tiêu,Kỳ báo cáo,Giá trị\n"
        "Hội An,Số tổ công nghệ số cộng đồng đã thành lập,2022-07,40\n"
        "HOIAN,TT_CHUONGTRINH,2022-07,4\n"
    )
    upload = submit(demo, text)
    assert upload.ok and upload.batch.new == 2
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 40
    warnings = upload.problems.set_index(["row", "column"])["message"]
    assert "(Hội An → HOIAN)" in warnings[(2, "A (Đơn vị)")]
    assert "→ CNS_TO)" in warnings[(2, "B (Chỉ tiêu)")]
    # the fall of a row whose indicator is a name is still pinned to its value's cell
    assert warnings[(2, "D (Giá trị)")].startswith("Số lũy kế giảm so với kỳ trước")


def test_units_written_with_their_level_before_the_name(demo):
    text = (
        "Đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n"
        "Thành phố Hội An,TT_CHUONGTRINH,2022-07,11\n"
        "TP. Tam Kỳ,TT_CHUONGTRINH,2022-07,12\n"
        "Huyện Núi Thành,TT_CHUONGTRINH,2022-07,9\n"
    )
    upload = submit(demo, text)
    assert upload.ok, upload.errors
    assert [current(demo, u, "TT_CHUONGTRINH", "2022-07")["value"] for u in ("HOIAN", "TAMKY")] == [
        11,
        12,
    ]
    said = upload.problems.set_index(["row", "column"])["message"][(2, "A (Đơn vị)")]
    assert "(Thành phố Hội An → HOIAN, TP. Tam Kỳ → TAMKY, Huyện Núi Thành → NUITHANH)" in said
    # a number alone is no unit's name, not even Quận 1's
    refused = submit(demo, "Đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n1,TT_CHUONGTRINH,2022-07,11\n")
    assert "Mã đơn vị «1» không có trong danh mục" in refused.errors.iloc[0]["message"]


def _previous_by_definition(stored: list[tuple], sent: list[tuple]) -> list[tuple]:
    """For each sent figure, the latest earlier one of its unit and indicator: a row of the
    file, or a stored figure of its year or the year before whose period the file does not
    send again; at the same time the file's row."""

    def t(period: str) -> int:
        return must_parse(period).year * 12 + must_parse(period).end_month

    resent = {(unit, code, period) for unit, code, period, _ in sent}
    out = []
    for row, (unit, code, period, value) in enumerate(sent, start=1):
        year = must_parse(period).year
        earlier = [(t(p), 1, p, v) for u, c, p, v in sent if (u, c) == (unit, code)]
        earlier += [
            (t(p), 0, p, v)
            for u, c, p, v in stored
            if (u, c) == (unit, code) and (u, c, p) not in resent and must_parse(p).year >= year - 1
        ]
        earlier = [candidate for candidate in earlier if candidate[0] < t(period)]
        if earlier:
            _, _, prev_period, prev_value = max(earlier)
            out.append((row, code, value, prev_value, prev_period))
    return sorted(out, key=lambda r: (r[0], r[1]))


JUMP_UNITS = [("A1", "C1"), ("A2", "C1")]
JUMP_INDICATORS = [
    ("STOCK", "stock", "count", "up", "month"),
    ("FLOW", "flow", "count", "up", "month"),
]


def _figures(periods: list[str], min_size: int = 0):
    return st.lists(
        st.tuples(
            st.sampled_from([u for u, _ in JUMP_UNITS]),
            st.sampled_from([i[0] for i in JUMP_INDICATORS]),
            st.sampled_from(periods),
            st.integers(0, 9).map(float),
        ),
        unique_by=lambda f: f[:3],
        min_size=min_size,
        max_size=8,
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    stored=_figures(["2022-11", "2023-02", "2023-10", "2023-12", "2024-01", "2024-03", "2024-06"]),
    sent=_figures(
        ["2023-12", "2024-01", "2024-02", "2024-03", "2024-06", "2024-09", "2025-01"], min_size=1
    ),
)
# a stored figure between the file's two rows; a stored period sent again; the year before
@example(
    stored=[("A1", "FLOW", "2024-01", 1.0), ("A1", "FLOW", "2024-03", 3.0)],
    sent=[("A1", "FLOW", "2024-02", 2.0), ("A1", "FLOW", "2024-06", 6.0)],
)
@example(
    stored=[("A1", "STOCK", "2024-01", 1.0), ("A1", "STOCK", "2024-03", 3.0)],
    sent=[("A1", "STOCK", "2024-03", 4.0), ("A1", "STOCK", "2024-06", 6.0)],
)
@example(
    stored=[("A1", "STOCK", "2022-11", 1.0), ("A1", "STOCK", "2023-10", 2.0)],
    sent=[("A1", "STOCK", "2024-02", 5.0), ("A2", "STOCK", "2025-01", 5.0)],
)
def test_the_figure_before_each_row_is_the_latest_earlier_one_of_the_file_or_the_store(
    tmp_path_factory, stored, sent
):
    path = str(tmp_path_factory.mktemp("jumps") / "cds.duckdb")
    store = open_store(path)
    try:
        catalogue(store, JUMP_UNITS, JUMP_INDICATORS)
        if stored:
            commit_figures(store, stored)
        staged = batches.stage(batches.FIGURES, figure_rows(sent))  # numbered 1, 2, …
        cur = store.cursor()
        cur.register("staged_figures", staged)
        pairs = sql.frame(cur, "previous_figures_of_staged", jump_factor=None)
        got = list(
            pairs[
                ["source_row", "indicator_code", "value", "prev_value", "prev_period"]
            ].itertuples(index=False, name=None)
        )
        assert got == _previous_by_definition(stored, sent)
    finally:
        close_store(path)


@pytest.mark.parametrize(
    ("code", "before", "value", "warned"),
    [
        ("STOCK", 10.0, 9.0, (True, False)),  # a stock falls
        ("STOCK", 10.0, 2.0, (True, True)),  # falls by more than 3×: said once, as a fall
        ("STOCK", 10.0, 30.0, None),  # exactly 3×: no warning
        ("STOCK", 10.0, 31.0, (False, True)),
        ("FLOW", 10.0, 9.0, None),  # a month's flow may be lower than the last
        ("FLOW", 9.0, 3.0, None),  # exactly a third
        ("FLOW", 10.0, 3.0, (False, True)),
        ("FLOW", 0.0, 5.0, None),  # nothing to compare a change with
        ("STOCK", 10.0, None, None),  # an empty value: nothing to judge
        ("SCORE", 10.0, 9.0, None),  # only a stock is expected never to fall
        ("SCORE", 10.0, 40.0, (False, True)),
        ("PCT", 93.0, 0.93, (False, True, True)),  # 0,93 typed for 93 %
        ("PCT", 93.0, 1.0, (False, True, True)),
        ("PCT", 93.0, 0.2, (False, True, False)),  # 20 % is a jump too: no such hint
        ("PCT", 2.5, 1.0, None),  # a small percent falling within 3× is no jump
        ("PCT", 5.0, 0.93, (False, True, False)),  # 93 % would be a jump as well
        ("SCORE", 93.0, 0.93, (False, True, False)),  # only a percent is written as one
    ],
)
def test_the_jump_rule_warns_of_a_falling_stock_and_of_more_than_three_times(
    tmp_path, code, before, value, warned
):
    path = str(tmp_path / "cds.duckdb")
    store = open_store(path)
    more = [("SCORE", "score", "score", "up", "month"), ("PCT", "ratio", "percent", "up", "month")]
    try:
        catalogue(store, JUMP_UNITS, [*JUMP_INDICATORS, *more])
        staged = batches.stage(
            batches.FIGURES,
            figure_rows([("A1", code, "2024-01", before), ("A1", code, "2024-02", value)]),
        )
        cur = store.cursor()
        cur.register("staged_figures", staged)
        found = sql.frame(cur, "previous_figures_of_staged", jump_factor=validation.JUMP_FACTOR)
        got = [
            (bool(r.falls), bool(r.jumps), bool(r.as_fraction))[: len(warned or ())]
            for r in found.itertuples()
            if r.source_row == 2
        ]
        assert got == ([] if warned is None else [warned])
        assert not found["as_fraction"].any() or code == "PCT"
        assert (found["source_row"] == 1).sum() == 0  # the first row has nothing before it
    finally:
        close_store(path)


def test_same_file_twice_changes_nothing_and_says_so(demo):
    text = HEADER + "HOIAN,CNS_TO,2022-07,140,,,\n"
    first = submit(demo, text)
    before = snapshot(demo)
    again = submit(demo, text)
    assert again.ok and again.duplicate_of["id"] == first.batch.batch_id
    assert_unchanged(demo, before)


def test_resending_a_figure_keeps_the_old_one_in_history(demo):
    submit(demo, HEADER + "HOIAN,CNS_TO,2022-07,140,,,\n")
    upload = submit(demo, HEADER + "HOIAN,CNS_TO,2022-07,141,,,\n", actor=HOIAN)
    changed = upload.changes.iloc[0]
    assert (changed["change"], changed["old_value"], changed["value"]) == ("changed", 140, 141)
    history = batches.figure_history(demo.cursor(), "HOIAN", "CNS_TO", "2022-07")
    assert list(history["value"]) == [141, 140]
    assert list(history["username"]) == ["hoian", "local"]


def test_revert_restores_and_is_refused_after_a_later_change(demo):
    old = current(demo, "HOIAN", "CNS_TO", "2022-06")["value"]
    first = submit(demo, HEADER + "HOIAN,CNS_TO,2022-06,140,,,\nHOIAN,CNS_TO,2022-07,141,,,\n")
    second = submit(demo, HEADER + "HOIAN,CNS_TO,2022-07,142,,,\n")
    with pytest.raises(batches.RevertRefused, match="lô sau"):
        batches.revert(demo, first.batch.batch_id, LOCAL_OPERATOR)
    batches.revert(demo, second.batch.batch_id, LOCAL_OPERATOR)
    assert current(demo, "HOIAN", "CNS_TO", "2022-07")["value"] == 141
    batches.revert(demo, first.batch.batch_id, LOCAL_OPERATOR)
    assert current(demo, "HOIAN", "CNS_TO", "2022-06")["value"] == old
    assert demo.cursor().execute(
        "SELECT count(*) FROM current_figures WHERE unit_code = 'HOIAN' "
        "AND indicator_code = 'CNS_TO' AND period = '2022-07'"
    ).fetchone() == (0,)
    with pytest.raises(batches.RevertRefused, match="đã được hoàn tác"):
        batches.revert(demo, first.batch.batch_id, LOCAL_OPERATOR)
    with pytest.raises(accounts.AccessDenied, match="quản trị"):
        batches.revert(demo, second.batch.batch_id, HOIAN)


# --- targets --------------------------------------------------------------------------------


def test_targets_through_the_same_path(demo):
    text = "ma_don_vi,ma_chi_tieu,nam,ke_hoach\n*,TTHC_SOHOA,2023,90\nHOIAN,CNS_TO,2023,140\n"
    upload = submit(demo, text, targets=True)
    assert upload.ok and upload.batch.new == 2
    english = "unit_code;indicator_code;year;target\nHOIAN;CNS_TO;2023;1.500\n"
    upload = submit(demo, english, targets=True)
    assert upload.ok and upload.batch.changed == 1
    value = (
        demo.cursor()
        .execute(
            "SELECT value FROM current_targets WHERE unit_code = 'HOIAN' "
            "AND indicator_code = 'CNS_TO' AND year = 2023"
        )
        .fetchone()
    )
    assert value == (1500.0,)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("*,TTHC_SOHOA,22,90", "Năm không hợp lệ"),
        ("*,TTHC_SOHOA,2023,120", "từ 0 đến 100"),
        ("XX,TTHC_SOHOA,2023,90", "không có trong danh mục"),
        ("*,TTHC_SOHOA,2023,", "phải là"),
        ("*,CNS_TO,2023,-1", "không được âm"),
    ],
)
def test_bad_targets(demo, row, message):
    upload = submit(demo, "ma_don_vi,ma_chi_tieu,nam,ke_hoach\n" + row + "\n", targets=True)
    assert message in upload.errors.iloc[0]["message"]


def test_a_target_given_twice_names_the_line_it_repeats_and_nothing_is_written(demo):
    before = snapshot(demo)
    rows = [
        ["GIAO CHỈ TIÊU NĂM 2023"],
        ["Đơn vị", "Tỷ lệ hồ sơ TTHC được số hóa", "Số tổ công nghệ số cộng đồng đã thành lập"],
        ["Tam Kỳ", 85, 150],
        ["Hội An", 85, 160],
        ["Thành phố Tam Kỳ", 90, 150],  # 5: Tam Kỳ again, under its longer name
    ]
    upload = submit(demo, workbook({"KH": rows}), name="ke_hoach.xlsx", targets=True)
    assert upload.errors[["row", "message"]].values.tolist() == [
        [5, "Trùng với dòng 3: cùng đơn vị, chỉ tiêu và năm. Giữ một dòng."],
        [5, "Trùng với dòng 3: cùng đơn vị, chỉ tiêu và năm. Giữ một dòng."],
    ]
    assert upload.errors["column"].tolist() == [
        "B (Tỷ lệ hồ sơ TTHC được số hóa)",
        "C (Số tổ công nghệ số cộng đồng đã thành lập)",
    ]
    assert_unchanged(demo, before)


def test_only_admins_set_targets(demo):
    upload = submit(
        demo, "ma_don_vi,ma_chi_tieu,nam,ke_hoach\nHOIAN,CNS_TO,2023,1\n", actor=HOIAN, targets=True
    )
    assert "quản trị" in upload.errors.iloc[0]["message"]


# --- concurrency ----------------------------------------------------------------------------


def test_eight_threads_committing_different_units_lose_nothing(demo):
    units = ["TAMKY", "HOIAN", "DIENBAN", "DUYXUYEN", "DAILOC", "QUESON", "THANGBINH", "PHUNINH"]
    results, errors = {}, []

    def send(unit: str):
        try:
            text = HEADER + "".join(
                f"{unit},TT_CHUONGTRINH,2022-0{m},{m + 20},,,\n" for m in range(1, 7)
            )
            results[unit] = ingest.submit(
                demo, text.encode(), f"{unit}.csv", Actor(unit.lower(), "unit", unit), today=TODAY
            )
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=send, args=(u,)) for u in units]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(r.ok and r.batch.changed == 6 for r in results.values())
    rows = (
        demo.cursor()
        .execute(
            "SELECT unit_code, count(*), sum(value) FROM current_figures WHERE indicator_code = "
            "'TT_CHUONGTRINH' AND year = 2022 GROUP BY unit_code"
        )
        .fetchall()
    )
    sums = {unit: (count, total) for unit, count, total in rows}
    for unit in units:
        assert sums[unit] == (6, sum(m + 20 for m in range(1, 7)))
