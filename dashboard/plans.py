"""Targets as the department edits them: a grid of units (the province-wide '*' row first) by
indicators for one year, turned back into the upload contract so every change passes the same
validation, with the same messages, as an uploaded targets file."""

from datetime import date

import duckdb
import pandas as pd

from dashboard import catalog, export, sql

PROVINCE = "*"


def years(with_data: list[int], today: date) -> tuple[list[int], int]:
    """The years the grid offers, newest first (those with figures or targets, the one after the
    newest, this year and the next), and the one it opens on: this year if it has data, else
    the newest that has, else this year."""
    newest = max(with_data, default=today.year)
    offered = set(with_data) | {newest + 1, today.year, today.year + 1}
    opened = today.year if today.year in with_data or not with_data else newest
    return sorted(offered, reverse=True), opened


def grid(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """One row per unit (after the '*' row for the whole province), one column per indicator
    code, the current targets of `year` in the cells."""
    units = catalog.units(cur)
    units = units[units["active"]]
    codes = list(catalog.indicators(cur)["code"])
    current = sql.frame(cur, "targets_of_year", year=year)
    wide = current.pivot(index="unit_code", columns="indicator_code", values="value")
    rows = [PROVINCE, *units["code"]]
    out = wide.reindex(index=rows, columns=codes)
    out.insert(0, "ten_don_vi", ["Toàn tỉnh (mặc định)", *units["name"]])
    out.index.name = "ma_don_vi"
    return out.reset_index()


def as_file(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """The grid of `year` as a targets file to fill in offline: ma_don_vi, ten_don_vi, nam and
    one column per indicator code, which a targets upload reads back."""
    out = grid(cur, year)
    out.insert(2, "nam", year)
    return out


def changes_as_upload(
    before: pd.DataFrame, after: pd.DataFrame, year: int
) -> tuple[bytes, list[str]]:
    """The edited cells as a targets file (ma_don_vi, ma_chi_tieu, nam, ke_hoach), and the
    cells that were emptied (a target is replaced, never silently dropped)."""
    codes = [c for c in before.columns if c not in ("ma_don_vi", "ten_don_vi")]
    old = before.set_index("ma_don_vi")[codes]
    new = after.set_index("ma_don_vi")[codes].reindex(old.index)
    rows, emptied = [], []
    for unit in old.index:
        for code in codes:
            a, b = old.loc[unit, code], new.loc[unit, code]
            if pd.isna(a) and pd.isna(b):
                continue
            if pd.isna(b):
                emptied.append(f"{unit} · {code}")
            elif pd.isna(a) or str(a) != str(b):
                rows.append({"ma_don_vi": unit, "ma_chi_tieu": code, "nam": year, "ke_hoach": b})
    if not rows:
        return None, emptied
    frame = pd.DataFrame(rows, columns=["ma_don_vi", "ma_chi_tieu", "nam", "ke_hoach"])
    return export.to_csv_bytes(frame.astype({"ke_hoach": object})), emptied
