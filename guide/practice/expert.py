"""The expert's path through a scenario, and the choices on any walk. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from guide.flow.engine import Walk
from guide.flow.examples import walk_answers
from guide.flow.model import Flow
from guide.flow.steps import FlowResolver, WalkError, asked_text
from guide.practice.deck import Scenario


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
    return typed_on(walk)


def typed_on(walk: Walk) -> dict[str, str]:
    """The values typed at `input` steps on a walk, by node id."""
    values: dict[str, str] = {}
    for _, node, move in walk.path():
        if move is not None and move.kind == "enter":
            values[node] = move.value
    return values
