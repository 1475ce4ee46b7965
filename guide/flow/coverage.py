"""What a flow's examples reach: nodes, answers and outcomes, and what none reaches."""

from __future__ import annotations

from dataclasses import dataclass

from guide.flow.examples import Budget, ExampleResult, run_example
from guide.flow.model import Ask, Flow, Outcome
from guide.flow.steps import FlowResolver


@dataclass(frozen=True, slots=True)
class Coverage:
    """Counts and the parts no example reaches (node ids; options as "node: label")."""

    flow: str
    results: tuple[ExampleResult, ...]
    nodes: tuple[int, int]
    options: tuple[int, int]
    outcomes: tuple[int, int]
    missed_nodes: tuple[str, ...]
    missed_options: tuple[str, ...]
    missed_outcomes: tuple[str, ...]

    @property
    def failed(self) -> int:
        return sum(r.failure is not None for r in self.results)


def coverage(flow: Flow, resolve: FlowResolver | None = None) -> Coverage:
    budget = Budget()
    results = tuple(run_example(flow, e, resolve, budget) for e in flow.examples)
    visited = {node for r in results for node in (*r.visited, *r.passed)}
    chosen = {(node, label) for r in results for f, node, label in r.chosen if f == flow.id}
    options = [
        (node.id, option.label)
        for node in flow.nodes.values()
        if isinstance(node, Ask)
        for option in node.options
    ]
    outcomes = [n.id for n in flow.nodes.values() if isinstance(n, Outcome)]
    reached = {r.reached for r in results if r.failure is None}
    return Coverage(
        flow.id,
        results,
        (sum(n in visited for n in flow.nodes), len(flow.nodes)),
        (sum(o in chosen for o in options), len(options)),
        (sum(o in reached for o in outcomes), len(outcomes)),
        tuple(n for n in flow.nodes if n not in visited),
        tuple(f"{n}: {label}" for n, label in options if (n, label) not in chosen),
        tuple(o for o in outcomes if o not in reached),
    )
