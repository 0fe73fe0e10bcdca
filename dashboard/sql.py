"""The project's SQL: one file per query in queries/, loaded by name and run with bound values."""

import re
from functools import cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from pandas.api.internals import create_dataframe_from_blocks

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


@cache
def load(name: str) -> str:
    """Return the text of queries/<name>.sql."""
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


@cache
def _names(code: str) -> frozenset[str]:
    return frozenset(re.findall(r"\$([A-Za-z_]\w*)", re.sub(r"--[^\n]*", "", code)))


def _bound(code: str, params: dict) -> dict | None:
    """The params the code uses (DuckDB refuses any it does not)."""
    names = _names(code)
    return {k: v for k, v in params.items() if k in names} or None


def run(cur: duckdb.DuckDBPyConnection, query: str, /, **params) -> duckdb.DuckDBPyConnection:
    """Execute queries/<query>.sql with its $named parameters bound to `params`; params it does
    not use are left out."""
    code = load(query)
    return cur.execute(code, _bound(code, params))


def insert(
    cur: duckdb.DuckDBPyConnection,
    table: str,
    query: str,
    /,
    order: tuple[str, ...] = (),
    **params,
) -> None:
    """Append the rows of queries/<query>.sql to `table` (a name from code, never from input),
    matching columns by name, laid out in `order` (column names from code). A table name
    cannot be a bound parameter; the values are."""
    code = _select(query)
    if order:
        code = f"SELECT * FROM ({code}) ORDER BY {', '.join(order)}"
    cur.execute(f"INSERT INTO {table} BY NAME {code}", _bound(code, params))


def merge(
    cur: duckdb.DuckDBPyConnection, table: str, query: str, /, key: tuple[str, ...], **params
) -> None:
    """Rewrite in place the rows of `table` whose `key` columns match a row of
    queries/<query>.sql, and append the query's other rows, matching columns by name (table
    and key names from code, never from input)."""
    code = _select(query)
    on = " AND ".join(f"kept.{column} = fresh.{column}" for column in key)
    cur.execute(
        f"MERGE INTO {table} AS kept USING ({code}) AS fresh ON ({on}) "
        "WHEN MATCHED THEN UPDATE BY NAME WHEN NOT MATCHED THEN INSERT BY NAME",
        _bound(code, params),
    )


def _select(query: str) -> str:
    return load(query).strip().rstrip(";")


def frame(cur: duckdb.DuckDBPyConnection, query: str, /, **params):
    """Run a query and return its result as a pandas DataFrame."""
    return run(cur, query, **params).df()


def columns(cur: duckdb.DuckDBPyConnection, query: str, /, **params) -> dict[str, np.ndarray]:
    """Run a query and return its columns as plain numpy arrays: NULL is NaN in numbers (whole
    numbers with a NULL become floats) and None in text."""
    out = {}
    for name, values in run(cur, query, **params).fetchnumpy().items():
        if isinstance(values, np.ma.MaskedArray):
            numeric = values.dtype.kind in "biuf"
            missing = np.nan if numeric else None  # filled(None) would mean numpy's default, '?'
            values = np.where(np.ma.getmaskarray(values), missing, values.data)
            values = values.astype(float) if numeric else values.astype(object)
        out[name] = values
    return out


def plain_frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A DataFrame over numpy columns as they are, text kept as Python objects, built the way
    pandas keeps it (one block per dtype): for a hot read of a few thousand rows a quarter of the
    cost of pandas' constructor, which looks at every column again and makes text its own type."""
    values = list(columns.values())
    by_dtype: dict[np.dtype, list[int]] = {}
    for position, column in enumerate(values):
        by_dtype.setdefault(column.dtype, []).append(position)
    # One two-dimensional block per dtype, as pandas itself keeps them, handed over as is.
    blocks = [
        (np.vstack([values[p] for p in places]), np.array(places)) for places in by_dtype.values()
    ]
    return create_dataframe_from_blocks(
        blocks,
        index=pd.RangeIndex(len(values[0]) if values else 0),
        columns=pd.Index(list(columns)),
    )


def scalar(cur: duckdb.DuckDBPyConnection, query: str, /, **params):
    """Run a query and return the first column of its first row."""
    row = run(cur, query, **params).fetchone()
    return None if row is None else row[0]


def schema_steps() -> list[tuple[int, str]]:
    """Every schema step as (version, query name), in order."""
    steps = []
    for path in sorted(QUERIES_DIR.glob("schema_[0-9]*.sql")):
        steps.append((int(path.stem.split("_")[1]), path.stem))
    return steps


def script(cur: duckdb.DuckDBPyConnection, query: str, /, **params) -> None:
    """Run a file of several statements, binding to each the $named parameters it uses."""
    for statement in load(query).split(";\n"):
        code = "\n".join(
            line for line in statement.splitlines() if not line.strip().startswith("--")
        )
        if not code.strip():
            continue
        cur.execute(code, _bound(code, params))
