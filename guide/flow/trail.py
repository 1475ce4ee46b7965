"""The way a walk took through one flow, as the map draws it: which ways out of which
steps were followed, not only which steps were seen.

A step can be reached by more than one answer. The map draws it once, under the
first answer that leads to it; marking every step the walk saw would tick that
answer even when the person gave another. Marking the ways taken instead ticks
exactly the answers given (and the branches the routes followed).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from guide.flow.engine import Walk
from guide.flow.model import Ask, Flow, Node, Target, successors
from guide.flow.steps import Move


@dataclass(frozen=True, slots=True)
class Trail:
    """Where a walk went in one flow."""

    ways: tuple[tuple[str, int], ...]
    """(step, which of its ways out) for every way followed, in the order followed
    (each once): the index is into `ways_out(step)` (an ask's options, a route's
    branches, or the one next step)."""
    entered: frozenset[str]
    """Steps the walk came to from no step of this flow: where it began, an
    emergency exit's target, a step reached by a link from another flow."""


def ways_out(node: Node) -> list[Target]:
    """A step's ways out in the order the map lists them (escapes are not among them)."""
    return successors(node)


def trail_of(walk: Walk, flow: Flow) -> Trail:
    """The ways `walk` followed through `flow`."""
    gone = walk.trail()
    ways: dict[tuple[str, int], None] = {}  # a dict keeps the order
    entered: set[str] = set()
    if gone and gone[0][0] == flow.id:
        entered.add(gone[0][1])
    for (from_flow, from_id, move), (to_flow, to_id, _) in pairwise(gone):
        node = flow.nodes.get(from_id) if from_flow == flow.id else None
        way = None if node is None else _way(node, move, Target(to_id, to_flow), flow.id)
        if way is not None:
            ways[from_id, way] = None
        elif to_flow == flow.id:
            entered.add(to_id)
    return Trail(tuple(ways), frozenset(entered))


def _way(node: Node, move: Move | None, to: Target, flow_id: str) -> int | None:
    """Which of `node`'s ways out leads to `to` for this move; None when none does
    (an emergency exit, taken from any step)."""
    if move is not None and move.kind == "escape":
        return None
    for index, target in enumerate(ways_out(node)):
        if target.node != to.node or (target.flow or flow_id) != to.flow:
            continue
        if isinstance(node, Ask) and move is not None and node.options[index].label != move.label:
            continue  # another answer that leads to the same step
        return index
    return None
