"""DuckLake: the shared store's connection. The catalog lives in PostgreSQL, the data as Parquet
in a folder every app server reaches; the extensions come from pip packages, never a download."""

import importlib
import time
from pathlib import Path

import duckdb

from dashboard import config, sql

ALIAS = "lake"  # also named in queries/use_lake.sql and lake_snapshot_id.sql
PREFIX = "ducklake:"
# The pip packages that carry the extensions (extra `lake`), matching the pinned DuckDB.
EXTENSIONS = {
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "ducklake": "duckdb_extension_ducklake",
}


class LakeError(RuntimeError):
    """The shared store cannot be opened as configured; the message says what to fix."""


def is_lake(target: str) -> bool:
    """Whether a --db / CDS_DB value names a DuckLake lake rather than a file."""
    return target.startswith(PREFIX)


def has_password(target: str) -> bool:
    """Whether an attach string carries a password (it belongs in PGPASSWORD or PGPASSFILE)."""
    return "password=" in target.replace(" ", "").lower()


def extension_file(name: str) -> Path:
    """The extension binary the pip package installed for this DuckDB."""
    package = EXTENSIONS[name]
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise LakeError(
            f"Chưa cài phần mở rộng {name} của DuckDB: chạy "
            "`pip install -e '.[lake]'` (hoặc `pip install 'cds-tracker[lake]'`)."
        ) from exc
    found = list(Path(module.__path__[0]).glob(f"extensions/v{duckdb.__version__}/{name}.*"))
    if not found:
        raise LakeError(
            f"Gói {package} không khớp DuckDB {duckdb.__version__}: cài đúng phiên bản "
            "bằng `pip install -e '.[lake]'`."
        )
    return found[0]


def literal(text: str) -> str:
    """Text as a SQL string literal, for the statements that bind no parameters (ATTACH)."""
    return "'" + text.replace("'", "''") + "'"


def connect(target: str, data_path: str | None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached (and created if new) as `lake`."""
    if has_password(target):
        raise LakeError(
            "Không ghi mật khẩu trong chuỗi kết nối: đặt nó trong biến PGPASSWORD hoặc tệp "
            "PGPASSFILE (~/.pgpass)."
        )
    con = duckdb.connect(
        config={
            "memory_limit": config.memory_limit(),
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
    )
    for name in EXTENSIONS:
        con.execute(f"LOAD {literal(str(extension_file(name)))}")
    # ATTACH and LOAD bind no parameters: these strings come from the operator's configuration
    # and the installed packages, never from a dashboard user, and go in as quoted literals.
    attach = f"ATTACH {literal(target)} AS {ALIAS}"
    if data_path:
        if "://" not in data_path:
            Path(data_path).mkdir(parents=True, exist_ok=True)
        attach += f" (DATA_PATH {literal(data_path)})"
    try:
        _attach(con, attach)
    except duckdb.Error as exc:
        con.close()
        first = str(exc).splitlines()[0]
        hint = "" if data_path else " Lần đầu mở kho cần --data-path hoặc CDS_DATA_PATH."
        raise LakeError(f"Không mở được kho dùng chung «{target}»: {first}.{hint}") from exc
    sql.run(con, "use_lake")
    return con


def _attach(con: duckdb.DuckDBPyConnection, attach: str) -> None:
    # Servers started together on a new lake race to create its catalog tables; the losers
    # find them made on a second try.
    for attempt in range(3):
        try:
            con.execute(attach)
            return
        except duckdb.Error as exc:
            if attempt == 2 or "Failed to initialize DuckLake" not in str(exc):
                raise
            time.sleep(0.2 * (attempt + 1))


def snapshot_id(cur: duckdb.DuckDBPyConnection) -> int:
    """The lake's newest snapshot: every commit by any server makes a new one."""
    return int(sql.scalar(cur, "lake_snapshot_id"))
