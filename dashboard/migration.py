"""Moving an embedded database into a DuckLake lake: every table copied in one transaction, then
proved by comparing each table's row count and a checksum of every value, and the figures'
and targets' sums."""

import math

import duckdb

from dashboard import lake, sql
from dashboard.store import close_store, open_store

SOURCE = "source"
KEPT = {"schema_version"}  # the lake records its own schema steps
SUMMED = {"figures", "targets", "current_figures"}  # tables with a value column


class MigrationError(RuntimeError):
    """A migration refused (nothing copied) or found a difference after copying (the message
    says how to start again)."""


def _fingerprint(cur: duckdb.DuckDBPyConnection, database: str, table: str) -> tuple:
    name = f"{database}.main.{table}"
    rows, checksum = sql.run(cur, "table_fingerprint", name=name).fetchone()
    total = sql.scalar(cur, "table_value_sum", name=name) if table in SUMMED else None
    return int(rows), checksum, total


def _same_sum(a, b) -> bool:
    # Floating sums may add up in another order on the other store.
    return a == b or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-12))


def to_lake(source: str, target: str) -> dict[str, tuple[int, object]]:
    """Copy the database file `source` into the empty lake `target`; per table, the rows moved
    and the sum of its values (figures and targets)."""
    if not lake.is_lake(target):
        raise MigrationError(f"«{target}» không phải kho dùng chung (ducklake:postgres:…).")
    try:
        open_store(source)  # brings the file to the current schema first
    except duckdb.IOException as exc:
        raise MigrationError(
            f"không mở được «{source}»: một tiến trình khác (thường là `cds serve`) đang mở nó; "
            f"dừng tiến trình đó rồi chạy lại. {str(exc).splitlines()[0]}"
        ) from exc
    close_store(source)  # and lets the lake's connection open it read-only
    store = open_store(target)
    cur = store.cursor()
    busy = [t for t in ("units", "batches", "users") if sql.scalar(cur, f"count_{t}")]
    if busy:
        raise MigrationError(
            f"Kho dùng chung «{target}» đã có dữ liệu ({', '.join(busy)}): chỉ chuyển vào kho "
            "trống, để không trộn hai tỉnh."
        )
    # ATTACH binds no parameters: the operator's path goes in as a quoted literal.
    cur.execute(f"ATTACH {lake.literal(source)} AS {SOURCE} (READ_ONLY)")
    try:
        # The schema's tables; anything else in the file (a scratch table) is not ours to move.
        ours = {t for (t,) in sql.run(cur, "store_tables", database=lake.ALIAS).fetchall()}
        tables = [
            t
            for (t,) in sql.run(cur, "store_tables", database=SOURCE).fetchall()
            if t in ours and t not in KEPT
        ]

        def copy(write: duckdb.DuckDBPyConnection) -> None:
            for table in tables:
                sql.insert(write, table, "table_rows", name=f"{SOURCE}.main.{table}")

        store.transact(copy)
        report = {}
        for table in tables:
            before = _fingerprint(cur, SOURCE, table)
            after = _fingerprint(cur, lake.ALIAS, table)
            if before[:2] != after[:2] or not _same_sum(before[2], after[2]):
                raise MigrationError(
                    f"Bảng {table} không khớp sau khi chuyển: tệp {before}, kho {after}. "
                    "Xóa kho (cơ sở dữ liệu PostgreSQL và thư mục dữ liệu) rồi chạy lại."
                )
            report[table] = (after[0], after[2])
        return report
    finally:
        sql.run(cur, "detach_source")
