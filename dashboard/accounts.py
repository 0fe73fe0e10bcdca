"""Who acts: the local operator of the command line, or an account from the users table."""

from dataclasses import dataclass

import duckdb

from dashboard import config, sql

ROLES = ("admin", "unit", "viewer")


@dataclass(frozen=True)
class Actor:
    """The person a write is done for, with what their role lets them do."""

    username: str
    role: str
    unit_code: str | None = None

    @property
    def can_write(self) -> bool:
        """Whether this actor may send figures at all."""
        return self.role in ("admin", "unit")

    def may_report_for(self, unit_code: str) -> bool:
        """Whether this actor may send figures of `unit_code`."""
        return self.role == "admin" or (self.role == "unit" and self.unit_code == unit_code)


LOCAL_OPERATOR = Actor(config.LOCAL_OPERATOR, "admin")


class UnknownAccount(ValueError):
    """No active account has that name."""


def actor(cur: duckdb.DuckDBPyConnection, username: str | None) -> Actor:
    """The actor for `username`; the local operator (admin) when no name is given."""
    if not username:
        return LOCAL_OPERATOR
    row = sql.run(cur, "user_by_name", username=username).fetchone()
    if row is None or row[3]:
        raise UnknownAccount(f"Không có tài khoản đang hoạt động tên «{username}».")
    return Actor(row[0], row[1], row[2])
