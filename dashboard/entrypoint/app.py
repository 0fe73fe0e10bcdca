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
            PAGES / "progress_table.py",
            title="Tiến độ theo đơn vị",
            icon=":material/table_chart:",
            default=True,
        ),
        st.Page(
            PAGES / "upload.py",
            title="Gửi số liệu",
            icon=":material/upload_file:",
            url_path="gui-so-lieu",
        ),
    ]
)
navigation.run()
