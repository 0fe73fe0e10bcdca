"""The page glue's rules that hold without a page: text shown as written where Streamlit reads
Markdown."""

import pytest

from dashboard import web


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
