"""The page glue's rules that hold without a page: text shown as written where Streamlit reads
Markdown."""

import pytest

from dashboard import periods, web


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        ("Không phải là số.", "Không phải là số."),  # nothing to escape: unchanged
        ("ghi_chu và ma_don_vi", "ghi_chu và ma_don_vi"),  # "_" inside a word formats nothing
        ("*5*", r"\*5\*"),
        ("_a_", r"\_a\_"),
        ("$1$ và $2$", r"\$1\$ và \$2\$"),  # Streamlit's formula
        ("[x](http://example.org)", r"\[x](http\://example.org)"),  # a link, an address's too
        ("www.example.org", r"www\.example.org"),
        ("<b>7</b>", r"\<b>7\</b>"),
        ("~~10~~", r"\~\~10\~\~"),
        ("a\\b", r"a\\b"),
        ("# 8", r"\# 8"),  # a heading
        ("- 9", r"\- 9"),  # a list item
        ("1. câu hỏi", r"1\. câu hỏi"),
        ("> trích", r"\> trích"),  # a quote
        ("12,5 - 3", "12,5 - 3"),  # a dash inside a line is no list
    ],
)
def test_text_is_escaped_where_markdown_would_format_it(typed, source):
    assert web.as_written(typed) == source


@pytest.mark.parametrize("page", ["overview", "indicator", "unit"])
@pytest.mark.parametrize("ky", ["2026-Q3", "2020-H1"])
def test_a_link_to_a_year_without_figures_says_which_years_have_them(
    demo_db, monkeypatch, page, ky
):
    from pages import open_app  # AppTest helpers; the rest of this file needs no app

    at = open_app(demo_db, monkeypatch, page, ky=ky)  # each page raised an exception here
    period = periods.must_parse(ky)
    assert [i.value for i in at.info] == [
        f"Không có gì để xem ở {period.in_sentence}: năm {period.year} chưa có số liệu và kế "
        "hoạch. Chọn năm có số liệu hoặc kế hoạch: 2022, 2021."
    ]
    assert not at.get("vega_lite_chart") and not at.get("download_button")


@pytest.mark.parametrize("page", ["overview", "indicator"])
def test_a_cluster_without_units_says_so(demo_db, monkeypatch, page):
    import pandas as pd
    from pages import open_app

    from dashboard import catalog
    from dashboard.store import close_store, open_store

    new = pd.DataFrame({"code": ["VENBIEN"], "name": ["Cụm ven biển"], "sort_order": [9]})
    catalog.load_rows(open_store(demo_db), "clusters", new, "test")
    close_store(demo_db)
    at = open_app(demo_db, monkeypatch, page, ky="2022-H1", cum="VENBIEN")
    assert [i.value for i in at.info] == [
        "Không có gì để xem ở 6 tháng đầu năm 2022: danh mục chưa có đơn vị hay chỉ tiêu nào "
        "trong phạm vi này (đơn vị được gán vào cụm, chỉ tiêu vào nhóm ở trang Danh mục)."
    ]
    assert not at.get("download_button")  # no meeting pack of nothing


def test_a_grids_height_holds_its_rows_and_header_and_no_empty_row():
    # Streamlit draws 35 px a row (the header too) inside a 3 px border: one pixel less and the
    # grid scrolls, 35 more and an empty row shows under the last.
    assert web.grid_height(10) == 11 * 35 + 3
    assert web.grid_height(0) == 38
