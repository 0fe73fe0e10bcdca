"""Web pages saved as spreadsheets: which texts are pages, and their tables' cells as shown."""

import pytest

from dashboard.html_tables import is_page, rows


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("<html><body><table><tr><td>1</td></tr></table></body></html>", True),
        ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html>', True),
        ('\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n<table>', True),
        ('<table cellspacing="0" rules="all" border="1" id="GridView1">', True),
        ("<!-- xuất từ hệ thống -->\n<TABLE>", True),
        ('<?xml version="1.0" encoding="utf-8"?>\n<html lang="vi">', True),
        ("ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,5", False),
        ("<b>chữ đậm</b> trong một ô,CNS_TO,2022-06,5", False),  # a CSV whose cell has a tag
    ],
)
def test_a_page_is_told_from_a_csv_by_how_it_opens(text, page):
    assert is_page(text) is page


def test_excels_xml_spreadsheet_is_no_page():
    text = (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
        'xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
    )
    assert not is_page(text)


def test_cells_are_placed_where_their_spans_show_them():
    grid, merged = rows(
        "<table>"
        "<tr><td colspan='4'>BÁO CÁO THÁNG 8/2022</td></tr>"
        "<tr><th rowspan='2'>Đơn vị</th><th rowspan='2'>Chỉ tiêu</th>"
        "<th colspan='2'>Kết quả</th></tr>"
        "<tr><th>Tử số</th><th>Mẫu số</th></tr>"
        "<tr><td rowspan='2'>HOIAN</td><td>A</td><td>1.234</td><td>&nbsp;</td></tr>"
        "<tr><td>B</td><td>82,5</td><td></td></tr>"
        "</table>"
    )
    assert grid == [
        ["BÁO CÁO THÁNG 8/2022", None, None, None],
        ["Đơn vị", "Chỉ tiêu", "Kết quả", None],
        [None, None, "Tử số", "Mẫu số"],
        ["HOIAN", "A", "1.234", None],
        [None, "B", "82,5", None],
    ]
    # only spans over several rows are kept, as a workbook's merged cells are
    assert merged == [(0, 2, 0, 3), (1, 2, 1, 3), (0, 4, 0, 5)]


def test_a_line_break_in_a_cell_separates_its_words_and_spaces_are_one():
    grid, _ = rows("<table><tr><td>Tên<br>chỉ   tiêu\n</td><td> <b>Giá</b> trị </td></tr></table>")
    assert grid == [["Tên chỉ tiêu", "Giá trị"]]


def test_only_the_innermost_tables_are_read_one_after_another():
    page = (
        "<html><body><table><tr><td>"
        "<table><tr><td>BÁO CÁO NĂM 2022</td></tr></table>"
        "<table><tr><th>ma_don_vi</th><th>gia_tri</th></tr><tr><td>HOIAN</td><td>5</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    assert rows(page)[0] == [["BÁO CÁO NĂM 2022", None], ["ma_don_vi", "gia_tri"], ["HOIAN", "5"]]


def test_headings_captions_and_lines_of_text_outside_the_tables_are_rows_of_one_cell():
    page = (
        "<html><body><div><h3>UBND THÀNH PHỐ HỘI AN</h3><p>BÁO CÁO <b>THÁNG 9</b> NĂM 2022</p>"
        "</div><div><table><caption>Biểu 01</caption><tr><th>ma_chi_tieu</th><th>gia_tri</th>"
        "</tr><tr><td><div>CNS_TO</div></td><td><p>5</p></td></tr></table></div>"
        "<p>Người lập biểu</p></body></html>"
    )
    assert rows(page)[0] == [
        ["UBND THÀNH PHỐ HỘI AN", None],
        ["BÁO CÁO THÁNG 9 NĂM 2022", None],
        ["Biểu 01", None],
        ["ma_chi_tieu", "gia_tri"],
        ["CNS_TO", "5"],  # a cell's own blocks are its text, not rows
        ["Người lập biểu", None],
    ]


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>Không có dữ liệu</p></body></html>",
        "<html></html>",
        "   ",
    ],
)
def test_a_page_without_a_table_has_no_rows(page):
    assert rows(page) == ([], [])


def test_a_span_that_cannot_be_read_or_goes_past_the_table_is_bounded():
    grid, merged = rows(
        "<table><tr><td colspan='x'>a</td><td rowspan='99999'>b</td></tr>"
        "<tr><td>c</td></tr></table><table><tr><td colspan='5000'>d</td></tr></table>"
    )
    assert grid[:2] == [["a", "b"] + [None] * 998, ["c"] + [None] * 999]
    assert grid[2] == ["d"] + [None] * 999
    assert merged == [(1, 1, 1, 2)]


def test_a_cell_covering_a_huge_block_spans_only_its_own_row():
    lines = "".join("<tr><td>x</td></tr>" for _ in range(200))
    grid, merged = rows(f"<table><tr><td colspan='1000' rowspan='200'>a</td></tr>{lines}</table>")
    assert merged == [] and grid[1][0] == "x"
