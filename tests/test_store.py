"""The store: migrations in place, cursors per thread, transactions and the data version."""

import shutil
import threading

import duckdb
import pytest

from builders import catalogue, commit_figures
from dashboard import sql
from dashboard import store as store_module
from dashboard.store import close_store, open_store, schema_version


def test_new_file_is_migrated_to_the_latest_step(store):
    latest = sql.schema_steps()[-1][0]
    assert schema_version(store.cursor()) == latest


def test_reopening_migrates_in_place_and_keeps_figures(db_path):
    store = open_store(db_path)
    catalogue(store, [("U1", "A")], [("S", "stock", "count", "up", "month")])
    commit_figures(store, [("U1", "S", "2022-01", 5)])
    close_store(db_path)
    again = open_store(db_path)
    assert store_module.migrate(again) == []
    assert again.cursor().execute("SELECT value FROM current_figures").fetchall() == [(5.0,)]


def test_an_older_file_gets_only_the_missing_steps(db_path, tmp_path, monkeypatch):
    store = open_store(db_path)
    catalogue(store, [("U1", "A")], [("S", "stock", "count", "up", "month")])
    commit_figures(store, [("U1", "S", "2022-01", 5)])
    close_store(db_path)
    queries = tmp_path / "queries"
    shutil.copytree(sql.QUERIES_DIR, queries)
    (queries / "schema_9999_note.sql").write_text("ALTER TABLE clusters ADD COLUMN note VARCHAR;")
    monkeypatch.setattr(sql, "QUERIES_DIR", queries)
    sql.load.cache_clear()
    try:
        cur = open_store(db_path).cursor()
        assert schema_version(cur) == 9999
        assert cur.execute("SELECT code, note FROM clusters").fetchall() == [("A", None)]
        assert cur.execute("SELECT value FROM current_figures").fetchall() == [(5.0,)]
    finally:
        sql.load.cache_clear()


def reopened_from_before(db_path, cur, step: int):
    """The file reopened as if it had stopped before schema step `step`: migrated to the end."""
    cur.execute("DELETE FROM schema_version WHERE version >= $step", {"step": step})
    close_store(db_path)
    cur = open_store(db_path).cursor()
    assert schema_version(cur) == sql.schema_steps()[-1][0]
    return cur


def test_a_file_from_before_step_5_gets_its_snapshot_afresh(db_path):
    store = open_store(db_path)
    catalogue(store, [("U1", "A")], [("R", "ratio", "percent", "up", "month")])
    commit_figures(store, [("U1", "R", "2022-01", 25.0, 1, 4)])
    cur = store.cursor()
    # as step 4 left it: no cluster, kind or direction, and the figure as written
    cur.execute("DROP TABLE unit_progress")
    cur.execute(
        "CREATE TABLE unit_progress AS SELECT 'U1' AS unit_code, 'R' AS indicator_code, "
        "2022 AS year, 1 AS month, 99.0 AS actual"
    )
    cur = reopened_from_before(db_path, cur, 5)
    rows = cur.execute(
        "SELECT DISTINCT cluster_code, kind, direction, actual FROM unit_progress"
    ).fetchall()
    assert rows == [("A", "ratio", "up", 25.0)]
    assert cur.execute("SELECT count(*) FROM unit_progress").fetchone() == (12,)


def test_a_file_from_before_step_6_gets_each_units_latest_figure_kept(db_path):
    store = open_store(db_path)
    catalogue(store, [("U1", "A")], [("F", "flow", "count", "up", "month")])
    commit_figures(store, [("U1", "F", "2022-01", 5), ("U1", "F", "2022-03", 7)])
    cur = store.cursor()
    cur.execute("ALTER TABLE unit_progress DROP COLUMN last_value")  # as step 5 left it
    cur.execute("ALTER TABLE unit_progress DROP COLUMN last_month")
    cur = reopened_from_before(db_path, cur, 6)
    rows = cur.execute(
        "SELECT month, actual, last_period, last_value, last_month FROM unit_progress "
        "WHERE month IN (2, 4) ORDER BY month"
    ).fetchall()
    assert rows == [(2, 5.0, "2022-01", 5.0, 1), (4, 12.0, "2022-03", 7.0, 3)]


def test_write_rolls_back_on_error(store):
    with pytest.raises(ZeroDivisionError), store.write() as cur:
        sql.run(cur, "insert_setting", key="k", value="v")
        1 / 0  # noqa: B018
    assert sql.scalar(store.cursor(), "setting", key="k") is None


def test_each_thread_reads_through_its_own_cursor(store):
    catalogue(store, [("U1", "A")], [("S", "stock", "count", "up", "month")])
    results, errors = [], []

    def read():
        try:
            cur = store.cursor()
            for _ in range(50):
                results.append(store.data_version(cur))
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(10):
        commit_figures(store, [("U1", "S", "2022-01", 5)])
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 200


def test_a_pinned_cursor_sees_the_database_as_it_was_when_it_opened(store):
    catalogue(store, [("U1", "A")], [("S", "stock", "count", "up", "month")])
    commit_figures(store, [("U1", "S", "2022-01", 5)])
    with store.pinned() as before:
        commit_figures(store, [("U1", "S", "2022-01", 6), ("U1", "S", "2022-02", 7)])
        seen = sql.frame(before, "export_figures", year=None)
        assert list(seen["gia_tri"]) == [5]
    now = sql.frame(store.cursor(), "export_figures", year=None)
    assert sorted(now["gia_tri"]) == [6, 7]


def test_open_store_is_one_per_process(db_path):
    assert open_store(db_path) is open_store(db_path)


def test_a_conflicting_write_is_run_again_then_reported(store, monkeypatch):
    monkeypatch.setattr(store_module.time, "sleep", lambda seconds: None)
    calls = []

    def work(cur):
        calls.append(len(calls) + 1)
        sql.run(cur, "insert_setting", key=f"k{calls[-1]}", value="v")
        if len(calls) < 3:
            raise duckdb.TransactionException("Transaction conflict - another server committed")
        return "done"

    assert store.transact(work) == "done"
    cur = store.cursor()
    assert [sql.scalar(cur, "setting", key=f"k{n}") for n in (1, 2, 3)] == [None, None, "v"]

    def always(cur):
        sql.run(cur, "insert_setting", key="lost", value="v")
        raise duckdb.TransactionException("Transaction conflict")

    with pytest.raises(store_module.StoreBusy, match="Chưa có gì được ghi"):
        store.transact(always)
    assert sql.scalar(store.cursor(), "setting", key="lost") is None

    def broken(cur):
        raise duckdb.TransactionException("some other transaction error")

    with pytest.raises(duckdb.TransactionException, match="some other"):
        store.transact(broken)
