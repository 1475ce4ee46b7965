"""Walking a flow's `examples:` through the engine, as `check` and the tests do."""

from __future__ import annotations

from dataclasses import dataclass

from guide.flow.engine import Advice, FlowResolver, Walk, WalkError
from guide.flow.model import Example, Flow, Problem, Say, Wait


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """How one example went; `failure` is None when it reached what it promised."""

    example: Example
    reached: str | None
    failure: str | None
    visited: tuple[str, ...]
    """Node ids the walk stood on, in order (in whichever flow it was)."""
    chosen: tuple[tuple[str, str, str], ...] = ()
    """(flow id, node id, option label) of every answer picked."""
    passed: tuple[str, ...] = ()
    """Routes, links and calculations of the flow the walk went through."""


def walk_answers(walk: Walk, answers: tuple[str, ...] | list[str]) -> str | None:
    """Feed answers to a walk (`wait`/`say` steps pass by themselves).

    Returns None when every answer was taken, else what went wrong, in words.
    The special answer "!" takes the escape wherever the walk is.
    """
    for number, answer in enumerate(answers, 1):
        _pass_through(walk)
        if walk.finished:
            return f"answer {number} ({answer!r}) comes after the walk already ended"
        step_id = walk.current_flow.id + ":" + walk.path()[-1][1]
        if answer == "!" and walk.escape():
            continue
        reply = walk.reply(answer)
        if not reply.accepted:
            hint = ", ".join(c.option.label for c in reply.suggestions)
            detail = f"; closest: {hint}" if hint else ""
            return f"answer {number} ({answer!r}) does not fit step `{step_id}`: {reply.message}{detail}"
    _pass_through(walk)
    return None


def _pass_through(walk: Walk) -> None:
    while isinstance(walk.current, (Say, Wait)):
        walk.proceed()


def run_example(flow: Flow, example: Example, resolve: FlowResolver | None = None) -> ExampleResult:
    """Walk one example and compare where it ends with what it promised."""
    walk = Walk(flow, resolve)
    try:
        failure = walk_answers(walk, example.answers)
    except WalkError as exc:
        failure = str(exc)
    step = walk.current
    reached = step.node.id if isinstance(step, Advice) else None
    visited = tuple(node for _, node, _ in walk.path())
    passed = tuple(node for flow_id, node in walk.passed_through() if flow_id == flow.id)
    chosen = tuple(
        (f.id, node.id, move.label)
        for f, node, move in walk.visited()
        if move is not None and move.kind in ("choose", "escape")
    )
    if failure is None and reached is None:
        failure = f"the answers ran out at `{visited[-1]}` before an outcome"
    elif failure is None and reached != example.outcome:
        route = " → ".join(visited)
        failure = f"reached `{reached}`, not `{example.outcome}` (the walk went {route})"
    if failure is None:
        wrong = {k: v for k, v in example.facts.items() if walk.facts.get(k) != v}
        if wrong:
            failure = "facts differ: " + ", ".join(
                f"{k} is {walk.facts.get(k, '(not set)')!r}, expected {v!r}"
                for k, v in wrong.items()
            )
    return ExampleResult(example, reached, failure, visited, chosen, passed)


def example_problems(flow: Flow, resolve: FlowResolver | None = None) -> list[Problem]:
    """One error per example that does not reach its promised outcome."""
    problems = []
    for example in flow.examples:
        result = run_example(flow, example, resolve)
        if result.failure:
            problems.append(
                Problem(
                    example.mark,
                    "error",
                    "example-fails",
                    f"example “{example.name}”: {result.failure}",
                )
            )
    return problems
