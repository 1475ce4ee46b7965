"""kill -9 across many walks in one store: no walk ever loses a step it had saved.

tests/cli/test_crash.py kills one walk per store, at every kind of moment. What it
cannot see is the rest of the history: here one store lives through several walks in a
row, each killed at a random step (sometimes with an answer in flight), each next start
going on with the walk left unfinished or setting it aside. After every kill the file is
sound, every walk saved before is exactly as it was (the one resumed has only grown), and
the walk just killed holds at least every answer that was acknowledged.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from guide.history.store import Store
from tests.cli.test_crash import SCRIPTS, TIMEOUT, Running
from tests.cli.test_history import Script

from .common import clean_env

pytestmark = pytest.mark.slow  # real processes killed at random moments

ROUNDS = 5

Saved = dict[int, tuple[bool, list[tuple[str, str, str]]]]
"""Session id → (finished, its events as (kind, asked, label))."""


class Watched(Running):
    """A `Running` whose stderr is kept when it is killed, to look for tracebacks."""

    err = b""

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                if pipe is self.proc.stderr:
                    self.err = pipe.read()
                with contextlib.suppress(BrokenPipeError):
                    pipe.close()


def same(kind: str) -> str:
    """`!` is saved as an escape; the example scripts call every pick a choice."""
    return "choose" if kind == "escape" else kind


def saved(path: Path) -> Saved:
    if not path.exists():
        return {}
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    store = Store.open(path)
    try:
        return {
            s.id: (s.finished, [(e.kind, e.asked, e.label) for e in store.events(s.id)])
            for s in store.sessions()
        }
    finally:
        store.close()


def offered(path: Path) -> int | None:
    """The walk the next start will offer to go on with."""
    if not path.exists():
        return None
    store = Store.open(path)
    try:
        session = store.unfinished()
        return session.id if session else None
    finally:
        store.close()


def test_kills_across_many_walks_in_one_store(tmp_path: Path) -> None:
    rng = random.Random(2024)
    env = clean_env(tmp_path / "home", NO_COLOR="1")
    path = tmp_path / "home" / "sessions.db"
    scripts: dict[int, Script] = {}
    for _ in range(ROUNDS):
        before = saved(path)
        pending = offered(path)
        resume = pending is not None and rng.random() < 0.6
        script = scripts[pending] if resume and pending is not None else rng.choice(SCRIPTS)
        done = len(before[pending][1]) if resume and pending is not None else 0
        at = rng.randrange(done, len(script.typed))  # lines acknowledged before the kill
        in_flight = rng.random() < 0.5
        running = Watched(env)
        try:
            if pending is not None:
                running.type("y" if resume else "n")
            for n in range(done, at):
                running.wait_for_prompts(n - done + 1)
                running.type(script.lines[n])
            running.wait_for_prompts(at - done + 1)
            if in_flight:
                running.type(script.lines[at])
                time.sleep(rng.choice([0, 0.001, 0.005]))
        finally:
            running.kill()
        assert b"Traceback" not in running.err, running.err.decode()
        after = saved(path)
        assert not list(path.parent.glob("*.corrupt-*"))
        # Every walk saved before is untouched; the one resumed has only grown.
        for sid, (finished, events) in before.items():
            now_finished, now_events = after[sid]
            if resume and sid == pending:
                assert now_events[: len(events)] == events
            else:
                assert (now_finished, now_events) == (finished, events), sid
        # The walk just killed: every acknowledged answer, in order, at most one more.
        current = pending if resume and pending is not None else max(after)
        scripts[current] = script
        finished, events = after[current]
        expected = [(t.kind, t.shows) for t in script.typed]
        assert [(same(kind), asked) for kind, asked, _ in events] == expected[: len(events)]
        assert len(events) in ((at, at + 1) if in_flight else (at,)), (at, in_flight, events)
        assert finished == (len(events) == len(script.typed))
    assert len(saved(path)) >= 2  # several walks lived in the one store
