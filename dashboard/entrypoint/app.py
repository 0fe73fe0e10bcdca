"""The dashboard's entry point: page setup, who is signed in, and the pages their role opens.

It lives in its own folder because Streamlit treats a `pages/` folder beside the entry script
as old-style pages, which a bookmarked page URL would then open without this navigation."""

from pathlib import Path

import streamlit as st

from dashboard import accounts, signin, web

PAGES = Path(__file__).resolve().parent.parent / "pages"
# A file served by this server: a Material icon as the tab's icon is fetched by the browser from
# fonts.gstatic.com, which a province's network may not reach and the tool must not depend on.
FAVICON = Path(__file__).resolve().parent / "favicon.png"


def page(name: str, title: str, icon: str, **kwargs) -> st.Page:
    return st.Page(PAGES / f"{name}.py", title=title, icon=f":material/{icon}:", **kwargs)


st.set_page_config(page_title="Theo dõi chuyển đổi số", page_icon=str(FAVICON), layout="wide")
ctx = web.context()
actor = web.actor(ctx)
public = actor is accounts.PUBLIC_VIEWER
may_write = actor is not None and actor.can_write
may_administer = actor is not None and actor.is_admin


def shown(allowed: bool) -> str:
    # Pages a role may not use stay registered but hidden, so their address never breaks.
    return "visible" if allowed else "hidden"


reading = [
    page("overview", "Tổng quan", "dashboard", default=True),
    page("indicator", "Chỉ tiêu", "bar_chart", url_path="chi-tieu"),
    page("unit", "Đơn vị", "apartment", url_path="don-vi"),
]
reporting = [
    page(
        "upload", "Gửi số liệu", "upload_file", url_path="gui-so-lieu", visibility=shown(may_write)
    )
]
administering = [
    page(
        "catalogue", "Danh mục", "list_alt", url_path="danh-muc", visibility=shown(may_administer)
    ),
    page("targets", "Kế hoạch", "flag", url_path="ke-hoach", visibility=shown(may_administer)),
    page("accounts", "Tài khoản", "group", url_path="tai-khoan", visibility=shown(may_administer)),
    page("audit", "Nhật ký", "history", url_path="nhat-ky", visibility=shown(may_administer)),
]
sign_in = page("sign_in", "Đăng nhập", "login", url_path="dang-nhap", visibility=shown(public))

if actor is None:
    # Every address resolves (a shared link survives signing in), but only the form is drawn.
    st.navigation([*reading, *reporting, *administering, sign_in], position="hidden")
    web.write_cookie()
    signin.form(ctx)
    st.stop()

sections = {
    "Theo dõi": reading,
    "Báo cáo": reporting,
    "Quản trị": administering,
    "Tài khoản": [sign_in],
}
navigation = st.navigation(sections)
if not public:
    with st.sidebar:
        st.caption(
            f"{actor.display_name or actor.username} · {accounts.ROLE_LABELS[actor.role]}"
            + (f" {actor.unit_code}" if actor.unit_code else "")
        )
        if st.button("Đăng xuất", key="sign_out", icon=":material/logout:"):
            web.sign_out(ctx)
            st.rerun()
web.write_cookie()
allowed = {p.url_path for p in [*reading, sign_in] if public or p is not sign_in}
allowed |= {p.url_path for p in reporting if may_write}
allowed |= {p.url_path for p in administering if may_administer}
if navigation.url_path not in allowed:
    if public:
        signin.form(ctx)  # a read-only visitor asked for a page that needs an account
    else:
        st.error("Trang này không dành cho tài khoản của bạn. Chọn một trang ở thanh bên.")
    st.stop()
navigation.run()
