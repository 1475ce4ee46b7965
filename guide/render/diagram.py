"""A flow as a diagram: a Mermaid flowchart or a Graphviz DOT file (the handout is handout.py).

Pure: each function takes a `Flow` and returns text, nothing else. Every text
from the flow is escaped for the format it lands in, so a label such as
`"Yes" [x] {y} | <b> # -->` stays a label and never becomes syntax.
"""

from __future__ import annotations

import re
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
WRAP_MERMAID = 24
"""Mermaid's labels, narrower: Mermaid wraps again at 200 pixels, about 26 characters."""
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
    return [t.node for t in successors(node) if _here(flow, t) and t.node in flow.nodes]


def _here(flow: Flow, target: Target) -> bool:
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
    if _offers_escape(flow):
        boxes.append(Box(ESCAPE_HUB, "hub", ("any question",)))
        for option in flow.escape:
            label = f"({option.key}) {option.label}" if option.key else option.label
            arrows.append(Arrow(ESCAPE_HUB, key(option.next), _when(label, option), dashed=True))
    return boxes + list(extra.values()), arrows


def _offers_escape(flow: Flow) -> bool:
    return bool(flow.escape) and any(
        isinstance(n, Ask) and n.offers_escape for n in flow.nodes.values()
    )


def _target_box(flow: Flow, target: Target) -> Box | None:
    """A box for a target outside this flow's nodes; None for one of its own nodes."""
    if not _here(flow, target):
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


def _wrapped(lines: Iterable[str], width: int = WRAP) -> list[str]:
    """Each paragraph on one line, shortened if very long, wrapped at `width`."""
    out: list[str] = []
    for line in lines:
        flat = " ".join(line.split())
        if len(flat) > LONGEST:
            flat = flat[:LONGEST].rsplit(" ", 1)[0] + " …"
        out += textwrap.wrap(flat, width, break_on_hyphens=False) or [""]
    return out


# --- Mermaid ------------------------------------------------------------------

_MERMAID_SHAPES: dict[Shape, tuple[str, str]] = {
    "ask": ("{{", "}}"),
    "route": ("{", "}"),
    "step": ("[", "]"),
    "compute": ("[[", "]]"),
    "goto": (">", "]"),
    "outcome": ("([", "])"),
    "emergency": ("([", "])"),
    "other": (">", "]"),
    "hub": ("{{", "}}"),
}
# Mermaid's own entity codes (`#name;` or `#number;`): inside a quoted label
# these characters would otherwise end the label, open a shape or start markup
# (and Mermaid draws a written `\n` as a line break).
_MERMAID_ENTITIES = {
    "#": "#35;",
    "\\": "#92;",
    "&": "#38;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
    "`": "#96;",
}
_MERMAID_CLASSES = {
    "emergency": "fill:#fde2e2,stroke:#b00020,stroke-width:3px,color:#000",
    "outcome": "fill:#e6f4ea,stroke:#2e7d32,color:#000",
    "other": "fill:#eeeeee,stroke:#777777,stroke-dasharray:4 3,color:#000",
    "hub": "fill:#fff8e1,stroke:#b26a00,stroke-dasharray:4 3,color:#000",
    "start": "stroke-width:3px",
}


def mermaid_label(lines: Iterable[str]) -> str:
    """A label's text for inside `"..."`: wrapped with `<br/>`, special characters as entities."""
    return "<br/>".join(
        "".join(_MERMAID_ENTITIES.get(c, c) for c in line) for line in _wrapped(lines, WRAP_MERMAID)
    )


def mermaid_ids(keys: Iterable[str]) -> dict[str, str]:
    """A safe, distinct Mermaid id for each key: `why-ended` → `n_why_ended`."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for key in keys:
        if key == ESCAPE_HUB:
            base = "any_question"
        elif ":" in key:
            base = "ext_" + _word(key)
        else:
            base = ("missing_" if key.startswith("?") else "n_") + _word(key.lstrip("?"))
        ids[key] = _distinct(base, used)
    return ids


def _distinct(name: str, used: set[str]) -> str:
    """`name`, or `name_2`, `name_3` … if taken; the one chosen is added to `used`."""
    chosen, number = name, 1
    while chosen in used:
        number += 1
        chosen = f"{name}_{number}"
    used.add(chosen)
    return chosen


def _word(text: str) -> str:
    return re.sub(r"\W", "_", text, flags=re.ASCII)


def to_mermaid(flow: Flow) -> str:
    """The flow as a Mermaid flowchart (`flowchart TD`)."""
    boxes, arrows = diagram(flow)
    ids = mermaid_ids(box.key for box in boxes)
    lines = ["flowchart TD", f"  %% flow {flow.id}, version {flow.version}"]
    for box in boxes:
        left, right = _MERMAID_SHAPES[box.shape]
        lines.append(f'  {ids[box.key]}{left}"{mermaid_label(box.lines)}"{right}')
    for arrow in arrows:
        link = "-.->" if arrow.dashed else "-->"
        label = f'|"{mermaid_label([arrow.label])}"|' if arrow.label else ""
        lines.append(f"  {ids[arrow.source]} {link}{label} {ids[arrow.target]}")
    for name, style in _MERMAID_CLASSES.items():
        members = [ids[b.key] for b in boxes if b.shape == name or (name == "start" and b.start)]
        if members:
            lines += [f"  classDef {name} {style}", f"  class {','.join(members)} {name}"]
    return "\n".join(lines) + "\n"


# --- Graphviz DOT ---------------------------------------------------------------

_DOT_SHAPES: dict[Shape, str] = {
    "ask": "shape=hexagon",
    "route": "shape=diamond, width=0.5, height=0.5",
    "step": "shape=box",
    "compute": 'shape=box, style="rounded"',
    "goto": "shape=cds",
    "outcome": 'shape=ellipse, style="filled", fillcolor="#e6f4ea"',
    "emergency": 'shape=doubleoctagon, style="filled", fillcolor="#fde2e2", color="#b00020"',
    "other": 'shape=cds, style="dashed"',
    "hub": 'shape=hexagon, style="dashed"',
}


def dot_string(text: str) -> str:
    """`text` as a double-quoted DOT string: `\\` and `"` escaped, line breaks as `\\n`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def to_dot(flow: Flow) -> str:
    """The flow as a Graphviz digraph; `dot -Tsvg` draws it."""
    boxes, arrows = diagram(flow)
    lines = [
        f"digraph {dot_string(flow.id)} {{",
        "  rankdir=TB;",
        f"  label={dot_string(flow.title)};",
        "  labelloc=t;",
        '  fontname="Helvetica";',
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for box in boxes:
        bold = ", penwidth=2" if box.start else ""
        label = dot_string("\n".join(_wrapped(box.lines)))
        lines.append(f"  {dot_string(box.key)} [{_DOT_SHAPES[box.shape]}{bold}, label={label}];")
    for arrow in arrows:
        attributes = [f"label={dot_string(chr(10).join(_wrapped([arrow.label], 30)))}"]
        attributes += ["style=dashed"] if arrow.dashed else []
        edge = f"{dot_string(arrow.source)} -> {dot_string(arrow.target)}"
        lines.append(f"  {edge} [{', '.join(attributes)}];" if arrow.label else f"  {edge};")
    return "\n".join([*lines, "}"]) + "\n"


# --- Markdown handout -------------------------------------------------------------
