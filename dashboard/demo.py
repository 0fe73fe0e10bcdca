"""The demo province: synthetic figures for Quảng Nam's 18 district-level units (fixed seed), and
loading them into a database. Run `python -m dashboard.demo` to regenerate data/demo/."""

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd

from dashboard import catalog, ingest, periods, settings, snapshot
from dashboard.accounts import Actor
from dashboard.config import DEMO_DIR, LOCAL_TZ
from dashboard.export import plain_number
from dashboard.store import Store

SEED = 20220630
YEARS = (2021, 2022)
LAST_MONTH = (2022, 6)
DEMO_USER = "demo"
DEMO_ACTOR = Actor(DEMO_USER, "admin")

CLUSTERS = [
    ("DONGBANG", "Cụm thi đua đồng bằng", 1),
    ("MIENNUI", "Cụm thi đua miền núi", 2),
]

# code, name, cluster, kind, strength (how far along the unit is; < 0.7 lags badly)
UNITS = [
    ("TAMKY", "Tam Kỳ", "DONGBANG", "thanh_pho", 1.08),
    ("HOIAN", "Hội An", "DONGBANG", "thanh_pho", 1.15),
    ("DIENBAN", "Điện Bàn", "DONGBANG", "thi_xa", 1.04),
    ("DUYXUYEN", "Duy Xuyên", "DONGBANG", "huyen", 0.97),
    ("DAILOC", "Đại Lộc", "DONGBANG", "huyen", 0.93),
    ("QUESON", "Quế Sơn", "DONGBANG", "huyen", 0.88),
    ("THANGBINH", "Thăng Bình", "DONGBANG", "huyen", 0.95),
    ("PHUNINH", "Phú Ninh", "DONGBANG", "huyen", 1.0),
    ("NUITHANH", "Núi Thành", "DONGBANG", "huyen", 0.74),
    ("NONGSON", "Nông Sơn", "MIENNUI", "huyen", 0.86),
    ("HIEPDUC", "Hiệp Đức", "MIENNUI", "huyen", 0.84),
    ("TIENPHUOC", "Tiên Phước", "MIENNUI", "huyen", 0.92),
    ("BACTRAMY", "Bắc Trà My", "MIENNUI", "huyen", 0.78),
    ("NAMTRAMY", "Nam Trà My", "MIENNUI", "huyen", 0.66),
    ("PHUOCSON", "Phước Sơn", "MIENNUI", "huyen", 0.75),
    ("NAMGIANG", "Nam Giang", "MIENNUI", "huyen", 0.72),
    ("DONGGIANG", "Đông Giang", "MIENNUI", "huyen", 0.8),
    ("TAYGIANG", "Tây Giang", "MIENNUI", "huyen", 0.55),
]

GROUPS = [
    ("TTHC", "Thủ tục hành chính", 1),
    ("DVC", "Dịch vụ công trực tuyến", 2),
    ("CSDL", "Cơ sở dữ liệu dùng chung", 3),
    ("CNS", "Công nghệ số cộng đồng", 4),
    ("VB", "Văn bản điện tử", 5),
    ("HL", "Sự hài lòng", 6),
    ("TT", "Thông tin – truyền thông", 7),
]

# code, group, name, short name, kind, measure, direction, frequency, description, legal basis
INDICATORS = [
    (
        "TTHC_SOHOA",
        "TTHC",
        "Tỷ lệ hồ sơ TTHC được số hóa",
        "Số hóa hồ sơ TTHC",
        "ratio",
        "percent",
        "up",
        "month",
        "Hồ sơ, kết quả giải quyết TTHC được số hóa trên tổng số hồ sơ tiếp nhận, lũy kế năm.",
        "Nghị định 107/2021/NĐ-CP",
    ),
    (
        "TTHC_TREHAN",
        "TTHC",
        "Tỷ lệ hồ sơ TTHC giải quyết trễ hạn",
        "Hồ sơ trễ hạn",
        "ratio",
        "percent",
        "down",
        "month",
        "Hồ sơ giải quyết quá hạn trên tổng số hồ sơ đã giải quyết, lũy kế từ đầu năm.",
        "Nghị định 61/2018/NĐ-CP",
    ),
    (
        "DVC_MUC34",
        "DVC",
        "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 (toàn trình, một phần)",
        "DVC mức độ 3, 4",
        "ratio",
        "percent",
        "up",
        "month",
        "Dịch vụ công cung cấp trực tuyến toàn trình hoặc một phần trên tổng số TTHC của đơn vị.",
        "Nghị định 42/2022/NĐ-CP",
    ),
    (
        "DVC_HOSO",
        "DVC",
        "Tỷ lệ hồ sơ nộp trực tuyến mức độ 3, 4",
        "Hồ sơ nộp trực tuyến",
        "ratio",
        "percent",
        "up",
        "month",
        "Hồ sơ nộp trực tuyến trên tổng số hồ sơ của các DVC mức độ 3, 4, lũy kế từ đầu năm.",
        "Nghị định 42/2022/NĐ-CP",
    ),
    (
        "CSDL_DUNGCHUNG",
        "CSDL",
        "Số cơ sở dữ liệu dùng chung đưa vào sử dụng",
        "CSDL dùng chung",
        "stock",
        "count",
        "up",
        "quarter",
        "Số cơ sở dữ liệu dùng chung của đơn vị đã đưa vào khai thác, tại cuối quý.",
        "Quyết định 942/QĐ-TTg",
    ),
    (
        "CNS_TO",
        "CNS",
        "Số tổ công nghệ số cộng đồng đã thành lập",
        "Tổ CNS cộng đồng",
        "stock",
        "count",
        "up",
        "month",
        "Số tổ công nghệ số cộng đồng đang hoạt động tại thôn, khối phố, tại cuối tháng.",
        "Quyết định 1349/QĐ-BTTTT",
    ),
    (
        "CNS_PHUCAP",
        "CNS",
        "Tỷ lệ thôn, khối phố có tổ công nghệ số cộng đồng",
        "Phủ tổ CNS",
        "ratio",
        "percent",
        "up",
        "month",
        "Số thôn, khối phố có tổ công nghệ số cộng đồng trên tổng số thôn, khối phố.",
        "Quyết định 1349/QĐ-BTTTT",
    ),
    (
        "VB_KYSO",
        "VB",
        "Tỷ lệ văn bản đi được ký số, gửi trên môi trường mạng",
        "Văn bản ký số",
        "ratio",
        "percent",
        "up",
        "month",
        "Văn bản đi được ký số và gửi hoàn toàn trên môi trường mạng, lũy kế từ đầu năm.",
        "Quyết định 28/2018/QĐ-TTg",
    ),
    (
        "HL_HAILONG",
        "HL",
        "Chỉ số hài lòng của người dân, doanh nghiệp",
        "Chỉ số hài lòng",
        "score",
        "score",
        "up",
        "quarter",
        "Điểm hài lòng (0–100) qua khảo sát trong quý.",
        "Quyết định 766/QĐ-TTg",
    ),
    (
        "TT_CHUONGTRINH",
        "TT",
        "Số chương trình truyền thanh – truyền hình địa phương phát sóng",
        "Chương trình phát sóng",
        "flow",
        "count",
        "up",
        "month",
        "Số chương trình phát sóng trong tháng; cả năm là tổng các tháng.",
        "Kế hoạch truyền thông CĐS của tỉnh",
    ),
]

# Reports a few units never sent, so the demo shows "Chưa báo cáo".
NEVER_SENT_2022 = {
    ("TAYGIANG", "HL_HAILONG"),
    ("DONGGIANG", "DVC_HOSO"),
    ("PHUOCSON", "CSDL_DUNGCHUNG"),
}
# Months a unit fell silent in: its latest figure is older than the period.
SILENT_MONTHS = {"NAMTRAMY": {(2022, 5), (2022, 6)}}


def _months():
    for year in YEARS:
        for month in range(1, 13):
            if (year, month) > LAST_MONTH:
                return
            yield year, month


def _ramp(year: int, month: int, start: float, end: float) -> float:
    """A level moving from `start` in January 2021 to `end` in December 2022."""
    step = (year - YEARS[0]) * 12 + month - 1
    return start + (end - start) * step / 23


def generate() -> dict[str, pd.DataFrame]:
    """Every demo table, the same on every run."""
    rng = random.Random(SEED)
    figures = []
    targets = []

    totals: dict[tuple[str, int, str], tuple[int, int]] = {}

    def add(unit, code, period, value, numerator=None, denominator=None):
        figures.append((unit, code, period, value, numerator, denominator, None))

    def ytd(unit, code, period, num, den):
        """Add a ratio reported cumulatively from January (lũy kế từ đầu năm)."""
        key = (unit, int(period[:4]), code)
        n0, d0 = totals.get(key, (0, 0))
        totals[key] = (n0 + num, d0 + den)
        add(unit, code, period, round(100 * (n0 + num) / (d0 + den), 2), n0 + num, d0 + den)

    for unit, _name, cluster, _kind, strength in UNITS:
        plains = cluster == "DONGBANG"
        dossiers = rng.randint(700, 2600) if plains else rng.randint(90, 320)
        services = rng.randint(270, 330)
        villages = rng.randint(55, 150) if plains else rng.randint(35, 95)
        documents = rng.randint(500, 1500) if plains else rng.randint(150, 450)
        programmes = rng.randint(8, 14) if plains else rng.randint(4, 9)
        databases = rng.randint(4, 8) if plains else rng.randint(3, 5)
        teams = 0
        for year, month in _months():
            if (year, month) in SILENT_MONTHS.get(unit, set()):
                continue
            period = f"{year}-{month:02d}"

            month_dossiers = max(10, round(dossiers * rng.uniform(0.8, 1.2)))
            rate = min(0.99, _ramp(year, month, 0.25, 0.98) * strength * rng.uniform(0.95, 1.05))
            ytd(unit, "TTHC_SOHOA", period, round(month_dossiers * rate), month_dossiers)

            late = max(0.004, (0.09 - 0.05 * strength) * rng.uniform(0.7, 1.3))
            late *= 1.0 if year == 2021 else 0.75
            ytd(unit, "TTHC_TREHAN", period, round(month_dossiers * late), month_dossiers)

            online = min(services, round(services * _ramp(year, month, 0.55, 1.02) * strength))
            add(unit, "DVC_MUC34", period, round(100 * online / services, 2), online, services)

            if (unit, "DVC_HOSO") not in NEVER_SENT_2022 or year < 2022:
                share = _ramp(year, month, 0.08, 0.6) * strength**2 * rng.uniform(0.9, 1.1)
                ytd(
                    unit,
                    "DVC_HOSO",
                    period,
                    round(month_dossiers * min(share, 0.95)),
                    month_dossiers,
                )

            if (year, month) >= (2021, 10):
                goal = villages * min(1.0, strength)
                months_since_start = (year - 2021) * 12 + month - 10
                reached = min(1.0, rng.uniform(0.25, 0.4) + 0.12 * months_since_start)
                teams = min(villages, max(teams, round(goal * reached)))
                add(unit, "CNS_TO", period, teams)
                add(unit, "CNS_PHUCAP", period, round(100 * teams / villages, 2), teams, villages)

            signed = min(0.995, _ramp(year, month, 0.6, 1.0) * strength * rng.uniform(0.97, 1.02))
            month_documents = max(20, round(documents * rng.uniform(0.85, 1.15)))
            ytd(unit, "VB_KYSO", period, round(month_documents * signed), month_documents)

            aired = max(0, round(programmes * strength * rng.uniform(0.75, 1.2)))
            add(unit, "TT_CHUONGTRINH", period, aired)

            if month % 3 == 0:
                quarter = f"{year}-Q{month // 3}"
                if (unit, "CSDL_DUNGCHUNG") not in NEVER_SENT_2022 or year < 2022:
                    built = round(databases * _ramp(year, month, 0.2, 1.05) * strength)
                    add(unit, "CSDL_DUNGCHUNG", quarter, max(0, built))
                if (unit, "HL_HAILONG") not in NEVER_SENT_2022 or year < 2022:
                    score = min(
                        98.0, 62 + 24 * strength * rng.uniform(0.95, 1.05) + (year - 2021) * 2
                    )
                    add(unit, "HL_HAILONG", quarter, round(score, 1))

        targets.append((unit, "CNS_TO", 2021, round(villages * 0.3)))
        targets.append((unit, "CNS_TO", 2022, villages))
        targets.append((unit, "CSDL_DUNGCHUNG", 2021, max(2, databases // 2)))
        targets.append((unit, "CSDL_DUNGCHUNG", 2022, databases))
        targets.append((unit, "TT_CHUONGTRINH", 2021, programmes * 12))
        targets.append((unit, "TT_CHUONGTRINH", 2022, programmes * 12))
        if not plains:
            targets.append((unit, "DVC_HOSO", 2022, 30.0))
            targets.append((unit, "TTHC_TREHAN", 2022, 4.0))

    province = {
        2021: {
            "TTHC_SOHOA": 50.0,
            "TTHC_TREHAN": 5.0,
            "DVC_MUC34": 70.0,
            "DVC_HOSO": 20.0,
            "CNS_PHUCAP": 30.0,
            "VB_KYSO": 85.0,
            "HL_HAILONG": 80.0,
        },
        2022: {
            "TTHC_SOHOA": 80.0,
            "TTHC_TREHAN": 3.0,
            "DVC_MUC34": 95.0,
            "DVC_HOSO": 45.0,
            "CNS_PHUCAP": 100.0,
            "VB_KYSO": 95.0,
            "HL_HAILONG": 85.0,
        },
    }
    for year, values in province.items():
        for code, value in values.items():
            targets.append(("*", code, year, value))

    return {
        "clusters": pd.DataFrame(CLUSTERS, columns=["code", "name", "sort_order"]),
        "units": pd.DataFrame(
            [(c, n, cl, k, i + 1, True) for i, (c, n, cl, k, _) in enumerate(UNITS)],
            columns=["code", "name", "cluster_code", "kind", "sort_order", "active"],
        ),
        "indicator_groups": pd.DataFrame(GROUPS, columns=["code", "name", "sort_order"]),
        "indicators": pd.DataFrame(
            [(*row[:4], row[5], row[4], *row[6:], i + 1) for i, row in enumerate(INDICATORS)],
            columns=["code", *catalog.INDICATOR_FIELDS, "sort_order"],
        ),
        "targets": pd.DataFrame(targets, columns=["ma_don_vi", "ma_chi_tieu", "nam", "ke_hoach"]),
        "figures": pd.DataFrame(
            figures,
            columns=[
                "ma_don_vi",
                "ma_chi_tieu",
                "ky_bao_cao",
                "gia_tri",
                "tu_so",
                "mau_so",
                "ghi_chu",
            ],
        ),
    }


def to_csv(frame: pd.DataFrame) -> str:
    """A demo table as CSV text, written the same on every platform."""
    out = frame.copy()
    for column in ("gia_tri", "tu_so", "mau_so", "ke_hoach"):
        if column in out:
            out[column] = out[column].map(plain_number)
    return out.to_csv(index=False, lineterminator="\n")


def write(directory: Path = DEMO_DIR) -> list[Path]:
    """Regenerate the demo CSVs in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in generate().items():
        path = directory / f"{name}.csv"
        path.write_text(to_csv(frame), encoding="utf-8")
        paths.append(path)
    return paths


def read(directory: Path = DEMO_DIR) -> dict[str, pd.DataFrame]:
    """The demo tables from their CSVs."""
    names = ("clusters", "units", "indicator_groups", "indicators", "targets", "figures")
    return {
        name: pd.read_csv(
            directory / f"{name}.csv",
            dtype={"ky_bao_cao": str, "ghi_chu": object},
            keep_default_na=True,
        )
        for name in names
    }


def _upload_time(rng: random.Random, year: int, month: int) -> datetime:
    """When a unit sent its report for a month: a working hour early in the next month (UTC)."""
    first = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=LOCAL_TZ)
    local = first + timedelta(
        days=rng.randint(2, 7), hours=rng.randint(8, 16), minutes=rng.randint(0, 59)
    )
    return local.astimezone(UTC).replace(tzinfo=None)


def load(store: Store, directory: Path = DEMO_DIR) -> int:
    """Load the demo province into an empty database, one upload per unit and quarter as units
    would have sent them; returns the number of figures."""
    tables = read(directory)
    for table in catalog.TABLES:
        catalog.load_rows(store, table, tables[table], DEMO_USER)

    targets = ingest.submit(
        store,
        to_csv(tables["targets"]).encode("utf-8"),
        "ke_hoach_mau.csv",
        DEMO_ACTOR,
        targets=True,
        created_at=datetime(2021, 1, 4, 1, 30),
    )
    if not targets.ok:
        raise ValueError(f"Kế hoạch mẫu lỗi: {targets.errors.iloc[0]['message']}")

    # Each unit's quarterly report goes through the same import a unit's upload does.
    figures = tables["figures"]
    parsed = figures["ky_bao_cao"].map(periods.must_parse)
    figures = figures.assign(
        _year=parsed.map(lambda p: p.year), _quarter=parsed.map(lambda p: (p.end_month + 2) // 3)
    )
    rng = random.Random(SEED)
    for (year, quarter, unit), rows in figures.groupby(["_year", "_quarter", "ma_don_vi"]):
        data = to_csv(rows.drop(columns=["_year", "_quarter"])).encode("utf-8")
        upload = ingest.submit(
            store,
            data,
            f"bao_cao_{unit.lower()}_{year}-Q{quarter}.csv",
            DEMO_ACTOR,
            today=date(2022, 7, 31),
            created_at=_upload_time(rng, year, quarter * 3),
            refresh=False,
        )
        if not upload.ok:
            raise ValueError(f"Dữ liệu mẫu lỗi: {upload.errors.iloc[0]['message']}")
    # The snapshot once for every report: kept up to date after each, it was half the load.
    store.transact(snapshot.refresh)
    settings.put(store, "demo", "true", DEMO_USER)
    # The demo opens read-only for anyone, so `make run` shows it without an account; signing
    # in still needs an account made with `cds user add` (there is no default password).
    settings.put(store, "public_view", "true", DEMO_USER)
    return len(figures)


if __name__ == "__main__":
    for written in write():
        print(written)
