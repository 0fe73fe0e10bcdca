"""Danh mục: units and clusters (add, rename, move, deactivate) and the indicator catalogue, one
at a time or as a list from a file."""

import streamlit as st

from dashboard import catalog, indicator_list, problems, unit_list, web

ctx = web.context()
admin = web.admin_only(ctx)
cat = web.catalogue(ctx)
store = web.store(ctx)
st.title("Danh mục")
st.caption(
    "Mã đơn vị, mã chỉ tiêu không đổi sau khi tạo vì số liệu gắn với mã; đơn vị thôi "
    "báo cáo thì chuyển sang ngừng hoạt động, số liệu cũ vẫn được giữ."
)


def attempt(action, done: str) -> None:
    """Run a catalogue change and say what happened."""
    try:
        action()
    except (catalog.CatalogueError, PermissionError) as problem:
        st.error(web.as_written(str(problem)))
    else:
        st.session_state["flash"] = done
        st.rerun()


def load_list(kind, label: str, what: str, names: dict[str, str], key: str) -> None:
    """A list of units or indicators (`kind`: unit_list or indicator_list) chosen, checked,
    shown line by line and, on the button, written."""
    listed_file = web.file_uploader(label, ["csv", "xlsx", "xlsm", "xls", "ods"], f"{key}_file")
    if listed_file is None:
        return
    listed = kind.read(web.cursor(ctx), listed_file.getvalue(), listed_file.name)
    if not listed.ok:
        st.error("Danh sách có lỗi nên chưa nạp được; sửa theo hướng dẫn dưới đây.")
        web.problem_table(
            problems.for_people(listed.problems), "sửa chúng rồi chọn lại tệp để xem tiếp."
        )
        return
    web.table(kind.for_people(listed, names), "", width="stretch")
    if listed.changes_nothing:
        st.info("Danh sách khớp với danh mục: không có gì thay đổi.")
    elif st.button(f"Nạp danh sách ({listed.summary()})", key=f"load_{key}"):
        attempt(
            lambda: kind.write(store, admin, listed),
            f"Đã nạp danh sách {what}: {listed.summary()}.",
        )


def add_named(add, short: str, what: str, example: tuple[str, str], button: str) -> None:
    """A form adding a cluster or an indicator group (`what`): a code and a name."""
    with st.form(f"add_{short}"):
        st.markdown(f"**Thêm {what}**")
        code = st.text_input(f"Mã {short}", placeholder=f"VD: {example[0]}")
        name = st.text_input(f"Tên {short}", placeholder=f"VD: {example[1]}")
        if st.form_submit_button(button):
            attempt(lambda: add(store, admin, code, name), f"Đã thêm {short} {code.upper()}.")


if "flash" in st.session_state:
    st.success(web.as_written(st.session_state.pop("flash")))

# Keyed and rerun on change, so that a change made on a tab returns to that tab.
units_tab, clusters_tab, indicators_tab = st.tabs(
    ["Đơn vị", "Cụm thi đua", "Chỉ tiêu"], key="catalogue_tab", on_change="rerun"
)
cluster_names = dict(zip(cat["clusters"]["code"], cat["clusters"]["name"], strict=True))

with units_tab:
    shown = cat["units"].assign(
        kind=cat["units"]["kind"].map(catalog.UNIT_KINDS),
        active=cat["units"]["active"].map({True: "Hoạt động", False: "Ngừng hoạt động"}),
    )
    web.table(
        shown[["code", "name", "cluster_name", "kind", "active"]].rename(
            columns={
                "code": "Mã",
                "name": "Tên",
                "cluster_name": "Cụm thi đua",
                "kind": "Loại",
                "active": "Trạng thái",
            }
        ),
        "Chưa có đơn vị nào.",
        width="stretch",
    )
    left, right = st.columns(2)
    if not cluster_names:
        left.info(
            "Chưa có cụm thi đua: thêm cụm ở tab Cụm thi đua, hoặc nạp danh sách đơn vị có cột "
            "ten_cum (bên dưới) để tạo cụm cùng lúc."
        )
    else:
        with left.form("add_unit"):
            st.markdown("**Thêm đơn vị**")
            code = st.text_input("Mã đơn vị", placeholder="VD: NUITHANH")
            name = st.text_input("Tên đơn vị")
            cluster = st.selectbox(
                "Cụm thi đua", list(cluster_names), format_func=cluster_names.get
            )
            kind = st.selectbox(
                "Loại", list(catalog.UNIT_KINDS), format_func=catalog.UNIT_KINDS.get
            )
            if st.form_submit_button("Thêm"):
                attempt(
                    lambda: catalog.add_unit(store, admin, code, name, cluster, kind),
                    f"Đã thêm đơn vị {code.upper()}.",
                )
    names = dict(zip(cat["units"]["code"], cat["units"]["name"], strict=True))
    if names:
        with right:
            chosen = st.selectbox(
                "Sửa đơn vị",
                list(names),
                key="edit_unit_code",
                format_func=lambda c: f"{names[c]} ({c})",
            )
            row = cat["units"].set_index("code").loc[chosen]
            with st.form("edit_unit"):
                new_name = st.text_input("Tên", value=row["name"])
                new_cluster = st.selectbox(
                    "Cụm thi đua",
                    list(cluster_names),
                    index=list(cluster_names).index(row["cluster_code"]),
                    format_func=cluster_names.get,
                )
                new_kind = st.selectbox(
                    "Loại",
                    list(catalog.UNIT_KINDS),
                    index=list(catalog.UNIT_KINDS).index(row["kind"])
                    if row["kind"] in catalog.UNIT_KINDS
                    else 0,
                    format_func=catalog.UNIT_KINDS.get,
                )
                active = st.checkbox("Đang hoạt động", value=bool(row["active"]))
                if st.form_submit_button("Lưu"):
                    attempt(
                        lambda: catalog.update_unit(
                            store,
                            admin,
                            chosen,
                            name=new_name,
                            cluster_code=new_cluster,
                            kind=new_kind,
                            active=active,
                        ),
                        f"Đã lưu đơn vị {chosen}.",
                    )

    with st.expander("Nạp danh sách đơn vị từ tệp (CSV, Excel)"):
        st.caption(
            "Mỗi dòng một đơn vị: ma_don_vi, ten_don_vi, ma_cum (mã hoặc tên cụm đã có); thêm "
            "ten_cum để tạo cụm mới, loai (Xã, Phường, Huyện, …). Đơn vị đã có được đổi tên, "
            "chuyển cụm, đổi loại theo tệp; không đơn vị nào bị xóa hay ngừng hoạt động."
        )
        st.caption("Danh sách hiện có, để sửa rồi nạp lại:")
        web.downloads(unit_list.as_file(cat["units"]), "danh_sach_don_vi", "units_list")
        load_list(unit_list, "Tệp danh sách đơn vị", "đơn vị", cluster_names, "units")

with clusters_tab:
    web.table(
        cat["clusters"][["code", "name"]].rename(columns={"code": "Mã", "name": "Tên"}),
        "Chưa có cụm thi đua nào.",
        width="stretch",
    )
    left, right = st.columns(2)
    with left:
        example = ("VENBIEN", "Cụm thi đua ven biển")
        add_named(catalog.add_cluster, "cụm", "cụm thi đua", example, "Thêm")
    if cluster_names:
        with right.form("rename_cluster"):
            st.markdown("**Đổi tên cụm**")
            chosen = st.selectbox("Cụm", list(cluster_names), format_func=cluster_names.get)
            name = st.text_input("Tên mới")
            if st.form_submit_button("Đổi tên"):
                attempt(
                    lambda: catalog.rename_cluster(store, admin, chosen, name),
                    f"Đã đổi tên cụm {chosen}.",
                )

with indicators_tab:
    info = cat["indicators"]
    web.table(
        info[["code", "group_name", "name", "measure", "kind", "direction", "frequency"]]
        .assign(
            measure=info["measure"].map(catalog.MEASURES),
            kind=info["kind"].map(catalog.KINDS),
            direction=info["direction"].map(catalog.DIRECTIONS),
            frequency=info["frequency"].map(catalog.FREQUENCIES),
        )
        .rename(
            columns={
                "code": "Mã",
                "group_name": "Nhóm",
                "name": "Tên",
                "measure": "Đơn vị đo",
                "kind": "Cách tổng hợp",
                "direction": "Chiều",
                "frequency": "Tần suất",
            }
        ),
        "Chưa có chỉ tiêu nào.",
        width="stretch",
    )
    groups = dict(zip(cat["groups"]["code"], cat["groups"]["name"], strict=True))
    if not groups:
        st.info(
            "Chưa có nhóm chỉ tiêu: thêm nhóm bên dưới, hoặc nạp danh sách chỉ tiêu có cột "
            "ten_nhom để tạo nhóm cùng lúc."
        )
    else:
        codes = ["(chỉ tiêu mới)", *info["code"]]
        chosen = st.selectbox("Chỉ tiêu", codes, key="edit_indicator_code")
        row = info.set_index("code").loc[chosen] if chosen in set(info["code"]) else None

        def pick(label, options: dict, field, default):
            current = row[field] if row is not None else default
            return st.selectbox(
                label, list(options), index=list(options).index(current), format_func=options.get
            )

        with st.form("indicator"):
            new_code = st.text_input(
                "Mã", value="" if row is None else chosen, disabled=row is not None
            )
            fields = {
                "name": st.text_input("Tên", value="" if row is None else row["name"]),
                "short_name": st.text_input(
                    "Tên rút gọn (trên biểu đồ)", value="" if row is None else row["short_name"]
                ),
                "group_code": pick("Nhóm", groups, "group_code", next(iter(groups))),
                "measure": pick("Đơn vị đo", catalog.MEASURES, "measure", "percent"),
                "kind": pick("Cách tổng hợp", catalog.KINDS, "kind", "ratio"),
                "direction": pick("Chiều đánh giá", catalog.DIRECTIONS, "direction", "up"),
                "frequency": pick("Tần suất báo cáo", catalog.FREQUENCIES, "frequency", "month"),
                "description": st.text_area(
                    "Mô tả", value="" if row is None else row["description"] or ""
                ),
                "legal_basis": st.text_input(
                    "Căn cứ pháp lý", value="" if row is None else row["legal_basis"] or ""
                ),
            }
            if st.form_submit_button("Lưu chỉ tiêu"):
                if row is None:
                    attempt(
                        lambda: catalog.add_indicator(store, admin, new_code, fields),
                        f"Đã thêm chỉ tiêu {new_code.upper()}.",
                    )
                else:
                    attempt(
                        lambda: catalog.update_indicator(store, admin, chosen, fields),
                        f"Đã lưu chỉ tiêu {chosen}.",
                    )

    example = ("KTS", "Kinh tế số")
    add_named(catalog.add_indicator_group, "nhóm", "nhóm chỉ tiêu", example, "Thêm nhóm")

    with st.expander("Nạp danh sách chỉ tiêu từ tệp (CSV, Excel)"):
        st.caption(
            "Mỗi dòng một chỉ tiêu: ma_chi_tieu, ten_chi_tieu, ma_nhom (mã hoặc tên nhóm đã có; "
            "thêm ten_nhom để tạo nhóm mới), don_vi_do (%, Số lượng, Điểm), cach_tong_hop (Tỷ "
            "lệ, Lũy kế, Phát sinh, Chỉ số điểm), tan_suat (Tháng, Quý, 6 tháng, Năm); tùy "
            "chọn chieu_danh_gia (mặc định càng cao càng tốt), ten_rut_gon, mo_ta, can_cu. Ô "
            "để trống giữ nguyên chỉ tiêu đã có; không chỉ tiêu nào bị xóa."
        )
        st.caption("Danh sách hiện có, để sửa rồi nạp lại:")
        web.downloads(
            indicator_list.as_file(info, cat["groups"]), "danh_sach_chi_tieu", "indicators_list"
        )
        load_list(indicator_list, "Tệp danh sách chỉ tiêu", "chỉ tiêu", groups, "indicators")
