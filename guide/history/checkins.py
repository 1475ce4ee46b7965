"""Check-ins: asking how a walk's advice went, some time after it (issue 19).

An outcome with `check_in: 2h` gives the saved walk that reached it a check-in, due
two hours after the walk finished. Until it is answered it is open; each answer is
one of `ANSWERS`. "Not yet" keeps it open and asks again one interval later. This
module is pure: every function that needs the time is handed it (`now`), so the
due logic is tested with any clock, never by waiting. The store keeps check-ins in
`guide.history.checkin_store`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, TypeAlias, get_args

__all__ = [
    "ANSWERS",
    "Answer",
    "CheckIn",
    "Planned",
    "answer_of",
    "asked_again",
    "coming_due",
    "due_at",
    "due_now",
    "parse",
    "stamp",
]

Answer: TypeAlias = Literal["worked", "did-not-work", "not-yet", "dont-ask"]
"""What the person said: it worked; it did not (a follow-up walk starts); not done yet
(ask again later); do not ask about this one."""
ANSWERS: tuple[Answer, ...] = get_args(Answer)
"""In the order the faces offer them: 1 to 4."""


@dataclass(frozen=True, slots=True)
class Planned:
    """A check-in to keep with a walk that reached an outcome with `check_in:`."""

    outcome: str
    """The outcome's node id."""
    title: str
    """The advice as it was shown (its title)."""
    name: str
    """The person's name, when the walk was given one (the `name` fact); else ""."""
    every: int
    """Seconds from the walk's end to the question, and again after each "not yet"."""


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One saved walk's check-in, as the store keeps it."""

    session_id: int
    outcome: str
    title: str
    name: str
    every: int
    due: str
    """When to ask: an ISO time in UTC."""
    answer: Answer | None
    """None while open."""
    answered: str | None
    """When it was closed (ISO, UTC); None while open."""
    asked: int
    """How many times the person said "not yet"."""

    @property
    def open(self) -> bool:
        return self.answer is None

    def due_time(self) -> datetime:
        return parse(self.due)


def stamp(moment: datetime) -> str:
    """A time as the store keeps it: ISO, UTC, to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    """A stored time back; one without a zone is taken as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def due_at(finished: str, seconds: int) -> str:
    """When a walk that finished at `finished` (ISO) is asked about."""
    return stamp(parse(finished) + timedelta(seconds=seconds))


def due_now(check_ins: Iterable[CheckIn], now: datetime) -> list[CheckIn]:
    """The open check-ins due at `now`, the latest due first (then the newest walk)."""
    due = [c for c in check_ins if c.open and c.due_time() <= now]
    return sorted(due, key=lambda c: (c.due_time(), c.session_id), reverse=True)


def coming_due(check_ins: Iterable[CheckIn], since: datetime, now: datetime) -> list[CheckIn]:
    """The open check-ins that came due after `since`, up to `now` (while the app was
    open): the latest due first."""
    return [c for c in due_now(check_ins, now) if c.due_time() > since]


def asked_again(check_in: CheckIn, now: datetime) -> str:
    """When to ask again after "not yet": one interval from now."""
    return stamp(now + timedelta(seconds=check_in.every))


ANSWER_WORDS: dict[str, Answer] = {
    "1": "worked",
    "2": "did-not-work",
    "3": "not-yet",
    "4": "dont-ask",
    **{answer: answer for answer in ANSWERS},
    "didnt-work": "did-not-work",
    "didn't-work": "did-not-work",
    "not-tried": "not-yet",
    "don't-ask": "dont-ask",
}


def answer_of(typed: str) -> Answer | None:
    """An answer from what was typed: its number (1-4) or its name (`worked`,
    `did-not-work`, `not-yet`, `dont-ask`; spaces or underscores for dashes, any case)."""
    key = "-".join(typed.strip().lower().replace("_", " ").split())
    return ANSWER_WORDS.get(key)


def as_written(seconds: int) -> str:
    """A check-in's interval the way a flow writes it: `1d`, `2h`, `1d12h`, `30m`."""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [(days, "d"), (hours, "h"), (minutes, "m")]
    return "".join(f"{n}{unit}" for n, unit in parts if n) or "0m"
