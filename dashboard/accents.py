"""Vietnamese text as compared with what we expect: without its accents, or as a name."""

import re
import unicodedata

import pandas as pd

# A tone mark on the o of "oa", "oe" or the u of "uy", as the older spelling puts it (Hòa,
# khỏe, Thủy); the newer puts it on the vowel after (Hoà, khoẻ, Thuỷ). Both are in use.
_OLDER_TONE = re.compile(
    "(?:(o)([\u0300\u0301\u0303\u0309\u0323])([ae])|(u)([\u0300\u0301\u0303\u0309\u0323])(y))"
)


def unaccented(text: str) -> str:
    """`text` with every accent dropped and đ written d: "Quý II" → "Quy II"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A dash of any kind with any spaces around it: "truyền thanh – truyền hình" is typed
# "truyền thanh - truyền hình" or "truyền thanh-truyền hình".
_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def name_key(text: object) -> str:
    """A name as compared: no case, single spaces, any dash a hyphen without spaces around it,
    the tone where the newer spelling puts it (Hòa Vang is Hoà Vang); accents kept (Phú Ninh is
    not Phù Ninh)."""
    spaced = _DASH.sub("-", " ".join(str(text).casefold().split()))
    folded = unicodedata.normalize("NFD", spaced)
    return unicodedata.normalize("NFC", _OLDER_TONE.sub(_newer_tone, folded))


def _newer_tone(match: re.Match) -> str:
    vowel, tone, after = (match[1], match[2], match[3]) if match[1] else match.group(4, 5, 6)
    return vowel + after + tone


# A unit's level written before its name, in full or short ("Thành phố Hội An", "TP. Hội An",
# "P. Sài Gòn"), and the people's committee that reports for it ("UBND xã Tân An", "Ủy ban
# nhân dân phường Hội An"): a report writes them where the catalogue does not, or the other
# way round. name_key has put the tone of "ủy" on the y.
_LEVEL = re.compile(
    r"^(?:(?:uỷ ban nhân dân|ubnd)\.?\s+)?"
    r"(?:(?:thành phố|thị xã|thị trấn|huyện|quận|xã|phường|đặc khu|tp|tx|tt)\.?\s+|[hqpx]\.\s*)?"
)


def bare_name(key: str) -> str:
    """A name_key without the level before it: "thành phố hội an" → "hội an"."""
    return _LEVEL.sub("", key, count=1)


def codes_by_name(known: pd.DataFrame, bare: bool = False, key=name_key) -> dict[str, str]:
    """`key` (`bare`: then bare_name) → code for the names of `known` (code, name) that exactly
    one entry has."""
    pairs = pd.DataFrame({"key": known["name"].map(key).to_numpy(), "code": known["code"]})
    if bare:
        pairs["key"] = pairs["key"].map(bare_name)
        # "Quận 1" is not "1": a number alone names nothing (a line's number, a report's).
        pairs = pairs[pairs["key"].map(lambda k: any(c.isalpha() for c in k))]
    # one entry's two names alike (a name and its short name) still name that one entry
    pairs = pairs.drop_duplicates()
    unique = pairs[~pairs["key"].duplicated(keep=False)]
    return dict(zip(unique["key"], unique["code"], strict=True))
