"""A flow as a graph of node numbers, built once for the checks that walk it.

The checks for targets, reachability, ways out, the escape's branch and
pass-through loops each used to follow every node's targets by name: five passes
over the model, each looking node ids up in sets and dicts of strings. On a big
flow those lookups land all over memory, and the checks grew faster than the flow
(100,000 nodes cost 15-20 times 10,000: `python -m benchmarks`). Here the targets
are read once, and the walks run on numbers in lists.
"""

from __future__ import annotations

from collections.abc import Iterable

from guide.flow.model import Flow, Target
from guide.flow.model import successors as node_successors


class Graph:
    """Nodes numbered in file order, with each node's targets inside the flow as numbers.

    `leaves[n]` is 1 when node n can leave the checked graph: a link to another
    flow, or a target that is not one of the flow's nodes (a broken node, or an
    unknown one, which `check` reports on its own). `unknown` holds the targets
    inside the flow that name no node, and `links` those into other flows.
    """

    def __init__(self, flow: Flow) -> None:
        self.ids = list(flow.nodes)
        self.number = {node_id: n for n, node_id in enumerate(self.ids)}
        self.edges: list[list[int]] = []
        self.leaves = bytearray(len(self.ids))
        self.unknown: list[Target] = []
        self.links: list[Target] = []
        own, number = flow.id, self.number
        for n, node in enumerate(flow.nodes.values()):
            out: list[int] = []
            for target in node_successors(node):
                to = number.get(target.node) if target.flow in (None, own) else None
                if to is not None:
                    out.append(to)
                    continue
                self.leaves[n] = 1
                (self.unknown if target.flow in (None, own) else self.links).append(target)
            self.edges.append(out)

    def numbers(self, node_ids: Iterable[str]) -> list[int]:
        """The numbers of those ids that are nodes of the flow."""
        return [n for n in map(self.number.get, node_ids) if n is not None]

    def reached(self, roots: Iterable[int]) -> bytearray:
        """1 for every node reachable from `roots` along the flow's own targets."""
        return Graph._spread(self.edges, roots, len(self.ids))

    def reaching(self, goals: Iterable[int]) -> bytearray:
        """1 for every node from which some path reaches one of `goals`."""
        incoming: list[list[int]] = [[] for _ in self.ids]
        for n, out in enumerate(self.edges):
            for to in out:
                incoming[to].append(n)
        return Graph._spread(incoming, goals, len(self.ids))

    @staticmethod
    def _spread(edges: list[list[int]], roots: Iterable[int], size: int) -> bytearray:
        """1 for every node reachable from `roots` along `edges` (a stack, no recursion)."""
        seen = bytearray(size)
        todo = list(roots)
        while todo:
            n = todo.pop()
            if not seen[n]:
                seen[n] = 1
                todo.extend(edges[n])
        return seen

    def named(self, flags: bytearray, value: int = 1) -> list[str]:
        """The ids of the nodes whose flag is `value`, in file order."""
        return [self.ids[n] for n, flag in enumerate(flags) if flag == value]
