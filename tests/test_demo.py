"""The demo province: the files match their generator, and every status occurs."""

import pandas as pd

from dashboard import demo, progress, settings
from dashboard.config import DEMO_DIR
from dashboard.periods import must_parse
from dashboard.store import open_store

PLAINS = [
    "TAMKY",
    "HOIAN",
    "DIENBAN",
    "DUYXUYEN",
    "DAILOC",
    "QUESON",
    "THANGBINH",
    "PHUNINH",
    "NUITHANH",
]
MOUNTAINS = [
    "NONGSON",
    "HIEPDUC",
    "TIENPHUOC",
    "BACTRAMY",
    "NAMTRAMY",
    "PHUOCSON",
    "NAMGIANG",
    "DONGGIANG",
    "TAYGIANG",
]


def test_committed_files_are_what_the_generator_makes(tmp_path):
    demo.write(tmp_path)
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (DEMO_DIR / path.name).read_bytes(), path.name


def test_the_province_is_quang_nam():
    tables = demo.read()
    units = tables["units"]
    assert units[units["cluster_code"] == "DONGBANG"]["code"].tolist() == PLAINS
    assert units[units["cluster_code"] == "MIENNUI"]["code"].tolist() == MOUNTAINS
    assert len(tables["indicators"]) == 10
    figures = tables["figures"]
    assert figures["ky_bao_cao"].min() == "2021-01"
    assert figures["ky_bao_cao"].max() == "2022-Q2"
    ratios = figures[figures["ma_chi_tieu"] == "TTHC_SOHOA"]
    assert ratios["tu_so"].notna().all() and ratios["mau_so"].notna().all()
    targets = tables["targets"]
    assert {"*"} < set(targets["ma_don_vi"])
    assert set(targets["nam"]) == {2021, 2022}


def test_every_status_occurs_in_the_first_half_of_2022(demo_db):
    cur = open_store(demo_db).cursor()
    frame = progress.progress(cur, must_parse("2022-H1"), "unit", at_risk_pct=80)
    assert {"done", "on_track", "behind", "at_risk", "no_data"} <= set(frame["status"])
    assert len(frame) == 18 * 10
    assert settings.is_demo(cur)
    assert progress.default_period(cur).code == "2022-H1"


def test_plains_are_ahead_of_mountains(demo_db):
    cur = open_store(demo_db).cursor()
    frame = progress.progress(cur, must_parse("2022-H1"), "cluster", at_risk_pct=80)
    mean = frame.groupby("scope_code")["achievement_pct"].mean()
    assert mean["DONGBANG"] > mean["MIENNUI"]


def test_demo_batches_look_like_monthly_uploads(demo_db):
    cur = open_store(demo_db).cursor()
    batches = cur.execute("SELECT unit_code, created_at FROM batches WHERE kind = 'figures'").df()
    assert len(batches) == batches.groupby("unit_code").size().sum()
    assert batches["created_at"].max() < pd.Timestamp("2022-07-09")


def test_demo_opens_read_only_without_accounts(demo_db):
    cur = open_store(demo_db).cursor()
    assert settings.public_view(cur)
    assert cur.execute("SELECT count(*) FROM users").fetchone() == (0,)
