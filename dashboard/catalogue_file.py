"""A catalogue list from a file (units, indicators): its header row found by the fields' names,
its lines as trimmed text with where each cell came from, and what both lists share once they
are compared with the catalogue."""

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from dashboard import catalog, formatting, leading_zeros, reader
from dashboard.cells import text
from dashboard.layout import HEADER_SEARCH_ROWS, column_letter, normalise
from dashboard.problems import Problems


@dataclass
class CatalogueList:
    """What a file of catalogue rows holds and what it would change."""

    problems: pd.DataFrame
    # the checked rows with source_row; with `change` (new | changed | same) and `before`
    # (what a changed row was) once compared with the catalogue
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    parents: pd.DataFrame = field(default_factory=pd.DataFrame)  # new clusters or groups

    @property
    def ok(self) -> bool:
        """Whether nothing blocks the list."""
        return not (self.problems["severity"] == "error").any()

    def count(self, change: str) -> int:
        """How many rows are new, changed or the same."""
        return 0 if self.rows.empty else int((self.rows["change"] == change).sum())

    parent_word = ""  # what `parents` are: "cụm", "nhóm"

    def summary(self) -> str:
        """'3 mới, 1 thay đổi, 14 không đổi; 1 cụm mới' for a checked list."""
        text = formatting.change_counts(
            self.count("new"), self.count("changed"), self.count("same")
        )
        if len(self.parents):
            text += f"; {formatting.number(len(self.parents))} {self.parent_word} mới"
        return text

    def parent_names(self, known: dict[str, str]) -> dict[str, str]:
        """Code → name of the catalogue's clusters or groups (`known`) and the list's new ones."""
        if self.parents.empty:
            return dict(known)
        return known | dict(zip(self.parents["code"], self.parents["name"], strict=True))

    @property
    def changes_nothing(self) -> bool:
        """Whether the catalogue already holds everything the list says."""
        return self.count("new") + self.count("changed") + len(self.parents) == 0


def cell(value) -> str | None:
    """A cell as its writer wrote it, inner runs of spaces made one; None when blank."""
    written = text(value)
    return " ".join(written.split()) if written else None


def _header(
    sheets: list[reader.Sheet], fields: dict[str, tuple[str, ...]], required: set[str]
) -> tuple[reader.Sheet, int, dict[str, int]] | None:
    for sheet in sheets:
        for position in range(min(HEADER_SEARCH_ROWS, len(sheet.row_numbers))):
            found: dict[str, int] = {}
            for index, value in enumerate(sheet.row(position)):
                key = normalise(value)
                for name, aliases in fields.items():
                    if key in aliases and name not in found:
                        found[name] = index
            if required <= set(found):
                return sheet, position, found
    return None


@dataclass
class Lines:
    """A list file's lines under its header row, and where that row and its fields are."""

    frame: pd.DataFrame
    columns: dict[str, int]  # field -> 0-based column
    header_row: int


def lines(
    data: bytes,
    file_name: str,
    limits: reader.Limits | None,
    fields: dict[str, tuple[str, ...]],
    required: set[str],
    no_header: str,
    what: str,
    problems: Problems,
) -> Lines | None:
    """The file's lines under its header row (the first row naming every `required` field), a
    column per field (None where the file has no such column), `source_row` and, per column
    found, `<field>_column` ("B (Tên đơn vị)"); None, with the problem added, when the file
    cannot be read, has no such row or no `what` under it."""
    try:
        sheets = reader.read(data, file_name, limits or reader.Limits.from_env())
    except reader.FileRejected as exc:
        problems.add("error", str(exc))
        return None
    found = _header(sheets, fields, required)
    if found is None:
        problems.add("error", no_header)
        return None
    sheet, position, columns = found
    header = sheet.row(position)
    rows = []
    for line in range(position + 1, len(sheet.row_numbers)):
        cells = {
            name: cell(sheet.columns[columns[name]][line]) if name in columns else None
            for name in fields
        }
        if any(cells.values()):
            rows.append({"source_row": sheet.row_numbers[line], **cells})
    frame = pd.DataFrame(rows, columns=["source_row", *fields])
    names = list(fields)
    frame[names] = frame[names].astype(object).where(frame[names].notna(), None)
    for name, index in columns.items():
        frame[f"{name}_column"] = f"{column_letter(index)} ({header[index]})"
    if frame.empty:
        problems.add("error", f"Không có {what} nào dưới dòng tiêu đề.")
        return None
    return Lines(frame, columns, sheet.row_numbers[position])


def add_errors(problems: Problems, line: dict, errors: list[tuple[str | None, str]]) -> None:
    """Each (field, message) of a line as an error at its row, column and value."""
    for column, message in errors:
        where = (
            (line["source_row"], line.get(f"{column}_column"), line.get(column))
            if column
            else (line["source_row"],)
        )
        problems.add("error", message, *where)


def restore_zeros(frame: pd.DataFrame, known: Iterable[str], what: str, problems: Problems) -> None:
    """Codes of the list that are a catalogue code of digits without its leading zeros (4 for
    00004: Excel drops them from a number cell) put back in `frame`, with one warning listing
    them; read as written, such a line would add a second entry beside the catalogue's."""
    known = set(known)
    numbered = leading_zeros.by_number(known)
    if not numbered or frame.empty:
        return
    codes = frame["code"]
    found = codes[~codes.isin(known)].map(lambda c: leading_zeros.restored(c, numbered))
    found = found.dropna()
    if found.empty:
        return
    listed = formatting.read_as([(codes[i], found[i]) for i in found.index], "mã")
    first = frame.loc[found.index[0]]
    problems.add(
        "warning",
        leading_zeros.told(first["code_column"], f"mã {what}", listed),
        int(first["source_row"]),
        first["code_column"],
    )
    frame.loc[found.index, "code"] = found


def code_error(
    code_cell: str | None, first_row: dict[str, int], row: int, what: str, example: str
) -> str | None:
    """What is wrong with a line's code (missing, not a code, on an earlier line), or None;
    a good code is noted in `first_row` at `row`. `what`: "đơn vị", "chỉ tiêu"."""
    code = (code_cell or "").upper()
    if not code_cell:
        return f"Thiếu mã {what}: ghi mã vào ô này."
    if not catalog.CODE.match(code):
        return f"Mã {what} không hợp lệ: {catalog.CODE_RULE} (ví dụ {example})."
    if code in first_row:
        return f"{what.capitalize()} {code} đã có ở dòng {first_row[code]}: mỗi {what} một dòng."
    first_row[code] = row
    return None


@dataclass
class Parents:
    """What a list's rows belong to (units' clusters, indicators' groups): those the catalogue
    has, and the new ones the file names with a code and, on any of its lines, a name."""

    known: pd.DataFrame  # code, name
    new: dict[str, str]  # code -> name
    what: str  # "cụm", "nhóm"
    name_column: str  # the file's column that names a new one: "ten_cum", "ten_nhom"

    @classmethod
    def of(cls, frame: pd.DataFrame, known: pd.DataFrame, field: str, what: str, name_column: str):
        """The parents of the lines of `frame`, whose `field` holds a code or a name and
        `<field>_name` the name of a new one."""
        codes = set(known["code"])
        new: dict[str, str] = {}
        for code, name in zip(frame[field], frame[f"{field}_name"], strict=True):
            code = code.upper() if isinstance(code, str) else ""
            if isinstance(name, str) and name and catalog.CODE.match(code) and code not in codes:
                new.setdefault(code, name)
        return cls(known, new, what, name_column)

    def find(self, said: str) -> tuple[str | None, str | None]:
        """The code a cell names (a code, a known one's name, or a new code) and None, or None
        and what to write instead."""
        code = said.upper()
        if code in set(self.known["code"]) or code in self.new:
            return code, None
        names = zip(self.known["code"], self.known["name"], strict=True)
        by_name = {normalise(name): known for known, name in names}
        if normalise(said) in by_name:
            return by_name[normalise(said)], None
        if catalog.CODE.match(code):
            return None, (
                f"{self.what.capitalize()} {code} chưa có: ghi tên {self.what} vào cột "
                f"{self.name_column} để tạo {self.what} mới."
            )
        return None, (
            f"Không có {self.what} «{said}»: ghi mã {self.what} đã có ("
            + ", ".join(self.known["code"])
            + f") hoặc mã {self.what} mới kèm cột {self.name_column}."
        )

    def fresh(self) -> pd.DataFrame:
        """The new ones: code, name."""
        return pd.DataFrame({"code": list(self.new), "name": list(self.new.values())}, dtype=object)


def marked(
    rows: pd.DataFrame, existing: pd.DataFrame, fields: tuple[str, ...], labels, values
) -> pd.DataFrame:
    """`rows` with `change` (new, changed or same against `existing`, indexed by code) and
    `before` (what a changed row was, catalog.changes_said); a field a row leaves empty is
    not compared."""
    change, before = [], []
    for row in rows.to_dict("records"):
        if row["code"] not in existing.index:
            change.append("new")
            before.append("")
            continue
        new = {field: row[field] for field in fields if pd.notna(row[field])}
        said = catalog.changes_said(existing.loc[row["code"]], new, labels, values)
        change.append("changed" if said else "same")
        before.append("; ".join(said))
    return rows.assign(change=change, before=before)


def add_parents(cur, parents: pd.DataFrame, table: str, known: pd.DataFrame) -> pd.DataFrame:
    """The new clusters or groups of a list that `known` (the table's rows) lacks, appended
    after them inside the caller's write; returns them."""
    fresh = parents[~parents["code"].isin(known["code"])]
    catalog.append_in_order(cur, table, fresh, known)
    return fresh
