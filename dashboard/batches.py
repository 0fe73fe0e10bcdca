"""Batches: the one way figures and targets are written, as append-only rows of a numbered batch."""

import base64
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

from dashboard import formatting, snapshot, sql, tables
from dashboard.accounts import Actor, require_admin
from dashboard.store import Store, audit, utc_now


@dataclass(frozen=True)
class Log:
    """An append-only log (figures or targets) and the queries that stage and write to it."""

    name: str
    key: tuple[str, ...]
    columns: dict[str, str]  # staged column -> pandas dtype (text: object, plain Python str)
    changes_query: str
    insert_query: str
    refresh_queries: tuple[str, ...]  # run after the insert, with the classified rows staged
    refresh_snapshot: Callable[[duckdb.DuckDBPyConnection, pd.DataFrame], None]
    revert_plan_query: str
    revert_kind: str
    units_query: str | None = None  # records which units a batch wrote for


FIGURES = Log(
    name="figures",
    key=("unit_code", "indicator_code", "period"),
    columns={
        "source_row": "int64",
        "unit_code": "object",
        "indicator_code": "object",
        "period": "object",
        "year": "int64",
        "month": "int64",
        "value": "float64",
        "numerator": "float64",
        "denominator": "float64",
        "note": "object",
        "deleted": "bool",
    },
    changes_query="staged_figure_changes",
    insert_query="insert_figures",
    refresh_queries=(
        "update_current_figures_for_staged",
        "delete_current_figures_for_staged",
        "insert_current_figures_for_staged",
    ),
    refresh_snapshot=snapshot.after_figures,
    units_query="insert_batch_units",
    revert_plan_query="figure_revert_plan",
    revert_kind="revert",
)

TARGETS = Log(
    name="targets",
    key=("unit_code", "indicator_code", "year"),
    columns={
        "source_row": "int64",
        "unit_code": "object",
        "indicator_code": "object",
        "year": "int64",
        "value": "float64",
        "deleted": "bool",
    },
    changes_query="staged_target_changes",
    insert_query="insert_targets",
    refresh_queries=(),
    refresh_snapshot=snapshot.after_targets,
    revert_plan_query="target_revert_plan",
    revert_kind="revert_targets",
)

KINDS = {
    "figures": FIGURES,
    "demo": FIGURES,
    "revert": FIGURES,
    "targets": TARGETS,
    "revert_targets": TARGETS,
}


@dataclass
class BatchResult:
    """What a commit did: the batch written (or the earlier one it duplicates) and its counts."""

    batch_id: str | None
    seq: int | None
    new: int
    changed: int
    same: int
    duplicate_of: dict | None = None
    changes: pd.DataFrame = field(default_factory=pd.DataFrame)


def new_batch_id() -> str:
    """A batch's id: 12 random base-32 characters (60 bits), unique without a sequence."""
    # Short enough for DuckDB to keep inline (12 bytes): every figure row of the log and of the
    # current figures carries it. A uuid4 string was 36 bytes of each row's 100 in the log.
    return base64.b32encode(secrets.token_bytes(8)).decode("ascii")[:12].lower()


def stage(log: Log, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows in the log's staged shape and types, numbered when they carry no source row."""
    rows = rows.copy()
    if "source_row" not in rows:
        rows["source_row"] = range(1, len(rows) + 1)
    if "deleted" not in rows:
        rows["deleted"] = False
    for column in log.columns:
        if column not in rows:
            rows[column] = None
    rows = rows[list(log.columns)]
    for column, dtype in log.columns.items():
        if dtype == "object":
            rows[column] = rows[column].astype(object).where(rows[column].notna(), None)
        else:
            rows[column] = rows[column].astype(dtype)
    return rows.reset_index(drop=True)


def classify(cur: duckdb.DuckDBPyConnection, log: Log, staged: pd.DataFrame) -> pd.DataFrame:
    """Each staged row marked new, changed (with its old values) or same against the current,
    in the file's row order, a line's several figures by their key (a line across periods in
    period order)."""
    order = [(column, "ascending") for column in ("source_row", *log.key)]
    return _classified(cur, log, staged).sort_by(order).to_pandas()


def _classified(cur: duckdb.DuckDBPyConnection, log: Log, staged: pd.DataFrame):
    """classify's rows as an Arrow table, which DuckDB reads again without converting it."""
    view = f"staged_{log.name}"
    cur.register(view, staged)
    try:
        return sql.run(cur, log.changes_query).to_arrow_table()
    finally:
        cur.unregister(view)


def commit(
    store: Store,
    log: Log,
    rows: pd.DataFrame | Callable[[duckdb.DuckDBPyConnection], pd.DataFrame],
    *,
    username: str,
    kind: str,
    unit_code: str | None = None,
    file_name: str | None = None,
    sha256: str | None = None,
    created_at: datetime | None = None,
    reverts: str | None = None,
    staged: bool = False,
    refresh: bool = True,
) -> BatchResult:
    """Write `rows` as one batch in one transaction: all of it or, on any error, none of it.

    `rows` may be a function of the transaction's cursor, for rows that must be read under the
    write lock; `staged` says they are already stage()'s output for this log; without
    `refresh` the progress snapshot is left for the caller to rebuild (a load of many batches).
    A file already committed (same sha256) writes nothing and names the earlier batch."""

    def staged_rows(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        found = rows(cur) if callable(rows) else rows
        # Staging again what a check staged was 22 ms of a 100,000-row upload's commit.
        return found if staged else stage(log, found)

    return store.transact(
        lambda cur: _commit(
            cur,
            log,
            staged_rows(cur),
            username,
            kind,
            unit_code,
            file_name,
            sha256,
            created_at,
            reverts,
            refresh,
        )
    )


def _commit(
    cur, log, staged, username, kind, unit_code, file_name, sha256, created_at, reverts, refresh
) -> BatchResult:
    if sha256:
        earlier = sql.run(cur, "batch_with_sha256", sha256=sha256, kind=kind).fetchone()
        if earlier is not None:
            keys = ("id", "seq", "created_at", "file_name")
            return BatchResult(
                None, None, 0, 0, 0, duplicate_of=dict(zip(keys, earlier, strict=True))
            )
    # The writes below read the classified rows as Arrow: a DataFrame of text would be turned
    # back into Python strings for each of them.
    classified = _classified(cur, log, staged)
    changes = classified.to_pandas()
    counts = changes["change"].value_counts()
    batch_id = new_batch_id()
    seq = int(sql.scalar(cur, "next_batch_seq"))
    sql.run(
        cur,
        "insert_batch",
        id=batch_id,
        seq=seq,
        username=username,
        unit_code=unit_code,
        file_name=file_name,
        sha256=sha256,
        kind=kind,
        rows_new=int(counts.get("new", 0)),
        rows_changed=int(counts.get("changed", 0)),
        rows_same=int(counts.get("same", 0)),
        created_at=created_at or utc_now(),
        reverts=reverts,
    )
    view = f"staged_{log.name}"
    cur.register(view, classified)
    try:
        sql.run(cur, log.insert_query, batch_id=batch_id, batch_seq=seq)
        for query in log.refresh_queries:
            sql.run(cur, query, batch_id=batch_id, batch_seq=seq)
        if log.units_query:
            sql.run(cur, log.units_query, batch_id=batch_id)
    finally:
        cur.unregister(view)
    if refresh:
        log.refresh_snapshot(cur, changes)
    audit(
        cur,
        username,
        f"commit_{log.name}",
        f"{tables.KIND_LABELS[kind]}: {file_name or ''} "
        f"({formatting.change_counts(int(counts.get('new', 0)), int(counts.get('changed', 0)))})",
        batch_id,
    )
    return BatchResult(
        batch_id,
        seq,
        int(counts.get("new", 0)),
        int(counts.get("changed", 0)),
        int(counts.get("same", 0)),
        changes=changes,
    )


def rebuild_current_figures(store: Store, username: str) -> int:
    """Recompute every current figure from the log; returns how many there are."""

    def work(cur) -> int:
        sql.run(cur, "delete_all_current_figures")
        sql.run(cur, "insert_all_current_figures")
        snapshot.refresh(cur)
        count = int(sql.scalar(cur, "current_figure_count"))
        audit(cur, username, "rebuild_current_figures", f"{formatting.number(count)} số liệu")
        return count

    return store.transact(work)


class RevertRefused(ValueError):
    """A batch cannot be reverted; the message says why and what to do instead."""


def revert(store: Store, batch_id: str, actor: Actor) -> BatchResult:
    """Undo a batch with a new batch that brings back what it replaced (a tombstone where it
    added a figure); refused while a later batch's change to the same figures is in effect."""
    require_admin(actor, "Hoàn tác một lô số liệu")
    found = sql.frame(store.cursor(), "batch", batch_id=batch_id)
    if found.empty:
        raise RevertRefused(f"Không có lô số liệu mã «{batch_id}».")
    batch = found.iloc[0]
    log = KINDS[batch["kind"]]
    seq = int(batch["seq"])
    if pd.notna(batch["reverted_by"]):
        raise RevertRefused(
            f"Lô #{seq} đã được hoàn tác (lô #{int(batch['reverted_by_seq'])}). Muốn lấy lại số "
            f"liệu của lô #{seq} thì hoàn tác lô #{int(batch['reverted_by_seq'])}."
        )

    def plan(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        rows = sql.frame(cur, log.revert_plan_query, batch_id=batch_id, batch_seq=seq)
        if rows.empty:
            raise RevertRefused(f"Lô #{seq} không thay đổi số liệu nào: không có gì để hoàn tác.")
        later = rows[rows["changed_since"]]
        if not later.empty:
            seqs = ", ".join(f"#{int(s)}" for s in sorted(later["later_seq"].unique()))
            raise RevertRefused(
                f"Không hoàn tác được lô #{seq}: {formatting.number(len(later))} số liệu của lô "
                f"này đã được lô sau ({seqs}) thay đổi. Hoàn tác các lô sau trước, hoặc gửi lại "
                "số liệu đúng."
            )
        return rows.drop(columns=["later_seq", "changed_since"])

    return commit(
        store,
        log,
        plan,
        username=actor.username,
        kind=log.revert_kind,
        unit_code=batch["unit_code"],
        file_name=f"hoàn tác lô #{seq}",
        reverts=batch_id,
    )


def batch_list(
    cur: duckdb.DuckDBPyConnection,
    unit: str | None = None,
    kind: str | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """Batches newest first, of one unit or all, with the batch that reverted each."""
    return sql.frame(cur, "batch_list", unit=unit, kind=kind, limit=limit)


def figure_history(
    cur: duckdb.DuckDBPyConnection,
    unit: str,
    indicator: str | None = None,
    period: str | None = None,
) -> pd.DataFrame:
    """Every version of a unit's figures with who sent it and when, newest first."""
    return sql.frame(cur, "figure_history", unit=unit, indicator=indicator, period=period)
