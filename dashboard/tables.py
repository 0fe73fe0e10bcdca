"""Tables people read: upload previews, rankings, reporting, scorecards, histories."""

import pandas as pd

from dashboard import formatting, periods, status

CHANGE_LABELS = {"new": "Mới", "changed": "Thay đổi", "same": "Không đổi"}
KIND_LABELS = {
    "figures": "Số liệu",
    "targets": "Kế hoạch",
    "revert": "Hoàn tác số liệu",
    "revert_targets": "Hoàn tác kế hoạch",
    "demo": "Dữ liệu mẫu",
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
    if "sheet" in changes:  # a workbook read from several sheets
        out.insert(0, "Trang tính", changes["sheet"])
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


def ranking_table(
    ranking: pd.DataFrame, units: pd.DataFrame, clusters: pd.DataFrame
) -> pd.DataFrame:
    """The emulation ranking as people read it: cluster, rank, unit, score, reports."""
    unit_names = units.set_index("code")["name"]
    cluster_names = clusters.set_index("code")["name"]
    return pd.DataFrame(
        {
            "Cụm thi đua": ranking["cluster_code"].map(cluster_names),
            "Hạng": ranking["rank"],
            "Đơn vị": ranking["unit_code"].map(unit_names),
            "Điểm thi đua": ranking["score"].map(formatting.percent),
            "Chỉ tiêu đã báo cáo": [
                f"{r}/{n}" for r, n in zip(ranking["reported"], ranking["indicators"], strict=True)
            ],
        }
    )


def reporting_table(reporting: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Units with reports missing for the period, and each one's last upload."""
    names = units.set_index("code")["name"]
    return pd.DataFrame(
        {
            "Đơn vị": reporting["unit_code"].map(names),
            "Chưa báo cáo": [
                f"{m}/{e} chỉ tiêu"
                for m, e in zip(reporting["missing"], reporting["expected"], strict=True)
            ],
            "Gửi số liệu lần cuối": reporting["last_upload"].map(
                lambda t: "chưa gửi lần nào" if pd.isna(t) else formatting.date_time(t)
            ),
        }
    )


def indicator_table(frame: pd.DataFrame, units: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The table behind an indicator's charts: one row per unit, best achievement first."""
    names = units.set_index("code")["name"]
    data = frame.assign(_key=frame["achievement_pct"].fillna(-1)).sort_values(
        ["_key", "scope_code"], ascending=[False, True]
    )
    shown = lambda v: formatting.measure_value(v, measure)  # noqa: E731
    return pd.DataFrame(
        {
            "Mã đơn vị": data["scope_code"],
            "Đơn vị": data["scope_code"].map(names),
            "Thực hiện": data["actual"].map(shown),
            "Tử số": data["numerator"].map(formatting.number),
            "Mẫu số": data["denominator"].map(formatting.number),
            "Kế hoạch": data["target"].map(shown),
            "Tiến độ cần đạt": data["expected"].map(shown),
            "Đạt kế hoạch": data["achievement_pct"].map(formatting.percent),
            "Đánh giá": data["status"].map(status.LABELS),
            "Số liệu kỳ": data["last_period"].map(period_label),
        }
    ).reset_index(drop=True)


def period_label(code) -> str:
    """A stored period as Vietnamese writes it, or '–'."""
    period = periods.parse(code) if isinstance(code, str) else None
    return period.label if period else "–"


def scorecard(
    frame: pd.DataFrame, recent: pd.DataFrame, indicators: pd.DataFrame, end: tuple[int, int]
) -> pd.DataFrame:
    """A unit's card: each indicator (its charts' short name first, its full name last) with
    actual, target, achievement, status, and its last 12 reported periods (up to the period's
    end) as a list for a sparkline."""
    info = indicators.set_index("code")
    rows = frame.set_index("indicator_code")
    history = {}
    for code, figures in recent.groupby("indicator_code"):
        upto = figures[(figures["year"] < end[0]) | (figures["month"] <= end[1])]
        history[code] = upto["value"].tail(12).round(2).tolist()
    out = []
    for code in indicators["code"]:
        if code not in rows.index:
            continue
        row, measure = rows.loc[code], info.loc[code, "measure"]
        out.append(
            {
                "Chỉ tiêu": info.loc[code, "short_name"],
                "Thực hiện": formatting.measure_value(row["actual"], measure),
                "Kế hoạch": formatting.measure_value(row["target"], measure),
                "Đạt kế hoạch": formatting.percent(row["achievement_pct"]),
                "Đánh giá": status.LABELS[row["status"]],
                "Số liệu đến": period_label(row["last_period"]),
                "12 kỳ gần nhất": history.get(code, []),
                "Tên đầy đủ": info.loc[code, "name"],
                "status": row["status"],
            }
        )
    return pd.DataFrame(out)


def figure_versions(history: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Every version of a unit's figures as people read them, newest first."""
    measure = history["indicator_code"].map(indicators.set_index("code")["measure"])
    return pd.DataFrame(
        {
            "Chỉ tiêu": history["indicator_code"],
            "Kỳ": history["period"].map(period_label),
            "Giá trị": [
                "(đã xóa khi hoàn tác)" if d else formatting.measure_value(v, m)
                for v, m, d in zip(history["value"], measure, history["deleted"], strict=True)
            ],
            "Lô": history["batch_seq"].map(lambda s: f"#{s}"),
            "Người gửi": history["username"],
            "Thời gian": history["created_at"].map(formatting.date_time),
            "Tệp": history["file_name"].fillna(""),
        }
    )
