"""The progress engine: actual against target and the expected pace, a status, and the ranking."""

import duckdb
import numpy as np
import pandas as pd

from dashboard import config, sql
from dashboard.periods import Period

LEVELS = ("unit", "cluster", "province")


def progress(
    cur: duckdb.DuckDBPyConnection,
    period: Period,
    by: str = "unit",
    *,
    cluster: str | None = None,
    group: str | None = None,
    indicator: str | None = None,
    at_risk_pct: float | None = None,
) -> pd.DataFrame:
    """Progress of every unit, cluster or the province on every indicator at the end of `period`:
    actual, target, baseline, expected, achievement_pct and status."""
    if by not in LEVELS:
        raise ValueError(f"Cấp tổng hợp «{by}» không hợp lệ: dùng unit, cluster hoặc province.")
    at = dict(year=period.year, month=period.end_month, group=group, indicator=indicator)
    if by == "unit":
        frame = sql.frame(cur, "unit_progress", cluster=cluster, **at)
    elif by == "province" and cluster:
        # The province narrowed to one cluster is not kept: aggregate its units now.
        frame = sql.frame(
            cur,
            "scope_progress_rows",
            by=by,
            years=[period.year],
            first_year=period.year,
            last_year=period.year,
            from_month=period.end_month,
            to_month=period.end_month,
            clusters=[cluster],
            group=group,
            indicators=None if indicator is None else [indicator],
        ).drop(columns=["level", "year", "month"])
    else:
        frame = sql.frame(cur, "scope_progress", level=by, cluster=cluster, **at)
    if at_risk_pct is None:
        at_risk_pct = config.at_risk_pct()
    return assess(frame, period.share_of_year, at_risk_pct)


def overview(
    cur: duckdb.DuckDBPyConnection,
    period: Period,
    cluster: str | None = None,
    indicators: list[str] | None = None,
    at_risk_pct: float | None = None,
) -> dict[str, pd.DataFrame]:
    """What the overview shows at the end of `period`, from one read: the progress of the scope
    (`cluster`, or the province when None), of every cluster and of the scope's units, each
    assessed as `progress` does, and the units' ranking; `indicators` narrows it."""
    columns = sql.columns(
        cur,
        "overview_progress",
        year=period.year,
        month=period.end_month,
        cluster=cluster,
        indicators=indicators,
    )
    if at_risk_pct is None:
        at_risk_pct = config.at_risk_pct()
    # Assessed and cut up as arrays: a few thousand rows cost more in pandas' bookkeeping than
    # in the arithmetic. Rows come in storage order; the page orders them by the catalogue.
    columns.update(_assessed(columns, period.share_of_year, at_risk_pct))
    columns["status"] = columns["status"].astype(object)
    levels = columns.pop("level")
    del columns["flow"], columns["down"]
    parts = {}
    for position, level in enumerate(LEVELS):
        rows = levels == position
        parts[level] = {name: values[rows] for name, values in columns.items()}
    if cluster is None:
        scope = parts["province"]
    else:
        rows = parts["cluster"]["scope_code"] == cluster
        scope = {name: values[rows] for name, values in parts["cluster"].items()}
    return {
        "scope": sql.plain_frame(scope),
        "clusters": sql.plain_frame(parts["cluster"]),
        "units": sql.plain_frame(parts["unit"]),
        "ranking": _ranking(parts["unit"]),
    }


def assess(frame: pd.DataFrame, share: float, at_risk_pct: float) -> pd.DataFrame:
    """Add expected pace, achievement (percent of target) and status to rows of actual, target,
    baseline and direction."""
    columns = _arrays(frame, (), ("actual", "target", "baseline"))
    columns["flow"] = frame["kind"].to_numpy() == "flow"
    columns["down"] = frame["direction"].to_numpy() == "down"
    return frame.assign(**_assessed(columns, share, at_risk_pct))


def _arrays(frame: pd.DataFrame, texts: tuple[str, ...], numbers: tuple[str, ...]) -> dict:
    """Columns of a frame as numpy arrays, numbers as floats with NaN for missing."""
    out = {name: frame[name].to_numpy() for name in texts}
    out.update({name: frame[name].to_numpy(dtype=float, na_value=np.nan) for name in numbers})
    return out


def _assessed(columns: dict[str, np.ndarray], share: float, at_risk_pct: float) -> dict:
    """Baseline (filled in), expected, achievement_pct and status of rows given as arrays (with
    `flow` and `down` flags for the indicator's kind and direction)."""
    actual, target, baseline = columns["actual"], columns["target"], columns["baseline"]
    down = columns["down"].astype(bool)
    # Without last year's figure an 'up' indicator starts from nothing; a 'down' one is held
    # to its target all year, since "less is better" has no natural zero to start from.
    baseline = np.where(np.isnan(baseline), np.where(down, target, 0.0), baseline)
    baseline = np.where(columns["flow"].astype(bool), 0.0, baseline)
    expected = baseline + (target - baseline) * share
    with np.errstate(divide="ignore", invalid="ignore"):
        achievement = np.where(
            down,
            np.where(actual == 0, 100.0, 100 * target / actual),
            np.where(target == 0, np.nan, 100 * actual / target),
        )
        factor = at_risk_pct / 100
        done = np.where(down, actual <= target, actual >= target)
        on_pace = np.where(down, actual <= expected, actual >= expected)
        at_risk = np.where(down, actual * factor > expected, actual < expected * factor)
    status = np.select(
        [np.isnan(actual), np.isnan(target), done, on_pace, at_risk],
        ["no_data", "no_target", "done", "on_track", "at_risk"],
        default="behind",
    )
    return {
        "baseline": baseline,
        "expected": expected,
        "achievement_pct": np.where(np.isnan(actual) | np.isnan(target), np.nan, achievement),
        "status": status,
    }


def ranking(unit_progress: pd.DataFrame) -> pd.DataFrame:
    """Each unit's emulation score, the mean of its achievements capped at 100 % (an indicator
    it did not report counts 0, one without a target is left out), and its rank in its cluster."""
    return _ranking(
        _arrays(
            unit_progress, ("scope_code", "cluster_code"), ("actual", "target", "achievement_pct")
        )
    )


def _ranking(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """The ranking of unit rows given as arrays."""
    counted = ~np.isnan(columns["target"])
    capped = np.clip(columns["achievement_pct"][counted], 0, 100)
    codes, units = pd.factorize(columns["scope_code"][counted], sort=True)
    units = np.asarray(units, dtype=object)
    indicators = np.bincount(codes, minlength=len(units))
    total = np.bincount(codes, weights=np.nan_to_num(capped).round(6), minlength=len(units))
    reported = np.bincount(
        codes, weights=~np.isnan(columns["actual"][counted]), minlength=len(units)
    )
    # rounded so that units with the same achievements tie whatever their order
    score = (total / indicators).round(9)
    clusters = columns["cluster_code"][counted][np.unique(codes, return_index=True)[1]]
    cluster_codes = pd.factorize(clusters, sort=True)[0]
    # best first within each cluster; ties share the best rank and are listed by unit code
    order = np.lexsort((np.arange(len(units)), -score, cluster_codes))
    new_cluster = np.r_[True, cluster_codes[order][1:] != cluster_codes[order][:-1]]
    new_tie = new_cluster | np.r_[True, score[order][1:] != score[order][:-1]]
    position = np.arange(len(order))
    rank = np.maximum.accumulate(np.where(new_tie, position, 0)) - np.maximum.accumulate(
        np.where(new_cluster, position, 0)
    )
    return sql.plain_frame(
        {
            "cluster_code": clusters[order],
            "unit_code": units[order],
            "score": score[order],
            "indicators": indicators[order],
            "reported": reported[order].astype(int),
            "rank": rank + 1,
        }
    )


def default_period(cur: duckdb.DuckDBPyConnection) -> Period | None:
    """The six months that hold the newest figure (the review meeting's usual view); None when
    the database has no figures."""
    row = sql.run(cur, "latest_figure_month").fetchone()
    if row is None:
        return None
    year, month = int(row[0]), int(row[1])
    return Period(year, "half", 1 if month <= 6 else 2)


def nothing_to_show(held: list[int], period: Period, what: str) -> str:
    """Why `what` (a view, a meeting pack) of `period` is empty, given the years `held` that
    have figures or targets, and which years to choose instead."""
    if not held:
        return f"{what}: chưa có số liệu và kế hoạch nào."
    if period.year not in held:
        return (
            f"{what}: năm {period.year} chưa có số liệu và kế hoạch. Chọn năm có số liệu hoặc "
            f"kế hoạch: {', '.join(map(str, held))}."
        )
    return (
        f"{what}: danh mục chưa có đơn vị hay chỉ tiêu nào trong phạm vi này (đơn vị được gán "
        "vào cụm, chỉ tiêu vào nhóm ở trang Danh mục)."
    )


def years(cur: duckdb.DuckDBPyConnection) -> list[int]:
    """Every year with figures or targets, newest first."""
    return [int(row[0]) for row in sql.run(cur, "figure_years").fetchall()]


def group_headlines(
    now: pd.DataFrame, before: pd.DataFrame, indicators: pd.DataFrame, groups: pd.DataFrame
) -> pd.DataFrame:
    """Per indicator group, for one scope: the mean achievement (each capped at 100 %) over its
    indicators with a target and a figure, the same at the previous period, and the change."""

    def score(frame: pd.DataFrame) -> pd.Series:
        rows = frame.merge(
            indicators[["code", "group_code"]], left_on="indicator_code", right_on="code"
        )
        rows = rows[rows["achievement_pct"].notna()]
        return rows["achievement_pct"].clip(upper=100).groupby(rows["group_code"]).mean()

    current, previous = score(now), score(before)
    rows = now.merge(indicators[["code", "group_code"]], left_on="indicator_code", right_on="code")
    counts = rows.groupby("group_code")["status"]
    out = groups[["code", "name"]].rename(columns={"code": "group_code"}).copy()
    out = out[out["group_code"].isin(counts.groups)]
    # float even with no score at all (January, before any report): missing text cannot subtract
    out["score"] = out["group_code"].map(current).astype(float)
    out["previous"] = out["group_code"].map(previous).astype(float)
    out["change"] = out["score"] - out["previous"]
    out["indicators"] = out["group_code"].map(counts.size())
    out["at_risk"] = out["group_code"].map(
        rows["status"].eq("at_risk").groupby(rows["group_code"]).sum()
    )
    return out.reset_index(drop=True)


def series(
    cur: duckdb.DuckDBPyConnection,
    year: int,
    last_month: int,
    indicator: str,
    by: str,
    *,
    cluster: str | None = None,
    at_risk_pct: float | None = None,
) -> pd.DataFrame:
    """Progress of every scope on one indicator at the end of each month of the year up to
    `last_month`, with a `month` column."""
    frames = []
    for month in range(1, last_month + 1):
        frame = progress(
            cur,
            Period(year, "month", month),
            by,
            cluster=cluster,
            indicator=indicator,
            at_risk_pct=at_risk_pct,
        )
        frames.append(frame.assign(month=month))
    return pd.concat(frames, ignore_index=True)


def pace_lines(row: pd.Series) -> pd.DataFrame:
    """The target and the expected-pace line (from the baseline at the start of the year to the
    target at its end) of one scope's progress row, as points for a chart."""
    baseline = 0.0 if pd.isna(row["baseline"]) else float(row["baseline"])
    target = row["target"]
    if pd.isna(target):
        return pd.DataFrame(columns=["line", "month", "value"])
    return pd.DataFrame(
        {
            "line": ["Kế hoạch", "Kế hoạch", "Tiến độ cần đạt", "Tiến độ cần đạt"],
            "month": [0, 12, 0, 12],
            "value": [target, target, baseline, target],
        }
    )


def province_target(cur: duckdb.DuckDBPyConnection, indicator: str, year: int) -> float | None:
    """The province-wide target of an indicator for a year, or None."""
    value = sql.scalar(cur, "province_target", indicator=indicator, year=year)
    return None if value is None else float(value)
