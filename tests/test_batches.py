"""Batches: append-only figures, the current figure per key, duplicates, concurrency."""

import threading

import pandas as pd
import pytest

from builders import catalogue, commit_figures, figure_rows
from dashboard import batches, sql

INDICATORS = [("R", "ratio", "percent", "up", "month"), ("S", "stock", "count", "up", "month")]


@pytest.fixture
def province(store):
    catalogue(store, [("U1", "A"), ("U2", "A")], INDICATORS)
    return store


def table(store, name: str) -> pd.DataFrame:
    return store.cursor().execute(f"SELECT * FROM {name}").df()  # test-only inspection


def current(store) -> pd.DataFrame:
    return table(store, "current_figures").sort_values(["unit_code", "indicator_code", "period"])


def test_new_changed_same_are_counted_and_only_differences_logged(province):
    first = commit_figures(province, [("U1", "S", "2022-01", 5), ("U1", "S", "2022-02", 6)])
    assert (first.new, first.changed, first.same) == (2, 0, 0)
    second = commit_figures(
        province, [("U1", "S", "2022-01", 5), ("U1", "S", "2022-02", 7), ("U2", "S", "2022-02", 1)]
    )
    assert (second.new, second.changed, second.same) == (1, 1, 1)
    changed = second.changes[second.changes["change"] == "changed"].iloc[0]
    assert (changed["old_value"], changed["value"]) == (6, 7)
    log = table(province, "figures")
    assert len(log) == 4  # the unchanged figure is not written again
    assert sorted(log["value"]) == [1, 5, 6, 7]  # the replaced 6 stays in history
    assert current(province)["value"].tolist() == [5, 7, 1]
    batches_table = table(province, "batches").sort_values("seq")
    assert batches_table["seq"].tolist() == [1, 2]
    assert batches_table[["rows_new", "rows_changed", "rows_same"]].values.tolist() == [
        [2, 0, 0],
        [1, 1, 1],
    ]


def test_the_log_is_never_updated_in_place(province):
    commit_figures(province, [("U1", "S", "2022-01", 5)])
    before = table(province, "figures")
    commit_figures(province, [("U1", "S", "2022-01", 8)])
    after = table(province, "figures")
    pd.testing.assert_frame_equal(after.iloc[: len(before)], before)
    assert len(after) == len(before) + 1


def test_same_file_twice_changes_nothing(province):
    first = commit_figures(province, [("U1", "S", "2022-01", 5)], sha256="abc", file_name="a.csv")
    version = province.data_version(province.cursor())
    again = commit_figures(province, [("U1", "S", "2022-01", 9)], sha256="abc", file_name="b.csv")
    assert again.batch_id is None
    assert again.duplicate_of["id"] == first.batch_id
    assert again.duplicate_of["file_name"] == "a.csv"
    assert province.data_version(province.cursor()) == version
    assert current(province)["value"].tolist() == [5]


def test_every_commit_bumps_the_data_version(province):
    before = province.data_version(province.cursor())
    commit_figures(province, [("U1", "S", "2022-01", 5)])
    assert province.data_version(province.cursor()) > before


def test_failed_commit_writes_nothing(province, monkeypatch):
    commit_figures(province, [("U1", "S", "2022-01", 5)])
    before = {
        name: table(province, name)
        for name in ("figures", "batches", "current_figures", "audit_log")
    }

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(batches, "audit", explode)
    with pytest.raises(RuntimeError):
        commit_figures(province, [("U1", "S", "2022-01", 6), ("U2", "S", "2022-01", 1)])
    for name, frame in before.items():
        pd.testing.assert_frame_equal(table(province, name), frame)


def test_tombstone_removes_the_current_figure_but_keeps_history(province):
    commit_figures(province, [("U1", "S", "2022-01", 5)])
    rows = figure_rows([("U1", "S", "2022-01", None)])
    rows["deleted"] = True
    batches.commit(province, batches.FIGURES, rows, username="test", kind="revert")
    assert current(province).empty
    assert len(table(province, "figures")) == 2


def test_rebuild_matches_incremental_updates(province):
    commit_figures(province, [("U1", "S", "2022-01", 5), ("U2", "R", "2022-01", 50, 1, 2)])
    commit_figures(province, [("U1", "S", "2022-01", 6)])
    commit_figures(province, [("U1", "S", "2022-02", 7), ("U2", "R", "2022-01", 25, 1, 4)])
    incremental = current(province).reset_index(drop=True)
    assert batches.rebuild_current_figures(province, "test") == 3
    pd.testing.assert_frame_equal(current(province).reset_index(drop=True), incremental)


def test_threads_committing_the_same_keys_leave_one_current_figure_each(province):
    errors = []

    def worker(n: int):
        try:
            for round_ in range(5):
                rows = [
                    (unit, "S", f"2022-{m:02d}", n * 100 + round_)
                    for unit in ("U1", "U2")
                    for m in range(1, 7)
                ]
                commit_figures(province, rows, user=f"t{n}")
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    now = current(province)
    assert len(now) == 12
    assert not now.duplicated(["unit_code", "indicator_code", "period"]).any()
    batches_table = table(province, "batches")
    assert len(batches_table) == 30
    assert batches_table["seq"].is_unique
    # the current figure is the one of the latest batch in commit order
    last = batches_table.sort_values("seq").iloc[-1]
    log = table(province, "figures")
    expected = log[log["batch_id"] == last["id"]]["value"]
    assert set(now["value"]) == set(expected)
    assert (now["batch_id"] == last["id"]).all()


def test_staging_numbers_rows_and_fills_missing_columns():
    staged = batches.stage(batches.FIGURES, figure_rows([("U1", "S", "2022-01", 5)]))
    assert staged["source_row"].tolist() == [1]
    assert staged["deleted"].tolist() == [False]
    assert staged["note"].tolist() == [None]


def test_rows_a_check_staged_are_committed_as_they_are(province):
    rows = figure_rows([("U1", "S", "2022-01", 5), ("U2", "R", "2022-01", None, 3, 4)])
    staged = batches.stage(batches.FIGURES, rows)
    done = batches.commit(
        province, batches.FIGURES, staged, username="test", kind="figures", staged=True
    )
    assert (done.new, done.changed, done.same) == (2, 0, 0)
    written = current(province)
    assert written["numerator"].tolist()[1] == 3
    assert written["note"].isna().all()
    again = commit_figures(
        province, [("U1", "S", "2022-01", 5), ("U2", "R", "2022-01", None, 3, 4)]
    )
    assert (again.new, again.changed, again.same) == (0, 0, 2)


def test_a_preview_lists_each_lines_figures_by_their_key(province):
    # one line of periods across: its figures come in whatever order, are shown in period order
    rows = figure_rows(
        [("U1", "S", "2022-03", 3), ("U1", "S", "2022-01", 1), ("U1", "S", "2022-02", 2)]
    )
    rows["source_row"] = [7, 7, 5]
    shown = batches.classify(
        province.cursor(), batches.FIGURES, batches.stage(batches.FIGURES, rows)
    )
    assert shown[["source_row", "period"]].values.tolist() == [
        [5, "2022-02"],
        [7, "2022-01"],
        [7, "2022-03"],
    ]


def test_queries_are_files_with_named_parameters():
    assert "$sha256" in sql.load("batch_with_sha256")
    assert [name for _, name in sql.schema_steps()][0] == "schema_0001_base"


def test_batch_ids_are_short_random_and_distinct():
    ids = {batches.new_batch_id() for _ in range(10_000)}
    assert len(ids) == 10_000
    assert all(len(i) == 12 and i.isalnum() and i == i.lower() for i in ids)
