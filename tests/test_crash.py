"""A process killed in the middle of a commit leaves the whole batch or none of it."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd

from children import kill_when_flagged
from dashboard import batches
from dashboard.store import close_store, open_store

CHILD = """
import sys, time
from datetime import date
from dashboard import batches, ingest
from dashboard.accounts import LOCAL_OPERATOR
from dashboard.store import open_store

db, signal_path, data_path = sys.argv[1:4]
store = open_store(db)
real_audit = batches.audit

def audit_then_hang(*args, **kwargs):
    real_audit(*args, **kwargs)  # every row of the batch is written, COMMIT not yet run
    open(signal_path, "w").write("writing")
    time.sleep(600)

batches.audit = audit_then_hang
ingest.submit(store, open(data_path, "rb").read(), "big.csv", LOCAL_OPERATOR,
              today=date(2022, 12, 31))
"""


def big_upload(path: Path) -> int:
    units = ["TAMKY", "HOIAN", "DIENBAN", "DUYXUYEN", "DAILOC", "QUESON"]
    lines = ["ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri"]
    lines += [f"{u},TT_CHUONGTRINH,2022-{m:02d},{m + 50}" for u in units for m in range(1, 13)]
    path.write_text("\n".join(lines) + "\n")
    return len(lines) - 1


def test_killed_mid_commit_writes_nothing(demo_db, tmp_path):
    store = open_store(demo_db)
    cur = store.cursor()
    before = {
        t: cur.execute(f"SELECT * FROM {t} ORDER BY ALL").df()  # test-only inspection
        for t in ("figures", "current_figures", "batches")
    }
    close_store(demo_db)
    data = tmp_path / "big.csv"
    big_upload(data)
    flag = tmp_path / "flag"
    root = Path(__file__).resolve().parent.parent
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, demo_db, str(flag), str(data)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    kill_when_flagged(child, flag)

    cur = open_store(demo_db).cursor()
    for table, frame in before.items():
        after = cur.execute(f"SELECT * FROM {table} ORDER BY ALL").df()
        pd.testing.assert_frame_equal(after, frame, obj=table)


def test_a_finished_commit_survives_a_kill_afterwards(demo_db, tmp_path):
    data = tmp_path / "big.csv"
    rows = big_upload(data)
    close_store(demo_db)
    root = Path(__file__).resolve().parent.parent
    script = (
        "import sys, os, signal\n"
        "from datetime import date\n"
        "from dashboard import ingest\n"
        "from dashboard.accounts import LOCAL_OPERATOR\n"
        "from dashboard.store import open_store\n"
        "s = open_store(sys.argv[1])\n"
        "u = ingest.submit(s, open(sys.argv[2], 'rb').read(), 'big.csv', LOCAL_OPERATOR,"
        " today=date(2022, 12, 31))\n"
        "assert u.batch.batch_id\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, demo_db, str(data)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=120,
    )
    assert result.returncode == -signal.SIGKILL
    store = open_store(demo_db)
    latest = batches.batch_list(store.cursor(), limit=1).iloc[0]
    assert latest["file_name"] == "big.csv"
    assert latest["rows_new"] + latest["rows_changed"] + latest["rows_same"] == rows
    logged = (
        store.cursor()
        .execute("SELECT count(*) FROM figures WHERE batch_id = ?", [latest["id"]])
        .fetchone()[0]
    )
    assert logged == latest["rows_new"] + latest["rows_changed"]
