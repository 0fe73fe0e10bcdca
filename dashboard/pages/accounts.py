"""Tài khoản: the accounts, new ones, password resets, locking, and public read-only viewing."""

import streamlit as st

from dashboard import accounts, settings, web

ctx = web.context()
admin = web.admin_only(ctx)
cat = web.catalogue(ctx)
store = web.store(ctx)
st.title("Tài khoản")
if "flash" in st.session_state:
    st.success(web.as_written(st.session_state.pop("flash")))


def attempt(action, done: str) -> None:
    try:
        action()
    except (accounts.AccountError, PermissionError) as problem:
        st.error(web.as_written(str(problem)))
    else:
        st.session_state["flash"] = done
        st.rerun()


people = accounts.users(web.cursor(ctx))
web.table(
    people.assign(
        role=people["role"].map(accounts.ROLE_LABELS),
        disabled=people["disabled"].map({True: "Đã khóa", False: "Hoạt động"}),
    )[["username", "display_name", "role", "unit_code", "email", "disabled"]].rename(
        columns={
            "username": "Tên đăng nhập",
            "display_name": "Tên hiển thị",
            "role": "Vai trò",
            "unit_code": "Đơn vị",
            "email": "Thư điện tử",
            "disabled": "Trạng thái",
        }
    ),
    "Chưa có tài khoản nào.",
    width="stretch",
)

units = cat["units"][cat["units"]["active"]]
unit_names = dict(zip(units["code"], units["name"], strict=True))
left, right = st.columns(2)
with left.form("add_user", clear_on_submit=True):
    st.markdown("**Tạo tài khoản**")
    username = st.text_input("Tên đăng nhập", placeholder="VD: hoian")
    display_name = st.text_input("Tên hiển thị", placeholder="VD: Phòng VH-TT Hội An")
    role = st.selectbox("Vai trò", list(accounts.ROLES), format_func=accounts.ROLE_LABELS.get)
    unit = st.selectbox(
        "Đơn vị (với tài khoản đơn vị)",
        [None, *unit_names],
        format_func=lambda c: "—" if c is None else f"{unit_names[c]} ({c})",
    )
    email = st.text_input("Thư điện tử (đăng nhập một lần, nếu có)")
    password = st.text_input("Mật khẩu", type="password")
    again = st.text_input("Nhập lại mật khẩu", type="password")
    if st.form_submit_button("Tạo"):
        if password != again:
            st.error("Hai lần nhập mật khẩu không khớp.")
        else:
            attempt(
                lambda: accounts.add_user(
                    store,
                    admin,
                    username,
                    role,
                    password,
                    unit_code=unit if role == "unit" else None,
                    display_name=display_name or None,
                    email=email or None,
                ),
                f"Đã tạo tài khoản {username.strip().lower()}.",
            )
with right:
    names = list(people["username"])
    with st.form("reset_password", clear_on_submit=True):
        st.markdown("**Đặt lại mật khẩu**")
        who = st.selectbox("Tài khoản", names, key="reset_who")
        password = st.text_input("Mật khẩu mới", type="password")
        again = st.text_input("Nhập lại", type="password")
        if st.form_submit_button("Đặt lại"):
            if password != again:
                st.error("Hai lần nhập mật khẩu không khớp.")
            else:
                attempt(
                    lambda: accounts.set_password(store, admin, who, password),
                    f"Đã đặt lại mật khẩu của {who}.",
                )
    with st.form("lock"):
        st.markdown("**Khóa / mở tài khoản**")
        who = st.selectbox("Tài khoản", names, key="lock_who")
        lock, unlock = st.columns(2)
        if lock.form_submit_button("Khóa"):
            attempt(lambda: accounts.set_disabled(store, admin, who, True), f"Đã khóa {who}.")
        if unlock.form_submit_button("Mở"):
            attempt(lambda: accounts.set_disabled(store, admin, who, False), f"Đã mở {who}.")

st.subheader("Xem công khai")
public = st.toggle(
    "Cho phép xem bảng điều khiển không cần đăng nhập (màn hình treo tường)",
    value=cat["public_view"],
    key="public_view",
)
if public != cat["public_view"]:
    settings.set_public_view(store, admin, public)
    st.rerun()
st.caption(
    "Khi bật, ai mở được địa chỉ bảng điều khiển cũng xem được Tổng quan, Chỉ tiêu, Đơn "
    "vị; không ai sửa được gì nếu chưa đăng nhập."
)
