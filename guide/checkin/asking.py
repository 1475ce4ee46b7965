"""A check-in as a face shows it, and what each answer does.

Both faces and `hangup-guide check-in` ask the same way: `due_check_in` finds the
one to ask (the latest due), `question` words it, `CHOICES` are the answers in order,
and `settle` keeps the answer and, for "It didn't work", opens the bundled
`follow-up` flow as a new saved walk. The faces only render these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import assert_never

from guide.flow.engine import Walk
from guide.history.checkins import ANSWERS, Answer, CheckIn, due_now
from guide.history.recorder import start_saving
from guide.history.store import Store
from guide.i18n.strings import S
from guide.i18n.timewords import when
from guide.library.flows import Library

FOLLOW_UP = "follow-up"
"""The bundled flow "It didn't work" leads to (flows/follow-up.yaml)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer as offered: its number, what it means, its words."""

    number: int
    answer: Answer
    label: str


def choices() -> list[Choice]:
    """The four answers, numbered 1-4, in the words in use."""
    words = {
        "worked": S.check_in_worked,
        "did-not-work": S.check_in_did_not_work,
        "not-yet": S.check_in_not_yet,
        "dont-ask": S.check_in_dont_ask,
    }
    return [Choice(n, answer, words[answer]) for n, answer in enumerate(ANSWERS, 1)]


def due_check_in(store: Store, now: datetime) -> CheckIn | None:
    """The check-in to ask about now: the latest one due; None when none is (or the
    store cannot be read)."""
    try:
        due = due_now(store.check_ins(), now)
    except sqlite3.Error:
        return None
    return due[0] if due else None


def question(check_in: CheckIn, finished: str = "") -> list[str]:
    """What the face shows above the answers: the advice given (with the person's
    name, when the walk was given one), and when, if `finished` is known."""
    if check_in.name:
        advice = S.check_in_advice_name.format(name=check_in.name, title=check_in.title)
    else:
        advice = S.check_in_advice.format(title=check_in.title)
    lines = [advice]
    if finished:
        lines.append(S.check_in_when.format(id=check_in.session_id, when=when(finished)))
    return lines


@dataclass(frozen=True, slots=True)
class Settled:
    """What an answer did."""

    check_in: CheckIn
    """As it now stands (still open after "not yet")."""
    said: str
    """A calm line to show after it."""
    follow_up: Walk | None = None
    """After "It didn't work": the follow-up walk to go on with, saved as it goes."""


def settle(
    store: Store,
    check_in: CheckIn,
    answer: Answer,
    *,
    library: Library | None,
    now: datetime,
    tell: Callable[[str], None] | None = None,
) -> Settled:
    """Keep the answer; for "It didn't work", open the follow-up walk (when the flow
    is there: else `said` says it cannot be found). `StoreUnavailable` when the answer
    cannot be kept."""
    kept = store.answer_check_in(check_in.session_id, answer, now)
    match answer:
        case "worked":
            return Settled(kept, S.check_in_thanks_worked)
        case "not-yet":
            return Settled(kept, S.check_in_thanks_not_yet)
        case "dont-ask":
            return Settled(kept, S.check_in_thanks_dont_ask)
        case "did-not-work":
            flow = library.flows.get(FOLLOW_UP) if library is not None else None
            if flow is None:
                return Settled(kept, S.check_in_no_follow_up)
            walk = Walk(flow, library.resolver() if library else None)
            start_saving(walk, store, tell)
            return Settled(kept, S.check_in_follow_up, walk)
        case _:
            assert_never(answer)


def finished_at(store: Store, check_in: CheckIn) -> str:
    """When the walk asked about reached its advice ("" when it cannot be read)."""
    try:
        return store.session(check_in.session_id).updated
    except (KeyError, sqlite3.Error):
        return ""


__all__ = [
    "FOLLOW_UP",
    "Choice",
    "Settled",
    "choices",
    "due_check_in",
    "finished_at",
    "question",
    "settle",
    "utc_now",
]
