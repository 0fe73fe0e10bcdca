"""Vietnamese text as compared with what we expect: without its accents, or as a name."""

import unicodedata

import pandas as pd


def unaccented(text: str) -> str:
    """`text` with every accent dropped and đ written d: "Quý II" → "Quy II"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: object) -> str:
    """A name as compared: NFC, no case, single spaces; accents kept (Phú Ninh is not Phù Ninh)."""
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


def codes_by_name(known: pd.DataFrame) -> dict[str, str]:
    """name_key → code for the names of `known` (code, name) that exactly one entry has."""
    keys = known["name"].map(name_key)
    unique = keys[~keys.duplicated(keep=False)]
    return dict(zip(unique, known.loc[unique.index, "code"], strict=True))
