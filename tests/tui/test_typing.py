"""Typing is words, never shortcuts: what a person in distress types at a question goes
into the answer box, whatever letters it holds, and nothing a person did is lost by one
key (Restart asks first, Back can be undone, and leaving before any answer keeps nothing).
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest
from textual import events

from guide.faces.tui.app import make_app, make_practice_app
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.confirm import ConfirmScreen
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.flow.model import Input as InputNode
from guide.flow.steps import Question
from guide.history.store import Store
from guide.library.flows import Library, scan
from guide.practice.deck import read_deck

from .conftest import Chat, ChatFactory, fixture_flow, running_app

SENTENCE = "my sister rang back, why would she hang up? help! i just want to fix this quickly 2day, no jazz or vague excuses"
"""Every letter a..z (each was a shortcut once, or could be one), digits, `!` and `?`
inside it, the way people type: no capital, no full stop."""
assert set("abcdefghijklmnopqrstuvwxyz") <= set(SENTENCE)

FIRST = "Do you know why the call ended?"
NAME = "What is their first name?"


async def type_sentence(c: Chat) -> None:
    """Type SENTENCE as a quick typist does: each key sent as the terminal sends it,
    arriving before the app has dealt with the one before (Pilot's `press` waits for
    the app after every key, which took 8 s a sentence)."""
    names = {" ": "space", "!": "exclamation_mark", "?": "question_mark", ",": "comma"}
    driver = c.app._driver
    assert driver is not None
    for char in SENTENCE:
        key = events.Key(names.get(char, char), char)
        key.set_sender(c.app)
        driver.send_message(key)
    await c.pilot.pause()
    await c.pilot.pause()


def at_rest(c: Chat) -> tuple[object, ...]:
    """What must not change while someone types: the walk, the screen, the transcript."""
    return (c.walk.path(), len(c.walk.moves), type(c.app.screen), tuple(c.bubbles()))


# The kinds of step a person can type at, and the keys that reach each.
STEPS = {
    "question": ("enter",),
    "name-step": ("enter", "3", "1", "2"),
    "did-you-mean": ("enter", "2", *"my friend from work", "enter"),
    "after-back": ("enter", "2", "ctrl+b"),
}


@pytest.mark.parametrize("keys", STEPS.values(), ids=STEPS.keys())
async def test_a_sentence_with_every_letter_is_words_at_every_step(
    chat: ChatFactory, hang_up: Flow, keys: tuple[str, ...]
) -> None:
    async with chat(hang_up) as c:
        await c.press(*keys)
        assert isinstance(c.walk.current, (Question, InputNode))
        before = at_rest(c)
        await type_sentence(c)
        assert c.free_text.value == SENTENCE
        assert at_rest(c) == before, "a typed letter fired an action"


async def test_a_sentence_is_words_in_presenter_mode(hang_up: Flow) -> None:
    app = make_app(Walk(hang_up, None), presenting=True)
    async with app.run_test(size=(100, 30)) as pilot:
        c = Chat(app, pilot)
        await c.press("enter")
        before = at_rest(c)
        await type_sentence(c)
        assert c.free_text.value == SENTENCE
        assert at_rest(c) == before


async def test_a_sentence_is_words_in_practice(tmp_path: Path) -> None:
    library = scan()
    deck, problems = read_deck(Path(__file__).parents[1] / "fixtures" / "practice" / "good.yaml")
    assert deck is not None and not problems
    app = make_practice_app([deck], library, None, deck=deck.id, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        c = Chat(app, pilot)  # type: ignore[arg-type]  # a bare app stands in for the guide's
        before = at_rest(c)
        await type_sentence(c)
        assert c.free_text.value == SENTENCE
        assert at_rest(c) == before
        await c.press("enter")  # the words are an answer, matched like any other
        assert c.bubbles()[-1] != before[-1][-1]  # type: ignore[index]  # the bubbles are lists of lines here


async def test_typing_with_the_answers_focused_goes_into_the_box(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """Shift+Tab, Tab (or a click) put the focus on the answers or the transcript; a
    letter there starts the words."""
    for away in ("shift+tab", "tab"):
        async with chat(hang_up) as c:
            await c.press("enter", away)
            assert c.app.focused is not c.free_text
            await c.type("my mum")
            assert c.app.focused is c.free_text
            assert c.free_text.value == "my mum"
            assert c.asked()[-1] == FIRST


async def test_a_number_on_an_empty_box_picks_that_answer(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "2")
        assert c.asked()[-1] == "Who was on the other end?"
        assert c.free_text.value == ""


async def test_an_answers_own_key_picks_it_only_on_an_empty_box(chat: ChatFactory) -> None:
    flow = fixture_flow("keyed")
    async with chat(flow) as c:
        await c.type("no idea")  # "n" starts a sentence here? No: an empty box, so it picks
        assert c.walk.finished and c.walk.path()[-1][1] == "later"
    async with chat(flow) as c:
        await c.type(" no idea")  # something typed first: every letter is a letter
        assert not c.walk.finished
        assert c.free_text.value == " no idea"


async def test_enter_on_an_empty_box_picks_the_highlighted_answer(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "down", "down", "enter")
        assert c.bubbles()[-2].startswith("You  They ended it on purpose")


async def test_a_number_then_enter_answers_one_question_only(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """The hint says "a number, then Enter": the number answers at once, and the Enter
    that follows out of habit lands on a question with nothing highlighted, so it
    answers nothing."""
    async with chat(hang_up) as c:
        await c.press("enter", "2")
        asked = c.asked()[-1]
        before = c.bubbles()
        await c.press("enter")
        assert c.asked()[-1] == asked
        assert c.bubbles() == before
        assert c.walk.depth == 2


async def test_emergency_is_one_key_on_an_empty_box_and_ctrl_e_always(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "exclamation_mark")
        assert c.card().has_class("-emergency")
    async with chat(hang_up) as c:
        await c.press("enter", *"he said", "ctrl+e")
        assert c.card().has_class("-emergency")


# --- nothing is lost by one key --------------------------------------------------------------


async def test_restart_asks_first_and_no_keeps_every_answer(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "2", "1")
        path = c.walk.path()
        for no in ("n", "escape", "enter"):  # "Keep my answers" has the focus
            await c.press("ctrl+r")
            assert isinstance(c.app.screen, ConfirmScreen)
            assert "Start again?" in c.statics()
            await c.press(no)
            assert isinstance(c.app.screen, ChatScreen)
            assert c.walk.path() == path
        await c.press("ctrl+r", "y")
        assert c.walk.depth == 0


async def test_back_is_undone_by_ctrl_z(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "2", "1")
        path, moves = c.walk.path(), list(c.walk.moves)
        await c.press("ctrl+b")
        assert c.walk.depth == len(moves) - 1
        assert "Ctrl+Z" in c.bubbles()[-2]
        await c.press("ctrl+z")
        assert c.walk.path() == path and list(c.walk.moves) == moves
        assert "Your answer is back" in c.bubbles()[-2]
        await c.press("ctrl+z")  # nothing more to put back: nothing happens
        assert c.walk.path() == path


async def test_ctrl_z_is_gone_once_the_walk_moves_on(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "2", "1", "ctrl+b", "2")  # another answer instead
        moved = c.walk.path()
        await c.press("ctrl+z")
        assert c.walk.path() == moved


# --- what is kept ------------------------------------------------------------------------------


def saving(flow: Flow, store: Store) -> AbstractAsyncContextManager[Chat]:
    library = Library(flows={flow.id: flow})
    return running_app(Walk(flow, None), store=store, library=library)


async def test_opening_and_quitting_before_an_answer_saves_nothing(
    hang_up: Flow, store: Store
) -> None:
    async with saving(hang_up, store) as c:
        await c.type("my sis")  # typed, not answered
        await c.press("ctrl+q")
    assert store.sessions() == []


async def test_starting_again_on_advice_keeps_the_walk_that_reached_it(
    hang_up: Flow, store: Store
) -> None:
    async with saving(hang_up, store) as c:
        await c.press("enter", "exclamation_mark")
        [done] = store.sessions()
        store.set_note(done.id, "called 999")
        kept = store.session(done.id)
        await c.press("ctrl+r", "y", "enter", "2")
        assert store.session(done.id) == kept
        assert kept.finished and kept.outcome == "emergency"
        assert len(store.sessions()) == 2
