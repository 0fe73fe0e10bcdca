"""A list of indicators from a file (a new province's programme, a new year's plan): read,
checked row by row with Vietnamese messages, and compared with the catalogue as indicators and
groups to add or change. `write` writes it."""

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
    "code": ("machitieu", "mact", "ma", "code", "indicatorcode"),
    "name": ("tenchitieu", "chitieu", "noidungchitieu", "ten", "name", "indicatorname"),
    "short_name": ("tenrutgon", "rutgon", "tenngan", "shortname"),
    "group": ("manhom", "manhomchitieu", "nhom", "nhomchitieu", "group", "groupcode"),
    "group_name": ("tennhom", "tennhomchitieu", "groupname"),
    "measure": ("donvido", "donvitinh", "dvt", "measure"),
    "kind": ("cachtonghop", "tonghop", "loaichitieu", "kind"),
    "direction": ("chieudanhgia", "chieu", "direction"),
    "frequency": ("tansuat", "tansuatbaocao", "kybaocao", "frequency"),
    "description": ("mota", "description"),
    "legal_basis": ("cancu", "cancuphaply", "legalbasis"),
}
# The coded fields: the values each may take (code: label), and the words offices
# write for each value beside its label and its code (compared as layout.normalise does).
CHOICES = {
    "measure": (
        catalog.MEASURES,
        {
            "percent": ("%", "tyle", "tile", "phantram"),
            "count": ("so", "soluong"),
            "score": ("diem",),
        },
    ),
    "kind": (
        catalog.KINDS,
        {
            "ratio": ("tyle", "tile", "tusomauso"),
            "stock": ("luyke", "socuoiky"),
            "flow": ("phatsinh", "phatsinhtrongky", "congdon"),
            "score": ("diem", "chisodiem", "chiso"),
        },
    ),
    "direction": (
        catalog.DIRECTIONS,
        {"up": ("tang", "caohontot", "cangcaocangtot"), "down": ("giam", "thaphontot")},
    ),
    "frequency": (
        catalog.FREQUENCIES,
        {
            "month": ("thang", "hangthang"),
            "quarter": ("quy", "hangquy"),
            "half": ("6thang", "sauthang", "nuanam", "hangnuanam"),
            "year": ("nam", "hangnam"),
        },
    ),
}
# What a new indicator must say, and what it takes when it says nothing.
REQUIRED_NEW = {
    "group": "nhóm",
    "measure": "đơn vị đo",
    "kind": "cách tổng hợp",
    "frequency": "tần suất",
}
DEFAULT_DIRECTION = "up"
NO_HEADER = (
    "Không tìm thấy dòng tiêu đề. Tệp danh sách chỉ tiêu cần các cột ma_chi_tieu, ten_chi_tieu, "
    "ma_nhom, don_vi_do, cach_tong_hop, tan_suat (thêm chieu_danh_gia, ten_rut_gon, mo_ta, "
    "can_cu; ten_nhom để tạo nhóm mới)."
)
COLUMNS = ["code", *catalog.INDICATOR_FIELDS, "source_row"]


@dataclass
class IndicatorList(CatalogueList):
    """What a file of indicators holds and what it would change: rows of code, the catalogue's
    indicator fields and source_row, and the new groups it names."""

    parent_word = "nhóm"

    @property
    def groups(self) -> pd.DataFrame:
        """The new groups the list names: code, name."""
        return self.parents


def _key(said: str) -> str:
    """A coded cell as compared: as layout.normalise does, but a bare sign ("%") kept."""
    return normalise(said) or said.strip()


def _words(values: dict[str, str], words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out = {_key(code): code for code in values}
    out |= {_key(label): code for code, label in values.items()}
    out |= {word: code for code, said in words.items() for word in said}
    return out


WORDS = {name: _words(values, words) for name, (values, words) in CHOICES.items()}


def _bad_choice(name: str) -> str:
    values = CHOICES[name][0]
    return (
        f"Không hiểu {catalog.INDICATOR_LABELS[name]} này: ghi một trong "
        + ", ".join(f"«{label}»" for label in values.values())
        + "."
    )


def read(cur: duckdb.DuckDBPyConnection, data: bytes, file_name: str, limits=None) -> IndicatorList:
    """The file's indicators checked and compared with the catalogue; every problem at once."""
    problems = Problems()
    found = catalogue_file.lines(
        data, file_name, limits, FIELDS, {"code", "name"}, NO_HEADER, "chỉ tiêu", problems
    )
    if found is None:
        return IndicatorList(problems.frame())
    rows, groups = _checked(cur, found.frame, problems)
    out = IndicatorList(problems.frame())
    if out.ok:
        out.rows, out.parents = compared(cur, rows), groups
    return out


def _checked(cur, frame: pd.DataFrame, problems: Problems) -> tuple[pd.DataFrame, pd.DataFrame]:
    known = catalog.indicator_groups(cur)
    groups = catalogue_file.Parents.of(frame, known, "group", "nhóm", "ten_nhom")
    allowed = set(known["code"]) | set(groups.new)
    existing = catalog.indicators(cur).set_index("code")
    catalogue_file.restore_zeros(frame, existing.index, "chỉ tiêu", problems)
    rows, first_row = [], {}
    for line in frame.to_dict("records"):
        errors: list[tuple[str | None, str]] = []
        code = (line["code"] or "").upper()
        wrong = catalogue_file.code_error(
            line["code"], first_row, line["source_row"], "chỉ tiêu", "CNS_TO"
        )
        if wrong:
            errors.append(("code", wrong))
        old = existing.loc[code] if code in existing.index else None
        if not line["name"]:
            errors.append(("name", "Thiếu tên chỉ tiêu: ghi tên vào ô này."))
        if old is None:
            new = f"Chỉ tiêu mới {code}" if code else "Chỉ tiêu mới"
            for name, said in REQUIRED_NEW.items():
                if not line[name]:
                    errors.append((name, f"{new} cần {said}: ghi vào ô này."))
        group = None
        if line["group"]:
            group, wrong = groups.find(line["group"])
            if wrong:
                errors.append(("group", wrong))
        chosen = {}
        for name in CHOICES:
            if line[name]:
                chosen[name] = WORDS[name].get(_key(line[name]))
                if chosen[name] is None:
                    errors.append((name, _bad_choice(name)))
        if errors:
            catalogue_file.add_errors(problems, line, errors)
            continue
        kept = {} if old is None else {k: old[k] for k in catalog.INDICATOR_FIELDS}
        fields = {
            **kept,
            "direction": kept.get("direction", DEFAULT_DIRECTION),
            **chosen,
            "name": line["name"],
            "group_code": group or kept.get("group_code"),
            **{k: line[k] for k in ("short_name", "description", "legal_basis") if line[k]},
        }
        try:
            fields = catalog.indicator_fields(fields, allowed)
        except catalog.CatalogueError as exc:
            catalogue_file.add_errors(problems, line, [(None, str(exc))])
            continue
        locked = None if old is None else catalog.locked_change(cur, code, old, fields)
        if locked:
            catalogue_file.add_errors(problems, line, [(None, locked)])
            continue
        rows.append({"code": code, **fields, "source_row": line["source_row"]})
    # Object columns keep a blank description as None (pandas' text type makes it NaN).
    out = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    return out.astype({"source_row": "int64"}), groups.fresh()


def compared(cur: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> pd.DataFrame:
    """Each row marked new, changed or same against the catalogue as it stands, with what a
    changed indicator was ("tên: … → …; nhóm: …")."""
    return _compared(rows, catalog.indicators(cur).set_index("code"))


def _compared(rows: pd.DataFrame, existing: pd.DataFrame) -> pd.DataFrame:
    return catalogue_file.marked(
        rows,
        existing,
        catalog.INDICATOR_FIELDS,
        catalog.INDICATOR_LABELS,
        catalog.INDICATOR_VALUES,
    )


def write(store: Store, by: Actor, listed: IndicatorList) -> IndicatorList:
    """Write a checked list as one transaction: its new groups, its new indicators, and the
    changes to indicators already there, compared again under the write lock; returns the list
    as written."""
    require_admin(by, "Nạp danh sách chỉ tiêu")
    if not listed.ok:
        raise catalog.CatalogueError("Danh sách chỉ tiêu còn lỗi: sửa rồi nạp lại.")

    def work(cur):
        old = catalog.indicators(cur).set_index("code")
        rows = _compared(listed.rows, old)
        groups = catalog.indicator_groups(cur)
        fresh = catalogue_file.add_parents(cur, listed.groups, "indicator_groups", groups)
        added = rows[rows["change"] == "new"]
        catalog.append_in_order(cur, "indicators", added[["code", *catalog.INDICATOR_FIELDS]], old)
        changed = rows[rows["change"] == "changed"]
        for row in changed.to_dict("records"):
            sql.run(
                cur,
                "update_indicator",
                code=row["code"],
                **{k: row[k] for k in catalog.INDICATOR_FIELDS},
            )
        touched = pd.concat([added, changed])
        if touched.empty and fresh.empty:
            return rows  # the catalogue already says what the list says: nothing to record
        if len(touched):
            snapshot.refresh(cur, indicators=touched["code"])
        audit(
            cur,
            by.username,
            "import_indicators",
            f"{formatting.change_counts(len(added), len(changed))}, "
            f"{formatting.number(len(fresh))} nhóm mới"
            + "".join(f"; {r.code}: {r.before}" for r in changed.itertuples()),
        )
        return rows

    return IndicatorList(listed.problems, store.transact(work), listed.groups)


def as_file(indicators: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Every indicator of catalog.indicators in the columns `read` takes, coded values by their
    labels, to download, edit and load back."""
    names = dict(zip(groups["code"], groups["name"], strict=True))
    return pd.DataFrame(
        {
            "ma_chi_tieu": indicators["code"],
            "ten_chi_tieu": indicators["name"],
            "ten_rut_gon": indicators["short_name"],
            "ma_nhom": indicators["group_code"],
            "ten_nhom": indicators["group_code"].map(names),
            "don_vi_do": indicators["measure"].map(catalog.MEASURES),
            "cach_tong_hop": indicators["kind"].map(catalog.KINDS),
            "chieu_danh_gia": indicators["direction"].map(catalog.DIRECTIONS),
            "tan_suat": indicators["frequency"].map(catalog.FREQUENCIES),
            "mo_ta": indicators["description"],
            "can_cu": indicators["legal_basis"],
        }
    )


def for_people(listed: IndicatorList, group_names: dict[str, str]) -> pd.DataFrame:
    """The checked list as the page shows it, in Vietnamese."""
    names = listed.parent_names(group_names)
    rows = listed.rows
    return pd.DataFrame(
        {
            "Dòng": rows["source_row"],
            "Mã": rows["code"],
            "Tên": rows["name"],
            "Nhóm": rows["group_code"].map(names),
            "Đơn vị đo": rows["measure"].map(catalog.MEASURES),
            "Cách tổng hợp": rows["kind"].map(catalog.KINDS),
            "Chiều": rows["direction"].map(catalog.DIRECTIONS),
            "Tần suất": rows["frequency"].map(catalog.FREQUENCIES),
            "Thay đổi": rows["change"].map(CHANGE_LABELS),
            "Trước đó": rows["before"],
        }
    )
