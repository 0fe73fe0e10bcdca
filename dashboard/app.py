"""The dashboard's entry point: page setup and navigation."""

import streamlit as st

st.set_page_config(page_title="Theo dõi chuyển đổi số", page_icon="📊", layout="wide")

navigation = st.navigation(
    [
        st.Page("pages/progress_table.py", title="Tiến độ theo đơn vị", icon="📋", default=True),
        st.Page("pages/upload.py", title="Gửi số liệu", icon="📤"),
    ]
)
navigation.run()
