"""Settings kept in the database (the demo flag, and later what admins switch on)."""

import duckdb

from dashboard import sql
from dashboard.accounts import Actor, require_admin
from dashboard.store import Store, audit


def get(cur: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    """A setting's value, or `default` when it was never set."""
    value = sql.scalar(cur, "setting", key=key)
    return default if value is None else value


# How the audit log says a setting and its values.
SAID = {
    "public_view": ("Cho xem không cần đăng nhập", {"true": "bật", "false": "tắt"}),
    "demo": ("Dữ liệu mẫu", {"true": "bật", "false": "tắt"}),
}


def put(store: Store, key: str, value: str, username: str) -> None:
    """Set a setting, replacing its old value, and record who did."""

    def work(cur):
        sql.run(cur, "delete_setting", key=key)
        sql.run(cur, "insert_setting", key=key, value=value)
        said = SAID.get(key, (key, {}))
        audit(cur, username, "setting", f"{said[0]}: {said[1].get(value, value)}")

    store.transact(work)


def public_view(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether visitors who are not signed in may look at the dashboard (a wall screen)."""
    return get(cur, "public_view") == "true"


def set_public_view(store: Store, by: Actor, on: bool) -> None:
    """Let visitors who are not signed in look (administrators only)."""
    require_admin(by, "Bật xem công khai")
    put(store, "public_view", "true" if on else "false", by.username)


def is_demo(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database holds the synthetic demo province."""
    return get(cur, "demo") == "true"
