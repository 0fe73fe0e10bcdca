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


def name_key(text: object) -> str:
    """A name as compared: no case, single spaces, the tone where the newer spelling puts it
    (Hòa Vang is Hoà Vang); accents kept (Phú Ninh is not Phù Ninh)."""
    folded = unicodedata.normalize("NFD", " ".join(str(text).casefold().split()))
    return unicodedata.normalize("NFC", _OLDER_TONE.sub(_newer_tone, folded))


def _newer_tone(match: re.Match) -> str:
    vowel, tone, after = (match[1], match[2], match[3]) if match[1] else match.group(4, 5, 6)
    return vowel + after + tone


def codes_by_name(known: pd.DataFrame) -> dict[str, str]:
    """name_key → code for the names of `known` (code, name) that exactly one entry has."""
    keys = known["name"].map(name_key)
    unique = keys[~keys.duplicated(keep=False)]
    return dict(zip(unique, known.loc[unique.index, "code"], strict=True))
