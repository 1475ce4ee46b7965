"""Loops in a graph of node ids: groups that go round, and a shortest way round each."""

from __future__ import annotations

from collections.abc import Mapping


def loop(group: list[str], edges: Mapping[str, list[str]]) -> list[str]:
    """A shortest round trip from the group's first node back to itself."""
    start, members = group[0], set(group)
    came_from: dict[str, str] = {}
    todo = [start]
    while todo:
        node = todo.pop(0)
        for child in edges.get(node, []):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child in members and child not in came_from:
                came_from[child] = node
                todo.append(child)
    return [start, start]  # pragma: no cover - a group always loops


def cycles(nodes: list[str], edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Strongly connected groups that really loop (Tarjan, iterative), in file order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    place = {node: n for n, node in enumerate(nodes)}  # file order, looked up at once
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, [])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1 or node in edges.get(node, []):
                        groups.append(sorted(group, key=place.__getitem__))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges.get(child, []))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups
