"""A list of units from a file (a new province's communes, a reorganisation's new clusters):
read, checked row by row with Vietnamese messages, and compared with the catalogue as units
and clusters to add or change. catalog.import_units writes it."""

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from dashboard import catalog, formatting, reader, snapshot, sql
from dashboard.accounts import Actor, require_admin
from dashboard.cells import text
from dashboard.layout import HEADER_SEARCH_ROWS, column_letter, normalise
from dashboard.problems import Problems
from dashboard.store import Store, audit

FIELDS = {
    "code": ("madonvi", "madv", "unitcode", "ma", "code"),
    "name": ("tendonvi", "donvi", "ten", "name", "unitname", "unit"),
    "cluster": ("macum", "macumthidua", "cum", "cumthidua", "cluster", "clustercode"),
    "cluster_name": ("tencum", "tencumthidua", "clustername"),
    "kind": ("loai", "loaidonvi", "kind"),
}
# A new unit whose kind the file does not say.
DEFAULT_KIND = "khac"
BAD_CODE = (
    "Mã đơn vị không hợp lệ: 2–32 ký tự chữ in hoa không dấu, số hoặc gạch dưới, bắt đầu bằng "
    "chữ (ví dụ HOIAN)."
)
BAD_KIND = "Loại đơn vị không hợp lệ: ghi một trong " + ", ".join(catalog.UNIT_KINDS.values()) + "."


@dataclass
class UnitList:
    """What a file of units holds and what it would change."""

    problems: pd.DataFrame
    # code, name, cluster_code, kind, source_row; with `change` (new | changed | same) and
    # `before` (what a changed unit was) once compared with the catalogue
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    clusters: pd.DataFrame = field(default_factory=pd.DataFrame)  # code, name: new clusters

    @property
    def ok(self) -> bool:
        """Whether nothing blocks the list."""
        return not (self.problems["severity"] == "error").any()

    def count(self, change: str) -> int:
        """How many units are new, changed or the same."""
        return 0 if self.rows.empty else int((self.rows["change"] == change).sum())


def _header(sheets: list[reader.Sheet]) -> tuple[reader.Sheet, int, dict[str, int]]:
    for sheet in sheets:
        for position in range(min(HEADER_SEARCH_ROWS, len(sheet.row_numbers))):
            found: dict[str, int] = {}
            for index, cell in enumerate(sheet.row(position)):
                key = normalise(cell)
                for name, aliases in FIELDS.items():
                    if key in aliases and name not in found:
                        found[name] = index
            if {"code", "name"} <= set(found):
                return sheet, position, found
    raise reader.FileRejected(
        "Không tìm thấy dòng tiêu đề. Tệp danh sách đơn vị cần các cột ma_don_vi, ten_don_vi, "
        "ma_cum (thêm ten_cum để tạo cụm mới, loai để ghi loại đơn vị: Xã, Phường, …)."
    )


def _text(cell) -> str | None:
    written = text(cell)
    return " ".join(written.split()) if written else None


def read(cur: duckdb.DuckDBPyConnection, data: bytes, file_name: str, limits=None) -> UnitList:
    """The file's units checked and compared with the catalogue; every problem at once."""
    problems = Problems()
    try:
        sheets = reader.read(data, file_name, limits or reader.Limits.from_env())
        sheet, position, columns = _header(sheets)
    except reader.FileRejected as exc:
        problems.add("error", str(exc))
        return UnitList(problems.frame())
    if "cluster" not in columns:
        problems.add(
            "error",
            f"Dòng tiêu đề (dòng {sheet.row_numbers[position]}) thiếu cột ma_cum (cụm thi đua "
            "của đơn vị).",
        )
        return UnitList(problems.frame())
    header = sheet.row(position)
    lines = []
    for line in range(position + 1, len(sheet.row_numbers)):
        cells = {
            name: _text(sheet.columns[columns[name]][line]) if name in columns else None
            for name in FIELDS
        }
        if any(cells.values()):
            lines.append({"source_row": sheet.row_numbers[line], **cells})
    frame = pd.DataFrame(lines, columns=["source_row", *FIELDS])
    frame[list(FIELDS)] = (
        frame[list(FIELDS)].astype(object).where(frame[list(FIELDS)].notna(), None)
    )
    for name, index in columns.items():
        frame[f"{name}_column"] = f"{column_letter(index)} ({header[index]})"
    if frame.empty:
        problems.add("error", "Không có đơn vị nào dưới dòng tiêu đề.")
        return UnitList(problems.frame())
    rows, clusters = _checked(cur, frame, problems)
    out = UnitList(problems.frame())
    if out.ok:
        out.rows, out.clusters = compared(cur, rows), clusters
    return out


def _checked(cur, frame: pd.DataFrame, problems: Problems) -> tuple[pd.DataFrame, pd.DataFrame]:
    known = catalog.clusters(cur)
    codes = set(known["code"])
    by_name = {normalise(n): c for c, n in zip(known["code"], known["name"], strict=True)}
    kinds = {normalise(k): k for k in catalog.UNIT_KINDS}
    kinds |= {normalise(label): k for k, label in catalog.UNIT_KINDS.items()}
    # A new cluster is named on any of its lines (ten_cum), not necessarily the first.
    new_clusters: dict[str, str] = {}
    for line in frame.to_dict("records"):
        cluster = (line["cluster"] or "").upper()
        if line["cluster_name"] and catalog.CODE.match(cluster) and cluster not in codes:
            new_clusters.setdefault(cluster, line["cluster_name"])
    rows, first_row = [], {}
    for line in frame.to_dict("records"):
        errors: list[tuple[str, str]] = []
        code = (line["code"] or "").upper()
        if not line["code"]:
            errors.append(("code", "Thiếu mã đơn vị: ghi mã vào ô này."))
        elif not catalog.CODE.match(code):
            errors.append(("code", BAD_CODE))
        elif code in first_row:
            errors.append(
                ("code", f"Đơn vị {code} đã có ở dòng {first_row[code]}: mỗi đơn vị một dòng.")
            )
        else:
            first_row[code] = line["source_row"]
        if not line["name"]:
            errors.append(("name", "Thiếu tên đơn vị: ghi tên vào ô này."))
        cluster = (line["cluster"] or "").upper()
        if not line["cluster"]:
            errors.append(("cluster", "Thiếu cụm thi đua: ghi mã cụm vào ô này."))
        elif cluster not in codes and cluster not in new_clusters:
            cluster = by_name.get(normalise(line["cluster"]))
            if cluster is None and catalog.CODE.match(line["cluster"].upper()):
                errors.append(
                    (
                        "cluster",
                        f"Cụm {line['cluster'].upper()} chưa có: ghi tên cụm vào cột ten_cum để "
                        "tạo cụm mới.",
                    )
                )
            elif cluster is None:
                errors.append(
                    (
                        "cluster",
                        f"Không có cụm «{line['cluster']}»: ghi mã cụm đã có ("
                        + ", ".join(known["code"])
                        + ") hoặc mã cụm mới kèm cột ten_cum.",
                    )
                )
        kind = kinds.get(normalise(line["kind"])) if line["kind"] else None
        if line["kind"] and kind is None:
            errors.append(("kind", BAD_KIND))
        for column, message in errors:
            where = line["source_row"], line.get(f"{column}_column"), line.get(column)
            problems.add("error", message, *where)
        if not errors:
            rows.append(
                {
                    "code": code,
                    "name": line["name"],
                    "cluster_code": cluster,
                    "kind": kind,
                    "source_row": line["source_row"],
                }
            )
    clusters = pd.DataFrame(
        {"code": list(new_clusters), "name": list(new_clusters.values())}, dtype=object
    )
    return pd.DataFrame(
        rows, columns=["code", "name", "cluster_code", "kind", "source_row"]
    ), clusters


def compared(cur: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> pd.DataFrame:
    """Each row marked new, changed or same against the catalogue as it stands, with what a
    changed unit was ("tên: Điện Bàn → Thị xã Điện Bàn; cụm: …"); a kind the file leaves out
    stays as it is (new units: DEFAULT_KIND)."""
    existing = catalog.units(cur).set_index("code")
    out = rows.copy()
    change, before = [], []
    for row in out.itertuples():
        if row.code not in existing.index:
            change.append("new")
            before.append("")
            continue
        old = existing.loc[row.code]
        said = [
            f"{label}: {old[column]} → {getattr(row, column)}"
            for column, label in (("name", "tên"), ("cluster_code", "cụm"), ("kind", "loại"))
            if pd.notna(getattr(row, column)) and getattr(row, column) != old[column]
        ]
        change.append("changed" if said else "same")
        before.append("; ".join(said))
    kept = out["code"].map(existing["kind"]) if len(existing) else pd.Series(None, index=out.index)
    out["kind"] = out["kind"].fillna(kept).fillna(DEFAULT_KIND)
    out["change"], out["before"] = change, before
    return out


def summary(units: UnitList) -> str:
    """'3 mới, 1 thay đổi, 14 không đổi; 1 cụm mới' for a checked list."""
    text = formatting.change_counts(units.count("new"), units.count("changed"), units.count("same"))
    return text + (
        f"; {formatting.number(len(units.clusters))} cụm mới" if len(units.clusters) else ""
    )


def write(store: Store, by: Actor, listed: UnitList) -> UnitList:
    """Write a checked list as one transaction: its new clusters, its new units, and the changed
    names, clusters and kinds of units already there, compared again under the write lock;
    returns the list as written."""
    require_admin(by, "Nạp danh sách đơn vị")
    if not listed.ok:
        raise catalog.CatalogueError("Danh sách đơn vị còn lỗi: sửa rồi nạp lại.")

    def work(cur):
        rows = compared(cur, listed.rows)
        before = catalog.clusters(cur)
        fresh = listed.clusters[~listed.clusters["code"].isin(before["code"])]
        if len(fresh):
            first = catalog.next_order(before)
            sort_order = range(first, first + len(fresh))
            catalog.insert_rows(cur, "clusters", fresh.assign(sort_order=sort_order))
        old = catalog.units(cur).set_index("code")
        added = rows[rows["change"] == "new"]
        if len(added):
            first = catalog.next_order(old)
            catalog.insert_rows(
                cur,
                "units",
                added[["code", "name", "cluster_code", "kind"]].assign(
                    sort_order=range(first, first + len(added)), active=True
                ),
            )
        changed = rows[rows["change"] == "changed"]
        for row in changed.itertuples():
            sql.run(
                cur,
                "update_unit",
                code=row.code,
                name=row.name,
                cluster_code=row.cluster_code,
                kind=row.kind,
                active=bool(old.loc[row.code, "active"]),
            )
        touched = pd.concat([added, changed])
        if touched.empty and fresh.empty:
            return rows  # the catalogue already says what the list says: nothing to record
        if len(touched):
            left = old.loc[old.index.isin(changed["code"]), "cluster_code"]
            snapshot.refresh(
                cur, units=touched["code"], clusters=set(touched["cluster_code"]) | set(left)
            )
        audit(
            cur,
            by.username,
            "import_units",
            f"{len(added)} mới, {len(changed)} thay đổi, {len(fresh)} cụm mới"
            + "".join(f"; {r.code}: {r.before}" for r in changed.itertuples()),
        )
        return rows

    return UnitList(listed.problems, store.transact(work), listed.clusters)


def as_file(units: pd.DataFrame) -> pd.DataFrame:
    """Every unit of catalog.units in the columns `read` takes, to download, edit and load
    back."""
    return pd.DataFrame(
        {
            "ma_don_vi": units["code"],
            "ten_don_vi": units["name"],
            "ma_cum": units["cluster_code"],
            "ten_cum": units["cluster_name"],
            "loai": units["kind"].map(catalog.UNIT_KINDS),
        }
    )


CHANGE_LABELS = {"new": "Mới", "changed": "Thay đổi", "same": "Không đổi"}


def for_people(listed: UnitList, cluster_names: dict[str, str]) -> pd.DataFrame:
    """The checked list as the page shows it, in Vietnamese."""
    names = cluster_names | dict(zip(listed.clusters["code"], listed.clusters["name"], strict=True))
    rows = listed.rows
    return pd.DataFrame(
        {
            "Dòng": rows["source_row"],
            "Mã": rows["code"],
            "Tên": rows["name"],
            "Cụm thi đua": rows["cluster_code"].map(names),
            "Loại": rows["kind"].map(catalog.UNIT_KINDS),
            "Thay đổi": rows["change"].map(CHANGE_LABELS),
            "Trước đó": rows["before"],
        }
    )
