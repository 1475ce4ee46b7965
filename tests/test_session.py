"""Saving a walk as it goes, bringing it back, and writing it out.

The walks run on tests/fixtures/store/small.yaml: a say, a question, a wait,
another question, a name, then one of three outcomes. Changed flows are
changed copies of it written to a temporary folder.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import guide.history.store as store_module
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.events import transcript
from guide.history.export import to_json, to_markdown
from guide.history.recorder import Recorder, resume, start_saving
from guide.history.store import Event, Store
from guide.library.flows import open_flow, scan
from tests.helpers import act

SMALL = Path(__file__).parent / "fixtures" / "store" / "small.yaml"

CAUSE = "Why did the call end?"
WHO = "Who was it?"
NAME = "What is their first name?"
BREATH = "Take one breath first."
PAUSE = "Give them a moment to ring back."


def load(path: Path) -> Flow:
    return open_flow(path, scan([path]))


@pytest.fixture(scope="module")
def flow() -> Flow:
    return load(SMALL)


def saved(store: Store, session_id: int) -> list[tuple[str, str, str, str]]:
    return [(e.kind, e.value, e.label, e.asked) for e in store.events(session_id)]


def walked(flow: Flow, store: Store, actions: list[str]) -> tuple[Walk, Recorder]:
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    act(walk, actions)
    return walk, recorder


# --- saving as it goes --------------------------------------------------------------------------

WALKS = [
    pytest.param(
        ["", "1", "proceed", "1", "Sam"],
        [
            ("proceed", "", "", BREATH),
            ("choose", "1", "The line dropped", CAUSE),
            ("proceed", "", "", PAUSE),
            ("choose", "1", "A friend", WHO),
            ("enter", "Sam", "Sam", NAME),
        ],
        id="every kind of step to an outcome",
    ),
    pytest.param(
        ["", "they were busy", "2", ""],
        [
            ("proceed", "", "", BREATH),
            ("choose", "3", "They were busy", CAUSE),
            ("choose", "2", "A colleague", WHO),
            ("enter", "", "(left empty)", NAME),
        ],
        id="words and an empty name",
    ),
    pytest.param(
        ["", "2", "back", "3", "1"],
        [
            ("proceed", "", "", BREATH),
            ("choose", "2", "They were angry", CAUSE),
            ("back", "", "", CAUSE),
            ("choose", "3", "They were busy", CAUSE),
            ("choose", "1", "A friend", WHO),
        ],
        id="back to change an answer",
    ),
    pytest.param(
        ["", "2", "restart", ""],
        [
            ("proceed", "", "", BREATH),
            ("choose", "2", "They were angry", CAUSE),
            ("restart", "", "", ""),
            ("proceed", "", "", BREATH),
        ],
        id="restart",
    ),
    pytest.param(
        ["", "2", "escape"],
        [
            ("proceed", "", "", BREATH),
            ("choose", "2", "They were angry", CAUSE),
            ("escape", "!", "This could be an emergency", WHO),
        ],
        id="the emergency exit",
    ),
]


@pytest.mark.parametrize(("actions", "events"), WALKS)
def test_every_step_is_saved_as_it_happens(
    flow: Flow, store: Store, actions: list[str], events: list[tuple[str, str, str, str]]
) -> None:
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    for done, action in enumerate(actions, 1):
        act(walk, [action])
        # saved at once, not at the end
        assert saved(store, recorder.session_id) == events[:done]
    assert [e.seq for e in store.events(recorder.session_id)] == list(range(1, len(events) + 1))
    session = store.session(recorder.session_id)
    assert session.finished == walk.finished
    assert session.steps == walk.depth
    assert recorder.failure is None


def test_the_session_remembers_the_flow(flow: Flow, store: Store) -> None:
    _, recorder = walked(flow, store, [""])
    session = store.session(recorder.session_id)
    assert session.flow_id == "store-walk"
    assert session.flow_title == "A small walk to save"
    assert session.flow_path == flow.path
    assert session.flow_digest == flow.digest
    assert len(flow.digest) == 64


def test_the_outcome_is_kept_as_it_was_shown(flow: Flow, store: Store) -> None:
    walk, recorder = walked(flow, store, ["", "1", "proceed", "1", "Sam"])
    assert walk.finished
    session = store.session(recorder.session_id)
    assert (session.finished, session.outcome) == (True, "call-back")
    assert session.outcome_json is not None
    assert json.loads(session.outcome_json) == {
        "title": "Call them back",
        "steps": ["Ring them once.", "Leave a short voicemail if nobody answers."],
        "why": "A dropped line is nobody's fault.",
        "script": "Hi Sam, we got cut off.",
        "text": "Hi Sam, sorry the line dropped. Ring me back?",
        "source": "“The test notes”, section “Calling back”",
    }
    assert store.unfinished() is None


def test_going_back_from_the_outcome_unfinishes_the_walk(flow: Flow, store: Store) -> None:
    walk, recorder = walked(flow, store, ["", "3", "2", "", "back"])
    session = store.session(recorder.session_id)
    assert not walk.finished
    assert not session.finished
    assert store.unfinished() == session


# --- resuming on the same flow ---------------------------------------------------------------------

UNFINISHED = [
    pytest.param([""], id="after the first step"),
    pytest.param(["", "1"], id="at a wait"),
    pytest.param(["", "1", "proceed", "2"], id="at the name"),
    pytest.param(["", "2", "back", "3"], id="after going back"),
    pytest.param(["", "2", "1", "restart", "", "3"], id="after a restart"),
    pytest.param(["", "2", "1", "back", "back", "back"], id="everything taken back"),
]


@pytest.mark.parametrize("actions", UNFINISHED)
def test_resume_brings_the_walk_back_as_it_was(
    flow: Flow, store: Store, actions: list[str]
) -> None:
    before, recorder = walked(flow, store, actions)
    left = store.session(recorder.session_id)
    back = resume(left, flow, store, None)
    assert back.flow_changed is False
    assert back.applied == back.total == len(store.events(left.id))
    walk = back.walk
    assert walk.path() == before.path()
    assert dict(walk.facts) == dict(before.facts)
    assert walk.moves == before.moves
    assert walk.current == before.current


def test_a_resumed_walk_goes_on_in_the_same_session(flow: Flow, store: Store) -> None:
    _, recorder = walked(flow, store, ["", "3"])
    left = store.unfinished()
    assert left is not None and left.id == recorder.session_id
    back = resume(left, flow, store, None)
    act(back.walk, ["2", "Jo"])
    assert back.walk.finished
    assert [s.id for s in store.sessions()] == [left.id]
    assert [e.label for e in store.events(left.id)][-2:] == ["A colleague", "Jo"]
    done = store.session(left.id)
    assert (done.finished, done.outcome, done.abandoned) == (True, "call-work", False)
    assert store.unfinished() is None


# --- resuming on a changed flow ------------------------------------------------------------------

FRIEND = """      - label: A friend
        set: {relationship: friend}
        next: their-name
"""
COLLEAGUE = """      - label: A colleague
        set: {relationship: work}
        next: their-name
"""
STRANGER = """      - label: A stranger
        set: {relationship: stranger}
        next: their-name
"""
FAMILY = """      - label: Family
        set: {relationship: family}
        next: their-name
"""


def changed_copy(tmp_path: Path, old: str, new: str) -> Flow:
    """small.yaml with one change (its examples dropped, since they may no longer hold)."""
    text = SMALL.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new).split("\nexamples:")[0] + "\n"
    path = tmp_path / "changed" / "small.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load(path)


COLLEAGUE_SAVED = ["", "2", "2"]
"""Breath, "They were angry", "A colleague": the walk stops at the name."""
STRANGER_SAVED = ["", "2", "3"]
"""Breath, "They were angry", "A stranger" (the last option)."""


@dataclass(frozen=True)
class Edit:
    """A walk saved, the flow changed under it, and what resuming should keep."""

    answers: list[str]
    old: str
    new: str
    kept: list[str]
    """The labels of the saved steps that still fit."""
    at: str
    """The node the resumed walk stands at."""


CHANGES = [
    pytest.param(
        Edit(
            COLLEAGUE_SAVED,
            "Who was it?",
            "Who was on the line?",
            ["", "They were angry", "A colleague"],
            "their-name",
        ),
        id="a question reworded: everything fits",
    ),
    pytest.param(
        Edit(
            COLLEAGUE_SAVED,
            STRANGER,
            "",
            ["", "They were angry", "A colleague"],
            "their-name",
        ),
        id="an option not chosen removed: everything fits",
    ),
    pytest.param(
        Edit(
            STRANGER_SAVED,
            STRANGER,
            "",
            ["", "They were angry"],
            "who",
        ),
        id="the chosen option removed (the last one): stops at its question",
    ),
    pytest.param(
        Edit(
            COLLEAGUE_SAVED,
            COLLEAGUE,
            "",
            ["", "They were angry"],
            "who",
        ),
        id="the chosen option removed, another takes its number: stops at its question",
    ),
    pytest.param(
        Edit(
            COLLEAGUE_SAVED,
            FRIEND,
            "",
            ["", "They were angry", "A colleague"],
            "their-name",
        ),
        id="an option before the chosen one removed: the same answer, a new number",
    ),
    pytest.param(
        Edit(
            COLLEAGUE_SAVED,
            FRIEND,
            FAMILY + FRIEND,
            ["", "They were angry", "A colleague"],
            "their-name",
        ),
        id="an option added before the chosen one: the same answer, a new number",
    ),
]


@pytest.mark.parametrize("edit", CHANGES)
def test_resume_on_a_changed_flow_replays_what_still_fits(
    flow: Flow, store: Store, tmp_path: Path, edit: Edit
) -> None:
    """Each answer is replayed as the answer the person gave (its label), never as
    whatever option now has the number it had."""
    answers, kept, at = edit.answers, edit.kept, edit.at
    _, recorder = walked(flow, store, answers)
    old_id = recorder.session_id
    changed = changed_copy(tmp_path, edit.old, edit.new)
    assert changed.digest != flow.digest
    back = resume(store.session(old_id), changed, store, None)
    assert back.flow_changed
    assert back.total == len(answers)
    assert back.applied == len(kept)
    walk = back.walk
    assert [m.label for m in walk.moves if m.kind != "proceed"] == [k for k in kept if k]
    assert walk.path()[-1][1] == at
    # The old walk is set aside, kept in history; a new one goes on with what fitted.
    old_session = store.session(old_id)
    assert old_session.abandoned and not old_session.finished
    assert len(saved(store, old_id)) == len(answers)
    assert isinstance(walk.listener, Recorder)
    new_id = walk.listener.session_id
    assert new_id != old_id
    assert [label for _, _, label, _ in saved(store, new_id)] == kept
    fresh = store.session(new_id)
    assert fresh.flow_digest == changed.digest
    assert store.unfinished() == fresh


def test_a_changed_flow_where_nothing_fits(flow: Flow, store: Store, tmp_path: Path) -> None:
    """The walk now starts at the question, so even the first saved step (going on from
    the breath) does not fit: a new walk from the start, the old one set aside."""
    _, recorder = walked(flow, store, ["", "2"])
    changed = changed_copy(tmp_path, "start: intro", "start: cause")
    back = resume(store.session(recorder.session_id), changed, store, None)
    assert back.flow_changed and back.applied == 0 and back.total == 2
    assert back.walk.depth == 0
    assert store.session(recorder.session_id).abandoned


# --- transcripts and exports ----------------------------------------------------------------------


def ev(kind: str, label: str = "", asked: str = "", value: str = "") -> Event:
    return Event(0, "now", kind, value, label, asked)


@pytest.mark.parametrize(
    ("events", "answers", "changed"),
    [
        pytest.param([], [], 0, id="nothing"),
        pytest.param(
            [ev("proceed", asked=BREATH), ev("choose", "They were angry", CAUSE)],
            [(BREATH, "(went on)"), (CAUSE, "They were angry")],
            0,
            id="a say and an answer",
        ),
        pytest.param(
            [ev("choose", "Angry", CAUSE), ev("back", asked=CAUSE), ev("choose", "Busy", CAUSE)],
            [(CAUSE, "Busy")],
            1,
            id="an answer changed",
        ),
        pytest.param(
            [ev("choose", "Angry", CAUSE), ev("restart"), ev("choose", "Busy", CAUSE)],
            [(CAUSE, "Busy")],
            0,
            id="a restart",
        ),
        pytest.param(
            [ev("back"), ev("enter", "", NAME, value="Jo")],
            [(NAME, "Jo")],
            0,
            id="back with nothing to take back",
        ),
    ],
)
def test_transcript(events: list[Event], answers: list[tuple[str, str]], changed: int) -> None:
    standing, count = transcript(events)
    assert [(s.asked, s.answer) for s in standing] == answers
    assert count == changed


@pytest.fixture
def finished(flow: Flow, store: Store) -> int:
    """A walk to its outcome, with one answer changed on the way and a note added."""
    _, recorder = walked(flow, store, ["", "2", "back", "1", "proceed", "1", "Sam"])
    store.set_note(recorder.session_id, "Rang back at six; all fine.")
    return recorder.session_id


def test_markdown_export(store: Store, finished: int) -> None:
    text = to_markdown(store.session(finished), store.events(finished))
    assert text.startswith("# A small walk to save\n")
    assert f"Walk {finished}, started " in text
    assert "finished" in text
    for question, answer in ((CAUSE, "The line dropped"), (WHO, "A friend"), (NAME, "Sam")):
        assert f"**{question}** {answer}" in text
    assert "They were angry" not in text  # taken back
    assert "(1 answer was changed along the way.)" in text
    assert "## Next step: Call them back" in text
    assert "Why: A dropped line is nobody's fault." in text
    assert "1. Ring them once.\n2. Leave a short voicemail if nobody answers." in text
    assert "> Hi Sam, we got cut off." in text
    assert "> Hi Sam, sorry the line dropped. Ring me back?" in text
    assert "Source: “The test notes”, section “Calling back”" in text
    assert "## My note\n\nRang back at six; all fine." in text
    # the order a reader expects
    assert text.index(CAUSE) < text.index("## Next step") < text.index("## My note")


def test_json_export(store: Store, finished: int) -> None:
    record = json.loads(to_json(store.session(finished), store.events(finished)))
    assert set(record) == {
        "id",
        "started",
        "updated",
        "flow",
        "flow_title",
        "status",
        "answers",
        "answers_changed",
        "outcome",
        "advice",
        "note",
        "check_in",
    }
    assert record["id"] == finished
    assert (record["flow"], record["flow_title"]) == ("store-walk", "A small walk to save")
    assert record["status"] == "finished"
    assert record["answers"] == [
        {"asked": CAUSE, "answer": "The line dropped"},
        {"asked": WHO, "answer": "A friend"},
        {"asked": NAME, "answer": "Sam"},
    ]
    assert record["answers_changed"] == 1
    assert record["outcome"] == "call-back"
    assert record["advice"]["title"] == "Call them back"
    assert record["advice"]["steps"] == [
        "Ring them once.",
        "Leave a short voicemail if nobody answers.",
    ]
    assert record["advice"]["script"] == "Hi Sam, we got cut off."
    assert record["advice"]["text"] == "Hi Sam, sorry the line dropped. Ring me back?"
    assert record["note"] == "Rang back at six; all fine."


@pytest.mark.parametrize(("abandon", "status"), [(False, "unfinished"), (True, "set aside")])
def test_exports_of_a_walk_without_an_outcome(
    flow: Flow, store: Store, abandon: bool, status: str
) -> None:
    _, recorder = walked(flow, store, ["", "2"])
    if abandon:
        store.abandon(recorder.session_id)
    session, events = store.session(recorder.session_id), store.events(recorder.session_id)
    text = to_markdown(session, events)
    assert f", {status}." in text
    assert f"**{CAUSE}** They were angry" in text
    assert "Next step" not in text
    record = json.loads(to_json(session, events))
    assert (record["status"], record["outcome"], record["advice"]) == (status, None, None)
    _, empty = walked(flow, store, [""])
    empty_id = empty.session_id
    assert empty_id is not None
    nothing = to_markdown(store.session(empty_id), [])
    assert "(nothing answered yet)" in nothing


# --- when the store fails mid-walk ------------------------------------------------------------


def lock_it(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another running copy takes the write lock and keeps it."""
    import sqlite3

    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(store, "_keep_other", other, raising=False)


def fill_it(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up: SQLite's page limit set to what the file holds now, so the next
    page it needs fails as a full disk does ("database or disk is full")."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


FAILURES = {
    "locked by another copy": (lock_it, "another running copy"),
    "the disk is full": (fill_it, "full"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_the_walk_goes_on_when_saving_fails(
    flow: Flow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    store = Store.open(tmp_path / "sessions.db")
    walk = Walk(flow)
    recorder = start_saving(walk, store)
    act(walk, [""])
    breaking, reason = FAILURES[failure]
    breaking(store, monkeypatch)
    began = time.monotonic()
    # Many steps, so the failure comes even when a few still fit in the file.
    act(walk, ["2", *["1", "back"] * 40, "2", "Jo"])
    assert time.monotonic() - began < 5  # it stops trying after the first failure
    assert walk.finished
    assert walk.current.node.title == "Call back, keep it short"  # type: ignore[union-attr]  # the walk is at advice here
    assert recorder.failure is not None
    assert reason in recorder.failure
    assert "not be saved" in recorder.failure or "cannot save" in recorder.failure
    # What was saved before the failure is still there, in order.
    kept = [e.kind for e in store.events(recorder.session_id)]
    every = ["proceed", "choose", *["choose", "back"] * 40, "choose", "enter"]
    assert kept == every[: len(kept)]
    assert len(kept) < len(every)
    store.close()
