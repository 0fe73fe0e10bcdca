"""Codes of digits Excel stripped of their leading zeros, put back."""

import pytest

from dashboard import leading_zeros

NUMBERED = leading_zeros.by_number(["00004", "00008", "040", "0040", "26734", "HOIAN", "0A1"])


def test_only_codes_of_digits_that_start_with_zero_are_numbered():
    # 040 and 0040 are both 40: neither is guessed
    assert NUMBERED == {4: "00004", 8: "00008"}


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("4", "00004"),
        (" 8 ", "00008"),
        ("0004", "00004"),
        (4, "00004"),
        ("40", None),
        ("26734", None),  # a code kept whole is found as it is, not here
        ("4.5", None),
        ("-4", None),
        ("٤", None),  # an Arabic-Indic four is a digit to Python, not to Excel
        ("", None),
        (None, None),
    ],
)
def test_a_cell_is_restored_only_when_its_digits_are_one_codes_number(cell, code):
    assert leading_zeros.restored(cell, NUMBERED) == code
