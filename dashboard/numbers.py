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
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import infer_dtype

from dashboard.accents import unaccented
from dashboard.cells import per_value

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


# A ratio written as its parts in one cell: "45/50", "45 / 50", or beside its percent,
# "90% (45/50)" or "45/50 (90%)", as reports write it in words.
_NUMBER = r"([\d.,\s\u00a0]*\d[\d.,\s\u00a0]*)"
_RATIOS = [
    (re.compile(rf"^{_NUMBER}/{_NUMBER}$"), None, 1, 2),
    (re.compile(rf"^{_NUMBER}%?\s*\(\s*{_NUMBER}/{_NUMBER}\)$"), 1, 2, 3),
    (re.compile(rf"^{_NUMBER}/{_NUMBER}\(\s*{_NUMBER}%?\s*\)$"), 3, 1, 2),
]


def parse_ratio(text: object, decimal_comma: bool) -> tuple[float | None, float, float] | None:
    """A cell holding a ratio's parts ("45/50", "90% (45/50)") as (its percent or None,
    numerator, denominator); None when it holds no such thing."""
    if not isinstance(text, str):
        return None
    for pattern, percent_at, numerator_at, denominator_at in _RATIOS:
        match = pattern.match(text.strip())
        if match is None:
            continue
        parts = [parse_text(match[i], decimal_comma) for i in (numerator_at, denominator_at)]
        percent = parse_text(match[percent_at], decimal_comma) if percent_at else None
        if None in parts or (percent_at and percent is None):
            return None
        return percent, parts[0], parts[1]
    return None


# A plan's target written as a bound, as plans word them: "≥ 90%", "Trên 80%", "Tối thiểu 5",
# "80% trở lên" (at least); "≤ 5%", "Dưới 3%", "Không quá 2" (at most). Matched on the text
# without accents, in lower case.
_AT_LEAST = r">=|≥|>|tren|toi thieu|it nhat|khong duoi|khong thap hon|lon hon|tu"
_AT_MOST = r"<=|≤|<|duoi|toi da|khong qua|khong vuot qua|khong cao hon|nho hon|it hon"
_BOUND_NUMBER = r"(?P<number>\d[\d.,\s]*%?)"
_BOUNDS = [
    (re.compile(rf"^(?:dat\s*)?(?:{_AT_LEAST})\s*{_BOUND_NUMBER}$"), "at_least"),
    (re.compile(rf"^(?:dat\s*)?(?:{_AT_MOST})\s*{_BOUND_NUMBER}$"), "at_most"),
    (re.compile(rf"^(?:dat\s*)?(?:tu\s*)?{_BOUND_NUMBER}\s*tro len$"), "at_least"),
    (re.compile(rf"^(?:dat\s*)?{_BOUND_NUMBER}\s*tro xuong$"), "at_most"),
]


def parse_bound(text: object, decimal_comma: bool) -> tuple[str, float] | None:
    """A cell holding a bound ("≥ 90%", "Dưới 3%") as ("at_least" or "at_most", its number);
    None when it holds no such thing."""
    if not isinstance(text, str):
        return None
    cleaned = " ".join(unaccented(text).lower().split())
    for pattern, bound in _BOUNDS:
        match = pattern.match(cleaned)
        if match is not None:
            number = parse_text(match["number"], decimal_comma)
            return None if number is None else (bound, number)
    return None


def in_words(text: object, decimal_comma: bool) -> bool:
    """Whether a cell that is no number still holds a figure as reports write it: a ratio's
    parts ("45/50") or a plan's bound ("≥ 90%")."""
    return parse_ratio(text, decimal_comma) is not None or (
        parse_bound(text, decimal_comma) is not None
    )


def parse(values: pd.Series, decimal_comma: bool) -> tuple[pd.Series, pd.Series]:
    """Cells as floats (NaN when empty) and a mask of the cells that are not numbers."""
    result = np.full(len(values), np.nan)
    invalid = np.zeros(len(values), dtype=bool)
    cells = values.to_numpy(dtype=object)
    present = ~pd.isna(cells)
    text_only = infer_dtype(cells, skipna=True) in ("string", "empty")
    if text_only:
        # A CSV column: every filled cell is text, and no cell needs its type looked at.
        number = np.zeros(len(values), dtype=bool)
    else:
        types = [type(cell) for cell in cells]
        number = present & np.array(
            [issubclass(t, int | float) and t is not bool for t in types], dtype=bool
        )
        result[number] = cells[number].astype("float64")
        invalid |= number & ~np.isfinite(result)
    where = np.flatnonzero(present & ~number)
    if len(where):
        texts = cells[where] if text_only else [str(cell) for cell in cells[where]]
        text = pc.utf8_trim_whitespace(pa.array(texts, pa.string()))
        # The usual plain number is read by Arrow in one pass; the rest by the rule above.
        fast = pc.match_substring_regex(text, (_INTEGER if decimal_comma else _PLAIN).pattern)
        fast = fast.to_numpy(zero_copy_only=False)
        result[where[fast]] = pc.cast(text.filter(fast), pa.float64()).to_numpy()
        slow = where[~fast]
        if len(slow):
            parsed = per_value(
                pd.Series(text.filter(~fast).to_pylist(), dtype=object),
                lambda v: None if v is None else parse_text(v, decimal_comma),
            )
            invalid[slow] = parsed.isna().to_numpy()
            result[slow] = parsed.astype("float64").to_numpy()
        # thousands of digits read as infinity: not a number anyone meant
        infinite = where[np.isinf(result[where])]
        invalid[infinite], result[infinite] = True, np.nan
    index = values.index
    return pd.Series(result, index=index), pd.Series(invalid, index=index)
