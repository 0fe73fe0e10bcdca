"""Per-cell rules over whole columns: once per distinct value, empty cells included."""

import pandas as pd

from dashboard.cells import looked_up, per_value


def test_a_rule_runs_once_per_distinct_value_and_once_for_empty_cells():
    seen = []

    def rule(value):
        seen.append(value)
        return None if value is None else value.lower()

    values = pd.Series(["A", "B", None, "A", float("nan"), "B"], index=[5, 6, 7, 8, 9, 10])
    result = per_value(values, rule)
    assert list(result) == ["a", "b", None, "a", None, "b"]
    assert list(result.index) == [5, 6, 7, 8, 9, 10]
    assert sorted(seen, key=str) == ["A", "B", None]


def test_looked_up_gives_each_cell_its_row_and_none_where_there_is_none():
    table = pd.DataFrame(
        {"kind": ["ratio", "stock"], "frequency": ["month", None]}, index=["R", "S"]
    )
    values = pd.Series(["S", None, "X", "R", "S"], index=[3, 4, 5, 6, 7])
    found = looked_up(values, table)
    assert list(found.index) == [3, 4, 5, 6, 7]
    assert found.to_dict("list") == {
        "kind": ["stock", None, None, "ratio", "stock"],
        "frequency": [None, None, None, "month", None],
    }
    assert found["kind"].eq("ratio").tolist() == [False, False, False, True, False]
