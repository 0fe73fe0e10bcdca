"""Tables people read: the unit × indicator progress matrix."""

import pandas as pd

from dashboard import formatting


def progress_matrix(
    unit_progress: pd.DataFrame, units: pd.DataFrame, indicators: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Units as rows and indicators as columns, in catalogue order: the achievement of each cell
    as Vietnamese text, and beside it the frame of status codes that colours it."""
    unit_names = units.set_index("code")["name"]
    columns = indicators.set_index("code")["short_name"]
    rows = unit_progress.copy()
    rows["text"] = rows["achievement_pct"].map(formatting.percent)
    text = rows.pivot(index="scope_code", columns="indicator_code", values="text")
    status = rows.pivot(index="scope_code", columns="indicator_code", values="status")
    order = [code for code in units["code"] if code in text.index]
    cols = [code for code in indicators["code"] if code in text.columns]
    text = text.loc[order, cols]
    status = status.loc[order, cols]
    for frame in (text, status):
        frame.index = [unit_names[code] for code in order]
        frame.index.name = "Đơn vị"
        frame.columns = [columns[code] for code in cols]
    return text, status


CHANGE_LABELS = {"new": "Mới", "changed": "Thay đổi", "same": "Không đổi"}
KIND_LABELS = {
    "figures": "Số liệu",
    "targets": "Kế hoạch",
    "revert": "Hoàn tác số liệu",
    "revert_targets": "Hoàn tác kế hoạch",
}


def _shown_value(value, measure: str | None) -> str:
    return formatting.measure_value(value, measure or "count")


def upload_changes(changes: pd.DataFrame, indicators: pd.DataFrame, kind: str) -> pd.DataFrame:
    """An upload's rows as people check them: row, unit, indicator, period, old → new."""
    if changes.empty:
        return pd.DataFrame()
    measure = changes["indicator_code"].map(indicators.set_index("code")["measure"])
    old = [_shown_value(v, m) for v, m in zip(changes["old_value"], measure, strict=True)]
    new = [_shown_value(v, m) for v, m in zip(changes["value"], measure, strict=True)]
    out = pd.DataFrame(
        {
            "Dòng": changes["source_row"],
            "Đơn vị": changes["unit_code"],
            "Chỉ tiêu": changes["indicator_code"],
        }
    )
    if kind == "targets":
        out["Năm"] = changes["year"]
    else:
        out["Kỳ"] = changes["period"]
    out["Giá trị cũ"] = [
        o if c != "new" else "" for o, c in zip(old, changes["change"], strict=True)
    ]
    out["Giá trị mới"] = new
    out["Thay đổi"] = changes["change"].map(CHANGE_LABELS)
    return out


def batch_history(frame: pd.DataFrame) -> pd.DataFrame:
    """Batches as people read them: number, time, who, unit, file, counts, reverted by."""
    return pd.DataFrame(
        {
            "Lô": frame["seq"].map(lambda s: f"#{s}"),
            "Thời gian": frame["created_at"].map(formatting.date_time),
            "Người gửi": frame["username"],
            "Đơn vị": frame["unit_code"].fillna("–"),
            "Loại": frame["kind"].map(KIND_LABELS).fillna(frame["kind"]),
            "Tệp": frame["file_name"].fillna(""),
            "Mới": frame["rows_new"],
            "Thay đổi": frame["rows_changed"],
            "Không đổi": frame["rows_same"],
            "Hoàn tác bởi": frame["reverted_by_seq"].map(lambda s: "" if pd.isna(s) else f"#{s}"),
        }
    )
