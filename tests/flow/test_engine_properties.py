"""Any sequence of moves keeps the walk's promises.

A hypothesis state machine drives a `Walk` with random moves (an offered
answer, typed text, a value for an input, going on, back, back to a random
step, restart, the escape) over the main flow and over the engine fixture (which
links to a second flow). After every move the invariants below must hold.
"""

from __future__ import annotations

from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from guide.flow.compute import FUNCTIONS
from guide.flow.engine import Walk
from guide.flow.loader import read_flow
from guide.flow.model import Ask, Compute, Flow, Input, Say, Wait
from guide.flow.refusals import InvalidInput
from guide.flow.replay import replay
from guide.flow.steps import Advice, Question
from guide.flow.typed import MAX_INPUT
from guide.i18n.wording import refusal_words
from guide.library.flows import bundled_dir

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "engine"


def _load(path: Path) -> Flow:
    loaded = read_flow(path)
    assert loaded.flow is not None, loaded.problems
    return loaded.flow


MAIN = _load(bundled_dir() / "hang-up.yaml")
FIXTURE = _load(FIXTURES / "walk.yaml")
OTHER = _load(FIXTURES / "engine-other.yaml")
# The main flow links into the other bundled flows: the walk may go there too.
BUNDLED = [_load(path) for path in sorted(bundled_dir().glob("*.yaml"))]
FLOWS = {flow.id: flow for flow in (*BUNDLED, FIXTURE, OTHER)}


def resolve(flow_id: str) -> Flow | None:
    return FLOWS.get(flow_id)


def _settable(flows: list[Flow]) -> tuple[set[tuple[str, str]], set[str]]:
    """(fact, value) pairs some option sets, and the facts some input stores."""
    pairs: set[tuple[str, str]] = set()
    free: set[str] = set()
    for flow in flows:
        options = list(flow.escape)
        for node in flow.nodes.values():
            if isinstance(node, Ask):
                options += node.options
            elif isinstance(node, Input):
                free.add(node.fact)
            elif isinstance(node, Compute):
                free.update(node.fact + suffix for suffix in FUNCTIONS[node.function].outputs)
        for option in options:
            pairs.update(option.sets.items())
    return pairs, free


PAIRS, FREE = _settable(list(FLOWS.values()))

# Text a person might type: free text, numbers, commands and words from the flows.
WORDS = sorted(
    {
        word
        for flow in FLOWS.values()
        for node in flow.nodes.values()
        if isinstance(node, Ask)
        for option in (*node.options, *flow.escape)
        for word in (option.label, *option.aliases)
    }
)
TYPED = st.one_of(
    st.text(max_size=40),
    st.integers(-5, 2000).map(str),
    st.sampled_from(WORDS),
    st.sampled_from(["", " ", "!", "b", "?", "1,000", "emergency", "I think my battery died"]),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" and ".join),
)


def snapshot(walk: Walk) -> tuple[str, str, dict[str, str], int]:
    return walk.current_flow.id, walk.path()[-1][1], dict(walk.facts), walk.depth


class WalkMachine(RuleBasedStateMachine):
    flow: Flow = MAIN

    @initialize()
    def start(self) -> None:
        self.walk = Walk(self.flow, resolve)

    # --- moves ------------------------------------------------------------------------

    def _moved(self, before: tuple[str, str, dict[str, str], int]) -> None:
        """After a move that went one step on: back() must return exactly to `before`."""
        walk = self.walk
        if walk.depth != before[3] + 1:
            assert snapshot(walk) == before  # nothing happened
            return
        after = snapshot(walk)
        moves = walk.moves
        assert walk.back() is True
        assert snapshot(walk) == before
        assert replay(walk, moves) == len(moves)  # and forward again
        assert snapshot(walk) == after

    @precondition(lambda self: isinstance(self.walk.current, Question))
    @rule(data=st.data())
    def answer(self, data: st.DataObject) -> None:
        step = self.walk.current
        assert isinstance(step, Question)
        choice = data.draw(st.sampled_from(step.choices))
        before = snapshot(self.walk)
        try:
            self.walk.choose(choice)
        except InvalidInput as exc:  # a calculation after it cannot be done
            assert refusal_words(exc.invalid)
            assert snapshot(self.walk) == before
            return
        self._moved(before)
        assert self.walk.moves[-1].label == choice.option.label

    @precondition(lambda self: isinstance(self.walk.current, Input))
    @rule(text=TYPED)
    def enter(self, text: str) -> None:
        before = snapshot(self.walk)
        try:
            self.walk.enter(text)
        except InvalidInput as exc:
            assert refusal_words(exc.invalid)  # a message for the person
            assert snapshot(self.walk) == before
            return
        self._moved(before)

    @precondition(lambda self: isinstance(self.walk.current, (Say, Wait)))
    @rule()
    def proceed(self) -> None:
        before = snapshot(self.walk)
        self.walk.proceed()
        self._moved(before)

    @rule(text=TYPED)
    def reply(self, text: str) -> None:
        before = snapshot(self.walk)
        reply = self.walk.reply(text)  # never raises
        assert len(reply.suggestions) <= 2
        if reply.accepted:
            self._moved(before)
        else:
            assert reply.reason is not None and refusal_words(reply.reason)
            assert snapshot(self.walk) == before
            step = self.walk.current
            if reply.suggestions:
                assert isinstance(step, Question)
                assert all(c in step.choices for c in reply.suggestions)

    @rule()
    def back(self) -> None:
        depth = self.walk.depth
        path = [(flow, node) for flow, node, _ in self.walk.path()]
        assert self.walk.back() is (depth > 0)
        assert self.walk.depth == max(depth - 1, 0)
        kept = self.walk.depth  # the path loses its last step, and only that
        assert [(flow, node) for flow, node, _ in self.walk.path()] == path[: kept + 1]

    @rule()
    def restart(self) -> None:
        self.walk.restart()
        assert self.walk.depth == 0
        assert dict(self.walk.facts) == {}

    @rule()
    def escape(self) -> None:
        before = snapshot(self.walk)
        assert self.walk.escape() is True
        step = self.walk.current
        assert isinstance(step, Advice)
        assert step.node.emergency
        self._moved(before)

    # --- invariants -------------------------------------------------------------------

    @invariant()
    def depth_counts_the_moves(self) -> None:
        assert self.walk.depth == len(self.walk.moves)
        assert len(self.walk.path()) == self.walk.depth + 1

    @invariant()
    def only_shown_steps_are_current(self) -> None:
        step = self.walk.current
        assert isinstance(step, (Question, Say, Wait, Input, Advice))
        assert self.walk.finished == isinstance(step, Advice)
        if isinstance(step, Question):
            numbers = [c.number for c in step.choices if c.number is not None]
            assert numbers == list(range(1, len(numbers) + 1))
            assert step.choices  # a question always has something to pick

    @invariant()
    def facts_come_from_answers_or_inputs(self) -> None:
        for fact, value in self.walk.facts.items():
            if fact in FREE and (fact, value) not in PAIRS:
                assert value == value.strip()
                assert 0 < len(value) <= MAX_INPUT
            else:
                assert (fact, value) in PAIRS

    @invariant()
    def replay_gives_the_same_walk(self) -> None:
        again = Walk(self.flow, resolve)
        assert replay(again, self.walk.moves) == len(self.walk.moves)
        assert snapshot(again) == snapshot(self.walk)


class FixtureWalkMachine(WalkMachine):
    flow = FIXTURE


FAST = settings(
    max_examples=200,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TestMainFlowWalk = WalkMachine.TestCase
TestMainFlowWalk.settings = FAST
TestFixtureWalk = FixtureWalkMachine.TestCase
TestFixtureWalk.settings = FAST
