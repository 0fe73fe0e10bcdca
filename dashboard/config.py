"""Settings read from the environment, with the defaults the README documents."""

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

DEFAULT_DB = Path("data") / "cds.duckdb"
DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
LOCAL_TZ = timezone(timedelta(hours=7), "ICT")  # Vietnam keeps UTC+7 all year
DEFAULT_AT_RISK_PCT = 80.0
DEFAULT_MEMORY_LIMIT = "1GB"
LOCAL_OPERATOR = "local"


def today() -> date:
    """Today's date in Vietnam, whatever time zone the server keeps (a container's is often UTC,
    seven hours behind: a new month would start at 7 in the morning)."""
    return datetime.now(LOCAL_TZ).date()


def db_path(explicit: str | None = None) -> str:
    """The database to open: --db, else CDS_DB, else data/cds.duckdb; a file path, or a DuckLake
    attach string (ducklake:postgres:dbname=… host=…) for the shared store."""
    return explicit or os.environ.get("CDS_DB") or str(DEFAULT_DB)


def data_path() -> str | None:
    """The shared store's folder for Parquet data (CDS_DATA_PATH); only a lake uses it."""
    return os.environ.get("CDS_DATA_PATH") or None


def memory_limit() -> str:
    """How much memory DuckDB may hold in its buffers before spilling to disk (CDS_MEMORY_LIMIT,
    default 1GB)."""
    return os.environ.get("CDS_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT


def at_risk_pct() -> float:
    """Below this percent of the expected pace a unit is 'at risk' (CDS_AT_RISK_PCT, default 80)."""
    raw = os.environ.get("CDS_AT_RISK_PCT")
    if not raw:
        return DEFAULT_AT_RISK_PCT
    try:
        value = float(raw.replace(",", "."))
    except ValueError as exc:
        raise ValueError(f"CDS_AT_RISK_PCT «{raw}» phải là một số từ 0 đến 100.") from exc
    if not 0 <= value <= 100:
        raise ValueError(f"CDS_AT_RISK_PCT «{raw}» phải là một số từ 0 đến 100.")
    return value
