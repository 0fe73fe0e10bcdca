"""Files for people: figures in the upload contract's long form, as CSV (UTF-8 with BOM) or XLSX."""

import io
import math
import re
from pathlib import Path

import duckdb
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard import sql
from dashboard.numbers import parse_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_TEXT = re.compile(r"^-?[\d.]+(,\d+)?( ?%)?$")
NUMERIC_COLUMNS = ("gia_tri", "tu_so", "mau_so")


def plain_number(value: object) -> str:
    """A number as a machine writes it back: 1620, 82.5; empty when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


def neutralise(value: object) -> object:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def figures_frame(cur: duckdb.DuckDBPyConnection, year: int | None = None) -> pd.DataFrame:
    """Current figures in the long form that `cds import` takes back unchanged."""
    return sql.frame(cur, "export_figures", year=year)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV that Excel opens right: UTF-8 with BOM, numbers plain, formulas inert."""
    out = frame.copy()
    for column in out.columns:
        if column in NUMERIC_COLUMNS:
            out[column] = out[column].map(plain_number)
        else:
            out[column] = out[column].map(neutralise)
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


YEAR_COLUMNS = {"năm", "nam", "year"}
PERCENT_FORMAT = '#,##0.0" %"'
DECIMAL_FORMAT = "#,##0.0##"
INTEGER_FORMAT = "#,##0"


def _typed_column(values: pd.Series) -> tuple[pd.Series, str] | None:
    """A column of Vietnamese-formatted numbers ("82,5 %", "1.234", "–") as numbers with the
    Excel format that shows them the same way; None when it is not such a column."""
    present = [
        v
        for v in values
        if v is not None and not (isinstance(v, float) and math.isnan(v)) and v not in ("", "–")
    ]
    if not present:
        return None
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        numbers = values.map(lambda v: None if v in ("", "–") else v)
        whole = all(float(v).is_integer() for v in present)
        return numbers, INTEGER_FORMAT if whole else DECIMAL_FORMAT
    if not all(isinstance(v, str) and _NUMBER_TEXT.match(v) for v in present):
        return None
    percent = all(v.rstrip().endswith("%") for v in present)
    parsed = values.map(
        lambda v: (
            None if not isinstance(v, str) or v in ("", "–") else parse_text(v, decimal_comma=True)
        )
    )
    if parsed[values.map(lambda v: isinstance(v, str) and v not in ("", "–"))].isna().any():
        return None
    if percent:
        return parsed, PERCENT_FORMAT
    whole = all(float(v).is_integer() for v in parsed.dropna())
    return parsed, INTEGER_FORMAT if whole else DECIMAL_FORMAT


def xlsx_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """Tables as an Excel workbook, one sheet each: bold shaded header row, frozen, columns
    sized to their text, numbers as numbers in Vietnamese format, formula-like text inert."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        sheet = book.create_sheet(name[:31])
        sheet.append([str(c) for c in frame.columns])
        formats = {}
        columns = []
        for index, column in enumerate(frame.columns):
            typed = _typed_column(frame[column].astype(object))
            if typed is not None and str(column).lower() in YEAR_COLUMNS:
                typed = (typed[0], "0")  # 2022, not 2.022
            if typed is None:
                columns.append(
                    frame[column]
                    .astype(object)
                    .map(
                        lambda v: (
                            None
                            if v is None or (isinstance(v, float) and math.isnan(v))
                            else neutralise(v if isinstance(v, str) else v)
                        )
                    )
                )
            else:
                columns.append(typed[0])
                formats[index] = typed[1]
        for row in zip(*columns, strict=True) if columns else []:
            sheet.append(
                [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row]
            )
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for index, fmt in formats.items():
            for cell in sheet.iter_cols(min_col=index + 1, max_col=index + 1, min_row=2):
                for item in cell:
                    item.number_format = fmt
        for index, column in enumerate(frame.columns, start=1):
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest + 2))
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsx(frame: pd.DataFrame, path, sheet: str = "So_lieu") -> None:
    """A table as an .xlsx file (see xlsx_bytes) at a path or into a binary file object."""
    data = xlsx_bytes({sheet: frame})
    if hasattr(path, "write"):
        path.write(data)
    else:
        Path(path).write_bytes(data)


def write_figures(cur: duckdb.DuckDBPyConnection, path: Path, year: int | None = None) -> int:
    """Write current figures to `path` (.csv or .xlsx); returns how many."""
    return write_table(figures_frame(cur, year), path)


def write_table(frame: pd.DataFrame, path: Path) -> int:
    """Write a table to `path` as .csv (UTF-8 with BOM) or .xlsx; returns its rows."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        path.write_bytes(to_csv_bytes(frame))
    elif suffix == ".xlsx":
        write_xlsx(frame, path)
    else:
        raise ValueError(f"Không xuất được «{path.name}»: chọn tệp .csv hoặc .xlsx.")
    return len(frame)
