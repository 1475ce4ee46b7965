"""Walking a flow's `examples:` through the engine, as `check` and the tests do."""

from __future__ import annotations

from typing import assert_never

from guide.flow.engine import Walk
from guide.flow.model import Example, Flow, Input, Say, Wait
from guide.flow.problems import Problem
from guide.flow.records import record
from guide.flow.refusals import author_words
from guide.flow.steps import Advice, FlowResolver, Question, WalkError

BUDGET = 1_000_000
"""Choices an answer is matched against, over all the examples of one flow, before the
examples stop being walked: a 1 MB flow can hold examples enough to take hours (an
answer costs a few microseconds per choice on offer; the bundled flows spend under
500 of it)."""


class Budget:
    """What is left of `BUDGET` for one flow's examples."""

    __slots__ = ("left",)

    def __init__(self, left: int | None = None) -> None:
        self.left = BUDGET if left is None else left

    @property
    def spent(self) -> bool:
        return self.left < 0


class BudgetSpent(Exception):
    """The examples asked for more matching than `Budget` allows."""


def budget_message(what: str = "examples") -> str:
    return (
        f"not walked: the {what} match answers against more than {BUDGET:,} choices"
        f" in all; split them over fewer, shorter {what}"
    )


@record
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


def walk_answers(
    walk: Walk, answers: tuple[str, ...] | list[str], budget: Budget | None = None
) -> str | None:
    """Feed answers to a walk (`wait`/`say` steps pass by themselves).

    Returns None when every answer was taken, else what went wrong, in words.
    The special answer "!" takes the escape wherever the walk is. Each answer at a
    question costs `budget` the choices on offer; `BudgetSpent` when it runs out.
    """
    for number, answer in enumerate(answers, 1):
        _pass_through(walk)
        if walk.finished:
            return f"answer {number} ({answer!r}) comes after the walk already ended"
        if answer == "!" and walk.escape():
            continue
        charge(walk, budget)
        reply = walk.reply(answer)
        if not reply.accepted:
            hint = ", ".join(c.option.label for c in reply.suggestions)
            why = author_words(reply.reason) if reply.reason is not None else ""
            detail = f"; closest: {hint}" if hint else ""
            where = ":".join(here(walk))
            return f"answer {number} ({answer!r}) does not fit step `{where}`: {why}{detail}"
    _pass_through(walk)
    return None


def here(walk: Walk) -> tuple[str, str]:
    """(flow id, node id) of where the walk stands; not from `walk.path()`, which grows
    with every answer: asking it at each of 100,000 answers took quadratic time."""
    step = walk.current
    match step:
        case Question() | Advice():
            return walk.current_flow.id, step.node.id
        case Say() | Wait() | Input():
            return walk.current_flow.id, step.id
        case _:
            assert_never(step)


def charge(walk: Walk, budget: Budget | None) -> None:
    """Take the choices on offer now from `budget`; `BudgetSpent` when it runs out."""
    step = walk.current
    if budget is not None and isinstance(step, Question):
        budget.left -= len(step.choices)
        if budget.spent:
            raise BudgetSpent(budget_message())


def _pass_through(walk: Walk) -> None:
    while isinstance(walk.current, (Say, Wait)):
        walk.proceed()


def run_example(
    flow: Flow,
    example: Example,
    resolve: FlowResolver | None = None,
    budget: Budget | None = None,
) -> ExampleResult:
    """Walk one example and compare where it ends with what it promised; once `budget`
    is spent, the example is not walked and says so."""
    walk = Walk(flow, resolve)
    if budget is not None and budget.spent:
        return ExampleResult(example, None, budget_message(), ())
    try:
        failure = walk_answers(walk, example.answers, budget)
    except (WalkError, BudgetSpent) as exc:
        failure = str(exc)
    if budget is not None and budget.spent:
        return ExampleResult(example, None, budget_message(), ())
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
    """One error per example that does not reach its promised outcome; where the budget
    runs out, one error saying so, and the rest are not walked."""
    problems = []
    budget = Budget()
    for example in flow.examples:
        result = run_example(flow, example, resolve, budget)
        if budget.spent:
            message = f"example “{example.name}”: {budget_message()}"
            problems.append(Problem(example.mark, "error", "examples-too-costly", message))
            break
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
