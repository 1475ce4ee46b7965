"""A flow as a diagram before it is written down: boxes and arrows in reading order.

Pure: each function takes a `Flow` and returns values, nothing else. `mermaid` and
`dot` write the diagram in their language (the handout is `handout`), each escaping
every text from the flow for the format it lands in, so a label such as
`"Yes" [x] {y} | <b> # -->` stays a label and never becomes syntax.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, assert_never

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
    Target,
    Wait,
    successors,
)
from guide.i18n.wording import describe

ESCAPE_HUB = "(any question)"
"""The key of the one box the escape's dashed arrows leave from (no node id has spaces)."""
WRAP = 40
"""DOT labels are wrapped at this many characters."""
LONGEST = 200
"""Longer diagram texts are shortened (the handout always has them whole)."""

Shape = Literal["ask", "route", "step", "compute", "goto", "outcome", "emergency", "other", "hub"]


# --- reading order ------------------------------------------------------------


def reading_order(flow: Flow) -> list[str]:
    """Node ids in the order a person meets them.

    From `start`, each node comes after every node that leads to it (except
    along a loop back), the first option's branch before the second's; then
    what only the escape reaches; then anything unreachable, in file order.
    """
    roots = [flow.start, *(o.next.node for o in flow.escape), *flow.nodes]
    seen: set[str] = set()
    order: list[str] = []
    for root in roots:
        if root in flow.nodes and root not in seen:
            order += _reverse_postorder(flow, root, seen)
    return order


def _reverse_postorder(flow: Flow, root: str, seen: set[str]) -> list[str]:
    """Depth first from `root`, children last-first, so that reversed, the first comes first."""
    finished: list[str] = []
    seen.add(root)
    stack = [(root, iter(_next_here(flow, flow.nodes[root])[::-1]))]
    while stack:
        node_id, children = stack[-1]
        child = next((c for c in children if c not in seen), None)
        if child is None:
            finished.append(node_id)
            stack.pop()
        else:
            seen.add(child)
            stack.append((child, iter(_next_here(flow, flow.nodes[child])[::-1])))
    return finished[::-1]


def _next_here(flow: Flow, node: Node) -> list[str]:
    """The nodes of this flow that `node` leads to."""
    return [t.node for t in successors(node) if here(flow, t) and t.node in flow.nodes]


def here(flow: Flow, target: Target) -> bool:
    return target.flow in (None, flow.id)


# --- the diagram, before it is written in one language or another --------------


@dataclass(frozen=True, slots=True)
class Box:
    """One box of the diagram. `key` is a node id, `flow:node`, `?node` or `ESCAPE_HUB`."""

    key: str
    shape: Shape
    lines: tuple[str, ...]
    """Paragraphs of the label; each is wrapped on its own."""
    start: bool = False


@dataclass(frozen=True, slots=True)
class Arrow:
    """One arrow; `dashed` for the escape."""

    source: str
    target: str
    label: str = ""
    dashed: bool = False


def diagram(flow: Flow) -> tuple[list[Box], list[Arrow]]:
    """The boxes (nodes in reading order, then the hub and other flows) and arrows."""
    order = reading_order(flow)
    boxes = [_box(flow.nodes[node_id], node_id == flow.start) for node_id in order]
    extra: dict[str, Box] = {}
    arrows: list[Arrow] = []

    def key(target: Target) -> str:
        box = _target_box(flow, target)
        if box is None:
            return target.node
        extra.setdefault(box.key, box)
        return box.key

    for node_id in order:
        for target, label in _exits(flow.nodes[node_id]):
            arrows.append(Arrow(node_id, key(target), label))
    if offers_escape(flow):
        boxes.append(Box(ESCAPE_HUB, "hub", ("any question",)))
        for option in flow.escape:
            label = f"({option.key}) {option.label}" if option.key else option.label
            arrows.append(Arrow(ESCAPE_HUB, key(option.next), _when(label, option), dashed=True))
    return boxes + list(extra.values()), arrows


def offers_escape(flow: Flow) -> bool:
    return bool(flow.escape) and any(
        isinstance(n, Ask) and n.offers_escape for n in flow.nodes.values()
    )


def _target_box(flow: Flow, target: Target) -> Box | None:
    """A box for a target outside this flow's nodes; None for one of its own nodes."""
    if not here(flow, target):
        return Box(f"{target.flow}:{target.node}", "other", (f"→ {target.flow}: {target.node}",))
    if target.node not in flow.nodes:
        return Box(f"?{target.node}", "other", (f"⚠ missing: {target.node}",))
    return None


def _exits(node: Node) -> list[tuple[Target, str]]:
    """Where a node leads, each with the words on its arrow (as `successors`, in order)."""
    match node:
        case Ask():
            return [(o.next, _when(o.label, o)) for o in node.options]
        case Route():
            return [(b.next, describe(b.when) if b.when else "otherwise") for b in node.branches]
        case Say() | Wait() | Input() | Goto() | Compute() | Outcome():
            return [(target, "") for target in successors(node)]
        case _:
            assert_never(node)


def _when(label: str, option: Option) -> str:
    return f"{label} (only if {describe(option.when)})" if option.when else label


def _box(node: Node, start: bool) -> Box:
    match node:
        case Ask():
            return Box(node.id, "ask", (node.text,), start)
        case Route():
            return Box(node.id, "route", ("if",), start)
        case Outcome():
            return Box(node.id, "emergency" if node.emergency else "outcome", (node.title,), start)
        case Say():
            return Box(node.id, "step", (f"💬 {node.text}",), start)
        case Wait():
            return Box(node.id, "step", (f"⏱ wait {duration(node.seconds)}", node.text), start)
        case Input():
            return Box(node.id, "step", (f"✎ {node.text}", f"saved as {node.fact}"), start)
        case Compute():
            lines = (f"⚙ work out {node.function}", f"saved as {node.fact}")
            return Box(node.id, "compute", lines, start)
        case Goto():
            return Box(node.id, "goto", (f"↪ go to {node.target}",), start)
        case _:
            assert_never(node)


def duration(seconds: int) -> str:
    """`300` → `5m`, `5400` → `1h30m`: the way flows write a wait."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "")
    return text + (f"{secs}s" if secs or not text else "")


def wrapped(lines: Iterable[str], width: int = WRAP) -> list[str]:
    """Each paragraph on one line, shortened if very long, wrapped at `width`."""
    out: list[str] = []
    for line in lines:
        flat = " ".join(line.split())
        if len(flat) > LONGEST:
            flat = flat[:LONGEST].rsplit(" ", 1)[0] + " …"
        out += textwrap.wrap(flat, width, break_on_hyphens=False) or [""]
    return out


def distinct(name: str, used: set[str]) -> str:
    """`name`, or `name_2`, `name_3` … if taken; the one chosen is added to `used`."""
    chosen, number = name, 1
    while chosen in used:
        number += 1
        chosen = f"{name}_{number}"
    used.add(chosen)
    return chosen
