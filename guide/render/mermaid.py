"""A flow as a Mermaid flowchart: shapes, entity escaping, distinct ids and classes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from guide.flow.model import Flow
from guide.render.diagram import ESCAPE_HUB, Shape, diagram, distinct, wrapped

WRAP_MERMAID = 24
"""Mermaid's labels, narrower than DOT's: Mermaid wraps again at 200 pixels, about 26 characters."""

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
        "".join(_MERMAID_ENTITIES.get(c, c) for c in line) for line in wrapped(lines, WRAP_MERMAID)
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
        ids[key] = distinct(base, used)
    return ids


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
