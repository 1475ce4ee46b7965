"""Nothing a person did is lost by one key: a record begins with the first answer, and
a record that reached advice (with its note) is never changed by what comes after.

The walks run on tests/fixtures/store/small.yaml, as in tests/test_session.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.recorder import Recorder, apply_events, start_saving
from guide.history.store import Store
from guide.library.flows import open_flow, scan

SMALL = Path(__file__).parent / "fixtures" / "store" / "small.yaml"
TO_ADVICE = ["", "1", "proceed", "1", "Sam"]
"""Breath, the line dropped, the wait, a friend, a name: advice."""


@pytest.fixture(scope="module")
def flow() -> Flow:
    return open_flow(SMALL, scan([SMALL]))


def walk_to_advice(flow: Flow, store: Store) -> tuple[Walk, Recorder, int]:
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    for answer in TO_ADVICE:
        if answer == "proceed":
            walk.proceed()
        else:
            assert walk.reply(answer).accepted
    assert walk.finished and recorder.session_id is not None
    return walk, recorder, recorder.session_id


def test_opening_and_leaving_before_any_answer_saves_nothing(flow: Flow, store: Store) -> None:
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    walk.restart()  # a restart (or a back) with nothing answered is nothing to keep
    assert walk.back() is False
    assert store.sessions() == []
    assert recorder.session_id is None
    assert store.unfinished() is None  # so the next start offers nothing to resume


def test_the_first_answer_starts_the_record(flow: Flow, store: Store) -> None:
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    walk.proceed()
    [session] = store.sessions()
    assert session.id == recorder.session_id
    assert (session.flow_id, session.steps, session.finished) == (flow.id, 1, False)


def test_starting_again_after_advice_keeps_that_walk_and_its_note(flow: Flow, store: Store) -> None:
    walk, recorder, first = walk_to_advice(flow, store)
    store.set_note(first, "Rang back at six.")
    before = (store.session(first), store.events(first))
    walk.restart()
    assert recorder.session_id is None  # the new walk has no answers yet: no record
    assert (store.session(first), store.events(first)) == before
    walk.proceed()
    second = recorder.session_id
    assert second is not None and second != first
    assert store.session(first).finished and store.session(first).note == "Rang back at six."
    assert store.session(second).note == "" and not store.session(second).finished
    assert [e.kind for e in store.events(second)] == ["proceed"]


def test_going_back_from_advice_continues_in_a_copy(flow: Flow, store: Store) -> None:
    walk, recorder, first = walk_to_advice(flow, store)
    store.set_note(first, "Rang back at six.")
    kept = store.session(first)
    assert walk.back()
    assert walk.reply("2").accepted  # another answer at the same question
    copy = recorder.session_id
    assert copy is not None and copy != first
    # the walk that reached advice is exactly as it was
    assert store.session(first) == kept
    assert store.session(first).outcome is not None
    # the copy is the walk on screen, rebuilt from its own events
    rebuilt = Walk(flow)
    events = store.events(copy)
    assert apply_events(rebuilt, events) == len(events)
    assert rebuilt.path() == walk.path()
    assert store.session(copy).note == ""


def test_a_second_advice_is_a_second_record_with_its_own_note(flow: Flow, store: Store) -> None:
    walk, recorder, first = walk_to_advice(flow, store)
    store.set_note(first, "first")
    walk.back()
    assert walk.reply("Sam").accepted or walk.finished
    second = recorder.session_id
    assert second is not None and second != first
    store.set_note(second, "second")
    assert (store.session(first).note, store.session(second).note) == ("first", "second")
    assert store.session(first).outcome == store.session(second).outcome
