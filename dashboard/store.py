"""The database: one DuckDB connection per process, a cursor per thread or run, serialised writes,
schema migration and the data version."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dashboard import config, snapshot, sql

SNAPSHOT_STEP = "schema_0004_progress_snapshot"


class Store:
    """One open database; hand each thread or script run its own cursor."""

    def __init__(self, path: str):
        self.path = path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(path, config={"memory_limit": config.memory_limit()})
        # The embedded database serialises writes in its one process; readers never wait.
        self._write_lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor for one thread or one script run; keep a reference while it is used."""
        return self._con.cursor()

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one transaction that commits on success and rolls back on any error."""
        with self._write_lock:
            cur = self.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def close(self) -> None:
        """Close the process's connection."""
        self._con.close()


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def open_store(path: str) -> Store:
    """The process's Store for `path`, opened and migrated on first use."""
    key = path if path == ":memory:" else str(Path(path).resolve())
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            store = Store(path)
            migrate(store)
            _stores[key] = store
        return store


def close_store(path: str) -> None:
    """Forget and close the process's Store for `path`, if open."""
    key = path if path == ":memory:" else str(Path(path).resolve())
    with _stores_lock:
        store = _stores.pop(key, None)
    if store is not None:
        store.close()


def schema_version(cur: duckdb.DuckDBPyConnection) -> int:
    """The schema step this database is at; 0 for a new file."""
    tables = {row[0] for row in sql.run(cur, "schema_tables").fetchall()}
    if "schema_version" not in tables:
        return 0
    return int(sql.scalar(cur, "schema_version"))


def migrate(store: Store) -> list[int]:
    """Apply the schema steps this database lacks, each in its own transaction; never recreate."""
    applied = []
    for version, name in sql.schema_steps():
        with store.write() as cur:
            if schema_version(cur) >= version:
                continue
            cur.execute(sql.load(name))
            if name == SNAPSHOT_STEP:
                snapshot.refresh(cur)  # a database from before the snapshot gets it filled
            sql.run(cur, "insert_schema_version", version=version, applied_at=utc_now())
            applied.append(version)
    return applied


def data_version(cur: duckdb.DuckDBPyConnection) -> int:
    """A number every committed write raises; caches keyed on it never serve stale data."""
    return int(sql.scalar(cur, "data_version"))


def audit(
    cur: duckdb.DuckDBPyConnection,
    username: str,
    action: str,
    detail: str = "",
    batch_id: str | None = None,
) -> None:
    """Record one write in the audit log, inside the writer's transaction."""
    sql.run(
        cur,
        "insert_audit_entry",
        logged_at=utc_now(),
        username=username,
        action=action,
        detail=detail,
        batch_id=batch_id,
    )


def utc_now() -> datetime:
    """The current time in UTC, naive, as the database stores it."""
    return datetime.now(UTC).replace(tzinfo=None)
