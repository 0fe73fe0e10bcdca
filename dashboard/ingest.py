"""Uploads of figures and targets: read, locate, validate, preview, and commit as one batch."""

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from dashboard import (
    batches,
    catalog,
    config,
    formatting,
    layout,
    legacy_text,
    reader,
    sql,
    validation,
)
from dashboard.accounts import Actor
from dashboard.problems import Problems


@dataclass
class Upload:
    """What an upload was found to hold, and what became of it."""

    file_name: str
    sha256: str
    kind: str  # figures | targets
    problems: pd.DataFrame
    changes: pd.DataFrame = field(default_factory=pd.DataFrame)
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # staged, ready to commit
    form: str | None = None
    details: dict = field(default_factory=dict)
    duplicate_of: dict | None = None
    sheets: list[str] = field(default_factory=list)  # when read from several sheets as one
    batch: batches.BatchResult | None = None

    @property
    def ok(self) -> bool:
        """Whether nothing blocks the upload."""
        return not (self.problems["severity"] == "error").any()

    @property
    def errors(self) -> pd.DataFrame:
        """The blocking problems."""
        return self.problems[self.problems["severity"] == "error"]

    def count(self, change: str) -> int:
        """How many rows are new, changed or same."""
        if self.changes.empty:
            return 0
        return int((self.changes["change"] == change).sum())


# Why a sheet with a table was passed by (layout.Table.passed_sheets), and what to do if it
# held figures to send.
PASSED_SHEETS = {
    "summary": "là trang tổng hợp, không có cột mã đơn vị: được bỏ qua, chỉ đọc các trang của "
    "từng đơn vị (bảng điều khiển tự cộng). Nếu trang này có số liệu cần gửi, gửi nó thành một "
    "tệp riêng.",
    "hidden": "đang ẩn: được bỏ qua, chỉ đọc các trang đang hiện. Nếu số liệu cần gửi nằm ở "
    "trang đó, bỏ ẩn trang (Unhide) hoặc gửi nó thành một tệp riêng.",
}


def _catalogue(cur: duckdb.DuckDBPyConnection) -> validation.Catalogue:
    return validation.Catalogue(units=catalog.units(cur), indicators=catalog.indicators(cur))


def check(
    cur: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    actor: Actor,
    *,
    targets: bool = False,
    today: date | None = None,
    limits: reader.Limits | None = None,
    preview: bool = True,
) -> Upload:
    """Validate an upload and (with `preview`) mark each row new, changed or same, writing
    nothing."""
    upload, problems, jumps = _checked(cur, data, file_name, actor, targets, today, limits)
    if jumps is not None:
        jumps(cur)
    _tell(upload, problems)
    if preview and not upload.rows.empty:
        changes = batches.classify(cur, batches.KINDS[upload.kind], upload.rows)
        upload.changes = layout.placed(changes, "source_row", upload.sheets)
        earlier = sql.run(
            cur, "batch_with_sha256", sha256=upload.sha256, kind=upload.kind
        ).fetchone()
        if earlier is not None:
            upload.duplicate_of = dict(
                zip(("id", "seq", "created_at", "file_name"), earlier, strict=True)
            )
    return upload


def _checked(cur, data, file_name, actor, targets, today, limits):
    """The upload validated but for its jump warnings, its problems so far, and the check that
    adds those warnings given a cursor (None: no figures to compare)."""
    today = today or config.today()
    limits = limits or reader.Limits.from_env()
    log = batches.TARGETS if targets else batches.FIGURES
    upload = Upload(file_name, hashlib.sha256(data).hexdigest(), log.name, pd.DataFrame())
    problems = Problems()
    staged, table = _validated(
        cur, data, file_name, actor, targets, today, limits, problems, upload
    )
    if staged is None or staged.empty:
        return upload, problems, None
    if not problems.has_errors:
        upload.rows = batches.stage(log, staged)
    if targets:
        return upload, problems, None
    return upload, problems, lambda on: _warn_of_jumps(on, staged, table, problems)


def _validated(cur, data, file_name, actor, targets, today, limits, problems, upload):
    if not actor.can_write:
        problems.add("error", f"Tài khoản {actor.username} chỉ được xem, không được gửi số liệu.")
        return None, None
    if targets and actor.role != "admin":
        problems.add("error", "Chỉ tài khoản của Sở (quản trị) được giao kế hoạch.")
        return None, None
    cat = _catalogue(cur)
    units = cat.units
    if targets:  # a plan's title may name the whole province ("KẾ HOẠCH … TOÀN TỈNH"): '*'
        units = pd.concat([units, validation.PROVINCE_NAMES], ignore_index=True)
    try:
        sheets = reader.read(data, file_name, limits)
        table = layout.locate(
            sheets,
            list(cat.indicators["code"]),
            targets=targets,
            units=units,
            own_unit=actor.unit_code if actor.role == "unit" else None,
            indicator_names=_indicator_names(cat.indicators),
        )
    except reader.FileRejected as exc:
        problems.add("error", str(exc))
        return None, None
    upload.form = table.form
    upload.details = {
        **table.sheet.details,
        "sheet": ", ".join(table.sheet_names) or table.sheet.name,
        "header_row": table.header_row,
    }
    if len(table.rows) > limits.max_rows:
        problems.add(
            "error",
            f"Tệp có {formatting.number(len(table.rows))} dòng số liệu, vượt giới hạn "
            f"{formatting.number(limits.max_rows)} dòng. Chia thành nhiều tệp.",
        )
        return None, None
    upload.sheets = table.sheet_names
    _tell_what_was_passed_by(table, cat, actor, targets, problems)
    decimal_comma = table.sheet.decimal_comma
    if targets:
        return validation.targets(table, cat, problems, decimal_comma), table
    return validation.figures(table, cat, actor, today, problems, decimal_comma), table


def _indicator_names(indicators: pd.DataFrame) -> list[tuple[str, str]]:
    """(name, code) for each indicator's full and short name, as a column may be headed."""
    return [
        (name, code)
        for column in ("name", "short_name")
        for name, code in zip(indicators[column], indicators["code"], strict=True)
        if isinstance(name, str)
    ]


def _tell(upload: Upload, problems: Problems) -> None:
    """The upload's problems as people read them: each at its own sheet's row."""
    upload.problems = layout.placed(problems.frame(), "row", upload.sheets)


def _tell_what_was_passed_by(table, cat, actor, targets: bool, problems: Problems) -> None:
    """A warning for each thing the layout took from a title, or skipped, on each sheet read."""
    # A workbook read sheet by sheet: each sheet's own title and lines are told of on its sheet.
    whole = "Trang tính" if table.parts else "Tệp"
    names = cat.units.set_index("code")["name"]

    def unit(code: str) -> str:
        return f"{names.get(code, 'toàn tỉnh' if code == '*' else code)} ({code})"

    for name, why in table.passed_sheets.items():
        problems.add("warning", f"Trang tính «{name}» {PASSED_SHEETS[why]}")
    for index, part in enumerate(table.parts or [table]):
        shift = index * layout.SHEET_SPAN
        if part.sheet.legacy_font:
            font = part.sheet.legacy_font
            encoding = legacy_text.encoding_of_font(font)
            problems.add(
                "warning",
                f"{whole} có chữ gõ bằng phông {font} (bảng mã {encoding} cũ): đã đọc thành chữ "
                "Unicode, như phông ấy hiển thị. Khi sửa tệp, nên chuyển sang Unicode (Unikey: "
                f"Công cụ chuyển mã, từ {legacy_text.CONVERTER_NAMES[encoding]} sang Unicode).",
                row=shift + part.header_row,
            )
        for number in part.totals_rows:
            problems.add(
                "warning",
                f"Dòng {number} là dòng tổng cộng, không phải số liệu của một đơn vị: được bỏ qua "
                "(bảng điều khiển tự cộng từ số liệu các đơn vị).",
                row=shift + number,
            )
        if part.title_period is not None:
            period, number = part.title_period
            said = period.in_sentence
            where = f"dòng {number}"
            if part.period_by_name:
                named = layout.sheet_name_words(part.sheet)
                where = named if number is None else f"{named} và {where}"
            problems.add(
                "warning",
                f"{whole} không có cột năm: mọi kế hoạch được giao cho {said}, năm ghi ở "
                f"{where}. Nếu không đúng, thêm cột nam."
                if targets
                else f"{whole} không có cột kỳ báo cáo: mọi số liệu được tính cho {said}, kỳ ghi "
                f"ở {where}. Nếu không đúng, thêm cột ky_bao_cao.",
                row=shift + (part.header_row if number is None else number),
            )
        if part.name_period_unheeded is not None:
            period, number = part.title_period
            said = (f"ghi {part.name_period_unheeded.in_sentence}", period.in_sentence)
            column = "nam" if targets else "ky_bao_cao"
            problems.add(
                "warning", _name_unheeded(part, *said, number, targets, column), row=shift + number
            )
        if part.title_year is not None:
            year, number = part.title_year
            where = layout.sheet_name_words(part.sheet) if number is None else f"dòng {number}"
            problems.add(
                "warning",
                f"{whole} không có cột năm: mọi số liệu được tính vào năm {year}, năm ghi ở "
                f"{where}; tháng (quý) theo từng dòng. Nếu không đúng, thêm cột nam.",
                row=shift + (part.header_row if number is None else number),
            )
        if part.one_unit is not None:
            code, number = part.one_unit
            # the account's own unit is told at the header that lacks the column
            where = shift + (part.header_row if number is None else number)
            problems.add(
                "warning",
                f"{whole} không có cột mã đơn vị: mọi "
                f"{'kế hoạch được giao' if targets else 'số liệu được ghi'} cho {unit(code)}, "
                + (
                    f"theo {layout.sheet_name_words(part.sheet)}. Nếu không đúng, thêm cột "
                    "ma_don_vi."
                    if part.unit_by_name
                    else f"đơn vị của tài khoản {actor.username}."
                    if number is None
                    else f"tên ghi ở dòng {number}. Nếu không đúng, thêm cột ma_don_vi."
                ),
                row=where,
            )
        if part.name_unit_unheeded is not None:
            code, number = part.one_unit
            said = (f"là đơn vị {unit(part.name_unit_unheeded)}", unit(code))
            message = _name_unheeded(part, *said, number, targets, "ma_don_vi")
            problems.add("warning", message, row=shift + number)
        for number in part.text_rows:
            problems.add(
                "warning",
                f"Dòng {number} lặp lại dòng tiêu đề (dòng {part.header_row}), như khi ghép "
                "nhiều tệp làm một: được bỏ qua."
                if number in part.header_repeats
                else f"Dòng {number} chỉ có chữ (không có {layout.TEXT_ROW_LACKS[part.form]} hay "
                "số nào), như tên một mục hay dòng ký tên cuối báo cáo: được bỏ qua.",
                row=shift + number,
            )
        for number, mark in part.no_figure_rows:
            what = "kế hoạch" if targets else "số liệu"
            problems.add(
                "warning",
                f"Dòng {number} ghi «{mark}» thay cho {what}: không có gì để ghi, được bỏ "
                f"qua. Nếu {what} là 0, ghi 0.",
                row=shift + number,
            )
        if part.indicators_by_name:
            read = ", ".join(f"{label} → {code}" for label, code in part.indicators_by_name)
            problems.add(
                "warning",
                f"Cột chỉ tiêu ghi tên thay cho mã: đã nhận theo tên trong danh mục ({read}). "
                "Ghi mã để chắc chắn không nhầm.",
                row=shift + part.header_row,
            )
        if part.periods_across:
            read = "; ".join(
                f"{label} → {period.in_sentence}" for label, period in part.periods_across
            )
            what = ("năm", "kế hoạch") if targets else ("kỳ", "số liệu")
            problems.add(
                "warning",
                f"Các cột ghi {what[0]} ở đầu cột ({read}): mỗi ô là {what[1]} của {what[0]} "
                "ghi ở đầu cột ấy.",
                row=shift + part.header_row,
            )
        if part.units_across:
            listed = formatting.read_as(part.units_across, "cột", "; ")
            what = "kế hoạch" if targets else "số liệu"
            total = part.units_total_column
            problems.add(
                "warning",
                f"Các cột ghi đơn vị ở đầu cột ({listed}): mỗi ô là {what} của đơn vị ghi ở đầu "
                "cột ấy."
                + (
                    f" Cột {total} không được ghi (bảng điều khiển tự cộng), chỉ dùng để đối "
                    "chiếu với tổng các đơn vị."
                    if total
                    else ""
                ),
                row=shift + part.header_row,
            )
        if part.one_indicator is not None:
            code, number = part.one_indicator
            name = cat.indicators.set_index("code")["name"].get(code)
            where = layout.sheet_name_words(part.sheet) if number is None else f"dòng {number}"
            problems.add(
                "warning",
                f"{whole} không có cột mã chỉ tiêu: mọi "
                f"{'kế hoạch được giao' if targets else 'số liệu được ghi'} cho chỉ tiêu {name} "
                f"({code}), theo {where}. Nếu không đúng, thêm cột ma_chi_tieu.",
                row=shift + (part.header_row if number is None else number),
            )
        if part.ignored_columns:
            problems.add(
                "warning",
                "Các cột không dùng đến, được bỏ qua: " + ", ".join(part.ignored_columns) + ".",
                row=shift + part.header_row,
            )


def _name_unheeded(part, named: str, titled: str, number: int, targets: bool, column: str) -> str:
    """The warning that a sheet's name says one thing (`named`) and its title row another."""
    return (
        f"Tên trang tính «{part.sheet.name}» {named}, khác với dòng {number} ghi {titled}: "
        f"{'kế hoạch được giao' if targets else 'số liệu được ghi'} theo dòng {number}. Nếu "
        f"không đúng, sửa dòng đó hoặc thêm cột {column}."
    )


def _warn_of_jumps(cur, staged, table, problems) -> None:
    cur.register("staged_figures", staged)
    try:
        warned = sql.frame(cur, "previous_figures_of_staged", jump_factor=validation.JUMP_FACTOR)
    finally:
        cur.unregister("staged_figures")
    # A staged figure is one of a line's unit, indicator and period: each warned of is found
    # by them at the cell it came from (a line of a table with units across holds several).
    key = ["source_row", "unit_code", "indicator_code", "period"]
    lines = staged[[*key, "record"]].drop_duplicates(key)  # a repeat is refused already
    # told left to right along a line, as its cells are read
    warned = warned.merge(lines, on=key, how="left").sort_values("record", kind="stable")
    validation.jump_warnings(warned, table.rows, problems)


def submit(
    store,
    data: bytes,
    file_name: str,
    actor: Actor,
    *,
    targets: bool = False,
    today: date | None = None,
    limits: reader.Limits | None = None,
    created_at=None,
    refresh: bool = True,
) -> Upload:
    """Validate and, when nothing blocks it, commit the upload as one batch; with any error
    nothing is written (without `refresh`, the progress snapshot is left to the caller)."""
    upload, problems, jumps = _checked(
        store.cursor(), data, file_name, actor, targets, today, limits
    )
    if upload.rows.empty:
        if jumps is not None:
            jumps(store.cursor())
        _tell(upload, problems)
        return upload
    if jumps is None:
        upload.batch = _commit(store, upload, actor, file_name, created_at, refresh)
    else:
        # Jump warnings never block the upload: they are judged beside its commit, on the other
        # core, against the figures as they stood before it. The pool's exit waits for them.
        with store.pinned() as before, ThreadPoolExecutor(max_workers=1) as pool:
            warned = pool.submit(jumps, before)
            upload.batch = _commit(store, upload, actor, file_name, created_at, refresh)
        warned.result()
    _tell(upload, problems)
    if upload.batch.duplicate_of is not None:
        upload.duplicate_of = upload.batch.duplicate_of
    else:
        upload.changes = layout.placed(upload.batch.changes, "source_row", upload.sheets)
    return upload


def _commit(store, upload, actor, file_name, created_at, refresh) -> batches.BatchResult:
    """The checked upload's rows written as one batch (the commit classifies them itself, under
    the write lock)."""
    units = upload.rows["unit_code"].unique()
    return batches.commit(
        store,
        batches.KINDS[upload.kind],
        upload.rows,
        username=actor.username,
        kind=upload.kind,
        unit_code=units[0] if len(units) == 1 and units[0] != "*" else None,
        file_name=file_name,
        sha256=upload.sha256,
        created_at=created_at,
        staged=True,
        refresh=refresh,
    )
