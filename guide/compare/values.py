"""The values tried at each `input` step: what the examples typed there, the values the
flow's conditions test its fact for, and for numbers the bounds and just past them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress

from guide.flow import compute
from guide.flow.conditions import tests_in
from guide.flow.engine import Walk
from guide.flow.examples import Budget, BudgetSpent, walk_answers
from guide.flow.model import Ask, Compute, Flow, Input, Route
from guide.flow.refusals import InvalidInput
from guide.flow.steps import FlowResolver, WalkError

MAX_VALUES = 8
"""Values tried at one input step, at most (each one multiplies the paths behind it)."""
PLAIN_TEXT = "text"
"""Typed at a text input that no example and no condition gives a value for."""

StepId = tuple[str, str]
"""(flow id, node id): one step of one version, in whichever flow it is."""


def input_values(
    flows: Iterable[Flow], resolve: FlowResolver | None
) -> dict[StepId, tuple[str, ...]]:
    """For every input step of `flows`, the values worth typing there, in a fixed order."""
    flows = list(flows)
    typed = _typed_in_examples(flows, resolve)
    values: dict[StepId, tuple[str, ...]] = {}
    for flow in flows:
        tested = _tested_values(flow)
        for node in flow.nodes.values():
            if isinstance(node, Input):
                found = [*typed.get((flow.id, node.id), []), *tested.get(node.fact, [])]
                values[(flow.id, node.id)] = _fitting(node, found)
    return values


def _typed_in_examples(flows: list[Flow], resolve: FlowResolver | None) -> dict[StepId, list[str]]:
    """What each example typed at each input step it went through."""
    typed: dict[StepId, list[str]] = {}
    for flow in flows:
        budget = Budget()
        for example in flow.examples:
            walk = Walk(flow, resolve)
            # What an example typed before it stopped still counts.
            with suppress(WalkError, BudgetSpent, InvalidInput):
                walk_answers(walk, example.answers, budget)
            for at, node, move in walk.visited():
                if isinstance(node, Input) and move is not None and move.kind == "enter":
                    typed.setdefault((at.id, node.id), []).append(move.value)
    return typed


def deciding_facts(flows: Iterable[Flow]) -> frozenset[str]:
    """Facts that can change where a walk goes: those a condition tests and those a
    calculation reads. Two walks at one step that differ only in other facts (a name
    for the script) go the same way from there."""
    found: set[str] = set()
    for flow in flows:
        found.update(_tested_values(flow))
        for node in flow.nodes.values():
            if isinstance(node, Compute):
                function = compute.FUNCTIONS.get(node.function)
                wanted = function.inputs if function else ()
                found.update(node.inputs.get(name, name) for name in wanted)
                found.update(node.inputs.values())
    return frozenset(found)


def _tested_values(flow: Flow) -> Mapping[str, list[str]]:
    """Every value a `when:` of the flow tests each fact for."""
    tested: dict[str, list[str]] = {}
    conditions = [b.when for n in flow.nodes.values() if isinstance(n, Route) for b in n.branches]
    conditions += [o.when for n in flow.nodes.values() if isinstance(n, Ask) for o in n.options]
    conditions += [o.when for o in flow.escape]
    for condition in conditions:
        for test in tests_in(condition):
            tested.setdefault(test.fact, []).extend(test.values)
    return tested


def _fitting(node: Input, found: list[str]) -> tuple[str, ...]:
    """`found`, the bounds and just past them for numbers, empty when it may be left
    empty; without duplicates, at most `MAX_VALUES`."""
    extra: list[str] = []
    if node.type != "text":
        for bound, step in ((node.minimum, -1), (node.maximum, 1)):
            if bound is not None:
                extra += [_number(bound), _number(bound + step)]
        if not extra and not found:
            extra.append("0")
    if not node.required:
        extra.append("")
    if not found and not extra:
        extra.append(PLAIN_TEXT)
    half = MAX_VALUES // 2  # the bounds before the rest of many examples' values
    unique = list(dict.fromkeys([*found[:half], *extra, *found[half:]]))
    return tuple(unique[:MAX_VALUES])


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"
