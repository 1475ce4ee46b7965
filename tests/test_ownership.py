"""One walk, one owner, in the store: a walk that a running copy is on is never offered to
another copy, never set aside by one, and is offered again once its owner is gone.

Two `Store` objects on one file stand for two running copies: their locks are on
separate open files, which conflict exactly as two processes' do. The tests with
real processes (kill -9 included) are in tests/cli/test_one_owner.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import guide.history.store as store_module
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.ownership import FOLDER, WalkLock
from guide.history.recorder import pending, set_aside, start_saving
from guide.history.store import FILE_NAME, Event, Store
from guide.library.flows import open_flow, scan

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "fixtures" / "store" / "small.yaml"


@pytest.fixture(scope="module")
def flow() -> Flow:
    return open_flow(SMALL, scan([SMALL]))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / FILE_NAME


@pytest.fixture
def copies(path: Path) -> Iterator[tuple[Store, Store]]:
    """Two running copies of the guide on one store."""
    first, second = Store.open(path), Store.open(path)
    yield first, second
    first.close()
    second.close()


def half_walked(flow: Flow, store: Store) -> int:
    """A walk two answers in, still being walked by the copy that holds `store`."""
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    walk.proceed()
    assert walk.reply("1").accepted
    assert recorder.session_id is not None
    return recorder.session_id


def locks(path: Path) -> list[str]:
    folder = path.parent / FOLDER
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_walk_another_copy_is_on_is_not_offered(flow: Flow, copies: tuple[Store, Store]) -> None:
    first, second = copies
    walking = half_walked(flow, first)
    assert pending(second, {flow.id: flow}) is None
    assert second.unfinished() is None
    # The copy walking it would be offered it (it is its own), as before.
    assert first.unfinished() is not None
    assert first.unfinished().id == walking  # type: ignore[union-attr]  # None fails the test anyway


def test_starting_afresh_in_another_copy_leaves_the_live_walk_alone(
    flow: Flow, copies: tuple[Store, Store]
) -> None:
    """Answering "n" at the resume question in a second window must not set aside the first
    window's walk: even asked to directly, the store refuses."""
    first, second = copies
    walking = half_walked(flow, first)
    set_aside(second, walking)
    assert not second.session(walking).abandoned
    assert first.unfinished() is not None


def test_the_walk_is_offered_once_its_copy_is_gone(flow: Flow, path: Path) -> None:
    first = Store.open(path)
    walking = half_walked(flow, first)
    first.close()  # the window was closed
    second = Store.open(path)
    try:
        offered = pending(second, {flow.id: flow})
        assert offered is not None and offered[0].id == walking
        # Now this copy owns it: a third one is not offered it meanwhile.
        third = Store.open(path)
        assert third.unfinished() is None
        third.close()
        # Starting afresh sets it aside and lets it go.
        set_aside(second, walking)
        assert second.session(walking).abandoned
    finally:
        second.close()
    assert locks(path) == []


def test_a_walk_declined_but_not_set_aside_is_offered_again(flow: Flow, path: Path) -> None:
    first = Store.open(path)
    walking = half_walked(flow, first)
    first.close()
    second, third = Store.open(path), Store.open(path)
    try:
        assert second.unfinished() is not None
        assert third.unfinished() is None
        second.release(walking)  # the offer was not taken up either way (the flow is gone)
        found = third.unfinished()
        assert found is not None and found.id == walking
    finally:
        second.close()
        third.close()


def test_the_lock_is_taken_before_the_record_can_be_seen(flow: Flow, path: Path) -> None:
    """A copy that lists the walks between another copy's insert and its lock would be
    offered a walk no one holds: so when the record is written, its lock is held."""
    store = Store.open(path)
    seen: list[list[bool]] = []

    def at(statement: str) -> None:
        if statement.startswith("INSERT INTO sessions"):
            folder = path.parent / FOLDER
            taken = [WalkLock.take(folder / name) for name in os.listdir(folder)]
            seen.append([lock is None for lock in taken])
            for lock in taken:
                if lock is not None:
                    lock.release()

    store._db.set_trace_callback(at)
    sid = store.start("f", "F", "p", "d")
    store.record(sid, Event(0, store_module.now(), "choose", "1", "Yes", "Q?"), False, None, None)
    store.fork(sid)
    store._db.set_trace_callback(None)
    store.close()
    assert seen == [[True], [True, True]], "a record was written before its lock was held"


def test_a_finished_walk_left_for_another_lets_go_of_it(flow: Flow, path: Path) -> None:
    """Going back from advice continues in a copy of the record, restarting begins a new
    one: the finished record's lock is let go (its file removed) either way."""
    store = Store.open(path)
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    for answer in ("", "1", "", "1", "Sam"):
        if answer:
            assert walk.reply(answer).accepted
        else:
            walk.proceed()
    assert walk.finished
    assert len(locks(path)) == 1
    walk.back()
    assert len(locks(path)) == 1, "the copy is held, the finished record let go"
    assert recorder.session_id is not None and store.owners.owns(recorder.session_id)
    walk.restart()
    store.close()
    assert locks(path) == []


KILLED = """
import os, signal, sys
from pathlib import Path
from guide.history.store import Event, Store
store = Store.open(Path(sys.argv[1]))
sid = store.start("f", "F", "p", "d")
store.record(sid, Event(0, "now", "enter", "x", "x", "Q?"), False, None, None)
print(sid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_copy_leaves_only_a_stale_name_which_is_cleaned_up(path: Path) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    assert len(locks(path)) == 1  # the file stays; the lock died with the process
    store = Store.open(path)
    found = store.unfinished()
    assert found is not None and found.id == int(killed.stdout)
    assert len(locks(path)) == 1  # this copy holds it now
    store.close()
    assert locks(path) == []
