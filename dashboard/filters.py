"""Sidebar filters that live in the URL's query string, so a link reopens the same view, and
that keep their values when the user moves between pages.

Each filter keeps its value under a `keep_*` key of the session; the widget (`filter_*`) is
bound to it before it is drawn and copies a change back in its callback. Streamlit forgets a
widget's value on a page that does not draw it, so the widget alone would not survive."""

from collections.abc import Callable, Sequence

import streamlit as st

from dashboard import config, periods

ALL = "*"  # "all clusters" / "all groups"; a widget treats None as "nothing chosen"
PERIOD_KINDS = {"month": "Tháng", "quarter": "Quý", "half": "6 tháng", "year": "Năm"}


def _sync(key: str, keep: str) -> None:
    st.session_state[keep] = st.session_state[key]


def bound(key: str, keep: str, initial) -> dict:
    """Bind widget `key` to the kept value (set to `initial` the first time); returns the
    callback arguments the widget needs to keep a change."""
    if keep not in st.session_state:
        st.session_state[keep] = initial
    st.session_state[key] = st.session_state[keep]
    return {"key": key, "on_change": _sync, "args": (key, keep)}


def _url(param: str, parse: Callable):
    if param not in st.query_params:
        return None
    try:
        return parse(st.query_params[param])
    except ValueError:
        return None


def _choose(
    param: str,
    label: str,
    options: Sequence,
    default,
    *,
    format_func: Callable = str,
    dump: Callable = str,
    sidebar: bool = True,
):
    """A selectbox whose value comes from, in order: this session, the URL, the default."""
    options = list(options)
    keep = f"keep_{param}"
    if st.session_state.get(keep) not in options:
        # a link typed by hand may write a code in small letters (?don_vi=hoian)
        written = {dump(option).upper(): option for option in options}
        wanted = written.get((_url(param, str) or "").upper(), default)
        st.session_state[keep] = wanted if wanted in options else options[0]
    where = st.sidebar if sidebar else st
    value = where.selectbox(
        label, options, format_func=format_func, **bound(f"filter_{param}", keep, None)
    )
    text = dump(value)
    if text:
        st.query_params[param] = text
    elif param in st.query_params:
        del st.query_params[param]
    return value


def _period_changed() -> None:
    """A new year or kind of period: keep the period of that kind that ends where the old one
    did (6 tháng đầu → Quý II), or the latest that ends before it."""
    old = st.session_state["keep_ky"]
    choices = periods.periods_in_year(
        st.session_state["filter_kind"], st.session_state["filter_year"]
    )
    same_end = [p for p in choices if p.end_month == old.end_month]
    earlier = [p for p in choices if p.end_month <= old.end_month]
    st.session_state["keep_ky"] = (same_end or earlier or choices)[0 if same_end else -1]


def period(cat: dict) -> periods.Period:
    """Year, kind of period and period ('ky' in the URL); by default the six months that hold
    the newest figure."""
    newest = max(cat["years"], default=config.today().year)
    default = cat["default"] or periods.Period(newest, "half", 1)
    if not isinstance(st.session_state.get("keep_ky"), periods.Period):
        st.session_state["keep_ky"] = _url("ky", periods.parse) or default
    wanted = st.session_state["keep_ky"]
    years = sorted(set(cat["years"]) | {wanted.year}, reverse=True)
    for key, value in (
        ("filter_year", wanted.year),
        ("filter_kind", wanted.frequency),
        ("filter_ky", wanted),
    ):
        st.session_state[key] = value
    st.sidebar.selectbox("Năm", years, key="filter_year", on_change=_period_changed)
    st.sidebar.selectbox(
        "Loại kỳ",
        list(PERIOD_KINDS),
        format_func=PERIOD_KINDS.get,
        key="filter_kind",
        on_change=_period_changed,
    )
    choices = periods.periods_in_year(wanted.frequency, wanted.year)
    chosen = st.sidebar.selectbox(
        "Kỳ báo cáo",
        choices,
        format_func=lambda p: p.label,
        key="filter_ky",
        on_change=_sync,
        args=("filter_ky", "keep_ky"),
    )
    st.query_params["ky"] = chosen.code
    return chosen


def _one_or_all(param: str, label: str, frame, everything: str) -> str | None:
    """A selectbox of codes with "all" first; None when all are chosen."""
    names = {ALL: everything} | dict(zip(frame["code"], frame["name"], strict=True))
    chosen = _choose(
        param, label, list(names), ALL, format_func=names.get, dump=lambda c: "" if c == ALL else c
    )
    return None if chosen == ALL else chosen


def cluster(cat: dict) -> str | None:
    """A cluster ('cum' in the URL), or None for the whole province."""
    return _one_or_all("cum", "Cụm thi đua", cat["clusters"], "Toàn tỉnh")


def group(cat: dict) -> str | None:
    """An indicator group ('nhom' in the URL), or None for all."""
    return _one_or_all("nhom", "Nhóm chỉ tiêu", cat["groups"], "Tất cả các nhóm")


def indicator(cat: dict) -> str:
    """One indicator ('chi_tieu' in the URL)."""
    names = dict(zip(cat["indicators"]["code"], cat["indicators"]["name"], strict=True))
    return _choose("chi_tieu", "Chỉ tiêu", list(names), next(iter(names)), format_func=names.get)


def unit(cat: dict) -> str:
    """One active unit ('don_vi' in the URL)."""
    units = cat["units"][cat["units"]["active"]]
    names = dict(zip(units["code"], units["name"], strict=True))
    return _choose(
        "don_vi",
        "Đơn vị",
        list(names),
        next(iter(names)),
        format_func=lambda c: f"{names[c]} ({c})",
    )


def presentation() -> bool:
    """Whether the presentation view is on ('trinh_chieu=1' in the URL)."""
    if "keep_presenting" not in st.session_state:
        st.session_state["keep_presenting"] = st.query_params.get("trinh_chieu") == "1"
    on = st.session_state["keep_presenting"]
    if on:
        st.query_params["trinh_chieu"] = "1"
    elif "trinh_chieu" in st.query_params:
        del st.query_params["trinh_chieu"]
    return on
