"""The administration pages: catalogue, targets grid, accounts and the audit log."""

from datetime import date

import pytest
from pages import open_app, problems_shown, texts

from dashboard import accounts, catalog, export, ingest, plans
from dashboard.store import open_store


def test_catalogue_adds_and_moves_a_unit(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    assert at.title[0].value == "Danh mục"
    form = at.get("form")[0]
    assert form is not None
    at.text_input[0].input("VENBIEN_1")  # first form: add a unit
    at.text_input[1].input("Đơn vị ven biển")
    at.button[0].click().run()
    assert not at.exception
    assert "Đã thêm đơn vị VENBIEN_1" in texts(at)
    units = catalog.units(open_store(demo_db).cursor()).set_index("code")
    assert units.loc["VENBIEN_1", "name"] == "Đơn vị ven biển"


def test_catalogue_shows_the_same_message_as_the_service(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    at.text_input[0].input("HOIAN")
    at.text_input[1].input("Trùng mã")
    at.button[0].click().run()
    assert "Mã đơn vị «HOIAN» đã có" in at.error[0].value


def test_targets_grid_saves_through_the_upload_checks(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "targets")
    assert at.title[0].value == "Kế hoạch (giao chỉ tiêu)"
    grid = at.dataframe[0].value  # the editable grid
    assert list(grid["ma_don_vi"][:2]) == ["*", "TAMKY"] and len(grid) == 19
    at.button(key="save_targets").click().run()
    assert at.info[0].value == "Không có ô nào thay đổi."
    assert plans.changes_as_upload(grid, grid, 2022) == (None, [])
    before = plans.grid(open_store(demo_db).cursor(), 2022)
    assert before.iloc[0]["ma_don_vi"] == "*"
    assert before.set_index("ma_don_vi").loc["*", "TTHC_SOHOA"] == 80
    after = before.copy()
    after.loc[after["ma_don_vi"] == "*", "TTHC_SOHOA"] = 85
    after.loc[after["ma_don_vi"] == "HOIAN", "VB_KYSO"] = 150  # a percent above 100
    data, emptied = plans.changes_as_upload(before, after, 2022)
    assert emptied == []
    text = data.decode("utf-8-sig")
    assert "*,TTHC_SOHOA,2022,85" in text and "HOIAN,VB_KYSO,2022,150" in text
    upload = ingest.check(
        open_store(demo_db).cursor(), data, "grid.csv", accounts.LOCAL_OPERATOR, targets=True
    )
    assert "từ 0 đến 100" in upload.errors.iloc[0]["message"]
    cleared = before.copy()
    cleared.loc[cleared["ma_don_vi"] == "*", "VB_KYSO"] = None
    assert plans.changes_as_upload(before, cleared, 2022)[1] == ["* · VB_KYSO"]


def test_accounts_page_creates_an_account(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "accounts")
    inputs = {t.label: t for t in at.text_input}
    assert "Mật khẩu" in inputs
    at.text_input[0].input("quangnam")
    at.text_input[1].input("Văn phòng UBND tỉnh")
    at.text_input[3].input("mat-khau-dai-1")
    at.text_input[4].input("mat-khau-dai-1")
    at.button[0].click().run()
    assert not at.exception
    assert "Đã tạo tài khoản quangnam" in texts(at)
    people = accounts.users(open_store(demo_db).cursor())
    assert "quangnam" in set(people["username"])


def test_audit_page_filters(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "audit")
    assert at.title[0].value == "Nhật ký thay đổi"
    log = at.dataframe[0].value
    assert len(log) > 50 and {"Người thực hiện", "Việc", "Lô"} <= set(log.columns)
    at.selectbox(key="audit_action").set_value("commit_targets").run()
    log = at.dataframe[0].value
    assert set(log["Việc"]) == {"Giao kế hoạch"}


def test_the_targets_grid_downloads_as_a_file_the_upload_takes_back(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "targets")
    buttons = {b.key: b.proto.label for b in at.get("download_button")}
    assert buttons == {"targets_file_csv": "CSV", "targets_file_xlsx": "Excel"}
    assert "Gửi số liệu" in texts(at)
    cur = open_store(demo_db).cursor()
    offline = plans.as_file(cur, 2022)
    assert list(offline.columns[:4]) == ["ma_don_vi", "ten_don_vi", "nam", "TTHC_SOHOA"]
    offline.loc[offline["ma_don_vi"] == "HOIAN", "VB_KYSO"] = 96
    data = export.to_csv_bytes(offline)
    upload = ingest.check(cur, data, "kh.csv", accounts.LOCAL_OPERATOR, targets=True)
    assert upload.ok and (upload.count("new"), upload.count("changed")) == (1, 0)
    assert upload.count("same") == offline.iloc[:, 3:].notna().sum().sum() - 1


@pytest.mark.parametrize(
    ("with_data", "today", "offered", "opened"),
    [
        ([2021, 2022], date(2026, 11, 27), [2027, 2026, 2023, 2022, 2021], 2022),
        ([2025, 2026], date(2026, 11, 27), [2027, 2026, 2025], 2026),
        ([], date(2026, 11, 27), [2027, 2026], 2026),  # a new province sets this year's first
    ],
)
def test_the_targets_grid_offers_this_year_and_the_next(with_data, today, offered, opened):
    assert plans.years(with_data, today) == (offered, opened)


def test_catalogue_loads_a_list_of_units_after_showing_what_it_changes(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    assert {b.label for b in at.get("download_button")} >= {"CSV", "Excel"}  # the list as it is
    listed = (
        "ma_don_vi,ten_don_vi,ma_cum,loai\nXA_MOI,Xã Mới,MIENNUI,Xã\nHOIAN,TP Hội An,DONGBANG,\n"
    )
    at.file_uploader(key="units_file").set_value(("don_vi.csv", listed.encode(), "text/csv")).run()
    assert not at.exception
    preview = next(d.value for d in at.dataframe if "Trước đó" in d.value)
    assert list(preview["Thay đổi"]) == ["Mới", "Thay đổi"]
    assert preview.iloc[1]["Trước đó"] == "tên: Hội An → TP Hội An"
    at.button(key="load_units").click().run()
    assert "Đã nạp danh sách đơn vị: 1 mới, 1 thay đổi, 0 không đổi." in texts(at)
    units = catalog.units(open_store(demo_db).cursor()).set_index("code")
    assert units.loc["XA_MOI", ["cluster_code", "kind"]].tolist() == ["MIENNUI", "xa"]
    assert units.loc["HOIAN", "name"] == "TP Hội An"


def test_catalogue_shows_a_bad_list_of_units_and_loads_nothing(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    bad = b"ma_don_vi,ten_don_vi,ma_cum\nXA_MOI,,MIENNUI\n"
    at.file_uploader(key="units_file").set_value(("don_vi.csv", bad, "text/csv")).run()
    assert "chưa nạp được" in at.error[0].value
    assert not any(b.key == "load_units" for b in at.button)
    assert "XA_MOI" not in set(catalog.units(open_store(demo_db).cursor())["code"])


def test_catalogue_loads_a_list_of_indicators_with_a_new_group(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    assert any(b.key == "indicators_list_csv" for b in at.get("download_button"))
    listed = (
        "Mã chỉ tiêu,Tên chỉ tiêu,Nhóm,Tên nhóm,Đơn vị tính,Cách tổng hợp,Tần suất\n"
        "DN_SO,Doanh nghiệp số mới,KTS,Kinh tế số,Số lượng,Phát sinh,Quý\n"
    )
    at.file_uploader(key="indicators_file").set_value(
        ("chi_tieu.csv", listed.encode(), "text/csv")
    ).run()
    assert not at.exception
    preview = next(d.value for d in at.dataframe if "Tần suất" in d.value and "Dòng" in d.value)
    assert preview.iloc[0][["Mã", "Nhóm", "Cách tổng hợp", "Thay đổi"]].tolist() == [
        "DN_SO",
        "Kinh tế số",
        "Phát sinh trong kỳ (cộng dồn trong năm)",
        "Mới",
    ]
    at.button(key="load_indicators").click().run()
    assert "Đã nạp danh sách chỉ tiêu: 1 mới, 0 thay đổi, 0 không đổi; 1 nhóm mới." in texts(at)
    shown = catalog.indicators(open_store(demo_db).cursor()).set_index("code")
    assert shown.loc["DN_SO", ["group_name", "kind", "frequency"]].tolist() == [
        "Kinh tế số",
        "flow",
        "quarter",
    ]


def test_catalogue_shows_a_bad_list_of_indicators_and_loads_nothing(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    bad = "ma_chi_tieu,ten_chi_tieu,ma_nhom,don_vi_do,cach_tong_hop,tan_suat\n"
    bad += "DN_SO,Doanh nghiệp số,TTHC,%,Trung bình,Tháng\n"
    at.file_uploader(key="indicators_file").set_value(
        ("chi_tieu.csv", bad.encode(), "text/csv")
    ).run()
    assert "chưa nạp được" in at.error[0].value
    shown = problems_shown(at)
    assert shown.iloc[0][["Dòng", "Cột", "Giá trị"]].tolist() == [
        "2",
        "E (cach_tong_hop)",
        "Trung bình",
    ]
    assert shown.iloc[0]["Cách sửa"].startswith("Không hiểu cách tổng hợp này")
    assert not any(b.key == "load_indicators" for b in at.button)
    assert "DN_SO" not in set(catalog.indicators(open_store(demo_db).cursor())["code"])


def test_a_list_of_units_the_catalogue_already_holds_changes_nothing(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "catalogue")
    same = "ma_don_vi,ten_don_vi,ma_cum\nHOIAN,Hội An,DONGBANG\n".encode()
    at.file_uploader(key="units_file").set_value(("don_vi.csv", same, "text/csv")).run()
    assert at.info[0].value == "Danh sách khớp với danh mục: không có gì thay đổi."
    assert not any(b.key == "load_units" for b in at.button)


def test_a_new_province_sets_up_its_catalogue_from_nothing(db_path, monkeypatch):
    open_store(db_path)
    overview = open_app(db_path, monkeypatch)
    assert overview.info[0].value.startswith("Tỉnh chưa có danh mục đơn vị và chỉ tiêu.")
    targets = open_app(db_path, monkeypatch, "targets")  # no grid of nothing: what comes first
    assert targets.info[0].value.startswith("Tỉnh chưa có danh mục đơn vị và chỉ tiêu.")
    assert [b.label for b in targets.button] == ["Đăng xuất"] and not targets.get("data_editor")
    at = open_app(db_path, monkeypatch, "catalogue")
    assert not at.exception
    # empty tables are said, not drawn (Streamlit's empty grid says "empty" in English)
    assert {"Chưa có đơn vị nào.", "Chưa có cụm thi đua nào.", "Chưa có chỉ tiêu nào."} <= {
        c.value for c in at.caption
    }
    assert len(at.dataframe) == 0
    said = [i.value for i in at.info]
    assert any(s.startswith("Chưa có cụm thi đua") for s in said)
    assert any(s.startswith("Chưa có nhóm chỉ tiêu") for s in said)

    def fill(**labelled):
        for label, value in labelled.items():  # the last such field: tabs come in order
            next(t for t in reversed(at.text_input) if t.label == label).input(value)

    def press(label):
        next(b for b in at.button if b.label == label).click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]

    fill(**{"Mã cụm": "VENBIEN", "Tên cụm": "Cụm ven biển"})
    press("Thêm")
    fill(**{"Mã nhóm": "KTS", "Tên nhóm": "Kinh tế số"})
    press("Thêm nhóm")
    # with a cluster and a group, the forms for a unit and an indicator are there
    fill(**{"Mã đơn vị": "XA_A", "Tên đơn vị": "Xã A"})
    press("Thêm")
    fill(**{"Mã": "DN_SO", "Tên": "Doanh nghiệp số"})
    press("Lưu chỉ tiêu")
    cur = open_store(db_path).cursor()
    assert list(catalog.units(cur)["code"]) == ["XA_A"]
    assert catalog.indicators(cur).iloc[0][["code", "group_code"]].tolist() == ["DN_SO", "KTS"]
    overview = open_app(db_path, monkeypatch)
    assert overview.info[0].value.startswith("Chưa có số liệu nào.")
