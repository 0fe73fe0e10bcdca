"""Vietnamese number, percent and date formats: 82,5 % · 1.234 · 30/06/2022 14:05."""

import math
from datetime import UTC, datetime

from dashboard.config import LOCAL_TZ


def number(value: float | None, decimals: int = 0) -> str:
    """A number with '.' thousands and ',' decimals; '–' when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def trimmed(value: float | None, decimals: int = 4) -> str:
    """A number with as many decimals as it has, up to `decimals`: 120 · 82,5 · 1.234."""
    text = number(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def percent(value: float | None, decimals: int = 1) -> str:
    """A percent as Vietnamese writes it: 82,5 %."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{number(value, decimals)} %"


def measure_value(value: float | None, measure: str) -> str:
    """A figure in its measure's format: percents with one decimal, counts whole, scores one."""
    if measure == "percent":
        return percent(value)
    if measure == "score":
        return number(value, 1)
    return number(value, 0)


def local_time(utc: datetime) -> datetime:
    """A naive UTC time from the database in Vietnam's time zone."""
    return utc.replace(tzinfo=UTC).astimezone(LOCAL_TZ)


def date(value: datetime) -> str:
    """dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y")


def date_time(utc: datetime | None) -> str:
    """A stored UTC time as dd/mm/yyyy hh:mm in Vietnam's time; '–' when missing."""
    if utc is None:
        return "–"
    return local_time(utc).strftime("%d/%m/%Y %H:%M")


def change_counts(new: int, changed: int, same: int | None = None) -> str:
    """How many rows of a batch are new, changed (and same): 1.234 mới, 5 thay đổi, 0 không đổi."""
    text = f"{number(new)} mới, {number(changed)} thay đổi"
    return text if same is None else f"{text}, {number(same)} không đổi"


def read_as(pairs: list[tuple[object, str]], noun: str, separator: str = ", ") -> str:
    """What was read as what, the first five: "4 → 00004, 8 → 00008 và 3 mã khác"."""
    shown = separator.join(f"{written} → {code}" for written, code in pairs[:5])
    more = len(pairs) - 5
    return f"{shown} và {number(more)} {noun} khác" if more > 0 else shown
