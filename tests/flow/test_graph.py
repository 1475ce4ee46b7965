"""`check`'s graph checks (reachability, dead ends, loops, unknown targets) run on node
numbers (`guide/flow/graph.py`); on random flows they agree with the plain definitions,
worked out here on the node names."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from guide.flow.loader import load_flow
from guide.flow.validate import validate

Shape = list[tuple[str, list[str]]]
"""Each node: its kind and the ids its targets name (`n<k>`, or `gone` for none)."""


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    size = draw(st.integers(1, 9))
    target = st.integers(0, size).map(lambda k: f"n{k}" if k < size else "gone")
    kinds = st.sampled_from(["say", "ask", "route", "outcome"])
    nodes: Shape = []
    for _ in range(size):
        kind = draw(kinds)
        count = {"say": 1, "ask": 2, "route": 2, "outcome": 0}[kind]
        nodes.append((kind, [draw(target) for _ in range(count)]))
    return nodes


OUTCOME = [
    "    outcome: Done",
    "    steps: [Do it.]",
    "    why: Because.",
    '    source: {article: "000", section: S}',
]


def flow_text(shape: Shape) -> str:
    lines = ["flow: random", "title: Random", "version: 1", "start: n0", "sources:"]
    lines += ['  "000": {title: A source}', "escape:", "  - label: Help now", "    next: esc"]
    lines += ["nodes:", "  esc:", *OUTCOME]
    for k, (kind, targets) in enumerate(shape):
        lines.append(f"  n{k}:")
        if kind == "say":
            lines += ["    say: Hello", f"    next: {targets[0]}"]
        elif kind == "ask":
            lines += ["    ask: Which?", "    options:"]
            for n, t in enumerate(targets):
                lines += [f"      - label: Option {n}", f"        next: {t}"]
        elif kind == "route":
            lines += ["    route:", "      - when: {x: z}", f"        next: {targets[0]}"]
            lines += [f"      - next: {targets[1]}"]
        else:
            lines += OUTCOME
    return "\n".join(lines) + "\n"


def plain_reach(edges: dict[str, list[str]], roots: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = [r for r in roots if r in edges]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += [t for t in edges[node] if t in edges]
    return seen


@settings(max_examples=200, deadline=None)
@given(shape=shapes())
def test_graph_checks_agree_with_their_definitions(shape: Shape) -> None:
    loaded = load_flow(flow_text(shape).encode(), "random.yaml")
    assert loaded.flow is not None and not loaded.problems, loaded.problems
    problems = validate(loaded.flow, loaded.broken, examples=False)
    said = {(p.code, m) for p in problems for m in re.findall(r"`(n\d+)`", p.message)}
    edges = {f"n{k}": targets for k, (_, targets) in enumerate(shape)} | {"esc": []}
    unknown = sum(t == "gone" for _, targets in shape for t in targets)
    assert sum(p.code == "unknown-target" for p in problems) == unknown
    reached = plain_reach(edges, ["n0", "esc"])
    assert {m for code, m in said if code == "unreachable"} == set(edges) - reached
    ends = [f"n{k}" for k, (kind, ts) in enumerate(shape) if kind == "outcome" or "gone" in ts]
    back = {n: [m for m in edges if n in edges[m]] for n in edges}
    way_out = plain_reach(back, [*ends, "esc"])
    stuck = set(edges) - way_out
    on_loop = {n for n in stuck if n in plain_reach(edges, edges[n])}  # comes round again
    assert {m for code, m in said if code == "dead-end"} == stuck - on_loop
    loops = [re.findall(r"n\d+", p.message) for p in problems if p.code == "cycle"]
    assert {n for path in loops for n in path} <= on_loop
    assert all(path[0] == path[-1] for path in loops)
