"""The progress snapshot and the current figures: after any mix of commits, reverts, target
changes and catalogue edits, what was kept up to date piece by piece equals a rebuild from
scratch."""

import contextlib

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import catalogue, commit_figures, commit_targets
from dashboard import batches, catalog, progress, sql
from dashboard.accounts import LOCAL_OPERATOR
from dashboard.periods import Period
from dashboard.store import close_store, open_store

UNITS = [("A1", "C1"), ("A2", "C1"), ("B1", "C2")]
INDICATORS = [
    ("STOCK", "stock", "count", "up", "month"),
    ("FLOW", "flow", "count", "up", "month"),
    ("RATIO", "ratio", "percent", "up", "month"),
    ("LESS", "score", "score", "down", "month"),
]


def tables(store) -> dict[str, pd.DataFrame]:
    cur = store.cursor()
    out = {}
    for name in ("current_figures", "unit_progress", "scope_progress"):
        frame = cur.execute(f"SELECT * FROM {name}").df()
        out[name] = frame.sort_values(list(frame.columns[:6])).reset_index(drop=True)
    return out


def assert_same_as_rebuilt(store) -> None:
    kept = tables(store)
    batches.rebuild_current_figures(store, "test")  # from the log, and the snapshot after it
    rebuilt = tables(store)
    for name in kept:
        pd.testing.assert_frame_equal(kept[name], rebuilt[name], check_dtype=False)


figure = st.tuples(
    st.sampled_from([u for u, _ in UNITS]),
    st.sampled_from([i[0] for i in INDICATORS]),
    st.sampled_from(["2023-11", "2023-12", "2024-01", "2024-03", "2024-06", "2025-02"]),
    st.one_of(st.none(), st.integers(0, 50).map(float)),
)
step = st.one_of(
    st.tuples(st.just("figures"), st.lists(figure, min_size=1, max_size=6)),
    st.tuples(
        st.just("targets"),
        st.lists(
            st.tuples(
                st.sampled_from(["*", "A1", "B1"]),
                st.sampled_from([i[0] for i in INDICATORS]),
                st.sampled_from([2023, 2024, 2025]),
                st.integers(1, 60).map(float),
            ),
            min_size=1,
            max_size=3,
        ),
    ),
    st.tuples(st.just("revert"), st.integers(0, 5)),
    st.tuples(st.just("move"), st.sampled_from(["A2", "B1"])),
    st.tuples(st.just("deactivate"), st.sampled_from(["A1", "B1"])),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=1, max_size=8))
def test_kept_snapshot_equals_rebuilt(tmp_path_factory, steps):
    path = str(tmp_path_factory.mktemp("snap") / "cds.duckdb")
    store = open_store(path)
    try:
        catalogue(store, UNITS, INDICATORS)
        for kind, arg in steps:
            if kind == "figures":
                rows = [
                    (u, i, p, v, v, 50.0) if i == "RATIO" and v is not None else (u, i, p, v)
                    for u, i, p, v in {(u, i, p): (u, i, p, v) for u, i, p, v in arg}.values()
                ]
                commit_figures(store, rows)
            elif kind == "targets":
                unique = {(u, i, y): (u, i, y, v) for u, i, y, v in arg}
                commit_targets(store, list(unique.values()))
            elif kind == "revert":
                found = batches.batch_list(store.cursor(), kind="figures")
                if len(found) > arg:
                    with contextlib.suppress(batches.RevertRefused):
                        batches.revert(store, found.iloc[arg]["id"], LOCAL_OPERATOR)
            elif kind == "move":
                units = catalog.units(store.cursor()).set_index("code")
                other = "C2" if units.loc[arg, "cluster_code"] == "C1" else "C1"
                catalog.update_unit(store, LOCAL_OPERATOR, arg, cluster_code=other)
            else:
                catalog.update_unit(store, LOCAL_OPERATOR, arg, active=False)
        assert_same_as_rebuilt(store)
    finally:
        close_store(path)


def test_a_commit_is_on_the_next_read(store):
    catalogue(store, UNITS, INDICATORS)
    commit_targets(store, [("*", "STOCK", 2024, 10.0)])
    commit_figures(store, [("A1", "STOCK", "2024-03", 4.0)])
    period = Period(2024, "half", 1)
    before = progress.progress(store.cursor(), period, "cluster").set_index(
        ["scope_code", "indicator_code"]
    )
    assert before.loc[("C1", "STOCK"), "actual"] == 4.0
    commit_figures(store, [("A2", "STOCK", "2024-05", 3.0)])
    after = progress.progress(store.cursor(), period, "cluster").set_index(
        ["scope_code", "indicator_code"]
    )
    assert after.loc[("C1", "STOCK"), "actual"] == 7.0
    assert after.loc[("C1", "STOCK"), "units_reporting"] == 2


def test_a_year_without_figures_or_targets_leaves_the_snapshot(store):
    catalogue(store, UNITS, INDICATORS)
    result = commit_figures(store, [("A1", "STOCK", "2026-01", 4.0)])
    assert sql.frame(store.cursor(), "progress_years")["year"].tolist() == [2026]
    batches.revert(store, result.batch_id, LOCAL_OPERATOR)
    assert sql.frame(store.cursor(), "progress_years").empty
    assert store.cursor().execute("SELECT count(*) FROM unit_progress").fetchone() == (0,)
