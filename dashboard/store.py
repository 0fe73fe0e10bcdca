"""The database: one DuckDB connection per process, a cursor per thread or run, serialised writes
retried on a conflict with another server, schema migration and the data version. Two kinds:
an embedded file (one process) and a DuckLake lake, catalog in PostgreSQL and data as Parquet
in a shared folder (several app servers)."""

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import duckdb

from dashboard import config, lake, snapshot, sql

# Steps that change the progress snapshot (it began, or its rows changed): the last of them to
# run computes it afresh.
SNAPSHOT_STEPS = (
    "schema_0004_progress_snapshot",
    "schema_0005_unit_standing",
    "schema_0006_last_figure",
)
ATTEMPTS = 10  # a write meeting another server's commit is tried this many times at most
# DuckDB folds its write-ahead log into the file once the log passes this size. Its default,
# 16MB, made a 100,000-row upload fold the log inside its own commit (0.5 s of 3.4 s); with a
# larger log a commit only appends, and the fold comes every few large uploads or at shutdown.
CHECKPOINT_THRESHOLD = "256MB"
T = TypeVar("T")


class StoreBusy(RuntimeError):
    """Writes kept conflicting with other servers' commits; nothing of this one was written."""


class Store:
    """One open embedded database file; hand each thread or script run its own cursor."""

    kind = "file"

    def __init__(self, path: str):
        self.path = path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(
            path,
            config={
                "memory_limit": config.memory_limit(),
                "checkpoint_threshold": CHECKPOINT_THRESHOLD,
            },
        )
        # Writes are serialised in the process; readers never wait.
        self._write_lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor for one thread or one script run; keep a reference while it is used."""
        return self._con.cursor()

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one transaction that commits on success and rolls back on any error.
        Prefer transact(), which also survives a conflict with another server."""
        with self._write_lock:
            cur = self.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                # A commit that fails has already dropped the transaction: nothing to roll back.
                cur.execute("COMMIT")
            finally:
                cur.close()

    @contextmanager
    def pinned(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor that sees the database as it is now, whatever is committed while it is used;
        for reads only."""
        cur = self.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            sql.run(cur, "pin_reads")
            yield cur
        finally:
            cur.execute("ROLLBACK")
            cur.close()

    def transact(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run work(cursor) as one transaction, all of it or none; when another server's commit
        conflicts with it, run it again from the start, a bounded number of times."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.write() as cur:
                    return work(cur)
            except duckdb.TransactionException as exc:
                if "conflict" not in str(exc).lower():
                    raise
                if attempt == ATTEMPTS:
                    raise StoreBusy(
                        f"Máy chủ khác đang ghi cùng số liệu; đã thử {ATTEMPTS} lần không được. "
                        "Chưa có gì được ghi: gửi lại sau ít phút."
                    ) from exc
                # Random and growing, so that servers that collided do not collide again.
                time.sleep(random.uniform(0.05, 0.1) * min(2**attempt, 20))
        raise AssertionError("not reached")

    def data_version(self, cur: duckdb.DuckDBPyConnection) -> int:
        """A number every committed write raises; caches keyed on it never serve stale data."""
        return int(sql.scalar(cur, "data_version"))

    def close(self) -> None:
        """Close the process's connection."""
        self._con.close()


class LakeStore(Store):
    """A DuckLake lake shared by several app servers: any of them may write, each sees the
    others' commits at its next query."""

    kind = "lake"

    def __init__(self, target: str, data_path: str | None):
        self.path = target
        self._con = lake.connect(target, data_path)
        self._write_lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        sql.run(cur, "use_lake")  # the default catalog is per cursor
        return cur

    def data_version(self, cur: duckdb.DuckDBPyConnection) -> int:
        """The lake's snapshot id: every commit by any server makes a new one."""
        return lake.snapshot_id(cur)


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def _key(target: str) -> str:
    if target == ":memory:" or lake.is_lake(target):
        return target
    return str(Path(target).resolve())


def open_store(target: str) -> Store:
    """The process's Store for `target` (a file path or a DuckLake attach string, whose data
    folder is CDS_DATA_PATH), opened and migrated on first use."""
    key = _key(target)
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            store = LakeStore(target, config.data_path()) if lake.is_lake(target) else Store(target)
            migrate(store)
            _stores[key] = store
        return store


def close_store(target: str) -> None:
    """Forget and close the process's Store for `target`, if open."""
    with _stores_lock:
        store = _stores.pop(_key(target), None)
    if store is not None:
        store.close()


def schema_version(cur: duckdb.DuckDBPyConnection) -> int:
    """The schema step this database is at; 0 for a new file."""
    tables = {row[0] for row in sql.run(cur, "schema_tables").fetchall()}
    if "schema_version" not in tables:
        return 0
    return int(sql.scalar(cur, "schema_version"))


def migrate(store: Store) -> list[int]:
    """Apply the schema steps this database lacks, each in its own transaction; never recreate.
    Two servers starting at once on one lake: the loser of a step's race finds it applied."""
    applied = []
    steps = sql.schema_steps()
    for position, (version, name) in enumerate(steps):
        # Only the last step that changes the snapshot computes it: the snapshot's queries
        # already read the columns later steps add.
        refresh = name in SNAPSHOT_STEPS and not any(
            later in SNAPSHOT_STEPS for _, later in steps[position + 1 :]
        )

        def step(cur, version=version, name=name, refresh=refresh) -> bool:
            if schema_version(cur) >= version:
                return False
            cur.execute(sql.load(name))
            if refresh:
                snapshot.refresh(cur)
            sql.run(cur, "insert_schema_version", version=version, applied_at=utc_now())
            return True

        if store.transact(step):
            applied.append(version)
    return applied


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
