"""Text typed in the legacy TCVN3 encoding under a .Vn font, read as Unicode."""

import pytest

from dashboard import tcvn3


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
    ],
)
def test_tcvn3_text_is_read_as_its_font_shows_it(typed, font, shown):
    assert tcvn3.to_unicode(typed, font) == shown


def test_only_text_of_latin_1_with_a_tcvn3_code_may_be_tcvn3():
    assert tcvn3.may_be("Tªn chØ tiªu")
    # Unicode Vietnamese nearly always has a letter beyond Latin-1; where it has none, the
    # cell's font decides
    assert not tcvn3.may_be("Hội An") and not tcvn3.may_be("Số tổ")
    assert tcvn3.may_be("Tây Ninh")
    assert not tcvn3.may_be("CNS_TO")


def test_which_fonts_show_tcvn3():
    assert tcvn3.is_font(".VnTime") and tcvn3.is_font(".VnTimeH") and tcvn3.is_font(".vnarial")
    assert not tcvn3.is_font("Times New Roman") and not tcvn3.is_font("VNI-Times")
    assert not tcvn3.is_font(None)
