"""Numbers as offices write them.

The rule, for text cells (spreadsheet number cells are taken as they are):
- spaces, and one trailing '%', are dropped: "82,5 %" is 82.5;
- in a ';'-delimited CSV (Excel on a Vietnamese Windows) '.' groups thousands and ',' is the
  decimal mark: "1.234" is 1234 and "1.234,5" is 1234.5; a lone '.' not followed by exactly
  three digits is still read as a decimal point ("82.5");
- elsewhere a single ',' or '.' is the decimal mark ("82,5" = "82.5"); a mark that repeats
  groups thousands ("1.234.567", "1,234,567"); with both marks the last one is the decimal
  mark ("1,234.5" = "1.234,5" = 1234.5). So "1.234" in a ','-delimited file is 1.234: counts
  must be whole, and validation refuses it with a hint instead of guessing.
"""

import math
import re

import numpy as np
import pandas as pd

_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_INTEGER = re.compile(r"^-?\d+$")
_DOT_GROUPS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_COMMA_GROUPS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_text(text: str, decimal_comma: bool) -> float | None:
    """One text cell as a number under the rule above; None when it is not a number."""
    cleaned = _SPACES.sub("", text)
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not cleaned or not re.fullmatch(r"-?[\d.,]+", cleaned) or not re.search(r"\d", cleaned):
        return None
    if decimal_comma and _DOT_GROUPS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            if not _DOT_GROUPS.match(cleaned):
                return None
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            if not _COMMA_GROUPS.match(cleaned):
                return None
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") > 1 or cleaned.count(".") > 1:
        if not (_COMMA_GROUPS.match(cleaned) or _DOT_GROUPS.match(cleaned)):
            return None
        cleaned = cleaned.replace(",", "").replace(".", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse(values: pd.Series, decimal_comma: bool) -> tuple[pd.Series, pd.Series]:
    """Cells as floats (NaN when empty) and a mask of the cells that are not numbers."""
    result = pd.Series(float("nan"), index=values.index, dtype="float64")
    invalid = pd.Series(False, index=values.index)
    present = values.notna()
    if not present.any():
        return result, invalid
    types = values.map(type)
    numeric_types = {t: issubclass(t, int | float) and t is not bool for t in types.unique()}
    is_number = types.map(numeric_types).astype(bool)
    numeric = present & is_number
    result[numeric] = values[numeric].astype("float64")
    text = present & ~is_number
    if text.any():
        as_text = values[text].astype(str).str.strip()
        fast = as_text.str.match(_INTEGER if decimal_comma else _PLAIN)
        result[as_text[fast].index] = pd.to_numeric(as_text[fast])
        slow = as_text[~fast]
        if not slow.empty:
            parsed = {v: parse_text(v, decimal_comma) for v in slow.unique()}
            mapped = slow.map(parsed)
            result[slow.index] = mapped.astype("float64")
            invalid[slow.index] = mapped.isna()
    invalid |= numeric & ~pd.Series(np.isfinite(result.to_numpy()), index=result.index)
    return result, invalid
