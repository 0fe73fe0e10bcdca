"""Per-cell rules applied to whole columns: each rule runs once per distinct value, since an
upload of 100,000 rows holds a few dozen units, indicators and periods."""

from collections.abc import Callable

import numpy as np
import pandas as pd


def per_value(values: pd.Series, rule: Callable[[object], object]) -> pd.Series:
    """rule(cell) for every cell, computed once per distinct value (empty cells: rule(None))."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        results[i] = rule(value)
    results[-1] = rule(None)  # code -1: an empty cell
    return pd.Series(results[codes], index=values.index, dtype=object)
