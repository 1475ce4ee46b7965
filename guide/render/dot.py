"""A flow as a Graphviz DOT file; `dot -Tsvg` draws it."""

from __future__ import annotations

from guide.flow.model import Flow
from guide.render.diagram import Shape, diagram, wrapped

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
        label = dot_string("\n".join(wrapped(box.lines)))
        lines.append(f"  {dot_string(box.key)} [{_DOT_SHAPES[box.shape]}{bold}, label={label}];")
    for arrow in arrows:
        attributes = [f"label={dot_string(chr(10).join(wrapped([arrow.label], 30)))}"]
        attributes += ["style=dashed"] if arrow.dashed else []
        edge = f"{dot_string(arrow.source)} -> {dot_string(arrow.target)}"
        lines.append(f"  {edge} [{', '.join(attributes)}];" if arrow.label else f"  {edge};")
    return "\n".join([*lines, "}"]) + "\n"
