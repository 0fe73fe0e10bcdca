"""Who has reported: for each unit, the indicators that expect a figure in a period, those that
have one, and the unit's last upload."""

from datetime import date

import duckdb
import pandas as pd

from dashboard import config, sql
from dashboard.periods import Period


def due_until(period: Period, today: date) -> int | None:
    """The last month of `period` whose reports are due by `today` (a month's figures once it
    has ended): the period's last month, or for a period still running the last month already
    over; None when no month of it is over yet."""
    if (period.year, period.end_month) < (today.year, today.month):
        return period.end_month
    if period.year == today.year and today.month - 1 >= period.start_month:
        return today.month - 1
    return None


def due_note(period: Period, due: int | None) -> str:
    """ " (tính đến hết tháng 10/2026; …)" when only part of `period` is due yet, else ""."""
    if due is None or due == period.end_month:
        return ""
    return f" (tính đến hết tháng {due}/{period.year}; các tháng sau chưa đến hạn báo cáo)"


def nobody_late(period: Period, due: int | None) -> str:
    """What to say when no unit misses a report of `period` due by now."""
    if due is None:
        return f"Chưa đến hạn báo cáo nào của {period.in_sentence}."
    return f"Mọi đơn vị đã gửi đủ số liệu {period.in_sentence}{due_note(period, due)}."


def unit_reporting(
    cur: duckdb.DuckDBPyConnection,
    period: Period,
    cluster: str | None = None,
    group: str | None = None,
    today: date | None = None,
) -> pd.DataFrame:
    """Each active unit with the indicators `expected` in the period by `today` (each at its
    latest period due: due_until), those `reported` and `missing`, and its `last_upload` (UTC;
    missing if never)."""
    frame = sql.frame(
        cur,
        "unit_reporting",
        year=period.year,
        first_month=period.start_month,
        last_month=due_until(period, today or config.today()) or 0,  # 0: nothing is due
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
