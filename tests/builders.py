"""Small databases the tests build for themselves."""

import io
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pandas as pd

from dashboard import batches, catalog, periods
from dashboard.store import Store

INDICATOR_COLUMNS = ["code", *catalog.INDICATOR_FIELDS[:7], "sort_order"]  # no description


def catalogue(store: Store, units: list[tuple[str, str]], indicators: list[tuple]) -> None:
    """Clusters and units from (unit, cluster) pairs; indicators from
    (code, kind, measure, direction, frequency) tuples, all in group G."""
    clusters = sorted({cluster for _, cluster in units})
    catalog.load_rows(
        store,
        "clusters",
        pd.DataFrame(
            {
                "code": clusters,
                "name": [f"Cụm {c}" for c in clusters],
                "sort_order": range(len(clusters)),
            }
        ),
        "test",
    )
    catalog.load_rows(
        store,
        "units",
        pd.DataFrame(
            {
                "code": [u for u, _ in units],
                "name": [f"Đơn vị {u}" for u, _ in units],
                "cluster_code": [c for _, c in units],
                "kind": "huyen",
                "sort_order": range(len(units)),
                "active": True,
            }
        ),
        "test",
    )
    catalog.load_rows(
        store,
        "indicator_groups",
        pd.DataFrame({"code": ["G"], "name": ["Nhóm G"], "sort_order": [1]}),
        "test",
    )
    catalog.load_rows(
        store,
        "indicators",
        pd.DataFrame(
            [
                (code, "G", f"Chỉ tiêu {code}", code, measure, kind, direction, frequency, i)
                for i, (code, kind, measure, direction, frequency) in enumerate(indicators)
            ],
            columns=INDICATOR_COLUMNS,
        ),
        "test",
    )


def figure_rows(rows: list[tuple]) -> pd.DataFrame:
    """Staged figures from (unit, indicator, period, value[, numerator, denominator[, note]])
    tuples."""
    records = []
    for row in rows:
        unit, indicator, period_text, value, *rest = row
        period = periods.must_parse(period_text)
        numerator, denominator, note = (rest + [None, None, None])[:3]
        records.append(
            {
                "unit_code": unit,
                "indicator_code": indicator,
                "period": period.code,
                "year": period.year,
                "month": period.end_month,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "note": note,
            }
        )
    return pd.DataFrame(records)


def commit_figures(store: Store, rows: list[tuple], user: str = "test", **kwargs):
    """Commit figures as one batch; returns the BatchResult."""
    return batches.commit(
        store,
        batches.FIGURES,
        figure_rows(rows),
        username=user,
        kind=kwargs.pop("kind", "figures"),
        **kwargs,
    )


def commit_targets(store: Store, rows: list[tuple], user: str = "test"):
    """Commit targets from (unit or '*', indicator, year, value) tuples as one batch."""
    frame = pd.DataFrame(rows, columns=["unit_code", "indicator_code", "year", "value"])
    return batches.commit(store, batches.TARGETS, frame, username=user, kind="targets")


def new_lake(postgres: str, folder: Path) -> str:
    """A new, empty lake: its own database on the PostgreSQL server `postgres` (a libpq
    conninfo); its data goes in `folder`, which CDS_DATA_PATH must name."""
    name = f"lake_{uuid.uuid4().hex[:12]}"
    subprocess.run(
        ["psql", f"{postgres} dbname=postgres", "-qc", f"CREATE DATABASE {name}"],
        check=True,
        capture_output=True,
    )
    folder.mkdir(parents=True, exist_ok=True)
    return f"ducklake:postgres:{postgres} dbname={name}"


def workbook(sheets: dict[str, list[list]], merged: dict[str, list[str]] | None = None) -> bytes:
    """An .xlsx of these sheets, in order, each given by its rows, with the cell ranges
    `merged` names for a sheet ("C2:D2") merged."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merged or {}).get(name, []):
            sheet.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
