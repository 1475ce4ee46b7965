"""Checks of one node at a time: options, routes, inputs, calculations and outcomes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from guide.flow.compute import FUNCTIONS
from guide.flow.model import (
    Ask,
    Compute,
    Flow,
    Goto,
    Input,
    Node,
    Option,
    Outcome,
    Route,
    Say,
    Wait,
)
from guide.flow.problems import Mark, Problem, Severity
from guide.flow.suggest import did_you_mean


def node_problems(flow: Flow, node: Node) -> list[Problem]:
    """What is wrong with `node` on its own (its place in the graph is checked elsewhere)."""
    match node:
        case Ask():
            return list(_options(flow, node))
        case Route():
            return list(_route(node))
        case Input():
            return list(_input(node))
        case Compute():
            return list(_compute(node))
        case Outcome():
            return list(_outcome(flow, node))
        case Say() | Wait() | Goto():
            return []
        case _:
            assert_never(node)


def _problem(mark: Mark, code: str, message: str, severity: Severity = "error") -> Problem:
    return Problem(mark, severity, code, message)


def _options(flow: Flow, ask: Ask) -> Iterator[Problem]:
    offered: list[Option] = list(ask.options)
    if ask.offers_escape:
        offered += flow.escape
    keys: dict[str, Option] = {}
    labels: dict[str, Option] = {}
    aliases: dict[str, Option] = {}
    for option in offered:
        where = f"question `{ask.id}`"
        if option.key is not None:
            if option.key.lower() in keys:
                yield _problem(
                    option.mark,
                    "duplicate-option",
                    f"two options of {where} use the key `{option.key}`",
                )
            keys[option.key.lower()] = option
        label = option.label.strip().lower()
        if label in labels:
            yield _problem(
                option.mark,
                "duplicate-option",
                f"two options of {where} are labelled “{option.label}”",
            )
        labels[label] = option
        for alias in option.aliases:
            other = aliases.get(alias.lower())
            if other is not None and other is not option:
                yield _problem(
                    option.mark,
                    "ambiguous-alias",
                    f"“{alias}” is an alias of two options of {where}; free text using it will be ambiguous",
                    "warning",
                )
            aliases[alias.lower()] = option
    if all(o.when is not None for o in ask.options):
        yield _problem(
            ask.mark,
            "no-unconditional-option",
            f"every option of `{ask.id}` has a `when`; when none holds the question has no answers",
            "warning",
        )


def _route(route: Route) -> Iterator[Problem]:
    for index, branch in enumerate(route.branches):
        if branch.when is None and index < len(route.branches) - 1:
            yield _problem(
                route.branches[index + 1].mark,
                "unreachable-branch",
                "this branch comes after a branch without `when` and is never taken",
                "warning",
            )
    if route.branches[-1].when is not None:
        yield _problem(
            route.branches[-1].mark,
            "no-fallback",
            f"the last branch of route `{route.id}` needs no `when`, so the route always goes somewhere",
        )


def _input(node: Input) -> Iterator[Problem]:
    if node.minimum is not None and node.maximum is not None and node.minimum > node.maximum:
        yield _problem(node.mark, "bad-range", f"`min` is larger than `max` in `{node.id}`")
    if node.type == "text" and (node.minimum is not None or node.maximum is not None):
        yield _problem(
            node.mark,
            "bad-range",
            f"`min`/`max` apply to numbers; `{node.id}` asks for text",
            "warning",
        )


def _compute(node: Compute) -> Iterator[Problem]:
    function = FUNCTIONS.get(node.function)
    if function is None:
        known = ", ".join(FUNCTIONS)
        hint = did_you_mean(node.function, FUNCTIONS) or f" (there are: {known})"
        yield _problem(
            node.mark, "unknown-function", f"there is no calculation `{node.function}`{hint}"
        )
        return
    for name in node.inputs:
        if name not in function.inputs:
            yield _problem(
                node.mark,
                "unknown-input",
                f"`{node.function}` has no input `{name}`{did_you_mean(name, function.inputs)}",
            )


def _outcome(flow: Flow, outcome: Outcome) -> Iterator[Problem]:
    if outcome.emergency and outcome.check_in is not None:
        yield _problem(
            outcome.check_in_mark,
            "emergency-check-in",
            "an emergency outcome has no `check_in`: nothing should make anyone wait"
            " to act on an emergency",
        )
    article = outcome.source.article
    if article not in flow.sources:
        yield _problem(
            outcome.source.mark,
            "unknown-source",
            f"source `{article}` is not listed under `sources`{did_you_mean(article, flow.sources)}",
        )
