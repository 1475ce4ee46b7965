"""The check-in in the line-by-line face: "How did it go?" before the walk begins."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from guide.checkin.asking import choices, due_check_in, finished_at, question, settle
from guide.faces.plain.guide import PlainIO
from guide.flow.crisis import crisis
from guide.flow.engine import Walk
from guide.flow.reserved import Command, plain_command
from guide.history.checkins import Answer, CheckIn, answer_of
from guide.history.store import Store, StoreUnavailable
from guide.i18n.strings import S
from guide.library.flows import Library

Asked = Walk | Literal["emergency"] | None
"""After the check-in: the follow-up walk to go on with, the emergency steps, or None
(go on as usual)."""


def offer_check_in(store: Store, library: Library, io: PlainIO, now: datetime) -> Asked:
    """Ask about the latest check-in due, if one is; Enter (or the end of input) skips it."""
    check_in = due_check_in(store, now)
    if check_in is None:
        return None
    return ask_about(store, check_in, library, io, now)


def ask_about(
    store: Store, check_in: CheckIn, library: Library, io: PlainIO, now: datetime
) -> Asked:
    """Ask about this check-in; Enter (or the end of input) skips it."""
    show_check_in(store, check_in, io)
    picked = read_answer(io)
    if picked is None or picked == "emergency":
        if picked is None:
            io.say(S.check_in_skipped)
        return picked
    return answered(store, check_in, picked, library=library, io=io, now=now)


def show_check_in(store: Store, check_in: CheckIn, io: PlainIO) -> None:
    io.say(S.check_in_title)
    for line in question(check_in, finished_at(store, check_in)):
        io.say(line)
    for choice in choices():
        io.say(f"  {choice.number}) {choice.label}")
    io.say(S.check_in_plain_hint)


def read_answer(io: PlainIO) -> Answer | Literal["emergency"] | None:
    """An answer, "emergency" (`!`, or words of danger), or None: skipped for now."""
    while True:
        try:
            line = io.ask().strip()
        except EOFError:
            io.say()
            return None
        if not line or plain_command(line) is Command.QUIT:
            return None
        if plain_command(line) is Command.EMERGENCY or crisis(line):
            return "emergency"
        answer = answer_of(line)
        if answer is not None:
            return answer
        io.say(S.check_in_not_understood)


def answered(
    store: Store, check_in: CheckIn, answer: Answer, *, library: Library, io: PlainIO, now: datetime
) -> Asked:
    """Keep the answer, say so; the follow-up walk after "It didn't work"."""
    try:
        settled = settle(store, check_in, answer, library=library, now=now, tell=io.tell)
    except StoreUnavailable as exc:
        io.tell(str(exc))
        return None
    io.say(settled.said)
    return settled.follow_up
