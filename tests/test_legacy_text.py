"""Text typed in a legacy encoding (TCVN3, VNI) under its fonts, read as Unicode."""

import pytest

from dashboard import legacy_text


@pytest.mark.parametrize(
    ("typed", "font", "shown"),
    [
        ("Tªn chØ tiªu", ".VnTime", "Tên chỉ tiêu"),
        (
            "Sè tæ c«ng nghÖ sè céng ®ång ®· thµnh lËp",
            ".VnTime",
            "Số tổ công nghệ số cộng đồng đã thành lập",
        ),
        ("UBND huyÖn QuÕ S¬n", ".VnArial", "UBND huyện Quế Sơn"),
        ("Ng\u00adêi lËp biÓu", ".VnTime", "Người lập biểu"),
        ("¡ ¢ § £ ¤ ¥ ¦", ".VnTime", "Ă Â Đ Ê Ô Ơ Ư"),
        # an upper-case font shows the lower-case codes, and plain letters, as capitals
        ("B¸O C¸O KÕT QU¶ TH¸NG 7", ".VnTimeH", "BÁO CÁO KẾT QUẢ THÁNG 7"),
        # VNI: a vowel and the code of its marks, and letters of a code each
        ("Teân chæ tieâu", "VNI-Times", "Tên chỉ tiêu"),
        (
            "Soá toå coâng ngheä soá coäng ñoàng ñaõ thaønh laäp",
            "VNI-Times",
            "Số tổ công nghệ số cộng đồng đã thành lập",
        ),
        ("Tröôøng hoïc, Ngöôøi laäp bieåu", "VNI-Helve", "Trường học, Người lập biểu"),
        ("Ñaêk Laêk, Quaûng Ngaõi, Myõ yù, Hueá", "VNI-Times", "Đăk Lăk, Quảng Ngãi, Mỹ ý, Huế"),
        ("BAÙO CAÙO KEÁT QUAÛ CHUYEÅN ÑOÅI SOÁ", "VNI-Times", "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ"),
        ("THÖØA THIEÂN HUEÁ, ÖÙ", "VNI-Times", "THỪA THIÊN HUẾ, Ứ"),
    ],
)
def test_legacy_text_is_read_as_its_font_shows_it(typed, font, shown):
    assert legacy_text.to_unicode(typed, font) == shown


def test_only_text_of_latin_1_with_a_legacy_code_may_be_legacy():
    assert legacy_text.may_be("Tªn chØ tiªu") and legacy_text.may_be("Teân chæ tieâu")
    # Unicode Vietnamese nearly always has a letter beyond Latin-1; where it has none, the
    # cell's font decides
    assert not legacy_text.may_be("Hội An") and not legacy_text.may_be("Số tổ")
    assert legacy_text.may_be("Tây Ninh")
    assert not legacy_text.may_be("CNS_TO")
    # the dashes and quotes a Windows keyboard types are no Unicode letters
    assert legacy_text.may_be("Soá chöông trình truyeàn thanh – truyeàn hình “ñòa phöông”")
    assert not legacy_text.may_be("Số chương trình truyền thanh – truyền hình")


def test_which_fonts_show_which_encoding():
    fonts = [".VnTime", ".VnTimeH", ".vnarial", "VNI-Times", "VNI-Helve", "Times New Roman"]
    assert [legacy_text.encoding_of_font(font) for font in fonts] == [
        "TCVN3",
        "TCVN3",
        "TCVN3",
        "VNI",
        "VNI",
        None,
    ]
    assert legacy_text.encoding_of_font(None) is None


def test_a_name_no_font_shows_is_read_as_typed_in_lower_and_upper_case():
    # a sheet's tab: Windows shows it in its own font, so no ".VnTimeH" makes it capitals
    assert legacy_text.as_typed("Th¸ng 7 n¨m 2022", "TCVN3") == "Tháng 7 năm 2022"
    assert legacy_text.as_typed("Héi An", "TCVN3") == "Hội An"
    assert legacy_text.as_typed("Thaùng 7, Hoäi An", "VNI") == "Tháng 7, Hội An"
