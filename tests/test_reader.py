"""Reading files: encodings, delimiters, workbooks, and the files refused outright."""

import io

import pytest
from openpyxl import Workbook

from dashboard.reader import FileRejected, Limits, decode, read


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
    assert sheet.rows[2] == ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]
    assert sheet.row_numbers[2] == 3
    assert sheet.decimal_comma == (delimiter == ";")


def test_row_numbers_follow_the_file_with_quoted_line_breaks():
    text = 'a,b\n"x\ny",1\nz,2\n'
    sheet = read(text.encode(), "x.csv", Limits())[0]
    assert sheet.row_numbers == [1, 2, 4]


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
    assert sheets[1].rows[1] == ["HOIAN", 82.5]
    assert sheets[1].row_numbers == [1, 2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Tệp rỗng"),
        (b"\xef\xbb\xbf\r\n", "Tệp rỗng"),
        (b"x" * 2048, "vượt giới hạn 0 MB"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
        (b"PK\x03\x04junk", "Không mở được tệp Excel"),
        (b"a\x00b\x00c", "nhị phân"),
    ],
)
def test_refused_files(data, message):
    with pytest.raises(FileRejected, match=message):
        read(data, "x.csv", Limits(max_bytes=1024))
