"""The rules an upload must pass: every problem at once, each with its row, column, value and a
Vietnamese message that says how to fix it. Returns the figures (or targets) ready to stage."""

import difflib
import math
import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard import formatting, leading_zeros, numbers, periods
from dashboard.accents import bare_name, codes_by_name, name_key
from dashboard.accounts import Actor
from dashboard.cells import looked_up, per_value
from dashboard.cells import text as written_text
from dashboard.export import FORMULA_STARTS
from dashboard.layout import SHEET_SPAN, Table, normalise
from dashboard.problems import Problems

RATIO_TOLERANCE = 0.5  # percentage points: a value rounded to whole percents still agrees
JUMP_FACTOR = 3
# The province-wide target's unit, '*', by the names a targets file (or the grid's download)
# may give it instead.
PROVINCE_NAMES = pd.DataFrame(
    {"code": "*", "name": ["Toàn tỉnh", "Toàn tỉnh (mặc định)", "Cả tỉnh"]}
)
FREQUENCY_EXAMPLES = {"month": "2022-06", "quarter": "2022-Q2", "half": "2022-H1", "year": "2022"}
# A column's head naming a period of each frequency, as a tracker writes it.
HEAD_EXAMPLES = {"month": "T6/2022", "quarter": "Quý II/2022", "half": "6 tháng đầu năm 2022"}
HEAD_EXAMPLES["year"] = "Năm 2022"
# Where a month-by-month sheet takes a longer period's figure: the row (or the column headed)
# of its last month.
LAST_MONTHS = {
    "quarter": "tháng cuối quý (tháng 3, 6, 9 hoặc 12)",
    "half": "tháng cuối 6 tháng (tháng 6 hoặc 12)",
    "year": "tháng 12",
}


@dataclass
class Catalogue:
    """What validation checks codes against."""

    units: pd.DataFrame  # code, name, cluster_code, active
    indicators: pd.DataFrame  # code, name, measure, kind, frequency


def _each(mask: pd.Series, message) -> pd.Series:
    """message(i) for every index i where `mask` holds, as a Series aligned with it."""
    index = mask.index[mask.to_numpy(dtype=bool)]
    return pd.Series([message(i) for i in index], index=index, dtype=object)


NOT_A_NUMBER = "Không phải là số. Ghi số, ví dụ 82,5 hoặc 1234 (có thể thêm %)."


# The errors a formula's cell shows in Excel, and what each means.
EXCEL_ERRORS = {
    "#DIV/0!": "chia cho 0",
    "#N/A": "hàm tra cứu không tìm thấy giá trị",
    "#VALUE!": "công thức gặp giá trị sai kiểu",
    "#REF!": "công thức trỏ tới ô đã bị xóa",
    "#NAME?": "tên hàm hoặc tên vùng không đúng",
    "#NUM!": "kết quả không phải số hợp lệ",
    "#NULL!": "hai vùng không giao nhau",
}


# A number with words after it ("12 chương trình", "5 tổ"), or a sign before it ("+5").
_WITH_WORDS = re.compile(r"^\s*([\d.,]*\d[\d.,]*)\s*%?\s*(?![eE][+-]?\d)[^\W\d_]")
_PLUS = re.compile(r"^\s*\+\s*\d")


def _from_parts(error: str, numerator: float, denominator: float) -> str:
    """The warning that a ratio's value cell shows a formula's error and its parts were read."""
    return (
        f"Ô giá trị báo lỗi công thức {error} ({EXCEL_ERRORS[error]}): tỷ lệ được tính từ tử số "
        f"{formatting.number(numerator)} và mẫu số {formatting.number(denominator)} cùng dòng. "
        "Nên sửa công thức trong tệp."
    )


def _not_a_number(cell, otherwise: str = NOT_A_NUMBER) -> str:
    """Why a cell is not read as a number, and what to write: `otherwise` unless it holds an
    uncalculated formula, shows a formula's error, or a number with words or a + sign."""
    if isinstance(cell, date):  # a datetime too
        return (
            f"Ô là ngày {formatting.date(cell)}, không phải số: Excel tự đổi một ô gõ như "
            f"«{cell.day}/{cell.month}» (tử số/mẫu số) hay «{cell.day}-{cell.month}» thành ngày. "
            "Chỉ tiêu tỷ lệ ghi tử số, mẫu số vào hai cột tu_so, mau_so (hoặc ghi phần trăm, "
            "ví dụ 90%); chỉ tiêu khác ghi một số. Nếu cần gõ dạng 9/10, định dạng ô là Text "
            "trước khi gõ."
        )
    with_words = _WITH_WORDS.match(str(cell))
    if with_words:
        return (
            f"Ô có cả số và chữ: chỉ ghi số ({with_words[1]}); đơn vị tính hay lời giải thích "
            "để ở cột ghi_chu."
        )
    if numbers.parse_ratio(cell, False) is not None:
        return (
            "Ô ghi hai số dạng tử số/mẫu số: chỉ tiêu tỷ lệ ghi tử số, mẫu số vào hai cột "
            "tu_so, mau_so (hoặc cả hai trong ô giá trị khi hai cột ấy trống); chỉ tiêu khác "
            "ghi một số."
        )
    if _PLUS.match(str(cell)):
        return "Ghi số liệu của kỳ, không có dấu + ở đầu (không ghi mức tăng so với kỳ trước)."
    if str(cell) in EXCEL_ERRORS:
        return (
            f"Ô báo lỗi công thức {cell} ({EXCEL_ERRORS[str(cell)]}): ô không có số. Sửa công "
            "thức trong tệp hoặc ghi số thay cho nó, rồi gửi lại."
        )
    if str(cell).startswith("="):
        # a workbook saved by a program that does not calculate keeps no result beside it
        return (
            "Ô có công thức nhưng tệp không lưu kết quả tính. Mở tệp bằng Excel (hoặc "
            "LibreOffice) rồi lưu lại để lưu kết quả, hoặc ghi số thay cho công thức."
        )
    return otherwise


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def _code_text(value) -> str | None:
    written = written_text(value)
    return written.upper() if written else None


def _suggester(names: dict[str, str]):
    """A function giving ' Có phải «HOIAN» (Hội An)?' for the code or name nearest a written
    one, or ''; the catalogue's names are prepared once for all the file's unknown cells."""
    codes = list(names)
    by_name = {normalise(name): code for code, name in names.items()}
    plain = list(by_name)
    listed = {code: _words(name) for code, name in names.items()}

    def suggest(text: str) -> str:
        guess = by_name.get(normalise(text))
        if guess is None:
            close = difflib.get_close_matches(text, codes, n=1, cutoff=0.6)
            guess = close[0] if close else None
        if guess is None:
            close = difflib.get_close_matches(normalise(text), plain, n=1, cutoff=0.75)
            guess = by_name[close[0]] if close else None
        if guess is None:
            guess = _by_beginning(_words(text), listed)
        return f" Có phải «{guess}» ({names[guess]})?" if guess else ""

    return suggest


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", name_key(name))


def _by_beginning(written: list[str], listed: dict[str, list[str]]) -> str | None:
    """The code of the one name a written name of four words or more begins ("Tỷ lệ văn bản
    đi được ký số" of "…, gửi trên môi trường mạng") or is the beginning of; else None."""
    found = set()
    for code, words in listed.items():
        shorter = min(len(written), len(words))
        if shorter >= 4 and written[:shorter] == words[:shorter]:
            found.add(code)
    return found.pop() if len(found) == 1 else None


def _codes(rows, field, known: pd.DataFrame, label: str, problems: Problems):
    """Normalised codes of `field`; errors for missing and unknown ones. A cell holding a name
    of the catalogue instead of a code ("Hội An") stands for that code when exactly one entry
    has that name; the column is named in one warning."""
    codes = per_value(rows[field], _code_text)
    missing = codes.isna()
    problems.add_where("error", rows, missing, field, f"Thiếu {label}: ghi {label} vào ô này.")
    valid = codes.isin(set(known["code"]))
    unknown = codes.notna() & ~valid
    if unknown.any():
        _zeros_restored(rows, field, known, label, codes, valid, unknown, problems)
        unknown = codes.notna() & ~valid
    named = f"{field}_name" in rows
    # built once for the codes written as names and the names beside codes
    code_of = _name_reader(known, field) if unknown.any() or named else None
    if unknown.any():
        _by_name(rows, field, code_of, label, codes, valid, unknown, problems)
        unknown = codes.notna() & ~valid
    if named:
        _names_disagree(rows, field, known, code_of, label, codes, valid, problems)
    if unknown.any():
        names = dict(zip(known["code"], known["name"], strict=True))
        suggest = _suggester(names)
        hints = {t: suggest(t) for t in codes[unknown].unique()}
        problems.add_where(
            "error",
            rows,
            unknown,
            field,
            _each(
                unknown,
                lambda i: (
                    f"{label.capitalize()} «{rows[field][i]}» không có trong "
                    f"danh mục.{hints[codes[i]]}"
                ),
            ),
        )
    return codes, valid


def _name_reader(known: pd.DataFrame, field: str):
    """A function giving the code of the one catalogue entry a cell names, or None."""
    by_name = codes_by_name(known)
    # A unit may be written with its level where the catalogue has none, or without it.
    by_bare = codes_by_name(known, bare=True) if field == "unit_code" else {}
    # An indicator by its short name, as the dashboard shows it ("Tổ CNS cộng đồng").
    shorts = (
        known[["code", "short_name"]].dropna().rename(columns={"short_name": "name"})
        if "short_name" in known
        else known.iloc[:0][["code", "name"]]
    )
    by_short = codes_by_name(shorts)
    # An indicator's name typed without its accents or punctuation ("So to cong nghe so cong
    # dong"), as a column's head may be (layout.normalise): its names are long and apart. A
    # unit's is not so read: Phú Ninh and Phù Ninh are two.
    by_plain = (
        codes_by_name(pd.concat([known[["code", "name"]], shorts]), key=normalise)
        if field == "indicator_code"
        else {}
    )

    def code_of(cell) -> str | None:
        key = name_key(cell)
        return (
            by_name.get(key)
            or by_bare.get(bare_name(key))
            or by_short.get(key)
            or by_plain.get(normalise(cell))
        )

    return code_of


def _by_name(rows, field, code_of, label, codes, valid, unknown, problems) -> None:
    """Cells of `unknown` holding the name of exactly one catalogue entry take its code, in
    `codes` and `valid`, with a warning listing what was read as what."""
    found = per_value(rows.loc[unknown, field], code_of).dropna()
    _take(
        rows,
        field,
        found,
        codes,
        valid,
        problems,
        "tên",
        lambda column, listed: (
            f"Cột {column} ghi tên thay cho {label}: đã nhận theo tên trong danh mục "
            f"({listed}). Ghi mã để chắc chắn không nhầm."
        ),
    )


def _names_disagree(rows, field, known, code_of, label, codes, valid, problems) -> None:
    """An error on each line whose name column names another catalogue entry than its code
    (TAMKY beside «Hội An»): one of the two is mistyped, and the figure would be written to
    the wrong unit or indicator. A name the catalogue does not know is not checked."""
    named = valid & rows[f"{field}_name"].notna()
    if not named.any():
        return
    said = per_value(rows.loc[named, f"{field}_name"], code_of)
    wrong = said.notna() & said.ne(codes[named])
    if not wrong.any():
        return
    wrong = wrong.reindex(rows.index, fill_value=False)
    names = dict(zip(known["code"], known["name"], strict=True))
    noun = "đơn vị" if field == "unit_code" else "chỉ tiêu"
    problems.add_where(
        "error",
        rows,
        wrong,
        field,
        _each(
            wrong,
            lambda i: (
                f"{label.capitalize()} {codes[i]} là {names[codes[i]]}, nhưng cột "
                f"{rows[f'{field}_name_column'][i]} ghi "
                f"«{written_text(rows[f'{field}_name'][i])}» ({noun} {said[i]}). Sửa mã hoặc "
                "tên cho khớp."
            ),
        ),
    )
    valid[wrong] = False


def _zeros_restored(rows, field, known, label, codes, valid, unknown, problems) -> None:
    """Cells of `unknown` holding a catalogue code of digits without its leading zeros (Excel
    drops them from a number cell: 4 for 00004) take that code, with a warning listing them."""
    numbered = leading_zeros.by_number(known["code"])
    if not numbered:
        return
    found = per_value(codes[unknown], lambda cell: leading_zeros.restored(cell, numbered))
    _take(
        rows,
        field,
        found.dropna(),
        codes,
        valid,
        problems,
        "mã",
        lambda column, listed: leading_zeros.told(column, label, listed),
    )


def _take(rows, field, found: pd.Series, codes, valid, problems, noun: str, message) -> None:
    """Cells `found` read as the codes it holds, in `codes` and `valid`, with one warning
    `message(column, listed)` at the first of them, `listed` naming five pairs ("4 → 00004")
    and how many `noun`s more."""
    if found.empty:
        return
    codes[found.index] = found
    valid[found.index] = True
    written = per_value(rows.loc[found.index, field], written_text)
    listed = formatting.read_as(list(dict(zip(written, found, strict=True)).items()), noun)
    first = found.index[0]
    problems.add(
        "warning",
        message(rows.loc[first, f"{field}_column"], listed),
        row=int(rows.loc[first, "source_row"]),
        column=rows.loc[first, f"{field}_column"],
    )


def figures(
    table: Table, cat: Catalogue, actor: Actor, today: date, problems: Problems, decimal_comma: bool
) -> pd.DataFrame:
    """Check every figure row; return the rows that passed, in staged shape."""
    rows = table.rows
    if rows.empty:
        problems.add(
            "error",
            f"Không có dòng số liệu nào dưới dòng tiêu đề (dòng "
            f"{table.header_row}). Điền số liệu vào các dòng bên dưới rồi gửi lại.",
        )
        return pd.DataFrame()
    ok = pd.Series(True, index=rows.index)

    unit, unit_ok = _codes(rows, "unit_code", cat.units, "mã đơn vị", problems)
    ok &= unit_ok
    inactive = unit_ok & unit.isin(set(cat.units.loc[~cat.units["active"], "code"]))
    problems.add_where(
        "error",
        rows,
        inactive,
        "unit_code",
        "Đơn vị này đã ngừng hoạt động: không nhận số liệu mới. Liên hệ Sở.",
    )
    ok &= ~inactive
    forbidden = unit_ok & ~per_value(
        unit, lambda u: u is not None and actor.may_report_for(u)
    ).astype(bool)
    if forbidden.any():
        # a unit its column's head names ("Tam Kỳ | Hội An" across) is sent by that column
        headed = _flag(rows, "unit_headed")
        problems.add_where(
            "error",
            rows,
            forbidden,
            "unit_code",
            _each(
                forbidden,
                lambda i: (
                    f"Tài khoản {actor.username} ({_actor_scope(actor)}) "
                    f"không được gửi số liệu của đơn vị {unit[i]}. Xóa "
                    f"{'cột' if headed[i] else 'dòng'} này hoặc để đơn vị {unit[i]} tự gửi."
                ),
            ),
        )
    ok &= ~forbidden

    indicator, indicator_ok = _codes(
        rows, "indicator_code", cat.indicators, "mã chỉ tiêu", problems
    )
    ok &= indicator_ok
    info = looked_up(indicator, cat.indicators.set_index("code")[["frequency", "measure", "kind"]])
    frequency, measure, kind = info["frequency"], info["measure"], info["kind"]
    if "value_to_date" in rows:
        _figures_to_date(rows, indicator, kind, problems, decimal_comma)

    widens = _flag(rows, "period_of_file").to_numpy()
    flow, wide = kind.eq("flow"), table.form == "wide"
    when = _periods(rows, frequency, flow, indicator_ok, wide, widens, today, problems)
    ok &= when["period"].notna()

    value, value_bad = numbers.parse(rows["value"], decimal_comma)
    numerator, num_bad = numbers.parse(rows["numerator"], decimal_comma)
    denominator, den_bad = numbers.parse(rows["denominator"], decimal_comma)
    # A total passed by is not a figure: a broken formula in it refuses nothing. It is only
    # compared with what it totals, once those are checked (`_compare_totals`).
    total = when["total"]
    total_value, total_bad = value.where(total), value_bad & total
    value, numerator, denominator = (s.where(~total) for s in (value, numerator, denominator))
    value_bad, num_bad, den_bad = (bad & ~total for bad in (value_bad, num_bad, den_bad))
    ratio = kind.eq("ratio")
    # 0 of 0 (no case at all this period: no dossier received) has no percent; a formula's
    # value cell then shows #DIV/0!. The line is passed by as a "-" is, not refused.
    # A ratio's parts written in its value cell ("45/50", "90% (45/50)") are its parts.
    in_one = ratio & value_bad & numerator.isna() & denominator.isna() & ~num_bad & ~den_bad
    if in_one.any():
        _parts_in_value(rows, in_one, decimal_comma, value, numerator, denominator, problems)
        in_one &= numerator.notna()
        value_bad &= ~in_one
    # A formula's error in a ratio's value cell ("#N/A" of a broken lookup) beside two good
    # parts: the percent is computed from the parts anyway, so the line is read from them.
    errored = ratio & value_bad & numerator.ge(0) & denominator.gt(0) & numerator.le(denominator)
    if errored.any():
        shown = per_value(rows.loc[errored, "value"], written_text)
        errored[errored] = shown.isin(list(EXCEL_ERRORS))
        problems.add_where(
            "warning",
            rows,
            errored,
            "value",
            _each(errored, lambda i: _from_parts(shown[i], numerator[i], denominator[i])),
        )
        value_bad &= ~errored
    no_case = ratio & numerator.eq(0) & denominator.eq(0)
    if no_case.any():
        shown = per_value(rows.loc[no_case, "value"], written_text)
        no_case[no_case] = shown.isna() | shown.eq("#DIV/0!") | (in_one & value.isna())[no_case]
    problems.add_where(
        "warning",
        rows,
        no_case,
        "denominator",
        "Tử số và mẫu số đều bằng 0 (kỳ này không có trường hợp nào): không có tỷ lệ để ghi, "
        "dòng được bỏ qua.",
    )
    ok &= ~no_case
    value_bad &= ~no_case
    for field, bad in (("value", value_bad), ("numerator", num_bad), ("denominator", den_bad)):
        problems.add_where(
            "error",
            rows,
            bad,
            field,
            _each(bad, lambda i, field=field: _not_a_number(rows.at[i, field])),
        )
        ok &= ~bad

    has_parts = numerator.notna() | denominator.notna()
    stray = indicator_ok & ~ratio & has_parts
    problems.add_where(
        "warning",
        rows,
        stray,
        "numerator",
        "Chỉ tiêu này không phải tỷ lệ: tử số, mẫu số được bỏ qua.",
    )
    numerator = numerator.where(~stray)
    denominator = denominator.where(~stray)

    half = ratio & (numerator.isna() != denominator.isna()) & ~num_bad & ~den_bad
    problems.add_where(
        "error",
        rows,
        half,
        "numerator",
        "Cần ghi cả tử số và mẫu số (hoặc bỏ trống cả hai và chỉ ghi giá trị).",
    )
    ok &= ~half
    zero = ratio & denominator.eq(0) & ~no_case
    problems.add_where(
        "error",
        rows,
        zero,
        "denominator",
        "Mẫu số bằng 0 nên không tính được tỷ lệ. Sửa mẫu số hoặc xóa dòng.",
    )
    ok &= ~zero
    negative_parts = numerator.lt(0) | denominator.lt(0)
    problems.add_where("error", rows, negative_parts, "numerator", "Tử số và mẫu số không được âm.")
    ok &= ~negative_parts
    over = ratio & numerator.gt(denominator) & denominator.gt(0)
    problems.add_where(
        "error",
        rows,
        over,
        "numerator",
        _each(
            over,
            lambda i: (
                f"Tử số ({formatting.number(numerator[i])}) lớn "
                f"hơn mẫu số ({formatting.number(denominator[i])}). Kiểm tra lại "
                "hai ô này."
            ),
        ),
    )
    ok &= ~over
    parts_ok = ratio & numerator.notna() & denominator.gt(0) & ~over & ~negative_parts
    computed = (100 * numerator / denominator).where(parts_ok)
    value = value.where(value.notna() | ~ratio, computed)

    missing = (
        value.isna()
        & ~value_bad
        & ~half
        & ~zero
        & ~no_case
        & ~over
        & ~negative_parts
        & ~num_bad
        & ~den_bad
        & ~total
    )
    # Beside a column of what is reached to date, a flow's line lacks the period's own figure:
    # the year's sum so far is not one month's.
    if "value_to_date" in rows:
        summed = missing & kind.eq("flow") & rows["value_to_date"].notna()
        missing &= ~summed
        problems.add_where(
            "error",
            rows,
            summed,
            "value",
            _each(
                summed,
                lambda i: (
                    "Thiếu số của kỳ: chỉ tiêu này cộng số của từng kỳ nên cần số của "
                    f"riêng kỳ ở cột {rows.at[i, 'value_column']}, không lấy số lũy kế ở cột "
                    f"{rows.at[i, 'value_to_date_column']}. Ghi số của kỳ (0 nếu không có)."
                ),
            ),
        )
        ok &= ~summed
    problems.add_where(
        "error",
        rows,
        missing,
        "value",
        "Thiếu giá trị: ghi giá trị (với chỉ tiêu tỷ lệ có thể ghi tử số và mẫu "
        "số thay cho giá trị).",
    )
    ok &= ~missing
    negative = value.lt(0)
    problems.add_where("error", rows, negative, "value", "Giá trị không được âm.")
    ok &= ~negative
    over_100 = measure.isin(["percent", "score"]) & value.gt(100)
    problems.add_where(
        "error",
        rows,
        over_100,
        "value",
        _each(
            over_100,
            lambda i: (
                f"Giá trị {formatting.trimmed(value[i])} "
                "vượt quá 100: tỷ lệ và điểm ghi từ 0 đến 100."
            ),
        ),
    )
    ok &= ~over_100
    fraction = measure.eq("count") & value.notna() & (value % 1 != 0)
    problems.add_where(
        "error",
        rows,
        fraction,
        "value",
        "Chỉ tiêu đếm phải là số nguyên. Nếu đây là số có dấu phân cách hàng nghìn (1.234), "
        "ghi liền không dấu: 1234.",
    )
    ok &= ~fraction
    disagree = (
        ratio
        & computed.notna()
        & rows["value"].notna()
        & ~value_bad
        & ((value - computed).abs() > RATIO_TOLERANCE)
    )
    as_fraction = (value * 100 - computed).abs() <= RATIO_TOLERANCE

    def mismatch(i) -> str:
        if as_fraction[i]:
            return (
                f"Giá trị phải ghi theo phần trăm: {formatting.number(value[i] * 100, 1)} "
                f"chứ không phải {formatting.number(value[i], 3)}."
            )
        return (
            f"Giá trị {formatting.number(value[i], 2)} không khớp tử số ÷ mẫu số = "
            f"{formatting.number(computed[i], 2)}. Sửa giá trị, tử số hoặc mẫu số."
        )

    problems.add_where("error", rows, disagree, "value", _each(disagree, mismatch))
    # A ratio with both parts is stored as exactly numerator ÷ denominator, so the unit's
    # figure and every sum over units agree, and the same parts re-sent are "unchanged".
    value = value.where(~(ratio & computed.notna()), computed)
    ok &= ~disagree
    typed = value.where(measure.eq("percent") & ok & computed.isna())
    _fractions(rows, indicator, typed, cat, problems, "số liệu")

    staged = pd.DataFrame(
        {
            "source_row": rows["source_row"],
            "unit_code": unit,
            "indicator_code": indicator,
            "period": when["code"],
            "year": when["year"],
            "month": when["month"],
            "value": value,
            "numerator": numerator,
            "denominator": denominator,
            "note": per_value(
                rows["note"], lambda v: None if _missing(v) else str(v).strip() or None
            ),
        }
    )
    _duplicates(staged, rows, ok, problems, table)
    if total.any():
        _compare_totals(
            rows, when, staged["value"].where(ok), (total_value, total_bad), info, problems
        )
    if not table.units_total.empty:
        _compare_units_total(
            table.units_total, rows, staged["value"], ok, kind, decimal_comma, problems
        )
    formula = per_value(
        staged["note"], lambda n: isinstance(n, str) and n.startswith(FORMULA_STARTS)
    ).astype(bool)
    problems.add_where(
        "warning",
        rows,
        formula,
        "note",
        "Ghi chú bắt đầu bằng ký tự công thức (=, +, -, @): được lưu như văn "
        "bản, khi xuất ra bảng tính sẽ thêm dấu ' phía trước.",
    )
    # Each staged figure keeps the line of table.rows it came from: a wide line, or one of
    # periods across, holds several, which a warning about one of them must tell apart.
    return staged.assign(record=rows.index)[ok].reset_index(drop=True)


def _fractions(rows, indicator, typed: pd.Series, cat: Catalogue, problems, what: str) -> None:
    """One warning for each percent that should rise whose every `what` typed in the file (NaN
    elsewhere) lies in (0, 1], at its first: "0,93" for 93 %, as a formula =B5/C5 shows unless
    the cell is formatted as a percent."""
    small = typed.gt(0) & typed.le(1)
    if not small.any():
        return
    over_one = set(pd.unique(indicator[typed.gt(1)]))
    info = cat.indicators.set_index("code")
    for code, figures in typed[small].groupby(indicator[small], sort=False):
        if code in over_one or info.at[code, "direction"] != "up":
            continue
        count = int((indicator[typed.notna()] == code).sum())
        example = figures.iloc[0]
        problems.add_rows(
            "warning",
            rows.loc[[figures.index[0]]],
            "value",
            f"Mọi {what} của chỉ tiêu {code} ({info.at[code, 'name']}) trong tệp đều từ 0 đến 1 "
            f"({formatting.number(count)} {what}): tỷ lệ ghi theo phần trăm, "
            f"{formatting.trimmed(example * 100)} chứ không phải {formatting.trimmed(example)}. "
            "Nếu đúng là dưới 1 %, bỏ qua cảnh báo này.",
        )


def _parts_in_value(rows, where, decimal_comma, value, numerator, denominator, problems):
    """The ratios of `where` whose value cell holds their parts ("45/50", "90% (45/50)") take
    them, in `value`, `numerator` and `denominator`, with one warning listing what was read."""
    found = per_value(rows.loc[where, "value"], lambda c: numbers.parse_ratio(c, decimal_comma))
    found = found.dropna()
    if found.empty:
        return
    for i, (percent, top, bottom) in found.items():
        value[i] = np.nan if percent is None else percent
        numerator[i], denominator[i] = top, bottom
    # What is said of the parts (over, zero) is said of the cell that holds them. A wide
    # table's part columns may be all numbers: as objects they take the cell's text.
    for part in ("numerator", "denominator"):
        for column, source in ((part, "value"), (f"{part}_column", "value_column")):
            rows[column] = rows[column].astype(object)
            rows.loc[found.index, column] = rows.loc[found.index, source]
    first = found.index[0]
    listed = formatting.read_as(
        [
            (
                written_text(rows.at[i, "value"]),
                f"tử số {formatting.trimmed(t)}, mẫu số {formatting.trimmed(b)}",
            )
            for i, (_, t, b) in found.items()
        ],
        "ô",
        separator="; ",
    )
    problems.add(
        "warning",
        f"Tỷ lệ ghi bằng tử số/mẫu số trong một ô: đã đọc {listed}. Ghi tử số, mẫu số vào hai "
        "cột tu_so, mau_so để chắc chắn.",
        row=int(rows.at[first, "source_row"]),
        column=rows.at[first, "value_column"],
    )


# The bound a plan may word its target as, for an indicator of each direction.
_BOUND_OF = {"up": "at_least", "down": "at_most"}


def _bounds(rows, where, direction, decimal_comma, value, problems) -> tuple[pd.Series, pd.Series]:
    """The targets of `where` written as a bound ("≥ 90%", "Dưới 3%") the way their indicator
    goes take its number, in `value`, with one warning listing them; an error on a bound the
    other way ("≥ 5%" for late dossiers). Masks of the cells taken and of those refused."""
    found = per_value(rows.loc[where, "value"], lambda c: numbers.parse_bound(c, decimal_comma))
    found = found.dropna()
    fits = pd.Series(
        [bound == _BOUND_OF.get(direction[i]) for i, (bound, _) in found.items()],
        index=found.index,
        dtype=bool,
    )
    taken_mask = fits.reindex(rows.index, fill_value=False)
    wrong = (~fits).reindex(rows.index, fill_value=False)
    problems.add_where(
        "error",
        rows,
        wrong,
        "value",
        _each(
            wrong,
            lambda i: (
                f"Kế hoạch «{written_text(rows.at[i, 'value'])}» là mức "
                f"{'tối thiểu' if found[i][0] == 'at_least' else 'tối đa'}, nhưng chỉ tiêu này "
                f"{'càng thấp càng tốt' if direction[i] == 'down' else 'càng cao càng tốt'}. "
                "Kiểm tra lại, rồi chỉ ghi con số kế hoạch."
            ),
        ),
    )
    taken = fits[fits].index
    if len(taken):
        value[taken] = [found[i][1] for i in taken]
        first = taken[0]
        listed = formatting.read_as(
            [(written_text(rows.at[i, "value"]), formatting.trimmed(found[i][1])) for i in taken],
            "ô",
        )
        problems.add(
            "warning",
            "Kế hoạch ghi kèm mức (≥, trên, tối thiểu; ≤, dưới, tối đa): đã lấy con số làm kế "
            f"hoạch ({listed}). Đạt con số ấy là đạt kế hoạch.",
            row=int(rows.at[first, "source_row"]),
            column=rows.at[first, "value_column"],
        )
    return taken_mask, wrong


def _actor_scope(actor: Actor) -> str:
    return f"đơn vị {actor.unit_code}" if actor.role == "unit" else f"vai trò {actor.role}"


def _figures_to_date(
    rows: pd.DataFrame, indicator: pd.Series, kind: pd.Series, problems: Problems, comma: bool
) -> None:
    """Where a line has what is reached to date beside its period's figure ("Lũy kế" beside
    "Thực hiện tháng 6"), a stock takes it (not when it is only since January) and so does a
    ratio given without its parts (its share since January is the indicator's), in `rows`, with
    one warning naming those whose two figures differ; flows and scores keep the period's."""
    given = rows["value_to_date"].notna()
    stock = kind.eq("stock") & given & ~_flag(rows, "value_to_date_in_year")
    ratio = kind.eq("ratio") & given
    for part in ("numerator", "denominator"):
        if part in rows:
            ratio &= rows[part].isna()
    taken = stock | ratio
    if not taken.any():
        return
    in_period = numbers.parse(rows.loc[taken, "value"], comma)[0]
    differ = taken.copy()
    differ[taken] = in_period.notna() & in_period.ne(
        numbers.parse(rows.loc[taken, "value_to_date"], comma)[0]
    )
    if differ.any():
        first = rows[differ].iloc[0]
        codes = ", ".join(dict.fromkeys(indicator[differ]))
        which = [
            words
            for words, kinds in (("lũy kế (số cuối kỳ)", stock), ("tỷ lệ (từ đầu năm)", ratio))
            if (kinds & differ).any()
        ]
        problems.add(
            "warning",
            f"Chỉ tiêu {' và chỉ tiêu '.join(which)} lấy số ở cột "
            f"{first['value_to_date_column']}, không lấy số trong kỳ ở cột "
            f"{first['value_column']}: {codes}. Chỉ tiêu khác lấy số của kỳ ở cột "
            f"{first['value_column']}.",
            row=first["source_row"],
            column=first["value_to_date_column"],
        )
    for field in ("value", "value_column"):  # a column of numbers would refuse text
        rows[field] = rows[field].astype(object)
    rows.loc[taken, "value"] = rows.loc[taken, "value_to_date"]
    rows.loc[taken, "value_column"] = rows.loc[taken, "value_to_date_column"]


def _flag(rows: pd.DataFrame, column: str) -> pd.Series:
    """A flag the layout sets on some rows (period_headed, unit_headed, period_of_file): True
    where set, False elsewhere and where no row has it."""
    if column not in rows:
        return pd.Series(False, index=rows.index)
    return rows[column].eq(True)


def _line(headed: bool) -> str:
    """Where a sheet of months has a month: its column when the column's head names it."""
    return "cột" if headed else "dòng"


def _tell_month_first(rows, cells, uniques, parsed, problems: Problems) -> None:
    """The warning that a column's dates were read month first, at the first cell only that
    order reads."""
    code = next(i for i, cell in enumerate(uniques) if periods.dates_month_first([cell]))
    first = int(np.flatnonzero(cells == code)[0])
    problems.add_rows(
        "warning",
        rows.iloc[[first]],
        "period",
        f"Ngày ở cột kỳ báo cáo ghi tháng trước, ngày sau (kiểu Mỹ, như Excel ghi khi máy đặt "
        f"tiếng Anh): «{uniques[code]}» là {parsed[code].in_sentence}. Mọi ngày trong cột được "
        "đọc theo thứ tự ấy (1/6/2022 là tháng 1/2022). Nếu không đúng, ghi kỳ dạng 2022-06.",
    )


def _periods(
    rows, frequency, flow, indicator_ok, wide: bool, widens, today: date, problems: Problems
):
    """Each row's period (a Period, or None where it is refused) with its code, year and end
    month, a month widened to the indicator's quarter, half or year it ends on a wide sheet's
    row or where the file names it for every line (`widens`), a longer period narrowed to the
    one of a level's frequency it ends with, the period as written and whether it is a total
    passed by; errors for missing, unreadable, mismatched and future periods."""
    cells, uniques = pd.factorize(rows["period"], use_na_sentinel=True)
    month_first = periods.dates_month_first(uniques)
    # code -1: an empty cell
    parsed = [periods.of_cell(value, month_first=month_first) for value in uniques] + [None]
    if month_first:
        _tell_month_first(rows, cells, uniques, parsed, problems)
    missing = pd.Series(cells == -1, index=rows.index)
    problems.add_where(
        "error",
        rows,
        missing,
        "period",
        "Thiếu kỳ báo cáo: ghi 2022-06 (tháng), 2022-Q2 (quý), 2022-H1 (6 tháng) hoặc 2022 (năm).",
    )
    unreadable = np.array([p is None for p in parsed])
    bad = ~missing & unreadable[cells]
    problems.add_where(
        "error",
        rows,
        bad,
        "period",
        "Kỳ báo cáo không đọc được: ghi 2022-06 hoặc 06/2022 (tháng), 2022-Q2 "
        "(quý), 2022-H1 (6 tháng) hoặc 2022 (năm).",
    )
    # Decide once per distinct (period cell, indicator frequency, kind): a file has few of
    # them. An unknown indicator has no frequency, so it never shares a decision with a known
    # one.
    wanted_codes, wanted = pd.factorize(frequency, use_na_sentinel=True)
    known = indicator_ok.to_numpy(dtype=bool)
    flows = flow.to_numpy(dtype=bool)
    widening = np.asarray(widens, dtype=bool) | wide
    combined = (((cells + 1) * (len(wanted) + 1) + wanted_codes + 1) * 2 + widening) * 2 + flows
    _, firsts, keys = np.unique(combined, return_index=True, return_inverse=True)
    decided = np.empty(len(firsts), dtype=object)
    narrowed = np.full(len(firsts), None, dtype=object)
    longer = np.zeros(len(firsts), dtype=bool)
    fits = np.empty(len(firsts), dtype=bool)
    late = np.empty(len(firsts), dtype=bool)
    for key, position in enumerate(firsts):
        period = parsed[cells[position]]
        freq = wanted[wanted_codes[position]] if wanted_codes[position] >= 0 else None
        if period is not None and known[position] and period.frequency != freq:
            longer[key] = period.is_longer_than(freq)
            if widening[position]:
                period = _widen(period, freq) or period
            if not flows[position] and period.is_longer_than(freq):
                # A ratio, stock or score is its level at a period's end: a half's figure of a
                # monthly one is June's. A flow's half is six months' sum and is refused below.
                narrowed[key] = period
                period = periods.ending_with(freq, period.year, period.end_month)
        decided[key] = period
        fits[key] = period is None or not known[position] or period.frequency == freq
        late[key] = period is not None and (period.year, period.start_month) > (
            today.year,
            today.month,
        )
    headed = _flag(rows, "period_headed")
    written = np.asarray(parsed, dtype=object)[cells]
    totals = _totals(rows, written, frequency, longer[keys])
    _tell_narrowed(rows, keys, narrowed, decided, ~totals.to_numpy(), problems)
    _tell_totals(rows, totals, written, frequency, problems)
    result = pd.Series(decided[keys], index=rows.index, dtype=object)
    mismatched = pd.Series(~fits[keys], index=rows.index) & ~totals
    if wide and mismatched.any():
        # A month's row (or a month's column) of a sheet with a column per indicator: the
        # period is right for the row's (column's) other cells, the figure is in the wrong one.
        misplaced = mismatched & pd.Series(
            [
                bad and result[i].frequency == "month" and frequency[i] in LAST_MONTHS
                for i, bad in mismatched.items()
            ],
            index=rows.index,
        )
        if misplaced.any():
            problems.add_where(
                "error",
                rows,
                misplaced,
                "indicator_code",
                _each(
                    misplaced,
                    lambda i: (
                        f"Chỉ tiêu này báo cáo theo {periods.FREQUENCY_LABELS[frequency[i]]}: "
                        f"ghi số ở {_line(headed[i])} {LAST_MONTHS[frequency[i]]}, không ở "
                        f"{_line(headed[i])} {result[i].in_sentence}. Để trống ô này ở "
                        f"{_line(headed[i])} đó."
                    ),
                ),
            )
        mismatched &= ~misplaced
    if mismatched.any():

        def hint(i) -> str:
            wanted, period = periods.FREQUENCY_LABELS[frequency[i]], result[i]
            if headed[i]:
                return (
                    f"Ghi số của chỉ tiêu này vào cột {wanted} (đầu cột ví dụ "
                    f"«{HEAD_EXAMPLES[frequency[i]]}»), hoặc để trống ô này."
                )
            if period.is_longer_than(frequency[i]):
                # Only a flow's longer period comes here: a level's is narrowed above.
                each = periods.parts(period, frequency[i])
                return (
                    f"Số phát sinh của cả {period.in_sentence} không chia được cho từng "
                    f"{wanted}: ghi số của từng {wanted}, từ {each[0].code} đến "
                    f"{each[-1].code}, mỗi {wanted} một dòng."
                )
            whole = periods.containing(frequency[i], period.year, period.end_month)
            what = "tổng số của cả" if flow[i] else "số cuối"
            return f"Ghi {what} {whole.in_sentence} với kỳ {whole.code}."

        problems.add_where(
            "error",
            rows,
            mismatched,
            "period",
            _each(
                mismatched,
                lambda i: (
                    f"Chỉ tiêu này báo cáo theo "
                    f"{periods.FREQUENCY_LABELS[frequency[i]]}, còn kỳ «{result[i].code}» là kỳ "
                    f"{periods.FREQUENCY_LABELS[result[i].frequency]}. {hint(i)}"
                ),
            ),
        )
    future = pd.Series(late[keys], index=rows.index)
    problems.add_where(
        "error",
        rows,
        future,
        "period",
        f"Kỳ báo cáo chưa đến (hôm nay là {formatting.date(today)}): kiểm tra lại năm, tháng.",
    )
    # Made once per decision, then spread over its rows: a file has few of them.
    accepted = np.where(fits & ~late, decided, None)
    columns = {
        "period": accepted,
        "code": [p.code if p else None for p in accepted],
        "year": [p.year if p else None for p in accepted],
        "month": [p.end_month if p else None for p in accepted],
    }
    passed = totals.to_numpy()
    for name, values in columns.items():
        columns[name] = np.asarray(values, dtype=object)[keys]
        columns[name][passed] = None
    return pd.DataFrame({**columns, "written": written}, index=rows.index, dtype=object).assign(
        total=totals
    )


def _totals(rows, written, frequency, longer: np.ndarray) -> pd.Series:
    """The figures whose period holds periods the file gives the same unit and indicator ("6
    tháng đầu năm 2022" beside "T5/2022", "T6/2022", in a column, a row or a line) where the
    indicator is reported by the shorter ones: a total of what the file already gives."""
    totals = pd.Series(False, index=rows.index)
    longer = np.flatnonzero(longer)
    if not len(longer):
        return totals
    key = _file_keys(rows)
    given: dict[tuple, set] = {}
    for position, period in enumerate(written):
        if period is not None:
            given.setdefault(key[position], set()).add(period)
    for position in longer:
        period, wanted = written[position], frequency.iloc[position]
        totals.iloc[position] = any(
            period.holds(other) and _takes(other, wanted) for other in given[key[position]]
        )
    return totals


def _file_keys(rows) -> list[tuple]:
    """Each line's (unit, indicator) as the file writes them, which a total and the figures it
    totals share."""
    return list(zip(rows["unit_code"], rows["indicator_code"], strict=True))


def _agrees(a: float, b: float) -> bool:
    """Whether a total and what it totals agree, a float's rounding aside."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def _takes(period: periods.Period, frequency: str) -> bool:
    """Whether an indicator of `frequency` is given a figure by this period: one of its own,
    or a shorter one that ends one of its own (a quarter's last month, on a sheet of months)."""
    return (
        not period.is_longer_than(frequency)
        and periods.ending_with(frequency, period.year, period.end_month) is not None
    )


def _warn_once_each(rows, groups: dict[tuple, list[int]], message, problems: Problems) -> None:
    """One period warning for each group of row positions, at its first row: message(group,
    how many)."""
    for group, where in groups.items():
        problems.add_rows("warning", rows.iloc[[min(where)]], "period", message(group, len(where)))


def _tell_totals(rows, totals: pd.Series, written, frequency, problems: Problems) -> None:
    """One warning for each period passed by as a total, at its first figure."""
    at: dict[tuple, list[int]] = {}
    for position in np.flatnonzero(totals.to_numpy()):
        at.setdefault((written[position], frequency.iloc[position]), []).append(position)

    def message(group, count: int) -> str:
        period, label = group[0], periods.FREQUENCY_LABELS[group[1]]
        return (
            f"Số của {period.in_sentence} là tổng hợp các kỳ tệp đã ghi riêng: được bỏ qua cho "
            f"chỉ tiêu báo cáo theo {label} ({count} số liệu); số của từng {label} được đọc ở "
            "kỳ ấy."
        )

    _warn_once_each(rows, at, message, problems)


def _tell_narrowed(rows, keys, narrowed, decided, read, problems: Problems) -> None:
    """One warning for each longer period read as a level's own period (however its cells
    spell it), at its first row; only rows `read` count."""
    read_as: dict[tuple, list[int]] = {}
    for key in np.flatnonzero(narrowed != None):  # noqa: E711 (elementwise on objects)
        where = np.flatnonzero((keys == key) & read)
        if len(where):
            read_as.setdefault((narrowed[key], decided[key]), []).extend(where)

    def message(group, count: int) -> str:
        written, period = group
        return (
            f"Kỳ «{written.label}» ghi cho chỉ tiêu báo cáo theo "
            f"{periods.FREQUENCY_LABELS[period.frequency]} ({count} số liệu): tỷ lệ, số lũy kế "
            f"và chỉ số lấy số cuối kỳ, nên được ghi là số của {period.in_sentence}. Nếu không "
            "đúng, sửa kỳ báo cáo."
        )

    _warn_once_each(rows, read_as, message, problems)


def _compare_totals(rows, when, value, written_totals, info, problems: Problems) -> None:
    """A warning at each total passed by that is not a number, or that disagrees with what the
    file gives for it: a flow's sum of every period it holds, a stock's figure at its end."""
    total_value, total_bad = written_totals
    key = _file_keys(rows)
    read, figures_read = when["period"].to_numpy(), value.to_numpy(dtype=float)
    given: dict[tuple, dict] = {}
    for i in np.flatnonzero(~np.isnan(figures_read)):
        given.setdefault(key[i], {})[read[i]] = figures_read[i]
    for i in np.flatnonzero(when["total"].to_numpy(dtype=bool)):
        period, own = when["written"].iat[i], given.get(key[i], {})
        frequency, kind = info["frequency"].iat[i], info["kind"].iat[i]
        each = periods.FREQUENCY_LABELS[frequency]
        if total_bad.iat[i]:
            message = (
                f"Ô tổng của {period.in_sentence} không phải là số: được bỏ qua như các ô tổng "
                f"khác; số của từng {each} được đọc."
            )
        elif pd.isna(total_value.iat[i]) or not own:
            continue
        elif kind == "flow":
            held = periods.parts(period, frequency)
            if not all(p in own for p in held):
                continue  # some of its periods are not in the file: nothing to add up
            summed = sum(own[p] for p in held)
            if _agrees(summed, total_value.iat[i]):
                continue
            message = (
                f"Số của {period.in_sentence} ghi {formatting.trimmed(total_value.iat[i])}, còn "
                f"tổng số của từng {each} tệp ghi, từ {held[0].in_sentence} đến "
                f"{held[-1].in_sentence}, là {formatting.trimmed(summed)}. Số của từng {each} "
                "được đọc; kiểm tra lại ô tổng hoặc các ô ấy."
            )
        elif kind == "stock":
            last = periods.ending_with(frequency, period.year, period.end_month)
            if last not in own or _agrees(own[last], total_value.iat[i]):
                continue
            message = (
                f"Số lũy kế của {period.in_sentence} ghi {formatting.trimmed(total_value.iat[i])}"
                f", còn số của {last.in_sentence} tệp ghi là {formatting.trimmed(own[last])}: "
                f"số lũy kế của cả kỳ là số cuối kỳ. Số của {last.in_sentence} được đọc; kiểm "
                "tra lại hai ô này."
            )
        else:
            continue
        problems.add_rows("warning", rows.iloc[[i]], "value", message)


def _compare_units_total(written, rows, value, ok, kind, decimal_comma, problems) -> None:
    """A warning at each cell of a units-across table's total column (Table.units_total) that
    is not a number, or that is not the sum of its line's units: a count's (stock or flow)
    line, all of it passed; a ratio's or a score's total is no sum of its units'."""
    total, bad = numbers.parse(written["value"], decimal_comma)
    lines = pd.DataFrame(
        {"line": rows["source_row"].to_numpy(), "value": value, "ok": ok, "kind": kind}
    ).groupby("line", sort=False)
    summed, passed, kinds = lines["value"].sum(), lines["ok"].all(), lines["kind"].first()
    for i, line in enumerate(written["source_row"]):
        if line not in summed.index:
            continue  # a line passed by (a total, a signature): nothing of it was read
        if bad.iat[i]:
            why = _not_a_number(written["value"].iat[i], "")  # a formula's, an error's
            message = (
                "Ô tổng cộng không phải là số: được bỏ qua như cả cột tổng; số của từng đơn vị "
                "được đọc." + (f" {why}" if why else "")
            )
        else:
            counted = passed[line] and kinds[line] in ("stock", "flow")
            if not counted or pd.isna(total.iat[i]) or _agrees(summed[line], total.iat[i]):
                continue
            message = (
                f"Ô tổng cộng ghi {formatting.trimmed(total.iat[i])}, còn tổng số các đơn vị ghi "
                f"ở dòng này là {formatting.trimmed(summed[line])}. Số của từng đơn vị được đọc; "
                "kiểm tra lại ô tổng hoặc các ô ấy."
            )
        problems.add_rows("warning", written.iloc[[i]], "value", message)


def _widen(period: periods.Period, frequency: str) -> periods.Period | None:
    """The quarter, half or year that ends with this month (wide form rows name a month)."""
    if period.frequency != "month" or frequency == "month":
        return None
    return periods.ending_with(frequency, period.year, period.end_month)


def _duplicates(staged, rows, ok, problems: Problems, table: Table) -> None:
    # Each key as one integer made of its three columns' factor codes (0: empty, so a row
    # lacking a part never equals a whole key): far cheaper to compare than three texts. It is
    # numbered densely again after each column, so that it never outgrows the rows' count.
    combined = np.zeros(len(staged), dtype=np.int64)
    keyed = np.ones(len(staged), dtype=bool)
    for column in ("unit_code", "indicator_code", "period"):
        codes, uniques = pd.factorize(staged[column], use_na_sentinel=True)
        keyed &= codes >= 0
        combined = pd.factorize(combined * (len(uniques) + 1) + codes + 1)[0]
    source_rows = staged["source_row"].to_numpy()
    # A summary sheet's line yields to the units' own sheets' line of the same key.
    summary = table.summary_rows(source_rows)
    order = np.argsort(summary, kind="stable")
    repeated = np.zeros(len(staged), dtype=bool)
    repeated[order] = keyed[order] & pd.Series(combined[order]).duplicated(keep="first").to_numpy()
    if not repeated.any():
        return
    kept = np.flatnonzero(keyed & ~repeated)
    first = dict(zip(combined[kept], kept, strict=True))
    later = np.flatnonzero(repeated)
    # The line's figure as stored: a ratio's value is already its parts' quotient.
    values = staged["value"].to_numpy(dtype=float)
    a, b = values[later], values[[first[key] for key in combined[later]]]
    same = (a == b) | (np.isnan(a) & np.isnan(b))
    echo = summary[later] & same
    for part in np.unique(source_rows[later[echo]] // SHEET_SPAN):
        sheet = table.parts[part]
        count = int((source_rows[later[echo]] // SHEET_SPAN == part).sum())
        problems.add(
            "warning",
            f"Trang tính «{sheet.sheet.name}» là trang tổng hợp: {formatting.number(count)} dòng "
            "của trang này ghi đúng số liệu đã có ở trang của từng đơn vị, được bỏ qua.",
            row=part * SHEET_SPAN + sheet.header_row,
        )
    repeats, differs = later[~echo & ~summary[later]], later[~echo & summary[later]]
    problems.add_rows(
        "error",
        rows.loc[staged.index[repeats]],
        "indicator_code",
        pd.Series(
            [_repeats(table, source_rows[first[key]], "kỳ báo cáo") for key in combined[repeats]],
            index=staged.index[repeats],
        ),
    )
    problems.add_rows(
        "error",
        rows.loc[staged.index[differs]],
        "value",
        pd.Series(
            [
                f"Trang tổng hợp ghi {formatting.trimmed(values[row])}, khác với "
                f"{table.row_words(source_rows[first[key]])} ghi "
                f"{formatting.trimmed(values[first[key]])} (cùng đơn vị, chỉ tiêu và kỳ báo "
                "cáo). Sửa cho khớp, hoặc xóa trang tổng hợp."
                for row, key in zip(differs, combined[differs], strict=True)
            ],
            index=staged.index[differs],
        ),
    )
    ok.loc[staged.index[later]] = False


def _repeats(table: Table, row: int, when: str) -> str:
    """The error of a line repeating `row` of `table`: the same unit, indicator and `when`."""
    return f"Trùng với {table.row_words(row)}: cùng đơn vị, chỉ tiêu và {when}. Giữ một dòng."


def jump_warnings(warned: pd.DataFrame, rows: pd.DataFrame, problems: Problems) -> None:
    """Warn, without blocking, of each figure of `warned` (previous_figures_of_staged.sql with
    JUMP_FACTOR: value, prev_value, prev_period, falls, jumps, as_fraction) at its cell, the
    line `record` of `rows` (table.rows) it came from."""
    if warned.empty:
        return
    falls = warned["falls"].astype(bool)
    for mask, text in (
        (falls, "Số lũy kế giảm so với kỳ trước"),
        (~falls, f"Giá trị thay đổi hơn {JUMP_FACTOR} lần so với kỳ trước"),
    ):
        hit = warned[mask]
        if hit.empty:
            continue
        labels = {p: periods.must_parse(p).short_label for p in hit["prev_period"].unique()}
        # "0,93" for 93 %: a fraction typed where a percent is written, or a cell's "%"
        # format lost; said beside the jump, since 0,93 % may be right (a late-files ratio).
        percent = per_value(hit["value"] * 100, formatting.trimmed)
        fraction = hit["as_fraction"].astype(bool)
        hint = ("Nếu là " + percent + " %, ghi " + percent + ": tỷ lệ ghi theo phần trăm. ").where(
            fraction, ""
        )
        messages = (
            text
            + " ("
            + hit["prev_period"].map(labels)
            + ": "
            + formatting_pair(hit["prev_value"], hit["value"])
            + "). "
            + hint
            + "Không chặn việc gửi; kiểm tra lại nếu không phải số điều chỉnh."
        )
        where = rows.loc[hit["record"].to_numpy()].reset_index(drop=True)
        problems.add_rows("warning", where, "value", messages.reset_index(drop=True))


def formatting_pair(old: pd.Series, new: pd.Series) -> pd.Series:
    """'120 → 110' for each pair, in Vietnamese number format, to two decimals at most: a ratio
    given by its parts is stored as their exact quotient (81,2307692…)."""

    def shown(value):
        return formatting.trimmed(value, 2)

    return per_value(old, shown) + " → " + per_value(new, shown)


def targets(table: Table, cat: Catalogue, problems: Problems, decimal_comma: bool) -> pd.DataFrame:
    """Check every target row ('*' is the province-wide target); return those that passed."""
    rows = table.rows
    if rows.empty:
        problems.add(
            "error", f"Không có dòng kế hoạch nào dưới dòng tiêu đề (dòng {table.header_row})."
        )
        return pd.DataFrame()
    ok = pd.Series(True, index=rows.index)
    units = pd.concat([cat.units[["code", "name"]], PROVINCE_NAMES], ignore_index=True)
    unit, unit_ok = _codes(rows, "unit_code", units, "mã đơn vị", problems)
    indicator, indicator_ok = _codes(
        rows, "indicator_code", cat.indicators, "mã chỉ tiêu", problems
    )
    ok &= unit_ok & indicator_ok
    year, year_bad = numbers.parse(rows["year"], False)
    bad_year = year_bad | year.isna() | (year % 1 != 0) | ~year.between(2000, 2100)
    problems.add_where(
        "error", rows, bad_year, "year", "Năm không hợp lệ: ghi năm bốn chữ số, ví dụ 2022."
    )
    ok &= ~bad_year
    value, value_bad = numbers.parse(rows["value"], decimal_comma)
    wrong_bound = pd.Series(False, index=rows.index)
    if value_bad.any():
        direction = looked_up(indicator, cat.indicators.set_index("code")[["direction"]])
        taken, wrong_bound = _bounds(
            rows, value_bad & indicator_ok, direction["direction"], decimal_comma, value, problems
        )
        value_bad &= ~taken & ~wrong_bound
        ok &= ~wrong_bound
    unread = value_bad | (value.isna() & ~wrong_bound)
    problems.add_where(
        "error",
        rows,
        unread,
        "value",
        _each(
            unread,
            lambda i: _not_a_number(
                rows.at[i, "value"], "Kế hoạch phải là một số, ví dụ 80 hoặc 1.234."
            ),
        ),
    )
    ok &= ~unread
    measure = looked_up(indicator, cat.indicators.set_index("code")[["measure"]])["measure"]
    negative = value.lt(0)
    problems.add_where("error", rows, negative, "value", "Kế hoạch không được âm.")
    over = measure.isin(["percent", "score"]) & value.gt(100)
    problems.add_where(
        "error", rows, over, "value", "Kế hoạch của tỷ lệ hoặc điểm phải từ 0 đến 100."
    )
    ok &= ~negative & ~over
    _fractions(rows, indicator, value.where(measure.eq("percent") & ok), cat, problems, "kế hoạch")
    staged = pd.DataFrame(
        {
            "source_row": rows["source_row"],
            "unit_code": unit,
            "indicator_code": indicator,
            "year": year,
            "value": value,
        }
    )
    key = ["unit_code", "indicator_code", "year"]
    keyed = staged[ok]
    repeated = keyed.duplicated(key, keep="first")
    if repeated.any():
        # each repeat names the line it repeats, as a figure's does
        first = keyed.drop_duplicates(key).set_index(key)["source_row"]
        again = keyed[repeated]
        problems.add_rows(
            "error",
            rows.loc[again.index],
            "indicator_code",
            pd.Series(
                [
                    _repeats(table, row, "năm")
                    for row in first.loc[pd.MultiIndex.from_frame(again[key])]
                ],
                index=again.index,
            ),
        )
        ok.loc[again.index] = False
    staged = staged[ok].copy()
    staged["year"] = staged["year"].astype("int64")
    return staged.reset_index(drop=True)
