"""Reading the audit log: every write, who made it, when, and which batch."""

from datetime import UTC, date, datetime, timedelta

import duckdb
import pandas as pd

from dashboard import formatting, sql
from dashboard.config import LOCAL_TZ

ACTION_LABELS = {
    "commit_figures": "Ghi số liệu",
    "commit_targets": "Giao kế hoạch",
    "add_clusters": "Thêm cụm",
    "add_units": "Thêm đơn vị",
    "add_indicators": "Thêm chỉ tiêu",
    "add_indicator_groups": "Thêm nhóm chỉ tiêu",
    "rename_cluster": "Đổi tên cụm",
    "update_unit": "Sửa đơn vị",
    "update_indicator": "Sửa chỉ tiêu",
    "import_units": "Nạp danh sách đơn vị",
    "import_indicators": "Nạp danh sách chỉ tiêu",
    "add_user": "Tạo tài khoản",
    "set_password": "Đổi mật khẩu",
    "disable_user": "Khóa tài khoản",
    "enable_user": "Mở tài khoản",
    "setting": "Thiết lập",
    "rebuild_current_figures": "Dựng lại số liệu hiện hành",
}


def _utc(day: date | None, end: bool = False) -> datetime | None:
    """The start (or the end) of a Vietnamese calendar day, in UTC as stored."""
    if day is None:
        return None
    local = datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ) + timedelta(days=int(end))
    return local.astimezone(UTC).replace(tzinfo=None)


def entries(
    cur: duckdb.DuckDBPyConnection,
    *,
    username: str | None = None,
    action: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 1000,
) -> pd.DataFrame:
    """Writes newest first, filtered by user, kind of write and days (inclusive)."""
    return sql.frame(
        cur,
        "audit_entries",
        username=username,
        action=action,
        since=_utc(since),
        until=_utc(until, end=True),
        limit=limit,
    )


def filters(cur: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str]]:
    """The users who wrote and the kinds of write, for the page's filters."""
    frame = sql.frame(cur, "audit_users_and_actions")
    return sorted(set(frame["username"])), sorted(set(frame["action"]))


def for_people(frame: pd.DataFrame) -> pd.DataFrame:
    """The log as people read it."""
    return pd.DataFrame(
        {
            "Số": frame["seq"],
            "Thời gian": frame["logged_at"].map(formatting.date_time),
            "Người thực hiện": frame["username"],
            "Việc": frame["action"].map(lambda a: ACTION_LABELS.get(a, a)),
            "Chi tiết": frame["detail"].fillna(""),
            "Lô": frame["batch_id"].fillna(""),
        }
    )
