"""Problems of an upload as people read them."""

import numpy as np
import pandas as pd

from dashboard.problems import Problems, for_people


def test_a_problems_cell_is_shown_as_written_a_number_as_vietnamese_writes_it():
    rows = pd.DataFrame(
        {
            "source_row": [2, 3, 4, 5, 6],
            # a workbook's 61 comes as 61.0, which reads as 610 in Vietnamese
            "value": [61.0, 82.5, np.int64(1234), "1.234,5", None],
            "value_column": "C (Giá trị)",
        }
    )
    problems = Problems()
    problems.add_rows("error", rows, "value", "Sai")
    shown = for_people(problems.frame())
    assert shown["Giá trị"].tolist() == ["61", "82,5", "1.234", "1.234,5", ""]
    assert shown.columns.tolist() == ["Mức độ", "Dòng", "Cột", "Giá trị", "Cách sửa"]


def test_the_same_problem_at_the_same_cell_is_said_once():
    # a line of figures across several columns shares its unit's cell
    rows = pd.DataFrame(
        {
            "source_row": [2, 2, 2, 3],
            "unit_code": ["HOIANN", "HOIANN", "HOIANN", "HOIANN"],
            "unit_code_column": "A (Mã đơn vị)",
        }
    )
    problems = Problems()
    problems.add_rows("error", rows, "unit_code", "Mã đơn vị «HOIANN» không có trong danh mục.")
    problems.add("warning", "Tệp không có cột kỳ báo cáo.", row=1)
    problems.add("warning", "Tệp không có cột kỳ báo cáo.", row=1)
    assert problems.frame()[["severity", "row"]].values.tolist() == [
        ["error", 2],
        ["error", 3],
        ["warning", 1],
    ]
