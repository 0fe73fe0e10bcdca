"""The upload page through AppTest: check, preview, commit, history and revert."""

from pathlib import Path

from pages import ADMIN, open_app, problems_shown
from streamlit.testing.v1 import AppTest

from builders import workbook
from dashboard import batches, web
from dashboard.accounts import Actor
from dashboard.store import open_store

GOOD = (
    b"ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\n"
    b"HOIAN,CNS_TO,2022-06,140\n"
    b"HOIAN,TT_CHUONGTRINH,2022-07,12\n"
)
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BAD = "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,nhiều\n".encode()


def upload_page(db: str, monkeypatch, actor=ADMIN) -> AppTest:
    return open_app(db, monkeypatch, "upload", actor=actor)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_good_file_previews_then_commits(demo_db, monkeypatch):
    at = upload_page(demo_db, monkeypatch)
    at.file_uploader(key="upload").set_value(("hoian.csv", GOOD, "text/csv")).run()
    assert not at.exception
    assert metrics(at) == {
        "Mới": "1",
        "Thay đổi": "1",
        "Không đổi": "0",
        "Lỗi": "0",
        "Cảnh báo": "0",
    }
    preview = at.dataframe[0].value
    assert list(preview["Thay đổi"]) == ["Thay đổi", "Mới"]
    cur = open_store(demo_db).cursor()
    before = len(batches.batch_list(cur, limit=1000))
    at.button(key="commit").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        "Đã ghi lô #110 từ tệp «hoian.csv»: 1 mới, 1 thay đổi, 0 không đổi. Chọn tệp khác để "
        "gửi tiếp."
    ]
    # the file just written is not checked again (it would say "already sent")
    assert not at.info and not at.get("metric")
    assert "commit" not in [b.key for b in at.button]
    assert len(batches.batch_list(cur, limit=1000)) == before + 1
    history = at.dataframe[-1].value
    assert history.iloc[0]["Tệp"] == "hoian.csv"


def test_a_file_name_is_said_as_written_not_read_as_markdown(demo_db, monkeypatch):
    at = upload_page(demo_db, monkeypatch)
    at.file_uploader(key="upload").set_value(("*hoian*.csv", GOOD, "text/csv")).run()
    at.button(key="commit").click().run()
    assert not at.exception
    # the page's Markdown shows the source's escaped marks as typed: «*hoian*.csv», not italic
    assert at.success[0].value.startswith(r"Đã ghi lô #110 từ tệp «\*hoian\*.csv»: 1 mới")


def test_bad_file_shows_problems_and_writes_nothing(demo_db, monkeypatch):
    at = upload_page(demo_db, monkeypatch)
    cur = open_store(demo_db).cursor()
    before = len(batches.batch_list(cur, limit=1000))
    at.file_uploader(key="upload").set_value(("bad.csv", BAD, "text/csv")).run()
    assert not at.exception
    assert metrics(at)["Lỗi"] == "1"
    assert "chưa thể ghi" in at.error[0].value
    problems = problems_shown(at)
    assert problems.iloc[0]["Dòng"] == "2"
    assert problems.iloc[0]["Cột"] == "D (gia_tri)"
    assert "Không phải là số" in problems.iloc[0]["Cách sửa"]
    assert at.button(key="commit").disabled
    assert len(batches.batch_list(cur, limit=1000)) == before


def test_a_long_list_of_problems_is_cut_and_counted_beside_the_csv_of_all(demo_db, monkeypatch):
    lines = ["ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri"]
    lines += [
        f"HOIAN,CNS_TO,{year}-{month:02d},nhiều" for year in range(1970, 2020) for month in (1, 2)
    ]
    lines += [
        f"HOIAN,TT_CHUONGTRINH,{year}-{month:02d},nhiều"
        for year in range(1970, 2020)
        for month in range(1, 13)
    ]
    at = upload_page(demo_db, monkeypatch)
    bad = ("\n".join(lines) + "\n").encode()
    at.file_uploader(key="upload").set_value(("nhieu_loi.csv", bad, "text/csv")).run()
    assert not at.exception
    assert metrics(at)["Lỗi"] == "700"
    shown = problems_shown(at)
    assert len(shown) == web.PROBLEM_ROWS == 500
    assert shown["Dòng"].tolist()[:3] == ["2", "3", "4"]  # the first lines' problems, in order
    assert (
        "Trang chỉ liệt kê 500 vấn đề đầu tiên trong 700; danh sách lỗi (CSV) tải ở nút dưới đây "
        "có đủ." in [c.value for c in at.caption]
    )
    assert "Tải danh sách lỗi (CSV)" in [b.proto.label for b in at.get("download_button")]


def test_a_problem_of_the_whole_file_is_said_in_full_not_cut_in_a_table(demo_db, monkeypatch):
    at = upload_page(demo_db, monkeypatch)
    scan = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    at.file_uploader(key="upload").set_value(("bao_cao_da_ky.pdf", scan, "application/pdf")).run()
    assert not at.exception
    assert metrics(at)["Lỗi"] == "1"
    assert [e.value for e in at.error][1] == (
        "Tệp là PDF (bản in hoặc bản quét của báo cáo): không đọc được số liệu trong đó. Gửi "
        "tệp Excel (.xlsx) hoặc CSV của báo cáo, hoặc dùng mẫu nhập liệu tải từ hệ thống."
    )
    assert not at.table  # no table of it


def test_a_workbook_of_a_sheet_a_month_shows_each_row_on_its_sheet(demo_db, monkeypatch):
    def month(number: int, value) -> list[list]:
        title = f"BÁO CÁO THÁNG {number} NĂM 2022"
        return [[title], ["Mã đơn vị", "Mã chỉ tiêu", "Giá trị"], ["HOIAN", "CNS_TO", value]]

    data = workbook({"T7": month(7, 140), "T8": month(8, "nhiều")})
    at = upload_page(demo_db, monkeypatch)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="upload").set_value(("t7_t8.xlsx", data, xlsx)).run()
    assert not at.exception
    assert metrics(at)["Lỗi"] == "1"
    problems = problems_shown(at)
    assert list(problems.columns[:3]) == ["Mức độ", "Trang tính", "Dòng"]
    error = problems[problems["Mức độ"] == "Lỗi"].iloc[0]
    assert (error["Trang tính"], error["Dòng"], error["Cột"]) == ("T8", "3", "C (Giá trị)")
    assert at.button(key="commit").disabled


def test_a_libreoffice_spreadsheet_previews_then_commits(demo_db, monkeypatch):
    data = (FIXTURES / "quangnam_2022-07_libreoffice.ods").read_bytes()
    at = upload_page(demo_db, monkeypatch)
    ods = "application/vnd.oasis.opendocument.spreadsheet"
    at.file_uploader(key="upload").set_value(("t7.ods", data, ods)).run()
    assert not at.exception
    assert metrics(at) == {
        "Mới": "4",
        "Thay đổi": "0",
        "Không đổi": "0",
        "Lỗi": "0",
        # the hidden sheet, the period from the title, towns by name, a stock below June's,
        # the footer
        "Cảnh báo": "5",
    }
    at.button(key="commit").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Đã ghi lô #110 từ tệp «t7.ods»: 4 mới")


def test_a_plan_of_years_across_previews_by_year_then_commits(demo_db, monkeypatch):
    plan = (
        "Mã đơn vị,Mã chỉ tiêu,Thực hiện 2022,KH 2023,KH 2024\n"
        "HOIAN,CNS_TO,140,150,160\nToàn tỉnh,CNS_TO,,900,1000\n"
    ).encode()
    at = upload_page(demo_db, monkeypatch)
    at.radio(key="kind").set_value("targets").run()
    at.file_uploader(key="upload").set_value(("ke_hoach.csv", plan, "text/csv")).run()
    assert not at.exception
    assert metrics(at)["Mới"] == "4" and metrics(at)["Lỗi"] == "0"
    told = " ".join(problems_shown(at)["Cách sửa"])
    assert "D (KH 2023) → năm 2023; E (KH 2024) → năm 2024" in told
    assert "C (Thực hiện 2022)" in told
    preview = at.dataframe[0].value
    assert preview["Năm"].tolist() == [2023, 2024, 2023, 2024]
    at.button(key="commit").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Đã ghi lô #110 từ tệp «ke_hoach.csv»: 4 mới")


def test_admin_reverts_a_batch(demo_db, monkeypatch):
    at = upload_page(demo_db, monkeypatch)
    at.file_uploader(key="upload").set_value(("hoian.csv", GOOD, "text/csv")).run()
    at.button(key="commit").click().run()
    latest = batches.batch_list(open_store(demo_db).cursor(), limit=1).iloc[0]
    at.selectbox(key="revert_batch").set_value(latest["id"]).run()
    at.checkbox(key="revert_sure").check().run()
    at.button(key="revert").click().run()
    assert not at.exception
    assert any("Đã hoàn tác" in s.value for s in at.success)
    newest = batches.batch_list(open_store(demo_db).cursor(), limit=1).iloc[0]
    assert newest["reverts"] == latest["id"]


def test_the_page_offers_the_next_month_and_states_the_uploads_limits(demo_db, monkeypatch):
    monkeypatch.setenv("CDS_MAX_UPLOAD_MB", "2.5")
    at = upload_page(demo_db, monkeypatch)
    assert at.text_input(key="template_period").value == "2022-07"  # the demo ends in June
    # Streamlit's English words in the file picker are replaced, with the real limits
    style = next(m.value for m in at.markdown if "stFileUploaderDropzone" in m.value)
    assert 'content: "Chọn tệp"' in style
    assert "CSV, XLSX, XLSM, XLS, ODS, TXT, tối đa 2,5 MB, 100.000 dòng" in style


def test_a_unit_sends_its_own_report_with_no_unit_column(demo_db, monkeypatch):
    """A unit account's report listing its indicators by name, its month only in the title:
    the page names whose and which month it took, and writes it for the unit."""
    report = (
        "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 7 NĂM 2022\n"
        "STT,Tên chỉ tiêu,Kết quả thực hiện\n"
        "1,Số tổ công nghệ số cộng đồng đã thành lập,121\n"
        "2,TT_CHUONGTRINH,6\n"
    ).encode()
    at = upload_page(demo_db, monkeypatch, actor=Actor("hoian", "unit", "HOIAN"))
    at.file_uploader(key="upload").set_value(("bc_t7.csv", report, "text/csv")).run()
    assert not at.exception
    assert metrics(at)["Mới"] == "2" and metrics(at)["Lỗi"] == "0"
    said = " ".join(problems_shown(at)["Cách sửa"])
    assert "mọi số liệu được ghi cho Hội An (HOIAN), đơn vị của tài khoản hoian" in said
    assert "mọi số liệu được tính cho tháng 7/2022" in said
    at.button(key="commit").click().run()
    assert any("Đã ghi lô" in s.value for s in at.success)
    written = batches.batch_list(open_store(demo_db).cursor(), limit=1).iloc[0]
    assert (written["file_name"], written["unit_code"]) == ("bc_t7.csv", "HOIAN")
