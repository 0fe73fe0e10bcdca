"""Vietnamese typed in a legacy 8-bit encoding under its own fonts, as old workbooks still hold
it: TCVN3 (ABC) under .Vn fonts (.VnTime), VNI under VNI- fonts (VNI-Times); read as Unicode."""

import re
import unicodedata

# Each encoding as Unikey's converter (the tool an office has for it) names it.
CONVERTER_NAMES = {"TCVN3": "TCVN3 (ABC)", "VNI": "VNI Windows"}

# TCVN3: a code (a Latin-1 character as a workbook stores it) for each Vietnamese letter beside
# it; letters without accents are ASCII. An upper-case font (.VnTimeH) shows the lower-case
# codes as capitals: only Ă Â Đ Ê Ô Ơ Ư have codes of their own.
_TCVN3_CODES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
_TCVN3_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3 = str.maketrans(_TCVN3_CODES, _TCVN3_LETTERS)

# VNI: a vowel followed by a code for its marks ("aù" á, "oà" ồ, "aë" ặ), and letters of one
# code each (ô ơ, ö ư, ñ đ, the i's with their tones, î ỵ); capitals likewise in capitals.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TONES = (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
_VNI_MARKS = dict(zip("ùøûõï", _TONES, strict=True))
_VNI_MARKS.update({"â": "\u0302"} | dict(zip("áàåãä", ("\u0302" + t for t in _TONES), strict=True)))
_VNI_MARKS.update({"ê": "\u0306"} | dict(zip("éèúüë", ("\u0306" + t for t in _TONES), strict=True)))
_VNI_MARKS.update({code.upper(): marks for code, marks in _VNI_MARKS.items()})
_VNI_LETTERS = dict(zip("íìæóòîñôö", "íìỉĩịỵđơư", strict=True))
_VNI_LETTERS.update({code.upper(): letter.upper() for code, letter in _VNI_LETTERS.items()})
_VNI = re.compile(f"([aeouyAEOUYôöÔÖ])([{''.join(_VNI_MARKS)}])|([{''.join(_VNI_LETTERS)}])")

_ANY_CODE = re.compile(f"[{re.escape(_TCVN3_CODES + ''.join(_VNI_MARKS) + ''.join(_VNI_LETTERS))}]")


def encoding_of_font(name: object) -> str | None:
    """The legacy encoding a font of this name shows ("TCVN3", "VNI"), or None."""
    if not isinstance(name, str):
        return None
    name = name.strip().lower()
    return "TCVN3" if name.startswith(".vn") else "VNI" if name.startswith("vni") else None


# Beyond what a legacy font's text holds: Latin-1, and the dashes, quotes and € a Windows
# keyboard types (stored as Unicode punctuation). Unicode Vietnamese nearly always has more.
_BEYOND = re.compile("[^\x00-\xff\u2000-\u206f\u20ac]")


def may_be(text: str) -> bool:
    """Whether `text` could be in a legacy encoding: a code of one in it, and no letter beyond
    Latin-1, which Unicode Vietnamese nearly always has (ạ, ế, ư, đ)."""
    return _ANY_CODE.search(text) is not None and _BEYOND.search(text) is None


def to_unicode(text: str, font: str) -> str:
    """Text typed in the encoding `font` shows, as the Unicode the font shows: "Tªn chØ tiªu"
    (.VnTime) and "Teân chæ tieâu" (VNI-Times) → "Tên chỉ tiêu"; in an upper-case TCVN3 font
    (.VnTimeH) all in capitals, as it is shown."""
    encoding = encoding_of_font(font)
    converted = as_typed(text, encoding)
    capitals = encoding == "TCVN3" and font.strip().endswith("H")
    return converted.upper() if capitals else converted


def as_typed(text: str, encoding: str) -> str:
    """Text typed in a legacy `encoding` ("TCVN3", "VNI") as Unicode, as typed: a sheet's
    name, which no font of the workbook shows, is "Th¸ng 7" → "Tháng 7"."""
    if encoding == "VNI":
        return unicodedata.normalize("NFC", _VNI.sub(_vni_letter, text))
    return text.translate(_TCVN3)


def _vni_letter(match: re.Match) -> str:
    if match[3]:
        return _VNI_LETTERS[match[3]]
    return _VNI_LETTERS.get(match[1], match[1]) + _VNI_MARKS[match[2]]
