"""Practice decks: situations with an expert's path, compared with a learner's. Pure.

A deck names a flow and lists scenarios; each has the answers an expert gives,
the outcome they reach, a reason at the decisive steps, and other outcomes that
are also safe. `judge` compares a finished walk with the expert's and scores it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from guide.flow.engine import Walk
from guide.flow.examples import Budget, BudgetSpent, budget_message, charge, here, walk_answers
from guide.flow.files import read_capped
from guide.flow.model import Flow, Input, Outcome, Say, Wait
from guide.flow.problems import NOWHERE, Mark, Problem
from guide.flow.reader import FieldReader
from guide.flow.steps import Advice, FlowResolver, WalkError, asked_text
from guide.flow.suggest import did_you_mean
from guide.flow.yamltree import DEFAULT_LIMITS, YNode, decode, parse_tree
from guide.history.store import PracticeResult, now

ID = re.compile(r"^[a-z][a-z0-9-]*$")
FULL, PART, NONE = 1.0, 0.5, 0.0


@dataclass(frozen=True, slots=True)
class Scenario:
    """One situation and how an expert walks it."""

    id: str
    situation: str
    expert: tuple[str, ...]
    outcome: str
    reasons: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    also_fine: tuple[str, ...] = ()
    mark: Mark = NOWHERE
    answer_marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    flow: str
    title: str
    scenarios: tuple[Scenario, ...]
    path: str = "<deck>"
    flow_mark: Mark = NOWHERE

    def shuffled(self, seed: int | None = None) -> list[Scenario]:
        """The scenarios in a random order; the same `seed` gives the same order."""
        order = list(self.scenarios)
        random.Random(seed).shuffle(order)
        return order


def is_deck(data: bytes) -> bool:
    """Whether a YAML file is a practice deck (it has a top-level `deck:` key)."""
    return re.search(rb"(?m)^deck\s*:", data[:4096]) is not None


def load_deck(data: bytes, file: str = "<deck>") -> tuple[Deck | None, list[Problem]]:
    """Bytes → a deck and the problems found on the way; `FlowError` when unreadable."""
    tree = parse_tree(decode(data, file, DEFAULT_LIMITS), file, DEFAULT_LIMITS)
    reader = _DeckReader(file)
    deck = reader.deck(tree)
    return deck, reader.problems


def read_deck(path: Path) -> tuple[Deck | None, list[Problem]]:
    """A deck file, read as flows are: regular files only, at most 1 MiB."""
    return load_deck(read_capped(path), str(path))


class _DeckReader(FieldReader):
    def deck(self, tree: YNode) -> Deck | None:
        got = self.fields(tree, "the deck", ("deck", "flow", "title", "scenarios"), ())
        if got is None or any(k not in got for k in ("deck", "flow", "title", "scenarios")):
            return None
        deck_id = self.pattern(got["deck"], "`deck`", ID, "lower-case letters, digits and -")
        flow_id = self.pattern(got["flow"], "`flow`", ID, "lower-case letters, digits and -")
        title = self.text(got["title"], "`title`")
        scenarios = [self.scenario(item) for item in self.items(got["scenarios"], "`scenarios`", 1)]
        if deck_id is None or flow_id is None or title is None:
            return None
        found = tuple(s for s in scenarios if s is not None)
        return Deck(deck_id, flow_id, title, found, self.file, got["flow"].mark)

    def scenario(self, node: YNode) -> Scenario | None:
        required = ("id", "situation", "expert", "outcome")
        got = self.fields(node, "a scenario", required, ("reasons", "also_fine"))
        if got is None or any(k not in got for k in required):
            return None
        scenario_id = self.pattern(got["id"], "`id`", ID, "lower-case letters, digits and -")
        situation = self.text(got["situation"], "`situation`")
        answers = self.items(got["expert"], "`expert`", 1)
        expert = [self.text(a, "an expert answer", allow_empty=True) for a in answers]
        outcome = self.pattern(got["outcome"], "`outcome`", ID, "a node id")
        reasons: dict[str, str] = {}
        if "reasons" in got:
            reasons = self.mapping_of(got["reasons"], "`reasons`", ID, "a node id", self.text)
        also = self.texts(got["also_fine"], "`also_fine`") if "also_fine" in got else ()
        if None in (scenario_id, situation, outcome) or None in expert:
            return None
        assert scenario_id and situation and outcome
        return Scenario(
            scenario_id,
            situation,
            tuple(a for a in expert if a is not None),
            outcome,
            MappingProxyType(reasons),
            also,
            node.mark,
            tuple(a.mark for a in answers),
        )


# --- walking the expert's path -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PathStep:
    """One answered question on a path: where, what was asked, what was answered."""

    flow: str
    node: str
    asked: str
    answer: str
    handle: str


def path_of(walk: Walk) -> list[PathStep]:
    """The choices made on a walk (inputs and going-on steps left out)."""
    return [
        PathStep(flow.id, node.id, asked_text(node), move.label, move.value)
        for flow, node, move in walk.visited()
        if move is not None and move.kind in ("choose", "escape")
    ]


def expert_walk(
    flow: Flow, scenario: Scenario, resolve: FlowResolver | None
) -> tuple[Walk, str | None]:
    """The expert's walk, and what went wrong if their answers do not fit."""
    walk = Walk(flow, resolve)
    try:
        failure = walk_answers(walk, scenario.expert)
    except WalkError as exc:
        failure = str(exc)
    return walk, failure


def expert_inputs(flow: Flow, scenario: Scenario, resolve: FlowResolver | None) -> dict[str, str]:
    """The values the expert typed at `input` steps, by node id (practice fills them in)."""
    walk, _ = expert_walk(flow, scenario, resolve)
    values: dict[str, str] = {}
    for _, node, move in walk.path():
        if move is not None and move.kind == "enter":
            values[node] = move.value
    return values


def validate_deck(deck: Deck, flows: Mapping[str, Flow]) -> list[Problem]:
    """Each scenario's expert answers fit its flow and reach its outcome."""
    flow = flows.get(deck.flow)
    if flow is None:
        message = f"there is no flow `{deck.flow}`{did_you_mean(deck.flow, flows)}"
        return [Problem(deck.flow_mark, "error", "unknown-flow", message)]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    budget = Budget()
    for scenario in deck.scenarios:
        if scenario.id in seen:
            problems.append(
                Problem(
                    scenario.mark,
                    "error",
                    "duplicate-scenario",
                    f"scenario `{scenario.id}` is already used at line {seen[scenario.id]}",
                )
            )
        seen.setdefault(scenario.id, scenario.mark.line)
        problems += _check_scenario(flow, scenario, flows.get, budget)
        if budget.spent:  # a 1 MB deck could ask for hours of matching
            message = f"scenario `{scenario.id}`: {budget_message('scenarios')}"
            problems.append(Problem(scenario.mark, "error", "examples-too-costly", message))
            break
    return problems


def _check_scenario(
    flow: Flow, scenario: Scenario, resolve: FlowResolver, budget: Budget | None = None
) -> list[Problem]:
    walk = Walk(flow, resolve)
    where = f"scenario `{scenario.id}`"
    for number, answer in enumerate(scenario.expert):
        mark = (
            scenario.answer_marks[number] if number < len(scenario.answer_marks) else scenario.mark
        )
        try:
            failure = _one_answer(walk, answer, budget)
        except BudgetSpent:
            return []  # validate_deck says so, once
        if failure:
            return [Problem(mark, "error", "expert-answer", f"{where}: {failure}")]
    while isinstance(walk.current, (Say, Wait)):
        walk.proceed()
    step = walk.current
    if not isinstance(step, Advice):
        return [
            Problem(
                scenario.mark,
                "error",
                "expert-path",
                f"{where}: the expert's answers stop before an outcome",
            )
        ]
    problems = []
    if step.node.id != scenario.outcome:
        problems.append(
            Problem(
                scenario.mark,
                "error",
                "expert-path",
                f"{where}: the expert's answers reach `{step.node.id}`, not `{scenario.outcome}`",
            )
        )
    visited = {node for _, node, _ in walk.path()}
    for node in scenario.reasons:
        if node not in visited:
            problems.append(
                Problem(
                    scenario.mark,
                    "error",
                    "reason-off-path",
                    f"{where}: `reasons` names `{node}`, a step the expert's path does not visit{did_you_mean(node, visited)}",
                )
            )
    outcomes = {n.id for n in walk.current_flow.nodes.values() if isinstance(n, Outcome)}
    outcomes |= {n.id for n in flow.nodes.values() if isinstance(n, Outcome)}
    for other in scenario.also_fine:
        if other not in outcomes:
            problems.append(
                Problem(
                    scenario.mark,
                    "error",
                    "unknown-outcome",
                    f"{where}: `also_fine` names `{other}`, which is not an outcome{did_you_mean(other, outcomes)}",
                )
            )
    return problems


def _one_answer(walk: Walk, answer: str, budget: Budget | None = None) -> str | None:
    while isinstance(walk.current, (Say, Wait)):
        walk.proceed()
    if walk.finished:
        return f"the answer {answer!r} comes after the walk already reached an outcome"
    node_id = here(walk)[1]
    try:
        if answer == "!" and walk.escape():
            return None
        charge(walk, budget)
        reply = walk.reply(answer)
    except WalkError as exc:
        return str(exc)
    if reply.accepted:
        return None
    offered = ""
    step = walk.current
    if not isinstance(step, Input) and hasattr(step, "choices"):
        offered = "; the answers there are " + ", ".join(
            f"{c.handle}) {c.option.label}" for c in step.choices
        )
    return f"the answer {answer!r} does not fit step `{node_id}`{offered}"


# --- judging a learner's walk -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parting:
    """Where the learner's path left the expert's."""

    asked: str
    node: str
    yours: str
    experts: str
    reason: str


@dataclass(frozen=True, slots=True)
class Judgement:
    scenario: Scenario
    yours: str
    """Your outcome's title."""
    your_outcome: str
    experts: str
    """The expert's outcome's title."""
    score: float
    missed_emergency: bool
    parting: Parting | None


class NotJudged(ValueError):
    """A walk that did not begin at its flow's first step with nothing known, so its
    outcome was not reached by answers alone (a walk started from the map)."""


def judge(
    scenario: Scenario,
    learner: Walk,
    expert: Walk,
) -> Judgement:
    """Compare a finished walk with the expert's: score, missed emergency, where they
    parted. Only a walk of answers from the flow's start is judged (`NotJudged`)."""
    began = learner.trail()[0][:2]
    if learner.given or began != (expert.flow.id, expert.flow.start):
        raise NotJudged(f"the walk began at `{began[1]}`, not at the start of `{expert.flow.id}`")
    mine, theirs = learner.current, expert.current
    assert isinstance(mine, Advice) and isinstance(theirs, Advice)
    same = mine.node.id == theirs.node.id
    missed = theirs.node.emergency and not mine.node.emergency
    if same:
        score = FULL
    elif missed:
        score = NONE
    else:
        score = PART if mine.node.id in scenario.also_fine else NONE
    parting = None if same else _parting(scenario, path_of(learner), path_of(expert))
    return Judgement(
        scenario, mine.node.title, mine.node.id, theirs.node.title, score, missed, parting
    )


def _parting(
    scenario: Scenario, mine: Sequence[PathStep], theirs: Sequence[PathStep]
) -> Parting | None:
    for index, expert_step in enumerate(theirs):
        yours = mine[index] if index < len(mine) else None
        if yours is None or (yours.flow, yours.node, yours.handle) != (
            expert_step.flow,
            expert_step.node,
            expert_step.handle,
        ):
            answered = (
                yours.answer
                if yours and yours.node == expert_step.node
                else (f"(you were asked something else: {yours.asked})" if yours else "(no answer)")
            )
            return Parting(
                expert_step.asked,
                expert_step.node,
                answered,
                expert_step.answer,
                scenario.reasons.get(expert_step.node, ""),
            )
    return None


def result_of(deck: Deck, verdict: Judgement) -> PracticeResult:
    """A judged scenario as the store keeps it."""
    parted = verdict.parting.node if verdict.parting else None
    return PracticeResult(
        now(),
        deck.id,
        verdict.scenario.id,
        verdict.score,
        verdict.your_outcome,
        verdict.scenario.outcome,
        parted,
    )
