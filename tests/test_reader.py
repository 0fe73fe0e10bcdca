"""Reading files: encodings, delimiters, workbooks, and the files refused outright."""

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import xlrd
import xlwt
from hypothesis import given, settings
from hypothesis import strategies as st
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook
from openpyxl.styles import Font

from dashboard import reader
from dashboard.reader import FileRejected, Limits, Sheet, decode, read

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_encodings_decode_to_nfc():
    text = "Hội An;Điện Bàn\n"
    assert decode(text.encode("utf-8"))[0] == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode(text.encode("utf-16")) == (text, "utf-16")
    from fixtures.make_fixtures import windows_1258

    decoded, encoding = decode(windows_1258(text * 20))
    assert decoded == text * 20 and encoding == "cp1258"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_sniffed_even_below_title_rows(delimiter):
    body = delimiter.join(["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]) + "\n"
    body += delimiter.join(["HOIAN", "CNS_TO", "2022-06", "5"]) + "\n"
    sheet = read(("BÁO CÁO THÁNG 6\n\n" + body).encode(), "x.csv", Limits())[0]
    assert sheet.details["delimiter"] == delimiter
    assert sheet.row(2) == ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]
    assert sheet.row_numbers[2] == 3
    assert sheet.decimal_comma == (delimiter == ";")


def test_row_numbers_follow_the_file_with_quoted_line_breaks():
    text = 'a,b\n"x\ny",1\nz,2\n'
    sheet = read(text.encode(), "x.csv", Limits())[0]
    assert sheet.row_numbers == [1, 2, 4]


def _by_csv_module(text: str, delimiter: str) -> tuple[list[list], list[int]]:
    """The columns and line numbers of the rows as the csv module reads them."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, numbers, line = [], [], 0
    for record in rows:
        records.append(record)
        numbers.append(line + 1)
        line = rows.line_num
    sheet = Sheet.from_rows("t", records, numbers)
    return [list(column) for column in sheet.columns], numbers


@st.composite
def csv_texts(draw) -> tuple[str, str]:
    """Quote-free CSV text: mostly lines of one width, some empty or short, any line endings,
    cells with spaces, other delimiters and Vietnamese letters."""
    delimiter = draw(st.sampled_from(reader.DELIMITERS))
    width = draw(st.integers(1, 4))
    cell = st.text(alphabet="ab1 ,;\tễ\xa0\u3000".replace(delimiter, ""), max_size=4)
    lines = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=8))
    if draw(st.booleans()):  # an empty, short or long line somewhere
        odd = draw(st.lists(cell, max_size=width + 1))
        lines.insert(draw(st.integers(0, len(lines))), odd)
    ends = st.sampled_from(["\n", "\r\n", "\r"])
    endings = draw(st.lists(ends, min_size=len(lines), max_size=len(lines)))
    text = "".join(delimiter.join(cells) + end for cells, end in zip(lines, endings, strict=True))
    return (text if draw(st.booleans()) else text.rstrip("\r\n")), delimiter


@settings(max_examples=400, deadline=None)
@given(case=csv_texts())
def test_arrow_reads_a_csv_without_quotes_as_the_csv_module_does(case):
    text, delimiter = case
    fast = reader._arrow_columns(text, delimiter)
    if fast is None:  # quotes, lines of different lengths or no delimiter: the csv module's
        return
    columns, numbers = _by_csv_module(text, delimiter)
    assert [list(column) for column in fast] == columns
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("a;b\r\n x ;\r\n;y\r\n", True),
        ("a,b\n1,2", True),
        ("a,b\n\n1,2\n", True),  # an empty line is a row of empty cells
        ("a,b\n1\n", False),  # a line that stops short
        ('a,b\n"1,5",2\n', False),  # quotes
        ('a,b\n"x",2\n', False),
        ("TITLE\na,b\n1,2\n", False),  # a title line of one cell
    ],
)
def test_which_csv_files_arrow_reads(text, fast):
    delimiter = ";" if ";" in text else ","
    columns = reader._arrow_columns(text, delimiter)
    assert (columns is not None) == fast
    sheet = read(text.encode(), "x.csv", Limits())[0]
    assert [list(column) for column in sheet.columns] == _by_csv_module(text, delimiter)[0]


def test_workbook_sheets_and_percent_cells():
    book = Workbook()
    book.active.title = "Hướng dẫn"
    book.active["A1"] = "Xem trang sau"
    data = book.create_sheet("Số liệu")
    data.append(["ma_don_vi", "gia_tri"])
    data.append(["HOIAN", 0.825])
    data["B2"].number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    sheets = read(out.getvalue(), "x.xlsx", Limits())
    assert [s.name for s in sheets] == ["Hướng dẫn", "Số liệu"]
    # a sheet's name was chosen by a person, and may name its period; a CSV's is its file's
    assert [s.tab for s in sheets] == [True, True]
    assert not read(b"ma_don_vi,gia_tri\nHOIAN,1\n", "T9.csv", Limits())[0].tab
    assert sheets[1].row(1) == ["HOIAN", 82.5]
    assert sheets[1].row_numbers == [1, 2]


def test_a_macro_enabled_workbook_is_read_as_its_sheets_and_its_macros_never_run():
    """A province's form may be an .xlsm: its workbook part has another content type and a
    vbaProject.bin beside it, which is neither read nor run."""
    book = Workbook()
    book.active.append(["ma_don_vi", "gia_tri"])
    book.active.append(["HOIAN", 45])
    plain = io.BytesIO()
    book.save(plain)
    members = {}
    with zipfile.ZipFile(plain) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    members["[Content_Types].xml"] = (
        members["[Content_Types].xml"]
        .replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        .replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b"</Types>",
        )
    )
    assert b"macroEnabled" in members["[Content_Types].xml"]
    members["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (sheet,) = read(_zip(members), "bao_cao.xlsm", Limits())
    assert sheet.row(1) == ["HOIAN", 45]


def test_a_hidden_sheet_is_marked_in_xlsx_and_xls():
    book = Workbook()
    book.active.title = "Báo cáo"
    for name, state in (("Dữ liệu gốc", "hidden"), ("DM", "veryHidden")):
        book.create_sheet(name).sheet_state = state
    out = io.BytesIO()
    book.save(out)
    assert [s.hidden for s in read(out.getvalue(), "x.xlsx", Limits())] == [False, True, True]
    old = xlwt.Workbook()
    old.add_sheet("Báo cáo").write(0, 0, "x")
    hidden = old.add_sheet("Dữ liệu gốc")
    hidden.write(0, 0, "y")
    hidden.visibility = 1
    out = io.BytesIO()
    old.save(out)
    assert [s.hidden for s in read(out.getvalue(), "x.xls", Limits())] == [False, True]


def _formula_book(result: bytes | None) -> bytes:
    """A workbook whose B2 is =100+35, its result saved as `result` (None: no result, as a
    program that does not calculate saves it; Excel saves the result)."""
    book = Workbook()
    book.active.append(["ma_don_vi", "gia_tri"])
    book.active.append(["HOIAN", "=100+35"])
    out = io.BytesIO()
    book.save(out)
    if result is None:
        return out.getvalue()
    source, saved = zipfile.ZipFile(out), io.BytesIO()
    with zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<v></v>", b"<v>" + result + b"</v>")
            target.writestr(item, body)
    return saved.getvalue()


def test_a_formula_is_read_as_its_saved_result_or_else_as_the_formula():
    assert read(_formula_book(b"135"), "x.xlsx", Limits())[0].row(1) == ["HOIAN", 135]
    # with no result saved, the cell is not empty: it holds a formula to be refused as one
    assert read(_formula_book(None), "x.xlsx", Limits())[0].row(1) == ["HOIAN", "=100+35"]


def xls_bytes(write) -> bytes:
    """An Excel 97–2003 workbook as old Excel saves it, its sheets written by `write(book)`."""
    book = xlwt.Workbook(encoding="utf-8")
    write(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_97_2003_workbook_is_read_as_a_newer_one():
    def write(book):
        book.add_sheet("Hướng dẫn").write(0, 0, "Xem trang sau")
        sheet = book.add_sheet("Số liệu")
        sheet.write_merge(0, 0, 0, 3, "BÁO CÁO THÁNG 7/2022")  # across one row: not listed
        for column, header in enumerate(["Mã đơn vị", "Kỳ báo cáo", "Giá trị", "Ghi chú"]):
            sheet.write(1, column, header)
        sheet.write_merge(2, 3, 0, 0, "HOIAN")  # down over two lines: listed
        month = xlwt.easyxf(num_format_str="mm/yyyy")
        sheet.write(2, 1, datetime(2022, 7, 1), month)
        sheet.write(2, 2, 140)
        sheet.write(2, 3, "  Tổ mới  ")
        sheet.write(3, 2, 0.825, xlwt.easyxf(num_format_str="0.0%"))
        sheet.write(3, 3, xlwt.Formula("1/0"))

    sheets = read(xls_bytes(write), "bao_cao.xls", Limits())
    assert [s.name for s in sheets] == ["Hướng dẫn", "Số liệu"]
    assert all(s.tab for s in sheets)
    sheet = sheets[1]
    assert sheet.row_numbers == [1, 2, 3, 4]
    assert sheet.row(1) == ["Mã đơn vị", "Kỳ báo cáo", "Giá trị", "Ghi chú"]
    assert sheet.row(2) == ["HOIAN", datetime(2022, 7, 1), 140, "Tổ mới"]
    # the percent as the sheet shows it; a formula saved without its result is an empty cell
    assert sheet.row(3) == [None, None, 82.5, None]
    assert sheet.merged == [(0, 3, 0, 4)]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        (  # an OpenDocument spreadsheet is read; a broken one is refused saying what to do
            {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<a"},
            "^Không đọc được tệp bảng tính OpenDocument \\(.ods\\): tệp hỏng, .*kiểu «Excel "
            "2007-365 \\(.xlsx\\)»",
        ),
        (
            {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
            "^Không đọc được tệp bảng tính OpenDocument \\(.ods\\): tệp hỏng",
        ),
        ({"xl/workbook.bin": b"", "[Content_Types].xml": b""}, "^Tệp là Excel Binary \\(.xlsb\\)"),
        ({"word/document.xml": b"", "[Content_Types].xml": b""}, "^Tệp là văn bản Word"),
        # a text document of LibreOffice is no spreadsheet: only "cannot open"
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "^Không mở được tệp Excel"),
    ],
)
def test_other_programs_spreadsheets_are_refused_saying_how_to_save_them(members, message):
    with pytest.raises(FileRejected, match=message):
        read(_zip(members), "bao_cao.ods", Limits())


@pytest.mark.parametrize(
    ("data", "message", "limit"),
    [
        (b"", "Tệp rỗng", 1024),
        (b"\xef\xbb\xbf\r\n", "Tệp rỗng", 1024),
        (b"x" * 2048, "vượt giới hạn 0 MB", 1024),
        (b"x" * 700 * 1024, "Tệp lớn 0,7 MB, vượt giới hạn 0,5 MB. Chia thành", 512 * 1024),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1junk", "Không mở được tệp Excel 97–2003", 1024),
        (b"PK\x03\x04junk", "Không mở được tệp Excel", 1024),
        (b"a\x00b\x00c", "nhị phân", 1024),
        # what a report is often sent as instead of its table
        (b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "^Tệp là PDF \\(bản in hoặc bản quét", 1024),
        (b"\x89PNG\r\n\x1a\n", "^Tệp là ảnh \\(PNG\\): không đọc được số liệu", 1024),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "^Tệp là ảnh \\(JPEG\\)", 1024),
        # a month's reports zipped together: each is to be sent by itself
        (b"Rar!\x1a\x07\x01\x00", "^Tệp là tệp nén RAR, không phải bảng tính. Giải nén", 1024),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "^Tệp là tệp nén 7z, không phải bảng tính.", 1024),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1junk" + "WordDocument".encode("utf-16-le"),
            "^Tệp là văn bản Word: không đọc số liệu trong văn bản. Chép bảng",
            1024,
        ),
    ],
)
def test_refused_files(data, message, limit):
    with pytest.raises(FileRejected, match=message):
        read(data, "x.csv", Limits(max_bytes=limit))


def test_characters_that_show_as_nothing_are_dropped_from_every_kind_of_file():
    """A code pasted from a web page or a chat keeps a zero-width space, a word joiner, a soft
    hyphen or a byte-order mark: the cell is read as it looks."""
    rows = [
        ["ma_don_vi", "ma_chi_tieu", "gia_tri"],
        ["HOIAN\u200b", "\ufeffCNS_TO", "14\u20600"],
        ["TAM\u00adKY", "CNS\u200c_TO\u200d", "Hội An\u200b"],
    ]
    seen = [["HOIAN", "CNS_TO", "140"], ["TAMKY", "CNS_TO", "Hội An"]]
    text = "\n".join(",".join(row) for row in rows) + "\n"
    book = Workbook()
    for row in rows:
        book.active.append(row)
    workbook = io.BytesIO()
    book.save(workbook)
    for data, name in [
        (text.encode(), "up.csv"),
        (text.encode("utf-16"), "up.txt"),
        (workbook.getvalue(), "up.xlsx"),
    ]:
        (sheet,) = read(data, name, Limits())
        assert [sheet.row(1), sheet.row(2)] == seen, name


def _zip_of_raw_names(raw_names: list[bytes]) -> bytes:
    """A zip of files whose names are the bytes given, not marked as UTF-8, as older tools
    write them."""
    placeholders = [b"x" * (len(raw) - 1) + str(i).encode() for i, raw in enumerate(raw_names)]
    data = _zip({p.decode(): b"so lieu" for p in placeholders})
    for placeholder, raw in zip(placeholders, raw_names, strict=True):
        data = data.replace(placeholder, raw)  # in the local header and the central directory
    return data


@pytest.mark.parametrize(
    ("data", "listed"),
    [
        (  # names marked as UTF-8, in folders
            _zip({"T7/Hội An.xlsx": b"x", "T7/": b"", "T7/Điện Bàn.csv": b"y"}),
            "(trong đó có 2 tệp: Hội An.xlsx, Điện Bàn.csv)",
        ),
        (  # not marked, UTF-8 all the same; and in Windows' Vietnamese code page
            _zip_of_raw_names(
                ["Hội An.xlsx".encode(), "T\u00f4\u0309ng h\u01a1\u0323p.csv".encode("cp1258")]
            ),
            "(trong đó có 2 tệp: Hội An.xlsx, Tổng hợp.csv)",
        ),
        (
            _zip({f"{n}.xlsx": b"x" for n in range(1, 8)}),
            "(trong đó có 7 tệp: 1.xlsx, 2.xlsx, 3.xlsx, 4.xlsx, 5.xlsx, …)",
        ),
    ],
)
def test_a_zip_of_files_is_refused_naming_the_files_to_send_one_by_one(data, listed):
    with pytest.raises(FileRejected) as refused:
        read(data, "bao_cao_thang_7.zip", Limits())
    assert str(refused.value) == (
        f"Tệp là tệp nén ZIP, không phải bảng tính {listed}. Giải nén rồi gửi từng tệp Excel "
        "(.xlsx) hoặc CSV trong đó."
    )


_EXPORTED_PAGE = """<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<table border="1"><tr><td colspan="3">BÁO CÁO THÁNG 8 NĂM 2022</td></tr>
<tr><th>Đơn vị</th><th>Chỉ tiêu</th><th>Giá trị</th></tr>
<tr><td rowspan="2">HOIAN</td><td>CNS_TO</td><td>1.234</td></tr>
<tr><td>CSDL_DUNGCHUNG</td><td>82,5</td></tr></table>"""


@pytest.mark.parametrize(
    "data",
    [
        _EXPORTED_PAGE.encode("utf-8"),
        b"\xef\xbb\xbf" + _EXPORTED_PAGE.encode("utf-8"),
        _EXPORTED_PAGE.encode("utf-16"),
    ],
)
def test_a_web_page_saved_as_xls_is_read_as_the_table_it_shows(data):
    (sheet,) = read(data, "baocao.xls", Limits())
    assert (sheet.name, sheet.tab, sheet.details["format"]) == ("baocao.xls", False, "html")
    assert [sheet.row(i) for i in range(4)] == [
        ["BÁO CÁO THÁNG 8 NĂM 2022", None, None],
        ["Đơn vị", "Chỉ tiêu", "Giá trị"],
        ["HOIAN", "CNS_TO", "1.234"],
        [None, "CSDL_DUNGCHUNG", "82,5"],
    ]
    assert (sheet.row_numbers, sheet.merged) == ([1, 2, 3, 4], [(0, 3, 0, 4)])
    assert sheet.decimal_comma  # a Vietnamese page's 1.234 is a thousand two hundred


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (  # cut short
            '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
            "<Worksheet><Table><Row>",
            "^Không mở được tệp Excel XML 2003 \\(Unreadable\\): tệp hỏng hoặc không phải bảng "
            "tính XML",
        ),
        (  # a row past any sheet's last, which would be a billion empty rows
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
            '<Row Index="999999999"/></Table></Worksheet></Workbook>',
            "^Không mở được tệp Excel XML 2003 \\(Unreadable\\)",
        ),
        (
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
            '<Row><Cell Index="x"/></Row></Table></Worksheet></Workbook>',
            "^Không mở được tệp Excel XML 2003 \\(Unreadable\\)",
        ),
        (  # a merge over a whole sheet, which would take hours to lay out
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
            '<Row><Cell MergeAcross="16000" MergeDown="1000000"/></Row></Table></Worksheet>'
            "</Workbook>",
            "^Không mở được tệp Excel XML 2003 \\(Unreadable\\)",
        ),
        (
            "<html><body><p>Không có dữ liệu</p><table><tr><td> </td></tr></table></body></html>",
            "^Tệp là trang web \\(HTML\\) nhưng không có bảng nào có chữ hay số",
        ),
    ],
)
def test_a_page_or_xml_workbook_that_cannot_be_read_is_refused_saying_what_to_do(text, message):
    with pytest.raises(FileRejected, match=message):
        read(text.encode(), "baocao.xls", Limits())


def test_an_xml_spreadsheet_2003_is_read_as_excel_shows_it():
    # what older systems export as .xls: Excel's XML Spreadsheet, its rows and cells placed by
    # index, merges, percent styles, a hidden sheet
    text = """<?xml version="1.0" encoding="utf-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="p1"><NumberFormat ss:Format="0.0%"/></Style>
  <Style ss:ID="p2"><NumberFormat ss:Format="Percent"/></Style></Styles>
 <Worksheet ss:Name="T11"><Table>
  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">BÁO CÁO THÁNG 11/2022</Data></Cell></Row>
  <Row ss:Index="3"><Cell><Data ss:Type="String">ma_don_vi</Data></Cell>
   <Cell><Data ss:Type="String">ma_chi_tieu</Data></Cell>
   <Cell><Data ss:Type="String">gia_tri</Data></Cell>
   <Cell><Data ss:Type="String">ngay</Data></Cell></Row>
  <Row><Cell ss:MergeDown="1"><Data ss:Type="String">HOIAN</Data></Cell>
   <Cell><Data ss:Type="String">CNS_TO</Data></Cell><Cell><Data ss:Type="Number">146</Data></Cell>
   <Cell><Data ss:Type="DateTime">2022-11-30T00:00:00.000</Data></Cell></Row>
  <Row><Cell ss:Index="2"><Data ss:Type="String">A</Data></Cell>
   <Cell ss:StyleID="p1"><Data ss:Type="Number">0.815</Data></Cell></Row>
  <Row><Cell ss:Index="2"><Data ss:Type="String">B</Data></Cell>
   <Cell ss:StyleID="p2"><Data ss:Type="Number">0.72</Data></Cell></Row>
 </Table></Worksheet>
 <Worksheet ss:Name="Ẩn"><Table/>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
   <Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
</Workbook>"""
    shown, hidden = read(text.encode("utf-8"), "bao_cao.xls", Limits())
    assert (shown.name, shown.tab, shown.hidden, hidden.name, hidden.hidden) == (
        "T11",
        True,
        False,
        "Ẩn",
        True,
    )
    assert [shown.row(i) for i in range(6)] == [
        ["BÁO CÁO THÁNG 11/2022", None, None, None],
        [None, None, None, None],
        ["ma_don_vi", "ma_chi_tieu", "gia_tri", "ngay"],
        ["HOIAN", "CNS_TO", 146.0, datetime(2022, 11, 30)],
        [None, "A", 81.5, None],
        [None, "B", 72.0, None],
    ]
    assert (shown.row_numbers, shown.merged) == ([1, 2, 3, 4, 5, 6], [(0, 4, 0, 5)])


def test_an_opendocument_spreadsheet_is_read_as_each_of_its_sheets():
    (shown, hidden) = read(
        (FIXTURES / "quangnam_2022-07_libreoffice.ods").read_bytes(), "t7.xlsx", Limits()
    )
    assert (shown.name, shown.tab, shown.hidden, shown.details) == (
        "Tháng 7",
        True,
        False,
        {"format": "ods"},
    )
    assert shown.row(3) == ["Hội An", "TTHC_SOHOA", 82.5, 1155.0, 1400.0, None]
    assert (shown.row_numbers, shown.merged) == (list(range(1, 10)), [(0, 4, 0, 5), (0, 6, 0, 7)])
    assert (hidden.name, hidden.hidden, hidden.row(1)) == (
        "Dữ liệu",
        True,
        ["HOIAN", "CNS_TO", "2022-06", 125.0],
    )


def test_an_ods_typed_in_tcvn3_under_its_font_is_read_as_unicode():
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:automatic-styles>'
        '<style:style style:name="ce1" style:family="table-cell"><style:text-properties '
        'style:font-name=".VnTime"/></style:style></office:automatic-styles><office:body>'
        '<office:spreadsheet><table:table table:name="Sheet1"><table:table-row>'
        '<table:table-cell table:style-name="ce1" office:value-type="string">'
        "<text:p>UBND huyÖn Phó Ninh</text:p></table:table-cell>"
        '<table:table-cell office:value-type="string"><text:p>huyÖn</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    data = _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content.encode(),
        }
    )
    (sheet,) = read(data, "phuninh.ods", Limits())
    # the second cell has no legacy font: its text stays as written
    assert (sheet.row(0), sheet.legacy_font) == (["UBND huyện Phú Ninh", "huyÖn"], ".VnTime")


def test_an_ods_past_a_sheets_rows_is_refused_as_too_big():
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="A">'
        '<table:table-row><table:table-cell office:value-type="float" office:value="1"/>'
        '</table:table-row><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
        "</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    data = _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content.encode(),
        }
    )
    with pytest.raises(FileRejected, match="trang «A» dài quá 1.048.576 dòng"):
        read(data, "x.ods", Limits())


def test_an_xml_spreadsheets_entities_are_not_expanded():
    text = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row>'
        '<Cell><Data Type="String">&x;</Data></Cell></Row></Table></Worksheet></Workbook>'
    )
    (sheet,) = read(text.encode(), "x.xls", Limits())
    assert "root:" not in str(sheet.row(0))


def test_workbook_rows_are_numbered_from_the_sheets_first_row_whatever_its_dimension_says():
    book = Workbook()
    book.active["C3"] = "ma_don_vi"  # rows 1-2 empty: the file records its dimension as C3:D4
    book.active["D3"] = "gia_tri"
    book.active["C4"] = "HOIAN"
    out = io.BytesIO()
    book.save(out)
    sheet = read(out.getvalue(), "x.xlsx", Limits())[0]
    assert sheet.row_numbers == [1, 2, 3, 4]
    assert sheet.row(2) == [None, None, "ma_don_vi", "gia_tri"]
    assert sheet.row(3)[2] == "HOIAN"


def test_workbook_cells_merged_over_rows_are_listed():
    book = Workbook()
    for row in (["ma_don_vi", "gia_tri", "ghi_chu"], ["HOIAN", 1, "x"], [None, 2], [None, 3]):
        book.active.append(row)
    book.active.merge_cells("A2:A4")  # down: listed
    book.active.merge_cells("B1:C1")  # across one row: not
    out = io.BytesIO()
    book.save(out)
    assert read(out.getvalue(), "x.xlsx", Limits())[0].merged == [(0, 2, 0, 4)]


def test_merged_ranges_are_read_with_a_namespace_prefix_too():
    xml = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:sheetData><x:row r="1"/></x:sheetData><x:mergeCells count="2">'
        b'<x:mergeCell ref="B5:C8"/><x:mergeCell ref="A1:D1"/></x:mergeCells></x:worksheet>'
    )
    assert reader._merged_rows(xml) == [(1, 5, 2, 8)]


def test_text_typed_in_tcvn3_under_a_vn_font_is_read_as_unicode():
    book = Workbook()
    sheet = book.active
    sheet.append(["B¸O C¸O TH¸NG 7/2022", "Tây Ninh"])
    sheet.append(["Tªn chØ tiªu", "Tây Ninh"])
    sheet["A1"].font = Font(name=".VnTimeH")
    sheet["A2"].font = Font(name=".VnTime")
    out = io.BytesIO()
    book.save(out)
    (read_sheet,) = read(out.getvalue(), "x.xlsx", Limits())
    # text in a Unicode font is read as it is, though it looks like TCVN3 ("â" is "ỏ" there)
    assert read_sheet.row(0) == ["BÁO CÁO THÁNG 7/2022", "Tây Ninh"]
    assert read_sheet.row(1) == ["Tên chỉ tiêu", "Tây Ninh"]
    assert read_sheet.legacy_font == ".VnTime"
    assert read(b"a,b\nTy,1\n", "x.csv", Limits())[0].legacy_font is None


@pytest.mark.parametrize(
    ("typed", "font"), [("UBND huyÖn QuÕ S¬n", ".VnTime"), ("UBND huyeän Queá Sôn", "VNI-Times")]
)
def test_an_excel_97_2003_workbook_in_a_legacy_encoding_is_read_as_unicode(typed, font):
    def write(book):
        sheet = book.add_sheet("Sheet1")
        sheet.write(0, 0, typed, xlwt.easyxf(f"font: name {font}"))
        sheet.write(1, 0, "Tây Ninh", xlwt.easyxf("font: name Times New Roman"))

    (read_sheet,) = read(xls_bytes(write), "x.xls", Limits())
    assert read_sheet.row(0) == ["UBND huyện Quế Sơn"] and read_sheet.row(1) == ["Tây Ninh"]
    assert read_sheet.legacy_font == font


def test_a_workbook_saved_with_a_password_to_open_says_to_remove_it():
    """As Excel encrypts an .xlsx given a password to open (File → Info → Protect Workbook)."""
    book = Workbook()
    book.active.append(["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"])
    plain, locked = io.BytesIO(), io.BytesIO()
    book.save(plain)
    plain.seek(0)
    OOXMLFile(plain).encrypt("matkhau", locked)
    with pytest.raises(FileRejected, match="^Tệp có đặt mật khẩu để mở: .* xóa mật khẩu"):
        read(locked.getvalue(), "bao_cao.xlsx", Limits())


def test_an_xls_with_a_password_says_to_remove_it(monkeypatch):
    """xlrd reads no .xls saved with a password, and says why; nothing writes one in Python."""

    def refuse(**_):
        raise xlrd.XLRDError("Workbook is encrypted")

    monkeypatch.setattr(xlrd, "open_workbook", refuse)
    with pytest.raises(FileRejected, match="^Tệp có đặt mật khẩu để mở"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1junk", "bao_cao.xls", Limits())


def test_an_ods_saved_with_a_password_says_to_remove_it():
    """LibreOffice's "Save with password": the manifest says how each member was encrypted."""
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="AES256-CBC"/></manifest:encryption-data>'
        "</manifest:file-entry></manifest:manifest>"
    )
    members = {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "META-INF/manifest.xml": manifest.encode(),
        "content.xml": b"\x8f\x13 encrypted bytes",
    }
    with pytest.raises(FileRejected, match="^Tệp có đặt mật khẩu để mở"):
        read(_zip(members), "bao_cao.ods", Limits())


def test_a_sheet_protected_from_edits_is_read_as_any_other():
    book = Workbook()
    book.active.append(["ma_don_vi", "gia_tri"])
    book.active.append(["HOIAN", 5])
    book.active.protection.sheet = True
    book.active.protection.password = "khoa"
    out = io.BytesIO()
    book.save(out)
    (sheet,) = read(out.getvalue(), "bao_cao.xlsx", Limits())
    assert sheet.row(1) == ["HOIAN", 5]
