"""OpenDocument spreadsheets (.ods, LibreOffice's and OpenOffice's own): each sheet's cells as
Calc shows them, read as the file streams by (a sheet says its trailing empty rows and columns
in a few repeat counts, a million rows long), with each text cell's font for text typed in a
legacy Vietnamese encoding."""

import bisect
import io
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime

from lxml import etree

from dashboard import formatting
from dashboard.spans import LaidOutSheet, padded

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # a Calc sheet's
MAX_CELLS = 10_000_000  # cells with content or between them: far beyond a report's
MAX_CONTENT_MB = 512  # the sheets' XML unpacked, before any of it is read (it streams)
MAX_STYLES_MB = 32  # the named styles' XML, read whole: a report's is a few hundred KB

_TABLE, _ROW = f"{{{TABLE}}}table", f"{{{TABLE}}}table-row"
_CELL, _COVERED = f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"
_PROPERTIES = f"{{{STYLE}}}table-properties"
_STYLE, _TEXT_PROPERTIES = f"{{{STYLE}}}style", f"{{{STYLE}}}text-properties"
_COLUMN = f"{{{TABLE}}}table-column"
_DEFAULT_STYLE = f"{{{TABLE}}}default-cell-style-name"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_ENCRYPTION_DATA = f"{{{MANIFEST}}}encryption-data"
# reader's rule for a text cell: the text as its font (asked for only when needed) shows it,
# the font added to the set when it is a legacy one
Written = Callable[[str, Callable[[], str | None], set[str]], str]
_PARAGRAPHS = (f"{{{TEXT}}}p", f"{{{TEXT}}}h")
_SPACE, _TAB, _BREAK = f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"


# What the zip module raises on a broken or unusual archive: a bad header or member cut short,
# a zip version or compression method it does not know, an encrypted member.
BROKEN_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    NotImplementedError,
    RuntimeError,
)


class Unreadable(Exception):
    """The file is not a readable OpenDocument spreadsheet; the message says why, in
    Vietnamese."""


class Encrypted(Unreadable):
    """The spreadsheet was saved with a password: its content is encrypted."""


def is_spreadsheet(data: bytes) -> bool:
    """Whether a zip file is an OpenDocument spreadsheet (its "mimetype" member says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = archive.getinfo("mimetype")
            # a name and a few spaces: a larger one is no such file, and is not unpacked
            return member.file_size <= 2 * len(MIMETYPE) and (
                archive.read(member).strip() == MIMETYPE
            )
    except BROKEN_ZIP:
        return False


def sheets(
    data: bytes, shown: Callable[[float, str | None], float], written: Written
) -> list[LaidOutSheet]:
    """The spreadsheet's sheets, in order, each number as `shown` (value, number format) and
    each text as `written` makes it; Unreadable when the file is broken or past a sheet's
    limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if _encrypted(archive):
                raise Encrypted("tệp có mật khẩu")
            fonts = _Fonts()
            if "styles.xml" in archive.namelist():
                for style in _parsed(archive, "styles.xml").iter(_STYLE):
                    fonts.add(style)
            with archive.open(_checked(archive, "content.xml", MAX_CONTENT_MB)) as stream:
                return _sheets(stream, shown, written, fonts)
    except (*BROKEN_ZIP, etree.LxmlError):
        raise Unreadable("tệp hỏng, không đọc được nội dung bảng tính") from None


def _encrypted(archive: zipfile.ZipFile) -> bool:
    """Whether the manifest says a member is encrypted, as a file saved with a password's are."""
    if "META-INF/manifest.xml" not in archive.namelist():
        return False
    manifest = _parsed(archive, "META-INF/manifest.xml")
    return any(element.tag == _ENCRYPTION_DATA for element in manifest.iter())


def _checked(archive: zipfile.ZipFile, name: str, most_mb: int) -> zipfile.ZipInfo:
    """A member of the file, refused when it unpacks past `most_mb` megabytes."""
    member = archive.getinfo(name)
    if member.file_size > most_mb * 1024 * 1024:
        raise Unreadable(f"«{name}» giải nén ra hơn {formatting.number(most_mb)} MB")
    return member


# A file from outside: no entities expanded, nothing fetched.
_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False)


def _parsed(archive: zipfile.ZipFile, name: str):
    """A small member's XML (the named styles) as a tree."""
    member = _checked(archive, name, MAX_STYLES_MB)
    return etree.fromstring(archive.read(member), etree.XMLParser(**_SAFE))


def _sheets(stream, shown, written: Written, fonts: "_Fonts") -> list[LaidOutSheet]:
    events = etree.iterparse(stream, events=("start", "end"), **_SAFE)
    hidden_styles: set[str] = set()
    found: list[LaidOutSheet] = []
    grid: _Grid | None = None
    for event, element in events:
        if event == "start":
            if element.tag == _TABLE and grid is None:
                grid = _Grid(
                    element.get(f"{{{TABLE}}}name", ""),
                    element.get(f"{{{TABLE}}}style-name") in hidden_styles,
                    fonts,
                )
            continue
        if element.tag == _PROPERTIES and element.get(f"{{{TABLE}}}display") == "false":
            hidden_styles.add(element.getparent().get(f"{{{STYLE}}}name"))
        elif element.tag == _STYLE:
            fonts.add(element)
        elif element.tag == _COLUMN and grid is not None:
            grid.add_column(element)
        elif element.tag == _ROW and grid is not None:
            grid.add_row(element, shown, written)
            _forget(element)
        elif element.tag == _TABLE and grid is not None:
            found.append(grid.sheet())
            grid = None
            _forget(element)
    return found


def _forget(element) -> None:
    """Free a row (or sheet) read already, and the siblings before it: a sheet of a hundred
    thousand rows is never held whole."""
    element.clear(keep_tail=True)
    while element.getprevious() is not None:
        del element.getparent()[0]


class _Grid:
    """One sheet's rows as they stream by: empty rows and cells are counted, and laid out only
    when something follows them."""

    def __init__(self, name: str, hidden: bool, fonts: "_Fonts") -> None:
        self.name, self.hidden, self._fonts = name, hidden, fonts
        self.rows: list[list[object]] = []
        self.merged: list[tuple[int, int, int, int]] = []
        self.legacy_fonts: set[str] = set()
        self._empty_rows = 0  # empty rows read and not yet laid out
        self._cells = 0
        # each run of columns' default cell style: where the run ends, and the style
        self._column_ends: list[int] = []
        self._column_styles: list[str | None] = []

    def add_column(self, column) -> None:
        across = _count(column.get(f"{{{TABLE}}}number-columns-repeated"), MAX_COLUMNS)
        self._column_ends.append((self._column_ends[-1] if self._column_ends else 0) + across)
        self._column_styles.append(column.get(_DEFAULT_STYLE))

    def add_row(self, row, shown, written: Written) -> None:
        repeated = _count(row.get(f"{{{TABLE}}}number-rows-repeated"), MAX_ROWS)
        number = len(self.rows) + self._empty_rows + 1
        line: list[object] = []
        empty = 0  # empty cells since the last laid out
        for cell in row:
            if cell.tag not in (_CELL, _COVERED):
                continue
            across = _count(cell.get(f"{{{TABLE}}}number-columns-repeated"), MAX_COLUMNS)
            value = _value(cell, shown) if cell.tag == _CELL else None
            if value is None:
                empty += across
                continue
            if isinstance(value, str):
                style = (
                    cell.get(f"{{{TABLE}}}style-name")
                    or row.get(_DEFAULT_STYLE)
                    or self._column_style(len(line) + empty)
                )
                value = written(value, lambda at=style: self._fonts.of(at), self.legacy_fonts)
            if len(line) + empty + across > MAX_COLUMNS:
                raise Unreadable(
                    f"trang «{self.name}» rộng quá {formatting.number(MAX_COLUMNS)} cột"
                )
            line.extend([None] * empty)
            empty = 0
            column = len(line)
            line.extend([value] * across)
            down = _count(cell.get(f"{{{TABLE}}}number-rows-spanned"), MAX_ROWS)
            wide = _count(cell.get(f"{{{TABLE}}}number-columns-spanned"), MAX_COLUMNS)
            if down > 1:
                self.merged.append((column, number, column + wide - 1, number + down - 1))
        if not line:
            self._empty_rows += repeated
            return
        if number - 1 + repeated > MAX_ROWS:
            raise Unreadable(f"trang «{self.name}» dài quá {formatting.number(MAX_ROWS)} dòng")
        self._cells += len(line) * (repeated + self._empty_rows)
        if self._cells > MAX_CELLS:
            raise Unreadable(f"trang «{self.name}» có hơn {formatting.number(MAX_CELLS)} ô")
        self.rows.extend([] for _ in range(self._empty_rows))
        self.rows.extend(list(line) for _ in range(repeated))
        self._empty_rows = 0

    def _column_style(self, index: int) -> str | None:
        run = bisect.bisect_right(self._column_ends, index)
        return self._column_styles[run] if run < len(self._column_styles) else None

    def sheet(self) -> LaidOutSheet:
        legacy = min(self.legacy_fonts, default=None)
        return LaidOutSheet(self.name, padded(self.rows), self.merged, self.hidden, legacy)


class _Fonts:
    """The font each cell style names, itself or through the styles it is based on; a cell of
    no style of its own has Calc's "Default" style."""

    def __init__(self) -> None:
        self._font: dict[str, str | None] = {}
        self._parent: dict[str, str | None] = {}

    def add(self, style) -> None:
        name = style.get(f"{{{STYLE}}}name")
        if name is None or style.get(f"{{{STYLE}}}family") != "table-cell":
            return
        properties = style.find(_TEXT_PROPERTIES)
        font = None if properties is None else properties.get(f"{{{STYLE}}}font-name")
        self._font[name], self._parent[name] = font, style.get(f"{{{STYLE}}}parent-style-name")

    def of(self, name: str | None) -> str | None:
        seen: set[str] = set()
        while name is not None and name not in seen:  # a loop of parents ends at the first
            if self._font.get(name):
                return self._font[name]
            seen.add(name)
            name = self._parent.get(name)
        return self._font.get("Default")


def _value(cell, shown) -> object:
    """A cell's value as Calc shows it: a number (a percentage as the percent it shows), a
    date, or its text (an error such as #DIV/0! as Calc writes it); None when empty."""
    kind = cell.get(f"{{{OFFICE}}}value-type")
    if kind in ("float", "currency", "percentage"):
        try:
            number = float(cell.get(f"{{{OFFICE}}}value", ""))
        except ValueError:
            return _text(cell)
        return shown(number, "0%" if kind == "percentage" else None)
    if kind == "date":
        try:
            return datetime.fromisoformat(cell.get(f"{{{OFFICE}}}date-value", ""))
        except ValueError:
            return _text(cell)
    return _text(cell)


def _text(cell) -> str | None:
    """The cell's paragraphs as one text, lines apart; None when it has none."""
    paragraphs = [_written(p) for p in cell if p.tag in _PARAGRAPHS]
    return "\n".join(paragraphs) or None


def _written(element) -> str:
    """An element's text with its spans, links, runs of spaces, tabs and line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACE:
            parts.append(" " * _count(child.get(f"{{{TEXT}}}c"), MAX_COLUMNS))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        elif isinstance(child.tag, str):  # a span, a link (not a comment in the XML)
            parts.append(_written(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _count(written: str | None, most: int) -> int:
    """A repeat or span count (1 when not written), no larger than a sheet allows."""
    if written is None:
        return 1
    if not written.isdigit() or int(written) < 1:
        raise Unreadable(f"tệp hỏng: số lần lặp hoặc số ô gộp «{written}» không hợp lệ")
    if int(written) > most:
        raise Unreadable(f"số lần lặp hoặc số ô gộp {written} vượt giới hạn của một trang tính")
    return int(written)
