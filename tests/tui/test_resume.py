"""The app with a store: resuming a walk left unfinished, notes on the outcome, and the
history of saved walks, driven with Pilot as a person would."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

import guide.history.store as store_module
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.history import HistoryScreen
from guide.faces.tui.screens.note import NoteScreen
from guide.faces.tui.screens.resume import ResumeScreen
from guide.faces.tui.screens.transcript import TranscriptScreen
from guide.flow.model import Flow
from guide.history.store import Store
from guide.library.flows import Library, open_flow, scan

from .conftest import Chat, saved_walk, saving_app

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "fixtures" / "store" / "small.yaml"

WHY_ENDED = "Do you know why the call ended?"
ANGER = "They ended it on purpose, in anger or mid-argument"
WHO = "Who was on the other end?"
FAMILY = "Family: a parent, child, brother or sister, or another relative"
TRIED = "Since the call ended, what have you tried?"
BREATH = "Take one slow breath. A few short questions, and you will have one clear next step."


def left_unfinished(store: Store, flow: Flow, library: Library, *replies: str) -> int:
    """A walk saved as it went, then dropped (the app was closed or killed)."""
    return saved_walk(store, flow, library, *replies)


def texts(chat: Chat) -> list[str]:
    return [str(s.render()) for s in chat.app.screen.query(Static)]


# --- resuming -----------------------------------------------------------------------------------


async def test_an_unfinished_walk_is_offered(store: Store, hang_up: Flow, library: Library) -> None:
    left_unfinished(store, hang_up, library, "", "2", "1")
    async with saving_app(hang_up, store, library) as c:
        assert isinstance(c.app.screen, ResumeScreen)
        shown = c.statics()
        assert "You left a walk unfinished" in shown
        assert any(
            re.fullmatch(
                r"Someone hung up on me: 3 steps done so far, last (today|yesterday), \d\d:\d\d\.",
                line,
            )
            for line in shown
        ), shown
        assert "Go on where you stopped?" in shown
        assert "Starting afresh keeps the old walk in your history." in shown


@pytest.mark.parametrize("keys", [["y"], ["enter"]], ids=["y", "Enter on Go on"])
async def test_going_on_shows_the_walk_so_far_and_asks_the_next_question(
    store: Store, hang_up: Flow, library: Library, keys: list[str]
) -> None:
    sid = left_unfinished(store, hang_up, library, "", "2", "1")
    async with saving_app(hang_up, store, library) as c:
        await c.press(*keys)
        await c.until(lambda: isinstance(c.app.screen, ChatScreen))
        assert c.bubbles() == [
            f"Guide  {WHY_ENDED}",
            f"You  {ANGER}",
            f"Guide  {WHO}",
            f"You  {FAMILY}",
            "Welcome back: you left off here.",
            f"Guide  {TRIED}",
        ]
        assert c.walk.depth == 3
        answer = c.labels()[0]
        await c.press("1")
        # Saved in the same walk, not a new one.
        assert [s.id for s in store.sessions()] == [sid]
        assert store.events(sid)[-1].label == answer
        assert store.session(sid).steps == 4


@pytest.mark.parametrize("key", ["n", "escape"])
async def test_starting_afresh_sets_the_old_walk_aside(
    store: Store, hang_up: Flow, library: Library, key: str
) -> None:
    old = left_unfinished(store, hang_up, library, "", "2", "1")
    async with saving_app(hang_up, store, library) as c:
        await c.press(key)
        await c.until(lambda: isinstance(c.app.screen, ChatScreen))
        assert c.bubbles() == [f"Guide  {BREATH}"]
        assert c.walk.depth == 0
        assert store.session(old).abandoned
        assert len(store.events(old)) == 3  # kept in history as it was
        await c.press("enter")  # the breath: Continue
        new = [s for s in store.sessions() if s.id != old]
        assert len(new) == 1
        assert [e.kind for e in store.events(new[0].id)] == ["proceed"]
        left = store.unfinished()
        assert left is not None and left.id == new[0].id


async def test_nothing_is_offered_without_an_unfinished_walk(
    store: Store, hang_up: Flow, library: Library
) -> None:
    async with saving_app(hang_up, store, library) as c:
        assert isinstance(c.app.screen, ChatScreen)
        await c.press("enter", "2")
        (session,) = store.sessions()
        assert [e.label for e in store.events(session.id)] == ["", ANGER]


async def test_going_on_with_a_changed_flow_says_so(store: Store, tmp_path: Path) -> None:
    """The walk chose "A stranger"; that option is gone now: the app says how much of
    the walk still fitted and asks the question again."""
    path = tmp_path / "flows" / "small.yaml"
    path.parent.mkdir()
    shutil.copy(SMALL, path)
    before = scan([path])
    flow = open_flow(path, before)
    sid = left_unfinished(store, flow, before, "", "2", "3")
    text = path.read_text(encoding="utf-8")
    stranger = "      - label: A stranger\n        set: {relationship: stranger}\n"
    text = text.replace(stranger + "        next: their-name\n", "").split("\nexamples:")[0]
    path.write_text(text + "\n", encoding="utf-8")
    after = scan([path])
    changed = open_flow(path, after)
    async with saving_app(changed, store, after) as c:
        assert isinstance(c.app.screen, ResumeScreen)
        await c.press("y")
        await c.until(lambda: isinstance(c.app.screen, ChatScreen))
        assert (
            "The flow has changed since then: 2 of 3 saved steps still fitted and were kept."
            in c.said()
        )
        assert c.bubbles()[-2:] == ["Welcome back: you left off here.", "Guide  Who was it?"]
        assert c.labels() == ["A friend", "A colleague", "This could be an emergency"]
        assert store.session(sid).abandoned


# --- a note on the outcome ------------------------------------------------------------------------


async def test_a_note_on_the_outcome_is_saved_with_the_walk(
    store: Store, hang_up: Flow, library: Library
) -> None:
    async with saving_app(hang_up, store, library) as c:
        await c.press("enter", "2", "1", "1", "1", "1")  # … "I'm still shaken": reset first
        assert c.walk.finished
        assert "Step away and reset first" in c.card_text("title")
        (session,) = store.sessions()
        await c.press("n")
        assert isinstance(c.app.screen, NoteScreen)
        await c.type("Went for a walk, called at six")
        await c.press("enter")
        await c.until(lambda: isinstance(c.app.screen, ChatScreen))
        assert store.session(session.id).note == "Went for a walk, called at six"
        assert "Note saved with this walk." in c.said()
        # Opening it again shows the note to change; Escape keeps it as it was.
        await c.press("n")
        assert isinstance(c.app.screen, NoteScreen)
        assert c.app.screen.query_one("#note-text").value == "Went for a walk, called at six"  # type: ignore[attr-defined]  # the note screen's input
        await c.press("escape")
        assert store.session(session.id).note == "Went for a walk, called at six"


async def test_a_note_on_a_resumed_walk(store: Store, hang_up: Flow, library: Library) -> None:
    sid = left_unfinished(store, hang_up, library, "", "2", "1", "1", "1")
    async with saving_app(hang_up, store, library) as c:
        await c.press("y")
        await c.until(lambda: isinstance(c.app.screen, ChatScreen))
        await c.press("1")
        assert c.walk.finished
        await c.press("n")
        await c.type("ok")
        await c.press("enter")
        assert store.session(sid).note == "ok"
        assert store.session(sid).finished


# --- history ---------------------------------------------------------------------------------------


@pytest.fixture
def past(store: Store, hang_up: Flow, library: Library) -> int:
    """A finished walk with a note."""
    sid = left_unfinished(store, hang_up, library, "", "2", "1", "1", "1", "1")
    assert store.session(sid).finished
    store.set_note(sid, "Went for a walk first")
    return sid


async def open_history(c: Chat, by_palette: bool) -> None:
    if not by_palette:
        c.app.action_history()
        await c.pilot.pause()
        return
    await c.pick_command("History")
    await c.until(lambda: isinstance(c.app.screen, HistoryScreen))


def history_rows(c: Chat) -> list[str]:
    rows = c.app.screen.query_one(OptionList)
    return [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]


async def test_history_lists_the_walks(
    store: Store, hang_up: Flow, library: Library, past: int
) -> None:
    async with saving_app(hang_up, store, library, size=(100, 40)) as c:
        assert isinstance(c.app.screen, ChatScreen)  # a finished walk is not offered
        await open_history(c, by_palette=False)
        assert isinstance(c.app.screen, HistoryScreen)
        assert "Your saved walks" in c.statics()
        shown = history_rows(c)
        assert len(shown) == 1  # the past one; the walk just opened has no answer, so no record
        row = shown[0]
        assert re.match(r"(today|yesterday), \d\d:\d\d  Someone hung up on me · finished", row)
        assert row.endswith("\n  note: Went for a walk first")
        # The outcome as the person saw it (as `hangup-guide history` shows it), not the
        # flow's internal node id.
        assert "Step away and reset first" in row, row


@pytest.mark.parametrize("by_palette", [True, False], ids=["palette", "action"])
async def test_history_opens_a_walk_read_only(
    store: Store, hang_up: Flow, library: Library, past: int, by_palette: bool
) -> None:
    async with saving_app(hang_up, store, library, size=(100, 40)) as c:
        await open_history(c, by_palette)
        assert isinstance(c.app.screen, HistoryScreen)
        shown = history_rows(c)
        row = next(r for r in shown if " · finished" in r)
        events_before = len(store.events(past))
        await c.press("home", *["down"] * shown.index(row), "enter")
        await c.until(lambda: isinstance(c.app.screen, TranscriptScreen))
        seen = c.bubbles()
        assert seen[0].startswith(f"Walk {past} · started ")
        assert seen[0].endswith("· finished (read-only)")
        assert seen[1:5] == [
            f"Guide  {WHY_ENDED}",
            f"You  {ANGER}",
            f"Guide  {WHO}",
            f"You  {FAMILY}",
        ]
        assert "Your note: Went for a walk first" in seen
        outcome = str(c.app.screen.query_one("#saved-outcome", Static).render())
        assert "NEXT STEP  Step away and reset first" in outcome
        # Keys that change a walk in the chat change nothing here.
        await c.press("ctrl+b", "ctrl+r", "y", "1", "n")
        assert isinstance(c.app.screen, TranscriptScreen)
        assert len(store.events(past)) == events_before
        assert store.session(past).note == "Went for a walk first"
        await c.press("escape")
        assert isinstance(c.app.screen, HistoryScreen)
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)


async def test_history_without_saving_says_so(hang_up: Flow, library: Library) -> None:
    async with saving_app(hang_up, None, library) as c:
        c.app.action_history()
        await c.pilot.pause()
        assert isinstance(c.app.screen, ChatScreen)
        assert "Walks are not being saved, so there is no history." in c.said()


# --- a store another copy has locked ----------------------------------------------------------


@pytest.mark.parametrize("when", ["at the start", "mid-walk"])
async def test_a_store_locked_by_another_copy_is_said_and_the_walk_goes_on(
    tmp_path: Path, hang_up: Flow, library: Library, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    store = Store.open(tmp_path / "s.db")
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        if when == "at the start":
            other.execute("BEGIN IMMEDIATE")  # another copy is writing as the app starts
        async with saving_app(hang_up, store, library) as c:
            assert isinstance(c.app.screen, ChatScreen)
            if when == "mid-walk":
                await c.press("enter")
                other.execute("BEGIN IMMEDIATE")
                await c.press("2", "1", "1", "1", "1")
            else:
                await c.press("enter", "2", "1", "1", "1", "1")
            assert c.walk.finished
            assert "Step away and reset first" in c.card_text("title")
            assert any("another running copy" in note for note in c.said()), c.said()
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        store.close()


async def test_back_on_a_resumed_walk_strikes_only_what_it_takes_back(
    store: Store, hang_up: Flow, library: Library
) -> None:
    """The answers shown again keep the steps they were given at: Back from the next
    question strikes the last answer and what followed, not the whole walk."""
    left_unfinished(store, hang_up, library, "", "2", "1")
    async with saving_app(hang_up, store, library) as c:
        await c.press("y")
        await c.until(lambda: isinstance(c.app.screen, ChatScreen))
        await c.press("ctrl+b")
        await c.pilot.pause()
        struck = [str(b.content) for b in c.bubble_widgets() if b.has_class("-undone")]
        assert struck == [
            f"Guide  {WHO}",
            f"You  {FAMILY}",
            "Welcome back: you left off here.",
            f"Guide  {TRIED}",
        ]
        assert c.bubbles()[-1] == f"Guide  {WHO}"
