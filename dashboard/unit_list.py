"""A list of units from a file (a new province's communes, a reorganisation's new clusters):
read, checked row by row with Vietnamese messages, and compared with the catalogue as units
and clusters to add or change. `write` writes it."""

from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard import catalog, catalogue_file, formatting, snapshot, sql
from dashboard.accounts import Actor, require_admin
from dashboard.catalogue_file import CatalogueList
from dashboard.layout import normalise
from dashboard.problems import Problems
from dashboard.store import Store, audit
from dashboard.tables import CHANGE_LABELS

FIELDS = {
    # "Mã ĐVHC", "Mã xã", "Tên xã": the national list of communes and what copies it
    "code": ("madonvi", "madv", "unitcode", "ma", "code", "madvhc", "madonvihanhchinh", "maxa"),
    "name": (
        *("tendonvi", "donvi", "ten", "name", "unitname", "unit", "tendvhc", "tendonvihanhchinh"),
        *("tenxa", "xa", "xaphuong", "tenxaphuong"),
    ),
    "cluster": ("macum", "macumthidua", "cum", "cumthidua", "cluster", "clustercode"),
    "cluster_name": ("tencum", "tencumthidua", "clustername"),
    "kind": ("loai", "loaidonvi", "kind", "cap"),  # "Cấp": Xã / Phường / Đặc khu in the 2025 lists
}
# Digits of a commune's code in the national list of administrative units (26734, 00004).
CODE_DIGITS = 5
# A new unit whose kind the file does not say.
DEFAULT_KIND = "khac"
BAD_KIND = "Loại đơn vị không hợp lệ: ghi một trong " + ", ".join(catalog.UNIT_KINDS.values()) + "."


@dataclass
class UnitList(CatalogueList):
    """What a file of units holds and what it would change: rows of code, name, cluster_code,
    kind, source_row, and the new clusters it names."""

    parent_word = "cụm"

    @property
    def clusters(self) -> pd.DataFrame:
        """The new clusters the list names: code, name."""
        return self.parents


NO_HEADER = (
    "Không tìm thấy dòng tiêu đề. Tệp danh sách đơn vị cần các cột ma_don_vi, ten_don_vi, "
    "ma_cum (thêm ten_cum để tạo cụm mới, loai để ghi loại đơn vị: Xã, Phường, …)."
)


def read(cur: duckdb.DuckDBPyConnection, data: bytes, file_name: str, limits=None) -> UnitList:
    """The file's units checked and compared with the catalogue; every problem at once."""
    problems = Problems()
    found = catalogue_file.lines(
        data, file_name, limits, FIELDS, {"code", "name"}, NO_HEADER, "đơn vị", problems
    )
    if found is None:
        return UnitList(problems.frame())
    if "cluster" not in found.columns:
        problems.add(
            "error",
            f"Dòng tiêu đề (dòng {found.header_row}) thiếu cột ma_cum (cụm thi đua của đơn vị).",
        )
        return UnitList(problems.frame())
    rows, clusters = _checked(cur, found.frame, problems)
    out = UnitList(problems.frame())
    if out.ok:
        out.rows, out.parents = compared(cur, rows), clusters
    return out


def _checked(cur, frame: pd.DataFrame, problems: Problems) -> tuple[pd.DataFrame, pd.DataFrame]:
    clusters = catalogue_file.Parents.of(frame, catalog.clusters(cur), "cluster", "cụm", "ten_cum")
    kinds = {normalise(k): k for k in catalog.UNIT_KINDS}
    kinds |= {normalise(label): k for k, label in catalog.UNIT_KINDS.items()}
    known = catalog.units(cur)["code"]
    catalogue_file.restore_zeros(frame, known, "đơn vị", problems)
    _warn_of_short_numbers(frame, known, problems)
    rows, first_row = [], {}
    for line in frame.to_dict("records"):
        errors: list[tuple[str | None, str]] = []
        wrong = catalogue_file.code_error(
            line["code"], first_row, line["source_row"], "đơn vị", "HOIAN hoặc 26734"
        )
        if wrong:
            errors.append(("code", wrong))
        if not line["name"]:
            errors.append(("name", "Thiếu tên đơn vị: ghi tên vào ô này."))
        cluster = None
        if not line["cluster"]:
            errors.append(("cluster", "Thiếu cụm thi đua: ghi mã cụm vào ô này."))
        else:
            cluster, wrong = clusters.find(line["cluster"])
            if wrong:
                errors.append(("cluster", wrong))
        kind = kinds.get(normalise(line["kind"])) if line["kind"] else None
        if line["kind"] and kind is None:
            errors.append(("kind", BAD_KIND))
        catalogue_file.add_errors(problems, line, errors)
        if not errors:
            rows.append(
                {
                    "code": line["code"].upper(),
                    "name": line["name"],
                    "cluster_code": cluster,
                    "kind": kind,
                    "source_row": line["source_row"],
                }
            )
    columns = ["code", "name", "cluster_code", "kind", "source_row"]
    return pd.DataFrame(rows, columns=columns), clusters.fresh()


def _warn_of_short_numbers(frame: pd.DataFrame, known: pd.Series, problems: Problems) -> None:
    """One warning at the first new code of fewer digits than a commune's (CODE_DIGITS) that
    Excel may have stripped of its leading zeros; not put back, since a province may number
    its units itself (1, 2, 3)."""
    codes = frame["code"].fillna("").astype(str).str.strip()
    short = codes.str.fullmatch(r"\d+") & codes.str.len().lt(CODE_DIGITS) & ~codes.isin(set(known))
    if not short.any():
        return
    listed = formatting.read_as([(c, c.zfill(CODE_DIGITS)) for c in codes[short]], "mã")
    first = frame.loc[short.idxmax()]
    problems.add(
        "warning",
        f"Cột {first['code_column']} có mã đơn vị là số ít hơn {CODE_DIGITS} chữ số. Mã xã, "
        f"phường theo danh mục hành chính có {CODE_DIGITS} chữ số, nên có thể Excel đã bỏ số 0 "
        f"ở đầu ({listed}). Nếu vậy, định dạng cột là Văn bản (Text), gõ lại mã đủ "
        f"{CODE_DIGITS} chữ số rồi nạp lại; nếu tỉnh tự đánh số đơn vị, bỏ qua cảnh báo này.",
        int(first["source_row"]),
        first["code_column"],
    )


def compared(cur: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> pd.DataFrame:
    """Each row marked new, changed or same against the catalogue as it stands, with what a
    changed unit was ("tên: Điện Bàn → Thị xã Điện Bàn; cụm: …"); a kind the file leaves out
    stays as it is (new units: DEFAULT_KIND)."""
    return _compared(rows, catalog.units(cur).set_index("code"))


def _compared(rows: pd.DataFrame, existing: pd.DataFrame) -> pd.DataFrame:
    out = catalogue_file.marked(
        rows,
        existing,
        ("name", "cluster_code", "kind"),
        catalog.UNIT_LABELS,
        catalog.UNIT_VALUES,
    )
    kept = out["code"].map(existing["kind"]) if len(existing) else pd.Series(None, index=out.index)
    out["kind"] = out["kind"].fillna(kept).fillna(DEFAULT_KIND)
    return out


def write(store: Store, by: Actor, listed: UnitList) -> UnitList:
    """Write a checked list as one transaction: its new clusters, its new units, and the changed
    names, clusters and kinds of units already there, compared again under the write lock;
    returns the list as written."""
    require_admin(by, "Nạp danh sách đơn vị")
    if not listed.ok:
        raise catalog.CatalogueError("Danh sách đơn vị còn lỗi: sửa rồi nạp lại.")

    def work(cur):
        old = catalog.units(cur).set_index("code")
        rows = _compared(listed.rows, old)
        fresh = catalogue_file.add_parents(cur, listed.clusters, "clusters", catalog.clusters(cur))
        added = rows[rows["change"] == "new"]
        columns = ["code", "name", "cluster_code", "kind"]
        catalog.append_in_order(cur, "units", added[columns].assign(active=True), old)
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
            f"{formatting.change_counts(len(added), len(changed))}, "
            f"{formatting.number(len(fresh))} cụm mới"
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


def for_people(listed: UnitList, cluster_names: dict[str, str]) -> pd.DataFrame:
    """The checked list as the page shows it, in Vietnamese."""
    names = listed.parent_names(cluster_names)
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
