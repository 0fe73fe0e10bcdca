"""OpenDocument spreadsheets: cells as Calc shows them, streamed, bounded, nothing fetched."""

import io
import zipfile
from datetime import datetime

import pytest

from dashboard import opendocument

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def ods(
    tables: str, styles: str = "", mimetype: bytes = opendocument.MIMETYPE, named: str = ""
) -> bytes:
    """An .ods as LibreOffice lays one out: the mimetype first, then the sheets' XML, with
    their own (automatic) styles, and the named styles when given."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", content.encode("utf-8"))
        if named:
            document = f"<office:document-styles {NAMESPACES}><office:styles>{named}"
            archive.writestr("styles.xml", f"{document}</office:styles></office:document-styles>")
    return out.getvalue()


def text(value: str, extra: str = "") -> str:
    cell = f'<table:table-cell office:value-type="string"{extra}>'
    return f"{cell}<text:p>{value}</text:p></table:table-cell>"


def number(value: str, kind: str = "float", extra: str = "") -> str:
    return (
        f'<table:table-cell office:value-type="{kind}" office:value="{value}"{extra}>'
        f"<text:p>shown</text:p></table:table-cell>"
    )


def row(*cells: str, extra: str = "") -> str:
    return f"<table:table-row{extra}>{''.join(cells)}</table:table-row>"


def shown(value: float, number_format: str | None) -> float:
    return value * 100 if number_format and "%" in number_format else value


def written(value: str, font, legacy: set[str]) -> str:
    return value


def test_each_text_cell_is_written_with_its_font():
    # the font of a cell's style, or of the style it is based on, or of its row's or column's
    # default style, or of Calc's "Default" style
    def style(name: str, parent: str | None = None, font: str | None = None) -> str:
        based = f' style:parent-style-name="{parent}"' if parent else ""
        props = f'<style:text-properties style:font-name="{font}"/>' if font else ""
        return (
            f'<style:style style:name="{name}" style:family="table-cell"{based}>{props}'
            "</style:style>"
        )

    named = style("Default", font="Arial") + style("Tiêu đề", "Default", ".VnTimeH")
    automatic = style("ce1", "Tiêu đề") + style("ce2", "Default", "VNI-Times") + style("ce3")
    tables = (
        '<table:table table:name="A"><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:default-cell-style-name="ce2"/>'
        + row(text("a", ' table:style-name="ce1"'), text("b"), text("c"), number("1"))
        + row(text("d"), text("e"), text("f"), extra=' table:default-cell-style-name="ce3"')
        + "</table:table>"
    )
    fonts = {}

    def noting(value: str, font, legacy: set[str]) -> str:
        fonts[value] = font()
        return value.upper()

    (sheet,) = opendocument.sheets(ods(tables, automatic, named=named), shown, noting)
    assert fonts == {
        "a": ".VnTimeH",
        "b": "Arial",
        "c": "VNI-Times",
        "d": "Arial",
        "e": "Arial",
        "f": "Arial",
    }
    assert sheet.rows == [["A", "B", "C", 1.0], ["D", "E", "F", None]]


def test_only_a_zip_whose_mimetype_says_so_is_a_spreadsheet():
    assert opendocument.is_spreadsheet(ods(""))
    text_document = ods("", mimetype=b"application/vnd.oasis.opendocument.text")
    assert not opendocument.is_spreadsheet(text_document)
    assert not opendocument.is_spreadsheet(b"PK\x03\x04 not a zip")
    padded = ods("", mimetype=opendocument.MIMETYPE + b" " * 10_000)  # never unpacked
    assert not opendocument.is_spreadsheet(padded)


def test_cells_are_laid_out_as_calc_shows_them():
    empty = '<table:table-cell table:number-columns-repeated="16380"/>'
    tables = (
        '<table:table table:name="T9"><table:table-column table:number-columns-repeated="16384"/>'
        + row(text("BÁO CÁO THÁNG 9/2022"), empty)
        + row('<table:table-cell table:number-columns-repeated="16384"/>')
        + row(text("ma_don_vi"), text("ma_chi_tieu"), text("gia_tri"), text("ghi_chu"), empty)
        + row(
            text("HOIAN", ' table:number-rows-spanned="2" table:number-columns-spanned="1"'),
            text("CT01"),
            number("0.825", "percentage"),
            '<table:table-cell office:value-type="string"><text:p>đã <text:s text:c="2"/>'
            "<text:span>rà soát</text:span></text:p><text:p>lần 2</text:p></table:table-cell>",
            empty,
        )
        + row("<table:covered-table-cell/>", text("CT02"), number("12"), empty)
        + row(
            '<table:table-cell table:number-columns-repeated="2"/>',
            number("1500000", "currency"),
            '<table:table-cell office:value-type="date" office:date-value="2022-09-30">'
            "<text:p>30/09/2022</text:p></table:table-cell>",
        )
        + row(
            '<table:table-cell table:number-columns-repeated="2"/>',
            '<table:table-cell office:value-type="string" office:string-value="">'
            "<text:p>#DIV/0!</text:p></table:table-cell>",
        )
        # LibreOffice writes a sheet's empty rest as repeat counts a million rows long
        + row(
            '<table:table-cell table:number-columns-repeated="16384"/>',
            extra=' table:number-rows-repeated="1048569"',
        )
        + "</table:table>"
    )
    (sheet,) = opendocument.sheets(ods(tables), shown, written)
    assert (sheet.name, sheet.hidden, sheet.merged) == ("T9", False, [(0, 4, 0, 5)])
    assert sheet.rows == [
        ["BÁO CÁO THÁNG 9/2022", None, None, None],
        [None, None, None, None],
        ["ma_don_vi", "ma_chi_tieu", "gia_tri", "ghi_chu"],
        ["HOIAN", "CT01", 82.5, "đã   rà soát\nlần 2"],
        [None, "CT02", 12.0, None],
        [None, None, 1500000.0, datetime(2022, 9, 30)],
        [None, None, "#DIV/0!", None],
    ]


def test_repeated_cells_and_rows_with_content_are_each_laid_out():
    tables = (
        '<table:table table:name="A">'
        + row(
            number("1", extra=' table:number-columns-repeated="3"'),
            extra=' table:number-rows-repeated="2"',
        )
        + row("<table:table-cell/>", extra=' table:number-rows-repeated="2"')
        + row(text("x"))
        + "</table:table>"
    )
    (sheet,) = opendocument.sheets(ods(tables), shown, written)
    assert sheet.rows == [
        [1.0, 1.0, 1.0],
        [1.0, 1.0, 1.0],
        [None, None, None],
        [None, None, None],
        ["x", None, None],
    ]


def test_a_sheet_hidden_by_its_style_is_marked_hidden():
    styles = (
        '<style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
    )
    tables = (
        '<table:table table:name="Báo cáo" table:style-name="ta1">'
        + row(text("a"))
        + "</table:table>"
        '<table:table table:name="Data" table:style-name="ta2">' + row(text("b")) + "</table:table>"
    )
    shown_sheet, hidden_sheet = opendocument.sheets(ods(tables, styles), shown, written)
    assert (shown_sheet.name, shown_sheet.hidden) == ("Báo cáo", False)
    assert (hidden_sheet.name, hidden_sheet.hidden, hidden_sheet.rows) == ("Data", True, [["b"]])


@pytest.mark.parametrize(
    "tables",
    [
        '<table:table table:name="A"><table:table-row>',  # cut short
        '<table:table table:name="A">'
        + row(number("1"), extra=' table:number-rows-repeated="x"')
        + "</table:table>",
        # past a sheet's rows or columns, or so many cells they would fill the memory
        '<table:table table:name="A">'
        + row(number("1"), extra=' table:number-rows-repeated="2000000"')
        + "</table:table>",
        '<table:table table:name="A">'
        + row(number("1", extra=' table:number-columns-repeated="16384"'), number("2"))
        + "</table:table>",
        '<table:table table:name="A">'
        + row(
            number("1", extra=' table:number-columns-repeated="16384"'),
            extra=' table:number-rows-repeated="1000"',
        )
        + "</table:table>",
    ],
)
def test_a_broken_or_boundless_sheet_is_unreadable(tables):
    with pytest.raises(opendocument.Unreadable):
        opendocument.sheets(ods(tables), shown, written)


def test_a_zip_without_the_sheets_xml_is_unreadable():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", opendocument.MIMETYPE)
    with pytest.raises(opendocument.Unreadable):
        opendocument.sheets(out.getvalue(), shown, written)


def with_method(data: bytes, member: str, method: int) -> bytes:
    """The zip with `member` marked as packed by compression `method` (99: AES, which the zip
    module does not know), in its local header and its central directory entry."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    out[info.header_offset + 8 : info.header_offset + 10] = method.to_bytes(2, "little")
    entry = out.find(b"PK\x01\x02")
    while out[entry + 46 : entry + 46 + len(member)] != member.encode():
        entry = out.find(b"PK\x01\x02", entry + 4)
    out[entry + 10 : entry + 12] = method.to_bytes(2, "little")
    return bytes(out)


ONE_CELL = '<table:table table:name="A">' + row(text("a")) + "</table:table>"


def test_a_mimetype_packed_in_a_way_zip_does_not_know_is_no_spreadsheet():
    assert opendocument.is_spreadsheet(ods(ONE_CELL))
    assert not opendocument.is_spreadsheet(with_method(ods(ONE_CELL), "mimetype", 99))


def test_sheets_packed_in_a_way_zip_does_not_know_are_unreadable_not_a_crash():
    with pytest.raises(opendocument.Unreadable, match="tệp hỏng"):
        opendocument.sheets(with_method(ods(ONE_CELL), "content.xml", 99), shown, written)


def test_entities_are_not_expanded():
    content = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
        '<table:table table:name="A">' + row(text("a&x;b")) + "</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", opendocument.MIMETYPE)
        archive.writestr("content.xml", content)
    (sheet,) = opendocument.sheets(out.getvalue(), shown, written)
    assert sheet.rows == [["ab"]]  # the entity is left out, the file is not read


@pytest.mark.parametrize(
    ("limit", "member"), [("MAX_CONTENT_MB", "content.xml"), ("MAX_STYLES_MB", "styles.xml")]
)
def test_xml_unpacking_past_its_limit_is_not_read(monkeypatch, limit, member):
    monkeypatch.setattr(opendocument, limit, 0)  # any such member is past it
    tables = '<table:table table:name="A">' + row(text("a")) + "</table:table>"
    named = '<style:style style:name="Default" style:family="table-cell"/>'
    with pytest.raises(opendocument.Unreadable, match=f"«{member}» giải nén ra hơn 0 MB"):
        opendocument.sheets(ods(tables, named=named), shown, written)
