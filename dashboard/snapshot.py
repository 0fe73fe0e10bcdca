"""The progress snapshot: every unit's, cluster's and the province's standing at the end of every
month, recomputed inside each writing transaction for just the keys the write touched, so that
a view reads prepared rows instead of a year of figures."""

from collections.abc import Iterable

import duckdb
import pandas as pd

from dashboard import sql


def _listed(values: Iterable | None) -> list | None:
    if values is None:
        return None
    column = values if isinstance(values, pd.Series) else pd.Series(list(values))
    return sorted(column.dropna().unique().tolist())


def refresh(
    cur: duckdb.DuckDBPyConnection,
    *,
    units: Iterable[str] | None = None,
    indicators: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    from_month: int = 1,
    clusters: Iterable[str] | None = None,
) -> None:
    """Recompute the snapshot for these units, indicators and years from `from_month` on (None:
    all), and the aggregates of `clusters` (None: the clusters of `units`, or all) and the
    province; run inside the writer's transaction."""
    _refresh(
        cur,
        _years_with_data(cur),
        units=units,
        indicators=indicators,
        years=years,
        from_month=from_month,
        clusters=clusters,
    )


def _years_with_data(cur: duckdb.DuckDBPyConnection) -> set[int]:
    """The years with figures or targets; a refresh writes neither, so one answer serves all
    of its steps."""
    return {int(row[0]) for row in sql.run(cur, "figure_years").fetchall()}


# A cluster's units of one month lie together: a view of them reads a few blocks. Rows a
# refresh appends are sorted too (written unsorted, a commit's rows made a national view of the
# latest month 8-10 ms, not 4-5); a commit of figures or targets rewrites its rows in place.
UNIT_ORDER = ("year", "month", "cluster_code", "unit_code", "indicator_code")
UNIT_KEY = ("unit_code", "indicator_code", "year", "month")
SCOPE_KEY = ("level", "scope_code", "indicator_code", "year", "month")


def _refresh(
    cur,
    with_data: set[int],
    *,
    units,
    indicators,
    years,
    from_month=1,
    clusters=None,
    in_place=False,
) -> None:
    units, indicators = _listed(units), _listed(indicators)
    years = None if years is None else [int(y) for y in _listed(years)]
    if years == [] or units == [] or indicators == []:
        return
    if years is None:
        # Year by year: a national rebuild in one piece would hold every year's rows at once.
        gone = {int(row[0]) for row in sql.run(cur, "progress_years").fetchall()}
        for year in sorted(with_data | gone):
            _refresh(
                cur, with_data, units=units, indicators=indicators, years=[year], clusters=clusters
            )
        return
    before = {int(row[0]) for row in sql.run(cur, "progress_years").fetchall()}
    keys = dict(units=units, indicators=indicators, years=years, from_month=from_month)
    built = [year for year in years if year in with_data]
    # Figures or targets written to years the snapshot holds change no unit, indicator or month
    # of it, only the numbers: its rows are rewritten where they lie, keeping their order, for
    # less than half the cost of deleting and appending 100,000 of them again.
    in_place = in_place and set(years) <= before and built == years
    bounds = dict(first_year=min(years), last_year=max(years))
    if in_place:
        sql.merge(cur, "unit_progress", "unit_progress_rows", key=UNIT_KEY, **keys, **bounds)
    else:
        sql.run(cur, "delete_unit_progress", **keys)
        if built:
            sql.insert(
                cur,
                "unit_progress",
                "unit_progress_rows",
                order=UNIT_ORDER,
                **{**keys, "years": built},
                first_year=min(built),
                last_year=max(built),
            )
    if units is not None and clusters is None:
        clusters = sql.frame(cur, "clusters_of_units", units=units)["cluster_code"]
    scopes = dict(indicators=indicators, years=years, from_month=from_month, to_month=12)
    scopes.update(bounds)
    for level, chosen in (("cluster", _listed(clusters)), ("province", None)):
        if level == "cluster" and chosen == []:
            continue
        fresh = dict(by=level, clusters=chosen, group=None, **scopes)
        if in_place:
            sql.merge(cur, "scope_progress", "scope_progress_rows", key=SCOPE_KEY, **fresh)
            continue
        sql.run(cur, "delete_scope_progress", level=level, clusters=chosen, **keys)
        sql.insert(cur, "scope_progress", "scope_progress_rows", **fresh)
    # A year that just gained its first figure or target needs every unit and indicator, and
    # a year that lost its last one must go entirely.
    changed = set(built) ^ (before & set(years))
    if changed and (units is not None or indicators is not None or from_month > 1):
        _refresh(cur, with_data, years=changed, units=None, indicators=None)


def after_figures(cur: duckdb.DuckDBPyConnection, changes: pd.DataFrame) -> None:
    """Bring the snapshot up to date after figure rows `changes` were written: their months to
    the end of their year, and the next year, whose baseline they are."""
    written = changes[changes["change"] != "same"] if "change" in changes else changes
    if written.empty:
        return
    units, indicators = written["unit_code"], written["indicator_code"]
    years = {int(y) for y in written["year"].unique()}
    first = int(written["month"].min()) if len(years) == 1 else 1
    with_data = _years_with_data(cur)
    touched = dict(units=units, indicators=indicators, in_place=True)
    _refresh(cur, with_data, **touched, years=years, from_month=first)
    following = ({y + 1 for y in years} & with_data) - years
    _refresh(cur, with_data, **touched, years=following)


def after_targets(cur: duckdb.DuckDBPyConnection, changes: pd.DataFrame) -> None:
    """Bring the snapshot up to date after target rows `changes` were written; a province-wide
    '*' target reaches every unit."""
    written = changes[changes["change"] != "same"] if "change" in changes else changes
    if written.empty:
        return
    units = None if (written["unit_code"] == "*").any() else written["unit_code"]
    indicators, years = written["indicator_code"], written["year"]
    _refresh(
        cur, _years_with_data(cur), units=units, indicators=indicators, years=years, in_place=True
    )
