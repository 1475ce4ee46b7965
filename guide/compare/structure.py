"""Nodes and answers added, removed or retargeted between two versions, and conditions,
facts and inputs changed: what a text diff of the YAML shows, said per node."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Literal

from guide.compare.pairing import condition_text, kind_of, pair_options, shown
from guide.flow.model import (
    Ask,
    Branch,
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

ChangeKind = Literal["added", "removed", "retargeted", "changed"]
ESCAPE = "(escape)"
"""The node name the flow's escape answers are listed under."""
START = "(start)"


@dataclass(frozen=True, slots=True)
class NodeChange:
    """One change to the shape of a flow: which flow and node, what kind, in words."""

    flow: str
    node: str
    change: ChangeKind
    detail: str


def structure_changes(pairs: Sequence[tuple[Flow | None, Flow | None]]) -> list[NodeChange]:
    """Every change of shape between old and new flows, paired (main flow first)."""
    changes: list[NodeChange] = []
    for old, new in pairs:
        if old is None or new is None:
            only = old or new
            flow = only.id if only is not None else ""
            kind: ChangeKind = "added" if old is None else "removed"
            changes.append(NodeChange(flow, "", kind, f"the linked flow `{flow}` is {kind}"))
            continue
        changes += _flow(old, new)
    return changes


def _flow(old: Flow, new: Flow) -> list[NodeChange]:
    found: list[NodeChange] = []
    if old.start != new.start:
        found.append(NodeChange(new.id, START, "retargeted", f"start: {old.start} → {new.start}"))
    found += _options(new.id, ESCAPE, old.escape, new.escape)
    for node_id, node in old.nodes.items():
        if node_id not in new.nodes:
            found.append(NodeChange(new.id, node_id, "removed", _summary(node)))
    for node_id, node in new.nodes.items():
        if node_id not in old.nodes:
            found.append(NodeChange(new.id, node_id, "added", _summary(node)))
        else:
            found += _node(new.id, old.nodes[node_id], node)
    return found


def _summary(node: Node) -> str:
    text = getattr(node, "title", "") or getattr(node, "text", "")
    return f"{kind_of(node)} “{shown(text)}”" if text else kind_of(node)


def _node(flow: str, old: Node, new: Node) -> list[NodeChange]:
    if kind_of(old) != kind_of(new):
        return [NodeChange(flow, new.id, "changed", f"was {kind_of(old)}, now {kind_of(new)}")]
    if isinstance(old, Ask) and isinstance(new, Ask):
        escape = [("offers the escape", old.offers_escape, new.offers_escape)]
        return _options(flow, new.id, old.options, new.options) + _fields(flow, new.id, escape)
    if isinstance(old, Route) and isinstance(new, Route):
        return _branches(flow, new.id, old.branches, new.branches)
    if isinstance(old, Goto) and isinstance(new, Goto):
        return _next(flow, new.id, "goes to", str(old.target), str(new.target))
    if isinstance(old, Outcome) and isinstance(new, Outcome):
        return _fields(flow, new.id, [("emergency", old.emergency, new.emergency)])
    if isinstance(old, (Say, Wait, Input, Compute)) and isinstance(
        new, (Say, Wait, Input, Compute)
    ):
        return _next(flow, new.id, "next", str(old.next), str(new.next)) + _fields(
            flow, new.id, _settings(old, new)
        )
    return []  # pragma: no cover - every kind is handled above


def _settings(old: Node, new: Node) -> list[tuple[str, object, object]]:
    """What a `wait`, `input` or `compute` does besides where it leads."""
    if isinstance(old, Wait) and isinstance(new, Wait):
        return [("seconds", old.seconds, new.seconds)]
    if isinstance(old, Input) and isinstance(new, Input):
        return [
            ("fact", old.fact, new.fact),
            ("type", old.type, new.type),
            ("required", old.required, new.required),
            ("min", old.minimum, new.minimum),
            ("max", old.maximum, new.maximum),
        ]
    if isinstance(old, Compute) and isinstance(new, Compute):
        return [
            ("function", old.function, new.function),
            ("fact", old.fact, new.fact),
            ("with", dict(old.inputs), dict(new.inputs)),
        ]
    return []


def _next(flow: str, node: str, what: str, old: str, new: str) -> list[NodeChange]:
    return [] if old == new else [NodeChange(flow, node, "retargeted", f"{what}: {old} → {new}")]


def _fields(flow: str, node: str, fields: Sequence[tuple[str, object, object]]) -> list[NodeChange]:
    return [
        NodeChange(flow, node, "changed", f"{name}: {_value(old)} → {_value(new)}")
        for name, old, new in fields
        if old != new
    ]


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) + "}"
    return str(value)


def _options(
    flow: str, node: str, old: Sequence[Option], new: Sequence[Option]
) -> list[NodeChange]:
    found: list[NodeChange] = []
    for was, now in pair_options(old, new):
        if was is None or now is None:
            option = was or now
            assert option is not None
            kind: ChangeKind = "removed" if now is None else "added"
            detail = f"answer “{shown(option.label)}” → {option.next}"
            found.append(NodeChange(flow, node, kind, detail))
            continue
        answer = f"answer “{shown(now.label)}”"
        found += _next(flow, node, answer, str(was.next), str(now.next))
        found += _fields(
            flow,
            node,
            [
                (f"{answer} sets", dict(was.sets), dict(now.sets)),
                (f"{answer} shown when", condition_text(was.when), condition_text(now.when)),
                (f"{answer} key", was.key, now.key),
            ],
        )
        found += _aliases(flow, node, answer, was.aliases, now.aliases)
    return found


def _aliases(
    flow: str, node: str, answer: str, old: Sequence[str], new: Sequence[str]
) -> list[NodeChange]:
    """Words that now pick an answer, or no longer do: typed answers go elsewhere."""
    added = [a for a in new if a not in old]
    gone = [a for a in old if a not in new]
    parts = [
        f"{what} {', '.join(shown(a) for a in words)}"
        for what, words in (("now", added), ("no longer", gone))
        if words
    ]
    if not parts:
        return []
    return [NodeChange(flow, node, "changed", f"{answer} aliases: {'; '.join(parts)}")]


def _branches(
    flow: str, node: str, old: Sequence[Branch], new: Sequence[Branch]
) -> list[NodeChange]:
    found: list[NodeChange] = []
    for number, (was, now) in enumerate(zip_longest(old, new), 1):
        if was is None or now is None:
            branch = was or now
            assert branch is not None
            kind: ChangeKind = "removed" if now is None else "added"
            detail = f"branch {number} (when {condition_text(branch.when)}) → {branch.next}"
            found.append(NodeChange(flow, node, kind, detail))
            continue
        found += _next(flow, node, f"branch {number}", str(was.next), str(now.next))
        found += _fields(
            flow,
            node,
            [(f"branch {number} when", condition_text(was.when), condition_text(now.when))],
        )
    return found
