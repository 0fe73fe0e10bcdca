"""Tổng quan: headline cards per indicator group, the units × indicators heatmap, the cluster
ranking, and the units that have not reported."""

import streamlit as st

from dashboard import charts, config, filters, formatting, periods, progress, reporting, tables, web

ctx = web.context()
cat = web.catalogue(ctx)
presenting = filters.presentation()
if cat["units"].empty or cat["default"] is None:
    st.title("Tổng quan tiến độ chuyển đổi số")
    web.empty_database_notice(cat)
    st.stop()

period = filters.period(cat)
cluster = filters.cluster(cat)
group = filters.group(cat)
web.presentation_view(presenting)
scope = web.scope_name(cat, cluster)
big = presenting

st.title(f"Tiến độ chuyển đổi số — {scope} — {period.label}")
web.demo_badge(cat)

by_scope = "cluster" if cluster else "province"
view = web.overview_frames(ctx, period, cluster, group)
web.stop_if_empty(cat, period, view["units"])
now = view["scope"]
earlier, against = periods.comparison(period)
before = web.progress_frame(ctx, earlier, by_scope, cluster, group)
headlines = progress.group_headlines(now, before, cat["indicators"], cat["groups"])
st.caption(f"Mức đạt kế hoạch năm {period.year} theo nhóm chỉ tiêu; mũi tên: thay đổi {against}.")
per_row = 7 if presenting else 4  # a wide screen takes every group on one line
for start in range(0, len(headlines), per_row):
    cards = st.columns(per_row)
    for card, row in zip(cards, headlines.iloc[start : start + per_row].itertuples(), strict=False):
        change = None if row.change != row.change else round(row.change, 1) + 0.0  # no "-0,0"
        card.metric(
            row.name,
            formatting.percent(row.score),
            delta=None if change is None else f"{formatting.number(change, 1)} điểm %",
            delta_color="off" if change == 0 else "normal",
            delta_arrow="off" if change == 0 else "auto",
            help=f"Mức đạt kế hoạch bình quân của {row.indicators} chỉ tiêu (mỗi chỉ tiêu tính "
            f"tối đa 100 %); {row.at_risk} chỉ tiêu có nguy cơ không đạt.",
            border=True,
        )

units_progress = view["units"]
unit_count = units_progress["scope_code"].nunique()
if unit_count <= charts.MAX_UNIT_ROWS:  # else clusters; pick one to see its units
    heat_rows, heat_frame = cat["units"], units_progress
    heat_title = f"Mức đạt kế hoạch theo đơn vị — {scope} — {period.label}"
else:
    heat_rows, heat_frame = cat["clusters"], view["clusters"]
    heat_title = f"Mức đạt kế hoạch theo cụm thi đua — {scope} — {period.label}"
    st.caption(
        f"{formatting.number(unit_count)} đơn vị: chọn một cụm thi đua ở thanh bên để xem từng "
        "đơn vị."
    )
web.chart(
    charts.heatmap(heat_frame, heat_rows, cat["indicators"], heat_title, web.footer_text(cat), big),
    f"muc_dat_{period.code}_{cluster or 'toan_tinh'}",
    "heatmap",
    presenting,
)

left, right = st.columns([3, 2])
with left:
    st.subheader("Xếp hạng thi đua")
    ranking = view["ranking"]
    ranking_table = tables.ranking_table(ranking, cat["units"], cat["clusters"])
    web.table(
        ranking_table,
        "Chưa có đơn vị nào để xếp hạng.",
        width="stretch",
        height=min(web.grid_height(len(ranking)), 720),
    )
    if not presenting:
        web.downloads(ranking_table, f"xep_hang_{period.code}", "ranking")
with right:
    st.subheader("Đơn vị chưa báo cáo đủ")
    due = reporting.due_until(period, config.today())
    late = reporting.not_reported(web.reporting_frame(ctx, period, cluster, group))
    so_far = reporting.due_note(period, due)
    if due is None:
        st.info(reporting.nobody_late(period, due))
    elif late.empty:
        st.success(reporting.nobody_late(period, due))
    else:
        if so_far:
            st.caption(f"Số liệu {period.in_sentence}{so_far}.")
        late_table = tables.reporting_table(late, cat["units"])
        web.table(late_table, "", width="stretch")
        if not presenting:
            web.downloads(late_table, f"chua_bao_cao_{period.code}", "late")
if not presenting:
    st.subheader("Tài liệu họp")
    st.caption(
        f"Bộ tài liệu {scope.lower() if cluster is None else scope} — {period.label}: "
        "trang bìa, bản đồ mức đạt, một trang cho mỗi nhóm chỉ tiêu, xếp hạng thi đua, "
        "các đơn vị chậm tiến độ, các đơn vị chưa báo cáo đủ; mỗi trang ghi nguồn và thời điểm số "
        "liệu."
    )
    name = f"tai_lieu_hop_{period.code}_{(cluster or 'toan_tinh').lower()}"
    kinds = {
        ".pptx": (
            "PowerPoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ".pdf": ("PDF", "application/pdf"),
        ".png": ("Ảnh tổng quan", "image/png"),
    }
    for column, (suffix, (label, mime)) in zip(st.columns(len(kinds)), kinds.items(), strict=True):
        column.download_button(
            label,
            lambda suffix=suffix: web.meeting_pack(ctx, period, cluster, suffix),
            file_name=f"{name}{suffix}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"pack{suffix}",
        )
web.footer(cat)
