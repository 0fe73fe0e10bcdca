"""Tables people read: the unit × indicator progress matrix."""

import pandas as pd

from dashboard import formatting


def progress_matrix(
    unit_progress: pd.DataFrame, units: pd.DataFrame, indicators: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Units as rows and indicators as columns, in catalogue order: the achievement of each cell
    as Vietnamese text, and beside it the frame of status codes that colours it."""
    unit_names = units.set_index("code")["name"]
    columns = indicators.set_index("code")["short_name"]
    rows = unit_progress.copy()
    rows["text"] = rows["achievement_pct"].map(formatting.percent)
    text = rows.pivot(index="scope_code", columns="indicator_code", values="text")
    status = rows.pivot(index="scope_code", columns="indicator_code", values="status")
    order = [code for code in units["code"] if code in text.index]
    cols = [code for code in indicators["code"] if code in text.columns]
    text = text.loc[order, cols]
    status = status.loc[order, cols]
    for frame in (text, status):
        frame.index = [unit_names[code] for code in order]
        frame.index.name = "Đơn vị"
        frame.columns = [columns[code] for code in cols]
    return text, status
