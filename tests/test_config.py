"""Settings and the clock the rules read."""

from datetime import UTC, date, datetime

from dashboard import config


def test_today_is_vietnams_date_on_a_server_that_keeps_utc(monkeypatch):
    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)  # 06:30 on 1 December in Vietnam
            return late if tz is None else late.astimezone(tz)

    monkeypatch.setattr(config, "datetime", Clock)
    assert config.today() == date(2026, 12, 1)  # November's reports are due from this morning
