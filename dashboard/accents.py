"""Vietnamese text without its accents, for comparing what people type with what we expect."""

import unicodedata


def unaccented(text: str) -> str:
    """`text` with every accent dropped and đ written d: "Quý II" → "Quy II"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
