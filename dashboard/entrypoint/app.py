"""The dashboard's entry point: page setup and navigation.

It lives in its own folder because Streamlit treats a `pages/` folder beside the entry script
as old-style pages, which a bookmarked page URL would then open without this navigation."""

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).resolve().parent.parent / "pages"

st.set_page_config(
    page_title="Theo dõi chuyển đổi số", page_icon=":material/monitoring:", layout="wide"
)

navigation = st.navigation(
    [
        st.Page(
            PAGES / "overview.py", title="Tổng quan", icon=":material/dashboard:", default=True
        ),
        st.Page(
            PAGES / "indicator.py",
            title="Chỉ tiêu",
            icon=":material/bar_chart:",
            url_path="chi-tieu",
        ),
        st.Page(PAGES / "unit.py", title="Đơn vị", icon=":material/apartment:", url_path="don-vi"),
        st.Page(
            PAGES / "upload.py",
            title="Gửi số liệu",
            icon=":material/upload_file:",
            url_path="gui-so-lieu",
        ),
    ]
)
navigation.run()
