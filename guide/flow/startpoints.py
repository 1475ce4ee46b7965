"""Starting a walk part-way: which facts a node's branch needs, and what they can be."""

from __future__ import annotations

from typing import assert_never

from guide.flow.conditions import tests_in
from guide.flow.model import (
    Ask,
    Compute,
    Flow,
    Goto,
    Input,
    Outcome,
    Route,
    Say,
    Wait,
    successors,
)


def branch(flow: Flow, node_id: str) -> list[str]:
    """Every node of this flow reachable from `node_id`, itself first."""
    seen: list[str] = []
    todo = [node_id]
    while todo:
        current = todo.pop(0)
        if current in seen or current not in flow.nodes:
            continue
        seen.append(current)
        todo += [t.node for t in successors(flow.nodes[current]) if t.flow in (None, flow.id)]
    return seen


def needed_facts(flow: Flow, node_id: str) -> dict[str, list[str]]:
    """Facts read in the branch from `node_id` that nothing in the branch sets first,
    each with the values answers elsewhere in the flow can give it."""
    reachable = branch(flow, node_id)
    read: list[str] = []
    set_inside: set[str] = set()
    for current in reachable:
        node = flow.nodes[current]
        match node:
            case Route():
                read += [t.fact for b in node.branches for t in tests_in(b.when)]
            case Ask():
                for option in node.options:
                    read += [t.fact for t in tests_in(option.when)]
                    set_inside.update(option.sets)
            case Say() | Wait() | Input() | Goto() | Compute() | Outcome():
                pass  # reads no facts by condition (a calculation's are not asked for)
            case _:
                assert_never(node)
    values: dict[str, set[str]] = {}
    for node in flow.nodes.values():
        if isinstance(node, Ask):
            for option in node.options:
                for fact, value in option.sets.items():
                    values.setdefault(fact, set()).add(value)
    wanted = [f for f in dict.fromkeys(read) if f not in set_inside and f in values]
    return {fact: sorted(values[fact]) for fact in wanted}
