"""One version's side of the comparison: a walk that takes answers, ends, and goes back.

Where a side ends is an `End`: an outcome, an answer its step does not offer, a value
its input refuses, or a flow broken underneath. A side undoes its moves with the walk's
own `back`, so exploring every path needs one walk per version, not one per path.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal, assert_never

from guide.compare.pairing import shown
from guide.compare.values import StepId
from guide.flow.engine import Walk
from guide.flow.examples import here
from guide.flow.model import Input, Say, Wait
from guide.flow.refusals import InvalidInput, author_words
from guide.flow.steps import Advice, Question, Step, WalkError, asked_text

EndKind = Literal["outcome", "not_offered", "refused", "broken"]
Action = tuple[Literal["choose", "enter", "missing"], str]
"""An answer's label to choose, a value to type, or (`missing`) the other version's
answer, which this side's step does not offer: the side ends there."""
MAX_PASSES = 1_000
"""`say` and `wait` steps passed between two answers before a side counts as broken."""


@dataclass(frozen=True, slots=True)
class End:
    """Where one version's walk ended. `flow`/`node` locate it; `title` is the outcome's
    title or the step's text; `detail` the answer not offered or why a value was refused."""

    kind: EndKind
    flow: str = ""
    node: str = ""
    title: str = ""
    detail: str = ""
    emergency: bool = False

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What must match for two ends to count as the same: a value refused on both
        sides is the same whatever the words (a changed bound is a change of shape)."""
        detail = self.detail if self.kind == "broken" else ""
        return (self.kind, self.flow, self.node, detail)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer on a path, in words: the step's text, the answer, which versions took it."""

    asked: str
    answer: str
    by: Literal["both", "old", "new"] = "both"


StateKey = tuple[object, ...]


class Side:
    """A walk of one version, with its end (None while it goes on) and an undo stack."""

    def __init__(
        self,
        walk: Walk,
        graph: Mapping[StepId, tuple[StepId, ...]],
        deciding: frozenset[str] = frozenset(),
    ) -> None:
        self.walk = walk
        self.deciding = deciding
        """The facts that can change where a walk goes (`values.deciding_facts`)."""
        self.graph = graph
        """Every (flow id, node id) of this version, linked flows included, with the
        nodes it leads to (escapes left out: they lead everywhere to the same place)."""
        self._leads: dict[tuple[StepId, StepId], bool] = {}
        self.end: End | None = None
        self._undo: list[tuple[int, End | None]] = []
        try:
            self._pass()
        except WalkError as exc:
            self.end = End("broken", *self.at, shown(asked(self.step)), str(exc))

    @property
    def step(self) -> Step:
        return self.walk.current

    @property
    def at(self) -> StepId:
        flow_id, node_id = here(self.walk)
        return flow_id, node_id

    @property
    def nodes(self) -> Collection[StepId]:
        return self.graph.keys()

    def leads_to(self, there: StepId) -> bool:
        """Whether some way leads from where this side stands to `there`."""
        key = (self.at, there)
        if key not in self._leads:
            seen = {self.at}
            todo = [self.at]
            while todo and there not in seen:
                for step in self.graph.get(todo.pop(), ()):
                    if step not in seen:
                        seen.add(step)
                        todo.append(step)
            self._leads[key] = there in seen and there != self.at
        return self._leads[key]

    def state(self) -> StateKey:
        """Enough to tell where this side stands: the same state goes the same way."""
        if self.end is not None:
            return ("end", *self.end.key)
        facts = self.walk.facts
        return (*self.at, frozenset((k, v) for k, v in facts.items() if k in self.deciding))

    def apply(self, action: Action | None) -> None:
        """Take `action` (None: stay where it is); `undo` reverses it."""
        before, depth = self.end, self.walk.depth
        if action is not None and self.end is None:
            self._take(action)
        self._undo.append((self.walk.depth - depth, before))

    def undo(self) -> None:
        made, self.end = self._undo.pop()
        for _ in range(made):
            self.walk.back()

    def _take(self, action: Action) -> None:
        kind, value = action
        flow_id, node_id = self.at
        step = self.step
        if kind == "missing":
            self.end = End("not_offered", flow_id, node_id, shown(asked(step)), shown(value))
            return
        try:
            if kind == "enter":
                self.walk.enter(value)
            else:
                assert isinstance(step, Question)
                self.walk.choose(next(c for c in step.choices if c.option.label == value))
            self._pass()
        except InvalidInput as exc:
            why = author_words(exc.invalid)
            self.end = End("refused", flow_id, node_id, shown(asked(step)), why)
        except WalkError as exc:
            self.end = End("broken", flow_id, node_id, shown(asked(step)), str(exc))

    def _pass(self) -> None:
        """Go on through `say` and `wait` steps; an outcome ends the side."""
        for _ in range(MAX_PASSES):
            step = self.step
            match step:
                case Say() | Wait():
                    self.walk.proceed()
                case Advice():
                    node = step.node
                    self.end = End("outcome", *self.at, shown(node.title), emergency=node.emergency)
                    return
                case Question() | Input():
                    return
                case _:
                    assert_never(step)
        raise WalkError("the steps go round without asking anything")


def asked(step: Step) -> str:
    """What a step puts to the person, in words."""
    match step:
        case Question() | Advice():
            return asked_text(step.node)
        case Say() | Wait() | Input():
            return asked_text(step)
        case _:
            assert_never(step)
