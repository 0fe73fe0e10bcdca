"""Shared fixtures: a fresh database per test (store-level tests run on both stores: the
embedded file and a DuckLake lake on a real PostgreSQL), and the demo province built once."""

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from builders import new_lake
from dashboard import demo
from dashboard.store import close_store, open_store

PG_BINS = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres():
    """A libpq conninfo of a PostgreSQL server for the lake tests: CDS_TEST_PG, or a throwaway
    server started here from Debian's postgresql package and stopped after the run."""
    given = os.environ.get("CDS_TEST_PG")
    if given:
        yield given
        return
    if not PG_BINS:
        if os.environ.get("CI"):
            raise RuntimeError("PostgreSQL is missing: .ci/run installs the Debian package")
        pytest.skip("PostgreSQL is not installed (apt install postgresql; .ci/run does it)")
    bin_dir = PG_BINS[-1].parent
    root = Path(tempfile.mkdtemp(prefix="cds-pg-"))
    # initdb refuses to run as root; the package's postgres user runs the server then.
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_owner:
        root.chmod(0o755)
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    # A password over TCP, as in production: the lake reads it from PGPASSWORD, never from
    # the attach string.
    password = secrets.token_urlsafe(16)
    (root / "pwfile").write_text(password + "\n")
    if as_owner:
        shutil.chown(root / "pwfile", "postgres")
    initdb = [
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        "cds",
        "--pwfile",
        str(root / "pwfile"),
    ]
    subprocess.run(
        [*as_owner, *initdb, "--auth-local=trust", "--auth-host=scram-sha-256"],
        check=True,
        capture_output=True,
    )
    os.environ["PGPASSWORD"] = password
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    ctl = [*as_owner, str(bin_dir / "pg_ctl"), "-D", str(data), "-w"]
    subprocess.run([*ctl, "-o", options, "-l", str(root / "log"), "start"], check=True)
    try:
        yield f"host=127.0.0.1 port={port} user=cds"
    finally:
        os.environ.pop("PGPASSWORD", None)
        subprocess.run([*ctl, "-m", "fast", "stop"], check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def lake_target(postgres, tmp_path, monkeypatch):
    """The attach string of a new, empty lake for one test."""
    monkeypatch.setenv("CDS_DATA_PATH", str(tmp_path / "lake-data"))
    target = new_lake(postgres, tmp_path / "lake-data")
    yield target
    close_store(target)


@pytest.fixture
def db_path(tmp_path):
    """A path for a new database file, closed after the test."""
    path = str(tmp_path / "cds.duckdb")
    yield path
    close_store(path)


@pytest.fixture(params=["file", "lake"])
def store(request, db_path):
    """A new, migrated, empty database: an embedded file, then a DuckLake lake."""
    if request.param == "file":
        return open_store(db_path)
    return open_store(request.getfixturevalue("lake_target"))


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """The demo province loaded once into a file that tests copy, never open."""
    path = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    demo.load(open_store(path))
    close_store(path)
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    """A private copy of the demo database, closed after the test."""
    path = str(tmp_path / "demo.duckdb")
    shutil.copy(demo_file, path)
    yield path
    close_store(path)
