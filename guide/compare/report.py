"""`compare`: what changed between two versions of a flow, by behaviour first.

Pure: it takes two loaded flows and, for each, a resolver for the flows it links to
(the command finds those beside each version). See `docs/diff.md`.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.compare.paths import ChangedPath, Explorer, PathReport
from guide.compare.sides import Side
from guide.compare.structure import NodeChange, structure_changes
from guide.compare.values import StepId, deciding_facts, input_values
from guide.compare.wording import WordChange, wording_changes
from guide.flow.engine import Walk
from guide.flow.model import Flow, successors
from guide.flow.records import replace
from guide.flow.steps import FlowResolver


@dataclass(frozen=True, slots=True)
class FlowDiff:
    """Two versions compared: paths that end differently, changes of shape, of wording."""

    paths: PathReport
    structure: tuple[NodeChange, ...]
    wording: tuple[WordChange, ...]

    @property
    def same_behaviour(self) -> bool:
        """No path ends differently and no node or answer was added, removed, retargeted
        or changed: only wording differs, if anything."""
        return not self.paths.changed and not self.structure

    @property
    def changed(self) -> tuple[ChangedPath, ...]:
        return self.paths.changed


def linked(flow: Flow, resolve: FlowResolver | None) -> dict[str, Flow]:
    """`flow` and every flow its links reach (through other flows' links too), by id."""
    found = {flow.id: flow}
    todo = [flow]
    while todo:
        current = todo.pop()
        targets = [t for n in current.nodes.values() for t in successors(n)]
        targets += [o.next for o in current.escape]
        for target in targets:
            if target.flow and target.flow not in found and resolve is not None:
                other = resolve(target.flow)
                if other is not None:
                    found[other.id] = other
                    todo.append(other)
    return found


def compare(
    old: Flow,
    new: Flow,
    old_resolve: FlowResolver | None = None,
    new_resolve: FlowResolver | None = None,
) -> FlowDiff:
    """Walk both versions over every answer path (bounded) and compare their shapes.
    `WalkError` when a version cannot even begin (a checked flow always can)."""
    renamed: list[NodeChange] = []
    if old.id != new.id:  # compared as one flow under its new id, the rename noted
        renamed.append(NodeChange(new.id, "", "changed", f"flow id: {old.id} → {new.id}"))
        old, old_resolve = _renamed(old, new.id, old_resolve)
    olds, news = linked(old, old_resolve), linked(new, new_resolve)
    pairs: list[tuple[Flow | None, Flow | None]] = [(old, new)]
    others = [i for i in olds if i != old.id] + [i for i in news if i != new.id and i not in olds]
    pairs += [(olds.get(i), news.get(i)) for i in others]
    deciding = deciding_facts([*olds.values(), *news.values()])
    old_side = _side(old, old_resolve, olds, deciding)
    new_side = _side(new, new_resolve, news, deciding)
    explorer = Explorer(
        old_side,
        new_side,
        input_values(olds.values(), old_resolve),
        input_values(news.values(), new_resolve),
    )
    return FlowDiff(
        explorer.report(),
        tuple(renamed + structure_changes(pairs)),
        tuple(wording_changes(pairs)),
    )


def _renamed(flow: Flow, new_id: str, resolve: FlowResolver | None) -> tuple[Flow, FlowResolver]:
    """`flow` under `new_id`, and a resolver that finds it by either id."""
    renamed = replace(flow, id=new_id)

    def find(flow_id: str) -> Flow | None:
        if flow_id in (flow.id, new_id):
            return renamed
        return resolve(flow_id) if resolve is not None else None

    return renamed, find


def _side(
    flow: Flow, resolve: FlowResolver | None, flows: dict[str, Flow], deciding: frozenset[str]
) -> Side:
    """A side at the flow's first step; `WalkError` when even that cannot be reached."""
    graph: dict[StepId, tuple[StepId, ...]] = {
        (f.id, node_id): tuple((t.flow or f.id, t.node) for t in successors(node))
        for f in flows.values()
        for node_id, node in f.nodes.items()
    }
    return Side(Walk(flow, resolve), graph, deciding)
