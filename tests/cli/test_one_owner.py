"""One walk, one owner, with real copies of `python -m guide --plain` running at once.

A second window must never be offered, as "You left a walk unfinished", the walk a
first window is still on (accepting it made both append to one record: "Hello
Alice, it's Bob"), nor set it aside; once the first window is gone, even by
kill -9, its walk is offered. And twenty walks run at once on a new store are
saved as twenty records, each holding exactly its own answers.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from guide.history.store import Store

from ..helpers import guide, lines
from .test_crash import TIMEOUT, Running, check_prefix
from .test_history import MAIN, RESUME, Script, script_of

pytestmark = pytest.mark.slow  # twenty real walks at once

OFFER = "You left a walk unfinished"


def named(name: str) -> Script:
    """The walk "the line dropped and they rang back", with their name as `name`."""
    return script_of(MAIN, ["1", "1", "1", name])


class Walking(Running):
    """A plain walk in its own process, typed into line by line."""

    def prompts_locked(self) -> int:
        """The resume question counts as a prompt: a person would answer it too (Enter
        is yes), and the records show what came of it."""
        text = self._out.decode("utf-8", errors="replace")
        return super().prompts_locked() + text.count(RESUME)

    def answer(self, script: Script, count: int) -> None:
        """Type the script's first `count` lines, each once the guide has asked for it
        (by then the answer before was saved)."""
        for n in range(count):
            self.wait_for_prompts(n + 1)
            self.type(script.lines[n])
        self.wait_for_prompts(count + 1)

    def finish(self, script: Script, done: int) -> tuple[str, str]:
        """Type the rest and end the input; what it printed, and its errors."""
        for line in script.lines[done:]:
            self.type(line)
        assert self.proc.stdin is not None and self.proc.stderr is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=TIMEOUT)
        self._reader.join(timeout=TIMEOUT)
        said = self.proc.stderr.read().decode("utf-8", errors="replace")
        self.proc.stderr.close()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return self._out.decode("utf-8", errors="replace"), said


def records(home: Path) -> dict[int, tuple[bool, bool, list[tuple[int, str, str, str]]]]:
    """Every saved walk: (finished, set aside, its events as (seq, kind, asked, label))."""
    db = sqlite3.connect(home / "sessions.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    store = Store.open(home / "sessions.db")
    try:
        return {
            s.id: (
                s.finished,
                s.abandoned,
                [(e.seq, e.kind, e.asked, e.label) for e in store.events(s.id)],
            )
            for s in store.sessions()
        }
    finally:
        store.close()


def test_a_walk_in_another_window_is_neither_offered_nor_set_aside(
    env: dict[str, str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    alice, bob = named("Alice"), named("Bob")
    first = Walking(env)
    try:
        first.answer(alice, 3)
        second = guide(env, "--plain", stdin=lines(*bob.lines))
        assert second.returncode == 0, second.stderr
        assert OFFER not in second.stdout
        assert "Hi Bob," in second.stdout and "Alice" not in second.stdout
        # Starting afresh in a third window ("n" is what a person would answer, were
        # it offered) must not set the live walk aside either.
        third = guide(env, "--plain", stdin=lines("n", *bob.lines))
        assert OFFER not in third.stdout
        saved = records(home)
        live = [s for s in saved.values() if not s[0]]
        assert len(live) == 1 and not live[0][1], "the live walk was set aside"
        check_prefix(live[0][2], alice)
        assert len(live[0][2]) == 3
    finally:
        first.kill()
    # Window one is gone (kill -9): now its walk is offered, and goes on.
    fourth = guide(env, "--plain", stdin=lines("y", *alice.lines[3:]))
    assert fourth.returncode == 0, fourth.stderr
    assert OFFER in fourth.stdout
    assert "Hi Alice," in fourth.stdout.split(RESUME, 1)[1]
    saved = records(home)
    assert len(saved) == 3 and all(finished for finished, _, _ in saved.values())


COPIES, WAVE = 20, 4


def test_twenty_walks_at_once_on_a_new_store_each_keep_their_own(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Twenty windows, started four at a time on a store that does not exist yet, each
    started while the ones before are half-way; then all finish together. Each walk is
    one record, whole, in order, with its own name and no one else's answers."""
    home = tmp_path / "home"
    scripts = [named(f"Person{n}") for n in range(COPIES)]
    running: list[Walking] = []
    try:
        for wave in range(0, COPIES, WAVE):
            started = [Walking(env) for _ in range(WAVE)]
            running += started
            for n, walking in enumerate(started, wave):
                walking.answer(scripts[n], 2)
        ended = [walking.finish(scripts[n], 2) for n, walking in enumerate(running)]
    finally:
        for walking in running:
            if walking.proc.poll() is None:
                os.kill(walking.proc.pid, signal.SIGKILL)
                walking.proc.wait(timeout=TIMEOUT)
    for n, (out, err) in enumerate(ended):
        assert err == "", err
        assert OFFER not in out, f"copy {n} was offered another's walk"
        assert f"Hi Person{n}," in out
    saved = records(home)
    assert len(saved) == COPIES
    names = []
    for finished, set_aside, steps in saved.values():
        assert finished and not set_aside
        name = next(label for _, kind, _, label in steps if label.startswith("Person"))
        names.append(name)
        script = scripts[int(name.removeprefix("Person"))]
        check_prefix(steps, script)
        assert len(steps) == len(script.typed)
    assert sorted(names) == sorted(f"Person{n}" for n in range(COPIES))
