"""Đơn vị: one unit's scorecard (every indicator with a sparkline), its rank in its cluster,
its upload history and every version of its figures."""

import streamlit as st

from dashboard import filters, formatting, progress, status, tables, web

ctx = web.context()
cat = web.catalogue(ctx)
presenting = filters.presentation()
if cat["units"].empty or cat["default"] is None:
    st.title("Đơn vị")
    web.empty_database_notice(cat)
    st.stop()

period = filters.period(cat)
unit = filters.unit(cat)
web.presentation_view(presenting)
info = cat["units"].set_index("code").loc[unit]

st.title(f"{info['name']} — {period.label}")
web.demo_badge(cat)

cluster_progress = web.progress_frame(ctx, period, "unit", info["cluster_code"])
mine = cluster_progress[cluster_progress["scope_code"] == unit]
web.stop_if_empty(cat, period, mine)
ranking = progress.ranking(cluster_progress)
place = ranking[ranking["unit_code"] == unit]
if not place.empty:
    st.caption(
        f"Hạng {formatting.number(place['rank'].iloc[0])}/{formatting.number(len(ranking))} trong "
        f"{info['cluster_name']} · điểm thi đua {formatting.percent(place['score'].iloc[0])}"
    )

if mine["actual"].isna().all():
    st.info(
        f"{info['name']} chưa có số liệu nào của năm {period.year} đến hết {period.label}. "
        "Đơn vị tải mẫu nhập liệu ở trang Gửi số liệu.",
        icon=":material/info:",
    )
card = tables.scorecard(
    mine, web.recent_figures(ctx, unit, period), cat["indicators"], (period.year, period.end_month)
)
codes = card.pop("status")
styled = card.style.apply(
    lambda _: [
        f"background-color: {status.COLOURS[c]}; color: {status.text_colour(c)}" for c in codes
    ],
    subset=["Đánh giá"],
)
st.dataframe(
    styled,
    hide_index=True,
    width="stretch",
    height=web.grid_height(len(card)),
    placeholder="",
    column_config={
        # Pinned: on a phone the card scrolls sideways and each row keeps its indicator.
        "Chỉ tiêu": st.column_config.TextColumn("Chỉ tiêu", pinned=True),
        "12 kỳ gần nhất": st.column_config.LineChartColumn("12 kỳ gần nhất", width="medium"),
    },
)
if not presenting:
    web.downloads(
        card.drop(columns="12 kỳ gần nhất"), f"the_diem_{unit.lower()}_{period.code}", "scorecard"
    )

if not presenting:
    st.subheader("Lịch sử gửi số liệu")
    history = web.batch_frame(ctx, unit)
    if history.empty:
        st.caption("Đơn vị chưa gửi lô số liệu nào.")
    else:
        batches_table = tables.batch_history(history)
        web.table(batches_table, "", width="stretch")
        web.downloads(batches_table, f"lich_su_gui_{unit.lower()}", "batches")
    with st.expander("Mọi phiên bản số liệu (ai gửi giá trị nào, khi nào)"):
        versions = tables.figure_versions(web.history_frame(ctx, unit), cat["indicators"])
        web.table(versions, "Chưa có số liệu nào.", width="stretch")
        web.downloads(versions, f"phien_ban_{unit.lower()}", "versions")
web.footer(cat)
