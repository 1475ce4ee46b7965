"""The countdown of a `wait` step in the plain face: the time left every minute, then
every ten seconds; `s` and Enter (or Ctrl+C) skips it, `!` goes to the emergency steps.

Time is read through the face's `clock`, and the face's `poll` (or `sleep`, where
typing cannot be watched) does the waiting, so tests run a five-minute timer at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from guide.flow.reserved import PLAIN_AT_WAIT, Command, plain_command
from guide.i18n.strings import S

if TYPE_CHECKING:
    from guide.faces.plain.guide import PlainIO


Ended = Literal["done", "skipped", "emergency", "stopped"]
"""How a countdown ended: ran out; `s` typed; `!` typed; Ctrl+C pressed."""


def run_countdown(seconds: int, io: PlainIO) -> Ended:
    """Count `seconds` down aloud, saying how to skip; returns how it ended."""
    io.say(S.plain_timer_running if io.poll else S.plain_timer_running_ctrl_c)
    try:
        ended = _count(seconds, io)
    except KeyboardInterrupt:
        io.say(S.plain_timer_stopped)
        return "stopped"
    if ended == "done":
        io.say("\a" + S.plain_time_up)
    elif ended == "skipped":
        io.say(S.plain_timer_skipped)
    return ended


def _count(seconds: int, io: PlainIO) -> Ended:
    end = io.clock() + seconds
    for remaining in countdown(seconds):
        io.say("  " + S.plain_time_left.format(time=format_duration(remaining)))
        due = end - remaining + step_after(remaining)  # when the next line is said
        while (left := due - io.clock()) > 0:
            if io.poll is None:
                io.sleep(left)
                continue
            line = io.poll(left)
            if line is None:
                continue
            typed = line.strip().lower()
            if PLAIN_AT_WAIT.get(typed) is Command.SKIP:
                return "skipped"
            if plain_command(typed) is Command.EMERGENCY:
                return "emergency"
            io.say(S.plain_timer_still_running)
    return "done"


def step_after(remaining: int) -> int:
    """Seconds until the next announcement: a minute while more than one is left, else ten."""
    return min(remaining, 60 if remaining > 60 else 10)


def countdown(seconds: int) -> Iterator[int]:
    """The remaining times to announce: every minute, then every ten seconds."""
    remaining = seconds
    while remaining > 0:
        yield remaining
        remaining -= step_after(remaining)


def format_duration(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    parts = [
        S.duration_hours.format(n=hours) if hours else "",
        S.duration_minutes.format(n=minutes) if minutes else "",
        S.duration_seconds.format(n=secs) if secs else "",
    ]
    return " ".join(p for p in parts if p) or S.duration_seconds.format(n=0)
