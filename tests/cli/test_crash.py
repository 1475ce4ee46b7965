"""kill -9 at any moment: what was acknowledged is saved, the file stays sound, and the
next start resumes exactly where the walk stopped.

A walk of flows/hang-up.yaml runs in `python -m guide --plain`; the test types one
line at a time and waits until the next step is printed (by then the answer was
committed), then at a random step sends SIGKILL, at random with or without an
answer in flight. Seeded, so a failure can be replayed.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from guide.history.store import Event, Session, Store, steps_of
from guide.i18n.strings import ENGLISH

from ..helpers import guide
from .test_history import MAIN, RESUME, Script, lines, script_of

pytestmark = pytest.mark.slow  # real processes killed at random moments

WAIT_PROMPT = ENGLISH.plain_wait_prompt

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 20
SCRIPTS = [script_of(MAIN, e.answers) for e in MAIN.examples]
KILLS = 25
FLOODS = 12


class Running:
    """`python -m guide --plain` with a pipe on each side; stdout read by a thread."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "guide", "--plain"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._out = bytearray()
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while chunk := os.read(fd, 65536):
            with self._changed:
                self._out += chunk
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for_prompts(self, count: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        with self._changed:
            while self.prompts_locked() < count:
                left = deadline - time.monotonic()
                assert left > 0, f"no prompt {count} in time:\n{self._out.decode()}"
                assert self.proc.poll() is None or self._reader.is_alive(), self._out.decode()
                self._changed.wait(left)

    def prompts_locked(self) -> int:
        text = self._out.decode("utf-8", errors="replace")
        return text.count("\n> ") + text.count("\n" + WAIT_PROMPT)

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{line}\n".encode())
        self.proc.stdin.flush()

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        assert self.proc.stderr is not None
        said = self.proc.stderr.read().decode("utf-8", errors="replace")
        assert "Traceback" not in said, said  # killed, yes; crashed before that, never
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                with contextlib.suppress(BrokenPipeError):
                    pipe.close()


def the_walk(path: Path) -> tuple[Session, list[Event]] | None:
    """The one walk in the store and its events, the file checked sound first; None when
    the walk was killed before its first answer was saved (a record begins there)."""
    if not path.exists():
        return None
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    store = Store.open(path)
    try:
        sessions = store.sessions()
        if not sessions:
            return None
        (session,) = sessions
        return session, store.events(session.id)
    finally:
        store.close()


def saved_steps(path: Path, script: Script) -> list[tuple[int, str, str, str]]:
    """(seq, kind, asked, label) of the one walk in the store; it is finished exactly when
    every line was saved. No steps at all when nothing was answered."""
    walk = the_walk(path)
    if walk is None:
        return []
    session, events = walk
    steps = [(e.seq, e.kind, e.asked, e.label) for e in events]
    assert session.finished == (len(steps) == len(script.typed))
    return steps


def check_prefix(steps: list[tuple[int, str, str, str]], script: Script) -> None:
    """The saved steps are the typed lines' steps, in order, each once, numbered 1, 2, …"""
    assert [seq for seq, *_ in steps] == list(range(1, len(steps) + 1))
    assert len(steps) <= len(script.typed)
    for (_, kind, asked, label), typed in zip(steps, script.typed, strict=False):
        assert (kind, asked) == (typed.kind, typed.shows)
        if kind == "enter":
            assert label == (typed.line or "(left empty)")
        elif kind == "choose":
            assert label


def resume_to_the_end(env: dict[str, str], script: Script, done: int) -> str:
    """Start again, say yes, type the rest: returns what it printed."""
    answer = ["y"] if done else []
    finished = guide(env, "--plain", stdin=lines(*answer, *script.lines[done:]), timeout=TIMEOUT)
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ""
    assert f"NEXT STEP: {script.outcome}\n" in finished.stdout
    return finished.stdout


@pytest.mark.parametrize("seed", range(KILLS))
def test_killed_at_a_random_step(env: dict[str, str], tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    script = rng.choice(SCRIPTS)
    at = rng.randrange(len(script.typed))  # the lines acknowledged before the kill
    in_flight = rng.random() < 0.6
    running = Running(env)
    try:
        for n in range(at):
            running.wait_for_prompts(n + 1)
            running.type(script.lines[n])
        running.wait_for_prompts(at + 1)
        if in_flight:
            running.type(script.lines[at])
            time.sleep(rng.choice([0, 0, 0.001, 0.003, 0.01]))
    finally:
        running.kill()
    path = tmp_path / "home" / "sessions.db"
    steps = saved_steps(path, script)
    # Every acknowledged answer is there; at most the one in flight is missing.
    assert len(steps) in ((at, at + 1) if in_flight else (at,)), (at, in_flight, steps)
    check_prefix(steps, script)
    assert not list(path.parent.glob("*.corrupt-*"))
    if len(steps) == len(script.typed):
        return  # the last answer was in flight and made it: nothing left to resume
    # The next start offers the walk and goes on at the step after the last saved one.
    out = resume_to_the_end(env, script, len(steps))
    if steps:
        rest = out[out.index(RESUME) + len(RESUME) :]
        first_prompt = rest.index("\n> ") if "\n> " in rest else rest.index(WAIT_PROMPT)
        assert script.typed[len(steps)].shows in rest[:first_prompt]
        assert f"{len(steps)} step{'' if len(steps) == 1 else 's'} done" in out
    else:
        assert RESUME not in out
    # The resumed walk is the same saved walk, now finished with every step once.
    store = Store.open(path)
    walks = [s for s in store.sessions() if s.steps]
    assert len(walks) == 1 and walks[0].finished
    assert [e.asked for e in store.events(walks[0].id)] == [t.shows for t in script.typed]
    store.close()


ROUNDS = 150
"""In the flood: answer the first question and take it back this many times."""


@pytest.mark.parametrize("seed", range(FLOODS))
def test_killed_with_many_writes_in_flight(env: dict[str, str], tmp_path: Path, seed: int) -> None:
    """Hundreds of lines typed at once (the first answer given and taken back again and
    again, then the walk), the kill after a random moment: what was saved is the start of
    those steps, in order, each once, in a sound file; and the walk resumes from it."""
    rng = random.Random(1000 + seed)
    script = rng.choice(SCRIPTS)
    first = script.typed[1]
    typed = ["", *[first.line, "b"] * ROUNDS, *script.lines[1:]]
    expected = [
        ("proceed", script.typed[0].shows),
        *[(first.kind, first.shows), ("back", first.shows)] * ROUNDS,
        *[(t.kind, t.shows) for t in script.typed[1:]],
    ]
    running = Running(env)
    try:
        running.wait_for_prompts(1)
        running.type("\n".join(typed))
        time.sleep(rng.uniform(0, 0.025))
    finally:
        running.kill()
    path = tmp_path / "home" / "sessions.db"
    walk = the_walk(path)
    if walk is None:
        # Killed before the first answer was saved (the first save takes about 1 ms):
        # there is nothing, and nothing to resume.
        resume_to_the_end(env, script, 0)
        return
    session, events = walk
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert len(events) <= len(expected)
    for saved, (kind, asked) in zip(events, expected, strict=False):
        assert (saved.kind, saved.asked) == (kind, asked)
    standing = steps_of(events)
    assert session.finished == (len(events) == len(expected))
    if not session.finished:
        resume_to_the_end(env, script, standing)
