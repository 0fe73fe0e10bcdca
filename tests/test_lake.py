"""The shared store: a DuckLake lake on a real PostgreSQL, written by several processes at once,
seen by every server at its next read, filled from an embedded file by `cds migrate`."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from builders import catalogue, commit_figures, commit_targets
from children import kill_when_flagged
from dashboard import batches, cli, config, lake, progress, sql
from dashboard.accounts import LOCAL_OPERATOR
from dashboard.periods import Period
from dashboard.store import LakeStore, close_store, open_store

ROOT = Path(__file__).resolve().parent.parent


def child_env() -> dict:
    """This process's environment (the lake's folder, PGPASSWORD) for a child process."""
    return {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}


WORKERS, ROUNDS = 4, 3

WORKER = """
import sys, time
from pathlib import Path
from builders import commit_figures
from dashboard.store import open_store

target, worker, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
store = open_store(target)
while not go.exists():
    time.sleep(0.01)
for r in range(ROUNDS):
    own = [(f"U{worker}", "S", f"2024-{m:02d}", float(worker * 100 + r)) for m in (1, 2, 3)]
    shared = [("X", "S", "2024-01", float(worker * 100 + r))]
    commit_figures(store, own + shared, user=f"w{worker}")
""".replace("ROUNDS", str(ROUNDS))


def small_lake(target: str):
    store = open_store(target)
    units = [(f"U{w}", "C1") for w in range(WORKERS)] + [("X", "C2")]
    catalogue(store, units, [("S", "stock", "count", "up", "month")])
    commit_targets(store, [("*", "S", 2024, 1000.0)])
    return store


def test_four_processes_commit_at_once_and_nothing_is_lost(lake_target, tmp_path):
    store = small_lake(lake_target)
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, lake_target, str(w), str(go)],
            cwd=ROOT,
            env=child_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(WORKERS)
    ]
    time.sleep(3)  # every worker has opened the lake and waits
    go.touch()
    for child in children:
        assert child.wait(timeout=300) == 0, child.stderr.read()

    cur = store.cursor()
    written = batches.batch_list(cur, kind="figures")
    assert len(written) == WORKERS * ROUNDS
    assert sorted(written["seq"]) == list(range(2, 2 + WORKERS * ROUNDS))  # 1 is the targets
    current = cur.execute("SELECT * FROM current_figures").df()
    assert len(current) == WORKERS * 3 + 1  # one current figure per key
    log = cur.execute("SELECT * FROM figures WHERE unit_code = 'X'").df()
    latest = log.sort_values(["batch_seq", "batch_id"]).iloc[-1]
    shared = current[current["unit_code"] == "X"].iloc[0]
    assert shared["value"] == latest["value"]  # the latest in batch order wins
    for w in range(WORKERS):
        own = current[current["unit_code"] == f"U{w}"]
        assert own["value"].tolist() == [float(w * 100 + ROUNDS - 1)] * 3

    # The latest batch can be reverted: the shared figure goes back to the one before it.
    batches.revert(store, latest["batch_id"], LOCAL_OPERATOR)
    before = log[log["batch_seq"] < latest["batch_seq"]].sort_values("batch_seq").iloc[-1]
    value = cur.execute("SELECT value FROM current_figures WHERE unit_code = 'X'").fetchone()[0]
    assert value == before["value"]
    cluster = progress.progress(cur, Period(2024, "month", 1), "cluster")
    assert cluster.set_index("scope_code").loc["C2", "actual"] == before["value"]


def test_another_server_sees_a_commit_at_its_next_read(lake_target):
    first = small_lake(lake_target)
    other = LakeStore(lake_target, config.data_path())  # its own DuckDB, as another server
    try:
        seen = other.data_version(other.cursor())
        commit_figures(first, [("X", "S", "2024-02", 42.0)])
        cur = other.cursor()
        assert other.data_version(cur) > seen
        cluster = progress.progress(cur, Period(2024, "month", 2), "cluster")
        assert cluster.set_index("scope_code").loc["C2", "actual"] == 42.0
    finally:
        other.close()


CRASHING = """
import sys, time
from builders import commit_figures
from dashboard import batches
from dashboard.store import open_store

store = open_store(sys.argv[1])
real_audit = batches.audit

def audit_then_hang(*args, **kwargs):
    real_audit(*args, **kwargs)  # every row of the batch is written, COMMIT not yet run
    open(sys.argv[2], "w").write("writing")
    time.sleep(600)

batches.audit = audit_then_hang
commit_figures(store, [(f"U{w}", "S", f"2024-{m:02d}", 7.0) for w in range(4) for m in (1, 2)])
"""


def test_a_process_killed_mid_commit_leaves_no_partial_batch(lake_target, tmp_path):
    store = small_lake(lake_target)
    commit_figures(store, [("U0", "S", "2024-01", 1.0)])
    tables = ("figures", "current_figures", "batches", "unit_progress", "scope_progress")
    cur = store.cursor()
    before = {t: cur.execute(f"SELECT * FROM {t} ORDER BY ALL").df() for t in tables}
    flag = tmp_path / "flag"
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING, lake_target, str(flag)],
        cwd=ROOT,
        env=child_env(),
    )
    kill_when_flagged(child, flag)
    for table, frame in before.items():
        after = store.cursor().execute(f"SELECT * FROM {table} ORDER BY ALL").df()
        pd.testing.assert_frame_equal(after, frame, obj=table)
    commit_figures(store, [("U1", "S", "2024-01", 2.0)])  # and the lake still takes commits


def test_migrate_moves_every_row_and_proves_it(demo_db, lake_target, capsys):
    assert cli.main(["migrate", "--from", demo_db, "--to", lake_target]) == 0
    out = capsys.readouterr().out
    assert "figures: 2.456 dòng — khớp" in out
    assert "users" in out and "audit_log" in out
    file_cur, lake_cur = open_store(demo_db).cursor(), open_store(lake_target).cursor()
    for by in ("unit", "cluster", "province"):
        a = progress.progress(file_cur, Period(2022, "half", 1), by)
        b = progress.progress(lake_cur, Period(2022, "half", 1), by)
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    close_store(demo_db)
    assert cli.main(["migrate", "--from", demo_db, "--to", lake_target]) == 1
    assert "đã có dữ liệu" in capsys.readouterr().err  # never into a lake in use


def test_a_password_on_the_command_line_is_refused(capsys):
    target = "ducklake:postgres:dbname=cds host=db password=bimat"
    assert cli.main(["--db", target, "init"]) == 2
    assert "PGPASSWORD" in capsys.readouterr().err


def test_a_lake_without_its_extensions_says_how_to_install(monkeypatch):
    monkeypatch.setitem(lake.EXTENSIONS, "ducklake", "duckdb_extension_not_installed")
    with pytest.raises(lake.LakeError, match=r"\.\[lake\]"):
        lake.extension_file("ducklake")


def test_an_unreachable_catalog_is_one_clear_error(tmp_path):
    with pytest.raises(lake.LakeError, match="Không mở được kho dùng chung"):
        lake.connect("ducklake:postgres:host=127.0.0.1 port=1 dbname=none", str(tmp_path))


OPENER = """
import sys
from dashboard.store import open_store, schema_version
print(schema_version(open_store(sys.argv[1]).cursor()))
"""


def test_servers_started_together_on_a_new_lake_all_open_it(lake_target):
    children = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, lake_target],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    latest = str(sql.schema_steps()[-1][0])
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == latest


def test_a_new_lake_without_a_data_folder_says_which_option_to_give(
    lake_target, monkeypatch, capsys
):
    monkeypatch.delenv("CDS_DATA_PATH")
    assert cli.main(["--db", lake_target, "init"]) == 1
    assert "--data-path hoặc CDS_DATA_PATH" in capsys.readouterr().err


def test_migrate_refuses_what_it_cannot_move(demo_db, tmp_path, capsys):
    missing = str(tmp_path / "none.duckdb")
    assert cli.main(["migrate", "--from", missing, "--to", "ducklake:postgres:dbname=x"]) == 1
    assert "chưa có cơ sở dữ liệu" in capsys.readouterr().err
    assert cli.main(["migrate", "--from", demo_db, "--to", str(tmp_path / "b.duckdb")]) == 1
    assert "không phải kho dùng chung" in capsys.readouterr().err


HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


def test_migrate_from_a_file_in_use_says_to_stop_the_dashboard(demo_db, capsys):
    close_store(demo_db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, demo_db], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        target = "ducklake:postgres:dbname=never_opened"
        assert cli.main(["migrate", "--from", demo_db, "--to", target]) == 1
        assert "đang mở nó; dừng tiến trình đó" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
