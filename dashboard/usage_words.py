"""argparse's own words (usage errors, help headings) in Vietnamese, so that `cds` speaks one
language: argparse looks each of them up through gettext, which this replaces for it."""

import argparse

WORDS = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r không hợp lệ: chọn một trong %(choices)s"
    ),
    "not allowed with argument %s": "không dùng cùng lúc với %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ: có thể là %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (%(type)s)",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
}


def _word(text: str) -> str:
    return WORDS.get(text, text)


def _words(one: str, many: str, count: int) -> str:
    return _word(one if count == 1 else many)


def install() -> None:
    """Make argparse say its words in Vietnamese from now on, in this process."""
    argparse._ = _word
    argparse.ngettext = _words
