"""Nhật ký: every write — who, what, when, which batch — with filters."""

import streamlit as st

from dashboard import auditlog, formatting, web

ctx = web.context()
web.admin_only(ctx)
st.title("Nhật ký thay đổi")
users, actions = auditlog.filters(web.cursor(ctx))
left, middle, right, far = st.columns(4)
who = left.selectbox(
    "Người thực hiện",
    [None, *users],
    key="audit_user",
    format_func=lambda u: "Tất cả" if u is None else u,
)
action = middle.selectbox(
    "Việc",
    [None, *actions],
    key="audit_action",
    format_func=lambda a: "Tất cả" if a is None else auditlog.ACTION_LABELS.get(a, a),
)
since = right.date_input("Từ ngày", value=None, format="DD/MM/YYYY", key="audit_since")
until = far.date_input("Đến ngày", value=None, format="DD/MM/YYYY", key="audit_until")
log = auditlog.for_people(
    auditlog.entries(web.cursor(ctx), username=who, action=action, since=since, until=until)
)
st.caption(f"{formatting.number(len(log))} thay đổi (mới nhất trước; tối đa 1.000 dòng).")
web.table(log, "Không có thay đổi nào khớp bộ lọc.", width="stretch", height=600)
web.downloads(log, "nhat_ky", "audit")
