"""Comparing Vietnamese text: without accents, and names as people write them."""

import pandas as pd
import pytest

from dashboard.accents import codes_by_name, name_key, unaccented


def test_unaccented_drops_every_accent_and_writes_d_for_đ():
    assert unaccented("Đồng bằng Quý II") == "Dong bang Quy II"


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("HOÀ VANG", "Hòa Vang"),  # the tone on the a (newer) or on the o (older)
        ("Thuỷ Nguyên", "Thủy Nguyên"),
        ("UBND  xã   Khánh Hoà ", "UBND xã Khánh Hòa"),
        ("xòe", "xoè"),
        ("Hoa\u0300 Vang", "Hòa Vang"),  # decomposed, as Windows-1258 writes it
    ],
)
def test_one_name_in_both_spellings_is_one_name(written, stored):
    assert name_key(written) == name_key(stored)


@pytest.mark.parametrize(("one", "other"), [("Phú Ninh", "Phù Ninh"), ("Hòa An", "Hoà Ân")])
def test_names_that_differ_in_their_accents_stay_apart(one, other):
    assert name_key(one) != name_key(other)


def test_codes_by_name_leaves_out_a_name_two_entries_share():
    known = pd.DataFrame(
        {"code": ["HOAVANG", "A1", "A2"], "name": ["Hòa Vang", "Phường 1", "phường 1"]}
    )
    assert codes_by_name(known) == {"hoà vang": "HOAVANG"}
