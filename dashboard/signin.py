"""The sign-in form: a local account's name and password, or the agency's single sign-on."""

import streamlit as st

from dashboard import accounts, web


def form(ctx: web.Context) -> None:
    """Draw the sign-in form; a success reruns the app on the page the visitor asked for."""
    st.title("Đăng nhập")
    st.caption("Theo dõi tiến độ chuyển đổi số — dành cho Sở, các đơn vị báo cáo và lãnh đạo.")
    if web.sso_configured():
        if st.button("Đăng nhập bằng tài khoản cơ quan", icon=":material/key:", key="sso"):
            st.login()
        if getattr(st.user, "is_logged_in", False):
            st.warning(f"Thư điện tử {st.user.get('email')} chưa được cấp tài khoản. Liên hệ Sở.")
        st.divider()
    with st.form("sign_in", border=True):
        username = st.text_input("Tên đăng nhập", key="username")
        password = st.text_input("Mật khẩu", type="password", key="password")
        submitted = st.form_submit_button("Đăng nhập", type="primary")
    if submitted:
        try:
            web.sign_in(ctx, username, password)
        except accounts.SignInRefused as refused:
            st.error(str(refused))
        else:
            st.rerun()
    st.caption(
        "Chưa có tài khoản? Sở tạo tài khoản bằng lệnh `cds user add` hoặc ở trang Tài khoản."
    )
