"""Reporting periods: every accepted spelling, canonical codes, ends and Vietnamese names."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from dashboard.accents import unaccented

FREQUENCIES = ("month", "quarter", "half", "year")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FREQUENCY_LABELS = {"month": "tháng", "quarter": "quý", "half": "6 tháng", "year": "năm"}
# How many months a period of each frequency spans.
MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}

# Between a period's number and its year: 6/2022, 6-2022, 6.2022 or "6 năm 2022".
_OF = r"\s*(?:[/.-]|NAM)\s*"
# In a cell of periods a space alone is enough too ("Q2 2022", "T6 2022", as other tools
# write them); a title's words keep _OF, so that two numbers in a sentence are not a period.
_OF_IN_CELL = r"(?:" + _OF + r"|\s+)"

# A month as Excel shows a date cell formatted "mmm-yy", which a CSV saved from it carries:
# "Jun-22" on an English Windows, "Thg6-22" or "thg 6 2022" on a Vietnamese one.
_MONTH_WORDS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_SHOWN_MONTH = re.compile(
    r"^(?:THG\s*(\d{1,2})|(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?"
    r"|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?))"
    r"\s*[/.-]?\s*(\d{2}|\d{4})$"
)


def _shown_month(match: re.Match) -> tuple[int, int]:
    year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
    return year, int(match[1]) if match[1] else _MONTH_WORDS.index(match[2][:3]) + 1


# A date written day first (Vietnamese) or, where a file says so, month first (the US order
# Excel writes on a Windows set to English: 7/31/2022); the time Excel may add is left aside.
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: 0?0:00(?::00)?)?$")


def dates_month_first(cells) -> bool:
    """Whether a column's dates are written month first: one reads only so (7/31/2022), and
    none only day first (31/7/2022)."""
    orders = set()
    for cell in cells:
        match = _DATE.match(str(cell).strip()) if isinstance(cell, str) else None
        if match:
            first, second = int(match[1]), int(match[2])
            if first <= 12 < second <= 31:
                orders.add("month first")
            elif second <= 12 < first <= 31:
                orders.add("day first")
    return orders == {"month first"}


# Matched against the text in capitals without accents, spaces collapsed; every label this
# module writes (Tháng 6/2022, Quý II/2022, 6 tháng đầu năm 2022, Năm 2022, 6T đầu/2022) is one.
_FORMS = [
    # 2022/07 too; not 2022.07, which a spreadsheet number cell turns 2022.10 into (2022.1)
    (re.compile(r"^(\d{4})[-/](\d{1,2})$"), "month", lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{1,2})[/.-](\d{4})$"), "month", lambda m: (int(m[2]), int(m[1]))),
    (
        re.compile(r"^(?:T|THANG)\s*(\d{1,2})" + _OF_IN_CELL + r"(\d{4})$"),
        "month",
        lambda m: (int(m[2]), int(m[1])),
    ),
    (re.compile(r"^(\d{4})[-\s]?Q([1-4])$"), "quarter", lambda m: (int(m[1]), int(m[2]))),
    (
        re.compile(r"^(?:Q|QUY)\s*([1-4]|I{1,3}|IV)" + _OF_IN_CELL + r"(\d{4})$"),
        "quarter",
        lambda m: (int(m[2]), _roman(m[1])),
    ),
    (re.compile(r"^(\d{4})[-\s]?H([12])$"), "half", lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"^H([12])" + _OF_IN_CELL + r"(\d{4})$"), "half", lambda m: (int(m[2]), int(m[1]))),
    # "6 tháng năm 2022" alone is the first half, as a mid-year review ("sơ kết 6 tháng") says
    (
        re.compile(r"^6\s*(?:T|THANG)\s*(DAU|CUOI)?\s*(?:[/.-]|NAM)?\s*(\d{4})$"),
        "half",
        lambda m: (int(m[2]), 2 if m[1] == "CUOI" else 1),
    ),
    (re.compile(r"^(?:NAM\s*)?(\d{4})$"), "year", lambda m: (int(m[1]), 1)),
    (_SHOWN_MONTH, "month", _shown_month),
    # A date where a month was meant: Excel turns a typed "06/2022" into 01/06/2022, and a CSV
    # saved from it carries the date (dd/mm/yyyy, or yyyy-mm-dd from other tools).
    (_DATE, "month", lambda m: (int(m[3]), int(m[2]) if 1 <= int(m[1]) <= 31 else 0)),
    (
        re.compile(r"^(\d{4})-(\d{1,2})-([0-3]?\d)(?:[ T]0?0:00(?::00)?)?$"),
        "month",
        lambda m: (int(m[1]), int(m[2]) if 1 <= int(m[3]) <= 31 else 0),
    ),
]


def _roman(text: str) -> int:
    return {"I": 1, "II": 2, "III": 3, "IV": 4}.get(text) or int(text)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: a month, quarter, half or year of a calendar year."""

    year: int
    frequency: str
    index: int  # month 1..12, quarter 1..4, half 1..2, or 1 for the year

    @property
    def code(self) -> str:
        """The canonical spelling stored in the database: 2022-07, 2022-Q3, 2022-H1, 2022."""
        if self.frequency == "month":
            return f"{self.year}-{self.index:02d}"
        if self.frequency == "quarter":
            return f"{self.year}-Q{self.index}"
        if self.frequency == "half":
            return f"{self.year}-H{self.index}"
        return str(self.year)

    @property
    def end_month(self) -> int:
        """The last month of the period, 1..12."""
        return self.index * MONTHS[self.frequency]

    @property
    def start_month(self) -> int:
        """The first month of the period, 1..12."""
        return self.end_month - MONTHS[self.frequency] + 1

    def is_longer_than(self, frequency: str) -> bool:
        """Whether the period spans more months than one of `frequency` (a half, a month)."""
        return MONTHS[self.frequency] > MONTHS[frequency]

    def holds(self, other: "Period") -> bool:
        """Whether every month of `other` lies within this period."""
        return (
            self.year == other.year
            and self.start_month <= other.start_month
            and other.end_month <= self.end_month
        )

    @property
    def share_of_year(self) -> float:
        """The share of the year elapsed at the end of the period."""
        return self.end_month / 12

    @property
    def label(self) -> str:
        """The period as Vietnamese writes it: Tháng 6/2022, Quý II/2022, 6 tháng đầu năm 2022."""
        if self.frequency == "month":
            return f"Tháng {self.index}/{self.year}"
        if self.frequency == "quarter":
            return f"Quý {ROMAN[self.index]}/{self.year}"
        if self.frequency == "half":
            which = "đầu" if self.index == 1 else "cuối"
            return f"6 tháng {which} năm {self.year}"
        return f"Năm {self.year}"

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: tháng 6/2022, quý II/2022, 6 tháng đầu năm 2022."""
        return self.label[0].lower() + self.label[1:]

    @property
    def short_label(self) -> str:
        """A compact label for chart axes: T6/2022, QII/2022, 6T/2022, 2022."""
        if self.frequency == "month":
            return f"T{self.index}/{self.year}"
        if self.frequency == "quarter":
            return f"Q{ROMAN[self.index]}/{self.year}"
        if self.frequency == "half":
            return f"{'6T đầu' if self.index == 1 else '6T cuối'}/{self.year}"
        return str(self.year)

    def previous(self) -> "Period":
        """The period of the same frequency just before this one."""
        count = {"month": 12, "quarter": 4, "half": 2, "year": 1}[self.frequency]
        if self.index > 1:
            return Period(self.year, self.frequency, self.index - 1)
        return Period(self.year - 1, self.frequency, count)


def comparison(period: Period) -> tuple[Period, str]:
    """The period a change is measured against, and how to say it: the period before within
    the same year, else the same period a year earlier (achievement restarts each January)."""
    previous = period.previous()
    if previous.year == period.year:
        return previous, f"so với {previous.in_sentence}"
    return Period(period.year - 1, period.frequency, period.index), "so với cùng kỳ năm trước"


def parse(text: object, *, month_first: bool = False) -> Period | None:
    """Read a period in any accepted spelling (2022-06, 06/2022, T6/2022, Q2/2022, 2022-H1,
    2022, and every label this module writes; a date as its month, read month first where
    `month_first` or where only that order reads); None when it is not one."""
    if text is None:
        return None
    if isinstance(text, int | float) and float(text).is_integer():
        text = str(int(text))
    cleaned = unaccented(re.sub(r"\s+", " ", str(text)).strip()).upper()
    if month_first or dates_month_first([cleaned]):
        cleaned = _DATE.sub(r"\2/\1/\3", cleaned)
    for pattern, frequency, fields in _FORMS:
        match = pattern.match(cleaned)
        if match:
            year, index = fields(match)
            limit = {"month": 12, "quarter": 4, "half": 2, "year": 1}[frequency]
            if 1900 <= year <= 2999 and 1 <= index <= limit:
                return Period(year, frequency, index)
            return None
    return None


# A period a title names in words ("BÁO CÁO … THÁNG 8 NĂM 2022", "QUÝ III/2022", "6 THÁNG ĐẦU
# NĂM 2022", "NĂM 2022"), found in the text in capitals without accents. A date ("ngày 05 tháng 9
# năm 2022", "05/9/2022") says when a report was signed, not what it is about.
_DATES = re.compile(
    r"\bNGAY\s*\d{1,2}\s*THANG\s*\d{1,2}\s*NAM\s*\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
)
_IN_TITLE = re.compile(
    r"\b6\s*THANG\s*(?:DAU|CUOI)?\s*(?:NAM\s*)?\d{4}\b"
    r"|\b(?:THANG|T)\s*\d{1,2}" + _OF + r"\d{4}\b"
    r"|\bQUY\s*(?:[1-4]|IV|I{1,3})" + _OF + r"\d{4}\b"
    r"|\bNAM\s*\d{4}\b"
)


def named_in(text: object) -> list[Period]:
    """The distinct periods a line of text (a report's title) names in words, in order."""
    cleaned = _DATES.sub(" ", unaccented(re.sub(r"\s+", " ", str(text))).upper())
    found = []
    for match in _IN_TITLE.finditer(cleaned):
        period = parse(match[0])
        if period is not None and period not in found:
            found.append(period)
    return found


# A period a sheet's name gives, the year perhaps left to the title: "T9", "Tháng 09", "Quý
# III", "6 tháng đầu", "BC T9", or whole ("T9-2022", "2022"). A bare number is not read: "1" and
# "2" are as often a sheet's order as a month; nor "TH1", "TH" being "tổng hợp" (summary); nor
# a list or range ("Tháng 7-9", "Quý 1,2"), which names no one period.
_MORE = r"(?!\s*[,;&+/\u2013-]\s*(?:[1-9]|1[0-2]|I{1,3}|IV)\b)"
_IN_NAME = [
    (re.compile(r"\b(?:THANG|T)\s*0?(\d{1,2})\b" + _MORE), "month", lambda m: int(m[1])),
    (re.compile(r"\b(?:QUY|Q)\s*([1-4]|IV|I{1,3})\b" + _MORE), "quarter", lambda m: _roman(m[1])),
    (re.compile(r"\b6\s*(?:THANG|T)\s*(DAU|CUOI)\b"), "half", lambda m: 1 if m[1] == "DAU" else 2),
]


def in_name(text: str) -> tuple[str, int, int | None] | None:
    """The one period a sheet's name gives, as (frequency, index, year), the year None when the
    name leaves it out; None when the name gives none, or more than one."""
    cleaned = unaccented(re.sub(r"\s+", " ", str(text)).strip()).upper()
    titled = named_in(cleaned)
    whole = parse(cleaned) or (titled[0] if len(titled) == 1 else None)
    if whole is not None:
        return whole.frequency, whole.index, whole.year
    years = {int(found) for found in re.findall(r"\b(?:19|20)\d\d\b", cleaned)}
    year = years.pop() if len(years) == 1 else None
    found = set()
    for pattern, frequency, index in _IN_NAME:
        for match in pattern.finditer(cleaned):
            found.add((frequency, index(match)))
    if not found and year is not None:
        return "year", 1, year
    if len(found) != 1:
        return None
    frequency, index = found.pop()
    limit = {"month": 12, "quarter": 4, "half": 2}[frequency]
    return (frequency, index, year) if 1 <= index <= limit else None


def of_cell(value: object, *, month_first: bool = False) -> Period | None:
    """The period a spreadsheet cell names: a date cell its month (Excel turns a typed
    "06/2022" into the date 01/06/2022), any other cell as parse reads it."""
    if isinstance(value, datetime | date):
        return Period(value.year, "month", value.month)
    return parse(value, month_first=month_first)


def must_parse(text: object) -> Period:
    """Read a period or raise ValueError with a Vietnamese message."""
    period = parse(text)
    if period is None:
        raise ValueError(
            f"Kỳ báo cáo «{text}» không hợp lệ: dùng 2022-06 (tháng), 2022-Q2 (quý), "
            "2022-H1 (6 tháng) hoặc 2022 (năm)."
        )
    return period


def ending_with(frequency: str, year: int, month: int) -> Period | None:
    """The period of `frequency` that ends with this month (a quarter ends with month 3, 6, 9
    or 12), or None when none does."""
    size = MONTHS[frequency]
    return None if month % size else Period(year, frequency, month // size)


def containing(frequency: str, year: int, month: int) -> Period:
    """The period of `frequency` that holds this month."""
    return Period(year, frequency, (month - 1) // MONTHS[frequency] + 1)


def parts(period: Period, frequency: str) -> list[Period]:
    """The periods of a shorter `frequency` that make up `period`, in order."""
    return [p for p in periods_in_year(frequency, period.year, period.end_month) if period.holds(p)]


def periods_in_year(frequency: str, year: int, last_month: int = 12) -> list[Period]:
    """Every period of a frequency in a year that ends by `last_month`."""
    step = MONTHS[frequency]
    return [Period(year, frequency, m // step) for m in range(step, last_month + 1, step)]
