"""Every kind of node and step reaches every place that branches on the kind.

Those branches are `match` statements ending in `assert_never`: mypy fails where a new
kind is not handled, and at run time the unhandled kind raises. These tests are the run
time half: a flow with one node of every kind in `Node` (the test fails first if a kind
is added to the union and not to the flow) is passed through each branch, and walked so
that every kind in `Step` is shown and answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

import pytest

from guide.flow.engine import Walk
from guide.flow.examples import here
from guide.flow.factcheck import fact_problems
from guide.flow.loader import load_flow
from guide.flow.model import NODE_KINDS, Flow, Node, successors
from guide.flow.nodechecks import node_problems
from guide.flow.readnodes import KIND_FIELDS
from guide.flow.startpoints import needed_facts
from guide.flow.steps import Advice, Step, asked_text, help_text
from guide.flow.validate import _passes, validate
from guide.render.diagram import _box, _exits
from guide.render.dot import to_dot
from guide.render.handout import heading, to_handout
from guide.render.mermaid import to_mermaid

# One node of each kind, in the order a walk meets them: ask, say, wait, input, then a
# route, a link and a calculation the walk passes through unseen, then the outcome.
EVERY_KIND = b"""
flow: every-kind
title: Every kind of node
version: 1
start: ask
sources:
  "000": {title: A source}
escape:
  - label: Someone is in danger
    key: "!"
    next: end
nodes:
  ask:
    ask: Did many calls go unanswered?
    help: Count the calls nobody picked up.
    options:
      - {label: "Yes", next: say, set: {counted: "yes", abandoned: "3"}}
      - {label: "No", next: say, set: {counted: "no", abandoned: "0"}}
  say:
    say: Have the numbers to hand.
    next: wait
  wait:
    wait: 5s
    say: Take a moment.
    next: input
  input:
    input: How many calls were offered?
    fact: offered
    type: integer
    min: 1
    next: route
  route:
    route:
      - when: {counted: "yes"}
        next: goto
      - next: goto
  goto:
    goto: calc
  calc:
    compute: abandonment_rate
    fact: rate
    next: end
  end:
    outcome: Compare the share with the usual range
    text: "About {rate} per cent went unanswered."
    steps: [Compare it with the usual range.]
    why: The share of calls abandoned says more than the count.
    source: {article: "000"}
"""


@pytest.fixture(scope="module")
def flow() -> Flow:
    loaded = load_flow(EVERY_KIND, "every-kind.yaml")
    assert loaded.flow is not None and loaded.ok, loaded.problems
    return loaded.flow


def test_the_flow_has_one_node_of_every_kind(flow: Flow) -> None:
    # A kind added to `Node` but not here would leave every branch below untested.
    assert sorted(type(n).__name__ for n in flow.nodes.values()) == sorted(
        kind.__name__ for kind in get_args(Node)
    )
    assert sorted(NODE_KINDS) == sorted(kind.__name__.lower() for kind in get_args(Node))
    assert set(KIND_FIELDS) == set(NODE_KINDS)


NODE_BRANCHES: list[Callable[[Flow, Node], Any]] = [
    lambda flow, node: successors(node),
    lambda flow, node: asked_text(node),
    lambda flow, node: help_text(node),
    node_problems,
    lambda flow, node: _passes(node),
    lambda flow, node: _box(node, start=False),
    lambda flow, node: _exits(node),
    lambda flow, node: heading(node),
]


@pytest.mark.parametrize(
    "branch",
    NODE_BRANCHES,
    ids=[
        "successors",
        "asked_text",
        "help_text",
        "node_problems",
        "passes",
        "diagram_box",
        "diagram_exits",
        "handout_heading",
    ],
)
def test_every_branch_on_a_node_handles_every_kind(
    flow: Flow, branch: Callable[[Flow, Node], Any]
) -> None:
    for node in flow.nodes.values():
        branch(flow, node)  # an unhandled kind raises AssertionError (assert_never)


def test_whole_flow_checks_and_drawings_handle_every_kind(flow: Flow) -> None:
    # These branch on the kind of each node inside: the checks, the facts a start
    # part-way needs, and the three drawings.
    assert validate(flow) == []
    assert fact_problems(flow) == []
    assert needed_facts(flow, "route") == {"counted": ["no", "yes"]}
    handout = to_handout(flow)
    for words in ("Question:", "Note:", "Wait 5", "Fill in:", "Route:", "Go to", "Work out:"):
        assert words in handout
    assert "calc" in to_mermaid(flow)
    assert "calc" in to_dot(flow)


def test_a_walk_shows_and_answers_every_kind_of_step(flow: Flow) -> None:
    walk = Walk(flow)
    shown: list[type] = []
    for answer in ("yes", "", "", "60"):
        shown.append(type(walk.current))
        assert here(walk)[1] == walk.path()[-1][1]
        assert walk.reply(answer).accepted, type(walk.current)
    shown.append(type(walk.current))
    assert walk.reply("anything").reason == "finished"
    assert sorted(t.__name__ for t in shown) == sorted(t.__name__ for t in get_args(Step))
    assert walk.passed_through()[-3:] == [
        ("every-kind", "route"),
        ("every-kind", "goto"),
        ("every-kind", "calc"),
    ]
    assert walk.facts["rate"] == "5.0"
    assert isinstance(walk.current, Advice)
    assert walk.current.text == "About 5.0 per cent went unanswered."


@pytest.mark.parametrize("steps", [0, 1, 2, 3])
def test_words_of_danger_take_the_escape_at_every_kind_of_step(flow: Flow, steps: int) -> None:
    walk = Walk(flow)
    for answer in ("yes", "", "")[:steps]:
        walk.reply(answer)
    reply = walk.reply("she took pills")
    assert reply.accepted and reply.urgent is not None
    assert walk.finished and walk.path()[-1][1] == "end"
    assert [m.kind for m in walk.moves][-1] in ("choose", "escape")
