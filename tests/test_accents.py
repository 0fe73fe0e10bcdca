"""Comparing Vietnamese text: without accents, and names as people write them."""

import pandas as pd
import pytest

from dashboard.accents import bare_name, codes_by_name, name_key, unaccented


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
        # a dash as the keyboard types it
        ("truyền thanh - truyền hình", "truyền thanh – truyền hình"),
        ("truyền thanh-truyền hình", "truyền thanh — truyền hình"),
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


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("Thành phố Hội An", "hội an"),
        ("TP. Hội An", "hội an"),
        ("TP Tam Kỳ", "tam kỳ"),
        ("P. Sài Gòn", "sài gòn"),
        ("Đặc khu Phú Quốc", "phú quốc"),
        ("UBND thành phố Tam Kỳ", "tam kỳ"),
        ("Ủy ban nhân dân xã Tân An", "tân an"),
        ("UBND. Hội An", "hội an"),
        ("X. Tân An", "tân an"),
        ("Ubnd Tam Kỳ", "tam kỳ"),
        ("Hội An", "hội an"),
        ("Phú Ninh", "phú ninh"),  # a name that begins like a level is left as it is
    ],
)
def test_a_bare_name_is_without_the_level_written_before_it(written, bare):
    assert bare_name(name_key(written)) == bare


def test_bare_names_leave_out_those_two_units_share_and_numbers_alone():
    known = pd.DataFrame(
        {
            "code": ["HOIAN", "XA_TA", "P_TA", "Q1"],
            "name": ["Thành phố Hội An", "Xã Tân An", "Phường Tân An", "Quận 1"],
        }
    )
    assert codes_by_name(known, bare=True) == {"hội an": "HOIAN"}


def test_one_entrys_two_names_alike_still_name_it_and_the_key_is_chosen():
    known = pd.DataFrame(
        {"code": ["CNS_TO", "CNS_TO", "VB"], "name": ["Tổ CNS", "tổ cns", "Văn bản ký số"]}
    )
    assert codes_by_name(known) == {"tổ cns": "CNS_TO", "văn bản ký số": "VB"}
    plain = codes_by_name(known, key=lambda name: unaccented(name).casefold())
    assert plain == {"to cns": "CNS_TO", "van ban ky so": "VB"}
