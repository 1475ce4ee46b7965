"""The app under hostile use: a megabyte pasted into the text line, terminal escape codes
in pastes, hundreds of random keys, and a terminal squeezed to 20x10 and back.

After each: no crash, the walk on screen is the walk that was saved (so nothing was
lost), and the app still answers keys: it can be driven, key by key, from the first
question to a flow's expected outcome.
"""

from __future__ import annotations

import random
import time

import pytest
from textual import events

from guide.faces.tui.screens.chat import ChatScreen
from guide.flow.engine import Walk
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.replay import replay
from guide.flow.steps import Question
from guide.history.recorder import Recorder, apply_events
from guide.history.store import Store
from guide.library.flows import Library
from tests.tui.conftest import Chat, ChatFactory, saving_app

from .common import SLOW_CI

MEGABYTE = 1_000_000


async def paste(c: Chat, text: str) -> None:
    """Paste into the text line, as a terminal does (escape characters and all)."""
    c.free_text.focus()
    c.free_text.post_message(events.Paste(text))
    await c.pilot.pause()


async def drive(c: Chat, answers: tuple[str, ...] | list[str]) -> None:
    """Walk `answers` (as in a flow's `examples:`) with keys only: a number or `!` at a
    question, typed words when the answer has no number key, a value and Enter at an
    input; Enter goes on from a `say`, `s` skips a wait."""
    shadow = Walk(c.walk.flow, c.walk.resolve)
    for answer in [*answers, None]:
        while isinstance(c.walk.current, (Say, Wait)):
            depth = c.walk.depth
            await c.press("escape", "enter" if isinstance(c.walk.current, Say) else "s")
            assert c.walk.depth == depth + 1, f"stuck at {c.walk.path()[-1][1]}"
            shadow.proceed()
        if answer is None:
            break
        step = c.walk.current
        if isinstance(step, Input):
            assert shadow.reply(answer).accepted
            await c.type(answer)
            await c.press("enter")
            continue
        assert isinstance(step, Question)
        if answer == "!":
            assert shadow.escape()
        else:
            assert shadow.reply(answer).accepted
        handle = shadow.moves[-1].value
        depth = c.walk.depth
        if handle == "!":
            await c.press("exclamation_mark")
        elif handle.isdigit() and len(handle) == 1:
            await c.press(handle)
        else:
            await c.say_in_words(answer)
        await c.until(lambda at=depth: c.walk.depth > at)  # a loaded machine may take a while
    assert c.walk.path() == shadow.path()


def assert_saved_as_shown(c: Chat, store: Store) -> None:
    """The walk on screen is consistent, and, when it is being saved, it is exactly what
    the store's events rebuild."""
    walk = c.walk
    again = Walk(walk.flow, walk.resolve, start=walk.start, given=walk.given)
    assert replay(again, walk.moves) == len(walk.moves)
    assert again.path() == walk.path()
    recorder = walk.listener
    if isinstance(recorder, Recorder) and recorder.failure is None:
        events_ = store.events(recorder.session_id)
        rebuilt = Walk(walk.flow, walk.resolve)
        assert apply_events(rebuilt, events_) == len(events_)
        assert rebuilt.path() == walk.path()


async def back_to_the_chat(c: Chat) -> None:
    for _ in range(10):
        if isinstance(c.app.screen, ChatScreen):
            return
        await c.press("escape")
    assert isinstance(c.app.screen, ChatScreen), c.app.screen


async def still_answers_keys(c: Chat) -> None:
    """Restart with `r` and walk the flow's first example to its outcome, key by key."""
    await c.press("escape", "ctrl+r", "y")
    assert c.walk.depth == 0
    await c.pilot.wait_for_scheduled_animations()
    if c.screen.presenting:  # F5 was pressed: answers are shown one by one; stop that
        await c.press("f5")
    if c.walk.start is not None or not c.walk.flow.examples:
        return  # a walk begun part-way from the map: restart keeps it there
    example = c.walk.flow.examples[0]
    await drive(c, example.answers)
    assert c.walk.finished
    assert c.walk.path()[-1][1] == example.outcome


# --- pasting -------------------------------------------------------------------------------


async def test_a_pasted_megabyte_at_a_question(chat: ChatFactory, hang_up: Flow) -> None:
    """1 MB pasted and sent at a question: refused, and the walk goes on with a key."""
    async with chat(hang_up) as c:
        await c.press("enter")
        start = time.perf_counter()
        await paste(c, "x" * MEGABYTE)
        await c.press("enter")
        assert time.perf_counter() - start < SLOW_CI
        assert c.app.is_running
        assert c.walk.depth == 1  # not taken as an answer
        await c.press("2")
        assert c.walk.moves[-1].label.startswith("They ended it on purpose, in anger")


LONG_PASTE = "y" * 20_000


async def test_a_long_paste_as_a_name_keeps_200_characters(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")
        assert isinstance(c.walk.current, Input)
        await paste(c, LONG_PASTE)
        await c.press("enter")
        assert c.walk.facts["name"] == "y" * 200
        assert c.card_text("text").startswith("Hi " + "y" * 200 + ",")


async def test_the_name_bubble_shows_what_the_walk_kept(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")
        await paste(c, LONG_PASTE)
        await c.press("enter")
        assert c.bubbles()[-1] == "You  " + "y" * 200


async def test_a_refused_paste_is_not_echoed_whole(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter")
        await paste(c, LONG_PASTE)
        await c.press("enter")
        assert max(len(b) for b in c.bubbles()) < 1_000


PASTES = [
    "\x1b]52;c;cHduZWQ=\x1b\\Kim",  # write the clipboard (OSC 52, ended by ST)
    "\x1b]0;pwned\x07Kim",  # retitle the window
    "\x1b[2J\x1b[HKim",  # clear the screen, cursor home
    "\x1bP+q544e\x1b\\Kim",  # a DCS request
    "\x9b2JKim",  # the C1 form of CSI
    "Kim\x1b[201~\x1b[31m",  # a fake end of bracketed paste, then colour
    "\u202eKim\u202c",  # right-to-left override
    "K\x00i\x08m\x7f",  # NUL, backspace, DEL
]
UNSAFE = "\x1b\x9b\x00\x07\x08\x7f\u202e\u202c"


async def test_escape_codes_in_a_pasted_name_never_reach_the_screen(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """Every kind of escape code at once, pasted as the name: the fact, every bubble, the
    card's message and the copied text keep the name and nothing a terminal acts on (each
    kind on its own: tests/hardening/test_hostile_typing.py)."""
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")
        await paste(c, "".join(PASTES))
        await c.press("enter")
        name = c.walk.facts["name"]
        assert name.count("Kim") == len(PASTES)
        await c.press("c")
        words = c.statics()  # the words dialog
        await c.press("escape")
        for shown in [name, *c.bubbles(), c.card_text("text"), c.app.clipboard, *words]:
            assert not any(ch in shown for ch in UNSAFE), repr(shown)
        assert c.card_text("text").startswith(f"Hi {name},")
        assert c.app.title == "Hang-up Guide"


# --- key mashing ---------------------------------------------------------------------------

# What a key sends: the key's name and its character (None for arrows).
KEY_CHARS = {
    **{c: c for c in "0123456789bcfhmnpqrswxyz"},
    "exclamation_mark": "!",
    "question_mark": "?",
    "slash": "/",
    **{f"ctrl+{c}": chr(ord(c) - 96) for c in "bergotyz"},
    "f1": None,
    "f5": None,
    "space": " ",
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "backspace": "\x7f",
    "up": None,
    "down": None,
}
MASH_KEYS = sorted(KEY_CHARS)


def test_the_mash_keys_are_the_chats_bindings() -> None:
    bound = {
        key
        for b in ChatScreen.key_bindings()
        for key in b.key.split(",")  # type: ignore[union-attr]  # every one is a Binding, not a tuple
    }
    assert bound <= set(MASH_KEYS)


async def burst(c: Chat, keys: list[str]) -> None:
    """Keys as a terminal sends them when someone mashes the keyboard: all at once,
    each arriving before the app has finished with the one before."""
    driver = c.app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, KEY_CHARS[key])
        event.set_sender(c.app)
        driver.send_message(event)
    await c.pilot.pause()


# A second Enter that arrives before the first is handled used to act on the step that
# had gone (proceed() or choose() at the next step: WalkError, a traceback). Picks now
# carry the offer they came from, and a pick from a replaced offer is ignored.


@pytest.mark.parametrize(
    "keys",
    [
        ["enter", "enter"],  # "Continue", twice
        ["enter", "1", "enter"],  # "Continue", an answer, Enter on the next question
        ["enter", "2", "down", "enter"],  # an answer, then Enter on a stale highlight
    ],
    ids=["continue-twice", "answer-then-enter", "stale-highlight"],
)
async def test_enter_pressed_again_before_the_screen_caught_up(
    keys: list[str], hang_up: Flow, store: Store, library: Library
) -> None:
    async with saving_app(hang_up, store, library) as c:
        await burst(c, keys)
        assert c.app.is_running
        assert_saved_as_shown(c, store)


# A dialog dismissed twice (a pick with Enter, then Escape, arriving together) used to
# pop the chat screen too: Textual's dismiss pops whatever is on top. Dialogs now close
# once (guide/faces/tui/screens/dialog.py).


@pytest.mark.parametrize(
    "keys",
    [
        ["ctrl+o", "enter", "escape"],  # the flow picker: pick, and close
        ["exclamation_mark", "n", "x", "enter", "escape"],  # a note: save, and cancel
        ["enter", "ctrl+t", "down", "enter", "escape"],  # the map: start here, and close
    ],
    ids=["picker", "note", "map"],
)
async def test_a_dialog_picked_and_closed_at_once(
    keys: list[str], hang_up: Flow, store: Store, library: Library
) -> None:
    async with saving_app(hang_up, store, library) as c:
        await burst(c, keys)
        assert c.app.is_running
        assert any(isinstance(s, ChatScreen) for s in c.app.screen_stack)


async def test_hundreds_of_random_keys(hang_up: Flow, store: Store, library: Library) -> None:
    """300 random keys from the chat's bindings and the dialogs' (digits, Enter, Escape,
    arrows, the flow picker, the map, a note...) in bursts of 30, each key arriving
    before the app has dealt with the one before: no crash, the chat screen survives,
    the walk on screen is the walk saved, and then the app still walks the flow's first
    example to its outcome, key by key."""
    rng = random.Random(2)
    keys = [rng.choice(MASH_KEYS) for _ in range(300)]
    async with saving_app(hang_up, store, library) as c:
        for at in range(0, len(keys), 30):
            await burst(c, keys[at : at + 30])
            assert c.app.is_running
            assert any(isinstance(s, ChatScreen) for s in c.app.screen_stack), keys[: at + 30]
        await back_to_the_chat(c)
        assert_saved_as_shown(c, store)
        await still_answers_keys(c)
        assert_saved_as_shown(c, store)


# --- resizing ------------------------------------------------------------------------------


async def test_squeezed_and_back(hang_up: Flow, store: Store, library: Library) -> None:
    """Three answers, then the terminal squeezed to 20x10 (dialogs opened and closed, an
    answer given), then to 1x1, and back to 80x24: every answer still there, saved, and
    the walk ends where the example says."""
    async with saving_app(hang_up, store, library) as c:
        await c.press("enter", "3", "3", "1")
        await c.pilot.resize_terminal(20, 10)
        await c.pilot.pause()
        for key in ("ctrl+y", "escape", "ctrl+t", "escape", "question_mark", "escape", "ctrl+g"):
            await c.press(key)
        await c.press("2")  # a call would feel wrong, answered while squeezed
        await c.pilot.resize_terminal(1, 1)
        await c.pilot.pause()
        await c.pilot.resize_terminal(80, 24)
        await c.pilot.pause()
        assert [m.label for m in c.walk.moves][1:] == [
            "They ended it on purpose, but not angrily (busy, rushed, another call)",
            "A friend",
            "Nothing yet",
            c.walk.moves[4].label,
        ]
        assert_saved_as_shown(c, store)
        await c.enter_value("Kim")
        assert c.walk.finished
        assert "Send a short message instead" in c.card_text("title")
        assert c.card_text("text").startswith("Hi Kim,")
        assert_saved_as_shown(c, store)
