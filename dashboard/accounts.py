"""Accounts and who may do what: roles, argon2id password hashes, sign-in with a lockout that
does not tell whether a name exists, single sign-on by e-mail, and the acting user of a write."""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import argon2
import duckdb
import pandas as pd

from dashboard import config, formatting, sql
from dashboard.store import Store, audit, utc_now

ROLES = ("admin", "unit", "viewer")
ROLE_LABELS = {"admin": "Quản trị (Sở)", "unit": "Đơn vị báo cáo", "viewer": "Lãnh đạo (chỉ xem)"}
MIN_PASSWORD_LENGTH = 8
LOCK_AFTER_FAILURES = 5
LOCK_WINDOW = timedelta(minutes=15)
LOCK_TIME = timedelta(minutes=15)
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_hasher = argon2.PasswordHasher()  # argon2id with the library's recommended cost
# Names that do not exist are checked against this hash, so both answers take as long.
_NO_ACCOUNT_HASH = _hasher.hash("không có tài khoản này")


@dataclass(frozen=True)
class Actor:
    """The person a write is done for, with what their role lets them do."""

    username: str
    role: str
    unit_code: str | None = None
    display_name: str = ""

    @property
    def can_write(self) -> bool:
        """Whether this actor may send figures at all."""
        return self.role in ("admin", "unit")

    @property
    def is_admin(self) -> bool:
        """Whether this actor administers the programme (the department)."""
        return self.role == "admin"

    def may_report_for(self, unit_code: str) -> bool:
        """Whether this actor may send figures of `unit_code`."""
        return self.role == "admin" or (self.role == "unit" and self.unit_code == unit_code)


LOCAL_OPERATOR = Actor(config.LOCAL_OPERATOR, "admin", None, "Người vận hành máy chủ")
PUBLIC_VIEWER = Actor("khach", "viewer", None, "Khách (chỉ xem)")


class AccessDenied(PermissionError):
    """The acting user may not do this; the message says so in Vietnamese."""


class AccountError(ValueError):
    """An account change that cannot be made as asked; the message says what to fix."""


class UnknownAccount(AccountError):
    """No active account has that name."""


class SignInRefused(Exception):
    """Sign-in failed; the message is safe to show (it never tells whether a name exists)."""


def require_admin(actor: Actor, what: str) -> None:
    """Refuse unless `actor` is an administrator."""
    if not actor.is_admin:
        raise AccessDenied(f"{what}: chỉ tài khoản quản trị của Sở được làm việc này.")


def _actor(row) -> Actor:
    return Actor(row[0], row[1], row[2], row[5] or row[0])


def actor(cur: duckdb.DuckDBPyConnection, username: str | None) -> Actor:
    """The actor for `username`; the local operator (admin) when no name is given."""
    if not username:
        return LOCAL_OPERATOR
    row = sql.run(cur, "user_by_name", username=username.strip().lower()).fetchone()
    if row is None or row[3]:
        raise UnknownAccount(f"Không có tài khoản đang hoạt động tên «{username}».")
    return _actor(row)


def actor_for_email(cur: duckdb.DuckDBPyConnection, email: str | None) -> Actor | None:
    """The active account whose e-mail a single sign-on reported, or None."""
    if not email:
        return None
    row = sql.run(cur, "user_by_email", email=email.strip()).fetchone()
    if row is None or row[3]:
        return None
    return _actor(row)


def users(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every account, without password hashes."""
    return sql.frame(cur, "user_list")


def check_password(password: str) -> None:
    """Refuse a password too weak to protect a province's figures."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự.")
    if password.strip() != password:
        raise AccountError("Mật khẩu không được bắt đầu hay kết thúc bằng khoảng trắng.")


def check_new_account(
    store: Store,
    by: Actor,
    username: str,
    role: str,
    *,
    unit_code: str | None = None,
    email: str | None = None,
) -> tuple[str, str | None]:
    """The account's stored name and unit, or AccountError/AccessDenied saying why it cannot be
    made (checked before a password is asked for, so that nobody types one for nothing)."""
    require_admin(by, "Tạo tài khoản")
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise AccountError(
            f"Tên đăng nhập «{username}» không hợp lệ: 3–32 ký tự chữ thường "
            "không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới."
        )
    if role not in ROLES:
        raise AccountError(f"Vai trò «{role}» không hợp lệ: admin, unit hoặc viewer.")
    cur = store.cursor()
    if sql.run(cur, "user_by_name", username=name).fetchone() is not None:
        raise AccountError(f"Tên đăng nhập «{name}» đã có.")
    unit_code = unit_code.strip().upper() if unit_code else None
    if role == "unit":
        units = sql.frame(cur, "units")
        active = set(units.loc[units["active"], "code"])
        if not unit_code:
            raise AccountError("Tài khoản đơn vị cần mã đơn vị (--unit), ví dụ HOIAN.")
        if unit_code not in active:
            raise AccountError(f"Mã đơn vị «{unit_code}» không có hoặc đã ngừng hoạt động.")
    elif unit_code:
        raise AccountError("Chỉ tài khoản đơn vị (unit) mới gắn với một đơn vị.")
    if email and not EMAIL.match(email.strip()):
        raise AccountError(f"Thư điện tử «{email}» không hợp lệ.")
    return name, unit_code


def add_user(
    store: Store,
    by: Actor,
    username: str,
    role: str,
    password: str,
    *,
    unit_code: str | None = None,
    display_name: str | None = None,
    email: str | None = None,
) -> Actor:
    """Create an account (administrators only); the password is stored only as its hash."""
    name, unit_code = check_new_account(store, by, username, role, unit_code=unit_code, email=email)
    check_password(password)

    def work(cur):
        sql.run(
            cur,
            "insert_user",
            username=name,
            display_name=display_name or name,
            role=role,
            unit_code=unit_code,
            password_hash=_hasher.hash(password),
            email=email.strip() if email else None,
        )
        audit(
            cur, by.username, "add_user", f"{name} ({role}{' ' + unit_code if unit_code else ''})"
        )

    store.transact(work)
    return Actor(name, role, unit_code, display_name or name)


def _existing(store: Store, username: str):
    row = sql.run(store.cursor(), "user_by_name", username=username.strip().lower()).fetchone()
    if row is None:
        raise AccountError(f"Không có tài khoản «{username}».")
    return row


def check_password_change(store: Store, by: Actor, username: str):
    """The account whose password `by` may change, or why not (checked before one is typed)."""
    row = _existing(store, username)
    if by.username != row[0]:
        require_admin(by, "Đổi mật khẩu của người khác")
    return row


def set_password(store: Store, by: Actor, username: str, password: str) -> None:
    """Change a password: one's own, or anyone's for an administrator."""
    row = check_password_change(store, by, username)
    check_password(password)

    def work(cur):
        sql.run(cur, "update_user_password", username=row[0], password_hash=_hasher.hash(password))
        audit(cur, by.username, "set_password", row[0])

    store.transact(work)


def set_disabled(store: Store, by: Actor, username: str, disabled: bool) -> None:
    """Disable or re-enable an account (administrators only; never the last active admin)."""
    require_admin(by, "Khóa hoặc mở tài khoản")
    row = _existing(store, username)
    if disabled and row[1] == "admin":
        admins = users(store.cursor())
        active = admins[(admins["role"] == "admin") & ~admins["disabled"]]
        if list(active["username"]) == [row[0]]:
            raise AccountError("Không thể khóa tài khoản quản trị cuối cùng đang hoạt động.")

    def work(cur):
        sql.run(cur, "update_user_disabled", username=row[0], disabled=disabled)
        audit(cur, by.username, "disable_user" if disabled else "enable_user", row[0])

    store.transact(work)


def locked_until(cur: duckdb.DuckDBPyConnection, username: str, now: datetime) -> datetime | None:
    """When a name that failed 5 times within 15 minutes may try again, or None."""
    attempts = sql.frame(
        cur, "recent_login_attempts", username=username, since=now - LOCK_WINDOW - LOCK_TIME
    )
    failures = []
    for row in attempts.itertuples():
        failures = [] if row.succeeded else [*failures, row.attempted_at.to_pydatetime()]
    until = None
    for i in range(LOCK_AFTER_FAILURES - 1, len(failures)):
        if failures[i] - failures[i - LOCK_AFTER_FAILURES + 1] <= LOCK_WINDOW:
            until = failures[i] + LOCK_TIME
    return until if until and until > now else None


def sign_in(store: Store, username: str, password: str, now: datetime | None = None) -> Actor:
    """The account for a name and password; SignInRefused with the same words (and about the
    same time) whether the name is unknown or the password wrong, and a wait after 5 failures."""
    now = now or utc_now()
    name = (username or "").strip().lower()
    cur = store.cursor()
    row = sql.run(cur, "user_by_name", username=name).fetchone() if name else None
    stored = row[4] if row is not None and row[4] else _NO_ACCOUNT_HASH
    until = locked_until(cur, name, now)
    try:
        matches = _hasher.verify(stored, password or "")
    except (argon2.exceptions.VerifyMismatchError, argon2.exceptions.InvalidHashError):
        matches = False
    if until is not None:
        raise SignInRefused(
            f"Đã nhập sai mật khẩu {LOCK_AFTER_FAILURES} lần: tên đăng nhập này phải chờ đến "
            f"{formatting.date_time(until)[-5:]} (15 phút) mới đăng nhập lại được."
        )
    ok = matches and row is not None and stored is not _NO_ACCOUNT_HASH

    def work(write):
        sql.run(write, "insert_login_attempt", username=name, attempted_at=now, succeeded=ok)

    store.transact(work)
    if not ok:
        raise SignInRefused("Tên đăng nhập hoặc mật khẩu không đúng.")
    if row[3]:
        raise SignInRefused("Tài khoản này đã bị khóa. Liên hệ Sở để được mở lại.")
    return _actor(row)


SESSION_LENGTH = timedelta(hours=12)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(store: Store, who: Actor, now: datetime | None = None) -> str:
    """A new browser-session token for a signed-in account (only its hash is stored)."""
    token = secrets.token_urlsafe(32)

    def work(cur):
        sql.run(
            cur,
            "insert_web_session",
            token_hash=_token_hash(token),
            username=who.username,
            created_at=now or utc_now(),
            revoked=False,
        )

    store.transact(work)
    return token


def session_actor(
    cur: duckdb.DuckDBPyConnection, token: str | None, now: datetime | None = None
) -> Actor | None:
    """The account of a browser session that is less than 12 hours old, not ended, and whose
    account is still active; None otherwise."""
    if not token:
        return None
    row = sql.run(
        cur,
        "web_session_user",
        token_hash=_token_hash(token),
        since=(now or utc_now()) - SESSION_LENGTH,
    ).fetchone()
    return None if row is None else _actor(row)


def end_session(store: Store, token: str | None, username: str) -> None:
    """End a browser session, so its cookie no longer signs anyone in."""
    if not token:
        return

    def work(cur):
        sql.run(
            cur,
            "insert_web_session",
            token_hash=_token_hash(token),
            username=username,
            created_at=utc_now(),
            revoked=True,
        )

    store.transact(work)
