"""A list of units from a file: a new province's communes go in at once; every bad line is
named with its fix and nothing is written; a second list moves, renames and adds."""

import pytest

from builders import catalogue, commit_figures, workbook
from dashboard import auditlog, catalog, export, progress, unit_list
from dashboard.accounts import LOCAL_OPERATOR, Actor
from dashboard.periods import must_parse
from dashboard.store import open_store

VIEWER = Actor("lanhdao", "viewer", None)


@pytest.fixture
def province(db_path):
    store = open_store(db_path)
    catalogue(store, [("HOIAN", "DB")], [("CNS_TO", "stock", "count", "up", "month")])
    commit_figures(store, [("HOIAN", "CNS_TO", "2022-06", 5)])
    return store


def read(store, text: str | bytes, name="don_vi.csv"):
    data = text.encode() if isinstance(text, str) else text
    return unit_list.read(store.cursor(), data, name)


@pytest.mark.parametrize(
    "head", ["Mã,Tên,Cấp,Mã cụm", "Mã ĐVHC,Tên ĐVHC,Cấp,Mã cụm", "Mã xã,Tên xã,Cấp,Cụm"]
)
def test_the_2025_list_of_communes_says_each_ones_level_under_cap(province, head):
    """As the national list of communes after the 2025 reform writes them: Mã, Tên, Cấp."""
    text = (
        f"{head}\n"
        "26734,Phường Sài Gòn,Phường,DB\n"
        "30910,Đặc khu Phú Quốc,Đặc khu,DB\n"
        "25750,Xã Tân An,Xã,DB\n"
    )
    listed = read(province, text)
    assert listed.ok, listed.problems
    unit_list.write(province, LOCAL_OPERATOR, listed)
    kinds = catalog.units(province.cursor()).set_index("code")["kind"]
    assert kinds[["26734", "30910", "25750"]].tolist() == ["phuong", "dac_khu", "xa"]


def test_a_workbook_of_communes_with_a_new_cluster_goes_in_at_once(province):
    rows = [
        ["DANH SÁCH ĐƠN VỊ CẤP XÃ THUỘC TỈNH"],
        ["STT", "Mã đơn vị", "Tên đơn vị", "Cụm thi đua", "Tên cụm", "Loại"],
        [1, "XA_A", "Xã A", "MIENNUI", "Cụm miền núi", "Xã"],
        [2, "PHUONG_B", "Phường  B", "Cụm DB", None, "phuong"],  # an existing name
        [3, "hoian", "Phường Hội An", "DB", None, None],  # the unit already there
    ]
    data = workbook({"Sheet": rows})
    listed = read(province, data, "don_vi.xlsx")
    assert listed.ok, listed.problems
    assert listed.summary() == "2 mới, 1 thay đổi, 0 không đổi; 1 cụm mới"
    written = unit_list.write(province, LOCAL_OPERATOR, listed)
    assert list(written.rows["change"]) == ["new", "new", "changed"]
    cur = province.cursor()
    units = catalog.units(cur).set_index("code")
    assert units.loc["XA_A", ["name", "cluster_code", "kind"]].tolist() == ["Xã A", "MIENNUI", "xa"]
    assert units.loc["PHUONG_B", ["name", "cluster_code", "kind"]].tolist() == [
        "Phường B",
        "DB",
        "phuong",
    ]
    assert units.loc["HOIAN", "name"] == "Phường Hội An" and units.loc["HOIAN", "kind"] == "huyen"
    assert catalog.clusters(cur).set_index("code").loc["MIENNUI", "name"] == "Cụm miền núi"
    # the new units are in the progress snapshot: a view of their cluster lists them
    view = progress.progress(cur, must_parse("2022-06"), by="unit", cluster="MIENNUI")
    assert set(view["scope_code"]) == {"XA_A"}
    entry = auditlog.entries(cur).iloc[0]
    assert (
        entry["action"] == "import_units"
        and "HOIAN: tên: Đơn vị HOIAN → Phường Hội An" in entry["detail"]
    )
    again = read(province, data, "don_vi.xlsx")
    assert again.summary() == "0 mới, 0 thay đổi, 3 không đổi"
    unit_list.write(province, LOCAL_OPERATOR, again)  # nothing to do: nothing recorded
    assert auditlog.entries(cur).iloc[0]["detail"] == entry["detail"]


def test_moving_a_unit_to_another_cluster_moves_its_standing(province):
    listed = read(province, "ma_don_vi,ten_don_vi,ma_cum,ten_cum\nHOIAN,Hội An,NEW,Cụm mới\n")
    unit_list.write(province, LOCAL_OPERATOR, listed)
    cur = province.cursor()
    assert catalog.units(cur).set_index("code").loc["HOIAN", "cluster_code"] == "NEW"
    view = progress.progress(cur, must_parse("2022-06"), by="cluster")
    assert set(view["scope_code"]) == {"NEW"}


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        (",Xã A,DB,", "A (ma_don_vi)", "Thiếu mã đơn vị"),
        ("XÃ A,Xã A,DB,", "A (ma_don_vi)", "Mã đơn vị không hợp lệ"),
        ("XA_A,,DB,", "B (ten_don_vi)", "Thiếu tên đơn vị"),
        ("XA_A,Xã A,,", "C (ma_cum)", "Thiếu cụm thi đua"),
        ("XA_A,Xã A,Cụm số 9,", "C (ma_cum)", "Không có cụm «Cụm số 9»: ghi mã cụm đã có (DB)"),
        ("XA_A,Xã A,NEW,", "C (ma_cum)", "Cụm NEW chưa có: ghi tên cụm vào cột ten_cum"),
        ("XA_A,Xã A,DB,thôn", "D (loai)", "Loại đơn vị không hợp lệ: ghi một trong Thành phố"),
    ],
)
def test_each_bad_line_is_named_with_its_fix_and_nothing_is_written(
    province, line, column, message
):
    listed = read(province, f"ma_don_vi,ten_don_vi,ma_cum,loai\n{line}\n")
    assert not listed.ok
    error = listed.problems.iloc[0]
    assert (error["row"], error["column"]) == (2, column)
    assert error["message"].startswith(message)
    with pytest.raises(catalog.CatalogueError):
        unit_list.write(province, LOCAL_OPERATOR, listed)
    assert list(catalog.units(province.cursor())["code"]) == ["HOIAN"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ma,ten\nXA_A,Xã A\n", "thiếu cột ma_cum"),
        ("ho_ten,so_dien_thoai\nA,1\n", "Không tìm thấy dòng tiêu đề"),
        ("ma_don_vi,ten_don_vi,ma_cum\n", "Không có đơn vị nào"),
    ],
)
def test_a_file_that_is_not_a_list_of_units_says_what_it_needs(province, text, message):
    listed = read(province, text)
    assert not listed.ok and message in listed.problems.iloc[0]["message"]


def test_the_same_unit_twice_names_its_first_line(province):
    listed = read(province, "ma_don_vi,ten_don_vi,ma_cum\nXA_A,Xã A,DB\nxa_a,Xã A,DB\n")
    assert listed.problems.iloc[0]["message"] == (
        "Đơn vị XA_A đã có ở dòng 2: mỗi đơn vị một dòng."
    )


def test_only_the_department_loads_units(province):
    listed = read(province, "ma_don_vi,ten_don_vi,ma_cum\nXA_A,Xã A,DB\n")
    with pytest.raises(PermissionError):
        unit_list.write(province, VIEWER, listed)


def test_the_downloaded_list_loads_back_unchanged(province, tmp_path):
    listed = read(province, "ma_don_vi,ten_don_vi,ma_cum,ten_cum,loai\nXA_A,Xã A,MN,Miền núi,Xã\n")
    unit_list.write(province, LOCAL_OPERATOR, listed)
    frame = unit_list.as_file(catalog.units(province.cursor()))
    assert frame.to_dict("records") == [
        {
            "ma_don_vi": "HOIAN",
            "ten_don_vi": "Đơn vị HOIAN",
            "ma_cum": "DB",
            "ten_cum": "Cụm DB",
            "loai": "Huyện",
        },
        {
            "ma_don_vi": "XA_A",
            "ten_don_vi": "Xã A",
            "ma_cum": "MN",
            "ten_cum": "Miền núi",
            "loai": "Xã",
        },
    ]
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"don_vi{suffix}"
        export.write_table(frame, path)
        back = read(province, path.read_bytes(), path.name)
        assert back.ok and back.summary() == "0 mới, 0 thay đổi, 2 không đổi"


def test_a_list_opened_in_excel_keeps_its_communes_codes_with_their_zeros(province):
    """Hà Nội's communes are 00004, 00008…; a list saved from Excel, which read them as
    numbers, says 4 and 8. Read as written, each line would add a second commune."""
    listed = read(province, "ma_don_vi,ten_don_vi,ma_cum\n00004,Phường Ba Đình,DB\n")
    unit_list.write(province, LOCAL_OPERATOR, listed)
    data = workbook(
        {"Sheet": [["ma_don_vi", "ten_don_vi", "ma_cum"], [4, "Phường Ba Đình mới", "DB"]]}
    )
    again = read(province, data, "don_vi.xlsx")
    assert again.ok and again.summary() == "0 mới, 1 thay đổi, 0 không đổi"
    assert list(again.rows["code"]) == ["00004"]
    warning = again.problems.iloc[0]
    assert (warning["severity"], warning["row"]) == ("warning", 2)
    assert "thiếu số 0 ở đầu" in warning["message"] and "4 → 00004" in warning["message"]
    unit_list.write(province, LOCAL_OPERATOR, again)
    units = catalog.units(province.cursor()).set_index("code")
    assert sorted(units.index) == ["00004", "HOIAN"]
    assert units.loc["00004", "name"] == "Phường Ba Đình mới"


def test_a_new_list_of_numbers_shorter_than_a_communes_code_is_warned_of_not_padded(province):
    """Cao Bằng's communes are 01234…; typed into number cells they lose the zero. A province
    may also number its units itself, so the codes are kept, with one warning."""
    data = workbook(
        {
            "Sheet": [
                ["ma_don_vi", "ten_don_vi", "ma_cum"],
                [26734, "Phường Sài Gòn", "DB"],
                [1234, "Xã Một", "DB"],
                [127, "Phường Một Trăm", "DB"],
            ]
        }
    )
    listed = read(province, data, "don_vi.xlsx")
    assert listed.ok and list(listed.rows["code"]) == ["26734", "1234", "127"]
    warning = listed.problems.iloc[0]
    assert (len(listed.problems), warning["severity"], warning["row"]) == (1, "warning", 3)
    assert (
        "ít hơn 5 chữ số" in warning["message"]
        and "1234 → 01234, 127 → 00127" in (warning["message"])
    )
    # once in the catalogue, the province's own numbers are not warned of again
    unit_list.write(province, LOCAL_OPERATOR, listed)
    assert read(province, data, "don_vi.xlsx").problems.empty
