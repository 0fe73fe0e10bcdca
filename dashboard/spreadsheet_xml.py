"""Excel's XML Spreadsheet 2003 (what older systems export as ".xls": <Workbook
xmlns="urn:schemas-microsoft-com:office:spreadsheet">): each sheet's cells as Excel shows them."""

import re
from collections.abc import Callable
from datetime import datetime

from lxml import etree

from dashboard.spans import LaidOutSheet, SpannedRows

SS = "urn:schemas-microsoft-com:office:spreadsheet"
EXCEL = "urn:schemas-microsoft-com:office:excel"
_WORKBOOK = re.compile(r"<(ss:)?Workbook\b[^>]*office:spreadsheet", re.IGNORECASE)
_PERCENT = {"percent"}  # Excel's named format that shows a number as a percent
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # an Excel sheet's
MAX_MERGED = 100_000  # cells one merge may cover: far beyond a report's, far below a hang


class Unreadable(Exception):
    """The text is not a well-formed XML Spreadsheet."""


def is_workbook(text: str) -> bool:
    """Whether the text is Excel's XML Spreadsheet 2003."""
    return _WORKBOOK.search(text[:4096]) is not None


def sheets(text: str, shown: Callable[[float, str | None], float]) -> list[LaidOutSheet]:
    """The workbook's sheets, in order, each number as `shown` (value, number format) makes
    it; Unreadable when it is not well-formed XML."""
    # The text is decoded already: its declaration's encoding would be refused.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # A file from outside: no entities expanded, nothing fetched.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        book = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise Unreadable(str(exc)) from None
    formats = _number_formats(book)

    def value(cell) -> object:
        return _value(cell, formats, shown)

    try:
        return [_sheet(worksheet, value) for worksheet in book.iter(f"{{{SS}}}Worksheet")]
    except ValueError as exc:  # an index or a merge that is no number, or past Excel's sheet
        raise Unreadable(str(exc)) from None


def _number_formats(book) -> dict[str, str]:
    """Each style's number format, Excel's named "Percent" written as the format it stands for."""
    found = {}
    for style in book.iter(f"{{{SS}}}Style"):
        number = style.find(f"{{{SS}}}NumberFormat")
        if number is not None:
            written = _attr(number, "Format", "")
            found[_attr(style, "ID")] = "0%" if written.lower() in _PERCENT else written
    return found


def _sheet(worksheet, value: Callable[[object], object]) -> LaidOutSheet:
    grid = SpannedRows()
    table = worksheet.find(f"{{{SS}}}Table")
    for row in [] if table is None else table.iter(f"{{{SS}}}Row"):
        index = _bounded(_attr(row, "Index"), MAX_ROWS)
        while index is not None and len(grid.rows) < index - 1:
            grid.start_row()  # rows the file skips are empty
        grid.start_row()
        column = 0
        for cell in row.iter(f"{{{SS}}}Cell"):
            at = _bounded(_attr(cell, "Index"), MAX_COLUMNS)
            across = _bounded(_attr(cell, "MergeAcross", "0"), MAX_COLUMNS) + 1
            down = _bounded(_attr(cell, "MergeDown", "0"), MAX_ROWS) + 1
            if across * down > MAX_MERGED:
                raise ValueError(f"ô gộp {across} × {down} quá lớn")
            column = grid.place(column if at is None else at - 1, value(cell), across, down)
    options = worksheet.find(f"{{{EXCEL}}}WorksheetOptions")
    visible = None if options is None else options.findtext(f"{{{EXCEL}}}Visible")
    return LaidOutSheet(
        _attr(worksheet, "Name", ""),
        grid.padded(),
        grid.merged,
        visible in ("SheetHidden", "SheetVeryHidden"),
    )


def _value(cell, formats: dict[str, str], shown) -> object:
    """A cell's value as Excel shows it (a number by its style's format, through `shown`)."""
    data = cell.find(f"{{{SS}}}Data")
    if data is None:
        return None
    text = "".join(data.itertext())
    kind = _attr(data, "Type")
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return shown(number, formats.get(_attr(cell, "StyleID")))
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.rstrip("Z"))
        except ValueError:
            return text
    return text


def _attr(element, name: str, default: str | None = None) -> str | None:
    """An attribute as Excel writes it (ss:Index) or as some exporters do (Index)."""
    return element.get(f"{{{SS}}}{name}", element.get(name, default))


def _bounded(written: str | None, most: int) -> int | None:
    """An index or span as a number no larger than a sheet allows; ValueError otherwise."""
    if written is None:
        return None
    number = int(written)
    if not 0 <= number <= most:
        raise ValueError(f"{written} vượt quá giới hạn của trang tính")
    return number
