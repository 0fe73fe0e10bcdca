"""Uploaded files into cells: CSV in the encodings and delimiters offices produce, XLSX (or
the older XLS or XML Spreadsheet), an OpenDocument spreadsheet, or a web page saved as a
spreadsheet, as columns of cell values (text trimmed, empty cells None) with rows numbered as
the spreadsheet shows them."""

import csv
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import charset_normalizer
import numpy as np
import openpyxl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import xlrd
from openpyxl.utils.cell import range_boundaries

from dashboard import (
    formatting,
    html_tables,
    legacy_text,
    opendocument,
    spans,
    spreadsheet_xml,
)

DELIMITERS = ",;\t"
MB = 1024 * 1024


class FileRejected(Exception):
    """The file as a whole cannot be read; the message says, in Vietnamese, what to do."""


@dataclass(frozen=True)
class Limits:
    """How big an upload may be."""

    max_bytes: int = 10 * MB
    max_rows: int = 100_000

    @classmethod
    def from_env(cls) -> "Limits":
        """Limits from CDS_MAX_UPLOAD_MB and CDS_MAX_UPLOAD_ROWS, else the defaults."""
        mb = os.environ.get("CDS_MAX_UPLOAD_MB")
        rows = os.environ.get("CDS_MAX_UPLOAD_ROWS")
        return cls(
            max_bytes=int(float(mb) * MB) if mb else cls.max_bytes,
            max_rows=int(rows) if rows else cls.max_rows,
        )


@dataclass
class Sheet:
    """The cells of one table by column: `columns[j][i]` is column j of spreadsheet row
    `row_numbers[i]`; text is trimmed, and empty text, a missing cell or NaN is None."""

    name: str
    columns: list[np.ndarray]  # object arrays, each as long as row_numbers
    row_numbers: list[int]
    decimal_comma: bool = False  # a ';' CSV: ',' decimals and '.' thousands
    details: dict = field(default_factory=dict)
    # Merged cells spanning rows, as (first column index, first row number, last column index,
    # last row number): the value is in the first row's cell only, the sheet shows it in all.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # A workbook's sheet, whose name a person chose ("T9", "Quý III"); a CSV's is its file's.
    tab: bool = False
    # The legacy font (.VnTime, VNI-Times) of text typed in its encoding, read as Unicode.
    legacy_font: str | None = None
    hidden: bool = False  # a workbook's sheet its user does not see (hidden, very hidden)
    # The name read as Unicode where a workbook typed in a legacy encoding may have its tab's
    # name typed in it too ("Th¸ng 7", as Windows shows the tab, is "Tháng 7"); see `names`.
    read_name: str | None = None

    @classmethod
    def from_rows(cls, name: str, rows: list[list[object]], row_numbers: list[int], **kwargs):
        """A sheet of raw rows, which may differ in length (a CSV line may stop short)."""
        width = max(map(len, rows), default=0)
        if any(len(row) != width for row in rows):
            rows = [list(row) + [None] * (width - len(row)) for row in rows]
        # numpy turns the rows into columns in one pass (zip(*rows) took ten times as long)
        cells = np.array(rows, dtype=object).reshape(len(rows), width)
        columns = [_trimmed(cells[:, index].tolist()) for index in range(width)]
        return cls(name, columns, row_numbers, **kwargs)

    @property
    def names(self) -> tuple[str, ...]:
        """The readings of the name, as its tab shows it and then read from a legacy encoding:
        a Unicode name ("Tây Giang") may look legacy too, so what it names is looked for in
        each, in turn. Messages quote `name`, as the tab shows it."""
        return (self.name, self.read_name) if self.read_name else (self.name,)

    def row(self, index: int) -> list[object]:
        """The cells of the sheet's `index`-th row, left to right."""
        return [column[index] for column in self.columns]


def _trimmed(column: list) -> np.ndarray:
    """A column's cells with text trimmed, and empty text, missing cells and NaN as None."""
    try:
        # A CSV column is all text: without the type test per cell it takes a third of the time.
        cells = [cell.strip() or None for cell in column]
    except AttributeError:
        cells = [
            (cell.strip() or None)
            if isinstance(cell, str)
            else (None if cell is None or cell != cell else cell)  # NaN is the one cell != itself
            for cell in column
        ]
    out = np.empty(len(cells), dtype=object)
    out[:] = cells
    return out


def read(data: bytes, file_name: str, limits: Limits) -> list[Sheet]:
    """Every table in a CSV, XLSX, XLS or ODS file, or a web page saved as one, whatever its
    extension says; FileRejected when the file is empty, too big, or none of these."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise FileRejected("Tệp rỗng: không có nội dung nào. Chọn lại đúng tệp số liệu.")
    if len(data) > limits.max_bytes:
        raise FileRejected(
            f"Tệp lớn {formatting.number(len(data) / MB, 1)} MB, vượt giới hạn "
            f"{formatting.trimmed(limits.max_bytes / MB, 1)} MB. Chia thành nhiều tệp nhỏ hơn."
        )
    refused = _not_a_table(data)
    if refused:
        raise FileRejected(refused)
    if data[:4] == b"PK\x03\x04":
        book = _read_ods(data) if opendocument.is_spreadsheet(data) else _read_xlsx(data)
        return _tabs_in_legacy_text(book)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # Excel 97–2003, still common
        return _tabs_in_legacy_text(_read_xls(data))
    text, encoding = decode(data)
    text = visible(text)
    if spreadsheet_xml.is_workbook(text):
        return _read_xml_workbook(text)
    if html_tables.is_page(text):
        return [_read_page(text, encoding, file_name)]
    return [_read_csv(text, encoding, file_name)]


def _tabs_in_legacy_text(sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, each name that may be typed in the legacy encoding of the workbook's text
    (its cells under .VnTime or VNI-Times fonts) also read as Unicode, in `read_name`."""
    fonts = {sheet.legacy_font for sheet in sheets if sheet.legacy_font}
    if fonts:
        encoding = legacy_text.encoding_of_font(min(fonts))
        for sheet in sheets:
            if legacy_text.may_be(sheet.name):
                sheet.read_name = legacy_text.as_typed(sheet.name, encoding)
    return sheets


# File names an uploader takes beyond those it lists: a web page (read as its tables), and the
# kinds refused with the reason and what to send instead, so that the reason is told in
# Vietnamese, not as the browser's "not allowed".
OTHER_EXTENSIONS = [
    "htm",
    "html",
    "pdf",
    "doc",
    "docx",
    "png",
    "jpg",
    "jpeg",
    "xlsb",
    "zip",
    "rar",
    "7z",
]
# Files a report is often sent as that hold no table to read: a scan or print, a photo.
_NOT_TABLES = {
    b"%PDF-": "Tệp là PDF (bản in hoặc bản quét của báo cáo)",
    b"\x89PNG": "Tệp là ảnh (PNG)",
    b"\xff\xd8\xff": "Tệp là ảnh (JPEG)",
}
# Archives a month's reports are often sent in, each file inside to be sent by itself.
_ARCHIVES = {b"Rar!\x1a\x07": "RAR", b"7z\xbc\xaf\x27\x1c": "7z"}
WORD_REFUSED = (
    "Tệp là văn bản Word: không đọc số liệu trong văn bản. Chép bảng số liệu sang Excel, lưu dạng "
    "Excel Workbook (.xlsx) rồi gửi, hoặc dùng mẫu nhập liệu tải từ hệ thống."
)


def _not_a_table(data: bytes) -> str | None:
    """Why a PDF, a photo or a Word document cannot be read, and what to send instead."""
    for signature, what in _NOT_TABLES.items():
        if data.startswith(signature):
            return (
                f"{what}: không đọc được số liệu trong đó. Gửi tệp Excel (.xlsx) hoặc CSV của "
                "báo cáo, hoặc dùng mẫu nhập liệu tải từ hệ thống."
            )
    for signature, kind in _ARCHIVES.items():
        if data.startswith(signature):
            return _archive_refused(kind, [])
    return None


def _archive_refused(kind: str, names: list[str]) -> str:
    """Why an archive is not read, naming the files in it when they are known."""
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    inside = f" (trong đó có {formatting.number(len(names))} tệp: {shown})" if names else ""
    return (
        f"Tệp là tệp nén {kind}, không phải bảng tính{inside}. Giải nén rồi gửi từng tệp Excel "
        "(.xlsx) hoặc CSV trong đó."
    )


def _zip_names(archive: zipfile.ZipFile) -> list[str]:
    """The names of the files in a zip; one its maker did not mark as UTF-8 is read as UTF-8
    if it is, else in Windows' Vietnamese code page (zipfile reads it in DOS's, cp437)."""
    names = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = info.filename
        if not info.flag_bits & 0x800:
            raw = name.encode("cp437")
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:
                name = raw.decode("cp1258", errors="replace")
        names.append(unicodedata.normalize("NFC", name.rsplit("/", 1)[-1]))
    return names


def decode(data: bytes) -> tuple[str, str]:
    """Text of a CSV and the encoding it was in, normalised to NFC (Windows-1258 stores
    Vietnamese with combining tone marks)."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text, encoding = data.decode("utf-16"), "utf-16"
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = _legacy(data)
    except UnicodeDecodeError as exc:
        raise FileRejected(
            f"Tệp ghi là {exc.encoding.upper()} nhưng có ký tự hỏng ở byte {exc.start}: mở tệp "
            "trong Excel và lưu lại dạng CSV UTF-8 hoặc Excel Workbook (.xlsx)."
        ) from None
    if "\x00" in text:
        raise FileRejected(
            "Tệp chứa dữ liệu nhị phân, không phải tệp CSV hoặc XLSX. Trong Excel chọn Lưu thành "
            "(Save As) → Excel Workbook (.xlsx) hoặc CSV UTF-8."
        )
    return unicodedata.normalize("NFC", text), encoding


def _legacy(data: bytes) -> tuple[str, str]:
    """A file in a Windows code page. Detection on a few short Vietnamese lines is a guess
    between code pages that all decode them; the contract names Windows-1258 (Excel on a
    Vietnamese Windows), so it wins whenever the detector finds it plausible."""
    plausible = charset_normalizer.from_bytes(data, cp_isolation=["cp1258", "cp1252"])
    encodings = [match.encoding for match in plausible]
    if "cp1258" in encodings:
        return data.decode("cp1258"), "cp1258"
    best = plausible.best() or charset_normalizer.from_bytes(data).best()
    if best is None:
        raise FileRejected(
            "Không đọc được tệp: đây không phải tệp CSV hoặc XLSX. Trong Excel chọn "
            "Lưu thành (Save As) → Excel Workbook (.xlsx) hoặc CSV UTF-8."
        )
    return str(best), best.encoding


def _sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(lines[-30:]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        # Title rows above the header confuse the sniffer: take the delimiter that splits
        # the most lines into the same number of cells.
        def agreement(delimiter: str) -> int:
            counts = [line.count(delimiter) for line in lines if delimiter in line]
            return max((counts.count(c) for c in set(counts)), default=0)

        return max(DELIMITERS, key=agreement)


def _read_page(text: str, encoding: str, file_name: str) -> Sheet:
    """A web page's tables as one sheet. Web systems export a Vietnamese page, so "1.234" is
    read as a CSV written by Excel on a Vietnamese Windows reads it: 1234."""
    rows, merged = html_tables.rows(text)
    if not rows:
        raise FileRejected(PAGE_WITHOUT_TABLE)
    details = {"encoding": encoding, "format": "html"}
    sheet = Sheet.from_rows(
        file_name, rows, list(range(1, len(rows) + 1)), decimal_comma=True, details=details
    )
    sheet.merged = merged
    return sheet


def _read_xml_workbook(text: str) -> list[Sheet]:
    """The sheets of an Excel XML Spreadsheet 2003, read as _read_xlsx reads a workbook."""
    try:
        return _laid_out(spreadsheet_xml.sheets(text, _shown), "xml")
    except spreadsheet_xml.Unreadable as exc:
        raise _unopened("Excel XML 2003", "bảng tính XML", exc) from None


def _read_ods(data: bytes) -> list[Sheet]:
    """The sheets of an OpenDocument spreadsheet, read as _read_xlsx reads a workbook."""
    try:
        return _laid_out(opendocument.sheets(data, _shown, _text), "ods")
    except opendocument.Encrypted:
        raise FileRejected(ENCRYPTED) from None
    except opendocument.Unreadable as exc:
        raise FileRejected(
            f"Không đọc được tệp bảng tính OpenDocument (.ods): {exc}. Mở lại trong LibreOffice, "
            "kiểm tra số liệu, chọn Tệp → Lưu thành (File → Save As), kiểu «Excel 2007-365 "
            "(.xlsx)», rồi gửi tệp .xlsx."
        ) from None


def _laid_out(found: list[spans.LaidOutSheet], kind: str) -> list[Sheet]:
    """A workbook's sheets laid out by its own reader, as _read_xlsx makes them."""
    sheets = []
    for laid_out in found:
        sheet = Sheet.from_rows(
            laid_out.name,
            laid_out.rows,
            list(range(1, len(laid_out.rows) + 1)),
            tab=True,
            hidden=laid_out.hidden,
            legacy_font=laid_out.legacy_font,
            details={"format": kind},
        )
        sheet.merged = laid_out.merged
        sheets.append(sheet)
    return sheets


def _read_csv(text: str, encoding: str, file_name: str) -> Sheet:
    delimiter = _sniff_delimiter(text)
    details = {"encoding": encoding, "delimiter": delimiter}
    columns = _arrow_columns(text, delimiter)
    if columns is not None:
        numbers = list(range(1, len(columns[0]) + 1))
        return Sheet(file_name, columns, numbers, delimiter == ";", details)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, numbers = [], []
    line = 0
    try:
        for record in reader:
            rows.append(record)
            numbers.append(line + 1)
            line = reader.line_num
    except csv.Error as exc:
        raise FileRejected(
            f"Tệp CSV hỏng ở dòng {reader.line_num}: {exc}. Mở tệp trong Excel và lưu lại."
        ) from None
    return Sheet.from_rows(
        file_name, rows, numbers, decimal_comma=delimiter == ";", details=details
    )


def _arrow_columns(text: str, delimiter: str) -> list[np.ndarray] | None:
    """The columns of a CSV without quotes whose lines hold the same number of cells (or none),
    read by Arrow: ten times faster than the csv module and trimming in Python. None for any
    other file, which the csv module reads. Without quotes each line is one row, numbered as
    its line, and Arrow splits the cells exactly as the csv module does (a test holds it)."""
    if '"' in text or delimiter not in text:
        return None
    width = text.split("\n", 1)[0].count(delimiter) + 1
    try:
        table = pa_csv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pa_csv.ReadOptions(autogenerate_column_names=True),
            # An empty line stays a row (of empty cells), so that every row keeps its number.
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter, quote_char=False, ignore_empty_lines=False
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{index}": pa.string() for index in range(width)},
                strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:  # lines of different lengths, or one too long for a block
        return None
    columns = []
    for column in table.columns:
        trimmed = pc.utf8_trim_whitespace(column)
        cells = pc.if_else(pc.equal(trimmed, ""), None, trimmed)
        columns.append(cells.to_numpy(zero_copy_only=False).astype(object, copy=False))
    return columns


def _shown(value: float, number_format: str | None) -> float:
    """A number as the sheet shows it: a cell formatted as percent holds 0.825 and shows
    82,5 %, and the user means 82,5."""
    return round(value * 100, 10) if "%" in (number_format or "") else value


def _cell_value(cell, legacy: set[str]) -> object:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _shown(value, cell.number_format)
    if isinstance(value, datetime | date):
        return value
    if value is None:
        return None
    return _text(str(value), lambda: cell.font.name, legacy)


def _text(value: str, font: Callable[[], object], legacy: set[str]) -> str:
    """A text cell as Unicode NFC: typed in a legacy encoding under its font (TCVN3 under
    .VnTime, VNI under VNI-Times), as the font shows it, the font added to `legacy`. The font is
    looked up only for text that may be so typed."""
    if legacy_text.may_be(value):
        name = font()
        if legacy_text.encoding_of_font(name):
            legacy.add(name)
            value = legacy_text.to_unicode(value, name)
    return visible(unicodedata.normalize("NFC", value))


# Characters that show as nothing, left in cells by text copied from a web page, a chat or a
# PDF (zero-width space and joiners, word joiner, soft hyphen, a byte-order mark inside the
# text): "HOIAN" with one after it looks like HOIAN, and a refusal of it could not be seen.
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")


def visible(text: str) -> str:
    """`text` without the characters that show as nothing."""
    for mark in _INVISIBLE:
        if mark in text:  # a C search; a file of plain ASCII skips each at once
            text = text.replace(mark, "")
    return text


def _other_spreadsheet(data: bytes) -> FileRejected | None:
    """The refusal of a zip that is another program's spreadsheet, saying how to save it as
    .xlsx, or files zipped together, saying to unzip them; None for anything else."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.bin" in names:
            return FileRejected(XLSB_REFUSED)
        if "word/document.xml" in names:
            return FileRejected(WORD_REFUSED)
        if "[Content_Types].xml" not in names and "mimetype" not in names:
            # neither Office's nor OpenDocument's: files zipped together
            return FileRejected(_archive_refused("ZIP", _zip_names(archive)))
    except opendocument.BROKEN_ZIP:
        pass
    return None


def _unopened(what: str, suffix: str, exc: Exception) -> FileRejected:
    """The refusal of a workbook its reader cannot open, saying how to save it again."""
    return FileRejected(
        f"Không mở được tệp {what} ({type(exc).__name__}): tệp hỏng hoặc không phải {suffix}. "
        "Mở lại trong Excel và lưu dạng Excel Workbook (.xlsx)."
    )


PAGE_WITHOUT_TABLE = (
    "Tệp là trang web (HTML) nhưng không có bảng nào có chữ hay số. Xuất lại số liệu từ hệ "
    "thống, hoặc mở tệp trong Excel và lưu dạng Excel Workbook (.xlsx)."
)
ENCRYPTED = (
    "Tệp có đặt mật khẩu để mở: hệ thống không mở được tệp đã mã hóa. Bỏ mật khẩu rồi gửi lại: "
    "trong Excel chọn Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu (File → Info "
    "→ Protect Workbook → Encrypt with Password), xóa mật khẩu, bấm OK rồi lưu; trong "
    "LibreOffice chọn Tệp → Lưu thành (File → Save As) và bỏ chọn «Lưu với mật khẩu» (Save "
    "with password)."
)
XLSB_REFUSED = (
    "Tệp là Excel Binary (.xlsb), chưa đọc được. Trong Excel chọn Lưu thành (Save As), kiểu "
    "«Excel Workbook (.xlsx)», rồi gửi tệp .xlsx."
)


def _read_xlsx(data: bytes) -> list[Sheet]:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # any failure to open means "not a workbook we can read"
        raise _other_spreadsheet(data) or _unopened("Excel", ".xlsx", exc) from None
    found = []  # (title, rows, row numbers, XML, legacy fonts, hidden) of each sheet
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        for worksheet in book.worksheets:
            rows, numbers, legacy = [], [], set()
            # iter_rows starts at A1 whatever the sheet's recorded dimension says
            for number, row in enumerate(worksheet.iter_rows(), start=1):
                rows.append([_cell_value(cell, legacy) for cell in row])
                numbers.append(number)
            xml = archive.read(worksheet._worksheet_path)
            hidden = worksheet.sheet_state != "visible"
            found.append((worksheet.title, rows, numbers, xml, legacy, hidden))
    finally:
        book.close()
    uncalculated = {title: rows for title, rows, _, xml, *_ in found if _UNCALCULATED.search(xml)}
    if uncalculated:
        _formulas_for_blanks(data, uncalculated)
    sheets = []
    for title, rows, numbers, xml, legacy, hidden in found:
        sheet = Sheet.from_rows(
            title, rows, numbers, tab=True, legacy_font=min(legacy, default=None), hidden=hidden
        )
        # openpyxl's read-only sheets (the only ones that read a large file at a usable speed)
        # do not read merged cells, so their list is taken from the sheet's XML.
        sheet.merged = _merged_rows(xml)
        sheets.append(sheet)
    return sheets


# A formula whose result the file does not hold, as a program that writes workbooks without
# calculating them saves it (Excel and LibreOffice save the result): <f>…</f> or <f …/>
# followed by an empty <v> or none, namespace prefixes allowed.
_UNCALCULATED = re.compile(
    rb"(?:</(?:[\w.-]+:)?f>|<(?:[\w.-]+:)?f\b[^>]*/>)"
    rb"(?:<(?:[\w.-]+:)?v\s*/>|<(?:[\w.-]+:)?v></(?:[\w.-]+:)?v>|</(?:[\w.-]+:)?c>)"
)


def _formulas_for_blanks(data: bytes, sheets: dict[str, list[list]]) -> None:
    """Each empty cell of the rows of `sheets` (by title) that holds an uncalculated formula
    gets the formula's text, so that the cell is refused as a formula, not as missing."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        for title, rows in sheets.items():
            for cells, formulas in zip(rows, book[title].iter_rows(values_only=True), strict=False):
                for index, formula in enumerate(formulas[: len(cells)]):
                    if (
                        cells[index] is None
                        and isinstance(formula, str)
                        and formula.startswith("=")
                    ):
                        cells[index] = formula
    finally:
        book.close()


def _read_xls(data: bytes) -> list[Sheet]:
    """The sheets of an Excel 97–2003 workbook, read as _read_xlsx reads a newer one."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as exc:  # any failure to open means "not a workbook we can read"
        if "WordDocument".encode("utf-16-le") in data:  # the stream every .doc holds
            raise FileRejected(WORD_REFUSED) from None
        # An .xlsx with a password to open is kept in this container, as EncryptedPackage;
        # an .xls with one, xlrd says so.
        if "EncryptedPackage".encode("utf-16-le") in data or "encrypted" in str(exc).lower():
            raise FileRejected(ENCRYPTED) from None
        raise _unopened("Excel 97–2003", ".xls", exc) from None
    sheets = []
    for worksheet in book.sheets():
        legacy = set()
        rows = [
            [_xls_value(book, cell, legacy) for cell in worksheet.row(index)]
            for index in range(worksheet.nrows)
        ]
        numbers = list(range(1, worksheet.nrows + 1))
        sheet = Sheet.from_rows(
            worksheet.name,
            rows,
            numbers,
            tab=True,
            legacy_font=min(legacy, default=None),
            hidden=worksheet.visibility != 0,
        )
        # xlrd gives merges as 0-based, end-exclusive (first row, row after, first col, col after)
        sheet.merged = [
            (first_col, first_row + 1, after_col - 1, after_row)
            for first_row, after_row, first_col, after_col in worksheet.merged_cells
            if after_row - first_row > 1
        ]
        sheets.append(sheet)
    book.release_resources()
    return sheets


def _xls_value(book, cell, legacy: set[str]) -> object:
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _shown(
            cell.value, book.format_map[book.xf_list[cell.xf_index].format_key].format_str
        )
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, book.datemode)
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return _text(
            cell.value, lambda: book.font_list[book.xf_list[cell.xf_index].font_index].name, legacy
        )
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return str(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value)
    return None


# A merged range in a worksheet's XML: <mergeCell ref="B5:B8"/>, perhaps with a namespace prefix.
_MERGE_CELL = re.compile(rb'<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def _merged_rows(xml: bytes) -> list[tuple[int, int, int, int]]:
    """The merged ranges spanning more than one row of a worksheet's XML (they follow its
    cells), as Sheet.merged keeps them."""
    tail = xml[max(xml.rfind(b"sheetData>"), 0) :]
    spans = []
    for ref in _MERGE_CELL.findall(tail):
        first_column, first_row, last_column, last_row = range_boundaries(ref.decode())
        if last_row > first_row:
            spans.append((first_column - 1, first_row, last_column - 1, last_row))
    return spans
