"""The flows shipped with the package: clean, walked by their examples, complete.

Every bundled flow is found through `guide.library.flows.bundled_flows()`, so a new
flow dropped into flows/ is checked without touching this file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.examples import run_example
from guide.flow.loader import read_flow
from guide.flow.model import Ask, Example, Flow, Input, Outcome, Say, Wait
from guide.flow.refusals import InvalidInput
from guide.flow.replay import replay
from guide.flow.steps import Advice, Move, Question
from guide.flow.validate import validate
from guide.library.flows import bundled_flows, resolver

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[3] / "shared"
PATHS = bundled_flows()


def _load(path: Path) -> Flow:
    loaded = read_flow(path)
    assert loaded.flow is not None, loaded.problems
    return loaded.flow


FLOWS = {path.stem: _load(path) for path in PATHS}
OTHERS = {flow.id: list(flow.nodes) for flow in FLOWS.values()}
EXAMPLES = [
    pytest.param(name, example, id=f"{name}: {example.name}")
    for name, flow in FLOWS.items()
    for example in flow.examples
]


def test_the_main_flow_is_bundled() -> None:
    assert "hang-up" in FLOWS
    assert FLOWS["hang-up"].id == "hang-up"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_loads_and_validates_with_no_problems_at_all(path: Path) -> None:
    loaded = read_flow(path)
    assert loaded.flow is not None
    problems = [
        *loaded.problems,
        *validate(loaded.flow, loaded.broken, OTHERS, resolver(list(FLOWS.values()))),
    ]
    assert [str(p) for p in problems] == []  # not even a warning


@pytest.mark.parametrize("name", FLOWS)
def test_the_file_name_is_the_flow_id(name: str) -> None:
    # `--flow NAME` finds a flow by its file name; links use its id: they must agree.
    assert FLOWS[name].id == name


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_every_example_reaches_its_outcome(name: str, example: Example) -> None:
    result = run_example(FLOWS[name], example, resolver(list(FLOWS.values())))
    assert result.failure is None, result.failure
    assert result.reached == example.outcome


@pytest.mark.parametrize("name", FLOWS)
def test_the_examples_together_reach_every_outcome(name: str) -> None:
    flow = FLOWS[name]
    reached = {run_example(flow, e, resolver(list(FLOWS.values()))).reached for e in flow.examples}
    missing = {o.id for o in flow.outcomes()} - reached
    assert missing == set(), f"no example reaches {sorted(missing)}"


@pytest.mark.parametrize("name", FLOWS)
def test_every_question_offers_the_escape(name: str) -> None:
    flow = FLOWS[name]
    assert flow.escape, "the flow has no escape"
    escape = flow.escape[0]
    for node in flow.nodes.values():
        if isinstance(node, Ask):
            assert node.offers_escape, node.id
    # And as the walk shows it: the escape is one of the choices, by its key.
    walk = Walk(flow, resolver(list(FLOWS.values())))
    while not isinstance(walk.current, Question):
        walk.proceed()
    handles = {c.handle: c.option for c in walk.current.choices}
    assert handles.get(escape.key or "") == escape


@pytest.mark.parametrize("name", FLOWS)
def test_the_escape_leads_to_an_emergency_outcome(name: str) -> None:
    flow = FLOWS[name]
    target = flow.nodes[flow.escape[0].next.node]
    assert getattr(target, "emergency", False), f"`{target.id}` is not marked emergency: true"


def _questions(flow: Flow) -> dict[tuple[str, str, frozenset[tuple[str, str]]], tuple[Move, ...]]:
    """Every question a walk can reach (by node and facts), with the moves that reach it."""
    walk = Walk(flow, resolver(list(FLOWS.values())))
    found: dict[tuple[str, str, frozenset[tuple[str, str]]], tuple[Move, ...]] = {}

    def visit() -> None:
        step = walk.current
        if isinstance(step, Advice):
            return
        if isinstance(step, Question):
            key = (walk.current_flow.id, step.node.id, frozenset(walk.facts.items()))
            if key in found:
                return
            found[key] = walk.moves
            for choice in step.choices:
                if not choice.option.is_escape:
                    walk.choose(choice)
                    visit()
                    walk.back()
            return
        if isinstance(step, (Say, Wait)):
            walk.proceed()
        elif isinstance(step, Input):
            # A count of one, and zero where zero is allowed (no calls offered has its
            # own way back); a sum the counts cannot make leaves the walk where it is.
            low = max(step.minimum if step.minimum is not None else 1, 1)
            typed = ["Sam"] if step.type == "text" else [f"{low:g}"]
            typed += ["0"] if step.type != "text" and step.minimum == 0 else []
            for value in typed:
                try:
                    walk.enter(value)
                except InvalidInput:
                    continue
                visit()
                walk.back()
            return
        visit()
        walk.back()

    visit()
    return found


@pytest.mark.parametrize("name", FLOWS)
@pytest.mark.parametrize(
    "typed",
    [
        "!",  # the escape's key
        "emergency",  # "or typing emergency"
    ],
)
def test_the_emergency_exit_works_at_every_question(name: str, typed: str) -> None:
    flow = FLOWS[name]
    questions = _questions(flow)
    assert {node for _, node, _ in questions} >= {
        n.id for n in flow.nodes.values() if isinstance(n, Ask) and n.offers_escape
    }
    target = flow.escape[0].next.node
    failed = []
    for (_, node, _), moves in questions.items():
        walk = Walk(flow, resolver(list(FLOWS.values())))
        assert replay(walk, moves) == len(moves)
        reply = walk.reply(typed)
        step = walk.current
        if not (reply.accepted and isinstance(step, Advice) and step.node.id == target):
            failed.append(node)
    assert failed == []


@pytest.mark.parametrize(
    ("replies", "fact", "value"),
    [
        # the design's own example
        (["", "I think my phone died"], "intent", "accidental"),
        # the README's example
        (["", "I think my battery died"], "intent", "accidental"),
        # anger in a sentence
        (["", "we had a big argument"], "mood", "heated"),
        # not knowing, with a negation inside the alias itself
        (["", "honestly I don't know"], "intent", "unsure"),
        # "I think it was my boss" at "who was it?"
        (["", "2", "I think it was my boss"], "relationship", "work"),
        # family, in a sentence
        (["", "2", "it was my mum"], "relationship", "family"),
    ],
)
def test_free_text_on_the_main_flow(replies: list[str], fact: str, value: str) -> None:
    walk = Walk(FLOWS["hang-up"])
    for text in replies:
        assert walk.reply(text).accepted, text
    assert walk.facts.get(fact) == value


def test_the_main_flow_has_at_least_twelve_outcomes() -> None:
    outcomes = FLOWS["hang-up"].outcomes()
    assert len({o.id for o in outcomes}) >= 12
    assert len({o.title for o in outcomes}) == len(outcomes)  # each says something different


OUTCOMES = [
    pytest.param(name, outcome, id=f"{name}:{outcome.id}")
    for name, flow in FLOWS.items()
    for outcome in flow.outcomes()
]


@pytest.mark.parametrize(("name", "outcome"), OUTCOMES)
def test_every_outcome_has_steps_why_and_a_listed_source(name: str, outcome: Outcome) -> None:
    flow = FLOWS[name]
    assert outcome.steps
    assert all(step.strip() for step in outcome.steps)
    assert outcome.why.strip()
    assert outcome.source.article in flow.sources
    assert flow.sources[outcome.source.article].title.strip()


EMERGENCIES = [
    pytest.param(outcome, id=f"{name}:{outcome.id}")
    for name, flow in FLOWS.items()
    for outcome in flow.outcomes()
    if outcome.emergency
]


@pytest.mark.parametrize("outcome", EMERGENCIES)
def test_an_emergency_outcome_starts_with_the_emergency_number(outcome: Outcome) -> None:
    # "always shows the local emergency number advice first"
    assert "emergency number" in outcome.steps[0].lower()


def test_the_main_flow_has_an_emergency_outcome() -> None:
    assert any(o.emergency for o in FLOWS["hang-up"].outcomes())


def test_texts_are_in_our_own_words() -> None:
    tool = SHARED / "tools" / "seed-overlap"
    if not tool.is_file():
        if os.environ.get("HANGUP_GUIDE_REQUIRE_CORPUS") == "1":
            pytest.fail(f"{tool} is missing and HANGUP_GUIDE_REQUIRE_CORPUS=1")
        pytest.skip(f"{tool} is not there (the shared folder is not beside this checkout)")
    done = subprocess.run(
        [sys.executable, str(tool), "flows", "guide", "README.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == "", "text shared with the source articles:\n" + done.stdout
    assert done.returncode == 0, done.stderr
