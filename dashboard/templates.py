"""Templates a unit fills in: the wide form (one row per month, one column per indicator, tử số
and mẫu số for ratios), prefilled with what it already sent, as XLSX or CSV."""

import io
from datetime import date

import duckdb
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from dashboard import catalog, export, periods, sql

MEASURE_LABELS = {"percent": "tỷ lệ %", "count": "số lượng", "score": "điểm (0–100)"}
HEADER_ROW = 4
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
NOT_DUE_FILL = PatternFill("solid", fgColor="D9D9D9")  # a month that takes no figure of it


class UnknownUnit(ValueError):
    """The unit code is not in the catalogue."""


def next_month(cur: duckdb.DuckDBPyConnection, today: date) -> periods.Period:
    """The month a unit most likely fills in next: the one after the newest figure, but not
    after this month; with no figures, last month."""
    this_month = periods.Period(today.year, "month", today.month)
    row = sql.run(cur, "latest_figure_month").fetchone()
    if row is None:
        return this_month.previous()
    year, month = int(row[0]), int(row[1])
    after = periods.Period(year + month // 12, "month", month % 12 + 1)
    return min(after, this_month, key=lambda p: (p.year, p.index))


def _columns(indicators: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """(header code, indicator code, part, Vietnamese label) of each indicator column."""
    columns = []
    for row in indicators.itertuples():
        if row.kind == "ratio":
            columns.append(
                (f"{row.code}_TU_SO", row.code, "numerator", f"{row.short_name} (tử số)")
            )
            columns.append(
                (f"{row.code}_MAU_SO", row.code, "denominator", f"{row.short_name} (mẫu số)")
            )
        else:
            columns.append((row.code, row.code, "value", row.short_name))
    return columns


def frame(cur: duckdb.DuckDBPyConnection, unit: str, period: periods.Period) -> pd.DataFrame:
    """The wide table for `unit` over the months of `period`, with the current figures in it."""
    units = catalog.units(cur)
    if unit not in set(units["code"]):
        raise UnknownUnit(f"Mã đơn vị «{unit}» không có trong danh mục.")
    indicators = catalog.indicators(cur)
    months = periods.periods_in_year("month", period.year, period.end_month)
    months = [m for m in months if m.end_month >= period.start_month]
    current = sql.frame(
        cur,
        "unit_current_figures",
        unit=unit,
        year=period.year,
        first_month=period.start_month,
        last_month=period.end_month,
    )
    filled = {(r.indicator_code, int(r.month)): r for r in current.itertuples()}
    frequency = indicators.set_index("code")["frequency"]
    rows = []
    for month in months:
        row = {"ma_don_vi": unit, "ky_bao_cao": month.code}
        notes = []
        for header, code, part, _ in _columns(indicators):
            figure = filled.get((code, month.end_month))
            fits = (
                figure is not None
                and periods.must_parse(figure.period).frequency == frequency[code]
            )
            row[header] = getattr(figure, part) if fits else None
            if fits and isinstance(figure.note, str) and figure.note not in notes:
                notes.append(figure.note)
        row["ghi_chu"] = "; ".join(notes) or None
        rows.append(row)
    return pd.DataFrame(rows)


def csv_bytes(cur: duckdb.DuckDBPyConnection, unit: str, period: periods.Period) -> bytes:
    """The template as CSV (UTF-8 with BOM, ',' between cells)."""
    table = frame(cur, unit, period)
    out = table.copy()
    for column in out.columns[2:-1]:
        out[column] = out[column].map(export.plain_number)
    out["ghi_chu"] = out["ghi_chu"].map(export.neutralise)
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def xlsx_bytes(cur: duckdb.DuckDBPyConnection, unit: str, period: periods.Period) -> bytes:
    """The template as an Excel workbook: the form, and a sheet of indicators and targets."""
    table = frame(cur, unit, period)
    indicators = catalog.indicators(cur)
    unit_name = catalog.units(cur).set_index("code").loc[unit, "name"]
    columns = _columns(indicators)
    book = Workbook()
    sheet = book.active
    sheet.title = "Bao_cao"
    sheet["A1"] = f"BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ — {unit_name} — {period.label}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Điền số liệu vào các ô trống (chỉ tiêu tỷ lệ: ghi tử số và mẫu số; chỉ tiêu "
        "theo quý ghi ở dòng tháng cuối quý; ô tô xám: tháng đó không báo cáo chỉ tiêu này). "
        "Không sửa dòng mã cột (dòng 4). Danh sách chỉ tiêu và kế hoạch ở trang Chi_tieu."
    )
    sheet["A2"].font = Font(italic=True)
    labels = ["", ""] + [label for *_, label in columns] + ["Ghi chú"]
    for index, (label, header) in enumerate(zip(labels, table.columns, strict=True), start=1):
        top = sheet.cell(row=HEADER_ROW - 1, column=index, value=label or None)
        top.alignment = Alignment(wrap_text=True, vertical="top")
        cell = sheet.cell(row=HEADER_ROW, column=index, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[cell.column_letter].width = max(12, min(24, len(header) + 2))
    sheet.row_dimensions[HEADER_ROW - 1].height = 45
    frequency = indicators.set_index("code")["frequency"]
    for r, record in enumerate(table.itertuples(index=False), start=HEADER_ROW + 1):
        for c, value in enumerate(record, start=1):
            if value is not None and not (isinstance(value, float) and pd.isna(value)):
                sheet.cell(row=r, column=c, value=export.neutralise(value))
        month = periods.must_parse(record[1])
        for c, (_, code, *_) in enumerate(columns, start=3):
            if periods.ending_with(frequency[code], month.year, month.end_month) is None:
                sheet.cell(row=r, column=c).fill = NOT_DUE_FILL
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)

    info = book.create_sheet("Chi_tieu")
    targets = sql.frame(cur, "unit_targets", unit=unit, year=period.year).set_index(
        "indicator_code"
    )["target"]
    heads = [
        "ma_chi_tieu",
        "ten_chi_tieu",
        "nhom",
        "don_vi_do",
        "tan_suat",
        f"ke_hoach_{period.year}",
    ]
    info.append(heads)
    for cell in info[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for row in indicators.itertuples():
        target = targets.get(row.code)
        info.append(
            [
                row.code,
                row.name,
                row.group_name,
                MEASURE_LABELS.get(row.measure),
                periods.FREQUENCY_LABELS[row.frequency],
                None if target is None or pd.isna(target) else float(target),
            ]
        )
    for letter, width in zip("ABCDEF", (18, 60, 26, 14, 10, 14), strict=True):
        info.column_dimensions[letter].width = width
    info.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
