"""The rules of an upload's cells, on a small catalogue: here, a unit or indicator written by
its name instead of its code. (Most rules are held end to end in test_ingest.)"""

from datetime import date, datetime

import pandas as pd
import pytest

from dashboard import validation
from dashboard.accounts import LOCAL_OPERATOR
from dashboard.layout import locate
from dashboard.problems import Problems
from dashboard.reader import Sheet


def units(codes: list[str], names: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"code": codes, "name": names, "cluster_code": "C", "active": True})


CATALOGUE = validation.Catalogue(
    units=units(
        ["PHUNINH", "PHUNINH2", "THANGBINH", "HIEPDUC", "HIEPDUC2"],
        ["Phú Ninh", "Phù Ninh", "Thăng Bình", "Hiệp Đức", "Hiệp  đức"],
    ),
    indicators=pd.DataFrame(
        {
            "code": ["CNS_TO", "CNS_PHUCAP"],
            "name": ["Số tổ công nghệ số cộng đồng", "Tỷ lệ thôn có tổ công nghệ số"],
            "short_name": ["Tổ CNS", None],
            "measure": "tổ",
            "kind": "stock",
            "frequency": "month",
        }
    ),
)


def validated(
    rows: list[list], catalogue: validation.Catalogue = CATALOGUE
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The staged figures and the problems of a table of `rows`, its header first, checked in
    September 2022."""
    sheet = Sheet.from_rows("t", rows, list(range(1, len(rows) + 1)))
    table = locate([sheet], list(catalogue.indicators["code"]))
    problems = Problems()
    staged = validation.figures(table, catalogue, LOCAL_OPERATOR, date(2022, 9, 5), problems, False)
    return staged, problems.frame()


def check(
    unit: object, indicator: str = "CNS_TO", catalogue: validation.Catalogue = CATALOGUE
) -> tuple[pd.DataFrame, pd.DataFrame]:
    header = ["Đơn vị", "Chỉ tiêu", "Kỳ báo cáo", "Giá trị"]
    return validated([header, [unit, indicator, "2022-08", 5]], catalogue)


@pytest.mark.parametrize("written", ["Thăng Bình", "THĂNG BÌNH", " thăng  bình "])
def test_a_units_name_stands_for_its_code_with_a_warning(written):
    staged, problems = check(written)
    assert list(staged["unit_code"]) == ["THANGBINH"]
    assert problems[["severity", "row", "column"]].values.tolist() == [["warning", 2, "A (Đơn vị)"]]
    assert f"{written.strip()} → THANGBINH" in problems.iloc[0]["message"]


@pytest.mark.parametrize(
    "written",
    [
        "số tổ công nghệ số cộng đồng",
        "Tổ CNS",
        "tổ  cns",
        # without accents or punctuation, as a column's head may be: indicators' names are
        # long and apart (units' are not: see the refused "Phu Ninh" below)
        "So to cong nghe so cong dong",
        "SO TO CONG NGHE SO, CONG DONG",
        "To CNS",
    ],
)
def test_an_indicators_name_or_short_name_stands_for_its_code(written):
    staged, problems = check("PHUNINH", written)
    assert list(staged["indicator_code"]) == ["CNS_TO"]
    assert "ghi tên thay cho mã chỉ tiêu" in problems.iloc[0]["message"]


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("Phu Ninh", "accents count: Phú Ninh and Phù Ninh are two units"),
        ("Hiệp Đức", "two units bear this name"),
        ("Thăng Bình 2", "not a name of the catalogue"),
    ],
)
def test_a_name_that_is_not_exactly_one_units_is_refused(written, why):
    staged, problems = check(written)
    assert staged.empty, why
    error = problems[problems["severity"] == "error"].iloc[0]
    assert error["message"].startswith(f"Mã đơn vị «{written}» không có trong danh mục."), why


def test_codes_are_read_as_codes_before_any_name():
    staged, problems = check("phuninh")
    assert list(staged["unit_code"]) == ["PHUNINH"] and problems.empty


ZEROED = validation.Catalogue(
    units=units(
        ["00004", "00008", "040", "0040", "26734"], ["Ba Đình", "Ngọc Hà", "Một", "Hai", "Hội An"]
    ),
    indicators=CATALOGUE.indicators,
)


@pytest.mark.parametrize("written", [4, 4.0, "4", "0004"])
def test_a_code_excel_stripped_of_its_leading_zeros_is_read_as_the_catalogues(written):
    staged, problems = check(written, catalogue=ZEROED)
    assert list(staged["unit_code"]) == ["00004"]
    assert problems[["severity", "row", "column"]].values.tolist() == [["warning", 2, "A (Đơn vị)"]]
    message = problems.iloc[0]["message"]
    assert "thiếu số 0 ở đầu" in message and f"{str(written).removesuffix('.0')} → 00004" in message


@pytest.mark.parametrize(
    ("written", "why"),
    [
        (40, "040 and 0040 are both 40: neither is guessed"),
        ("2673", "a code without its zeros is the only one restored, not a code cut short"),
        ("4A", "only a cell of digits alone lost zeros"),
        ("-4", "a sign is not a digit"),
    ],
)
def test_a_number_that_is_not_exactly_one_zeroed_code_is_refused(written, why):
    staged, problems = check(written, catalogue=ZEROED)
    assert staged.empty, why
    error = problems[problems["severity"] == "error"].iloc[0]
    assert error["message"].startswith(f"Mã đơn vị «{written}» không có trong danh mục."), why


def check_named(*lines: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`check` of lines of a table with a column of names beside each column of codes."""
    header = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kỳ báo cáo", "Giá trị"]
    return validated([header, *lines])


def test_a_name_beside_a_code_that_is_another_units_refuses_the_line():
    staged, problems = check_named(
        ["PHUNINH", "Thăng Bình", "CNS_TO", "Tổ CNS", "2022-08", 5],
        ["THANGBINH", "Thăng Bình", "CNS_TO", "Số tổ công nghệ số cộng đồng", "2022-08", 6],
    )
    assert list(staged["unit_code"]) == ["THANGBINH"]
    assert problems[["severity", "row", "column"]].values.tolist() == [
        ["error", 2, "A (Mã đơn vị)"]
    ]
    assert problems.iloc[0]["message"] == (
        "Mã đơn vị PHUNINH là Phú Ninh, nhưng cột B (Tên đơn vị) ghi «Thăng Bình» "
        "(đơn vị THANGBINH). Sửa mã hoặc tên cho khớp."
    )


def test_a_name_beside_a_code_that_is_another_indicators_refuses_the_line():
    staged, problems = check_named(
        ["PHUNINH", "Phú Ninh", "CNS_TO", "Tỷ lệ thôn có tổ công nghệ số", "2022-08", 5]
    )
    assert staged.empty
    message = problems.iloc[0]["message"]
    assert message.startswith("Mã chỉ tiêu CNS_TO là Số tổ công nghệ số cộng đồng, nhưng cột D")
    assert "(chỉ tiêu CNS_PHUCAP)" in message


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("TP. Phú Ninh", "the unit's own name with its level"),
        ("Phu Ninh", "a name the catalogue does not hold is not checked"),
        ("Hiệp Đức", "a name two units share names neither"),
        (None, "no name written"),
    ],
)
def test_a_name_that_names_no_other_unit_passes(name, why):
    staged, problems = check_named(["PHUNINH", name, "CNS_TO", None, "2022-08", 5])
    assert list(staged["unit_code"]) == ["PHUNINH"], why
    assert problems.empty, why


def test_a_name_beside_a_code_read_by_its_name_is_checked_against_what_was_read():
    # a name in the code column is read as a code first, then checked like any code
    staged, problems = check_named(["Thăng Bình", "Phú Ninh", "CNS_TO", None, "2022-08", 5])
    assert staged.empty
    assert "Mã đơn vị THANGBINH là Thăng Bình" in " ".join(problems["message"])


# Ratios going up and down, and a count.
KINDS = validation.Catalogue(
    units=CATALOGUE.units,
    indicators=pd.DataFrame(
        {
            "code": ["VB_KYSO", "TTHC_TREHAN", "CNS_TO", "TT_CHUONGTRINH"],
            "name": [
                "Tỷ lệ văn bản ký số",
                "Tỷ lệ hồ sơ trễ hạn",
                "Số tổ công nghệ số cộng đồng",
                "Số chương trình truyền thông",
            ],
            "short_name": None,
            "measure": ["percent", "percent", "count", "count"],
            "kind": ["ratio", "ratio", "stock", "flow"],
            "direction": ["up", "down", "up", "up"],
            "frequency": "month",
        }
    ),
)


def check_values(*lines: tuple[str, object]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`check` of lines of (indicator, value cell) of Phú Ninh in August 2022."""
    rows = [["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"]]
    rows += [["PHUNINH", indicator, "2022-08", cell] for indicator, cell in lines]
    return validated(rows, KINDS)


@pytest.mark.parametrize("cell", ["45/50", "90% (45/50)", "45/50 (90%)"])
def test_a_ratios_parts_in_its_value_cell_are_its_parts_with_a_warning(cell):
    staged, problems = check_values(("VB_KYSO", cell))
    assert staged[["numerator", "denominator", "value"]].values.tolist() == [[45, 50, 90]]
    assert problems[["severity", "row", "column"]].values.tolist() == [
        ["warning", 2, "D (Giá trị)"]
    ]
    assert f"{cell} → tử số 45, mẫu số 50" in problems.iloc[0]["message"]


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("60/50", "Tử số (60) lớn hơn mẫu số (50)"),
        ("45/0", "Mẫu số bằng 0"),
        ("90% (45/60)", "không khớp tử số ÷ mẫu số"),
    ],
)
def test_wrong_parts_in_the_value_cell_are_refused_at_that_cell(cell, said):
    staged, problems = check_values(("VB_KYSO", cell))
    assert staged.empty
    error = problems[problems["severity"] == "error"].iloc[0]
    assert (error["row"], error["column"], error["value"]) == (2, "D (Giá trị)", cell)
    assert said in error["message"]


def test_zero_of_zero_in_the_value_cell_is_passed_by_as_in_two_cells():
    staged, problems = check_values(("VB_KYSO", "0/0"), ("CNS_TO", "5"))
    assert len(staged) == 1 and problems["severity"].eq("warning").all()
    assert "đều bằng 0" in " ".join(problems["message"])


@pytest.mark.parametrize(
    ("indicator", "cell", "said"),
    [
        ("CNS_TO", "4/5", "chỉ tiêu khác ghi một số"),  # only a ratio has parts
        ("CNS_TO", "12 tổ", "Ô có cả số và chữ: chỉ ghi số (12)"),
        ("VB_KYSO", "85 % đạt", "Ô có cả số và chữ: chỉ ghi số (85)"),
        ("CNS_TO", "+5", "không có dấu + ở đầu"),
        ("VB_KYSO", "45/50/60", "Không phải là số"),
        ("CNS_TO", "1e5", "Không phải là số"),  # a number as some tools export it: no words
    ],
)
def test_what_is_not_a_number_says_what_to_write(indicator, cell, said):
    staged, problems = check_values((indicator, cell))
    assert staged.empty
    assert said in problems.iloc[0]["message"]


def test_a_date_excel_made_of_a_typed_ratio_is_shown_as_a_date_and_said_so():
    staged, problems = check_values(("VB_KYSO", datetime(2026, 10, 9)))
    assert staged.empty
    error = problems.iloc[0]
    assert (error["row"], error["value"]) == (2, "09/10/2026")  # not 2026-10-09 00:00:00
    assert (
        "Ô là ngày 09/10/2026, không phải số: Excel tự đổi một ô gõ như «9/10»"
        in (error["message"])
    )


def check_targets(*lines: tuple[str, str, object]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """validation.targets of lines of (unit, indicator, target cell) for 2023."""
    rows = [["Mã đơn vị", "Mã chỉ tiêu", "Năm", "Kế hoạch"]]
    rows += [[unit, indicator, 2023, cell] for unit, indicator, cell in lines]
    table = locate(
        [Sheet.from_rows("t", rows, list(range(1, len(rows) + 1)))],
        list(KINDS.indicators["code"]),
        targets=True,
    )
    problems = Problems()
    staged = validation.targets(table, KINDS, problems, False)
    return staged, problems.frame()


def test_targets_written_as_bounds_the_way_their_indicator_goes_are_their_numbers():
    staged, problems = check_targets(
        ("PHUNINH", "VB_KYSO", "≥ 90%"),
        ("THANGBINH", "VB_KYSO", "Tối thiểu 80%"),
        ("PHUNINH", "TTHC_TREHAN", "Dưới 3%"),
        ("THANGBINH", "TTHC_TREHAN", 5),
    )
    assert staged["value"].tolist() == [90, 80, 3, 5]
    assert problems[["severity", "row", "column"]].values.tolist() == [
        ["warning", 2, "D (Kế hoạch)"]
    ]
    assert "≥ 90% → 90, Tối thiểu 80% → 80, Dưới 3% → 3" in problems.iloc[0]["message"]


@pytest.mark.parametrize(
    ("indicator", "cell", "said"),
    [
        ("TTHC_TREHAN", "≥ 5%", "là mức tối thiểu, nhưng chỉ tiêu này càng thấp càng tốt"),
        ("VB_KYSO", "Dưới 90%", "là mức tối đa, nhưng chỉ tiêu này càng cao càng tốt"),
    ],
)
def test_a_bound_the_other_way_than_its_indicator_is_refused_once(indicator, cell, said):
    staged, problems = check_targets(("PHUNINH", indicator, cell))
    assert staged.empty
    assert problems[["severity", "row", "value"]].values.tolist() == [["error", 2, cell]]
    assert said in problems.iloc[0]["message"]


def check_to_date(
    *lines: tuple[str, object, object], head: str = "Lũy kế", parts: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`check` of lines of (indicator, the month's cell, the cell of what is reached to date) of
    Phú Ninh's report for August 2022, the latter under `head`; with `parts`, a numerator and
    a denominator column, each line's 45 of 50."""
    header = ["Mã ĐV", "Mã CT", "Thực hiện tháng 8", head] + (["Tử số", "Mẫu số"] if parts else [])
    rows = [["BÁO CÁO THÁNG 8 NĂM 2022"], header]
    rows += [
        ["PHUNINH", indicator, month, to_date] + ([45, 50] if parts else [])
        for indicator, month, to_date in lines
    ]
    return validated(rows, KINDS)


def test_a_stock_and_a_ratio_take_what_is_reached_to_date_and_the_others_their_months_figure():
    staged, problems = check_to_date(
        ("CNS_TO", 5, 120),  # 5 teams formed in August, 120 in all: the stock is 120
        ("TT_CHUONGTRINH", 2, 9),  # 2 programmes in August, 9 in the year: the flow's is 2
        ("VB_KYSO", 91.5, 88),  # the share since January, as a ratio's figure is kept
    )
    assert staged[["indicator_code", "value"]].values.tolist() == [
        ["CNS_TO", 120],
        ["TT_CHUONGTRINH", 2],
        ["VB_KYSO", 88],
    ]
    told = problems[problems["message"].str.startswith("Chỉ tiêu lũy kế")]
    assert told[["severity", "row", "column"]].values.tolist() == [["warning", 3, "D (Lũy kế)"]]
    assert told.iloc[0]["message"] == (
        "Chỉ tiêu lũy kế (số cuối kỳ) và chỉ tiêu tỷ lệ (từ đầu năm) lấy số ở cột D (Lũy kế), "
        "không lấy số trong kỳ ở cột C (Thực hiện tháng 8): CNS_TO, VB_KYSO. Chỉ tiêu khác lấy "
        "số của kỳ ở cột C (Thực hiện tháng 8)."
    )


@pytest.mark.parametrize("head", ["Lũy kế từ đầu năm", "Lũy kế 8 tháng", "Lũy kế năm 2022"])
def test_the_sum_since_january_is_a_ratios_figure_and_not_a_stocks(head):
    staged, problems = check_to_date(
        ("CNS_TO", 120, 20),  # 20 teams formed this year: not the stock, which is 120
        ("VB_KYSO", 91.5, 88),
        ("TT_CHUONGTRINH", 2, 9),
        head=head,
    )
    assert staged[["indicator_code", "value"]].values.tolist() == [
        ["CNS_TO", 120],
        ["VB_KYSO", 88],
        ["TT_CHUONGTRINH", 2],
    ]
    told = problems[problems["message"].str.startswith("Chỉ tiêu ")]
    assert told.iloc[0]["message"].startswith(
        f"Chỉ tiêu tỷ lệ (từ đầu năm) lấy số ở cột D ({head}), không lấy số trong kỳ"
    )
    assert told.iloc[0]["message"].split(": ")[1].startswith("VB_KYSO.")


def test_a_ratio_given_by_its_parts_keeps_the_periods_figure():
    # the parts are the month's: the share to date beside them would disagree with them
    staged, problems = check_to_date(("VB_KYSO", 90, 88), parts=True)
    assert staged[["value", "numerator", "denominator"]].values.tolist() == [[90, 45, 50]]
    assert not problems["message"].str.startswith("Chỉ tiêu").any()


@pytest.mark.parametrize("month", [120, "120", "-", None])
def test_a_stock_whose_months_cell_agrees_or_is_empty_takes_its_figure_to_date_unsaid(month):
    staged, problems = check_to_date(("CNS_TO", month, 120))
    assert staged[["indicator_code", "value"]].values.tolist() == [["CNS_TO", 120]]
    assert not problems["message"].str.startswith("Chỉ tiêu lũy kế").any()


def test_a_stocks_problem_is_told_at_the_cell_it_was_taken_from():
    staged, problems = check_to_date(("CNS_TO", 5, "nhiều"))
    assert staged.empty
    error = problems[problems["severity"] == "error"].iloc[0]
    assert (error["row"], error["column"], error["value"]) == (3, "D (Lũy kế)", "nhiều")


def test_a_stock_without_its_figure_to_date_keeps_its_months():
    staged, problems = check_to_date(("CNS_TO", 118, None))
    assert staged[["indicator_code", "value"]].values.tolist() == [["CNS_TO", 118]]
    assert not problems["message"].str.startswith("Chỉ tiêu lũy kế").any()


def test_a_flow_with_only_its_sum_to_date_is_refused_asking_for_the_periods_figure():
    staged, problems = check_to_date(("TT_CHUONGTRINH", None, 9))
    assert staged.empty
    assert problems[["severity", "row", "column"]].values.tolist() == [
        ["error", 3, "C (Thực hiện tháng 8)"]
    ]
    assert problems.iloc[0]["message"] == (
        "Thiếu số của kỳ: chỉ tiêu này cộng số của từng kỳ nên cần số của riêng kỳ ở cột C "
        "(Thực hiện tháng 8), không lấy số lũy kế ở cột D (Lũy kế). Ghi số của kỳ (0 nếu không "
        "có)."
    )


HEADER = ["Mã đơn vị", "Chỉ tiêu", "Kỳ báo cáo", "Giá trị"]
UNITS = ["PHUNINH", "THANGBINH", "HIEPDUC"]


def test_dates_an_english_excel_wrote_month_first_are_all_read_so_with_one_warning():
    staged, problems = validated(
        [HEADER, ["PHUNINH", "CNS_TO", "6/1/2022", 5], ["PHUNINH", "CNS_TO", "7/31/2022", 6]]
    )
    assert list(staged["period"]) == ["2022-06", "2022-07"]  # not January for 6/1/2022
    assert problems[["severity", "row", "column", "value"]].values.tolist() == [
        ["warning", 3, "C (Kỳ báo cáo)", "7/31/2022"]
    ]
    assert "«7/31/2022» là tháng 7/2022" in problems.iloc[0]["message"]


@pytest.mark.parametrize(
    "cells, read",
    [
        # no cell reads only month first: day first, as Vietnamese writes
        (["6/1/2022", "1/7/2022"], ["2022-01", "2022-07"]),
        # both orders in one column: each cell as it alone reads, nothing told
        (["31/7/2022", "7/31/2022", "6/1/2022"], ["2022-07", "2022-07", "2022-01"]),
    ],
)
def test_dates_are_read_day_first_unless_the_column_says_month_first(cells, read):
    lines = [[unit, "CNS_TO", cell, 5] for unit, cell in zip(UNITS, cells, strict=False)]
    staged, problems = validated([HEADER, *lines])
    assert list(staged["period"]) == read
    assert problems.empty


PARTS_HEADER = ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Tử số", "Mẫu số"]


@pytest.mark.parametrize("error", ["#N/A", "#VALUE!", "#REF!"])
def test_a_formulas_error_in_a_ratios_value_beside_good_parts_is_read_from_the_parts(error):
    staged, problems = validated(
        [PARTS_HEADER, ["PHUNINH", "VB_KYSO", "2022-08", error, 45, 50]], KINDS
    )
    assert staged[["numerator", "denominator", "value"]].values.tolist() == [[45, 50, 90]]
    assert problems[["severity", "row", "column", "value"]].values.tolist() == [
        ["warning", 2, "D (Giá trị)", error]
    ]
    assert "tỷ lệ được tính từ tử số 45 và mẫu số 50 cùng dòng" in problems.iloc[0]["message"]


@pytest.mark.parametrize(
    ("indicator", "numerator", "denominator", "said"),
    [
        ("VB_KYSO", 60, 50, "lớn hơn mẫu số"),
        ("VB_KYSO", 5, 0, "Mẫu số bằng 0"),
        ("VB_KYSO", None, 50, "Ô báo lỗi công thức #N/A"),
        ("CNS_TO", 45, 50, "Ô báo lỗi công thức #N/A"),  # not a ratio: its value is its figure
    ],
)
def test_a_formulas_error_beside_parts_that_make_no_ratio_is_refused(
    indicator, numerator, denominator, said
):
    staged, problems = validated(
        [PARTS_HEADER, ["PHUNINH", indicator, "2022-08", "#N/A", numerator, denominator]], KINDS
    )
    assert staged.empty
    errors = problems[problems["severity"] == "error"]
    assert said in " ".join(errors["message"])
    assert "tỷ lệ được tính" not in " ".join(problems["message"])
