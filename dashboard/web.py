"""Streamlit glue shared by the pages: the process's store, cached reads keyed on the data
version, the period and scope pickers, the demo badge, the status legend and the footer."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import catalog, config, formatting, periods, progress, settings, sql, status
from dashboard.accounts import LOCAL_OPERATOR, Actor
from dashboard.store import Store, data_version, open_store

PERIOD_KINDS = {"month": "Tháng", "quarter": "Quý", "half": "6 tháng", "year": "Năm"}
SOURCE = "Nguồn: báo cáo của các đơn vị"


@dataclass(frozen=True)
class Context:
    """What one script run reads from: the database path and its data version at the start."""

    db: str
    version: int


@st.cache_resource(show_spinner=False)
def _store(db: str) -> Store:
    return open_store(db)


def context() -> Context:
    """The database of this server and its current data version (one cheap query a run)."""
    db = config.db_path()
    cur = _store(db).cursor()
    return Context(db, data_version(cur))


@st.cache_data(show_spinner=False, max_entries=64)
def _catalogue(db: str, version: int) -> dict[str, pd.DataFrame]:
    cur = _store(db).cursor()
    return {
        "clusters": catalog.clusters(cur),
        "units": catalog.units(cur),
        "groups": catalog.indicator_groups(cur),
        "indicators": catalog.indicators(cur),
        "years": progress.years(cur),
        "default": progress.default_period(cur),
        "demo": settings.is_demo(cur),
        "last_update": sql.scalar(cur, "last_update"),
    }


def catalogue(ctx: Context) -> dict:
    """Clusters, units, groups, indicators, years, the default period, the demo flag and the
    time of the last upload, read once per data version."""
    return _catalogue(ctx.db, ctx.version)


@st.cache_data(show_spinner=False, max_entries=256)
def _progress(
    db: str, version: int, period_code: str, by: str, cluster: str | None, group: str | None
) -> pd.DataFrame:
    cur = _store(db).cursor()
    period = periods.must_parse(period_code)
    return progress.progress(cur, period, by, cluster=cluster, group=group)


def progress_frame(
    ctx: Context,
    period: periods.Period,
    by: str = "unit",
    cluster: str | None = None,
    group: str | None = None,
) -> pd.DataFrame:
    """Progress at `period`, cached until the next commit."""
    return _progress(ctx.db, ctx.version, period.code, by, cluster, group)


def empty_database_notice() -> None:
    """Say how to fill an empty database."""
    st.info(
        "Cơ sở dữ liệu chưa có số liệu. Nạp tỉnh mẫu bằng lệnh `cds init --demo` "
        "(hoặc `make run` trên máy mới), hoặc tải lên số liệu của đơn vị.",
        icon=":material/info:",
    )


def period_picker(cat: dict) -> periods.Period:
    """Year, kind of period and period in the sidebar, defaulting to the latest six months."""
    default = cat["default"] or periods.Period(max(cat["years"]), "half", 1)
    years = cat["years"] or [default.year]
    with st.sidebar:
        year = st.selectbox(
            "Năm",
            years,
            index=years.index(default.year) if default.year in years else 0,
            key="year",
        )
        kind = st.selectbox(
            "Kỳ",
            list(PERIOD_KINDS),
            format_func=PERIOD_KINDS.get,
            index=list(PERIOD_KINDS).index(default.frequency),
            key="period_kind",
        )
        choices = periods.periods_in_year(kind, year)
        fallback = default if default in choices else choices[-1]
        return st.selectbox(
            "Kỳ báo cáo",
            choices,
            index=choices.index(fallback),
            format_func=lambda p: p.label,
            key=f"period_{kind}_{year}",
        )


def cluster_picker(cat: dict) -> str | None:
    """A cluster in the sidebar, or None for the whole province."""
    codes = [None, *cat["clusters"]["code"]]
    names = dict(zip(cat["clusters"]["code"], cat["clusters"]["name"], strict=True))
    with st.sidebar:
        return st.selectbox(
            "Cụm thi đua",
            codes,
            format_func=lambda c: "Toàn tỉnh" if c is None else names[c],
            key="cluster",
        )


def demo_badge(cat: dict) -> None:
    """Mark synthetic data so nobody takes it for real figures."""
    if cat["demo"]:
        st.caption(
            ":orange-badge[Dữ liệu mẫu] Số liệu tổng hợp giả lập để trình diễn, "
            "không phải báo cáo thật."
        )


def legend() -> None:
    """The status colours with their Vietnamese names."""
    chips = " ".join(
        f"<span style='background:{status.COLOURS[c]};color:{status.text_colour(c)};"
        f"border:1px solid #999;padding:2px 8px;border-radius:4px;margin-right:6px'>"
        f"{status.LABELS[c]}</span>"
        for c in status.ORDER
    )
    st.markdown(chips, unsafe_allow_html=True)


def footer(cat: dict) -> None:
    """The data-as-of line every screenshot carries."""
    st.caption(f"Số liệu cập nhật đến {formatting.date_time(cat['last_update'])} · {SOURCE}")


def store(ctx: Context) -> Store:
    """The process's store, for writes."""
    return _store(ctx.db)


def cursor(ctx: Context):
    """A cursor for this script run."""
    return _store(ctx.db).cursor()


def actor() -> Actor:
    """Who this browser session acts as. Until sign-in exists every visitor is the server's
    local operator, as on the command line."""
    return LOCAL_OPERATOR
