"""Accounts: hashing, sign-in, the lockout that does not reveal names, single sign-on mapping."""

import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from builders import catalogue
from dashboard import accounts
from dashboard.accounts import LOCAL_OPERATOR, AccountError, SignInRefused

T0 = datetime(2026, 11, 26, 8, 0)


@pytest.fixture
def people(store):
    catalogue(store, [("HOIAN", "A"), ("TAMKY", "A")], [("S", "stock", "count", "up", "month")])
    accounts.add_user(store, LOCAL_OPERATOR, "admin", "admin", "mật-khẩu-quản-trị")
    accounts.add_user(
        store,
        LOCAL_OPERATOR,
        "HoiAn",
        "unit",
        "hoian-2022!",
        unit_code="hoian",
        email="vhtt@hoian.gov.vn",
    )
    accounts.add_user(store, LOCAL_OPERATOR, "lanhdao", "viewer", "lanh-dao-xem")
    return store


def stored_bytes(store, db_path) -> bytes:
    """Everything the store wrote: the file, or the lake's data folder and catalog dump."""
    store.cursor().execute("CHECKPOINT")
    if store.kind == "file":
        return Path(db_path).read_bytes()
    folder = Path(os.environ["CDS_DATA_PATH"])
    files = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    conninfo = store.path.removeprefix("ducklake:postgres:")
    dump = subprocess.run(["pg_dump", conninfo], check=True, capture_output=True).stdout
    return files + dump


def test_passwords_are_argon2id_hashes_never_clear(people, db_path):
    hashes = [
        row[0] for row in people.cursor().execute("SELECT password_hash FROM users").fetchall()
    ]
    assert all(h.startswith("$argon2id$") for h in hashes)
    raw = stored_bytes(people, db_path)
    assert hashes[0].encode() in raw  # the check below reads what was really stored
    for secret in ("mật-khẩu-quản-trị", "hoian-2022!", "lanh-dao-xem"):
        assert secret.encode() not in raw
    listed = accounts.users(people.cursor())
    assert "password_hash" not in listed.columns


def test_sign_in(people):
    who = accounts.sign_in(people, " HOIAN ", "hoian-2022!", now=T0)
    assert (who.username, who.role, who.unit_code) == ("hoian", "unit", "HOIAN")


def test_wrong_password_and_unknown_name_get_the_same_answer(people, monkeypatch):
    calls = []
    real = accounts._hasher

    class Counting:
        def verify(self, stored, password):
            calls.append(stored)
            return real.verify(stored, password)

    monkeypatch.setattr(accounts, "_hasher", Counting())
    answers = []
    for name in ("hoian", "khong-co-ai"):
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in(people, name, "sai-mat-khau", now=T0)
        answers.append(str(refused.value))
    assert answers[0] == answers[1] == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert len(calls) == 2  # an unknown name is hashed too, so it takes as long


@pytest.mark.parametrize("name", ["hoian", "khong-co-ai"])
def test_five_failures_in_15_minutes_lock_the_name_for_15_minutes(people, name):
    for minute in range(5):
        with pytest.raises(SignInRefused, match="không đúng"):
            accounts.sign_in(people, name, "sai", now=T0 + timedelta(minutes=2 * minute))
    locked_at = T0 + timedelta(minutes=8)
    with pytest.raises(SignInRefused, match="phải chờ đến"):
        accounts.sign_in(people, name, "hoian-2022!", now=locked_at + timedelta(minutes=1))
    with pytest.raises(SignInRefused, match="phải chờ đến"):
        accounts.sign_in(people, name, "hoian-2022!", now=locked_at + timedelta(minutes=14))
    after = locked_at + timedelta(minutes=15, seconds=1)
    if name == "hoian":
        assert accounts.sign_in(people, name, "hoian-2022!", now=after).username == "hoian"
    else:
        with pytest.raises(SignInRefused, match="không đúng"):
            accounts.sign_in(people, name, "x", now=after)


def test_failures_spread_over_more_than_15_minutes_do_not_lock(people):
    for minute in (0, 5, 10, 15, 20):
        with pytest.raises(SignInRefused, match="không đúng"):
            accounts.sign_in(people, "hoian", "sai", now=T0 + timedelta(minutes=minute))
    assert accounts.sign_in(people, "hoian", "hoian-2022!", now=T0 + timedelta(minutes=21))


def test_a_success_clears_earlier_failures(people):
    for minute in range(4):
        with pytest.raises(SignInRefused):
            accounts.sign_in(people, "hoian", "sai", now=T0 + timedelta(minutes=minute))
    accounts.sign_in(people, "hoian", "hoian-2022!", now=T0 + timedelta(minutes=4))
    with pytest.raises(SignInRefused, match="không đúng"):
        accounts.sign_in(people, "hoian", "sai", now=T0 + timedelta(minutes=5))


def test_disabled_account(people):
    accounts.set_disabled(people, LOCAL_OPERATOR, "hoian", True)
    with pytest.raises(SignInRefused, match="đã bị khóa"):
        accounts.sign_in(people, "hoian", "hoian-2022!", now=T0)
    with pytest.raises(accounts.UnknownAccount):
        accounts.actor(people.cursor(), "hoian")
    accounts.set_disabled(people, LOCAL_OPERATOR, "hoian", False)
    assert accounts.sign_in(people, "hoian", "hoian-2022!", now=T0).role == "unit"


@pytest.mark.parametrize(
    ("name", "role", "password", "unit", "email", "message"),
    [
        ("x", "viewer", "12345678", None, None, "không hợp lệ"),
        ("Hội An", "viewer", "12345678", None, None, "không hợp lệ"),
        ("admin", "viewer", "12345678", None, None, "đã có"),
        ("moi", "boss", "12345678", None, None, "Vai trò"),
        ("moi", "unit", "12345678", None, None, "cần mã đơn vị"),
        ("moi", "unit", "12345678", "XX", None, "không có"),
        ("moi", "viewer", "12345678", "HOIAN", None, "Chỉ tài khoản đơn vị"),
        ("moi", "viewer", "1234567", None, None, "ít nhất 8"),
        ("moi", "viewer", " 12345678", None, None, "khoảng trắng"),
        ("moi", "viewer", "12345678", None, "khong-phai-email", "không hợp lệ"),
    ],
)
def test_bad_accounts_are_refused(people, name, role, password, unit, email, message):
    with pytest.raises(AccountError, match=message):
        accounts.add_user(people, LOCAL_OPERATOR, name, role, password, unit_code=unit, email=email)


def test_passwords_change_for_oneself_or_by_an_admin(people):
    hoian = accounts.actor(people.cursor(), "hoian")
    accounts.set_password(people, hoian, "hoian", "mat-khau-moi-1")
    assert accounts.sign_in(people, "hoian", "mat-khau-moi-1", now=T0)
    with pytest.raises(accounts.AccessDenied):
        accounts.set_password(people, hoian, "admin", "chiem-quyen-1")
    accounts.set_password(people, LOCAL_OPERATOR, "hoian", "sở-đặt-lại-1")
    assert accounts.sign_in(people, "hoian", "sở-đặt-lại-1", now=T0)


def test_the_last_admin_cannot_be_locked_out(people):
    with pytest.raises(AccountError, match="cuối cùng"):
        accounts.set_disabled(people, LOCAL_OPERATOR, "admin", True)


def test_single_sign_on_maps_by_email(people):
    who = accounts.actor_for_email(people.cursor(), "VHTT@HoiAn.gov.vn")
    assert (who.username, who.role, who.unit_code) == ("hoian", "unit", "HOIAN")
    assert accounts.actor_for_email(people.cursor(), "la@ai.vn") is None
    assert accounts.actor_for_email(people.cursor(), None) is None
    accounts.set_disabled(people, LOCAL_OPERATOR, "hoian", True)
    assert accounts.actor_for_email(people.cursor(), "vhtt@hoian.gov.vn") is None


def test_every_account_change_is_audited(people):
    actions = [
        row[0]
        for row in people.cursor()
        .execute("SELECT action FROM audit_log WHERE action LIKE '%user%'")
        .fetchall()
    ]
    assert actions.count("add_user") == 3


def test_browser_sessions_last_12_hours_and_end_on_sign_out(people):
    hoian = accounts.actor(people.cursor(), "hoian")
    token = accounts.start_session(people, hoian, now=T0)
    assert accounts.session_actor(people.cursor(), token, now=T0 + timedelta(hours=11)) == hoian
    assert accounts.session_actor(people.cursor(), token, now=T0 + timedelta(hours=13)) is None
    assert accounts.session_actor(people.cursor(), "doan-bua", now=T0) is None
    assert accounts.session_actor(people.cursor(), None) is None
    stored = people.cursor().execute("SELECT token_hash FROM web_sessions").fetchall()
    assert token not in {row[0] for row in stored}  # only a hash is kept
    accounts.end_session(people, token, "hoian")
    assert accounts.session_actor(people.cursor(), token, now=T0 + timedelta(hours=1)) is None


def test_a_locked_account_loses_its_sessions(people):
    hoian = accounts.actor(people.cursor(), "hoian")
    token = accounts.start_session(people, hoian)
    accounts.set_disabled(people, LOCAL_OPERATOR, "hoian", True)
    assert accounts.session_actor(people.cursor(), token) is None
