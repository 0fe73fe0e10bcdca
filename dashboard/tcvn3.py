"""Vietnamese typed in the legacy TCVN3 (ABC) encoding under a .Vn font (.VnTime, .VnArial),
as old workbooks still hold it, read as Unicode."""

import re

# The TCVN3 codes (as a workbook stores them: Latin-1 characters) of the Vietnamese letters
# beside them; letters without accents are ASCII in both. An upper-case font (.VnTimeH) shows
# the lower-case codes as capitals: only Ă Â Đ Ê Ô Ơ Ư have codes of their own.
_CODES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TABLE = str.maketrans(_CODES, _LETTERS)
_ANY_CODE = re.compile("[" + re.escape(_CODES) + "]")


def is_font(name: object) -> bool:
    """Whether a font of this name shows TCVN3 codes as Vietnamese letters."""
    return isinstance(name, str) and name.strip().lower().startswith(".vn")


def may_be(text: str) -> bool:
    """Whether `text` could be TCVN3: a TCVN3 code in it, and nothing beyond Latin-1, which
    Unicode Vietnamese nearly always has (ạ, ế, ư, đ)."""
    return _ANY_CODE.search(text) is not None and max(text) <= "\u00ff"


def to_unicode(text: str, font: str) -> str:
    """TCVN3 text shown in `font` as the Unicode the font shows: "Tªn chØ tiªu" → "Tên chỉ
    tiêu"; in an upper-case font (.VnTimeH) all in capitals, as it is shown."""
    converted = text.translate(_TABLE)
    return converted.upper() if font.strip().endswith("H") else converted
