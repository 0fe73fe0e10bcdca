"""The catalogue: clusters, units, indicator groups and indicators."""

import duckdb
import pandas as pd

from dashboard import sql
from dashboard.store import Store, audit

TABLES = ("clusters", "units", "indicator_groups", "indicators")


def add_rows(store: Store, table: str, rows: pd.DataFrame, username: str) -> None:
    """Append catalogue rows to `table` in one transaction."""
    if table not in TABLES:
        raise ValueError(f"Bảng danh mục không hợp lệ: {table}")
    with store.write() as cur:
        cur.register("new_rows", rows)
        try:
            sql.run(cur, f"insert_{table}")
        finally:
            cur.unregister("new_rows")
        audit(cur, username, f"add_{table}", f"{len(rows)} dòng")


def clusters(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every cluster in display order."""
    return sql.frame(cur, "clusters")


def units(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every unit with its cluster's name, in display order."""
    return sql.frame(cur, "units")


def indicator_groups(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every indicator group in display order."""
    return sql.frame(cur, "indicator_groups")


def indicators(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every indicator with its group's name, in display order."""
    return sql.frame(cur, "indicators")
