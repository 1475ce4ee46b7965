"""The walk through a flow: typed steps out, answers in.

`Walk.current` is what to show: a `Question`, a `Say`, a `Wait`, an `Input`, or
`Advice` at the end. A face (the TUI, `--plain`, tests) renders it and hands
back a reply. Routes and links are passed through here and never shown. Every
move is recorded, so back, restart, "why?" and replaying a saved walk all come
from one list.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import assert_never

from guide.flow import offer
from guide.flow.crisis import crisis
from guide.flow.frames import Frame, choices, in_escape_branch, settle
from guide.flow.match import Choice
from guide.flow.model import (
    Ask,
    Compute,
    Facts,
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
from guide.flow.refusals import InvalidInput
from guide.flow.steps import (
    LEFT_EMPTY,
    Advice,
    Change,
    FlowResolver,
    Listener,
    Move,
    Question,
    Reason,
    Reply,
    Step,
    WalkError,
    Why,
    asked_text,
    help_text,
)
from guide.flow.template import fill
from guide.flow.typed import MAX_INPUT, MAX_REPLY, clean, parse_input


class Walk:
    """One person's way through a flow (a plain class: see `guide.flow.records`).

    A reply that does not fit comes back as a `Reply` saying why; only a flow that is
    broken underneath (a link to a missing flow, routes that loop) raises `WalkError`.
    """

    def __init__(
        self,
        flow: Flow,
        resolve: FlowResolver | None = None,
        listener: Listener | None = None,
        start: str | None = None,
        given: Facts | None = None,
    ) -> None:
        self.flow = flow
        self.resolve = resolve
        """Finds another flow by id, for `other-flow:node` links."""
        self.listener = listener
        """Told of every change the person makes (a move, "back", "restart"), after it
        happened: how a walk is saved as it goes, without the engine doing any I/O."""
        self.start = start
        """Begin at this node instead of the flow's `start` (a trainer's "start anywhere")."""
        self.given: Facts = MappingProxyType({}) if given is None else given
        """Facts known before the first step, for a walk that begins part-way."""
        self._moves: list[Move] = []
        self._offered: offer.Offer | None = None
        self._frames: list[Frame] = [self._first()]

    def _first(self) -> Frame:
        node = self.start or self.flow.start
        if node not in self.flow.nodes:
            raise WalkError(f"flow `{self.flow.id}` has no node `{node}`")
        return settle(self.flow, Target(node), MappingProxyType(dict(self.given)), self.resolve)

    # --- what is shown ----------------------------------------------------------------

    @property
    def current(self) -> Step:
        frame = self._frames[-1]
        node = frame.node
        match node:
            case Ask():
                return Question(node, choices(frame, node))
            case Outcome():
                words = (node.script, node.text, node.title, node.why)
                return Advice(node, *(fill(w, frame.facts) for w in words))
            case Say() | Wait() | Input():
                return node
            case Route() | Goto() | Compute():  # pragma: no cover - settle never stops here
                raise WalkError(f"the walk stopped at `{node.id}`, which is never shown")
            case _:
                assert_never(node)

    @property
    def current_flow(self) -> Flow:
        return self._frames[-1].flow

    @property
    def facts(self) -> Facts:
        return self._frames[-1].facts

    @property
    def finished(self) -> bool:
        return isinstance(self._frames[-1].node, Outcome)

    @property
    def moves(self) -> tuple[Move, ...]:
        """Every move so far, in order: enough to replay this walk."""
        return tuple(self._moves)

    @property
    def depth(self) -> int:
        """How many steps were taken (0 at the first step)."""
        return len(self._moves)

    def path(self) -> list[tuple[str, str, Move | None]]:
        """(flow id, node id, the move made there) for every step, the current one last."""
        moves: list[Move | None] = [*self._moves, None]
        return [(f.flow.id, f.node.id, m) for f, m in zip(self._frames, moves, strict=True)]

    def visited(self) -> list[tuple[Flow, Node, Move | None]]:
        """Every step shown so far (flow, node, the move made there), the current one last."""
        moves: list[Move | None] = [*self._moves, None]
        return [(f.flow, f.node, m) for f, m in zip(self._frames, moves, strict=True)]

    def trail(self) -> list[tuple[str, str, Move | None]]:
        """Every node gone through, in order (flow id, node id, the move made there): the
        steps shown and the routes, links and calculations passed on the way between
        them (with None, as has the current step)."""
        moves: list[Move | None] = [*self._moves, None]
        gone: list[tuple[str, str, Move | None]] = []
        for frame, move in zip(self._frames, moves, strict=True):
            gone += [(flow_id, node_id, None) for flow_id, node_id in frame.passed]
            gone.append((frame.flow.id, frame.node.id, move))
        return gone

    def passed_through(self) -> list[tuple[str, str]]:
        """(flow id, node id) of every route, link and calculation the walk went through."""
        return [step for frame in self._frames for step in frame.passed]

    def why(self) -> Why:
        trail = tuple(
            Reason(asked_text(frame.node), move.label)
            for frame, move in zip(self._frames, self._moves, strict=False)
            if move.kind != "proceed"
        )
        return Why(trail, self.facts, help_text(self._frames[-1].node))

    # --- moving -----------------------------------------------------------------------

    def restart(self) -> None:
        self._frames = [self._first()]
        self._moves = []
        self._tell(Change("restart"))

    def back(self) -> bool:
        """Undo the last move; False when already at the first step."""
        if not self._moves:
            return False
        asked = self._frames[-2].node
        self._frames.pop()
        self._moves.pop()
        self._tell(Change("back", asked=asked_text(asked)))
        return True

    def choose(self, choice: Choice) -> None:
        """Pick one of the current question's choices."""
        question = self.current
        if not isinstance(question, Question) or choice not in question.choices:
            raise WalkError("that choice is not offered at this step")
        option = choice.option
        facts = MappingProxyType({**self.facts, **option.sets})
        self._advance(option.next, facts, Move("choose", choice.handle, option.label))

    def escape(self) -> bool:
        """Take the flow's first escape (the emergency exit) from wherever the walk is."""
        flow = self.current_flow
        if not flow.escape:
            return False
        option = flow.escape[0]
        facts = MappingProxyType({**self.facts, **option.sets})
        self._advance(option.next, facts, Move("escape", option.key or "", option.label))
        return True

    def enter(self, value: str) -> None:
        """Give the current `input` its value; raises `InvalidInput` with a reason."""
        node = self.current
        if not isinstance(node, Input):
            raise WalkError("this step does not ask for a value")
        value = clean(value).strip()[:MAX_INPUT]
        stored = parse_input(node, value)
        facts = dict(self.facts)
        if stored is None:
            facts.pop(node.fact, None)
        else:
            facts[node.fact] = stored
        self._advance(node.next, MappingProxyType(facts), Move("enter", value, value or LEFT_EMPTY))

    def proceed(self) -> None:
        """Go on from a `say` or a `wait` (the timer ran out or was skipped)."""
        node = self.current
        if not isinstance(node, (Say, Wait)):
            raise WalkError("this step needs an answer")
        self._advance(node.next, self.facts, Move("proceed"))

    def reply(self, text: str) -> Reply:
        """Typed text for the current step: a choice, a value, or anything to go on.

        Words of danger ("she took pills", "he can't go on") take the flow's escape
        before anything else is tried, at a question, an input or a step to go on from.
        """
        urgent = self._urgent(text)
        if urgent is not None:
            return urgent
        step = self.current
        match step:
            case Question():
                return self._answer(step, clean(text))
            case Input():
                try:
                    self.enter(text)
                except InvalidInput as exc:
                    return Reply(False, (), exc.invalid)
            case Say() | Wait():
                self.proceed()
            case Advice():
                return Reply(False, (), "finished")
            case _:
                assert_never(step)
        return Reply(True)

    def _answer(self, question: Question, text: str) -> Reply:
        """Match typed words against the question's choices and take a clear pick."""
        if not text.strip():
            return Reply(False, (), "empty")
        if len(text) > MAX_REPLY:
            return Reply(False, (), "too_long")
        found, self._offered = offer.answer(self._offered, self._frames[-1], text, question)
        if found is None:  # "no" to the one answer offered back
            return Reply(False, (), "not_that")
        if found.picked is None and found.suggestions:
            return Reply(False, found.suggestions, "did_you_mean")
        if found.picked is None:
            return Reply(False, (), "no_match")
        try:
            self.choose(found.picked)
        except InvalidInput as exc:
            return Reply(False, (), exc.invalid)
        return Reply(True)

    # --- inside ---------------------------------------------------------------------

    def _urgent(self, text: str) -> Reply | None:
        """Take the escape for words of danger; None when they are not, or when the
        walk is already inside the escape's own branch (or the flow has none)."""
        step = self.current
        if isinstance(step, Advice) or not self.current_flow.escape:
            return None
        category = crisis(clean(text))
        if category is None:
            return None
        match step:
            case Question():
                offered = next((c for c in step.choices if c.option.is_escape), None)
                if offered is None:  # a question inside the escape's branch hides it
                    return None
                self.choose(offered)
            case Say() | Wait() | Input():
                if in_escape_branch(self._frames[-1]):
                    return None
                self.escape()
            case _:
                assert_never(step)
        return Reply(True, urgent=category)

    def _advance(self, target: Target, facts: Facts, move: Move) -> None:
        asked = asked_text(self._frames[-1].node)
        frame = settle(self.current_flow, target, facts, self.resolve)
        self._frames.append(frame)
        self._moves.append(move)
        self._tell(Change(move.kind, move, asked))

    def _tell(self, change: Change) -> None:
        self._offered = None
        if self.listener is not None:
            self.listener(change, self)
