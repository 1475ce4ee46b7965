"""A running countdown in the plain face says how to skip it, and `s` then Enter
skips it (Ctrl+C too; `!` goes to the emergency steps); the walk then goes on.

Most tests walk in-process with a fake person and a fake clock, so a five-minute
timer runs in no time; one runs `python -m guide --plain` on a pipe and types `s`
while the real timer runs; and the line reader is checked on a real pipe.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.faces.plain.guide import PlainIO, run_interactive
from guide.faces.plain.typed import TypedLines
from guide.flow.engine import Walk
from guide.i18n.strings import ENGLISH
from guide.library.flows import bundled_flows, open_flow, scan
from tests.helpers import REPO

LIBRARY = scan(bundled_flows())
MAIN = next(path for path in bundled_flows() if path.stem == "hang-up")
TO_THE_TIMER = [(None, ""), (None, "1"), (None, "1"), (None, "")]  # on, accident, just now, timer
CALLED_BACK = "Did they call you back?"


class Person:
    """Types lines: each at a moment on the fake clock (None: as soon as asked)."""

    def __init__(self, typed: list[tuple[float | None, str]]) -> None:
        self.typed = typed
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def read(self) -> str:
        if not self.typed:
            raise EOFError
        when, line = self.typed.pop(0)
        self.now = max(self.now, when or 0.0)
        return line

    def poll(self, seconds: float) -> str | None:
        if self.typed and (self.typed[0][0] or 0.0) <= self.now + seconds:
            return self.read()
        self.now += seconds
        return None

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def never_sleep(seconds: float) -> None:
    raise AssertionError(f"slept {seconds} s for real")


def walk_with(person: Person, *, watched: bool = True) -> str:
    """Walk the main flow in-process with `person`; what was shown."""
    out = io.StringIO()
    plain = PlainIO(
        read=person.read,
        out=out,
        err=io.StringIO(),
        sleep=never_sleep if watched else person.sleep,
        poll=person.poll if watched else None,
        clock=person.clock,
        width=lambda stream: None,
    )
    assert run_interactive(Walk(open_flow(MAIN, LIBRARY), LIBRARY.resolver()), plain) == 0
    return out.getvalue()


def test_s_then_enter_skips_a_running_countdown() -> None:
    person = Person([*TO_THE_TIMER, (90.0, "s"), (None, "q")])
    out = walk_with(person)
    started = out.index(ENGLISH.plain_timer_running)  # how to skip it, said at the start
    assert out.index("  5 min left", started) < out.index("  4 min left", started)
    assert "3 min left" not in out  # skipped at 1.5 min, before the next line
    skipped = out.index(ENGLISH.plain_timer_skipped, started)
    assert out.index(CALLED_BACK, skipped) > skipped  # the walk goes on
    assert ENGLISH.plain_time_up not in out
    assert person.now == 90.0


def test_other_typing_is_told_how_to_skip_and_the_timer_runs_on() -> None:
    person = Person([*TO_THE_TIMER, (30.0, "hello?"), (255.0, "skip"), (None, "q")])
    out = walk_with(person)
    assert out.count(ENGLISH.plain_timer_still_running) == 1
    assert "  1 min left" in out and "  50 s left" in out  # the lines went on after it
    assert "  40 s left" not in out
    assert out.index(CALLED_BACK) > out.index(ENGLISH.plain_timer_skipped)


def test_a_countdown_left_alone_runs_out_on_time() -> None:
    person = Person([*TO_THE_TIMER, (None, "q")])
    person.typed[-1] = (1000.0, "q")  # typed long after the timer is over
    out = walk_with(person)
    said = [line.strip() for line in out.splitlines() if line.endswith(" left")]
    assert said == [
        *(f"{n} min left" for n in (5, 4, 3, 2, 1)),
        *(f"{n} s left" for n in (50, 40, 30, 20, 10)),
    ]
    assert "\a" + ENGLISH.plain_time_up in out
    assert out.index(CALLED_BACK) > out.index(ENGLISH.plain_time_up)


def test_the_emergency_key_during_a_countdown() -> None:
    out = walk_with(Person([*TO_THE_TIMER, (20.0, "!")]))
    assert "NEXT STEP: Treat this as an emergency" in out
    assert CALLED_BACK not in out


def test_ctrl_c_stops_the_countdown_not_the_walk() -> None:
    person = Person([*TO_THE_TIMER, (None, "q")])

    def interrupted(seconds: float) -> str | None:
        raise KeyboardInterrupt

    person.poll = interrupted  # type: ignore[method-assign]  # the test stands in for the terminal's poll
    out = walk_with(person)
    assert out.index(CALLED_BACK) > out.index(ENGLISH.plain_timer_stopped)


def test_where_typing_cannot_be_watched_it_says_ctrl_c() -> None:
    """Windows: no select on standard input; the timer sleeps and Ctrl+C stops it."""
    person = Person([*TO_THE_TIMER, (None, "q")])
    out = walk_with(person, watched=False)
    assert ENGLISH.plain_timer_running_ctrl_c in out
    assert ENGLISH.plain_timer_running not in out
    assert person.now == 300.0 and ENGLISH.plain_time_up in out


# --- for real: a pipe, and the guide in a subprocess --------------------------------------


@pytest.fixture
def pipe() -> Iterator[tuple[TypedLines, int]]:
    read_end, write_end = os.pipe()
    yield TypedLines(read_end, "utf-8", "replace"), write_end
    os.close(read_end)


def test_lines_already_sent_are_seen_while_waiting(pipe: tuple[TypedLines, int]) -> None:
    """`input()` would hold the second line in its buffer where select cannot see it."""
    lines, write_end = pipe
    os.write(write_end, b"first\nsecond\r\n\xff\n")
    assert lines.read() == "first"
    assert lines.poll(0.01) == "second"
    assert lines.poll(0.01) == "\ufffd"
    assert lines.poll(0.01) is None
    os.write(write_end, b"tail")
    os.close(write_end)
    assert lines.poll(0.01) is None  # not a whole line; after the end it only waits
    assert lines.read() == "tail"
    with pytest.raises(EOFError):
        lines.read()


def test_s_typed_into_a_running_timer_of_the_real_guide(tmp_path: Path) -> None:
    env = {**os.environ, "HANGUP_GUIDE_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    env.pop("COLUMNS", None)
    guide = subprocess.Popen(
        [sys.executable, "-m", "guide", "--plain", "--no-save"],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert guide.stdin is not None and guide.stdout is not None
    try:
        guide.stdin.write("\n1\n1\n\n")  # on, accident, just now, start the five-minute timer
        guide.stdin.flush()
        seen = ""
        while "5 min left" not in seen:
            line = guide.stdout.readline()
            assert line, seen
            seen += line
        out, err = guide.communicate("s\nq\n", timeout=10)  # not five minutes
    finally:
        guide.kill()
        guide.wait()
    assert guide.returncode == 0, err
    assert ENGLISH.plain_timer_running in seen
    assert out.index(CALLED_BACK) > out.index(ENGLISH.plain_timer_skipped)
