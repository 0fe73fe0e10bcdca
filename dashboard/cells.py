"""Per-cell rules applied to whole columns: each rule runs once per distinct value, since an
upload of 100,000 rows holds a few dozen units, indicators and periods."""

from collections.abc import Callable

import numpy as np
import pandas as pd


def text(cell: object) -> str | None:
    """A cell as its writer wrote it, trimmed: 8.0 from a spreadsheet is "8"; empty is None."""
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip() or None


def per_value(values: pd.Series, rule: Callable[[object], object]) -> pd.Series:
    """rule(cell) for every cell, computed once per distinct value (empty cells: rule(None))."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        results[i] = rule(value)
    results[-1] = rule(None)  # code -1: an empty cell
    return pd.Series(results[codes], index=values.index, dtype=object)


def looked_up(values: pd.Series, table: pd.DataFrame) -> pd.DataFrame:
    """The row of `table` (indexed by value) for every cell, None where the value is empty or
    not in it; each distinct value looked up once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    found = table.reindex(uniques)
    columns = {}
    for name in table.columns:
        # The last place answers code -1 (an empty cell); absent values come back as NaN.
        column = np.append(found[name].to_numpy(dtype=object), None)
        column[pd.isna(column)] = None
        columns[name] = column[codes]
    return pd.DataFrame(columns, index=values.index, dtype=object)
