"""The catalogue: clusters, units, indicator groups and indicators, read by everyone and
changed by administrators. Codes never change once made (figures refer to them); a unit is
deactivated, never deleted, so no figure is ever orphaned."""

import re

import duckdb
import pandas as pd

from dashboard import formatting, snapshot, sql
from dashboard.accounts import Actor, require_admin
from dashboard.store import Store, audit

TABLES = ("clusters", "units", "indicator_groups", "indicators")
# Letters or the national list's numbers (a commune's code since 2025 is five digits: 26734).
CODE = re.compile(r"^[A-Z0-9][A-Z0-9_]{1,31}$")
CODE_RULE = "2–32 ký tự chữ in hoa không dấu, số hoặc gạch dưới"
UNIT_KINDS = {
    "thanh_pho": "Thành phố",
    "thi_xa": "Thị xã",
    "huyen": "Huyện",
    "xa": "Xã",
    "phuong": "Phường",
    "dac_khu": "Đặc khu",  # the island communes of the 2025 reform (Phú Quốc, Côn Đảo, …)
    "so_nganh": "Sở, ngành",
    "khac": "Khác",
}
MEASURES = {"percent": "Tỷ lệ (%)", "count": "Số lượng", "score": "Điểm (0–100)"}
KINDS = {
    "ratio": "Tỷ lệ (tử số ÷ mẫu số)",
    "stock": "Lũy kế (số cuối kỳ)",
    "flow": "Phát sinh trong kỳ (cộng dồn trong năm)",
    "score": "Chỉ số điểm",
}
DIRECTIONS = {"up": "Càng cao càng tốt", "down": "Càng thấp càng tốt"}
FREQUENCIES = {"month": "Tháng", "quarter": "Quý", "half": "6 tháng", "year": "Năm"}
# How a change to a catalogue row is said (audit log, a list's preview): the field's name and
# the labels of its coded values.
UNIT_LABELS = {"name": "tên", "cluster_code": "cụm", "kind": "loại", "active": "hoạt động"}
UNIT_VALUES = {"kind": UNIT_KINDS, "active": {True: "có", False: "không"}}
INDICATOR_LABELS = {
    "group_code": "nhóm",
    "name": "tên",
    "short_name": "tên rút gọn",
    "measure": "đơn vị đo",
    "kind": "cách tổng hợp",
    "direction": "chiều đánh giá",
    "frequency": "tần suất",
    "description": "mô tả",
    "legal_basis": "căn cứ pháp lý",
}
INDICATOR_VALUES = {
    "measure": MEASURES,
    "kind": KINDS,
    "direction": DIRECTIONS,
    "frequency": FREQUENCIES,
}


class CatalogueError(ValueError):
    """A catalogue change that cannot be made as asked; the message says what to fix."""


def load_rows(store: Store, table: str, rows: pd.DataFrame, username: str) -> None:
    """Append catalogue rows in bulk (the demo province, a migration) in one transaction."""
    if table not in TABLES:
        raise ValueError(f"Bảng danh mục không hợp lệ: {table}")

    def work(cur):
        insert_rows(cur, table, rows)
        if table == "units":
            snapshot.refresh(cur, units=rows["code"])
        elif table == "indicators":
            snapshot.refresh(cur, indicators=rows["code"])
        audit(cur, username, f"add_{table}", f"{formatting.number(len(rows))} dòng")

    store.transact(work)


def insert_rows(cur: duckdb.DuckDBPyConnection, table: str, rows: pd.DataFrame) -> None:
    """Append `rows` to the catalogue table `table` (one of TABLES), inside the caller's write."""
    cur.register("new_rows", rows)
    try:
        sql.run(cur, f"insert_{table}")
    finally:
        cur.unregister("new_rows")


def append_in_order(
    cur: duckdb.DuckDBPyConnection, table: str, rows: pd.DataFrame, existing: pd.DataFrame
) -> None:
    """Append `rows` to `table` after its `existing` rows in display order, inside the
    caller's write."""
    if len(rows):
        first = next_order(existing)
        insert_rows(cur, table, rows.assign(sort_order=range(first, first + len(rows))))


def clusters(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every cluster in display order."""
    return sql.frame(cur, "clusters")


def units(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every unit with its cluster's name, in display order."""
    return sql.frame(cur, "units")


def indicator_groups(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every indicator group in display order."""
    return sql.frame(cur, "indicator_groups")


def indicators(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every indicator with its group's name, in display order."""
    return sql.frame(cur, "indicators")


def next_order(existing: pd.DataFrame) -> int:
    """The display position after the last row of a catalogue table."""
    return int(existing["sort_order"].max()) + 1 if len(existing) else 1


def _code(text: str, what: str) -> str:
    code = (text or "").strip().upper()
    if not CODE.match(code):
        raise CatalogueError(
            f"Mã {what} «{text}» không hợp lệ: {CODE_RULE} (ví dụ HOIAN hoặc 26734)."
        )
    return code


def _name(text: str, what: str) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise CatalogueError(f"Tên {what} không được để trống.")
    return name


def _choice(value: str, allowed: dict, what: str) -> str:
    if value not in allowed:
        raise CatalogueError(
            f"{what} «{value}» không hợp lệ: chọn một trong " + ", ".join(allowed) + "."
        )
    return value


def add_cluster(store: Store, by: Actor, code: str, name: str) -> str:
    """Create an emulation cluster."""
    require_admin(by, "Thêm cụm thi đua")
    return _add_named(store, by, "clusters", clusters, code, name, "cụm")


def add_indicator_group(store: Store, by: Actor, code: str, name: str) -> str:
    """Create an indicator group."""
    require_admin(by, "Thêm nhóm chỉ tiêu")
    return _add_named(store, by, "indicator_groups", indicator_groups, code, name, "nhóm")


def _add_named(store, by, table: str, read, code: str, name: str, what: str) -> str:
    """A new row of code and name, after the table's last, in one of the tables of groups."""
    code, name = _code(code, what), _name(name, what)
    existing = read(store.cursor())
    if code in set(existing["code"]):
        raise CatalogueError(f"Mã {what} «{code}» đã có.")
    row = {"code": [code], "name": [name], "sort_order": [next_order(existing)]}
    load_rows(store, table, pd.DataFrame(row), by.username)
    return code


def rename_cluster(store: Store, by: Actor, code: str, name: str) -> None:
    """Give a cluster a new name."""
    require_admin(by, "Đổi tên cụm thi đua")
    name = _name(name, "cụm")
    old = clusters(store.cursor()).set_index("code")
    if code not in old.index:
        raise CatalogueError(f"Không có cụm «{code}».")

    def work(cur):
        sql.run(cur, "update_cluster", code=code, name=name)
        audit(cur, by.username, "rename_cluster", f"{code}: {old.loc[code, 'name']} → {name}")

    store.transact(work)


def add_unit(store: Store, by: Actor, code: str, name: str, cluster_code: str, kind: str) -> str:
    """Create a reporting unit in a cluster."""
    require_admin(by, "Thêm đơn vị")
    code, name = _code(code, "đơn vị"), _name(name, "đơn vị")
    _choice(kind, UNIT_KINDS, "Loại đơn vị")
    cur = store.cursor()
    if cluster_code not in set(clusters(cur)["code"]):
        raise CatalogueError(f"Không có cụm «{cluster_code}».")
    existing = units(cur)
    if code in set(existing["code"]):
        raise CatalogueError(f"Mã đơn vị «{code}» đã có (có thể đang ngừng hoạt động).")
    load_rows(
        store,
        "units",
        pd.DataFrame(
            {
                "code": [code],
                "name": [name],
                "cluster_code": [cluster_code],
                "kind": [kind],
                "sort_order": [next_order(existing)],
                "active": [True],
            }
        ),
        by.username,
    )
    return code


def update_unit(
    store: Store,
    by: Actor,
    code: str,
    *,
    name: str | None = None,
    cluster_code: str | None = None,
    kind: str | None = None,
    active: bool | None = None,
) -> None:
    """Rename a unit, move it to another cluster, change its kind, or (de)activate it. Its
    figures stay where they are: they refer to the code, which never changes."""
    require_admin(by, "Sửa đơn vị")
    cur = store.cursor()
    current = units(cur).set_index("code")
    if code not in current.index:
        raise CatalogueError(f"Không có đơn vị «{code}».")
    old = current.loc[code]
    new = {
        "name": _name(name, "đơn vị") if name is not None else old["name"],
        "cluster_code": cluster_code or old["cluster_code"],
        "kind": _choice(kind, UNIT_KINDS, "Loại đơn vị") if kind else old["kind"],
        "active": bool(old["active"]) if active is None else bool(active),
    }
    if new["cluster_code"] not in set(clusters(cur)["code"]):
        raise CatalogueError(f"Không có cụm «{new['cluster_code']}».")
    changes = changes_said(old, new, UNIT_LABELS, UNIT_VALUES)
    if not changes:
        return

    def work(write):
        sql.run(write, "update_unit", code=code, **new)
        snapshot.refresh(write, units=[code], clusters=[old["cluster_code"], new["cluster_code"]])
        audit(write, by.username, "update_unit", f"{code}: " + "; ".join(changes))

    store.transact(work)


INDICATOR_FIELDS = (
    "group_code",
    "name",
    "short_name",
    "measure",
    "kind",
    "direction",
    "frequency",
    "description",
    "legal_basis",
)


def indicator_fields(fields: dict, groups: set[str]) -> dict:
    """An indicator's fields (INDICATOR_FIELDS) as stored, names trimmed, the short name the
    name when left out; CatalogueError names the first that cannot stand, `groups` being the
    groups it may belong to."""
    out = {key: fields.get(key) for key in INDICATOR_FIELDS}
    if out["group_code"] not in groups:
        raise CatalogueError(f"Không có nhóm chỉ tiêu «{out['group_code']}».")
    out["name"] = _name(out["name"], "chỉ tiêu")
    out["short_name"] = _name(out["short_name"] or out["name"], "rút gọn")
    _choice(out["measure"], MEASURES, "Đơn vị đo")
    _choice(out["kind"], KINDS, "Cách tổng hợp")
    _choice(out["direction"], DIRECTIONS, "Chiều đánh giá")
    _choice(out["frequency"], FREQUENCIES, "Tần suất báo cáo")
    if out["kind"] == "ratio" and out["measure"] != "percent":
        raise CatalogueError("Chỉ tiêu tỷ lệ (tử số ÷ mẫu số) phải đo bằng %.")
    for key in ("description", "legal_basis"):
        text = out[key] if isinstance(out[key], str) else ""
        out[key] = " ".join(text.split()) or None
    return out


def locked_change(cur: duckdb.DuckDBPyConnection, code: str, old, new: dict) -> str | None:
    """Why an indicator cannot take `new` (its kind, measure or frequency changed while it has
    figures, which were read by them); None when it can."""
    locked = [k for k in ("kind", "measure", "frequency") if new[k] != old[k]]
    if locked and sql.scalar(cur, "indicator_figure_count", code=code):
        return (
            f"Chỉ tiêu {code} đã có số liệu nên không đổi được "
            f"{', '.join(INDICATOR_LABELS[k] for k in locked)}: các số "
            "liệu cũ được đọc theo cách này. Tạo chỉ tiêu mới nếu cách đo đã thay đổi."
        )
    return None


def changes_said(old, new: dict, labels: dict[str, str], values: dict[str, dict]) -> list[str]:
    """'tên: Điện Bàn → Thị xã Điện Bàn' for each field of `new` that differs from the stored
    row `old` (missing is None, said as «trống»), coded values by their labels."""
    said = []
    for key, value in new.items():
        before = old[key] if pd.notna(old[key]) else None
        value = value if pd.notna(value) else None
        if before != value:
            shown = values.get(key, {})
            was, now = ("trống" if v is None else shown.get(v, v) for v in (before, value))
            said.append(f"{labels[key]}: {was} → {now}")
    return said


def add_indicator(store: Store, by: Actor, code: str, fields: dict) -> str:
    """Create an indicator."""
    require_admin(by, "Thêm chỉ tiêu")
    code = _code(code, "chỉ tiêu")
    cur = store.cursor()
    existing = indicators(cur)
    if code in set(existing["code"]):
        raise CatalogueError(f"Mã chỉ tiêu «{code}» đã có.")
    row = {
        "code": code,
        **indicator_fields(fields, set(indicator_groups(cur)["code"])),
        "sort_order": next_order(existing),
    }
    load_rows(store, "indicators", pd.DataFrame([row]), by.username)
    return code


def update_indicator(store: Store, by: Actor, code: str, fields: dict) -> None:
    """Change an indicator's names, group, description or legal basis; its kind, measure and
    frequency only while it has no figures (they decide how its figures are read)."""
    require_admin(by, "Sửa chỉ tiêu")
    cur = store.cursor()
    current = indicators(cur).set_index("code")
    if code not in current.index:
        raise CatalogueError(f"Không có chỉ tiêu «{code}».")
    old = current.loc[code]
    new = indicator_fields(
        {**{k: old[k] for k in INDICATOR_FIELDS}, **fields}, set(indicator_groups(cur)["code"])
    )
    locked = locked_change(cur, code, old, new)
    if locked:
        raise CatalogueError(locked)
    changes = changes_said(old, new, INDICATOR_LABELS, INDICATOR_VALUES)
    if not changes:
        return

    def work(write):
        sql.run(write, "update_indicator", code=code, **new)
        snapshot.refresh(write, indicators=[code])
        audit(write, by.username, "update_indicator", f"{code}: " + "; ".join(changes))

    store.transact(work)
