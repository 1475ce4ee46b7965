"""Presenter mode through Pilot: the map beside the chat, answers revealed one by one
so the room can guess first, and nothing personal on screen (no history, nothing saved).
"""

from __future__ import annotations

import argparse
from contextlib import AbstractAsyncContextManager

import pytest

import guide.faces.tui.app as app_module
from guide.cli import build_parser
from guide.commands import walk as walkcmds
from guide.commands.walk import run_walk
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.history import HistoryScreen
from guide.faces.tui.widgets.bubble import Bubble
from guide.faces.tui.widgets.flow_map import FlowMap
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.store import Store
from guide.library.flows import resolver

from .conftest import Chat, running_app

SIZE = (100, 30)
WHY_ENDED = "Do you know why the call ended?"
ACCIDENT = "It looked like an accident: the line dropped or cut out"
ANGER = "They ended it on purpose, in anger or mid-argument"
RUSHED = "They ended it on purpose, but not angrily (busy, rushed, another call)"
UNSURE = "I'm not sure why"
EMERGENCY = "This could be an emergency"
ANSWERS = [ACCIDENT, ANGER, RUSHED, UNSURE, EMERGENCY]
WHO = "Who was on the other end?"
HIDDEN = "History is hidden while presenting."


def running(
    flow: Flow, presenting: bool, store: Store | None = None
) -> AbstractAsyncContextManager[Chat]:
    walk = Walk(flow, resolver([flow]))
    return running_app(walk, SIZE, store=store, presenting=presenting)


def reveal_row(hidden: int) -> str:
    return f"▸   Show the next answer  (space, {hidden} more)"


def side_map_marks(c: Chat) -> dict[str, str]:
    """The side map's marked steps: node id → its mark (● here, ✓ on the path)."""
    flow_map = c.screen.query_one("#side-map", FlowMap)
    return {
        node_id: str(tree_node.label)[0]
        for node_id, (tree_node, _) in flow_map.placed.items()
        if str(tree_node.label)[:1] in ("●", "✓")
    }


# --- the screen ------------------------------------------------------------------------------


async def test_the_map_is_beside_the_chat(hang_up: Flow) -> None:
    async with running(hang_up, presenting=True) as c:
        assert c.screen.has_class("-presenting")
        side = c.screen.query_one("#side-map")
        talk = c.screen.query_one("#conversation")
        assert side.display
        assert side.region.width > 0 and talk.region.width > 0
        assert side.region.x >= talk.region.right  # to the right of the chat
        assert side.region.y == talk.region.y  # side by side, not below
        assert side_map_marks(c) == {"breathe": "●"}
        # the steps in large, bold text for the room
        assert all(b.styles.text_style.bold for b in c.screen.query(Bubble))


async def test_no_side_map_without_presenting(hang_up: Flow) -> None:
    async with running(hang_up, presenting=False) as c:
        assert not c.screen.has_class("-presenting")
        assert not c.screen.query("#side-map")


async def test_answers_are_revealed_one_by_one(hang_up: Flow) -> None:
    async with running(hang_up, presenting=True) as c:
        await c.press("enter")  # past the first `say`
        assert c.asked()[-1] == WHY_ENDED
        assert c.answers() == [reveal_row(5)]  # none shown yet: the room can guess
        for shown in range(1, 5):
            await c.press("space")
            assert c.labels()[:-1] == ANSWERS[:shown]
            assert c.answers()[-1] == reveal_row(5 - shown)
        await c.press("space")
        assert c.labels() == ANSWERS  # all shown: the reveal row is gone
        await c.press("space")  # and one more press changes nothing
        assert c.labels() == ANSWERS
        assert c.asked()[-1] == WHY_ENDED


async def test_a_number_picks_a_revealed_answer_only(hang_up: Flow) -> None:
    async with running(hang_up, presenting=True) as c:
        await c.press("enter", "space", "space")
        assert c.labels()[:-1] == [ACCIDENT, ANGER]
        await c.press("3")  # not revealed yet: nothing happens
        assert c.asked()[-1] == WHY_ENDED
        assert c.labels()[:-1] == [ACCIDENT, ANGER]
        await c.press("2")
        assert c.bubbles()[-2:] == [f"You  {ANGER}", f"Guide  {WHO}"]
        # the next question starts hidden again
        assert c.answers() == [reveal_row(10)]


async def test_the_side_map_follows_the_walk(hang_up: Flow) -> None:
    async with running(hang_up, presenting=True) as c:
        await c.press("enter")
        assert side_map_marks(c) == {"breathe": "✓", "why-ended": "●"}
        await c.press("space", "space", "2")
        assert c.asked()[-1] == WHO
        assert side_map_marks(c) == {"breathe": "✓", "why-ended": "✓", "who-was-it": "●"}
        side = c.screen.query_one("#side-map", FlowMap)
        assert side.cursor_node is not None
        assert side.cursor_node.data == "who-was-it"
        await c.press("ctrl+b")
        assert side_map_marks(c) == {"breathe": "✓", "why-ended": "●"}


# --- the key ---------------------------------------------------------------------------------


async def test_p_turns_presenter_mode_on_and_off(hang_up: Flow) -> None:
    async with running(hang_up, presenting=False) as c:
        await c.press("enter")
        assert c.labels() == ANSWERS
        await c.press("f5")
        assert c.screen.has_class("-presenting")
        side = c.screen.query_one("#side-map")
        assert side.display
        assert side_map_marks(c) == {"breathe": "✓", "why-ended": "●"}
        assert c.labels() == ANSWERS  # what was already on screen stays
        await c.press("2")
        assert c.asked()[-1] == WHO
        assert c.answers() == [reveal_row(10)]  # the next question is revealed one by one
        await c.press("space")
        assert c.labels()[:-1] == [
            "Family: a parent, child, brother or sister, or another relative"
        ]
        await c.press("f5")
        assert not c.screen.has_class("-presenting")
        assert not c.screen.query_one("#side-map").display
        assert len(c.labels()) == 10 and "Show the next answer" not in c.answers()[-1]
        await c.press("down", "enter")  # the first answer, as in any chat
        assert c.asked()[-1] == "Since the call ended, what have you tried?"


# --- nothing personal -------------------------------------------------------------------------


async def pick_history_in_the_palette(c: Chat) -> None:
    await c.pick_command("History")
    await c.pilot.pause()


async def test_history_is_hidden_while_presenting(hang_up: Flow, store: Store) -> None:
    async with running(hang_up, presenting=True, store=store) as c:
        await pick_history_in_the_palette(c)
        assert isinstance(c.app.screen, ChatScreen)
        assert not any(isinstance(s, HistoryScreen) for s in c.app.screen_stack)
        assert HIDDEN in c.said()


async def test_history_is_hidden_after_p_too(hang_up: Flow, store: Store) -> None:
    """Presenter mode turned on with the key hides the history just as `--present` does."""
    async with running(hang_up, presenting=False, store=store) as c:
        await c.press("f5")
        assert c.screen.has_class("-presenting")
        await pick_history_in_the_palette(c)
        assert not any(isinstance(s, HistoryScreen) for s in c.app.screen_stack)
        assert HIDDEN in c.said()


# --- `hangup-guide --present` / `--start` keep nothing -------------------------------------------


@pytest.mark.parametrize(
    ("argv", "saving"),
    [
        ([], True),  # an ordinary walk is saved (so the two below mean something)
        (["--present"], False),
        (["--start", "who-was-it"], False),
        (["--present", "--start", "why-ended"], False),
    ],
)
def test_the_app_gets_no_store_when_presenting_or_starting_part_way(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], saving: bool
) -> None:
    got: dict[str, object] = {}

    class Recorded:
        def run(self) -> None:
            got["ran"] = True

    def fake_make_app(walk: Walk, **kwargs: object) -> Recorded:
        got.update(kwargs, walk=walk)
        return Recorded()

    monkeypatch.setattr(app_module, "make_app", fake_make_app)
    # pytest's stdin is not a terminal; this test is about the store, not about that.
    monkeypatch.setattr(walkcmds, "need_a_terminal", lambda command: None)
    args: argparse.Namespace = build_parser().parse_args(argv)
    assert run_walk(args) == 0
    assert got["ran"] is True
    assert (got["store"] is not None) is saving
    assert got["presenting"] is ("--present" in argv)
    walk = got["walk"]
    assert isinstance(walk, Walk)
    if "--start" in argv:
        assert walk.start == argv[argv.index("--start") + 1]
    store = got["store"]
    if isinstance(store, Store):
        store.close()
