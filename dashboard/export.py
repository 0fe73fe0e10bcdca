"""Files for people: figures in the upload contract's long form, as CSV (UTF-8 with BOM) or XLSX."""

import math
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import sql

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
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


def write_xlsx(frame: pd.DataFrame, path: Path, sheet: str = "So_lieu") -> None:
    """A table as an .xlsx sheet with a frozen header row and inert text."""
    out = frame.copy()
    for column in out.columns:
        if column not in NUMERIC_COLUMNS:
            out[column] = out[column].map(neutralise)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        out.to_excel(writer, sheet_name=sheet, index=False, freeze_panes=(1, 0))


def write_figures(cur: duckdb.DuckDBPyConnection, path: Path, year: int | None = None) -> int:
    """Write current figures to `path` (.csv or .xlsx); returns how many."""
    frame = figures_frame(cur, year)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        path.write_bytes(to_csv_bytes(frame))
    elif suffix == ".xlsx":
        write_xlsx(frame, path)
    else:
        raise ValueError(f"Không xuất được «{path.name}»: chọn tệp .csv hoặc .xlsx.")
    return len(frame)
