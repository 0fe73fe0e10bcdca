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


@pytest.fixture
def clusters():
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE clusters AS SELECT * FROM "
        "(VALUES ('B', 'Miền núi', 2), ('A', 'Đồng bằng', 1)) AS v(code, name, sort_order)"
    )
    # the same columns in another order: rows are matched by name, not by position
    con.execute("CREATE TABLE kept (sort_order INTEGER, name VARCHAR, code VARCHAR)")
    con.execute("INSERT INTO kept VALUES (9, 'cũ', 'B'), (5, 'khác', 'Z')")
    return con


def test_a_merge_rewrites_matching_rows_where_they_lie_and_appends_the_rest(clusters):
    sql.merge(clusters, "kept", "clusters", key=("code",))
    rows = clusters.execute("SELECT code, name, sort_order FROM kept").fetchall()
    assert rows == [("B", "Miền núi", 2), ("Z", "khác", 5), ("A", "Đồng bằng", 1)]


def test_an_insert_lays_its_rows_out_in_the_order_asked(clusters):
    # table_rows reads the table as it lies: B, then A
    sql.insert(clusters, "kept", "table_rows", order=("code",), name="clusters")
    sql.insert(clusters, "kept", "table_rows", order=("name",), name="clusters")  # Miền < Đồng
    codes = [row[0] for row in clusters.execute("SELECT code FROM kept").fetchall()]
    assert codes == ["B", "Z", "A", "B", "B", "A"]
