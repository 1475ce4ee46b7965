"""Starting a walk part-way: the branch below a node, the facts it needs, and a `Walk`
begun there.

The small flow below is drawn by hand, so each expected set is worked out from it:

    first (ask) ── Dropped  (cause=drop)              ─┐
                └─ Slammed  (cause=anger, mood=heated) ┴─► who (ask)
    who ── A friend (rel=friend)                  ─┐
        ├─ Someone from work (rel=work)             ├─► decide (route)
        ├─ The phone shop [only when cause=drop]    ┘    (rel=shop)
        └─ Someone from the other team ──► other-flow:team  (another flow)
    decide ── mood=heated → cool-off · rel=work → call-work · otherwise → call-back
    escape "!" ──► emergency
"""

from __future__ import annotations

import pytest

from guide.flow.engine import Walk
from guide.flow.loader import load_flow
from guide.flow.model import Flow
from guide.flow.startpoints import branch, needed_facts
from guide.flow.steps import Advice, Question, WalkError

FLOW = b"""
flow: trainer
title: A flow for starting part-way
version: 1
start: first
sources:
  notes:
    title: The test notes
escape:
  - label: This could be an emergency
    key: "!"
    next: emergency
nodes:
  first:
    ask: How did the call end?
    options:
      - label: The line dropped
        set: {cause: drop}
        next: who
      - label: They slammed the phone down
        set: {cause: anger, mood: heated}
        next: who
  who:
    ask: Who was it?
    options:
      - label: A friend
        set: {rel: friend}
        next: decide
      - label: Someone from work
        set: {rel: work}
        next: decide
      - label: The phone shop
        when: {cause: drop}
        set: {rel: shop}
        next: decide
      - label: Someone from the other team
        next: other-flow:team
  decide:
    route:
      - when: {mood: heated}
        next: cool-off
      - when: {rel: work}
        next: call-work
      - next: call-back
  cool-off:
    outcome: Let things cool off first
    steps: [Wait until you both feel calm.]
    why: Anger needs time.
    source: {article: notes, section: Anger}
  call-work:
    outcome: Call back, keep it short
    steps: [Call back now.]
    why: Work contacts expect it.
    source: {article: notes, section: Work}
  call-back:
    outcome: Call them back
    steps: [Ring them once.]
    why: A dropped line is nobody's fault.
    source: {article: notes, section: Calling back}
  emergency:
    outcome: Treat it as an emergency
    emergency: true
    steps: [Call your local emergency number.]
    why: Safety first.
    source: {article: notes, section: Emergencies}
"""

WHO = "Who was it?"
FRIEND, WORK, SHOP, TEAM = (
    "A friend",
    "Someone from work",
    "The phone shop",
    "Someone from the other team",
)


@pytest.fixture(scope="module")
def flow() -> Flow:
    loaded = load_flow(FLOW, "trainer.yaml")
    assert loaded.flow is not None, loaded.problems
    return loaded.flow


def asked(walk: Walk) -> str:
    step = walk.current
    assert isinstance(step, Question), step
    return step.text


def labels(walk: Walk) -> list[str]:
    step = walk.current
    assert isinstance(step, Question), step
    return [c.option.label for c in step.choices]


def pick(walk: Walk, label: str) -> None:
    step = walk.current
    assert isinstance(step, Question), step
    walk.choose(next(c for c in step.choices if c.option.label == label))


def outcome_of(walk: Walk) -> str:
    step = walk.current
    assert isinstance(step, Advice), step
    return step.node.id


# --- branch ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "reachable"),
    [
        # the whole flow below the start, but not the escape's branch (no option leads there)
        ("first", {"first", "who", "decide", "cool-off", "call-work", "call-back"}),
        # not `first` (above it), nor the other flow's `team`
        ("who", {"who", "decide", "cool-off", "call-work", "call-back"}),
        ("decide", {"decide", "cool-off", "call-work", "call-back"}),
        ("call-back", {"call-back"}),
        ("emergency", {"emergency"}),
    ],
)
def test_branch_lists_exactly_the_nodes_reachable(
    flow: Flow, start: str, reachable: set[str]
) -> None:
    found = branch(flow, start)
    assert found[0] == start  # itself first
    assert len(found) == len(set(found))  # each once
    assert set(found) == reachable


# --- needed_facts ------------------------------------------------------------------------


def test_needed_facts_at_the_top_is_nothing(flow: Flow) -> None:
    """From the first question every fact read later is set on the way: nothing to ask."""
    assert needed_facts(flow, "first") == {}


def test_needed_facts_below_the_question_that_sets_them(flow: Flow) -> None:
    """From `who`: `cause` (an option's condition) and `mood` (the route) are read and were
    set above; `rel` is read too, but `who` itself sets it, so it is not asked."""
    assert needed_facts(flow, "who") == {"cause": ["anger", "drop"], "mood": ["heated"]}


def test_needed_facts_at_a_route(flow: Flow) -> None:
    """From the route itself both facts it reads are needed, `rel` with every value the
    options of `who` (outside the branch) can give it."""
    assert needed_facts(flow, "decide") == {
        "mood": ["heated"],
        "rel": ["friend", "shop", "work"],
    }


@pytest.mark.parametrize("node", ["call-back", "cool-off", "emergency"])
def test_an_outcome_needs_nothing(flow: Flow, node: str) -> None:
    assert needed_facts(flow, node) == {}


def test_needed_facts_of_the_main_flow_for_who_was_it() -> None:
    """The bundled flow at "Who was on the other end?": the route after it reads
    `intent` and `mood`. Everything else the routes read (circle, tried, urgency) is
    asked on the way."""
    from guide.library.flows import find_flow, open_flow

    main = open_flow(find_flow("hang-up"))
    assert needed_facts(main, "who-was-it") == {
        "intent": ["accidental", "deliberate", "unsure"],
        "mood": ["heated", "rushed"],
    }


# --- a walk begun part-way -------------------------------------------------------------------


def test_a_walk_begins_at_its_start_node(flow: Flow) -> None:
    walk = Walk(flow, start="who")
    assert asked(walk) == WHO
    assert walk.depth == 0
    assert walk.path() == [("trainer", "who", None)]
    # no `cause` given: the shop is not offered
    assert labels(walk) == [FRIEND, WORK, TEAM, "This could be an emergency"]


def test_given_facts_are_known_from_the_first_step(flow: Flow) -> None:
    walk = Walk(flow, start="who", given={"cause": "drop"})
    assert walk.facts == {"cause": "drop"}
    assert labels(walk)[:4] == [FRIEND, WORK, SHOP, TEAM]  # the option that needs `cause`


@pytest.mark.parametrize(
    ("given", "answer", "outcome"),
    [
        ({"mood": "heated"}, WORK, "cool-off"),  # the given mood wins over work
        ({}, WORK, "call-work"),
        ({}, FRIEND, "call-back"),
    ],
)
def test_routes_after_the_start_read_the_given_facts(
    flow: Flow, given: dict[str, str], answer: str, outcome: str
) -> None:
    walk = Walk(flow, start="who", given=given)
    pick(walk, answer)
    assert outcome_of(walk) == outcome


@pytest.mark.parametrize(
    ("given", "outcome"),
    [
        ({"mood": "heated", "rel": "work"}, "cool-off"),
        ({"rel": "work"}, "call-work"),
        ({"rel": "friend"}, "call-back"),
        ({}, "call-back"),
    ],
)
def test_starting_at_a_route_follows_it_at_once(
    flow: Flow, given: dict[str, str], outcome: str
) -> None:
    walk = Walk(flow, start="decide", given=given)
    assert outcome_of(walk) == outcome
    assert walk.depth == 0


def test_restart_goes_back_to_the_start_node_with_the_given_facts(flow: Flow) -> None:
    walk = Walk(flow, start="who", given={"cause": "drop"})
    pick(walk, WORK)
    assert outcome_of(walk) == "call-work"
    walk.restart()
    assert asked(walk) == WHO
    assert walk.depth == 0
    assert walk.facts == {"cause": "drop"}  # the answer's `rel` is gone, the given stays
    assert SHOP in labels(walk)


def test_back_returns_to_the_start_node_and_no_further(flow: Flow) -> None:
    walk = Walk(flow, start="who")
    assert walk.back() is False  # nothing before the start node
    pick(walk, FRIEND)
    assert walk.back() is True
    assert asked(walk) == WHO
    assert walk.back() is False
    assert walk.path() == [("trainer", "who", None)]


def test_an_unknown_start_node_raises(flow: Flow) -> None:
    with pytest.raises(WalkError, match="no node `nowhere`"):
        Walk(flow, start="nowhere")
