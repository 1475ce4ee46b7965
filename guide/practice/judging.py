"""Judging a learner's finished walk against the expert's: the score, a missed
emergency, where their paths parted, and the score in words. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from guide.flow.engine import Walk
from guide.flow.steps import Advice
from guide.history.store import GivenAnswer, PracticeResult, now
from guide.i18n.strings import S
from guide.practice.deck import Deck, Scenario
from guide.practice.expert import PathStep, path_of

FULL, PART, NONE = 1.0, 0.5, 0.0


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
    return Judgement(scenario, mine.title, mine.node.id, theirs.title, score, missed, parting)


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
                else (
                    S.practice_asked_else.format(asked=yours.asked)
                    if yours
                    else S.practice_no_answer
                )
            )
            return Parting(
                expert_step.asked,
                expert_step.node,
                answered,
                expert_step.answer,
                scenario.reasons.get(expert_step.node, ""),
            )
    return None


def result_of(deck: Deck, verdict: Judgement, yours: Sequence[PathStep] = ()) -> PracticeResult:
    """A judged scenario as the store keeps it, with the learner's answers `yours`."""
    parted = verdict.parting.node if verdict.parting else None
    return PracticeResult(
        now(),
        deck.id,
        verdict.scenario.id,
        verdict.score,
        verdict.your_outcome,
        verdict.scenario.outcome,
        parted,
        tuple(GivenAnswer(step.node, step.asked, step.answer) for step in yours),
        verdict.missed_emergency,
    )


def score_words(score: float) -> str:
    """A scenario's score as shown: 1 or ½ with what it means, or 0."""
    return {FULL: S.verdict_full, PART: S.verdict_half}.get(score, "0")
