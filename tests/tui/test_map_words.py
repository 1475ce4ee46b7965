"""The map after a walk ticks exactly the way taken, drawn under the answers given, and
says everything in words: no node id, fact name or fact value a flow writer chose
reaches the screen, for any bundled flow (nor in the facts asked before starting
part-way)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from textual.widgets.tree import TreeNode

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.facts import FactsScreen
from guide.faces.tui.screens.map import MapScreen
from guide.faces.tui.widgets.flow_map import FlowMap
from guide.flow import conditions
from guide.flow.engine import Walk
from guide.flow.model import Ask, Flow, Route
from guide.library.flows import Library, scan

from .conftest import Chat
from .test_small_screens import visible

SIZE = (100, 40)
WALKS = {
    # Continue, "in anger", "a friend": "who was it?" is also reached by "Not yet"
    "in-anger": ["enter", "2", "1"],
    # a dropped line, skip the wait, "Not yet", then "a friend": the other way in
    "not-yet": ["enter", "1", "s", "2", "1"],
    # Continue, "I'm not sure why", "I really can't tell": at "another way to learn?"
    "unsure": ["enter", "4", "3"],
}


def tree_lines(flow_map: FlowMap) -> Iterator[TreeNode[str]]:
    todo = [flow_map.root]
    while todo:
        node = todo.pop(0)
        yield node
        todo += node.children


async def open_map(c: Chat) -> FlowMap:
    await c.press("ctrl+t")
    await c.pilot.pause()
    assert isinstance(c.app.screen, MapScreen)
    return c.app.screen.query_one(FlowMap)


@pytest.mark.parametrize("keys", WALKS.values(), ids=WALKS.keys())
async def test_the_map_ticks_exactly_the_way_taken(
    hang_up: Flow, library: Library, keys: list[str]
) -> None:
    """Every step gone through is marked once (✓, or ● where the walk is), under the
    answer that was given; no answer that was not given is marked; and the marked
    lines hang together from the top, each under a marked line."""
    app = make_app(Walk(hang_up, library.resolver()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        c = Chat(app, pilot)
        await c.press(*keys)
        walk = c.walk
        gone = [node for flow_id, node, _ in walk.trail() if flow_id == hang_up.id]
        given = {move.label for move in walk.moves}
        flow_map = await open_map(c)
        marked = [n for n in tree_lines(flow_map) if str(n.label)[:2] in ("✓ ", "● ")]
        assert sorted(str(n.data) for n in marked) == sorted(gone)
        for line in marked:
            parent = line.parent
            assert parent is not None
            assert parent.is_root or str(parent.label)[:2] in ("✓ ", "● "), line.label
            asked = hang_up.nodes.get(str(parent.data))
            if isinstance(asked, Ask):
                answer = str(line.label)[2:].split(" → ")[0]
                assert answer in given, f"{answer!r} is marked but was not given"
        current = walk.path()[-1][1]
        assert [str(n.data) for n in marked if str(n.label).startswith("● ")] == [current]


def ids_of(flow: Flow) -> set[str]:
    """What a flow writer named, where it looks like a name (a-word-with-hyphens,
    snake_case): node ids, fact names and values; and every test of a route's
    condition as the old map wrote it ("callback is came")."""
    names = set(flow.nodes)
    tested: set[str] = set()
    for node in flow.nodes.values():
        options = node.options if isinstance(node, Ask) else ()
        for option in (*options, *flow.escape):
            names |= set(option.sets) | set(option.sets.values())
        if isinstance(node, Route):
            for branch in node.branches:
                for test in conditions.tests_in(branch.when):
                    names |= {test.fact, *test.values}
                    tested |= {f"{test.fact} is {value}" for value in test.values}
    return {n for n in names if re.search(r"[-_]", n)} | tested


@pytest.mark.parametrize("name", ["hang-up", "sales", "contact-centre"])
async def test_no_internal_id_is_on_the_map(library: Library, name: str) -> None:
    flow = library.flows[name]
    app = make_app(Walk(flow, library.resolver()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        flow_map = await open_map(Chat(app, pilot))
        text = "\n".join(str(n.label) for n in tree_lines(flow_map)) + "\n" + visible(app)
        leaked = sorted(
            n for n in ids_of(flow) if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
        )
        assert leaked == [], leaked
        if name == "hang-up":
            # a route's branch in words: the answer that set the fact, then a link by title
            assert (
                "? Think back to the last moments of the call. Which fits best?  (if “I'm not sure why”)"
                in text
            )
            assert "in “A prospect hung up on me”:" in text


async def test_the_facts_asked_before_starting_part_way_are_in_words(
    hang_up: Flow, library: Library
) -> None:
    """Starting at "Who was on the other end?": the facts are the questions that set
    them and their values the answers, as the person would have given them."""
    app = make_app(Walk(hang_up, library.resolver(), start="who-was-it"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FactsScreen)
        assert "Start at “Who was on the other end?”" in visible(app)
        await pilot.press("shift+tab", "shift+tab", "enter")  # the first list
        await pilot.pause()
        shown = visible(app)
        assert "It looked like an accident: the line dropped or cut out" in shown
        for name in ("who-was-it", "accidental", "deliberate", "intent is"):
            assert name not in shown


def test_a_flow_of_ours_has_ids_to_hide() -> None:
    """The check above would catch a leak: the main flow has such names to leak."""
    names = ids_of(scan().flows["hang-up"])
    assert {"why-ended", "tried is messaged", "third-party"} <= names
