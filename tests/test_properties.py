"""Property-based: random and mutated files never crash the reader (a clean parse or a list of
problems, never an exception) and never change the database when rejected."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dashboard import ingest
from dashboard.accounts import LOCAL_OPERATOR
from dashboard.store import open_store

VALID = (
    "ma_don_vi;ma_chi_tieu;ky_bao_cao;gia_tri;tu_so;mau_so;ghi_chu\r\n"
    "HOIAN;TTHC_SOHOA;T7/2022;82,5%;825;1.000;Số hóa\r\n"
    "HOIAN;CNS_TO;07/2022;140;;;\r\n"
    "TAMKY;HL_HAILONG;2022-Q3;88,4;;;Khảo sát\r\n"
).encode()
FIXTURE_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def demo(demo_db):
    return open_store(demo_db)


def state(store) -> tuple:
    cur = store.cursor()
    return (
        cur.execute("SELECT count(*), max(seq) FROM batches").fetchone(),
        cur.execute("SELECT count(*), sum(value) FROM figures").fetchone(),
        cur.execute("SELECT count(*), sum(value) FROM current_figures").fetchone(),
    )


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, position, chunk in edits:
        position = position % (len(out) + 1)
        if kind == 0:
            out[position:position] = chunk
        elif kind == 1:
            del out[position : position + len(chunk)]
        else:
            out[position : position + len(chunk)] = chunk
    return bytes(out)


def check_outcome(store, data: bytes, name: str) -> None:
    before = state(store)
    upload = ingest.submit(store, data, name, LOCAL_OPERATOR, today=date(2022, 12, 31))
    assert isinstance(upload.problems, pd.DataFrame)
    assert set(upload.problems["severity"]) <= {"error", "warning"}
    assert upload.problems["message"].map(lambda m: isinstance(m, str) and m != "").all()
    if not upload.ok:
        assert state(store) == before


@FIXTURE_SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_random_bytes_never_crash(demo, data, name):
    check_outcome(demo, data, name)


@FIXTURE_SETTINGS
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 10_000), st.binary(min_size=1, max_size=6)),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_csv_never_crashes_or_half_writes(demo, edits):
    check_outcome(demo, mutate(VALID, edits), "mutated.csv")


@FIXTURE_SETTINGS
@given(
    cells=st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.text(max_size=12),
                st.integers(-(10**6), 10**6),
                st.floats(allow_nan=True, allow_infinity=True),
            ),
            min_size=1,
            max_size=8,
        ),
        min_size=1,
        max_size=12,
    )
)
def test_random_tables_never_crash(demo, cells):
    header = ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri", "tu_so", "mau_so", "ghi_chu"]
    text = (
        ",".join(header)
        + "\n"
        + "\n".join(
            ",".join('"' + str(c).replace('"', '""') + '"' if c is not None else "" for c in row)
            for row in cells
        )
    )
    check_outcome(demo, text.encode("utf-8"), "table.csv")


@FIXTURE_SETTINGS
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 10_000), st.binary(min_size=1, max_size=4)),
        min_size=1,
        max_size=3,
    )
)
@example(edits=[(0, 4, b"\x00\x00"), (2, 5314, b"@")])  # "zip file version 6.4": was a crash
def test_mutated_xlsx_never_crashes(demo, edits):

    xlsx = (Path(__file__).parent / "fixtures" / "dienban_2022-07_title_rows.xlsx").read_bytes()
    check_outcome(demo, mutate(xlsx, edits), "mutated.xlsx")
