"""Problems found in an upload: errors block it, warnings do not; each names the spreadsheet row,
the column, the value and what to do, in Vietnamese."""

from datetime import date

import numpy as np
import pandas as pd

from dashboard import formatting

COLUMNS = ["severity", "row", "column", "value", "message"]
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo"}


class Problems:
    """A growing list of problems, added one at a time or a column of rows at a time."""

    def __init__(self):
        self._frames: list[pd.DataFrame] = []

    def add(self, severity: str, message: str, row=None, column=None, value=None) -> None:
        """One problem."""
        self._frames.append(
            pd.DataFrame([[severity, row, column, value, message]], columns=COLUMNS)
        )

    def add_rows(self, severity: str, rows: pd.DataFrame, column: str, messages) -> None:
        """A problem for each row of `rows` (with source_row, `column` and `column`_column);
        `messages` is one text or a Series of texts aligned with `rows`."""
        if rows.empty:
            return
        self._add(severity, rows, column, messages)

    def add_where(
        self, severity: str, rows: pd.DataFrame, mask: pd.Series, column: str, messages
    ) -> None:
        """add_rows for the rows where `mask` holds; cheap when it holds nowhere."""
        if not mask.any():
            return
        self._add(severity, rows[mask], column, messages)

    def _add(self, severity: str, rows: pd.DataFrame, column: str, messages) -> None:
        self._frames.append(
            pd.DataFrame(
                {
                    "severity": severity,
                    "row": rows["source_row"].to_numpy(),
                    "column": rows[f"{column}_column"].to_numpy()
                    if f"{column}_column" in rows
                    else None,
                    "value": rows[column].map(_shown).to_numpy() if column in rows else None,
                    "message": messages.to_numpy() if isinstance(messages, pd.Series) else messages,
                }
            )
        )

    def frame(self) -> pd.DataFrame:
        """Every problem, errors first, in row order; the same problem at the same cell once (a
        line of several figures shares its unit's and indicator's cells)."""
        if not self._frames:
            return pd.DataFrame(columns=COLUMNS)
        out = pd.concat(self._frames, ignore_index=True).drop_duplicates(COLUMNS)
        out["_order"] = out["severity"].map({"error": 0, "warning": 1})
        out["_row"] = pd.to_numeric(out["row"], errors="coerce").fillna(0)
        return (
            out.sort_values(["_order", "_row"], kind="stable")
            .drop(columns=["_order", "_row"])
            .reset_index(drop=True)
        )

    @property
    def has_errors(self) -> bool:
        """Whether any problem blocks the upload."""
        return any((f["severity"] == "error").any() for f in self._frames)


def _shown(value) -> str | None:
    """A cell as a problem shows it: its text, or a number cell as Vietnamese writes it (61,
    82,5, 1.234; a workbook stores 61 as 61.0, which reads as 610 here)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float | np.number) and not isinstance(value, bool):
        return formatting.trimmed(float(value), 10)
    if isinstance(value, date):  # a datetime too: as the sheet shows it, not 2026-10-09 00:00:00
        return formatting.date(value)
    return str(value)


def for_people(problems: pd.DataFrame) -> pd.DataFrame:
    """The problems with Vietnamese column names, as shown and downloaded."""
    out = problems.copy()
    out["severity"] = out["severity"].map(SEVERITY_LABELS)
    shown = ["severity", "sheet", *COLUMNS[1:]] if "sheet" in out else COLUMNS
    out = out[shown]
    for column in {"sheet", "column", "value"} & set(shown):
        out[column] = out[column].astype(object).where(out[column].notna(), "")
    return out.rename(
        columns={
            "severity": "Mức độ",
            "sheet": "Trang tính",  # a workbook read from several sheets
            "row": "Dòng",
            "column": "Cột",
            "value": "Giá trị",
            "message": "Cách sửa",
        }
    )
