"""The map through Pilot: the whole flow as a tree, where the walk is, and starting
from any step of it (with the facts that step needs chosen first).

Every test drives the app as a trainer would: "m" opens the map, the arrows move,
Enter picks a step, the facts dialog is answered, and the chat shows the result.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Select
from textual.widgets.tree import TreeNode

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.facts import NOT_SET, FactsScreen
from guide.faces.tui.screens.map import MapScreen
from guide.faces.tui.widgets.flow_map import FlowMap
from guide.flow.engine import Walk
from guide.flow.model import Ask, Flow, Outcome
from guide.history.store import Store
from guide.library.flows import resolver

from .conftest import Chat, ChatFactory

SIZE = (100, 30)
BREATH = "Take one slow breath. A few short questions, and you will have one clear next step."
WHY_ENDED = "Do you know why the call ended?"
ANGER = "They ended it on purpose, in anger or mid-argument"
WHO = "Who was on the other end?"
TRIED = "Since the call ended, what have you tried?"
SOON = "Is there something that can't wait: a deadline, money, the children, a repair?"
ENGAGED = "Had they been talking with you before the line went dead?"
CALL_NOW = "Can you call them back now?"
FIND_OUT = "Think back to the last moments of the call. Which fits best?"
NOT_SAVED = "Started at “{}” from the map (this walk is not saved)."
ELSEWHERE = "(shown elsewhere on the map)"


def the_map(c: Chat) -> FlowMap:
    assert isinstance(c.app.screen, MapScreen), c.app.screen
    return c.app.screen.query_one(FlowMap)


def label(flow_map: FlowMap, node_id: str) -> str:
    return str(flow_map.placed[node_id][0].label)


def every_tree_node(flow_map: FlowMap) -> Iterator[TreeNode[str]]:
    todo = [flow_map.root]
    while todo:
        node = todo.pop()
        yield node
        todo += node.children


async def open_map(c: Chat) -> FlowMap:
    await c.press("ctrl+t")
    await c.pilot.pause()  # the marks are set after the first refresh
    return the_map(c)


async def move_cursor_to(c: Chat, flow_map: FlowMap, node_id: str) -> None:
    """Put the cursor on a step: with the arrows when it is near (as a person would),
    else straight there (the arrows themselves are tested on their own)."""
    target = flow_map.placed[node_id][0]
    steps = target.line - flow_map.cursor_line
    if abs(steps) <= 5:
        await c.press(*(["down"] * steps if steps > 0 else ["up"] * -steps))
    else:
        flow_map.move_cursor(target)
        await c.pilot.pause()
    assert flow_map.cursor_node is not None
    assert flow_map.cursor_node.data == node_id


# --- the tree ---------------------------------------------------------------------------


async def test_m_opens_the_map_with_every_node_once(chat: ChatFactory, hang_up: Flow) -> None:
    """Every step of the main flow is reachable from its start (or is the escape's
    outcome), so each is placed in the tree once; later mentions only point back."""
    async with chat(hang_up, size=SIZE) as c:
        flow_map = await open_map(c)
        assert set(flow_map.placed) == set(hang_up.nodes)
        placed_once: dict[str, int] = {}
        for tree_node in every_tree_node(flow_map):
            if tree_node.data is not None and ELSEWHERE not in str(tree_node.label):
                placed_once[tree_node.data] = placed_once.get(tree_node.data, 0) + 1
        assert placed_once == dict.fromkeys(hang_up.nodes, 1)
        assert "Map of “Someone hung up on me”" in c.statics()


async def test_labels_show_the_question_or_the_outcome_title(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up, size=SIZE) as c:
        flow_map = await open_map(c)
        assert label(flow_map, "why-ended").endswith(f"? {WHY_ENDED}")
        # a step reached through a route says which answer leads there
        assert label(flow_map, "find-out") == f"? {FIND_OUT}  (if “I'm not sure why”)"
        for node in hang_up.outcomes():
            assert isinstance(node, Outcome)
            assert f"★ {node.title}" in label(flow_map, node.id), node.id
        assert label(flow_map, "emergency").startswith("! ")  # the escape's branch


async def test_the_current_step_and_the_answered_ones_are_marked(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """After Continue, "in anger" and "family": the walk is at "what have you tried?".
    "Who was on the other end?" is reached by "in anger" and by "Not yet" (after a
    dropped line); it is drawn under the answer given, "in anger", and ticked there."""
    async with chat(hang_up, size=SIZE) as c:
        await c.press("enter", "2", "1")
        assert c.asked()[-1] == TRIED
        flow_map = await open_map(c)
        assert label(flow_map, "tried-yet").startswith("● ")
        for done in ("breathe", "why-ended", "who-was-it"):
            assert label(flow_map, done).startswith("✓ "), done
        assert label(flow_map, "who-was-it").startswith(f"✓ {ANGER} → ? {WHO}")
        marked = {n for n in hang_up.nodes if label(flow_map, n)[:1] in "●✓"}
        # only the path taken (the route passed on the way is checked separately)
        assert marked == {"breathe", "why-ended", "who-was-it", "tried-yet"}
        assert flow_map.cursor_node is not None
        assert flow_map.cursor_node.data == "tried-yet"
        assert c.app.focused is flow_map


async def test_the_route_passed_through_is_on_the_path_taken(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """ "Nothing yet" led through the route `after-tried` to "can it wait?". The map shows
    that route as a step between the two, so the path taken runs through it: marked ✓
    like every other step the walk went through, or the highlighted path has a gap."""
    async with chat(hang_up, size=SIZE) as c:
        await c.press("enter", "2", "1", "1")
        assert c.asked()[-1] == SOON
        flow_map = await open_map(c)
        assert label(flow_map, "after-tried").startswith("✓ "), label(flow_map, "after-tried")


async def test_an_answer_taken_back_is_no_longer_marked(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up, size=SIZE) as c:
        await c.press("enter", "2", "ctrl+b")
        assert c.asked()[-1] == WHY_ENDED
        flow_map = await open_map(c)
        assert label(flow_map, "why-ended").startswith("● ")
        assert not label(flow_map, "who-was-it").startswith(("✓", "●"))


async def test_arrows_move_and_escape_closes_leaving_the_walk_as_it_was(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up, size=SIZE) as c:
        await c.press("enter", "2")
        before = (c.walk.path(), c.bubbles())
        flow_map = await open_map(c)
        assert flow_map.cursor_node is not None
        assert flow_map.cursor_node.data == "who-was-it"
        line = flow_map.cursor_line
        await c.press("down", "down")
        assert flow_map.cursor_line == line + 2
        assert flow_map.cursor_node is flow_map.get_node_at_line(line + 2)
        await c.press("up", "up", "up")
        assert flow_map.cursor_line == line - 1
        assert flow_map.cursor_node is flow_map.get_node_at_line(line - 1)
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)
        assert (c.walk.path(), c.bubbles()) == before
        assert c.asked()[-1] == WHO
        await c.press("1")  # the answers work again
        assert c.asked()[-1] == TRIED


async def test_the_answers_under_a_question_keep_the_question_order(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """Under "Who was on the other end?" the four answers come in the order the question
    offers them: the one that opens the contact-centre flow is the last, not the first
    (and the same under the cold-call question, whose third answer opens the sales flow)."""
    async with chat(hang_up, size=SIZE) as c:
        flow_map = await open_map(c)
        for node_id in ("who-was-it", "prospect-engaged"):
            node = hang_up.nodes[node_id]
            assert isinstance(node, Ask)
            children = [str(child.label) for child in flow_map.placed[node_id][0].children]
            wanted = [option.label for option in node.options]
            assert [
                next((w for w in wanted if shown.startswith(f"{w} → ")), shown)
                for shown in children
            ] == wanted, children


# --- starting from a step -----------------------------------------------------------------


async def test_enter_on_a_step_that_needs_nothing_starts_there(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up, size=SIZE) as c:
        await c.press("enter", "2")
        flow_map = await open_map(c)
        await move_cursor_to(c, flow_map, "prospect-engaged")
        await c.press("enter")
        assert isinstance(c.app.screen, ChatScreen)
        assert c.bubbles() == [NOT_SAVED.format(ENGAGED), f"Guide  {ENGAGED}"]
        assert c.walk.path() == [("hang-up", "prospect-engaged", None)]
        assert c.labels()[0] == "No, they hung up almost at once"
        await c.press(
            "ctrl+r", "y"
        )  # restart goes back to where it started, not to the flow's start
        assert c.asked() == [ENGAGED]


async def test_enter_on_a_step_that_needs_facts_asks_for_them(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up, size=SIZE) as c:
        flow_map = await open_map(c)
        await move_cursor_to(c, flow_map, "who-was-it")
        await c.press("enter")
        assert isinstance(c.app.screen, FactsScreen)
        shown = c.statics()
        assert f"Start at “{WHO}”" in shown
        # each fact as the question that sets it (two are set by the first question)
        assert f"{WHY_ENDED} (intent)" in shown
        assert f"{WHY_ENDED} (mood)" in shown
        selects = {s.id: s for s in c.app.screen.query(Select)}
        assert list(selects) == ["fact-intent", "fact-mood"]
        assert all(s.value == NOT_SET for s in selects.values())
        assert isinstance(c.app.focused, Button)
        assert c.app.focused.id == "start-here"


@pytest.mark.parametrize(
    ("intent", "after_friend"),
    [
        ("accidental", CALL_NOW),  # the route after "tried" reads intent: a call back
        (None, SOON),  # not set: the same route takes its "otherwise"
    ],
)
async def test_the_chosen_fact_decides_the_branch(
    chat: ChatFactory, hang_up: Flow, intent: str | None, after_friend: str
) -> None:
    async with chat(hang_up, size=SIZE) as c:
        flow_map = await open_map(c)
        await move_cursor_to(c, flow_map, "who-was-it")
        await c.press("enter")
        assert isinstance(c.app.screen, FactsScreen)
        if intent is not None:
            c.app.screen.query_one("#fact-intent", Select).value = intent
        await c.press("enter")  # "Start here" has the focus
        assert isinstance(c.app.screen, ChatScreen)
        assert c.bubbles() == [NOT_SAVED.format(WHO), f"Guide  {WHO}"]
        assert c.walk.facts == ({"intent": intent} if intent else {})
        await c.press("1", "1")  # family, nothing tried yet
        assert c.asked()[-1] == after_friend


async def test_a_fact_chosen_with_the_keys(chat: ChatFactory, hang_up: Flow) -> None:
    """At "Did they call you back?" the steps ahead read intent and mood. Shift+Tab up to
    the last choice (mood), open it, pick "rushed", Tab back to the button, Enter: after
    "Not yet", "family" and "nothing yet", a rushed mood leads to "can you call them back
    now?"."""
    async with chat(hang_up, size=SIZE) as c:
        flow_map = await open_map(c)
        await move_cursor_to(c, flow_map, "did-they-call")
        await c.press("enter")
        assert isinstance(c.app.screen, FactsScreen)
        assert [s.id for s in c.app.screen.query(Select)] == ["fact-intent", "fact-mood"]
        await c.press("shift+tab")
        mood = c.app.screen.query_one("#fact-mood", Select)
        assert c.app.focused is mood
        await c.press("enter")  # opens the list: (not set), heated, rushed
        await c.press("down", "down", "enter")
        assert mood.value == "rushed"
        await c.press("tab")
        assert isinstance(c.app.focused, Button)
        await c.press("enter")
        assert isinstance(c.app.screen, ChatScreen)
        assert c.asked() == ["Did they call you back?"]
        assert c.walk.facts == {"mood": "rushed"}
        await c.press("2", "1", "1")
        assert c.asked()[-1] == CALL_NOW


async def test_escape_in_the_facts_dialog_starts_nothing(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up, size=SIZE) as c:
        await c.press("enter", "2")
        before = (c.walk.path(), c.bubbles())
        flow_map = await open_map(c)
        await move_cursor_to(c, flow_map, "after-tried")
        await c.press("enter")
        assert isinstance(c.app.screen, FactsScreen)
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)
        assert (c.walk.path(), c.bubbles()) == before


async def test_a_walk_begun_from_the_map_is_not_saved(hang_up: Flow, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    try:
        app = make_app(Walk(hang_up, resolver([hang_up])), store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            c = Chat(app, pilot)
            assert c.walk.listener is not None  # the ordinary walk is saved
            saved = len(store.sessions())
            flow_map = await open_map(c)
            await move_cursor_to(c, flow_map, "prospect-engaged")
            await c.press("enter")
            assert c.asked() == [ENGAGED]
            assert c.walk.listener is None
            await c.press("1")  # to "Take them off your list and move on"
            assert c.card_text("title").endswith("Take them off your list and move on")
            assert len(store.sessions()) == saved
            assert all(s.steps == 0 for s in store.sessions())
    finally:
        store.close()


# --- `--start` in the app -------------------------------------------------------------------


async def test_a_walk_with_a_start_asks_only_the_facts_not_given(hang_up: Flow) -> None:
    """`hangup-guide --start who-was-it --fact intent=deliberate`: the app asks for mood
    only; "rushed" then sends family, nothing tried, to "can you call them back now?"."""
    walk = Walk(hang_up, resolver([hang_up]), start="who-was-it", given={"intent": "deliberate"})
    app = make_app(walk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        c = Chat(app, pilot)
        assert isinstance(app.screen, FactsScreen)
        assert [s.id for s in app.screen.query(Select)] == ["fact-mood"]
        app.screen.query_one("#fact-mood", Select).value = "rushed"
        await c.press("enter")
        assert isinstance(app.screen, ChatScreen)
        assert c.asked() == [WHO]
        assert c.walk.facts == {"intent": "deliberate", "mood": "rushed"}
        await c.press("1", "1")
        assert c.asked()[-1] == CALL_NOW
