"""Tiến độ theo đơn vị: every unit's achievement on every indicator, coloured by status."""

import streamlit as st

from dashboard import status, tables, web

ctx = web.context()
cat = web.catalogue(ctx)
if cat["units"].empty or cat["default"] is None:
    st.title("Tiến độ chuyển đổi số")
    web.empty_database_notice()
    st.stop()

period = web.period_picker(cat)
cluster = web.cluster_picker(cat)
scope = "toàn tỉnh" if cluster is None else cat["clusters"].set_index("code").loc[cluster, "name"]

st.title(f"Tiến độ thực hiện kế hoạch — {period.label}")
web.demo_badge(cat)
st.caption(f"Mức đạt kế hoạch năm {period.year} của từng đơn vị, {scope}.")

frame = web.progress_frame(ctx, period, "unit", cluster)
text, codes = tables.progress_matrix(frame, cat["units"], cat["indicators"])
styled = text.style.apply(
    lambda _: codes.map(
        lambda c: f"background-color: {status.COLOURS[c]}; color: {status.text_colour(c)}"
    ),
    axis=None,
)
st.dataframe(styled, width="stretch", height=36 * (len(text) + 1) + 4)
web.legend()
web.footer(cat)
