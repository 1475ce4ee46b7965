"""Where a walk stands: frames reached past routes, links and calculations, and their answers.

`settle` passes the nodes a walk never shows; `choices` lists what a question offers
at a frame, with the flow's escapes.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import assert_never

from guide.flow import compute
from guide.flow.conditions import holds
from guide.flow.match import Choice
from guide.flow.model import (
    Ask,
    Compute,
    Facts,
    Flow,
    Goto,
    Input,
    Node,
    Outcome,
    Route,
    Say,
    Target,
    Wait,
)
from guide.flow.records import record
from guide.flow.refusals import Invalid, InvalidInput
from guide.flow.startpoints import branch
from guide.flow.steps import FlowResolver, WalkError

MAX_PASSES = 100_000
"""Routes, links and calculations passed between two shown steps before the walk gives up
(a loop is caught sooner, on its second round; this bounds calculations that never settle)."""


@record
class Frame:
    """One shown step of a walk: the flow and node it is at, with the facts known there."""

    flow: Flow
    node: Node
    facts: Facts
    passed: tuple[tuple[str, str], ...] = ()
    """(flow id, node id) of the routes, links and calculations passed to get here."""


def settle(flow: Flow, target: Target, facts: Facts, resolve: FlowResolver | None) -> Frame:
    """Follow routes, links and calculations from `target` to the next node that is shown."""
    passed: list[tuple[str, str]] = []
    seen: set[tuple[str, str, frozenset[tuple[str, str]]]] = set()
    for _ in range(MAX_PASSES):
        if target.flow and target.flow != flow.id:
            other = resolve(target.flow) if resolve else None
            if other is None:
                raise WalkError(f"the flow `{target.flow}` is not available")
            flow = other
        node = flow.nodes.get(target.node)
        if node is None:
            raise WalkError(f"flow `{flow.id}` has no node `{target.node}`")
        match node:
            case Ask() | Say() | Wait() | Input() | Outcome():
                return Frame(flow, node, facts, tuple(passed))
            case Route() | Compute() | Goto():
                # The same node again with the same facts: it will go the same way forever.
                state = (flow.id, node.id, frozenset(facts.items()))
                if state in seen:
                    break
                seen.add(state)
                passed.append((flow.id, node.id))
                target, facts = _pass(node, facts)
            case _:
                assert_never(node)
    raise WalkError("the routes of this flow go round in a loop without asking anything")


def _pass(node: Route | Compute | Goto, facts: Facts) -> tuple[Target, Facts]:
    """Where a node that is never shown sends the walk, and the facts it leaves."""
    match node:
        case Route():
            return next(b.next for b in node.branches if holds(b.when, facts)), facts
        case Compute():
            try:
                results = compute.run(node.function, node.inputs, facts, node.fact)
            except compute.ComputeError as exc:
                raise InvalidInput(Invalid("compute", str(exc))) from None
            return node.next, MappingProxyType({**facts, **results})
        case Goto():
            return node.target, facts
        case _:
            assert_never(node)


def choices(frame: Frame, ask: Ask) -> tuple[Choice, ...]:
    """The answers `ask` offers at `frame`: options whose `when` holds, numbered, then
    the flow's escapes (unless the question hides them)."""
    shown = [o for o in ask.options if holds(o.when, frame.facts)]
    offered = [Choice(o, i, o.key) for i, o in enumerate(shown, 1)]
    if ask.offers_escape:
        number = len(shown)
        for option in frame.flow.escape:
            if holds(option.when, frame.facts):
                number += option.key is None
                offered.append(Choice(option, None if option.key else number, option.key))
    return tuple(offered)


def in_escape_branch(frame: Frame) -> bool:
    """Whether the frame's node lies inside the branch the flow's escape leads to."""
    flow = frame.flow
    starts = [o.next.node for o in flow.escape if o.next.flow in (None, flow.id)]
    return any(frame.node.id in branch(flow, start) for start in starts)
