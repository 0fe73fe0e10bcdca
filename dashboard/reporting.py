"""Who has reported: for each unit, the indicators that expect a figure in a period, those that
have one, and the unit's last upload."""

import duckdb
import pandas as pd

from dashboard import sql
from dashboard.periods import Period


def unit_reporting(
    cur: duckdb.DuckDBPyConnection,
    period: Period,
    cluster: str | None = None,
    group: str | None = None,
) -> pd.DataFrame:
    """Each active unit with the indicators `expected` in the period (at their latest due
    period), those `reported` and `missing`, and its `last_upload` (UTC; missing if never)."""
    frame = sql.frame(
        cur,
        "unit_reporting",
        year=period.year,
        first_month=period.start_month,
        last_month=period.end_month,
        cluster=cluster,
        group=group,
    )
    frame["missing"] = frame["expected"] - frame["reported"]
    return frame


def not_reported(reporting: pd.DataFrame) -> pd.DataFrame:
    """The units missing at least one expected report, most missing first."""
    late = reporting[reporting["missing"] > 0]
    return late.sort_values(["missing", "unit_code"], ascending=[False, True]).reset_index(
        drop=True
    )
