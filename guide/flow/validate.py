"""Graph and meaning checks on a loaded flow → located `Problem`s.

The loader already vouches for shapes and types; this module checks what only
the whole flow can tell: targets, reachability, ways out, escapes, facts and
sources. Pure: it takes a model and returns problems.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import assert_never

from guide.flow.aliaslimits import alias_problems
from guide.flow.collector import collector_paused
from guide.flow.examples import example_problems
from guide.flow.factcheck import fact_problems
from guide.flow.graph import Graph
from guide.flow.loops import cycles, loop
from guide.flow.model import (
    Ask,
    Compute,
    Flow,
    Goto,
    Input,
    Node,
    Outcome,
    Route,
    Say,
    Target,
    Wait,
)
from guide.flow.nodechecks import node_problems
from guide.flow.problems import Mark, Problem, Severity
from guide.flow.steps import FlowResolver
from guide.flow.suggest import did_you_mean


def validate(
    flow: Flow,
    broken: Collection[str] = (),
    others: Mapping[str, Collection[str]] | None = None,
    resolve: FlowResolver | None = None,
    examples: bool = True,
) -> list[Problem]:
    """Every problem of `flow`, sorted by place.

    `broken` names nodes the loader could not build (they exist; links to them
    are fine). `others` maps the ids of other known flows to their node ids, for
    `flow:node` links; None skips checking links to other flows. `resolve`
    finds those flows, so examples that cross into them can be walked. `examples`
    False leaves the examples unwalked: that is `check`'s and `test`'s work, never a
    start's (a shared flow's examples made every start take 19 s).
    """
    with collector_paused():
        checker = _Checker(flow, set(broken), others, resolve, examples)
        checker.run()
    return sorted(checker.problems, key=lambda p: (p.mark.file, p.mark.line, p.mark.col))


class _Checker:
    def __init__(
        self,
        flow: Flow,
        broken: set[str],
        others: Mapping[str, Collection[str]] | None,
        resolve: FlowResolver | None,
        walk_examples: bool = True,
    ) -> None:
        self.flow = flow
        self.broken = broken
        self.others = others
        self.resolve = resolve
        self.walk_examples = walk_examples
        self.problems: list[Problem] = []
        self.graph = Graph(flow)

    def report(self, mark: Mark, code: str, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(mark, severity, code, message))

    def run(self) -> None:
        self.check_targets()
        self.check_reachability()
        self.check_ways_out()
        self.check_pass_through_loops()
        self.check_escape()
        self.problems.extend(alias_problems(self.flow))
        for node in self.flow.nodes.values():
            self.problems.extend(node_problems(self.flow, node))
        self.check_facts()
        self.check_examples()

    # --- targets and the graph ---------------------------------------------------

    def local(self, target: Target) -> bool:
        return target.flow is None or target.flow == self.flow.id

    def check_targets(self) -> None:
        ids: set[str] | None = None  # for "did you mean", only when something is unknown
        start = self.flow.start
        if start and start not in self.flow.nodes and start not in self.broken:
            ids = set(self.flow.nodes) | self.broken
            self.report(
                self.flow.start_mark,
                "unknown-target",
                f"`start` names no node `{start}`{did_you_mean(start, ids)}",
            )
        escapes = [option.next for option in self.flow.escape]
        unknown = [*self.graph.unknown, *(t for t in escapes if self.local(t))]
        for target in unknown:
            if target.node not in self.flow.nodes and target.node not in self.broken:
                ids = ids if ids is not None else set(self.flow.nodes) | self.broken
                self.report(
                    target.mark,
                    "unknown-target",
                    f"there is no node `{target.node}`{did_you_mean(target.node, ids)}",
                )
        if self.others is not None:
            for target in [*self.graph.links, *(t for t in escapes if not self.local(t))]:
                self.check_link(target)

    def check_link(self, target: Target) -> None:
        assert self.others is not None and target.flow is not None
        nodes = self.others.get(target.flow)
        if nodes is None:
            self.report(
                target.mark,
                "unknown-flow",
                f"there is no flow `{target.flow}`{did_you_mean(target.flow, self.others)}",
            )
        elif target.node not in nodes:
            self.report(
                target.mark,
                "unknown-target",
                f"flow `{target.flow}` has no node `{target.node}`{did_you_mean(target.node, nodes)}",
            )

    def escape_roots(self) -> list[int]:
        return self.graph.numbers(o.next.node for o in self.flow.escape if self.local(o.next))

    def check_reachability(self) -> None:
        roots = self.graph.numbers([self.flow.start]) + self.escape_roots()
        for node_id in self.graph.named(self.graph.reached(roots), 0):
            self.report(
                self.flow.nodes[node_id].mark,
                "unreachable",
                f"node `{node_id}` cannot be reached from `start` or the escape",
                "warning",
            )

    def check_ways_out(self) -> None:
        """Dead ends and cycles: nodes from which no path reaches an outcome."""
        graph, nodes = self.graph, self.flow.nodes
        goals = [
            n
            for n, node in enumerate(nodes.values())
            if isinstance(node, Outcome) or graph.leaves[n]
        ]
        stuck = graph.named(graph.reaching(goals), 0)
        edges = {n: [graph.ids[s] for s in graph.edges[graph.number[n]]] for n in stuck}
        cyclic: set[str] = set()
        for group in cycles(stuck, edges):
            cyclic.update(group)
            path = " → ".join(loop(group, edges))
            self.report(
                nodes[group[0]].mark,
                "cycle",
                f"cycle with no way out: {path} never reaches an outcome",
            )
        for node_id in stuck:
            if node_id not in cyclic:
                self.report(
                    nodes[node_id].mark,
                    "dead-end",
                    f"dead end: no path from `{node_id}` reaches an outcome",
                )

    def check_pass_through_loops(self) -> None:
        """Routes, links and calculations that lead round to themselves: nothing is asked
        on the way, so when their conditions send the walk round once they always will."""
        graph = self.graph
        passes = bytearray(_passes(node) for node in self.flow.nodes.values())
        passing: dict[str, list[str]] = {}  # only nodes leading on to another: loops need one
        for n, out in enumerate(graph.edges):
            onward = [graph.ids[to] for to in out if passes[to]] if passes[n] else None
            if onward:
                passing[graph.ids[n]] = onward
        for group in cycles(list(passing), passing):
            path = " → ".join(loop(group, passing))
            self.report(
                self.flow.nodes[group[0]].mark,
                "route-loop",
                f"routes go round without asking anything: {path}; some answers would"
                " leave the walk stuck there",
            )

    # --- the escape -----------------------------------------------------------------

    def check_escape(self) -> None:
        asks = [
            (n, node) for n, node in enumerate(self.flow.nodes.values()) if isinstance(node, Ask)
        ]
        if not self.flow.escape:
            if asks:
                self.report(
                    self.flow.start_mark,
                    "no-escape",
                    "the flow has no `escape`: give it an emergency exit that every question offers",
                    "warning",
                )
            return
        inside = self.graph.reached(self.escape_roots())  # the escape's own branch
        for n, ask in asks:
            if not ask.offers_escape and not inside[n]:
                label = self.flow.escape[0].label
                self.report(
                    ask.mark,
                    "escape-not-offered",
                    f"question `{ask.id}` does not offer the flow's escape (“{label}”); only"
                    " questions inside the escape's own branch may hide it",
                )

    # --- node by node ---------------------------------------------------------------

    # --- facts and examples ---------------------------------------------------------

    def check_facts(self) -> None:
        self.problems.extend(fact_problems(self.flow, complete=not self.broken))

    def check_examples(self) -> None:
        """Walk the examples, but only on a flow that is otherwise sound."""
        if not self.walk_examples or self.broken:
            return
        if not any(p.severity == "error" for p in self.problems):
            self.problems.extend(example_problems(self.flow, self.resolve))


def _passes(node: Node) -> bool:
    """A node the walk passes through without showing it."""
    match node:
        case Route() | Goto() | Compute():
            return True
        case Ask() | Say() | Wait() | Input() | Outcome():
            return False
        case _:
            assert_never(node)
