"""A catalogue list's lines: found under a header row below any title, blank lines left out,
each cell trimmed and placed by its spreadsheet row and column."""

import pandas as pd
import pytest

from dashboard import catalogue_file
from dashboard.problems import Problems

FIELDS = {"code": ("ma", "code"), "name": ("ten", "name"), "note": ("ghichu",)}


def lines(text: str, name: str = "list.csv"):
    problems = Problems()
    found = catalogue_file.lines(
        text.encode(), name, None, FIELDS, {"code", "name"}, "Không có tiêu đề.", "dòng", problems
    )
    return found, problems.frame()


def test_lines_under_a_header_below_a_title_keep_their_rows_and_columns():
    found, problems = lines("DANH SÁCH\n\nSTT,Mã,Tên\n1, A1 ,Xã   Một\n,,\n2,B2,Xã Hai\n")
    assert problems.empty
    assert found.header_row == 3 and found.columns == {"code": 1, "name": 2}
    assert found.frame[["source_row", "code", "name", "note"]].to_dict("records") == [
        {"source_row": 4, "code": "A1", "name": "Xã Một", "note": None},
        {"source_row": 6, "code": "B2", "name": "Xã Hai", "note": None},
    ]
    assert found.frame["name_column"].iloc[0] == "C (Tên)"


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("Họ tên,Điện thoại\nA,1\n", "list.csv", "Không có tiêu đề."),
        ("Mã,Tên\n", "list.csv", "Không có dòng nào dưới dòng tiêu đề."),
        ("", "list.csv", "Tệp rỗng"),
    ],
)
def test_a_file_without_lines_to_read_says_why(text, name, message):
    found, problems = lines(text, name)
    assert found is None
    assert list(problems["severity"]) == ["error"] and message in problems.iloc[0]["message"]


def test_each_error_of_a_line_is_placed_at_its_cell():
    problems = Problems()
    line = {"source_row": 7, "code": "x", "code_column": "B (Mã)"}
    catalogue_file.add_errors(problems, line, [("code", "Sai mã."), (None, "Sai dòng.")])
    frame = problems.frame()
    assert frame[["row", "column", "value", "message"]].values.tolist() == [
        [7, "B (Mã)", "x", "Sai mã."],
        [7, None, None, "Sai dòng."],
    ]


def test_a_parent_is_found_by_its_code_its_name_or_as_a_new_one_named_in_the_file():
    frame = pd.DataFrame(
        {"group": ["g", "KTS", "KTS", "Khác"], "group_name": [None, None, "Kinh tế số", None]}
    )
    known = pd.DataFrame({"code": ["G", "DVC"], "name": ["Nhóm G", "Dịch vụ công"]})
    parents = catalogue_file.Parents.of(frame, known, "group", "nhóm", "ten_nhom")
    assert parents.find("g") == ("G", None)
    assert parents.find("dịch  vụ công") == ("DVC", None)
    assert parents.find("kts") == ("KTS", None)  # named on a later line
    assert parents.find("NEW") == (
        None,
        "Nhóm NEW chưa có: ghi tên nhóm vào cột ten_nhom để tạo nhóm mới.",
    )
    assert parents.find("Khác") == (
        None,
        "Không có nhóm «Khác»: ghi mã nhóm đã có (G, DVC) hoặc mã nhóm mới kèm cột ten_nhom.",
    )
    assert parents.fresh().to_dict("records") == [{"code": "KTS", "name": "Kinh tế số"}]


def test_a_code_is_there_well_formed_and_on_one_line_only():
    first: dict[str, int] = {}
    assert catalogue_file.code_error("xa_a", first, 2, "đơn vị", "HOIAN") is None
    assert first == {"XA_A": 2}
    assert catalogue_file.code_error("XA_A", first, 5, "đơn vị", "HOIAN") == (
        "Đơn vị XA_A đã có ở dòng 2: mỗi đơn vị một dòng."
    )
    assert catalogue_file.code_error(None, first, 6, "đơn vị", "HOIAN") == (
        "Thiếu mã đơn vị: ghi mã vào ô này."
    )
    assert catalogue_file.code_error("Xã A", first, 7, "chỉ tiêu", "CNS_TO").endswith(
        "(ví dụ CNS_TO)."
    )
