"""A list of indicators from a file: a new province's programme goes in at once, with new groups;
every bad line is named with its fix and nothing is written; an indicator with figures keeps
the way its figures are read."""

import pytest

from builders import catalogue, commit_figures, workbook
from dashboard import auditlog, catalog, export, indicator_list, progress
from dashboard.accounts import LOCAL_OPERATOR, Actor
from dashboard.periods import must_parse
from dashboard.store import open_store

VIEWER = Actor("lanhdao", "viewer", None)
HEADER = "ma_chi_tieu,ten_chi_tieu,ma_nhom,ten_nhom,don_vi_do,cach_tong_hop,tan_suat,chieu"


@pytest.fixture
def province(db_path):
    store = open_store(db_path)
    catalogue(store, [("HOIAN", "DB")], [("CNS_TO", "stock", "count", "up", "month")])
    commit_figures(store, [("HOIAN", "CNS_TO", "2022-06", 5)])
    return store


def read(store, text: str | bytes, name="chi_tieu.csv"):
    data = text.encode() if isinstance(text, str) else text
    return indicator_list.read(store.cursor(), data, name)


def codes(store) -> list[str]:
    return list(catalog.indicators(store.cursor())["code"])


def test_a_workbook_of_indicators_with_a_new_group_goes_in_at_once(province):
    rows = [
        ["DANH MỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026"],
        ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm", "Tên nhóm", "Đơn vị tính"]
        + ["Cách tổng hợp", "Chiều đánh giá", "Tần suất", "Căn cứ"],
        [1, "dvc_tt", "Tỷ lệ hồ sơ  trực tuyến", "Nhóm G", None, "%", "Tỷ lệ", None, "Tháng"]
        + ["QĐ 766/QĐ-TTg"],
        [2, "DN_SO", "Doanh nghiệp số mới", "KTS", "Kinh tế số", "Số lượng"]
        + ["Phát sinh trong kỳ (cộng dồn trong năm)", "Càng cao càng tốt", "Quý", None],
        [3, "CNS_TO", "Tổ công nghệ số", "G", None, None, None, "giảm", None, None],
        [4, "TI_LE", "Tỉ lệ viết kiểu cũ", "G", None, "Tỉ lệ %", "tỉ lệ", None, "Năm"],
    ]
    data = workbook({"Sheet": rows})
    listed = read(province, data, "chi_tieu.xlsx")
    assert listed.ok, listed.problems
    assert listed.summary() == "3 mới, 1 thay đổi, 0 không đổi; 1 nhóm mới"
    written = indicator_list.write(province, LOCAL_OPERATOR, listed)
    assert list(written.rows["change"]) == ["new", "new", "changed", "new"]
    cur = province.cursor()
    shown = catalog.indicators(cur).set_index("code")
    assert shown.loc["DVC_TT"][
        ["group_code", "name", "short_name", "measure", "kind", "direction", "frequency"]
    ].tolist() == [
        "G",
        "Tỷ lệ hồ sơ trực tuyến",
        "Tỷ lệ hồ sơ trực tuyến",
        "percent",
        "ratio",
        "up",  # left out: up, the usual way
        "month",
    ]
    assert shown.loc["DVC_TT", "legal_basis"] == "QĐ 766/QĐ-TTg"
    assert shown.loc["TI_LE", ["measure", "kind"]].tolist() == ["percent", "ratio"]
    assert shown.loc["DN_SO"][["group_code", "measure", "kind", "frequency"]].tolist() == [
        "KTS",
        "count",
        "flow",
        "quarter",
    ]
    # blank cells of an indicator already there keep what it was
    assert shown.loc["CNS_TO"][["name", "kind", "direction"]].tolist() == [
        "Tổ công nghệ số",
        "stock",
        "down",
    ]
    groups = catalog.indicator_groups(cur).set_index("code")
    assert groups.loc["KTS", "name"] == "Kinh tế số"
    # the snapshot knows the new indicators and the turned direction at once
    view = progress.progress(cur, must_parse("2022-06"), by="unit")
    assert {"DVC_TT", "DN_SO"} <= set(view["indicator_code"])
    assert set(view.loc[view["indicator_code"] == "CNS_TO", "direction"]) == {"down"}
    entry = auditlog.entries(cur).iloc[0]
    assert entry["action"] == "import_indicators"
    assert "CNS_TO: tên: Chỉ tiêu CNS_TO → Tổ công nghệ số" in entry["detail"]
    assert "chiều đánh giá: Càng cao càng tốt → Càng thấp càng tốt" in entry["detail"]
    again = read(province, data, "chi_tieu.xlsx")
    assert again.summary() == "0 mới, 0 thay đổi, 4 không đổi"
    indicator_list.write(province, LOCAL_OPERATOR, again)  # nothing to do: nothing recorded
    assert auditlog.entries(cur).iloc[0]["detail"] == entry["detail"]


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        (",Tên,G,,%,Tỷ lệ,Tháng,", "A (ma_chi_tieu)", "Thiếu mã chỉ tiêu"),
        ("CHỈ_TIÊU,Tên,G,,%,Tỷ lệ,Tháng,", "A (ma_chi_tieu)", "Mã chỉ tiêu không hợp lệ"),
        ("NEW,,G,,%,Tỷ lệ,Tháng,", "B (ten_chi_tieu)", "Thiếu tên chỉ tiêu"),
        ("NEW,Tên,,,%,Tỷ lệ,Tháng,", "C (ma_nhom)", "Chỉ tiêu mới NEW cần nhóm"),
        ("NEW,Tên,G,,,Tỷ lệ,Tháng,", "E (don_vi_do)", "Chỉ tiêu mới NEW cần đơn vị đo"),
        ("NEW,Tên,G,,%,,Tháng,", "F (cach_tong_hop)", "Chỉ tiêu mới NEW cần cách tổng hợp"),
        ("NEW,Tên,G,,%,Tỷ lệ,,", "G (tan_suat)", "Chỉ tiêu mới NEW cần tần suất"),
        ("NEW,Tên,Nhóm số 9,,%,Tỷ lệ,Tháng,", "C (ma_nhom)", "Không có nhóm «Nhóm số 9»"),
        ("NEW,Tên,KTS,,%,Tỷ lệ,Tháng,", "C (ma_nhom)", "Nhóm KTS chưa có: ghi tên nhóm"),
        ("NEW,Tên,G,,Cái,Tỷ lệ,Tháng,", "E (don_vi_do)", "Không hiểu đơn vị đo này"),
        ("NEW,Tên,G,,%,Trung bình,Tháng,", "F (cach_tong_hop)", "Không hiểu cách tổng hợp"),
        ("NEW,Tên,G,,%,Tỷ lệ,Tuần,", "G (tan_suat)", "Không hiểu tần suất này: ghi một trong"),
        ("NEW,Tên,G,,%,Tỷ lệ,Tháng,ngang", "H (chieu)", "Không hiểu chiều đánh giá"),
        ("NEW,Tên,G,,Số lượng,Tỷ lệ,Tháng,", None, "Chỉ tiêu tỷ lệ (tử số ÷ mẫu số) phải đo"),
        # CNS_TO has figures, read as a stock count each month
        ("CNS_TO,Tên,G,,,Phát sinh,,", None, "Chỉ tiêu CNS_TO đã có số liệu nên không đổi"),
        (
            "CNS_TO,Tên,G,,,,Quý,",
            None,
            "Chỉ tiêu CNS_TO đã có số liệu nên không đổi được tần suất:",
        ),
    ],
)
def test_each_bad_line_is_named_with_its_fix_and_nothing_is_written(
    province, line, column, message
):
    listed = read(province, f"{HEADER}\n{line}\nOK_A,Tên A,G,,%,Tỷ lệ,Tháng,\n")
    assert not listed.ok
    assert len(listed.problems) == 1
    error = listed.problems.iloc[0]
    assert error["row"] == 2
    assert (error["column"] if isinstance(error["column"], str) else None) == column
    assert error["message"].startswith(message)
    with pytest.raises(catalog.CatalogueError):
        indicator_list.write(province, LOCAL_OPERATOR, listed)
    assert codes(province) == ["CNS_TO"]


def test_every_problem_of_a_line_is_named_at_once(province):
    listed = read(province, f"{HEADER}\nNEW,,ZZ,,Cái,Trung bình,Tuần,\n")
    assert list(listed.problems["column"]) == [
        "B (ten_chi_tieu)",
        "C (ma_nhom)",
        "E (don_vi_do)",
        "F (cach_tong_hop)",
        "G (tan_suat)",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ho_ten,so_dien_thoai\nA,1\n", "Không tìm thấy dòng tiêu đề"),
        (f"{HEADER}\n", "Không có chỉ tiêu nào dưới dòng tiêu đề"),
    ],
)
def test_a_file_that_is_not_a_list_of_indicators_says_what_it_needs(province, text, message):
    listed = read(province, text)
    assert not listed.ok and message in listed.problems.iloc[0]["message"]


def test_the_same_indicator_twice_names_its_first_line(province):
    listed = read(province, f"{HEADER}\nNEW,Tên,G,,%,Tỷ lệ,Tháng,\nnew,Tên,G,,%,Tỷ lệ,Tháng,\n")
    assert listed.problems.iloc[0]["message"] == (
        "Chỉ tiêu NEW đã có ở dòng 2: mỗi chỉ tiêu một dòng."
    )


def test_an_indicator_without_figures_may_still_change_how_it_is_read(province):
    catalogue_file = f"{HEADER}\nNEW,Tên,G,,Số lượng,Lũy kế,Tháng,\n"
    indicator_list.write(province, LOCAL_OPERATOR, read(province, catalogue_file))
    listed = read(province, f"{HEADER}\nNEW,Tên,G,,%,Tỷ lệ,Quý,\n")
    assert listed.ok, listed.problems
    assert listed.rows.iloc[0]["before"] == (
        "đơn vị đo: Số lượng → Tỷ lệ (%); cách tổng hợp: Lũy kế (số cuối kỳ) → Tỷ lệ (tử số ÷ "
        "mẫu số); tần suất: Tháng → Quý"
    )


def test_only_the_department_loads_indicators(province):
    listed = read(province, f"{HEADER}\nNEW,Tên,G,,%,Tỷ lệ,Tháng,\n")
    with pytest.raises(PermissionError):
        indicator_list.write(province, VIEWER, listed)
    assert codes(province) == ["CNS_TO"]


def test_the_downloaded_list_loads_back_unchanged(province, tmp_path):
    listed = read(
        province,
        "ma_chi_tieu,ten_chi_tieu,ma_nhom,ten_nhom,don_vi_do,cach_tong_hop,tan_suat,mo_ta\n"
        "DIEM,Chỉ số hài lòng,HL,Hài lòng,Điểm,Chỉ số điểm,Năm,Khảo sát cuối năm\n",
    )
    indicator_list.write(province, LOCAL_OPERATOR, listed)
    cur = province.cursor()
    frame = indicator_list.as_file(catalog.indicators(cur), catalog.indicator_groups(cur))
    assert frame.iloc[-1].to_dict() == {
        "ma_chi_tieu": "DIEM",
        "ten_chi_tieu": "Chỉ số hài lòng",
        "ten_rut_gon": "Chỉ số hài lòng",
        "ma_nhom": "HL",
        "ten_nhom": "Hài lòng",
        "don_vi_do": "Điểm (0–100)",
        "cach_tong_hop": "Chỉ số điểm",
        "chieu_danh_gia": "Càng cao càng tốt",
        "tan_suat": "Năm",
        "mo_ta": "Khảo sát cuối năm",
        "can_cu": None,
    }
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"chi_tieu{suffix}"
        export.write_table(frame, path)
        back = read(province, path.read_bytes(), path.name)
        assert back.ok and back.summary() == "0 mới, 0 thay đổi, 2 không đổi"
