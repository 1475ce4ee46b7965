"""Checking a deck against its flow: each expert's answers fit and reach their outcome. Pure."""

from __future__ import annotations

from collections.abc import Mapping

from guide.flow.engine import Walk
from guide.flow.examples import Budget, BudgetSpent, budget_message, charge, here
from guide.flow.model import Flow, Input, Outcome, Say, Wait
from guide.flow.problems import Problem
from guide.flow.steps import Advice, FlowResolver, WalkError
from guide.flow.suggest import did_you_mean
from guide.practice.deck import Deck, Scenario


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
        marks = scenario.answer_marks
        mark = marks[number] if number < len(marks) else scenario.mark
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
        stops = f"{where}: the expert's answers stop before an outcome"
        return [Problem(scenario.mark, "error", "expert-path", stops)]
    return [
        Problem(scenario.mark, "error", code, f"{where}: {message}")
        for code, message in _where_it_ends(flow, scenario, walk, step)
    ]


def _where_it_ends(
    flow: Flow, scenario: Scenario, walk: Walk, step: Advice
) -> list[tuple[str, str]]:
    """(code, message) for an expert's walk that reached `step`: the wrong outcome,
    reasons at steps off the path, `also_fine` naming what is not an outcome."""
    found: list[tuple[str, str]] = []
    if step.node.id != scenario.outcome:
        reached = f"the expert's answers reach `{step.node.id}`, not `{scenario.outcome}`"
        found.append(("expert-path", reached))
    visited = {node for _, node, _ in walk.path()}
    for node in scenario.reasons:
        if node not in visited:
            off = f"`reasons` names `{node}`, a step the expert's path does not visit"
            found.append(("reason-off-path", off + did_you_mean(node, visited)))
    outcomes = {n.id for n in walk.current_flow.nodes.values() if isinstance(n, Outcome)}
    outcomes |= {n.id for n in flow.nodes.values() if isinstance(n, Outcome)}
    for other in scenario.also_fine:
        if other not in outcomes:
            unknown = f"`also_fine` names `{other}`, which is not an outcome"
            found.append(("unknown-outcome", unknown + did_you_mean(other, outcomes)))
    return found


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
