"""The dashboard's entry point: page setup, who is signed in, and the pages their role opens.

It lives in its own folder because Streamlit treats a `pages/` folder beside the entry script
as old-style pages, which a bookmarked page URL would then open without this navigation."""

from pathlib import Path

import streamlit as st

from dashboard import accounts, signin, web

PAGES = Path(__file__).resolve().parent.parent / "pages"


def page(name: str, title: str, icon: str, **kwargs) -> st.Page:
    return st.Page(PAGES / f"{name}.py", title=title, icon=f":material/{icon}:", **kwargs)


st.set_page_config(
    page_title="Theo dõi chuyển đổi số", page_icon=":material/monitoring:", layout="wide"
)
ctx = web.context()
actor = web.actor(ctx)
reading = [
    page("overview", "Tổng quan", "dashboard", default=True),
    page("indicator", "Chỉ tiêu", "bar_chart", url_path="chi-tieu"),
    page("unit", "Đơn vị", "apartment", url_path="don-vi"),
]
reporting = [page("upload", "Gửi số liệu", "upload_file", url_path="gui-so-lieu")]
administering = [
    page("catalogue", "Danh mục", "list_alt", url_path="danh-muc"),
    page("targets", "Kế hoạch", "flag", url_path="ke-hoach"),
    page("accounts", "Tài khoản", "group", url_path="tai-khoan"),
    page("audit", "Nhật ký", "history", url_path="nhat-ky"),
]
sign_in = page("sign_in", "Đăng nhập", "login", url_path="dang-nhap")

if actor is None:
    # Every address resolves (a shared link survives signing in), but only the form is drawn.
    st.navigation([*reading, *reporting, *administering, sign_in], position="hidden")
    web.write_cookie()
    signin.form(ctx)
    st.stop()

sections = {"Theo dõi": reading}
if actor.can_write:
    sections["Báo cáo"] = reporting
if actor.is_admin:
    sections["Quản trị"] = administering
if actor is accounts.PUBLIC_VIEWER:
    sections["Tài khoản"] = [sign_in]
navigation = st.navigation(sections)
if actor is not accounts.PUBLIC_VIEWER:
    with st.sidebar:
        st.caption(
            f"{actor.display_name or actor.username} · {accounts.ROLE_LABELS[actor.role]}"
            + (f" {actor.unit_code}" if actor.unit_code else "")
        )
        if st.button("Đăng xuất", key="sign_out", icon=":material/logout:"):
            web.sign_out(ctx)
            st.rerun()
web.write_cookie()
navigation.run()
