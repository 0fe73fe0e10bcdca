"""Streamlit glue shared by the pages: the process's store, cached reads keyed on the data
version, the period and scope pickers, the demo badge, the status legend and the footer."""

import html
import json
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from dashboard import (
    accounts,
    batches,
    catalog,
    config,
    export,
    filters,
    formatting,
    images,
    periods,
    progress,
    reader,
    report,
    reporting,
    settings,
    sql,
    status,
)
from dashboard.accounts import Actor
from dashboard.store import Store, open_store

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
    return Context(db, _store(db).data_version(cur))


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
        "public_view": settings.public_view(cur),
        "last_update": sql.scalar(cur, "last_update"),
    }


def catalogue(ctx: Context) -> dict:
    """Clusters, units, groups, indicators, years, the default period, the demo flag and the
    time of the last upload, read once per data version."""
    return _catalogue(ctx.db, ctx.version)


@st.cache_data(show_spinner=False, max_entries=256)
def _progress(
    db: str,
    version: int,
    period_code: str,
    by: str,
    cluster: str | None,
    group: str | None,
    indicator: str | None,
) -> pd.DataFrame:
    cur = _store(db).cursor()
    return progress.progress(
        cur, periods.must_parse(period_code), by, cluster=cluster, group=group, indicator=indicator
    )


def progress_frame(
    ctx: Context,
    period: periods.Period,
    by: str = "unit",
    cluster: str | None = None,
    group: str | None = None,
    indicator: str | None = None,
) -> pd.DataFrame:
    """Progress at `period`, cached until the next commit."""
    return _progress(ctx.db, ctx.version, period.code, by, cluster, group, indicator)


@st.cache_data(show_spinner=False, max_entries=64)
def _overview(
    db: str,
    version: int,
    period_code: str,
    cluster: str | None,
    indicators: tuple[str, ...] | None,
) -> dict[str, pd.DataFrame]:
    cur = _store(db).cursor()
    return progress.overview(
        cur,
        periods.must_parse(period_code),
        cluster,
        None if indicators is None else list(indicators),
    )


def overview_frames(
    ctx: Context, period: periods.Period, cluster: str | None = None, group: str | None = None
) -> dict[str, pd.DataFrame]:
    """What the overview shows at `period` (progress.overview) for the indicators of `group`,
    cached until the next commit."""
    indicators = None
    if group is not None:
        table = catalogue(ctx)["indicators"]
        indicators = tuple(table.loc[table["group_code"] == group, "code"])
    return _overview(ctx.db, ctx.version, period.code, cluster, indicators)


@st.cache_data(show_spinner=False, max_entries=64)
def _reporting(
    db: str, version: int, period_code: str, cluster: str | None, group: str | None, today: date
) -> pd.DataFrame:
    cur = _store(db).cursor()
    period = periods.must_parse(period_code)
    return reporting.unit_reporting(cur, period, cluster, group, today)


def reporting_frame(
    ctx: Context, period: periods.Period, cluster: str | None = None, group: str | None = None
) -> pd.DataFrame:
    """Who reported in the period by today and each unit's last upload, cached until the next
    commit or the next day."""
    return _reporting(ctx.db, ctx.version, period.code, cluster, group, config.today())


@st.cache_data(show_spinner=False, max_entries=64)
def _series(
    db: str, version: int, year: int, month: int, indicator: str, by: str, cluster: str | None
) -> pd.DataFrame:
    cur = _store(db).cursor()
    return progress.series(cur, year, month, indicator, by, cluster=cluster)


def series_frame(
    ctx: Context, period: periods.Period, indicator: str, by: str, cluster: str | None = None
) -> pd.DataFrame:
    """One indicator month by month to the end of the period, cached until the next commit."""
    return _series(ctx.db, ctx.version, period.year, period.end_month, indicator, by, cluster)


@st.cache_data(show_spinner=False, max_entries=64)
def _recent(db: str, version: int, unit: str, year: int, month: int) -> pd.DataFrame:
    return sql.frame(_store(db).cursor(), "unit_recent_figures", unit=unit, year=year, month=month)


def recent_figures(ctx: Context, unit: str, period: periods.Period) -> pd.DataFrame:
    """A unit's figures from the start of last year to the end of the period."""
    return _recent(ctx.db, ctx.version, unit, period.year, period.end_month)


@st.cache_data(show_spinner=False, max_entries=64)
def _batches(db: str, version: int, unit: str | None) -> pd.DataFrame:
    return batches.batch_list(_store(db).cursor(), unit=unit, limit=500)


def batch_frame(ctx: Context, unit: str | None = None) -> pd.DataFrame:
    """The latest batches, of one unit or all, cached until the next commit."""
    return _batches(ctx.db, ctx.version, unit)


@st.cache_data(show_spinner=False, max_entries=64)
def _history(db: str, version: int, unit: str) -> pd.DataFrame:
    return batches.figure_history(_store(db).cursor(), unit)


def history_frame(ctx: Context, unit: str) -> pd.DataFrame:
    """Every version of a unit's figures with who sent it when."""
    return _history(ctx.db, ctx.version, unit)


def scope_name(cat: dict, cluster: str | None) -> str:
    """'toàn tỉnh' or the cluster's name, for titles."""
    if cluster is None:
        return "Toàn tỉnh"
    return cat["clusters"].set_index("code").loc[cluster, "name"]


def footer_text(cat: dict) -> str:
    """The data-as-of line every chart and screenshot carries."""
    return f"Số liệu cập nhật đến {formatting.date_time(cat['last_update'])} · {SOURCE}"


PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
    display: none !important;
}
.block-container, [data-testid="stMainBlockContainer"] {
    max-width: 100% !important; padding: 1.2rem 2.5rem 1rem 2.5rem !important;
}
html, body, [data-testid="stMarkdownContainer"] p { font-size: 20px; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.4rem !important; }
h1 { font-size: 2.4rem !important; }
h2, h3 { font-size: 1.7rem !important; }
[data-testid="stCaptionContainer"] { font-size: 1rem !important; }
</style>
"""


def presentation_view(on: bool) -> None:
    """In the presentation view: no sidebar or controls, larger type, the page fills a 16:9
    screen; and a way back. Otherwise the switch that turns it on."""
    if not on:
        st.sidebar.toggle(
            "Chế độ trình chiếu",
            help="Ẩn thanh bên, phóng to chữ, vừa màn hình 16:9 để chiếu họp.",
            **filters.bound("presenting", "keep_presenting", False),
        )
        return
    st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)

    def leave():
        st.session_state["keep_presenting"] = False

    st.button(
        "Thoát trình chiếu",
        on_click=leave,
        key="leave_presentation",
        icon=":material/close_fullscreen:",
    )


# Streamlit's file picker speaks English ("Upload", "200MB per file • CSV"); its words are
# replaced by the page's language and the upload's real limits, by style only (no user text).
UPLOADER_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
    font-size: 0;
}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
    content: "Chọn tệp"; font-size: 0.875rem;
}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
    content: "{hint}"; font-size: 0.875rem;
}}
</style>
"""


def file_uploader(label: str, types: list[str], key: str):
    """st.file_uploader, saying in Vietnamese what it takes and up to what size and rows; it
    also takes reader's other kinds (a web page, a PDF), for the reader to read or refuse."""
    limits = reader.Limits.from_env()
    hint = (
        f"hoặc kéo thả tệp vào đây · {', '.join(t.upper() for t in types)}, tối đa "
        f"{formatting.trimmed(limits.max_bytes / reader.MB, 1)} MB, "
        f"{formatting.number(limits.max_rows)} dòng"
    )
    st.markdown(UPLOADER_CSS.format(hint=hint), unsafe_allow_html=True)
    return st.file_uploader(label, type=types + reader.OTHER_EXTENSIONS, key=key)


def stop_if_empty(cat: dict, period: periods.Period, frame: pd.DataFrame) -> None:
    """End the page with a note saying why when the progress it shows has no rows: a link may
    name a year without figures or targets, a new cluster may have no unit yet."""
    if not frame.empty:
        return
    what = f"Không có gì để xem ở {period.in_sentence}"
    st.info(progress.nothing_to_show(cat["years"], period, what), icon=":material/info:")
    footer(cat)
    st.stop()


def empty_database_notice(cat: dict) -> None:
    """Say what a province without figures needs next: its catalogue, or its first upload."""
    if cat["units"].empty or cat["indicators"].empty:
        said = (
            "Tỉnh chưa có danh mục đơn vị và chỉ tiêu. Tài khoản của Sở vào trang Danh mục để "
            "nạp danh sách đơn vị và danh sách chỉ tiêu (tệp CSV, Excel), rồi giao kế hoạch ở "
            "trang Kế hoạch. Muốn xem thử với tỉnh mẫu: lệnh `cds init --demo` (hoặc `make "
            "run` trên máy mới)."
        )
    else:
        said = (
            "Chưa có số liệu nào. Đơn vị tải mẫu nhập liệu và gửi số liệu ở trang Gửi số liệu; "
            "bảng điều khiển hiện tiến độ ngay khi lô đầu tiên được ghi."
        )
    st.info(said, icon=":material/info:")


def demo_badge(cat: dict) -> None:
    """Mark synthetic data so nobody takes it for real figures."""
    if cat["demo"]:
        st.caption(
            ":orange-badge[Dữ liệu mẫu] Số liệu tổng hợp giả lập để trình diễn, "
            "không phải báo cáo thật."
        )


def footer(cat: dict) -> None:
    """The data-as-of line every screenshot carries."""
    st.caption(footer_text(cat))


def store(ctx: Context) -> Store:
    """The process's store, for writes."""
    return _store(ctx.db)


def cursor(ctx: Context):
    """A cursor for this script run."""
    return _store(ctx.db).cursor()


def sso_configured() -> bool:
    """Whether `.streamlit/secrets.toml` sets up single sign-on ([auth] for st.login)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _sso_user(ctx: Context) -> Actor | None:
    if not sso_configured() or not getattr(st.user, "is_logged_in", False):
        return None
    return accounts.actor_for_email(_store(ctx.db).cursor(), st.user.get("email"))


SESSION_COOKIE = "cds_phien"


def actor(ctx: Context | None = None) -> Actor | None:
    """Who this browser session acts as: the signed-in account (kept across reloads by a
    session cookie), the account a single sign-on maps to by e-mail, a read-only visitor when
    public viewing is on, or None."""
    signed = st.session_state.get("actor")
    if isinstance(signed, Actor):
        return signed
    ctx = ctx or context()
    token = st.context.cookies.get(SESSION_COOKIE) if st.context.cookies else None
    for found in (accounts.session_actor(_store(ctx.db).cursor(), token), _sso_user(ctx)):
        if found is not None:
            st.session_state["actor"] = found
            st.session_state["session_token"] = token
            return found
    if catalogue(ctx)["public_view"]:
        return accounts.PUBLIC_VIEWER
    return None


def sign_in(ctx: Context, username: str, password: str) -> None:
    """Check a name and password, keep the account for this browser session, and leave a
    session cookie so a reload or a new tab stays signed in."""
    who = accounts.sign_in(_store(ctx.db), username, password)
    token = accounts.start_session(_store(ctx.db), who)
    st.session_state["actor"] = who
    st.session_state["session_token"] = token
    st.session_state["cookie"] = f"{SESSION_COOKIE}={token}; path=/; SameSite=Strict"


def sign_out(ctx: Context) -> None:
    """End the browser session: forget the account, void its cookie, end a single sign-on."""
    who = st.session_state.pop("actor", None)
    token = st.session_state.pop("session_token", None)
    if who is not None:
        accounts.end_session(_store(ctx.db), token, who.username)
    st.session_state["cookie"] = f"{SESSION_COOKIE}=; path=/; max-age=0; SameSite=Strict"
    if sso_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()


def write_cookie() -> None:
    """Set or clear the session cookie asked for by the last sign-in or sign-out. Streamlit
    cannot set cookies itself; a zero-height component on the same origin can."""
    cookie = st.session_state.pop("cookie", None)
    if cookie:
        components.html(
            f"<script>window.parent.document.cookie = {json.dumps(cookie)};</script>", height=0
        )


def admin_only(ctx: Context) -> Actor:
    """The signed-in administrator; anyone else sees why and the page stops."""
    who = actor(ctx)
    if who is None or not who.is_admin:
        st.error("Trang này chỉ dành cho tài khoản quản trị của Sở.")
        st.stop()
    return who


def status_card(container, code: str, caption: str) -> None:
    """A card in the status's colour with its Vietnamese name, beside the metric cards. Only
    the fixed palette and names go in as HTML; the caption is escaped."""
    container.markdown(
        f"<div data-testid='status-card' style='background:{status.COLOURS[code]};"
        f"color:{status.text_colour(code)};border:1px solid #bbb;border-radius:0.5rem;"
        f"padding:0.75rem 1rem;min-height:6.4rem'>"
        f"<div style='font-size:0.875rem'>Đánh giá</div>"
        f"<div style='font-size:1.5rem;font-weight:600;line-height:1.3'>{status.LABELS[code]}"
        f"</div><div style='font-size:0.875rem'>{html.escape(caption)}</div></div>",
        unsafe_allow_html=True,
    )


# Streamlit's grid draws each row and its header 35 px tall, inside a border of 3 px.
GRID_ROW_PX, GRID_BORDER_PX = 35, 3


def grid_height(rows: int) -> int:
    """The height of a grid that shows `rows` rows and its header, without an empty row."""
    return GRID_ROW_PX * (rows + 1) + GRID_BORDER_PX


def table(frame: pd.DataFrame, empty: str, **options) -> None:
    """A table without its index, a missing value as an empty cell; `empty` said instead of a
    table with no rows (Streamlit would draw an English "empty" in it)."""
    if frame.empty:
        st.caption(empty)
        return
    st.dataframe(frame, hide_index=True, placeholder="", **options)


def as_written(text: str) -> str:
    """The text as written where Streamlit reads Markdown (an alert, a cell of st.table): what
    would format it is escaped, so a file's "*", "_x_", "$…$" or "[…](…)" shows as typed."""
    return _LINE_START.sub(r"\g<1>\\\g<2>", _MARKDOWN.sub(r"\\\g<0>", text))


# Marks Markdown (and Streamlit's $…$ for formulas) reads in a line; "_" only at a word's edge,
# as ma_don_vi reads as written; a web address's "://" or "www." (made a link). At a line's
# start, the marks of a heading, list or quote.
_MARKDOWN = re.compile(r"[\\`*\[<$~]|_(?![^\W_])|(?<![^\W_])_|:(?=//)|(?<=www)\.")
_LINE_START = re.compile(r"^(\s*\d*)([-+#>.)])", re.MULTILINE)
PROBLEM_ROWS = 500  # the most problems a page lists; the rest are counted


def problem_table(shown: pd.DataFrame, rest: str) -> None:
    """Problems (problems.for_people) in a table whose cells wrap, so that each way to fix is
    read in full; past PROBLEM_ROWS the others are counted and `rest` says where to read them."""
    cells = shown.head(PROBLEM_ROWS).astype(object)
    cells = cells.map(lambda cell: "" if pd.isna(cell) else as_written(str(cell)))
    # A long list scrolls under its sticky header instead of pushing the page's buttons away.
    st.table(cells, hide_index=True, height="content" if len(cells) <= 12 else 520)
    if len(shown) > PROBLEM_ROWS:
        st.caption(
            f"Trang chỉ liệt kê {formatting.number(PROBLEM_ROWS)} vấn đề đầu tiên trong "
            f"{formatting.number(len(shown))}; {rest}"
        )


def downloads(frame: pd.DataFrame, name: str, key: str) -> None:
    """Buttons that download a table as CSV (for Excel: UTF-8 with BOM) and as a formatted
    Excel sheet with numbers as numbers."""
    # A row sized to its buttons: fixed column shares cut their labels in a narrow column.
    row = st.container(horizontal=True)
    row.download_button(
        "CSV",
        lambda: export.to_csv_bytes(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"{key}_csv",
    )
    row.download_button(
        "Excel",
        lambda: export.xlsx_bytes({name[:31]: frame}),
        file_name=f"{name}.xlsx",
        on_click="ignore",
        icon=":material/download:",
        key=f"{key}_xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def chart(figure, name: str, key: str, presenting: bool = False) -> None:
    """A chart on the page and, outside the presentation view, a button for it as a sharp PNG
    with the same title and data-as-of line."""
    st.altair_chart(figure, width="stretch", theme=None)
    if not presenting:
        st.download_button(
            "Ảnh PNG",
            lambda: images.png(figure),
            file_name=f"{name}.png",
            mime="image/png",
            on_click="ignore",
            icon=":material/image:",
            key=f"{key}_png",
        )


@st.cache_data(show_spinner=False, max_entries=16)
def _pack(db: str, version: int, period_code: str, cluster: str | None, suffix: str) -> bytes:
    pack = report.build(_store(db).cursor(), periods.must_parse(period_code), cluster)
    return report.render(pack, suffix)


def meeting_pack(ctx: Context, period: periods.Period, cluster: str | None, suffix: str) -> bytes:
    """The meeting pack as .pptx, .pdf or .png bytes, built once per data version."""
    return _pack(ctx.db, ctx.version, period.code, cluster, suffix)
