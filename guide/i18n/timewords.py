"""Saved times and counts in the person's words: local time, "1 step" and "2 steps".

The store keeps every time in UTC (ISO 8601, for programs and `--json`); a person
reads it in their own time zone: "today, 14:05", "yesterday, 09:12", "3 Dec 2026,
14:05". The words (month names, "today") and the singular and plural of each count
come from the catalogue (`guide.i18n.strings`), so a translation gives its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from guide.i18n.strings import S


def local(stamp: str) -> datetime | None:
    """A stored ISO time in the local time zone; None when it cannot be read."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:  # written without a zone: the store writes UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def when(stamp: str, now: datetime | None = None) -> str:
    """A stored time in local time, in words ("today, 14:05" when it was today); the
    stamp as it is when unreadable."""
    moment = local(stamp)
    if moment is None:
        return stamp
    today = (now or datetime.now().astimezone()).astimezone().date()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return S.time_today.format(time=clock)
    if moment.date() == today - timedelta(days=1):
        return S.time_yesterday.format(time=clock)
    return on_date(stamp)


def on_date(stamp: str) -> str:
    """A stored time in local time with its date, never "today": for a document that
    is read later (an export)."""
    moment = local(stamp)
    if moment is None:
        return stamp
    clock = moment.strftime("%H:%M")
    months = S.time_months.split()
    month = months[moment.month - 1] if len(months) == 12 else f"{moment.month:02d}"
    return S.time_date.format(day=moment.day, month=month, year=moment.year, time=clock)


def count(number: int, one: str, other: str) -> str:
    """`one` for exactly one, `other` for any other number; `{n}` is the number."""
    return (one if number == 1 else other).format(n=number)


def steps(number: int) -> str:
    """ "1 step", "2 steps"."""
    return count(number, S.count_steps_one, S.count_steps_other)
