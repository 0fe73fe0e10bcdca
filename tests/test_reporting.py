"""Who has reported for a period, and each unit's last upload."""

from datetime import date, datetime

from builders import catalogue, commit_figures
from dashboard import reporting
from dashboard.periods import must_parse

INDICATORS = [
    ("M", "stock", "count", "up", "month"),
    ("Q", "stock", "count", "up", "quarter"),
    ("Y", "flow", "count", "up", "year"),
]


def test_due_reports_are_the_latest_period_of_each_frequency(store):
    catalogue(store, [("U1", "A"), ("U2", "A"), ("U3", "B")], INDICATORS)
    commit_figures(
        store,
        [
            ("U1", "M", "2022-06", 1),
            ("U1", "Q", "2022-Q2", 1),
            ("U2", "M", "2022-05", 1),
            ("U2", "Q", "2022-Q1", 1),
        ],
        created_at=datetime(2022, 7, 5, 2, 0),
    )
    frame = reporting.unit_reporting(store.cursor(), must_parse("2022-H1")).set_index("unit_code")
    assert frame["expected"].tolist() == [2, 2, 2]  # the yearly one is not due in the first half
    assert frame.loc["U1", "missing"] == 0
    assert frame.loc["U2", "missing"] == 2  # May and Q1 are not June and Q2
    assert frame.loc["U3", "missing"] == 2
    assert frame.loc["U1", "last_upload"] == datetime(2022, 7, 5, 2, 0)
    assert frame["last_upload"].isna()["U3"]
    late = reporting.not_reported(frame.reset_index())
    assert late["unit_code"].tolist() == ["U2", "U3"]


def test_a_month_expects_only_monthly_reports(store):
    catalogue(store, [("U1", "A")], INDICATORS)
    frame = reporting.unit_reporting(store.cursor(), must_parse("2022-05"))
    assert frame["expected"].tolist() == [1]
    frame = reporting.unit_reporting(store.cursor(), must_parse("2022"))
    assert frame["expected"].tolist() == [3]


def test_cluster_and_group_filters(store):
    catalogue(store, [("U1", "A"), ("U3", "B")], INDICATORS)
    frame = reporting.unit_reporting(store.cursor(), must_parse("2022-Q2"), cluster="B", group="G")
    assert frame["unit_code"].tolist() == ["U3"]


def test_a_period_still_running_expects_only_the_months_already_over(store):
    catalogue(store, [("U1", "A")], INDICATORS)
    commit_figures(store, [("U1", "M", "2026-10", 1)])
    h2 = must_parse("2026-H2")
    # 27 November: October is the last month over; Q3 is due, Q4 and the year are not
    assert reporting.due_until(h2, date(2026, 11, 27)) == 10
    frame = reporting.unit_reporting(store.cursor(), h2, today=date(2026, 11, 27))
    assert frame[["expected", "reported", "missing"]].values.tolist() == [[2, 1, 1]]
    # a period none of whose months is over expects nothing yet
    assert reporting.due_until(h2, date(2026, 7, 15)) is None
    frame = reporting.unit_reporting(store.cursor(), h2, today=date(2026, 7, 15))
    assert frame["expected"].tolist() == [0] and reporting.not_reported(frame).empty
    # a period that is over expects its last month, whenever it is looked at
    assert reporting.due_until(must_parse("2022-H1"), date(2026, 11, 27)) == 6
    assert reporting.due_until(must_parse("2026-10"), date(2026, 11, 1)) == 10
    assert reporting.due_until(must_parse("2027-01"), date(2026, 11, 27)) is None
