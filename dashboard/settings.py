"""Settings kept in the database (the demo flag, and later what admins switch on)."""

import duckdb

from dashboard import sql
from dashboard.store import Store, audit


def get(cur: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    """A setting's value, or `default` when it was never set."""
    value = sql.scalar(cur, "setting", key=key)
    return default if value is None else value


def put(store: Store, key: str, value: str, username: str) -> None:
    """Set a setting, replacing its old value, and record who did."""
    with store.write() as cur:
        sql.run(cur, "delete_setting", key=key)
        sql.run(cur, "insert_setting", key=key, value=value)
        audit(cur, username, "setting", f"{key}={value}")


def is_demo(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database holds the synthetic demo province."""
    return get(cur, "demo") == "true"
