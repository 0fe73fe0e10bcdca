"""Where things are in an uploaded table: the header row (below any title rows), which column
holds which field, long or wide form; and the table turned into one row per figure or target."""

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from dashboard import formatting, numbers, periods
from dashboard.accents import bare_name, codes_by_name, name_key, unaccented
from dashboard.cells import per_value, text
from dashboard.reader import FileRejected, Sheet

HEADER_SEARCH_ROWS = 30
# What a totals line under a report says, as compared (normalise): Tổng, Tổng cộng, Cộng, …
TOTAL_LABELS = {"tong", "tongso", "cong", "total", "grandtotal", "sum", "tongtoantinh"}
_TOTAL_INITIALS = {label[0].upper() for label in TOTAL_LABELS | {"tongcong"}}

# How a form's question, or a report's column, asks for the unit by its name: "Đơn vị báo cáo",
# "Cơ quan, đơn vị", "Đơn vị thực hiện".
UNIT_FORM_HEADERS = ("donvibaocao", "tendonvibaocao", "coquandonvi", "tencoquandonvi")
UNIT_FORM_HEADERS += ("donvithuchien", "diaphuongbaocao", "coquan", "tencoquan", "coquanbaocao")

FIGURE_FIELDS = {
    # "Mã ĐVHC" (đơn vị hành chính), "Xã", "Địa phương": how communes' lists and summaries
    # head their units; not "Huyện", a district beside its communes' column in older files.
    "unit_code": (
        *("madonvi", "unitcode", "madv", "madvhc", "madonvihanhchinh", "maxa", "maxaphuong"),
        *("donvi", "unit", "tendonvi", "dvhc", "tendvhc", "donvihanhchinh", "tendonvihanhchinh"),
        *("xa", "tenxa", "xaphuong", "tenxaphuong", "phuongxa", "diaphuong", "tendiaphuong"),
        *UNIT_FORM_HEADERS,
    ),
    "indicator_code": (
        *("machitieu", "indicatorcode", "mact", "chitieu", "indicator"),
        *("tenchitieu", "noidungchitieu", "noidung", "tieuchi", "tentieuchi", "matieuchi"),
    ),
    # "Thời gian", "Tháng/Năm": a column of 06/2022 or T6/2022
    "period": (
        *("kybaocao", "period", "kybc", "ky", "thoigian", "thoigianbaocao", "thoidiem"),
        *("thoidiembaocao", "thangnam", "kysolieu"),
    ),
    # "Kết quả (thực hiện)", "Thực hiện": a unit's own report of its indicators, one per line
    "value": (
        "giatri",
        "value",
        "solieu",
        "ketqua",
        "ketquathuchien",
        "thuchien",
        "solieuthuchien",
        "solieubaocao",
        "giatribaocao",
        "ketquadatduoc",
    ),
    "numerator": ("tuso", "numerator"),
    "denominator": ("mauso", "denominator"),
    "note": ("ghichu", "note"),
}
TARGET_FIELDS = {
    "unit_code": FIGURE_FIELDS["unit_code"],
    "indicator_code": FIGURE_FIELDS["indicator_code"],
    "year": ("nam", "year"),
    # "Kế hoạch giao", "Chỉ tiêu giao", "Số giao": what was assigned ("giao") to the unit
    "value": (
        *("kehoach", "target", "muctieu", "chitieukehoach", "giatri", "value", "kh"),
        *("kehoachgiao", "khgiao", "chitieugiao", "giaokehoach", "giaochitieu", "sogiao"),
    ),
}
# The fields of a line's figures: a line with none of them filled has no figure.
FIGURES = ("value", "numerator", "denominator", "value_to_date")
# What a report writes where it has no figure: "-" or "không phát sinh" nothing happened, "x"
# does not apply, "N/A" or "chưa có" not available; as typed in lower, upper or sentence case.
NO_FIGURE = frozenset(
    variant
    for word in (
        *("-", "–", "—", "x", "...", "…", "n/a", "kps", "không phát sinh"),
        *("không có", "chưa có", "không có số liệu", "chưa có số liệu"),
    )
    for variant in (word, word.upper(), word.capitalize())
)
# A unit's report heads its figures by what was done in the period it reports ("Thực hiện
# tháng 7", "Thực hiện kỳ này", "Kết quả quý III", "Thực hiện 6 tháng đầu năm", "Thực hiện năm
# 2022"), as normalise leaves it; never "Lũy kế" nor "Thực hiện cùng kỳ năm trước".
VALUE_OF_PERIOD = re.compile(
    r"(thuchien|ketqua|ketquathuchien|solieu)"
    r"(kynay|trongky|thangnay|quynay|kybaocao|thang\d{1,2}|t\d{1,2}|quy(?:i{1,3}|iv|[1-4])"
    r"|6thang(?:dau|cuoi)?|nam)"
    r"(?:nam)?(?:\d{4})?"
)
# A report's column of what is reached to date beside its period's figures ("Lũy kế", "Lũy kế
# đến nay", "Lũy kế đến 30/6", "Thực hiện lũy kế"), as normalise leaves it: where a stock's and
# a ratio's figure is (validation). Never the same period a year before, nor a share of the plan.
VALUE_TO_DATE = re.compile(
    r"(?:thuchien|ketqua|solieu|tong)?luyke(?:den(?!.*(?:cungky|namtruoc|kehoach|kh|tyle)).*)?"
)
# The same since January ("Lũy kế từ đầu năm", "Lũy kế 7 tháng", "Lũy kế năm 2022"): a ratio's
# figure still (its share since January), not a stock's (the teams formed this year, not all).
VALUE_IN_YEAR = re.compile(
    r"(?:thuchien|ketqua|solieu|tong)?luyke(?:tudaunam|\d{1,2}thang(?:daunam)?|nam)"
    r"(?!.*(?:cungky|truoc|kehoach|kh|tyle|sovoi)).*"
)
# A header's note in brackets after its words: "Giá trị (số liệu)", "Kết quả (%)", "Tổ CNS
# cộng đồng (2023)"; the words, then the note.
HEADER_NOTE = re.compile(r"(.*\S)\s*\(([^()]*)\)\s*", re.S)
# A ratio's value under its indicator's name, beside its parts: "Tỷ lệ", "Tỷ lệ (%)".
RATIO_HEADERS = {"tyle", "tylephantram"}
# Excel cuts a sheet's name at 31 characters (an indicator's name given as one, say).
SHEET_NAME_LENGTH = 31
# A column headed by a period without its year is short: "Tháng 12", "Quý III", "6 tháng đầu".
PERIOD_HEADER_LENGTH = 16
# A plan's column of a year's targets, as normalise leaves its head: "2023", "Năm 2023", "KH
# 2024", "Kế hoạch năm 2025", "Mục tiêu 2025", "Chỉ tiêu giao năm 2024", "Năm 2023 (KH)"; never
# "Thực hiện 2022" (what was done that year, not its target).
YEAR_HEADER = re.compile(
    r"(|nam|(?:kh|kehoach|muctieu|chitieu|chitieukehoach)(?:giao)?(?:nam)?"
    r"|giao(?:kh|kehoach|chitieu)?(?:nam)?|target|plan|year)"
    r"((?:19|20)\d\d)(|kh|kehoach|muctieu|target|plan)"
)
# Columns that, with no period column, make a figure's period between them: Năm | Tháng (or Quý).
PERIOD_PARTS = {"nam": "year", "year": "year", "thang": "month", "month": "month"}
PERIOD_PARTS.update({"quy": "quarter", "quarter": "quarter"})
# As a form's question asks them ("Tháng báo cáo": 06/2022, or 6 beside "Năm báo cáo").
PERIOD_PARTS.update({"thangbaocao": "month", "quybaocao": "quarter", "nambaocao": "year"})
# A unit of measure in brackets after an indicator's name, as a form's question or a report's
# column adds it ("Số tổ … đã thành lập (tổ)", "Tỷ lệ … (%)", "(ĐVT: chương trình)"): the
# column is the indicator's. Only units: "(kế hoạch)" beside "(thực hiện)" is no one figure.
MEASURE_NOTE = re.compile(
    r"(?:dvt|donvitinh|donvi)\w*|%|tylephantram|phantram|to|cai|chuongtrinh|hoso|vanban|csdl"
    r"|cosodulieu|diem|nguoi|ho|thutuc|dichvu|luot|xa|thon|so"
)
PART_SUFFIXES = {"numerator": ("tuso", "numerator"), "denominator": ("mauso", "denominator")}
TITLE_HINTS = {
    "period": " Một tệp chỉ của một kỳ có thể ghi kỳ ngay ở dòng tên báo cáo phía trên, ví dụ "
    "«BÁO CÁO THÁNG 8 NĂM 2022», thay cho cột ky_bao_cao; hoặc ghi kỳ bằng hai cột Năm và "
    "Tháng (hoặc Năm và Quý); hoặc đặt tên trang tính theo tháng («T8») dưới tiêu đề ghi năm.",
    "year": " Kế hoạch của một năm có thể ghi năm ngay ở dòng tên phía trên, ví dụ «KẾ HOẠCH "
    "NĂM 2023», thay cho cột nam.",
    "indicator_code": " Bảng của một chỉ tiêu có thể ghi tên chỉ tiêu (đúng như trong danh mục) "
    "ngay ở dòng tên phía trên, ví dụ «THEO DÕI SỐ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ĐÃ THÀNH LẬP NĂM "
    "2022», hoặc đặt tên trang tính là mã chỉ tiêu (ví dụ «CNS_TO»), thay cho cột ma_chi_tieu.",
    "unit_code": " Tệp chỉ của một đơn vị có thể ghi tên đơn vị (đúng như trong danh mục) ngay ở "
    "dòng tên phía trên, ví dụ «UBND HUYỆN NÚI THÀNH», hoặc đặt tên trang tính là tên đơn vị, "
    "thay cho cột ma_don_vi.",
}
# The column a problem names for the unit a file without unit column took from its sender.
UNIT_FROM_ACCOUNT = "tài khoản gửi"
# Forms with one column per indicator: figures (the template) and targets (the plan's grid).
WIDE_FORMS = ("wide", "targets_wide")
FORM_LABELS = {
    "long": "mỗi dòng một số liệu",
    "wide": "mỗi cột một chỉ tiêu",
    "targets": "mỗi dòng một kế hoạch",
    "targets_wide": "mỗi cột một chỉ tiêu",
}
# The fields a line of figures or targets fills in whatever else it lacks.
KEY_FIELDS = ("unit_code", "indicator_code", "period", "year")
# A workbook's tables on several sheets are read as one, each row numbered
# position of its sheet × SHEET_SPAN + its row (a sheet has at most 1,048,576 rows).
SHEET_SPAN = 10_000_000
TOTAL_CELLS = ["source_row", "value", "value_column"]
# A sheet named for a summary of the others ("Tổng hợp", "TH T9", "Toàn tỉnh"), as words without
# accents; "TH1" is left out, being as often a form's number.
SUMMARY_NAME = re.compile(r"\b(tong ?hop|tong ?cong|th|(toan|ca) (tinh|huyen))\b|^tong$")
# A header's number before its text, as normalise leaves it: "1. Số tổ…" → "1soto…", "(2)…".
NUMBERED = re.compile(r"^\d{1,2}(?=\D)")
# A cell of the row that numbers a report's columns under its header: 1, (2), A, (4)=(2)/(3).
COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?(\s*=.*)?$")
# "Huyện", "Huyện/thị xã/thành phố": a district's column. It is the unit column only where no
# other column is and no title or sheet name gives the unit: beside "Xã" in older files, or
# under "UBND XÃ …", it is the commune's district, not the unit.
DISTRICT_HEADERS = {"huyen", "tenhuyen", "quanhuyen", "huyenthixa", "huyenthanhpho"}
DISTRICT_HEADERS |= {"huyenthixathanhpho", "huyentxtp", "huyenthanhphothixa", "donvicaphuyen"}
# How near a column's head must be to an indicator's name to be named as its likely column in a
# refusal: "Số tổ công nghệ số cộng đồng (tổ)" is 0.79 of "Số tổ công nghệ số cộng đồng đã thành
# lập"; a form's other questions ("Dấu thời gian", "Ghi chú") are under 0.5 of any.
CLOSE_NAME = 0.7
# Headers that may head a column of names rather than codes ("Đơn vị": Hội An): beside a
# column headed as codes ("Mã ĐV") for the same field, they are left out.
NAME_HEADERS = {"donvi", "unit", "tendonvi", "chitieu", "indicator", "tenchitieu"}
NAME_HEADERS |= {"noidungchitieu", "noidung", "tieuchi", "tentieuchi", "dvhc", "tendvhc"}
NAME_HEADERS |= {"donvihanhchinh", "tendonvihanhchinh", "xa", "tenxa", "xaphuong"}
NAME_HEADERS |= {"tenxaphuong", "phuongxa", "diaphuong", "tendiaphuong", *UNIT_FORM_HEADERS}
# The fields whose codes a column of names beside them is checked against: each line's name,
# where it is one entry's, must be its code's (validation).
NAME_CHECKS = ("unit_code", "indicator_code")
FIELD_LABELS = {
    "unit_code": "ma_don_vi",
    "indicator_code": "ma_chi_tieu",
    "period": "ky_bao_cao",
    "value": "gia_tri",
    "numerator": "tu_so",
    "denominator": "mau_so",
    "note": "ghi_chu",
    "year": "nam",
}


def normalise(text: object) -> str:
    """A header as compared: no accents, no case, no spaces or punctuation ("Mã đơn vị" →
    "madonvi")."""
    if text is None:
        return ""
    return re.sub(r"[^a-z0-9]", "", unaccented(str(text)).lower())


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Table:
    """One row per figure (or target): raw cell values, the spreadsheet row, and for each field
    the column it came from."""

    # source_row, <field> for each field, <field>_column labels; <field>_name and its
    # <field>_name_column where a column of names stands beside the codes (NAME_CHECKS)
    rows: pd.DataFrame
    form: str  # long | wide | targets
    header_row: int
    ignored_columns: list[str]
    sheet: Sheet
    totals_rows: list[int] = field(default_factory=list)  # skipped "Tổng cộng" rows
    text_rows: list[int] = field(default_factory=list)  # skipped lines of words, no figure
    # skipped lines of "-", "x" or another NO_FIGURE, each with the first one it wrote
    no_figure_rows: list[tuple[int, str]] = field(default_factory=list)
    # With no period (targets: year) column, the one the title names and its row: every row's.
    # The sheet's name may give it, or narrow it ("T9" under "NĂM 2022"): `period_by_name`; the
    # row is then the title's that gave its year, or None when the name gave it whole.
    title_period: tuple[periods.Period, int | None] | None = None
    # With no unit column, every row's unit: the one the title names and its row, else the one
    # the sheet's name is (row None, `unit_by_name`), else the sending account's own (row None).
    one_unit: tuple[str, int | None] | None = None
    # With a month (or quarter) column and no year column, the year the title names and its row.
    # Or the year a workbook sheet's name gives ("2022", "Năm 2022"): row None.
    title_year: tuple[int, int | None] | None = None
    # Tables of several sheets read as one: each sheet's own table, its rows in `rows` numbered
    # across the sheets (SHEET_SPAN); the fields above are then the first sheet's or empty.
    parts: list["Table"] = field(default_factory=list)
    period_by_name: bool = False
    # A period the sheet's name gives that the title contradicts (the title's is taken).
    name_period_unheeded: periods.Period | None = None
    unit_by_name: bool = False
    # A unit the sheet's name is that the title contradicts (the title's is taken).
    name_unit_unheeded: str | None = None
    # The columns of a wide table headed by an indicator's name, not its code: (label, code).
    indicators_by_name: list[tuple[str, str]] = field(default_factory=list)
    # The columns headed by a period ("T7/2022", "Tháng 7" under "NĂM 2022"), each cell a line's
    # figure of that period: (label, period).
    periods_across: list[tuple[str, periods.Period]] = field(default_factory=list)
    # The columns headed by a unit, with no unit column, each cell a line's figure of that unit:
    # (label, code).
    units_across: list[tuple[str, str]] = field(default_factory=list)
    # With no indicator column, every line's indicator and the title row that names it (its full
    # or short name), or the one the sheet's name is (its code, or a name only it has): row None.
    one_indicator: tuple[str, int | None] | None = None
    # A sheet named as a summary of the others ("Tổng hợp"), read beside them.
    summary: bool = False
    # Sheets with a table, passed by beside the sheets read, and why: "summary" (a summary with
    # no unit column) or "hidden" (a sheet the workbook hides).
    passed_sheets: dict[str, str] = field(default_factory=dict)
    # Those of text_rows that repeat the header, as files pasted one under another do.
    header_repeats: list[int] = field(default_factory=list)
    # Beside units across, the column adding them up ("Tổng cộng"): its label, and its filled
    # cells (source_row, value, value_column), not figures but checked against the units' sum.
    units_total_column: str | None = None
    units_total: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TOTAL_CELLS))

    @property
    def sheet_names(self) -> list[str]:
        """The sheets whose tables are read as one (none for a table of one sheet)."""
        return [part.sheet.name for part in self.parts]

    def summary_rows(self, source_rows: np.ndarray) -> np.ndarray:
        """Which of `source_rows` lie on a summary sheet read beside the units' own."""
        parts = [index for index, part in enumerate(self.parts) if part.summary]
        if not parts:
            return np.zeros(len(source_rows), dtype=bool)
        return np.isin(np.asarray(source_rows, dtype=np.int64) // SHEET_SPAN, parts)

    def row_words(self, row: int) -> str:
        """A row of `rows` as a problem's text names it: "dòng 12" or "dòng 12 trang «T7»"."""
        if not self.parts:
            return f"dòng {row}"
        return f"dòng {row % SHEET_SPAN} trang «{self.parts[row // SHEET_SPAN].sheet.name}»"


def _match_field(key: str, fields: dict[str, tuple[str, ...]]) -> str | None:
    for name, aliases in fields.items():
        if key in aliases:
            return name
    return None


def _field(cell: object, fields: dict[str, tuple[str, ...]]) -> str | None:
    """The field a header cell names: by its words, with or without a note in brackets after
    them ("Giá trị (số liệu)", "Kết quả (%)", "Mã đơn vị (Unit code)"). The note alone names
    none: "Số hóa hồ sơ TTHC (tử số)" is an indicator's part (_wide_column), not a field."""
    found = _match_field(normalise(cell), fields)
    if found is None and isinstance(cell, str) and (note := HEADER_NOTE.fullmatch(cell)):
        found = _match_field(normalise(note[1]), fields)
    return found


def _value_of_period(header: list, matched: list, targets: bool) -> int | None:
    """The one column of a report's figures headed by what was done in its period
    (VALUE_OF_PERIOD: "Thực hiện tháng 7") where no column is headed as the figure; None when
    none is, or several are ("Thực hiện T7 | Thực hiện T8": a tracker's months across)."""
    if targets or "value" in matched:
        return None
    found = [
        index
        for index, (cell, field) in enumerate(zip(header, matched, strict=True))
        if field is None and VALUE_OF_PERIOD.fullmatch(normalise(cell))
    ]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class _Indicators:
    """The catalogue's indicators as headers are compared (normalise): code by code, and code
    by the name only one indicator has; and as a title names them (words of the name)."""

    codes: dict[str, str]
    names: dict[str, str]
    words: dict[str, str]
    titles: dict[str, str]  # code → the first name given, as a message names the indicator

    @classmethod
    def of(cls, codes: list[str], names: Sequence[tuple[str, str]]) -> "_Indicators":
        """From the codes and (name, code) pairs; a name given to two codes names neither."""
        by_name: dict[str, set[str]] = {}
        by_words: dict[str, set[str]] = {}
        for name, code in names:
            by_name.setdefault(normalise(name), set()).add(code)
            by_words.setdefault(_words(name), set()).add(code)
        return cls(
            {normalise(code): code for code in codes},
            {key: code for key, (code, *more) in by_name.items() if key and not more},
            {key: code for key, (code, *more) in by_words.items() if key and not more},
            {code: name for name, code in reversed(names)},
        )

    def close_to(self, cell: object) -> str | None:
        """The code of the one indicator whose name a column head nearly is, as a question of a
        form is worded ("Số tổ công nghệ số cộng đồng (tổ)"); None when none is near."""
        if not isinstance(cell, str):
            return None
        keys = {normalise(cell)}
        if note := HEADER_NOTE.fullmatch(cell):
            keys.add(normalise(note[1]))
        best = max(
            (
                (difflib.SequenceMatcher(None, key, name).ratio(), code)
                for key in keys
                if len(key) >= 8
                for name, code in self.names.items()
            ),
            default=(0.0, None),
        )
        return best[1] if best[0] >= CLOSE_NAME else None

    def by_name(self, key: str) -> str | None:
        """The code of the indicator a header names, numbered or not ("1. Số tổ công nghệ số…")."""
        return self.names.get(key) or self.names.get(NUMBERED.sub("", key))

    def of_sheet(self, name: str) -> str | None:
        """The code of the indicator a workbook sheet's name is: its code, a name only it has,
        or the start of one such name cut at Excel's 31 characters ("Số tổ công nghệ số cộng
        đồng đã")."""
        key = normalise(name)
        code = self.codes.get(key) or self.by_name(key)
        if code is not None or len(name) != SHEET_NAME_LENGTH or not key:
            return code
        started = {code for named, code in self.names.items() if named.startswith(key)}
        return started.pop() if len(started) == 1 else None


def _wide_column(key: str, indicators: _Indicators) -> tuple[str, str] | None:
    """(indicator code, part) of a wide-form header: the code or the indicator's name, alone
    (its value) or followed by tử số/mẫu số ("TTHC_SOHOA_TU_SO", "Tỷ lệ hồ sơ … – Tử số")."""
    codes = indicators.codes
    if key in codes:
        return codes[key], "value"
    for part, suffixes in PART_SUFFIXES.items():
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                named = key[: -len(suffix)]
                code = codes.get(named) or indicators.by_name(named)
                if code is not None:
                    return code, part
    code = indicators.by_name(key)
    return None if code is None else (code, "value")


def _wide_head(cell: object, indicators: _Indicators, targets: bool) -> tuple | None:
    """(indicator code, part, period) of a wide-form column head: an indicator's code or name as
    _wide_column reads it (period None), or followed by the period its figures are of in
    brackets ("Tổ CNS cộng đồng (2023)", "CSDL dùng chung (Tháng 7)"), as _period_header reads
    it; a two-row header of an indicator over periods, or a period over indicators, is written
    so (_continued)."""
    found = _wide_column(normalise(cell), indicators)
    if found is not None:
        return (*found, None)
    if isinstance(cell, str) and (note := HEADER_NOTE.fullmatch(cell)):
        found = _wide_column(normalise(note[1]), indicators)
        if found is not None and _is_measure(note[2]):
            return (*found, None)
        period = _period_header(note[2].strip(), targets) if found is not None else None
        if period is not None:
            return (*found, period)
    return None


def _is_measure(note: str) -> bool:
    """Whether a header's note in brackets is a unit of measure (MEASURE_NOTE)."""
    key = normalise(note) or note.strip()
    return MEASURE_NOTE.fullmatch(key) is not None


def _label(index: int, header: object) -> str:
    """A column as a problem names it: its letter and its header on one line ("D (Giá trị)"),
    a date header as dd/mm/yyyy."""
    if isinstance(header, date):  # a datetime too
        header = formatting.date(header)
    shown = " ".join(str(header).split()) if header is not None else ""
    return f"{column_letter(index)} ({shown})" if shown else column_letter(index)


def _score(header: list, fields, indicators, targets: bool, names=None) -> tuple[int, int]:
    """How many fields a header names, and how many of its columns are each an indicator's, a
    period's (targets: a year's) or, in a header naming fields but no unit, a unit's."""
    keys = [normalise(cell) for cell in header]
    matched = [_field(cell, fields) for cell in header]
    if (index := _value_of_period(header, matched, targets)) is not None:
        matched[index] = "value"
    named = set(matched) - {None}
    # Only then are unit names looked for: a national list's names take a while to work out.
    units = names if named and "unit_code" not in named else None
    spread = sum(
        1
        for cell, key, field in zip(header, keys, matched, strict=True)
        if key
        and not field
        and (
            _wide_head(cell, indicators, targets)
            or _period_header(cell, targets)
            or _unit_head(cell, units)
        )
    )
    return len(named), spread


def _unit_head(cell: object, names: "_UnitNames | None") -> str | None:
    """The code of the unit a column's head names ("Hội An", "TP. Tam Kỳ", "HOIAN"), or None."""
    return names.code_of(cell) if names is not None and isinstance(cell, str) else None


def _period_header(cell: object, targets: bool = False) -> tuple[str, int, int | None] | None:
    """The period a column's header names, as (frequency, index, year): whole ("T7/2022",
    "2022-Q3", a date cell), or in a short header leaving its year to the title ("Tháng 7",
    "Quý III"), the year then None. In a plan, the year whose targets it heads (YEAR_HEADER,
    or a number cell 2023), as ("year", 1, year)."""
    if targets:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            year = int(cell) if float(cell).is_integer() else None
        else:
            match = YEAR_HEADER.fullmatch(normalise(cell)) if isinstance(cell, str) else None
            year = int(match[2]) if match else None
        return ("year", 1, year) if year is not None and 2000 <= year <= 2100 else None
    whole = periods.of_cell(cell)
    if whole is not None:
        return whole.frequency, whole.index, whole.year
    if isinstance(cell, str) and len(cell) <= PERIOD_HEADER_LENGTH:
        given = periods.in_name(cell)
        if given is not None and given[2] is None:
            return given
    return None


def locate(
    sheets: list[Sheet],
    indicator_codes: list[str],
    targets: bool = False,
    units: pd.DataFrame | None = None,
    own_unit: str | None = None,
    indicator_names: Sequence[tuple[str, str]] = (),
) -> Table:
    """The table of the sheet with a recognisable header and lines under it, or the tables of
    several such sheets (a workbook of a sheet a month, or a sheet a unit) read as one, each
    built on its own sheet's title; FileRejected, saying which columns are expected, when there
    is none. A table with no unit column is of the one unit of `units` (code, name) its title
    names, or else of `own_unit` when given. A column an indicator may be headed by its code
    or by a name of `indicator_names`, (name, code) pairs."""
    fields = TARGET_FIELDS if targets else FIGURE_FIELDS
    indicators = _Indicators.of(indicator_codes, indicator_names)
    names = None if units is None or units.empty else _UnitNames(units)  # one for every sheet
    found = [
        (sheet, _header_position(sheet, fields, indicators, targets, names)) for sheet in sheets
    ]
    found = [(sheet, position) for sheet, position in found if position is not None]
    if not found:
        raise FileRejected(
            _no_figure_column(sheets, fields, targets) or _no_header_message(targets)
        )
    filled = [(sheet, position) for sheet, position in found if _has_lines(sheet, position)]
    passed = {}
    if any(sheet.hidden for sheet, _ in filled) and not all(sheet.hidden for sheet, _ in filled):
        # What the workbook hides (the data a shown report was built from) is not what its
        # sender sees and sends.
        passed = {sheet.name: "hidden" for sheet, _ in filled if sheet.hidden}
        filled = [(sheet, position) for sheet, position in filled if not sheet.hidden]
    if len(filled) <= 1:
        sheet, position = (filled or found)[0]
        table = _build(sheet, position, fields, indicators, targets, names, own_unit)
        table.passed_sheets = passed
        return table
    summaries = [summary_sheet(sheet) for sheet, _ in filled]
    if all(summaries):
        summaries = [False] * len(filled)
    tables = []
    for (sheet, position), summary in zip(filled, summaries, strict=True):
        # Beside the units' own sheets, a summary with no unit column holds their sums (or a
        # period's), which the dashboard makes itself: it is passed by, not read as a unit's.
        if summary and not _has_unit_column(sheet, position, fields, indicators, targets, names):
            passed[sheet.name] = "summary"
            continue
        try:
            table = _build(sheet, position, fields, indicators, targets, names, own_unit)
        except FileRejected as exc:
            raise FileRejected(f"Trang tính «{sheet.name}»: {exc}") from exc
        table.summary = summary
        tables.append(table)
    joined = _joined(tables) if len(tables) > 1 else tables[0]
    joined.passed_sheets = passed
    return joined


def summary_sheet(sheet: Sheet) -> bool:
    """Whether a workbook sheet's name says it sums up the others ("Tổng hợp", "TH", "Toàn
    tỉnh")."""
    return _from_tab(sheet, lambda name: SUMMARY_NAME.search(_name_words(name))) is not None


def _has_unit_column(
    sheet: Sheet, position: int, fields, indicators, targets: bool, names=None
) -> bool:
    """Whether the header at `position` has a unit column."""
    header, _ = _header(sheet, position, fields, indicators, targets, names)
    return any(_field(cell, fields) == "unit_code" for cell in header)


def _joined(tables: list[Table]) -> Table:
    """Several sheets' tables as one, their rows numbered across the sheets."""
    forms = {table.form for table in tables}
    if len(forms) > 1:
        named = ", ".join(f"«{table.sheet.name}» ({FORM_LABELS[table.form]})" for table in tables)
        raise FileRejected(
            f"Các trang tính có bảng khác dạng nhau: {named}. Mỗi lần gửi các trang phải cùng "
            "một dạng: chép về một dạng, hoặc gửi mỗi trang thành một tệp."
        )
    rows = pd.concat(
        [
            table.rows.assign(source_row=table.rows["source_row"] + index * SHEET_SPAN)
            for index, table in enumerate(tables)
        ],
        ignore_index=True,
    )
    units_total = pd.concat(
        [
            table.units_total.assign(
                source_row=table.units_total["source_row"] + index * SHEET_SPAN
            )
            for index, table in enumerate(tables)
        ],
        ignore_index=True,
    )
    first = tables[0]
    return Table(
        rows, first.form, first.header_row, [], first.sheet, parts=tables, units_total=units_total
    )


def placed(frame: pd.DataFrame, column: str, sheets: list[str]) -> pd.DataFrame:
    """`frame` with its rows numbered across `sheets` (SHEET_SPAN) in `column` written as each
    sheet's own row, and the sheet named in a first column «sheet»; as it is for one sheet."""
    if not sheets:
        return frame
    rows = pd.to_numeric(frame[column], errors="coerce")
    out = frame.copy()
    known = rows.notna()
    position = (rows[known] // SHEET_SPAN).astype("int64")
    out.insert(0, "sheet", None)
    out.loc[known, "sheet"] = [sheets[i] for i in position]
    out[column] = out[column].astype(object)
    out.loc[known, column] = (rows[known] % SHEET_SPAN).astype("int64").to_numpy()
    return out


def _header_position(sheet: Sheet, fields, indicators, targets: bool, names=None) -> int | None:
    """Where the sheet's best header is among its first rows, or None if it has none."""
    best, continued = None, 0
    for position in range(min(HEADER_SEARCH_ROWS, len(sheet.row_numbers))):
        # Scored with the row that continues it: "Kết quả" over "Tử số | Mẫu số | Giá trị", or
        # an indicator's name over its parts, heads the table. The lower row is part of that
        # header, not one of its own, though alone it may name more fields.
        if position < continued:
            continue
        header, below = _header(sheet, position, fields, indicators, targets, names)
        named, spread = _score(header, fields, indicators, targets, names)
        rank = (named + min(spread, 1), named)
        if rank[0] >= 2:
            continued = below  # a row of column numbers under it is no header either
            if best is None or rank > best[0]:
                best = (rank, position)
    return None if best is None else best[1]


def _has_lines(sheet: Sheet, position: int) -> bool:
    """Whether anything is written below the header at `position` (an empty copy of a form,
    kept beside the filled one, has nothing)."""
    return any(cell is not None for column in sheet.columns for cell in column[position + 1 :])


def _no_header_message(targets: bool) -> str:
    if targets:
        return (
            "Không tìm thấy dòng tiêu đề. Tệp kế hoạch cần các cột ma_don_vi (hoặc * cho cả "
            "tỉnh), ma_chi_tieu, nam, ke_hoach."
        )
    return (
        "Không tìm thấy dòng tiêu đề. Tệp cần các cột ma_don_vi, ma_chi_tieu, ky_bao_cao, "
        "gia_tri (có thể thêm tu_so, mau_so, ghi_chu), hoặc dùng mẫu nhập liệu tải từ hệ thống."
    )


def _near_indicators(header: list, ignored: list[int], indicators: _Indicators) -> str:
    """The hint, for a header without indicators, that its unused columns are headed nearly as
    indicators are named (a form's questions): each such column and its indicator; '' when none
    is."""
    near = {}
    for index in ignored:
        code = indicators.close_to(header[index])
        if code is not None and code not in near.values():
            near[index] = code
    if not near:
        return ""
    listed = "; ".join(
        f"cột {_label(index, header[index])} gần giống chỉ tiêu «{indicators.titles[code]}» "
        f"({code})"
        for index, code in near.items()
    )
    return (
        " Nếu mỗi cột là số liệu của một chỉ tiêu (như biểu mẫu hỏi từng chỉ tiêu), tên cột phải "
        f"đúng mã hoặc tên chỉ tiêu trong danh mục: {listed}. Đổi tên các cột ấy, ví dụ thành "
        f"«{next(iter(near.values()))}»."
    )


def _no_figure_column(sheets: list[Sheet], fields, targets: bool) -> str | None:
    """Why a file was refused when one of its first rows heads a table by its indicators
    ("STT | Chỉ tiêu | ĐVT | Kế hoạch | Lũy kế") with no column of figures: that row, and how
    to head the figures' column; None when no row does."""
    for sheet in sheets:
        for position in range(min(HEADER_SEARCH_ROWS, len(sheet.row_numbers))):
            header = [column[position] for column in sheet.columns]
            heads = [_field(cell, fields) for cell in header]
            if [f for f in heads if f] != ["indicator_code"]:
                continue
            others = [
                _label(index, cell)
                for index, (cell, head) in enumerate(zip(header, heads, strict=True))
                if head is None and isinstance(cell, str) and normalise(cell)
            ]
            if len(others) < 2:  # a title's words beside a name are no header
                continue
            where = f"Dòng {sheet.row_numbers[position]}"
            if len(sheets) > 1:
                where += f" (trang «{sheet.name}»)"
            column = heads.index("indicator_code")
            what, heads_named = (
                ("kế hoạch", "«Kế hoạch», «Kế hoạch năm 2023» hoặc «KH 2023»")
                if targets
                else ("số liệu của kỳ", "«Giá trị», «Kết quả thực hiện» hoặc «Thực hiện tháng 6»")
            )
            to_date = any(VALUE_TO_DATE.fullmatch(normalise(cell)) for cell in header)
            return (
                f"Không tìm thấy cột {what}. {where} có cột chỉ tiêu "
                f"{_label(column, header[column])} nhưng không cột nào khác là {what} "
                f"({', '.join(others)}). Đặt tên cột {what} là {heads_named}, hoặc dùng mẫu "
                "nhập liệu tải từ hệ thống."
                + (
                    " Cột «Lũy kế» chỉ được đọc bên cạnh cột số liệu của kỳ (chỉ tiêu phát sinh "
                    "cần số của riêng kỳ)."
                    if to_date and not targets
                    else ""
                )
            )
    return None


def _header(
    sheet: Sheet, position: int, fields, indicators, targets: bool, names=None
) -> tuple[list, int]:
    """The header's cells, and the position of the first row under it. A header may take two
    rows ("Số liệu" over "Giá trị | Tử số | Mẫu số"): the row under it continues it when it
    names a field and leaves the columns of unit, indicator, period and year empty, and each
    column then takes the lower name where there is one ("NĂM 2022" over "Tháng 7 | Tháng 8"
    too, see _continued). A row of column numbers under it ("(1)", "2", "(4)=(2)/(3)") is part
    of it too."""
    header = sheet.row(position)
    below = position + 1
    if below < len(sheet.row_numbers):
        lower = sheet.row(below)
        matched = [_field(cell, fields) for cell in header]
        keyed = [i for i, field in enumerate(matched) if field in KEY_FIELDS]
        units = names if keyed and "unit_code" not in matched else None
        heads = any(
            _field(cell, fields)
            or _wide_head(cell, indicators, targets)
            or _period_header(cell, targets)
            or _unit_head(cell, units)
            for cell, key in ((cell, normalise(cell)) for cell in lower)
            if key
        )
        # A line of figures has its unit, indicator or period where the header names them.
        if keyed and heads and all(lower[i] is None for i in keyed):
            header = _continued(header, lower, fields, indicators, targets)
            below += 1
    if below < len(sheet.row_numbers) and _numbering(sheet.row(below)):
        below += 1
    return header, below


def _continued(upper: list, lower: list, fields, indicators: _Indicators, targets: bool) -> list:
    """A header of two rows, column by column: the lower name where there is one, else the
    upper. A lower period without its year ("Tháng 7") under a year written once over the months
    it heads ("NĂM 2022", merged across them) takes that year: "Tháng 7/2022". A ratio's parts
    under the indicator written once over them (its name or code merged over "Tử số | Mẫu số |
    Tỷ lệ (%)") are its parts: "Tỷ lệ hồ sơ … – Tử số", and its value the indicator alone. An
    indicator over periods ("Tổ CNS cộng đồng" over "2023 | 2024"), or a period over indicators
    ("Năm 2023" over "CSDL dùng chung | Tổ CNS cộng đồng"), is the indicator with the period in
    brackets: "Tổ CNS cộng đồng (2023)" (_wide_head)."""
    out, year, indicator, period = [], None, None, None
    for up, low in zip(upper, lower, strict=True):
        if up is not None:
            given = periods.in_name(text(up))
            year = given[2] if given is not None and given[0] == "year" else None
            over = _wide_column(normalise(up), indicators)
            indicator = text(up) if over is not None and over[1] == "value" else None
            period = _period_words(up) if _period_header(up, targets) is not None else None
        if low is None:
            out.append(up)
            continue
        part = _field(low, fields) or ("value" if normalise(low) in RATIO_HEADERS else None)
        if indicator is not None and part in ("value", "numerator", "denominator"):
            out.append(indicator if part == "value" else f"{indicator} – {text(low)}")
            continue
        if indicator is not None and _period_header(low, targets) is not None:
            out.append(f"{indicator} ({_period_words(low)})")
            continue
        if period is not None and _wide_column(normalise(low), indicators) is not None:
            out.append(f"{text(low)} ({period})")
            continue
        given = _period_header(low)
        out.append(f"{text(low)}/{year}" if year and given and given[2] is None else low)
    return out


def _by_period(columns: dict[int, periods.Period]) -> list[tuple[str, periods.Period]]:
    """Columns of periods as a warning names them, a period's columns together by their letters:
    ("C, E", năm 2023)."""
    letters: dict[periods.Period, list[str]] = {}
    for index, period in sorted(columns.items()):
        letters.setdefault(period, []).append(column_letter(index))
    return [(", ".join(named), period) for period, named in letters.items()]


def _period_words(cell: object) -> str:
    """A period's head as text that reads back as the same period: a date cell as "07/2022"."""
    if isinstance(cell, date):
        return f"{cell.month:02d}/{cell.year}"
    return text(cell)


def _numbering(cells: list) -> bool:
    """Whether a row only numbers the columns above it (1, 2, 3 or (A), (B), (4)=(2)/(3))."""
    filled = [str(cell) for cell in cells if cell is not None]
    return len(filled) >= 3 and all(COLUMN_NUMBER.match(cell) for cell in filled)


def _build(
    sheet: Sheet, position: int, fields, indicators, targets: bool, names, own_unit
) -> Table:
    header, start = _header(sheet, position, fields, indicators, targets, names)
    keys = [normalise(cell) for cell in header]
    heads = [_field(cell, fields) for cell in header]  # the field each column's head names
    named: dict[str, int] = {}
    wide: dict[tuple, int] = {}  # indicator columns: (code, part, period its head names or None)
    period_parts: dict[str, int] = {}  # year, month, quarter
    headed_by_name: list[tuple[str, str]] = []  # indicator columns headed by a name: (label, code)
    across: dict[int, tuple[str, int, int | None]] = {}  # columns headed by a period
    unit_columns: dict[int, str] = {}  # columns headed by a unit, with no unit column: its code
    unit_names = names if "unit_code" not in heads else None
    ignored: list[int] = []
    # A column of names beside the column of codes of the same field ("Tên đơn vị" beside "Mã
    # đơn vị"): not read as the codes, but checked against them (NAME_CHECKS).
    name_checks: dict[str, int] = {}
    for index, key in enumerate(keys):
        if not key:
            continue
        matched = heads[index]
        if matched is not None:
            if matched in named:
                first = named[matched]
                # "Đơn vị" beside "Mã ĐV": the codes read, the names kept to check them.
                by_name = (keys[first] in NAME_HEADERS, key in NAME_HEADERS)
                if by_name == (False, True):
                    _name_check(matched, index, name_checks, ignored)
                    continue
                if by_name != (True, False):
                    raise FileRejected(
                        f"Dòng tiêu đề (dòng {sheet.row_numbers[position]}) có hai cột "
                        f"«{FIELD_LABELS[matched]}»: {_label(first, header[first])} và "
                        f"{_label(index, header[index])}. Xóa hoặc đổi tên một cột."
                    )
                _name_check(matched, first, name_checks, ignored)
            named[matched] = index
            continue
        head = _wide_head(header[index], indicators, targets)
        if head is not None and not (targets and head[1] != "value"):  # targets have no parts
            wide[head] = index
            told = any(code == head[0] for _, code in headed_by_name)
            if not key.startswith(normalise(head[0])) and not told:  # named, not coded: once
                headed_by_name.append((_label(index, header[index]), head[0]))
        elif not targets and PERIOD_PARTS.get(key) not in (None, *period_parts):
            period_parts[PERIOD_PARTS[key]] = index
        elif (period := _period_header(header[index], targets)) is not None:
            across[index] = period
        elif (unit := _unit_head(header[index], unit_names)) is not None:
            unit_columns[index] = unit
        else:
            ignored.append(index)
    value_column = _value_of_period(header, heads, targets)
    if value_column is not None:
        named["value"] = value_column
        across.pop(value_column, None)
        ignored = [index for index in ignored if index != value_column]
    spread = wide and "indicator_code" not in named  # one column per indicator
    form = ("targets_wide" if spread else "targets") if targets else ("wide" if spread else "long")
    if spread:
        # A wide line's figures are under its indicators' heads: a lone "Giá trị" or "Tử số"
        # beside them is no indicator's.
        lone = [f for f in ("value", "numerator", "denominator") if f in named]
        ignored = sorted(ignored + [named.pop(f) for f in lone])
    # A Tháng (or Quý) column of whole periods ("06/2022", "T6/2022", a date cell) is the
    # period column, and a Năm beside it unused.
    whole = None if "period" in named else _of_whole_periods(sheet, start, period_parts)
    if whole is not None:
        named["period"] = whole
        ignored = sorted(ignored + [i for i in period_parts.values() if i != whole])
        period_parts = {}
    # Năm beside Tháng or Quý, with no period column, make the period; so does a Tháng (or Quý)
    # column under a title naming the year ("BÁO CÁO NĂM 2022"). Otherwise they are unused.
    title_year = None
    if "period" not in named and "year" not in period_parts and period_parts:
        title_year = _title_period(sheet, position, years_only=True) or _name_year(sheet)
    if "period" in named or not (title_year or "year" in period_parts and len(period_parts) > 1):
        ignored = sorted(ignored + list(period_parts.values()))
        period_parts = {}
    # Columns headed by periods ("T7/2022 | T8/2022"; a plan's years, "2023 | 2024"), with no
    # period (year) or figure column, each hold a line's figure (target) of their period.
    # Otherwise they are unused.
    figures = {"period", "year", "value", "numerator", "denominator"} & set(named)
    if across and (spread or period_parts or figures):
        ignored = sorted(ignored + list(across))
        across = {}
    across_periods = _across_periods(sheet, position, header, across)
    # Columns headed by units (a summary's districts across: "Chỉ tiêu | Tam Kỳ | Hội An"), with
    # no figure column and nothing else across, each hold a line's figure of their unit.
    if unit_columns and (spread or across or figures - {"period", "year"}):
        ignored = sorted(ignored + list(unit_columns))
        unit_columns = {}
    # A line's figure of its period beside what is reached to date ("Thực hiện tháng 6 | Lũy
    # kế"): both are read, and each indicator takes the one its kind is (validation).
    to_date = [
        i for i in ignored if VALUE_TO_DATE.fullmatch(keys[i]) or VALUE_IN_YEAR.fullmatch(keys[i])
    ]
    in_year = False
    if (
        form == "long"
        and "value" in named
        and not across
        and not unit_columns
        and len(to_date) == 1
    ):
        named["value_to_date"] = to_date[0]
        ignored.remove(to_date[0])
        fields = {**fields, "value_to_date": ()}
        in_year = bool(VALUE_IN_YEAR.fullmatch(keys[to_date[0]]))
    # An indicator's columns headed by a period too ("Tổ CNS cộng đồng (2023)"), with no period
    # (year) column, each hold a line's figure (target) of their period; otherwise unused.
    headed = {index: head[2] for head, index in wide.items() if spread and head[2] is not None}
    if headed and ("period" in named or "year" in named or period_parts):
        ignored = sorted(ignored + list(headed))
        wide = {head: index for head, index in wide.items() if index not in headed}
        headed = {}
    headed = _across_periods(sheet, position, header, headed)
    every_headed = bool(headed) and len(headed) == len(wide)
    # A file of one period (targets: of one year) may name it only in its title.
    title_field = "year" if targets else "period"
    found = (
        None
        if title_field in named or period_parts or across or every_headed
        else _period(sheet, position, targets)
    )
    titled = found.period if found else None
    if titled is not None and "value" in named:
        _check_value_period(sheet, position, header, named["value"], titled)
    one_unit, unit_by_name, unit_unheeded = None, False, None
    if "unit_code" not in named and not unit_columns:
        one_unit, by_sheet = _title_unit(sheet, position, names), _sheet_unit(sheet, names)
        if one_unit is None and by_sheet is not None:
            one_unit, unit_by_name = (by_sheet, None), True
        elif one_unit is not None and by_sheet not in (None, one_unit[0]):
            unit_unheeded = by_sheet
        districts = [index for index in ignored if keys[index] in DISTRICT_HEADERS]
        if one_unit is None and len(districts) == 1:
            named["unit_code"] = districts[0]
            ignored.remove(districts[0])
        elif one_unit is None and own_unit is not None:
            one_unit = (own_unit, None)
    one_indicator = None
    if "indicator_code" not in named and form in ("long", "targets"):
        one_indicator = _one_indicator(sheet, position, indicators)
    required = _required(form)
    given = set(named) | ({title_field} if titled or period_parts else set())
    given |= {"unit_code"} if one_unit else set()
    given |= {title_field, "value"} if across else set()
    given |= {title_field} if every_headed else set()
    given |= {"unit_code", "value"} if unit_columns else set()
    given |= {"indicator_code"} if one_indicator else set()
    missing_fields = [f for f in required if f not in given]
    if form == "long" and "value" not in named and {"numerator", "denominator"} <= set(named):
        missing_fields.remove("value")
    if missing_fields:
        near = (
            _near_indicators(header, ignored, indicators)
            if "indicator_code" in missing_fields
            else ""
        )
        # a plan's figure is its target, as the plan's own header names it
        labels = {**FIELD_LABELS, "value": "ke_hoach"} if targets else FIELD_LABELS
        missing = [labels[f] for f in missing_fields]
        raise FileRejected(
            f"Dòng tiêu đề (dòng {sheet.row_numbers[position]}) thiếu cột: {', '.join(missing)}. "
            "Thêm các cột này (tên cột tiếng Việt hoặc tiếng Anh, có dấu hay không đều được)."
            + "".join(
                TITLE_HINTS[f]
                for f in (title_field, "unit_code", "indicator_code")
                if f in missing_fields and not (f == "indicator_code" and near)
            )
            + near
            + (found.hint if found and title_field in missing_fields else "")
        )
    grid = {index: column[start:] for index, column in enumerate(sheet.columns)}
    numbers = sheet.row_numbers[start:]
    key_columns = [named[f] for f in KEY_FIELDS if f in named] + list(period_parts.values())
    _fill_merged(grid, numbers, sheet.merged, key_columns)
    if period_parts:
        # The made period is one more column of the grid, labelled after the columns it joins.
        named["period"] = len(header)
        year = title_year[0].year if title_year else None
        grid[len(header)] = _joined_period(grid, period_parts, year)
        header = [*header, None]
    figure_columns = [named[f] for f in FIGURES if f in named]
    spread_columns = [*wide.values(), *across, *unit_columns]
    dashed = _clear_no_figure(grid, numbers, figure_columns + spread_columns)
    if form in WIDE_FORMS:
        frame = _melt(grid, numbers, header, named, wide, headed, "year" if targets else "period")
    elif across or unit_columns:
        heads_give = {i: _period_given(p, title_field) for i, p in across_periods.items()}
        heads_give.update(
            {i: {"unit_code": code, "unit_headed": True} for i, code in unit_columns.items()}
        )
        frame = _across(grid, numbers, header, named, fields, heads_give)
    else:
        frame = _columns(grid, numbers, header, named, fields)
    frame = _drop_blank(frame, fields)
    if in_year:
        frame["value_to_date_in_year"] = True
    frame, no_figure = _drop_no_figure(frame, dashed, form)
    frame, totals = _drop_totals(frame, sheet, form)
    frame, texts = _drop_text_rows(frame, form, sheet.decimal_comma, indicators.codes)
    for field_name, index in name_checks.items():
        by_row = dict(zip(numbers, grid[index], strict=True))
        frame[f"{field_name}_name"] = frame["source_row"].map(by_row)
        frame[f"{field_name}_name_column"] = _label(index, header[index])
    if period_parts:
        joined = ", ".join(
            [_label(i, header[i]) for i in sorted(period_parts.values())]
            + ([_year_words(sheet, title_year[1])] if title_year else [])
        )
        frame["period_column"] = frame["period_column"].where(frame["period_column"].isna(), joined)
    if titled is not None:
        # Filled in only now: a blank or signature line is not a figure for having a period.
        frame[title_field] = titled[0].code
        frame[f"{title_field}_column"] = found.words
        if not targets:
            # A month the file names for all its lines is also its quarter's (or year's) when
            # it ends one: an indicator of that frequency has its figure in the month's report.
            frame["period_of_file"] = True
    if one_unit is not None:
        code, row = one_unit
        frame["unit_code"] = code
        frame["unit_code_column"] = (
            sheet_name_words(sheet)
            if unit_by_name
            else UNIT_FROM_ACCOUNT
            if row is None
            else f"tiêu đề (dòng {row})"
        )
    if one_indicator is not None:
        code, row = one_indicator
        frame["indicator_code"] = code
        frame["indicator_code_column"] = (
            sheet_name_words(sheet) if row is None else f"tiêu đề (dòng {row})"
        )
    total = _units_total(header, ignored) if unit_columns and not targets else None
    if total is not None:
        ignored.remove(total)
    ignored_columns = [_label(index, header[index]) for index in sorted(ignored)]
    header_row = sheet.row_numbers[position]
    return Table(
        frame,
        form,
        header_row,
        ignored_columns,
        sheet,
        totals,
        texts,
        no_figure,
        titled,
        one_unit,
        (title_year[0].year, title_year[1]) if title_year else None,
        period_by_name=bool(found and found.by_name),
        name_period_unheeded=found.unheeded if found else None,
        unit_by_name=unit_by_name,
        name_unit_unheeded=unit_unheeded,
        indicators_by_name=headed_by_name if form in WIDE_FORMS else [],
        periods_across=[(_label(i, header[i]), period) for i, period in across_periods.items()]
        + _by_period(headed),
        units_across=[(_label(i, header[i]), code) for i, code in unit_columns.items()],
        one_indicator=one_indicator,
        header_repeats=_header_repeats(sheet, position, texts),
        **({} if total is None else _total_cells(grid, numbers, header, total)),
    )


def _units_total(header: list, ignored: list[int]) -> int | None:
    """The unused column headed as a total ("Tổng cộng", "Tổng số") beside units across, where
    a line adds up its units' figures; None without one."""
    return next((index for index in ignored if _is_total(header[index])), None)


def _total_cells(grid, numbers, header: list, index: int) -> dict:
    """Table's units_total_column and units_total for the total column at `index`: a cell of
    "-" or another NO_FIGURE totals nothing."""
    cells = _cell(grid, index, len(numbers))
    filled = (cells.notna() & ~cells.isin(NO_FIGURE)).to_numpy()
    label = _label(index, header[index])
    rows = np.asarray(numbers)[filled]
    frame = pd.DataFrame({"source_row": rows, "value": cells[filled].to_numpy()})
    return {"units_total_column": label, "units_total": frame.assign(value_column=label)}


def _header_repeats(sheet: Sheet, position: int, rows: list[int]) -> list[int]:
    """Those of `rows` (spreadsheet row numbers) whose cells are the header's (at `position`),
    as compared (`normalise`)."""
    if not rows:
        return []
    head = [normalise(cell) for cell in sheet.row(position)]
    index = {number: i for i, number in enumerate(sheet.row_numbers)}
    return [n for n in rows if [normalise(cell) for cell in sheet.row(index[n])] == head]


def _check_value_period(
    sheet: Sheet, position: int, header: list, index: int, titled: tuple
) -> None:
    """FileRejected when the figure column's head names a period ending in another month than
    the one every line takes ("Thực hiện tháng 7" in a report titled for August: a last
    month's form); "Thực hiện quý III" in September's report is its quarter's."""
    given = periods.in_name(text(header[index])) if isinstance(header[index], str) else None
    period, row = titled
    if given is None or given[0] == "year":
        return
    if periods.Period(period.year, given[0], given[1]).end_month == period.end_month:
        return
    where = f"dòng {row}" if row is not None else sheet_name_words(sheet)
    raise FileRejected(
        f"Cột {_label(index, header[index])} ở dòng tiêu đề (dòng {sheet.row_numbers[position]}) "
        f"ghi kỳ khác với kỳ của tệp ({period.in_sentence}, theo {where}). Sửa đầu cột hoặc "
        "tên báo cáo cho khớp."
    )


def _across_periods(
    sheet: Sheet, position: int, header: list, across: dict[int, tuple[str, int, int | None]]
) -> dict[int, periods.Period]:
    """Each column's period, in the year the title (or the sheet's name) gives where its header
    leaves the year out; FileRejected when none gives it."""
    undated = [index for index, (_, _, year) in across.items() if year is None]
    year = None
    if undated:
        given = (
            _title_period(sheet, position, years_only=True)
            or _title_period(sheet, position, years_only=False)
            or _name_year(sheet)
        )
        if given is None:
            named = ", ".join(_label(index, header[index]) for index in undated)
            raise FileRejected(
                f"Dòng tiêu đề (dòng {sheet.row_numbers[position]}) có cột ghi kỳ mà không ghi "
                f"năm: {named}. Ghi năm ở dòng tên báo cáo phía trên (ví dụ «BÁO CÁO NĂM "
                "2022») hoặc ngay ở đầu cột (ví dụ «T7/2022»)."
            )
        year = given[0].year
    return {
        index: periods.Period(given_year or year, frequency, number)
        for index, (frequency, number, given_year) in across.items()
    }


def _name_year(sheet: Sheet) -> tuple[periods.Period, None] | None:
    """The year a workbook sheet's name gives alone ("2022", "Năm 2022"), or None."""
    given = _from_tab(sheet, periods.in_name)
    if given is None or given[0] != "year":
        return None
    return periods.Period(given[2], "year", 1), None


def _year_words(sheet: Sheet, row: int | None) -> str:
    """Where the year of the lines' months was read, as a problem's column names it."""
    return f"năm ở {sheet_name_words(sheet) if row is None else f'tiêu đề (dòng {row})'}"


def sheet_name_words(sheet: Sheet) -> str:
    """A sheet's name as a message names it, where a period or unit was read: tên trang tính
    «T9»."""
    return f"tên trang tính «{sheet.name}»"


def _of_whole_periods(sheet: Sheet, start: int, parts: dict[str, int]) -> int | None:
    """The month (or quarter) column of `parts` whose filled cells are at least half whole
    periods of a month or more with their year, or None: a column of 8 or "Quý III" is a part."""
    for part in ("month", "quarter"):
        if part not in parts:
            continue
        filled = [cell for cell in sheet.columns[parts[part]][start:] if text(cell)]
        read = {cell: periods.of_cell(cell) for cell in dict.fromkeys(filled)}
        whole = sum(1 for cell in filled if read[cell] and read[cell].frequency != "year")
        if filled and 2 * whole >= len(filled):
            return parts[part]
    return None


def _joined_period(
    grid: dict[int, np.ndarray], parts: dict[str, int], title_year: int | None
) -> np.ndarray:
    """Each line's period as text periods.parse reads, from its year (or `title_year`) and its
    month or quarter cells: 2022 and 8 → "T8/2022", 2022 and "Quý III" → "Quý III/2022", a year
    alone → "2022". A cell it cannot place is kept in the text, so that the period's error
    shows it."""
    length = len(grid[next(iter(parts.values()))])
    year = grid[parts["year"]] if "year" in parts else np.full(length, title_year, dtype=object)
    month = grid[parts["month"]] if "month" in parts else np.full(length, None, dtype=object)
    quarter = grid[parts["quarter"]] if "quarter" in parts else np.full(length, None, object)
    joined: dict[tuple, str | None] = {}
    out = np.empty(len(year), dtype=object)
    for line, cells in enumerate(zip(year, month, quarter, strict=True)):
        if cells not in joined:
            joined[cells] = _join(*cells)
        out[line] = joined[cells]
    return out


def _join(year: object, month: object, quarter: object) -> str | None:
    if year is None:
        return None if month is None and quarter is None else f"{month or quarter}/?"
    found = re.search(r"\d{4}", text(year))
    year = found.group() if found else text(year)
    if month is not None:
        month = text(month)
        return f"{'T' if month.isdigit() else ''}{month}/{year}"
    if quarter is not None:
        quarter = text(quarter)
        return f"{'Q' if re.fullmatch(r'[1-4]|IV|I{1,3}', quarter.upper()) else ''}{quarter}/{year}"
    return year


def _fill_merged(grid: dict[int, np.ndarray], numbers: list[int], merged, keys: list[int]) -> None:
    """A unit, indicator, period or year merged down over several lines (a report's block of
    lines for one unit) is each line's, as the sheet shows it; the cell holds it in the first
    line only. Merges that begin above the first line, in the header, are left alone."""
    position = {number: i for i, number in enumerate(numbers)} if merged else {}
    for first_column, first_row, last_column, last_row in merged:
        top = position.get(first_row)
        if top is None or first_column not in grid:
            continue
        value = grid[first_column][top]
        lines = [position[n] for n in range(first_row + 1, last_row + 1) if n in position]
        for index in keys:
            if first_column <= index <= last_column:
                column = grid[index] = grid[index].copy()  # the sheet's own cells stay as read
                for line in lines:
                    if column[line] is None:
                        column[line] = value


@dataclass(frozen=True)
class _GivenPeriod:
    """The period (targets: year) a sheet's title and name give together."""

    period: tuple[periods.Period, int | None] | None  # and the title row giving it or its year
    sheet: Sheet
    by_name: bool = False  # the sheet's name gave it, or narrowed the title's
    unheeded: periods.Period | None = None  # the name's, which the title contradicts
    hint: str = ""  # why the name gave none it seemed to, when there is no period

    @property
    def words(self) -> str:
        """Where the period was read, as a problem's column names it."""
        row = self.period[1]
        if not self.by_name:
            return f"tiêu đề (dòng {row})"
        named = sheet_name_words(self.sheet)
        return named if row is None else f"{named} và tiêu đề (dòng {row})"


def _period(sheet: Sheet, position: int, targets: bool) -> _GivenPeriod:
    """The one period (targets: year) the title rows and the sheet's name give: the name's
    ("T9", "Quý III", "T9-2022") in the year the title names, or narrowing the title's ("NĂM
    2022"); the title's where the two disagree, the name's then told of."""
    title = _title_period(sheet, position, years_only=targets)
    given = _from_tab(sheet, periods.in_name)
    if given is None or (targets and given[0] != "year"):
        return _GivenPeriod(title, sheet)
    frequency, index, year = given
    if year is None and title is None:
        label = periods.FREQUENCY_LABELS[frequency]
        return _GivenPeriod(
            None,
            sheet,
            hint=f" Tên trang tính «{sheet.name}» ghi {label} nhưng không ghi năm: thêm năm vào "
            "tên trang (ví dụ «T9-2022») hoặc vào dòng tên báo cáo (ví dụ «BÁO CÁO NĂM 2022»).",
        )
    named = periods.Period(title[0].year if year is None else year, frequency, index)
    if title is None:
        return _GivenPeriod((named, None), sheet, by_name=True)
    if named != title[0] and title[0].holds(named):
        return _GivenPeriod((named, title[1]), sheet, by_name=True)
    if named.holds(title[0]):
        return _GivenPeriod(title, sheet)
    return _GivenPeriod(title, sheet, unheeded=named)


def _title_period(
    sheet: Sheet, position: int, years_only: bool
) -> tuple[periods.Period, int] | None:
    """The one period (or year) the title rows above the header name, with its row; None when
    they name none or several. A period holding another one named ("… NĂM 2022, THÁNG 8/2022")
    only frames it."""
    found: dict[periods.Period, int] = {}
    for index in range(position):
        for cell in sheet.row(index):
            if isinstance(cell, str):
                for period in periods.named_in(cell):
                    if period.frequency == "year" or not years_only:
                        found.setdefault(period, sheet.row_numbers[index])
    innermost = {
        period: row
        for period, row in found.items()
        if not any(other != period and period.holds(other) for other in found)
    }
    return next(iter(innermost.items())) if len(innermost) == 1 else None


class _UnitNames:
    """The catalogue's units as a title or a sheet's name names them, each kind worked out the
    first time a sheet without a unit column asks (a national list takes tens of milliseconds),
    then kept for the file's other sheets."""

    def __init__(self, units: pd.DataFrame):
        self.units = units

    @cached_property
    def by_name(self) -> dict[str, str]:
        """Name_key → code of the names one unit has."""
        return codes_by_name(self.units)

    @cached_property
    def by_bare_name(self) -> dict[str, str]:
        """Bare name (no level) → code of the bare names one unit has."""
        return codes_by_name(self.units, bare=True)

    @cached_property
    def by_code(self) -> dict[str, str]:
        """Name_key → code of the codes with a letter."""
        # A code of digits alone ("1", "20333") is as often a sheet's order or a count.
        return {name_key(c): c for c in self.units["code"] if any(ch.isalpha() for ch in c)}

    def code_of(self, text: object) -> str | None:
        """The one unit a sheet's name or a column's head is ("Hội An", "TP. Hội An", "HOIAN")."""
        key = name_key(text)
        return (
            self.by_code.get(key) or self.by_name.get(key) or self.by_bare_name.get(bare_name(key))
        )

    @cached_property
    def by_words(self) -> dict[str, str]:
        """The words of each name, with or without its level → code."""
        # Names with and without their level ("UBND P. SÀI GÒN" names Phường Sài Gòn).
        named = {**self.by_bare_name, **self.by_name}
        return {_words(name): code for name, code in named.items()}


def _title_unit(sheet: Sheet, position: int, names: _UnitNames | None) -> tuple[str, int] | None:
    """The one unit whose catalogue name the title rows above the header name in whole words
    ("UBND HUYỆN NÚI THÀNH", "Núi Thành, ngày 05 tháng 8 năm 2022"), with its row; None when
    they name none or several."""
    if names is None:
        return None
    return _named_in_title(sheet, position, names.by_words)


def _one_indicator(sheet: Sheet, position: int, indicators: _Indicators) -> tuple | None:
    """The one indicator a table without indicator column is of, with the title row naming it
    ("THEO DÕI SỐ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ĐÃ THÀNH LẬP NĂM 2022"), or row None where the
    sheet's name is it ("CNS_TO"); FileRejected when the two disagree, None when neither gives
    one."""
    titled = _named_in_title(sheet, position, indicators.words)
    by_sheet = _from_tab(sheet, indicators.of_sheet)
    if titled is not None and by_sheet not in (None, titled[0]):
        raise FileRejected(
            f"Tên trang tính «{sheet.name}» là mã hoặc tên chỉ tiêu {by_sheet}, nhưng "
            f"tiêu đề (dòng {titled[1]}) ghi tên chỉ tiêu {titled[0]}. Sửa cho khớp, hoặc thêm "
            "cột ma_chi_tieu."
        )
    return titled or ((by_sheet, None) if by_sheet is not None else None)


def _named_in_title(sheet: Sheet, position: int, by_words: dict[str, str]) -> tuple | None:
    """The one code whose name (as _words) the title rows above the header name in whole words,
    with its row; None when they name none or several. A name found inside a longer one found
    ("Tân An" in "Tân An Hội") is only part of it. The national heading is passed by: communes
    are named Độc Lập and Tự Do."""
    found: dict[str, int] = {}
    for index in range(position):
        for cell in sheet.row(index):
            if not isinstance(cell, str) or _national_heading(cell):
                continue
            line = f" {_words(cell)} "
            for words in by_words:
                if f" {words} " in line:
                    found.setdefault(words, sheet.row_numbers[index])
    outer = [w for w in found if not any(w != o and f" {w} " in f" {o} " for o in found)]
    codes = {by_words[w] for w in outer}
    return (codes.pop(), found[outer[0]]) if len(codes) == 1 else None


def _sheet_unit(sheet: Sheet, names: _UnitNames | None) -> str | None:
    """The one unit a workbook sheet's name is ("Hội An", "TP. Hội An", "HOIAN"), or None."""
    return None if names is None else _from_tab(sheet, names.code_of)


def _from_tab(sheet: Sheet, read: Callable):
    """What `read` finds in a workbook sheet's name, in its first reading that names
    something (Sheet.names); None for a CSV's, or where none does."""
    if not sheet.tab:
        return None
    return next((found for name in sheet.names if (found := read(name)) is not None), None)


def _name_words(name: str) -> str:
    """A sheet's name as plain lower-case words: "Tổng hợp" → "tong hop"."""
    return " ".join(re.findall(r"[a-z0-9]+", unaccented(name).lower()))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", name_key(text)))


def _national_heading(cell: str) -> bool:
    """Whether a title cell is the country's name or motto heading every official document."""
    key = normalise(cell)
    return "conghoaxahoichunghia" in key or ("doclap" in key and "tudo" in key)


def _required(form: str) -> tuple[str, ...]:
    if form == "targets":
        return ("unit_code", "indicator_code", "year", "value")
    if form == "targets_wide":
        return ("unit_code", "year")
    if form == "wide":
        return ("unit_code", "period")
    return ("unit_code", "indicator_code", "period", "value")


def _cell(grid: dict[int, np.ndarray], index: int | None, length: int) -> pd.Series:
    """One column of the grid as cells; all None where the header names no such column."""
    if index is None:
        return pd.Series(np.full(length, None, dtype=object), dtype=object, copy=False)
    return pd.Series(grid[index], dtype=object, copy=False)


def _name_check(field_name: str, index: int, name_checks: dict, ignored: list) -> None:
    """Keep the column of names at `index` to check `field_name`'s codes against; a second one,
    or one of a field whose names are not checked, is unused."""
    if field_name in NAME_CHECKS and field_name not in name_checks:
        name_checks[field_name] = index
    else:
        ignored.append(index)


def _columns(grid, numbers, header, named, fields) -> pd.DataFrame:
    data = {"source_row": pd.Series(numbers, dtype="int64")}
    for name in fields:
        index = named.get(name)
        data[name] = _cell(grid, index, len(numbers))
        label = _label(index, header[index]) if index is not None else None
        data[f"{name}_column"] = pd.Series([label] * len(numbers), dtype=object)
    return pd.DataFrame(data, copy=False)


def _period_given(period: periods.Period, when: str) -> dict:
    """What a column headed by `period` gives each of its cells; `when` is the field of its
    period (targets: year)."""
    # a wrong period is a wrong column, not a wrong cell
    given = {when: period.year if when == "year" else period.code, "period_headed": True}
    if when == "period":
        # a month's column holds a quarterly indicator's figure when the month ends its quarter
        given["period_of_file"] = True
    return given


def _across(grid, numbers, header, named, fields, given: dict[int, dict]) -> pd.DataFrame:
    """One row per filled cell of the columns whose heads give fields (a period, a year, a unit;
    `given`, by column): its line's other fields, what its column's head gives, its figure;
    lines in the file's order, each left to right."""
    lines = _columns(grid, numbers, header, named, fields)
    parts = []
    for index, heads in given.items():
        cells = _cell(grid, index, len(numbers))
        filled = cells.notna().to_numpy()
        part = lines[filled].copy()
        label = _label(index, header[index])
        for name, value in heads.items():
            part[name] = value
            if name in fields:
                part[f"{name}_column"] = label
        part["value"], part["value_column"] = cells[filled].to_numpy(), label
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    return frame.sort_values("source_row", kind="stable", ignore_index=True)


def _melt(grid, numbers, header, named, wide, headed, when: str) -> pd.DataFrame:
    """One row per filled indicator cell of the wide form; `when` is the field of its period
    (targets: year): the line's, or the one its column's head names (`headed`, by column)."""
    groups: dict[tuple, dict[str, int]] = {}  # (code, period head): the columns of its parts
    for (code, part, head), index in sorted(wide.items(), key=lambda item: item[1]):
        groups.setdefault((code, head), {})[part] = index
    records = []
    unit_index, period_index = named.get("unit_code"), named.get(when)
    note_index = named.get("note")
    length = len(numbers)
    columns = {i: _cell(grid, i, length).tolist() for i in {unit_index, period_index, note_index}}
    for index in wide.values():
        columns[index] = _cell(grid, index, length).tolist()
    columns[None] = [None] * length
    line_label = _label(period_index, header[period_index]) if period_index is not None else None
    for position, number in enumerate(numbers):
        unit, period, note = (
            columns[unit_index][position],
            columns[period_index][position],
            columns[note_index][position],
        )
        for (code, _), found in groups.items():
            parts = {part: found.get(part) for part in ("value", "numerator", "denominator")}
            cells = {part: columns[index][position] for part, index in parts.items()}
            if all(value is None for value in cells.values()):
                continue
            value_index = next(
                i
                for i in (parts["value"], parts["numerator"], parts["denominator"])
                if i is not None
            )
            record = {
                "source_row": number,
                "unit_code": unit,
                "unit_code_column": _label(unit_index, header[unit_index])
                if unit_index is not None
                else None,
                "indicator_code": code,
                "indicator_code_column": _label(value_index, header[value_index]),
                when: period,
                f"{when}_column": line_label,
                **{part: cells[part] for part in parts},
                **{
                    f"{part}_column": _label(index, header[index]) if index is not None else None
                    for part, index in parts.items()
                },
                "note": note,
                "note_column": _label(note_index, header[note_index])
                if note_index is not None
                else None,
                "wide": True,
            }
            if value_index in headed:
                record.update(_period_given(headed[value_index], when))
                record[f"{when}_column"] = record["indicator_code_column"]
            records.append(record)
    if not records:
        fields = dict.fromkeys([*FIGURE_FIELDS, when])
        columns = ["source_row"] + [c for f in fields for c in (f, f"{f}_column")]
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(records)


def _clear_no_figure(grid: dict[int, np.ndarray], numbers: list[int], columns) -> dict[int, str]:
    """Cells of figures holding only "-", "x" or another NO_FIGURE emptied, as a wide sheet's
    empty cells are; returns the rows that had one, each with the first it wrote."""
    rows: dict[int, str] = {}
    for index in columns:
        if NO_FIGURE.isdisjoint(grid[index]):  # a C loop over cached hashes: the usual case
            continue
        marked = pd.Series(grid[index], dtype=object, copy=False).isin(NO_FIGURE).to_numpy()
        if marked.any():
            for number, mark in zip(np.asarray(numbers)[marked], grid[index][marked], strict=True):
                rows.setdefault(int(number), mark)
            grid[index] = np.where(marked, None, grid[index])
    return rows


def _drop_no_figure(
    frame: pd.DataFrame, dashed: dict[int, str], form: str
) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Lines of one figure (or target) written only as "-", "x" or the like: the report says
    there is none, so there is nothing to write. Returns the rest and the spreadsheet rows
    dropped, each with what it wrote."""
    if not dashed or frame.empty or form in WIDE_FORMS:  # a wide line's "-" cells are just empty
        return frame, []
    parts = [f for f in FIGURES if f in frame]
    empty = frame[parts].isna().all(axis=1) & frame["source_row"].isin(list(dashed))
    if not empty.any():
        return frame, []
    rows = sorted(int(n) for n in frame.loc[empty, "source_row"])
    return frame[~empty].reset_index(drop=True), [(n, dashed[n]) for n in rows]


def _drop_blank(frame: pd.DataFrame, fields) -> pd.DataFrame:
    """Rows with nothing but a unit or a note (blank lines, "Người lập biểu" and signatures
    under a report) are not figures."""
    present = [f for f in fields if f in frame and f not in ("unit_code", "note")]
    if frame.empty:
        return frame
    # Most rows fill the first field: only the rows where it is empty are looked at further.
    blank = frame[present[0]].isna()
    for name in present[1:]:
        if not blank.any():
            return frame
        blank[blank] = frame.loc[blank, name].isna()
    if not blank.any():
        return frame
    return frame[~blank].reset_index(drop=True)


# What a line _drop_text_rows skips lacks besides a number, by form, as its warning says it.
TEXT_ROW_LACKS = {
    "long": "mã chỉ tiêu, kỳ báo cáo",
    "wide": "kỳ báo cáo",
    "targets": "mã chỉ tiêu, năm",
    "targets_wide": "năm",
}


def _drop_text_rows(
    frame: pd.DataFrame, form: str, decimal_comma: bool, codes: dict[str, str]
) -> tuple[pd.DataFrame, list[int]]:
    """Lines with no indicator code, no readable period (targets: year) and no number where a
    figure goes ("Người lập biểu … Thủ trưởng đơn vị", "KT. CHỦ TỊCH", "Hội An, ngày 05 tháng 9
    năm 2022" spread over the columns of a report's signature block, which in a report listing
    its indicators by name falls in their column) are not figures. Returns the rest and the
    spreadsheet rows dropped."""
    if frame.empty:
        return frame, []
    candidate = np.ones(len(frame), dtype=bool)
    # A period (year) its column's head gives is no sign of a figure in the cell.
    headed = frame["period_headed"].eq(True).to_numpy() if "period_headed" in frame else None
    if form not in WIDE_FORMS:  # a wide line's indicators are its columns' headers
        coded = per_value(
            frame["indicator_code"], lambda c: c is not None and normalise(c) in codes
        )
        candidate &= ~coded.to_numpy(dtype=bool)
    if "period" in frame and candidate.any():
        cells = frame.loc[candidate, "period"]
        unread = per_value(cells, lambda c: periods.of_cell(c) is None).to_numpy(dtype=bool)
        candidate[candidate] = unread if headed is None else unread | headed[candidate]
    for name in ("year", *FIGURES):
        if name in frame and candidate.any():
            cells = frame.loc[candidate, name]
            unread = numbers.parse(cells, decimal_comma)[0].isna().to_numpy().copy()
            if name in ("value", "value_to_date") and unread.any():
                worded = per_value(cells[unread], lambda c: numbers.in_words(c, decimal_comma))
                unread[unread] = ~worded.to_numpy(dtype=bool)
            if name == "year" and headed is not None:
                unread = unread | headed[candidate]
            candidate[candidate] = unread
    if not candidate.any():
        return frame, []
    # A wide line is one record per filled cell: it goes only if none of them is a figure.
    text = pd.Series(candidate).groupby(frame["source_row"].to_numpy()).transform("all")
    text = text.to_numpy(dtype=bool)
    if not text.any():
        return frame, []
    rows = sorted(int(n) for n in frame.loc[text, "source_row"].unique())
    return frame[~text].reset_index(drop=True), rows


def _is_total(cell: object) -> bool:
    # A cell that cannot begin a label (a code such as U0001) is passed by without the cost of
    # folding its accents; a label's first letter carries no accent to fold.
    if cell is None or str(cell).lstrip()[:1].upper() not in _TOTAL_INITIALS:
        return False
    key = normalise(cell)
    return key in TOTAL_LABELS or key.startswith("tongcong")


def _drop_totals(frame: pd.DataFrame, sheet: Sheet, form: str) -> tuple[pd.DataFrame, list[int]]:
    """Rows that add up the others ("Tổng cộng" where a unit belongs, or in any cell of a row
    with neither unit nor indicator) are not a unit's figures: the dashboard adds up itself.
    Returns the rest and the spreadsheet rows dropped."""
    if frame.empty:
        return frame, []
    unit = frame["unit_code"]
    labelled = per_value(unit, _is_total).astype(bool)
    keyless = unit.isna()
    if form not in WIDE_FORMS and keyless.any():
        indicator = frame.loc[keyless, "indicator_code"]
        keyless[keyless] = indicator.isna() | per_value(indicator, _is_total).astype(bool)
    if keyless.any():
        # Few rows lack both: only theirs are read whole, for a label in any column.
        positions = {number: i for i, number in enumerate(sheet.row_numbers)}
        said = {
            number: any(_is_total(cell) for cell in sheet.row(positions[number]))
            for number in frame.loc[keyless, "source_row"].unique()
        }
        keyless &= frame["source_row"].map(said).fillna(False).astype(bool)
    totals = labelled | keyless
    if not totals.any():
        return frame, []
    rows = sorted(int(n) for n in frame.loc[totals, "source_row"].unique())
    return frame[~totals].reset_index(drop=True), rows
