"""The progress engine, against numbers worked out by hand."""

import pandas as pd
import pytest

from builders import catalogue, commit_figures, commit_targets
from dashboard import catalog, progress
from dashboard.periods import must_parse

INDICATORS = [
    ("R", "ratio", "percent", "up", "month"),
    ("D", "ratio", "percent", "down", "month"),
    ("S", "stock", "count", "up", "quarter"),
    ("F", "flow", "count", "up", "month"),
    ("C", "score", "score", "up", "quarter"),
    ("N", "stock", "count", "up", "month"),  # never given a target
]


@pytest.fixture
def province(store):
    """Cluster A holds U1 and U2, cluster B holds U3, which has only last year's figures."""
    catalogue(store, [("U1", "A"), ("U2", "A"), ("U3", "B")], INDICATORS)
    commit_targets(
        store,
        [
            ("*", "R", 2022, 80.0),
            ("U2", "R", 2022, 60.0),
            ("*", "D", 2022, 3.0),
            ("U1", "S", 2022, 10.0),
            ("U2", "S", 2022, 5.0),
            ("*", "F", 2022, 100.0),
            ("*", "C", 2022, 85.0),
            ("U2", "C", 2022, 75.0),
            ("*", "R", 2021, 50.0),
        ],
    )
    commit_figures(
        store,
        [
            ("U1", "R", "2021-12", 20.0, 20, 100),
            ("U1", "R", "2022-01", 30.0, 30, 100),
            ("U1", "R", "2022-02", 50.0, 50, 100),
            ("U2", "R", "2022-02", 10 / 3, 10, 300),
            ("U3", "R", "2021-06", 40.0, 40, 100),
            ("U1", "D", "2021-12", 10.0),
            ("U1", "D", "2022-06", 5.0),
            ("U2", "D", "2022-06", 9.0),
            ("U1", "S", "2021-Q4", 2),
            ("U1", "S", "2022-Q1", 4),
            ("U1", "S", "2022-Q2", 6),
            ("U2", "S", "2022-Q2", 3),
            ("U1", "F", "2021-12", 500),
            *[("U1", "F", f"2022-{m:02d}", 10) for m in range(1, 7)],
            ("U1", "C", "2022-Q1", 70.0),
            ("U1", "C", "2022-Q2", 80.0),
            ("U2", "C", "2022-Q2", 60.0),
            ("U1", "N", "2022-03", 7),
        ],
    )
    return store


def row(frame: pd.DataFrame, scope: str, indicator: str) -> pd.Series:
    match = frame[(frame["scope_code"] == scope) & (frame["indicator_code"] == indicator)]
    assert len(match) == 1, (scope, indicator)
    return match.iloc[0]


def at(store, period: str, by: str = "unit", **kwargs) -> pd.DataFrame:
    return progress.progress(store.cursor(), must_parse(period), by, at_risk_pct=80, **kwargs)


def test_ratio_unit_takes_latest_figure_and_pace_from_last_year(province):
    r = row(at(province, "2022-02"), "U1", "R")
    assert r["actual"] == pytest.approx(50)
    assert r["baseline"] == pytest.approx(20)
    assert r["expected"] == pytest.approx(20 + (80 - 20) * 2 / 12)  # 30
    assert r["achievement_pct"] == pytest.approx(62.5)
    assert r["status"] == "on_track"
    earlier = row(at(province, "2022-01"), "U1", "R")
    assert earlier["actual"] == pytest.approx(30)
    assert earlier["expected"] == pytest.approx(25)
    assert earlier["status"] == "on_track"


def test_ratio_cluster_is_sum_of_numerators_over_sum_of_denominators(province):
    r = row(at(province, "2022-02", "cluster"), "A", "R")
    assert r["actual"] == pytest.approx(100 * (50 + 10) / (100 + 300))  # 15 %, not a mean
    assert r["target"] == pytest.approx((80 * 100 + 60 * 300) / 400)  # 65, weighted
    assert r["baseline"] == pytest.approx(20)  # only U1 reported in 2021
    assert r["expected"] == pytest.approx(20 + (65 - 20) * 2 / 12)  # 27.5
    assert r["achievement_pct"] == pytest.approx(100 * 15 / 65)
    assert r["status"] == "at_risk"  # 15 < 0.8 × 27.5
    assert (r["units_reporting"], r["units_total"]) == (2, 2)


@pytest.mark.parametrize(
    ("value", "status", "achievement"),
    [
        (2.0, "done", 150.0),
        (5.0, "on_track", 60.0),
        (7.5, "behind", 40.0),
        (9.0, "at_risk", 100 * 3 / 9),
    ],
)
def test_down_indicator_inverts(store, value, status, achievement):
    catalogue(store, [("U1", "A")], INDICATORS)
    commit_targets(store, [("*", "D", 2022, 3.0)])
    commit_figures(store, [("U1", "D", "2021-12", 10.0), ("U1", "D", "2022-06", value)])
    r = row(at(store, "2022-H1"), "U1", "D")
    assert r["expected"] == pytest.approx(10 + (3 - 10) * 0.5)  # 6.5
    assert r["achievement_pct"] == pytest.approx(achievement)
    assert r["status"] == status


def test_down_indicator_at_zero_is_done(store):
    catalogue(store, [("U1", "A")], INDICATORS)
    commit_targets(store, [("*", "D", 2022, 3.0)])
    commit_figures(store, [("U1", "D", "2022-06", 0.0)])
    r = row(at(store, "2022-06"), "U1", "D")
    assert (r["achievement_pct"], r["status"]) == (100.0, "done")


def test_down_indicator_without_last_year_is_held_to_its_target(province):
    r = row(at(province, "2022-H1"), "U2", "D")
    assert r["expected"] == pytest.approx(3.0)
    assert r["status"] == "at_risk"  # 9 × 0.8 > 3


@pytest.mark.parametrize(
    ("period", "actual", "expected", "status"),
    [
        ("2022-05", 4, 2 + 8 * 5 / 12, "at_risk"),  # a month: the quarter that ended before it
        ("2022-Q1", 4, 2 + 8 * 3 / 12, "on_track"),
        ("2022-H1", 6, 6, "on_track"),
        ("2022", 6, 10, "at_risk"),
    ],
)
def test_stock_at_each_period_type(province, period, actual, expected, status):
    r = row(at(province, period), "U1", "S")
    assert r["actual"] == pytest.approx(actual)
    assert r["expected"] == pytest.approx(expected)
    assert r["status"] == status


def test_stock_adds_up_across_units(province):
    r = row(at(province, "2022-H1", "cluster"), "A", "S")
    assert (r["actual"], r["target"], r["baseline"]) == (9, 15, 2)


def test_flow_sums_the_year_only(province):
    r = row(at(province, "2022-H1"), "U1", "F")
    assert r["actual"] == 60  # December 2021's 500 is last year's
    assert r["baseline"] == 0
    assert r["expected"] == pytest.approx(50)
    assert r["achievement_pct"] == pytest.approx(60)
    assert r["status"] == "on_track"
    assert row(at(province, "2022-Q1"), "U1", "F")["actual"] == 30


def test_score_is_averaged_across_units(province):
    r = row(at(province, "2022-H1", "cluster"), "A", "C")
    assert r["actual"] == pytest.approx(70)
    assert r["target"] == pytest.approx(80)
    assert r["status"] == "on_track"  # no baseline: expected is 80 × 0.5


def test_unit_without_figures_is_no_data_not_zero(province):
    frame = at(province, "2022-H1")
    u3 = frame[frame["scope_code"] == "U3"]
    assert set(u3["status"]) <= {"no_data", "no_target"}
    assert u3["actual"].isna().all()
    r = row(frame, "U3", "R")  # has a 2021 figure, which is not this year's progress
    assert r["status"] == "no_data"
    assert pd.isna(r["achievement_pct"])
    assert r["target"] == 80


def test_missing_target_is_a_status(province):
    r = row(at(province, "2022-H1"), "U1", "N")
    assert r["actual"] == 7
    assert r["status"] == "no_target"
    assert pd.isna(r["achievement_pct"])


def test_cluster_without_reports_is_no_data(province):
    r = row(at(province, "2022-H1", "cluster"), "B", "R")
    assert r["status"] == "no_data"
    assert r["target"] == 80
    assert r["units_reporting"] == 0


def test_province_covers_every_unit(province):
    r = row(at(province, "2022-02", "province"), "*", "R")
    assert r["actual"] == pytest.approx(15)  # U3 has no 2022 figure, so it does not count
    assert (r["units_reporting"], r["units_total"]) == (2, 3)


def test_filters_narrow_the_scope(province):
    frame = at(province, "2022-H1", cluster="B")
    assert set(frame["scope_code"]) == {"U3"}
    frame = at(province, "2022-H1", group="G", indicator="R")
    assert set(frame["indicator_code"]) == {"R"}


def test_a_units_ratio_is_its_parts_even_when_its_value_disagrees(province):
    # Validation stores a ratio with parts as numerator / denominator; a row written some other
    # way still shows, for its unit as for its cluster, what the parts say.
    commit_figures(province, [("U3", "R", "2022-02", 99.0, 1, 4)])
    unit = row(at(province, "2022-02"), "U3", "R")
    cluster = row(at(province, "2022-02", "cluster"), "B", "R")
    assert unit["actual"] == cluster["actual"] == 25.0
    assert unit["baseline"] == cluster["baseline"] == 40.0


def test_province_narrowed_to_a_cluster_is_that_clusters_sum(province):
    narrowed = row(at(province, "2022-H1", "province", cluster="A"), "*", "S")
    cluster = row(at(province, "2022-H1", "cluster"), "A", "S")
    for column in ("actual", "target", "baseline", "status", "units_total"):
        assert narrowed[column] == cluster[column]


def test_threshold_is_configurable(province):
    frame = progress.progress(province.cursor(), must_parse("2022-02"), "cluster", at_risk_pct=50)
    assert row(frame, "A", "R")["status"] == "behind"  # 15 ≥ 0.5 × 27.5


def test_threshold_from_environment(monkeypatch):
    monkeypatch.setenv("CDS_AT_RISK_PCT", "70,5")
    from dashboard import config

    assert config.at_risk_pct() == 70.5
    monkeypatch.setenv("CDS_AT_RISK_PCT", "nhiều")
    with pytest.raises(ValueError, match="CDS_AT_RISK_PCT"):
        config.at_risk_pct()


def test_ranking_caps_at_100_and_counts_missing_reports_as_zero():
    unit_rows = pd.DataFrame(
        {
            "cluster_code": ["A"] * 6,
            "scope_code": ["U1", "U1", "U2", "U2", "U3", "U3"],
            "indicator_code": ["R", "S"] * 3,
            "actual": [1, 1, 1, None, 1, 1],
            "target": [1, 1, 1, 1, 1, None],
            "achievement_pct": [150.0, 50.0, 100.0, None, 90.0, None],
        }
    )
    ranked = progress.ranking(unit_rows).set_index("unit_code")
    assert ranked.loc["U1", "score"] == pytest.approx(75)  # (100 + 50) / 2
    assert ranked.loc["U2", "score"] == pytest.approx(50)  # (100 + 0) / 2
    assert ranked.loc["U3", "score"] == pytest.approx(90)  # no target: left out
    assert list(ranked["rank"].loc[["U3", "U1", "U2"]]) == [1, 2, 3]


def test_ranking_ties_share_a_rank():
    unit_rows = pd.DataFrame(
        {
            "cluster_code": ["A", "A", "A"],
            "scope_code": ["U1", "U2", "U3"],
            "indicator_code": ["R"] * 3,
            "actual": [1, 1, 1],
            "target": [1, 1, 1],
            "achievement_pct": [80.0, 80.0, 60.0],
        }
    )
    ranked = progress.ranking(unit_rows).set_index("unit_code")
    assert list(ranked.loc[["U1", "U2", "U3"], "rank"]) == [1, 1, 3]


def test_default_period_is_the_half_of_the_newest_figure(province):
    assert progress.default_period(province.cursor()).code == "2022-H1"
    assert progress.years(province.cursor()) == [2022, 2021]


def test_default_period_of_empty_database(store):
    assert progress.default_period(store.cursor()) is None


def test_the_group_filter_holds_at_every_level(province):
    for by in ("unit", "cluster", "province"):
        assert set(at(province, "2022-H1", by, group="G")["indicator_code"]) == {
            i[0] for i in INDICATORS
        }
        assert at(province, "2022-H1", by, group="KHAC").empty


def test_ranking_restarts_in_each_cluster_and_lists_clusters_in_order():
    unit_rows = pd.DataFrame(
        {
            "cluster_code": ["B", "B", "A", "A", "A"],
            "scope_code": ["U9", "U8", "U3", "U2", "U1"],
            "indicator_code": ["R"] * 5,
            "actual": [1] * 5,
            "target": [1] * 5,
            "achievement_pct": [40.0, 70.0, 60.0, 90.0, 60.0],
        }
    )
    ranked = progress.ranking(unit_rows)
    assert list(ranked["cluster_code"]) == ["A", "A", "A", "B", "B"]
    assert list(ranked["unit_code"]) == ["U2", "U1", "U3", "U8", "U9"]  # ties by unit code
    assert list(ranked["rank"]) == [1, 2, 2, 1, 2]


@pytest.mark.parametrize("period", ["2022-02", "2022-H1", "2022-Q3", "2021-12"])
@pytest.mark.parametrize("cluster", ["A", "B", None])
def test_the_overview_reads_what_each_level_shows(province, period, cluster):
    view = progress.overview(province.cursor(), must_parse(period), cluster, at_risk_pct=80)
    scope = (
        at(province, period, "province")
        if cluster is None
        else at(province, period, "cluster", cluster=cluster)
    )
    expected = {
        "scope": scope,
        "clusters": at(province, period, "cluster"),
        "units": at(province, period, "unit", cluster=cluster),
    }
    for part, frame in expected.items():
        key = ["scope_code", "indicator_code"]
        shown = view[part].sort_values(key).reset_index(drop=True)
        read = frame[shown.columns]
        # text comes as plain objects rather than pandas' str; missing is missing either way
        pd.testing.assert_frame_equal(
            shown.astype(object).where(shown.notna(), None),
            read.astype(object).where(read.notna(), None),
        )
    pd.testing.assert_frame_equal(view["ranking"], progress.ranking(expected["units"]))


def test_the_overview_narrowed_to_some_indicators(province):
    view = progress.overview(province.cursor(), must_parse("2022-H1"), "A", ["R", "F"])
    for part in ("scope", "clusters", "units"):
        assert set(view[part]["indicator_code"]) == {"R", "F"}
    assert set(view["units"]["scope_code"]) == {"U1", "U2"}
    assert progress.overview(province.cursor(), must_parse("2022-H1"), "A", [])["units"].empty


def test_ranking_without_any_target_is_empty():
    unit_rows = pd.DataFrame(
        {
            "cluster_code": ["A"],
            "scope_code": ["U1"],
            "indicator_code": ["R"],
            "actual": [1.0],
            "target": [None],
            "achievement_pct": [None],
        }
    )
    ranked = progress.ranking(unit_rows)
    assert ranked.empty
    assert list(ranked.columns) == [
        "cluster_code",
        "unit_code",
        "score",
        "indicators",
        "reported",
        "rank",
    ]


def test_a_new_year_with_targets_and_no_figures_yet_has_headlines_without_scores(province):
    # January of a new year: the department has set targets, no unit has reported yet.
    commit_targets(province, [("*", "R", 2023, 90.0)])
    cur = province.cursor()
    now, before = at(province, "2023-01", "province"), at(province, "2022-12", "province")
    assert now["achievement_pct"].isna().all()
    headlines = progress.group_headlines(
        now, before, catalog.indicators(cur), catalog.indicator_groups(cur)
    )
    row = headlines.iloc[0]
    assert list(headlines["group_code"]) == ["G"]
    assert pd.isna(row["score"]) and pd.isna(row["change"])  # nothing reported: no score yet
    assert row["previous"] == pytest.approx(57.644230769)  # December's, as computed above
    empty = now.iloc[:0]  # a period with nothing at all: no groups, and no error
    assert progress.group_headlines(
        empty, empty, catalog.indicators(cur), catalog.indicator_groups(cur)
    ).empty
