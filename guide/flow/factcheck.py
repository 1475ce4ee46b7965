"""Checks on facts: every fact read is set somewhere, with a value something can set."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import assert_never

from guide.flow.compute import FUNCTIONS
from guide.flow.conditions import tests_in
from guide.flow.model import Ask, Compute, FactIs, Flow, Goto, Input, Outcome, Route, Say, Wait
from guide.flow.problems import Mark, Problem
from guide.flow.suggest import did_you_mean
from guide.flow.template import placeholders


def fact_problems(flow: Flow, complete: bool = True) -> list[Problem]:
    """Facts read (by `when` or a `{placeholder}`) but never set, and values never given.

    `complete` False means some nodes could not be built: the facts they set
    are unknown, so nothing is reported rather than something false.
    """
    if not complete:
        return []
    values, free, opaque = _facts_set(flow)
    free |= {f for f in _read_facts(flow) if any(f == o or f.startswith(f"{o}_") for o in opaque)}
    known = set(values) | free
    problems: list[Problem] = []
    for test in _tests(flow):
        if test.fact not in known:
            problems.append(_never_set(test.mark, test.fact, known))
        elif test.fact not in free:
            problems += _unknown_values(test, values[test.fact])
    for node in flow.nodes.values():
        if isinstance(node, Compute) and node.function in FUNCTIONS:
            for wanted in FUNCTIONS[node.function].inputs:
                fact = node.inputs.get(wanted, wanted)
                if fact not in known:
                    problems.append(_never_set(node.mark, fact, known))
    for outcome in flow.outcomes():
        for template, mark in (
            (outcome.title, outcome.mark),
            (outcome.why, outcome.mark),
            (outcome.script, outcome.script_mark),
            (outcome.text, outcome.text_mark),
        ):
            for fact in dict.fromkeys(placeholders(template)):
                if fact not in known:
                    problems.append(_never_set(mark, fact, known))
    return problems


def _facts_set(flow: Flow) -> tuple[dict[str, set[str]], set[str], set[str]]:
    """What the flow can set: the values each fact can take, the facts that can take any
    value (an `input`'s), and the facts of unknown calculations (nothing is known)."""
    values: dict[str, set[str]] = defaultdict(set)
    free: set[str] = set()
    opaque: set[str] = set()
    options = [*flow.escape]
    for node in flow.nodes.values():
        match node:
            case Ask():
                options += node.options
            case Input():
                free.add(node.fact)
            case Compute():
                function = FUNCTIONS.get(node.function)
                if function is None:  # reported as unknown; what it would set is unknowable
                    opaque.add(node.fact)
                    continue
                for suffix, possible in function.outputs.items():
                    if possible:
                        values[node.fact + suffix].update(possible)
                    else:
                        free.add(node.fact + suffix)
            case Say() | Wait() | Route() | Goto() | Outcome():
                pass  # sets nothing
            case _:
                assert_never(node)
    for option in options:
        for fact, value in option.sets.items():
            values[fact].add(value)
    return values, free, opaque


def _unknown_values(test: FactIs, possible: set[str]) -> list[Problem]:
    return [
        Problem(
            test.mark,
            "warning",
            "unknown-value",
            f"no answer sets `{test.fact}` to `{value}`{did_you_mean(value, possible)}",
        )
        for value in test.values
        if value not in possible
    ]


def _read_facts(flow: Flow) -> set[str]:
    read = {test.fact for test in _tests(flow)}
    for outcome in flow.outcomes():
        read.update(placeholders(outcome.script), placeholders(outcome.text))
    return read


def _never_set(mark: Mark, fact: str, known: set[str]) -> Problem:
    return Problem(
        mark,
        "error",
        "fact-never-set",
        f"the fact `{fact}` is read here but no answer or input sets it{did_you_mean(fact, known)}",
    )


def _tests(flow: Flow) -> Iterator[FactIs]:
    for option in flow.escape:
        yield from tests_in(option.when)
    for node in flow.nodes.values():
        match node:
            case Ask():
                for option in node.options:
                    yield from tests_in(option.when)
            case Route():
                for branch in node.branches:
                    yield from tests_in(branch.when)
            case Say() | Wait() | Input() | Goto() | Compute() | Outcome():
                pass  # reads no facts by condition
            case _:
                assert_never(node)
