"""Kế hoạch: the year's targets as an editable grid, the province-wide row first; saving goes
through the same checks and messages as an uploaded targets file."""

import streamlit as st

from dashboard import config, formatting, ingest, plans, problems, web

ctx = web.context()
admin = web.admin_only(ctx)
cat = web.catalogue(ctx)
st.title("Kế hoạch (giao chỉ tiêu)")
st.caption(
    "Dòng «Toàn tỉnh» là kế hoạch chung, áp dụng cho đơn vị không có kế hoạch riêng. "
    "Tỷ lệ ghi theo phần trăm (80 là 80 %). Muốn thay kế hoạch thì nhập giá trị mới."
)
if cat["units"].empty or cat["indicators"].empty:  # no grid without rows and columns
    web.empty_database_notice(cat)
    st.stop()
years, opened = plans.years(cat["years"], config.today())
year = st.selectbox("Năm", years, index=years.index(opened), key="targets_year")
before = plans.grid(web.cursor(ctx), year)
short = dict(zip(cat["indicators"]["code"], cat["indicators"]["short_name"], strict=True))
config = {
    "ma_don_vi": st.column_config.TextColumn("Mã", disabled=True),
    "ten_don_vi": st.column_config.TextColumn("Đơn vị", disabled=True),
}
config |= {
    code: st.column_config.NumberColumn(short[code], help=code, min_value=0.0, format="localized")
    for code in short
}
after = st.data_editor(
    before,
    column_config=config,
    hide_index=True,
    width="stretch",
    key=f"targets_grid_{year}_{ctx.version}",
    num_rows="fixed",
    placeholder="",  # a cell without a target is empty, not "None"
)
if "flash" in st.session_state:
    st.success(web.as_written(st.session_state.pop("flash")))
if st.button("Lưu kế hoạch", type="primary", key="save_targets"):
    data, emptied = plans.changes_as_upload(before, after, year)
    if data is None and not emptied:
        st.info("Không có ô nào thay đổi.")
    elif emptied:
        st.error(
            "Không xóa kế hoạch bằng cách để trống ô ("
            + ", ".join(emptied)
            + "): nhập giá trị mới cho ô đó."
        )
    else:
        upload = ingest.submit(web.store(ctx), data, f"ke_hoach_{year}.csv", admin, targets=True)
        if not upload.ok:
            st.error("Chưa lưu: có ô không hợp lệ.")
            web.problem_table(
                problems.for_people(upload.problems), "sửa chúng rồi lưu lại để xem tiếp."
            )
        elif upload.batch is None:
            st.info("Không có ô nào thay đổi.")
        else:
            st.session_state["flash"] = (
                f"Đã lưu lô #{upload.batch.seq}: "
                f"{formatting.change_counts(upload.batch.new, upload.batch.changed)}."
            )
            st.rerun()

st.caption(
    f"Giao kế hoạch cho nhiều đơn vị một lúc: tải bảng kế hoạch năm {year}, điền trong Excel rồi "
    "gửi ở trang *Gửi số liệu* (loại tệp «Kế hoạch»). Ô để trống không thay đổi gì."
)
web.downloads(plans.as_file(web.cursor(ctx), year), f"ke_hoach_{year}", "targets_file")
