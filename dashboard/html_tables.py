"""A web page saved as a spreadsheet (the ".xls" many web systems export is an HTML table): its
tables' cells laid out as the spreadsheet program shows them, spans included."""

import re

import lxml.html
from lxml import etree

from dashboard.spans import SpannedRows

# A page, not a CSV: it opens with a tag of a page or of a table (after an XML declaration or
# comments, as exports write them).
_PAGE = re.compile(
    r"\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*"
    r"<(!doctype\s+html|html|head|body|meta|style|div|table)\b",
    re.IGNORECASE | re.DOTALL,
)
_TEXT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "center")
MAX_SPAN = 1000  # the most columns a cell may span, as browsers allow
MAX_MERGED = 100_000  # the most cells one cell may cover down and across


def is_page(text: str) -> bool:
    """Whether the text is a web page (HTML) rather than a CSV."""
    return _PAGE.match(text[:4096]) is not None


def rows(text: str) -> tuple[list[list[str | None]], list[tuple[int, int, int, int]]]:
    """The rows of the page's tables, one after another in the page's order, each cell's text
    (None when empty) at the column it is shown in, with the lines of text around them (a
    heading, a paragraph, a caption) as rows of one cell, and the cells spanning several rows
    as (first column, first row, last column, last row), columns from 0 and rows from 1. A
    table holding another is a frame for it: only the innermost tables are read. No rows at
    all when no table has a cell of text or figures."""
    # A str with an encoding declaration is refused by lxml; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        page = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return [], []
    for br in page.iter("br"):
        br.tail = "\n" + (br.tail or "")
    grid = SpannedRows()
    filled = False  # a table has a cell of text or figures
    for element in page.iter(*_TEXT_BLOCKS, "table"):
        if element.tag != "table":
            # A heading or line of text outside the tables ("BÁO CÁO THÁNG 9 NĂM 2022" above
            # the table) is a row, as Excel shows it: the title rows of a sheet.
            words = _words(element)
            if words and not _holds_blocks(element):
                grid.start_row()
                grid.place(0, words)
            continue
        if element.find(".//table") is not None:
            continue
        for caption in filter(None, map(_words, element.xpath("./caption"))):
            grid.start_row()
            grid.place(0, caption)
        lines = element.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        for offset, row in enumerate(lines):
            grid.start_row()
            column = 0
            for cell in row.xpath("./td|./th"):
                # a span down past the table's last row ends there, as browsers show it
                across = _span(cell, "colspan")
                down = min(_span(cell, "rowspan"), len(lines) - offset)
                if across * down > MAX_MERGED:  # no report's; laying it out would hang
                    down = 1
                words = _words(cell)
                filled = filled or words is not None
                column = grid.place(column, words, across, down)
    if not filled:
        return [], []
    return grid.padded(), grid.merged


def _words(element) -> str | None:
    """An element's text as one line, spaces made one; None when it has none."""
    return " ".join(element.text_content().split()) or None


def _holds_blocks(element) -> bool:
    """Whether an element is inside a table, or holds a table or another block of text (whose
    own rows say its text)."""
    if any(True for _ in element.iterancestors("table")):
        return True
    return any(True for _ in element.iterdescendants(*_TEXT_BLOCKS, "table"))


def _span(cell, attribute: str) -> int:
    """A cell's colspan or rowspan, 1 when missing or unreadable."""
    try:
        return min(max(int(cell.get(attribute, "1").strip()), 1), MAX_SPAN)
    except ValueError:
        return 1
