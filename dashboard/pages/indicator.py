"""Chỉ tiêu: one indicator across units (bars by achievement, targets as ticks and a rule), over
time (chosen units, the target and the expected pace), and the table behind, downloadable."""

import pandas as pd
import streamlit as st

from dashboard import charts, filters, formatting, progress, tables, web

ctx = web.context()
cat = web.catalogue(ctx)
presenting = filters.presentation()
if cat["units"].empty or cat["default"] is None:
    st.title("Chỉ tiêu")
    web.empty_database_notice(cat)
    st.stop()

period = filters.period(cat)
cluster = filters.cluster(cat)
code = filters.indicator(cat)
web.presentation_view(presenting)
info = cat["indicators"].set_index("code").loc[code]
scope = web.scope_name(cat, cluster)
footer = web.footer_text(cat)

st.title(info["name"])
web.demo_badge(cat)
st.caption(
    f"{info['group_name']} · {scope} · {period.label}"
    + (f" · {info['legal_basis']}" if info["legal_basis"] else "")
    + (f" — {info['description']}" if info["description"] else "")
)

by_scope = "cluster" if cluster else "province"
scope_rows = web.progress_frame(ctx, period, by_scope, cluster, None, code)
web.stop_if_empty(cat, period, scope_rows)
scope_row = scope_rows.iloc[0]
cards = st.columns(4)
cards[0].metric(
    "Thực hiện", formatting.measure_value(scope_row["actual"], info["measure"]), border=True
)
cards[1].metric(
    "Kế hoạch năm", formatting.measure_value(scope_row["target"], info["measure"]), border=True
)
cards[2].metric("Đạt kế hoạch", formatting.percent(scope_row["achievement_pct"]), border=True)
web.status_card(
    cards[3],
    scope_row["status"],
    f"{scope_row['units_reporting']}/{scope_row['units_total']} đơn vị đã báo cáo",
)

units_progress = web.progress_frame(ctx, period, "unit", cluster, None, code)
target = progress.province_target(web.cursor(ctx), code, period.year)
name = f"{code.lower()}_{period.code}_{(cluster or 'toan_tinh').lower()}"
web.chart(
    charts.indicator_bars(
        units_progress,
        cat["units"],
        info["measure"],
        target,
        f"{info['short_name']} — {scope} — {period.label}",
        footer,
        presenting,
    ),
    f"{name}_don_vi",
    "bars",
    presenting,
)

ranked = units_progress.assign(_k=units_progress["achievement_pct"].fillna(-1)).sort_values("_k")
names = cat["units"].set_index("code")["name"]
options = list(units_progress["scope_code"])
default = [c for c in ranked["scope_code"] if c in options][:3]
kept = [c for c in st.session_state.get("keep_series_units", default) if c in options]
st.session_state["keep_series_units"] = kept
if not presenting:
    st.multiselect(
        "Đơn vị trên biểu đồ theo thời gian",
        options,
        format_func=lambda c: names[c],
        **filters.bound("series_units", "keep_series_units", default),
    )
chosen = st.session_state["keep_series_units"]
scope_series = web.series_frame(ctx, period, code, by_scope, cluster).assign(name=scope)
unit_series = web.series_frame(ctx, period, code, "unit", cluster)
unit_series = unit_series[unit_series["scope_code"].isin(chosen)].assign(
    name=lambda f: f["scope_code"].map(names)
)
lines = pd.concat([scope_series, unit_series], ignore_index=True)
web.chart(
    charts.indicator_series(
        lines,
        progress.pace_lines(scope_row),
        info["measure"],
        f"{info['short_name']} theo tháng năm {period.year} — {scope}",
        footer,
        presenting,
    ),
    f"{name}_theo_thang",
    "series",
    presenting,
)

if not presenting:
    st.subheader("Bảng số liệu")
    table = tables.indicator_table(units_progress, cat["units"], info["measure"])
    web.table(table, "Không có đơn vị nào trong phạm vi này.", width="stretch")
    web.downloads(table, name, "table")
web.footer(cat)
