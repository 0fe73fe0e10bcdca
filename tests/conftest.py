"""Shared fixtures: a fresh database per test, and the demo province built once per run."""

import shutil

import pytest

from dashboard import demo
from dashboard.store import close_store, open_store


@pytest.fixture
def db_path(tmp_path):
    """A path for a new database file, closed after the test."""
    path = str(tmp_path / "cds.duckdb")
    yield path
    close_store(path)


@pytest.fixture
def store(db_path):
    """A new, migrated, empty database."""
    return open_store(db_path)


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
