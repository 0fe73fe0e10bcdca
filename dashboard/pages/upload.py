"""Gửi số liệu: download a template, upload a file, check it, commit it, see and revert batches."""

import hashlib

import streamlit as st

from dashboard import (
    batches,
    config,
    export,
    formatting,
    ingest,
    periods,
    problems,
    tables,
    templates,
    web,
)

ctx = web.context()
cat = web.catalogue(ctx)
actor = web.actor(ctx)
st.title("Gửi số liệu")
if actor is None or not actor.can_write:
    st.error("Trang này dành cho Sở và các đơn vị báo cáo. Đăng nhập bằng tài khoản của bạn.")
    st.stop()
web.demo_badge(cat)
if cat["units"].empty:
    web.empty_database_notice(cat)
    st.stop()

units = cat["units"][cat["units"]["active"]]
if actor.role == "unit":
    units = units[units["code"] == actor.unit_code]
unit_names = dict(zip(units["code"], units["name"], strict=True))

st.subheader("1. Tải mẫu nhập liệu")
left, middle, right = st.columns([2, 2, 3])
unit = left.selectbox(
    "Đơn vị", list(unit_names), format_func=lambda c: f"{unit_names[c]} ({c})", key="template_unit"
)
period_text = middle.text_input(
    "Kỳ báo cáo",
    value=templates.next_month(web.cursor(ctx), config.today()).code,
    key="template_period",
    help="2022-07 (tháng), 2022-Q3 (quý), 2022-H2 (6 tháng), 2022",
)
period = periods.parse(period_text)
if period is None:
    right.error(f"Kỳ «{period_text}» không hợp lệ: ghi 2022-07, 2022-Q3, 2022-H2 hoặc 2022.")
else:
    name = f"mau_{unit.lower()}_{period.code}"
    right.download_button(
        "Mẫu Excel (.xlsx)",
        lambda: templates.xlsx_bytes(web.cursor(ctx), unit, period),
        file_name=f"{name}.xlsx",
        on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )
    right.download_button(
        "Mẫu CSV",
        lambda: templates.csv_bytes(web.cursor(ctx), unit, period),
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
    )
    right.caption(
        f"{period.label}: mỗi dòng một tháng, mỗi cột một chỉ tiêu; đã điền sẵn số "
        "liệu đơn vị gửi trước đó."
    )

st.subheader("2. Gửi tệp")
kinds = {"figures": "Số liệu"} | (
    {"targets": "Kế hoạch (giao chỉ tiêu)"} if actor.role == "admin" else {}
)
kind = st.radio("Loại tệp", list(kinds), format_func=kinds.get, horizontal=True, key="kind")
uploaded = web.file_uploader(
    "Chọn tệp CSV, Excel (.xlsx, .xls) hoặc LibreOffice (.ods)",
    ["csv", "xlsx", "xlsm", "xls", "ods", "txt"],
    "upload",
)
st.caption(
    "Nhận mẫu nhập liệu ở trên; tệp mỗi dòng một số liệu (cột mã đơn vị, mã chỉ tiêu, kỳ báo "
    "cáo, giá trị); hoặc báo cáo của một đơn vị mỗi dòng một chỉ tiêu, ghi tên đơn vị và kỳ ở "
    "dòng tên báo cáo («UBND HUYỆN … BÁO CÁO THÁNG 7 NĂM 2022»); bảng theo dõi mỗi cột một "
    "kỳ («T7/2022», «T8/2022»); hoặc biểu tổng hợp mỗi cột một đơn vị («Tam Kỳ», «Hội An»)."
    if kind == "figures"
    else "Nhận bảng kế hoạch tải ở trang Kế hoạch (mỗi dòng một đơn vị, mỗi cột một chỉ tiêu, "
    "cột năm); tệp mỗi dòng một kế hoạch (mã đơn vị hoặc * cho cả tỉnh, mã chỉ tiêu, năm, "
    "kế hoạch); kế hoạch nhiều năm mỗi cột một năm («2023», «KH 2024»); hoặc mỗi dòng một chỉ "
    "tiêu, mỗi cột một đơn vị («Toàn tỉnh», «Tam Kỳ»)."
)
if uploaded is not None:
    data = uploaded.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    written = st.session_state.get("written")  # (sha256, kind, message) of the file last written
    if written is not None and written[:2] == (digest, kind):
        # Just written: checked again it would only say "already sent"; another file starts afresh.
        st.success(web.as_written(written[2]))
        uploaded = None
if uploaded is not None:
    key = (digest, ctx.version, kind)
    if st.session_state.get("checked_key") != key:
        st.session_state["checked"] = ingest.check(
            web.cursor(ctx), data, uploaded.name, actor, targets=kind == "targets"
        )
        st.session_state["checked_key"] = key
    upload = st.session_state["checked"]

    found = upload.problems
    errors = int((found["severity"] == "error").sum())
    warnings = int((found["severity"] == "warning").sum())
    shown_counts = [
        ("Mới", upload.count("new")),
        ("Thay đổi", upload.count("changed")),
        ("Không đổi", upload.count("same")),
        ("Lỗi", errors),
        ("Cảnh báo", warnings),
    ]
    for col, (label, count) in zip(st.columns(5), shown_counts, strict=True):
        col.metric(label, formatting.number(count))
    if not found.empty:
        shown = problems.for_people(found)
        if errors:
            st.error(
                f"Tệp có {formatting.number(errors)} lỗi nên chưa thể ghi. Sửa theo hướng dẫn dưới "
                "đây rồi gửi lại; cơ sở dữ liệu không thay đổi."
            )
        # A problem of the whole file (no line) is said in full: a table's cell would cut it.
        whole = found["row"].isna().to_numpy()
        for problem in found[whole].itertuples():
            (st.error if problem.severity == "error" else st.warning)(
                web.as_written(problem.message)
            )
        if not whole.all():
            web.problem_table(shown[~whole], "danh sách lỗi (CSV) tải ở nút dưới đây có đủ.")
        st.download_button(
            "Tải danh sách lỗi (CSV)",
            export.to_csv_bytes(shown),
            file_name=f"loi_{uploaded.name}.csv",
            mime="text/csv",
            on_click="ignore",
        )
    if upload.duplicate_of is not None:
        st.info(
            f"Tệp này đã được gửi lúc "
            f"{formatting.date_time(upload.duplicate_of['created_at'])} (lô "
            f"#{upload.duplicate_of['seq']}): gửi lại không thay đổi gì."
        )
    if not upload.changes.empty:
        with st.expander("Xem trước các dòng sẽ ghi", expanded=upload.ok):
            web.table(
                tables.upload_changes(upload.changes, cat["indicators"], kind), "", width="stretch"
            )
    writable = (
        upload.ok
        and upload.duplicate_of is None
        and (upload.count("new") + upload.count("changed") > 0)
    )
    if st.button("Ghi vào cơ sở dữ liệu", type="primary", disabled=not writable, key="commit"):
        done = ingest.submit(web.store(ctx), data, uploaded.name, actor, targets=kind == "targets")
        if done.batch is not None and done.batch.batch_id:
            st.session_state["written"] = (
                digest,
                kind,
                f"Đã ghi lô #{done.batch.seq} từ tệp «{uploaded.name}»: "
                f"{formatting.change_counts(done.batch.new, done.batch.changed, done.batch.same)}."
                " Chọn tệp khác để gửi tiếp.",
            )
            st.rerun()
        elif not done.ok:
            st.error("Tệp không còn hợp lệ với dữ liệu hiện tại; xem lại danh sách lỗi.")
if "flash" in st.session_state:
    st.success(web.as_written(st.session_state.pop("flash")))

st.subheader("3. Lịch sử gửi số liệu")
history = web.batch_frame(ctx, actor.unit_code if actor.role == "unit" else None)
if history.empty:
    st.caption("Chưa có lô số liệu nào.")
else:
    history_table = tables.batch_history(history)
    web.table(history_table, "", width="stretch", height=320)
    web.downloads(history_table, "lich_su_gui_so_lieu", "history")
    if actor.role == "admin":
        with st.expander("Hoàn tác một lô"):
            open_batches = history[history["reverted_by"].isna()]
            labels = dict(
                zip(
                    open_batches["id"],
                    tables.batch_history(open_batches).apply(
                        lambda r: f"{r['Lô']} · {r['Thời gian']} · {r['Người gửi']} · {r['Tệp']}",
                        axis=1,
                    ),
                    strict=True,
                )
            )
            chosen = st.selectbox(
                "Lô cần hoàn tác", list(labels), format_func=labels.get, key="revert_batch"
            )
            sure = st.checkbox(
                "Tôi hiểu: số liệu của lô này sẽ trở về giá trị trước đó (lịch sử vẫn được giữ).",
                key="revert_sure",
            )
            if st.button("Hoàn tác", disabled=not sure, key="revert"):
                try:
                    result = batches.revert(web.store(ctx), chosen, actor)
                except batches.RevertRefused as exc:
                    st.error(web.as_written(str(exc)))
                else:
                    st.session_state["flash"] = f"Đã hoàn tác bằng lô #{result.seq}."
                    st.rerun()
web.footer(cat)
