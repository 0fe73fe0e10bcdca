"""Query files run with bound values, and the plain numpy fetch of hot reads."""

import duckdb
import numpy as np
import pytest

from dashboard import sql


@pytest.fixture
def cur():
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES ('a', 1.5, 1, 10), (NULL, NULL, NULL, 20)) "
        "AS v(text, number, whole, never_null)"
    )
    con.execute("CREATE TABLE finished_rows AS SELECT * FROM t")
    con.execute("CREATE TABLE current_figures AS SELECT 2020 AS year, 2.5 AS value")
    return con


def test_columns_turn_null_into_nan_or_none(cur):
    columns = sql.columns(cur, "bench_finished_rows")
    assert list(columns) == ["text", "number", "whole", "never_null"]
    assert not any(isinstance(values, np.ma.MaskedArray) for values in columns.values())
    assert list(columns["text"]) == ["a", None]
    assert columns["number"][0] == 1.5 and np.isnan(columns["number"][1])
    assert columns["whole"].dtype == float and np.isnan(columns["whole"][1])  # a NULL: floats
    assert columns["never_null"].dtype.kind == "i"  # whole numbers without NULL stay whole


def test_a_plain_frame_keeps_text_as_objects_and_missing_as_missing(cur):
    frame = sql.plain_frame(sql.columns(cur, "bench_finished_rows"))
    assert frame["text"].dtype == object
    assert frame["text"].isna().tolist() == [False, True]
    assert frame["number"].isna().tolist() == [False, True]
    assert frame["never_null"].tolist() == [10, 20]


def test_a_plain_frame_keeps_the_columns_order_and_values_of_every_type():
    columns = {
        "code": np.array(["b", "a", None], dtype=object),
        "rank": np.array([2, 1, 3]),
        "score": np.array([0.5, np.nan, 2.0]),
        "flag": np.array([True, False, True]),
        "label": np.array(["x", "y", "z"], dtype=object),
        "weight": np.array([1.0, 2.0, 3.0]),
    }
    frame = sql.plain_frame(columns)
    assert list(frame.columns) == list(columns)
    assert [str(t) for t in frame.dtypes] == [
        "object",
        "int64",
        "float64",
        "bool",
        "object",
        "float64",
    ]
    for name, values in columns.items():
        assert frame[name].tolist() == pytest.approx(values.tolist(), nan_ok=True), name
    assert frame.sort_values("rank")["code"].tolist() == ["a", "b", None]
    empty = sql.plain_frame({name: values[:0] for name, values in columns.items()})
    assert empty.empty and list(empty.columns) == list(columns)


def test_params_a_query_does_not_use_are_left_out(cur):
    assert sql.run(cur, "bench_scan_year", year=2020, unused="x").fetchall() == [(1, 2.5)]
