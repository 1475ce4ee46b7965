"""The walk through a flow: typed steps out, answers in.

`Walk.current` is what to show: a `Question`, a `Say`, a `Wait`, an `Input`, or
`Advice` at the end. A face (the TUI, `--plain`, tests) renders it and hands
back a reply. Routes and links are passed through here and never shown. Every
move is recorded, so back, restart, "why?" and replaying a saved walk all come
from one list.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias

from guide.flow import compute
from guide.flow.conditions import holds
from guide.flow.crisis import crisis
from guide.flow.lexicon import Category
from guide.flow.match import Choice, Match, match
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
from guide.flow.refusals import Invalid, InvalidInput, Refusal, Unfit
from guide.flow.startpoints import branch
from guide.flow.template import fill
from guide.flow.yamltree import CONTROL

MAX_INPUT = 200
"""Longest value an `input` keeps, in characters (a name, a number)."""
MAX_PASSES = 100_000
"""Routes, links and calculations passed between two shown steps before the walk gives up
(a loop is caught sooner, on its second round; this bounds calculations that never settle)."""
MAX_REPLY = 500
"""Longest typed answer matched against the choices: an answer is a few words, and fuzzy
matching a pasted megabyte took ten seconds."""
SURROGATES = re.compile("[\ud800-\udfff]")
"""Lone surrogates: undecodable bytes read with `surrogateescape`; no file, terminal or
database takes them."""

LEFT_EMPTY = "(left empty)"
"""The saved label of an input left empty: a marker in the record (the history's
statistics count it), not words for a person."""

FlowResolver: TypeAlias = Callable[[str], Flow | None]


class WalkError(Exception):
    """The walk cannot go on (a link to a missing flow, a route that loops)."""


@dataclass(frozen=True, slots=True)
class Question:
    """An `ask` node as offered now: only the options whose `when` holds, then escapes."""

    node: Ask
    choices: tuple[Choice, ...]

    @property
    def text(self) -> str:
        return self.node.text


@dataclass(frozen=True, slots=True)
class Advice:
    """An outcome with its script and message filled in from the facts."""

    node: Outcome
    script: str
    text: str


Step: TypeAlias = Question | Say | Wait | Input | Advice


@dataclass(frozen=True, slots=True)
class Move:
    """One thing the person did: chose an option, entered a value, or went on."""

    kind: Literal["choose", "enter", "proceed", "escape"]
    value: str = ""
    """The option's handle for `choose` (e.g. "2" or "!"), the text for `enter`."""
    label: str = ""
    """What the person saw as their answer, for transcripts and "why?"."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a listener hears: a move made, or "back" or "restart"."""

    kind: Literal["choose", "enter", "proceed", "escape", "back", "restart"]
    move: Move | None = None
    asked: str = ""
    """The step the move answered, in words (for "back": the step returned to)."""


Listener: TypeAlias = Callable[[Change, "Walk"], None]


@dataclass(frozen=True, slots=True)
class _Frame:
    flow: Flow
    node: Node
    facts: Facts
    passed: tuple[tuple[str, str], ...] = ()
    """(flow id, node id) of the routes, links and calculations passed to get here."""


@dataclass(frozen=True, slots=True)
class Reply:
    """What became of a typed reply: accepted, or why not and what might fit."""

    accepted: bool
    suggestions: tuple[Choice, ...] = ()
    reason: Refusal | None = None
    """Why not, when not accepted (None when accepted)."""
    urgent: Category | None = None
    """The kind of danger the words spoke of, when they took the emergency exit at
    once (see `guide.flow.crisis`); a face adds one calm line for it."""


@dataclass(frozen=True, slots=True)
class Reason:
    """One answered step on the way here, in plain words."""

    asked: str
    answered: str


@dataclass(frozen=True, slots=True)
class Why:
    """Why the current step is asked: the answers so far, the facts, the help text."""

    trail: tuple[Reason, ...]
    facts: Facts
    help: str


def clean(text: str) -> str:
    """Text typed or pasted by a person, with control and escape characters and lone
    surrogates removed."""
    text = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?", "", text)
    return SURROGATES.sub("", CONTROL.sub("", text))


@dataclass
class Walk:
    """One person's way through a flow.

    A reply that does not fit comes back as a `Reply` saying why; only a flow
    that is broken underneath (a link to a missing flow, routes that loop)
    raises `WalkError`.
    """

    flow: Flow
    resolve: FlowResolver | None = None
    """Finds another flow by id, for `other-flow:node` links."""
    listener: Listener | None = None
    """Told of every change the person makes (a move, "back", "restart"), after
    it happened: this is how a walk is saved as it goes, without the engine
    doing any I/O itself."""
    start: str | None = None
    """Begin at this node instead of the flow's `start` (a trainer's "start anywhere")."""
    given: Facts = field(default_factory=lambda: MappingProxyType({}))
    """Facts known before the first step, for a walk that begins part-way."""
    _frames: list[_Frame] = field(default_factory=list, init=False)
    _moves: list[Move] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._frames = [self._first()]

    def _first(self) -> _Frame:
        node = self.start or self.flow.start
        if node not in self.flow.nodes:
            raise WalkError(f"flow `{self.flow.id}` has no node `{node}`")
        return self._settle(self.flow, Target(node), MappingProxyType(dict(self.given)))

    # --- what is shown ----------------------------------------------------------------

    @property
    def current(self) -> Step:
        frame = self._frames[-1]
        node = frame.node
        if isinstance(node, Ask):
            return Question(node, self._choices(frame))
        if isinstance(node, Outcome):
            return Advice(node, fill(node.script, frame.facts), fill(node.text, frame.facts))
        assert isinstance(node, (Say, Wait, Input))
        return node

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
        node = self._frames[-1].node
        return Why(trail, self.facts, getattr(node, "help", ""))

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
        stored = _parse_input(node, value)
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
        step = self.current
        urgent = self._urgent(text)
        if urgent is not None:
            return urgent
        if isinstance(step, Question):
            text = clean(text)
            if not text.strip():
                return Reply(False, (), "empty")
            if len(text) > MAX_REPLY:
                return Reply(False, (), "too_long")
            found: Match = match(text, step.choices)
            if found.picked is None and found.suggestions:
                return Reply(False, found.suggestions, "did_you_mean")
            if found.picked is None:
                return Reply(False, (), "no_match")
            try:
                self.choose(found.picked)
            except InvalidInput as exc:
                return Reply(False, (), exc.invalid)
        elif isinstance(step, Input):
            try:
                self.enter(text)
            except InvalidInput as exc:
                return Reply(False, (), exc.invalid)
        elif isinstance(step, (Say, Wait)):
            self.proceed()
        else:
            return Reply(False, (), "finished")
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
        if isinstance(step, Question):
            offered = next((c for c in step.choices if c.option.is_escape), None)
            if offered is None:  # a question inside the escape's branch hides it
                return None
            self.choose(offered)
        elif self._in_escape_branch():
            return None
        else:
            self.escape()
        return Reply(True, urgent=category)

    def _in_escape_branch(self) -> bool:
        flow = self.current_flow
        node = self._frames[-1].node.id
        starts = [o.next.node for o in flow.escape if o.next.flow in (None, flow.id)]
        return any(node in branch(flow, start) for start in starts)

    def _choices(self, frame: _Frame) -> tuple[Choice, ...]:
        node = frame.node
        assert isinstance(node, Ask)
        shown = [o for o in node.options if holds(o.when, frame.facts)]
        choices = [Choice(o, i, o.key) for i, o in enumerate(shown, 1)]
        if node.offers_escape:
            number = len(shown)
            for option in frame.flow.escape:
                if holds(option.when, frame.facts):
                    number += option.key is None
                    choices.append(Choice(option, None if option.key else number, option.key))
        return tuple(choices)

    def _advance(self, target: Target, facts: Facts, move: Move) -> None:
        asked = asked_text(self._frames[-1].node)
        frame = self._settle(self.current_flow, target, facts)
        self._frames.append(frame)
        self._moves.append(move)
        self._tell(Change(move.kind, move, asked))

    def _tell(self, change: Change) -> None:
        if self.listener is not None:
            self.listener(change, self)

    def _settle(self, flow: Flow, target: Target, facts: Facts) -> _Frame:
        """Follow routes and links from `target` to the next node that is shown."""
        passed: list[tuple[str, str]] = []
        seen: set[tuple[str, str, frozenset[tuple[str, str]]]] = set()
        for _ in range(MAX_PASSES):
            if target.flow and target.flow != flow.id:
                other = self.resolve(target.flow) if self.resolve else None
                if other is None:
                    raise WalkError(f"the flow `{target.flow}` is not available")
                flow = other
            node = flow.nodes.get(target.node)
            if node is None:
                raise WalkError(f"flow `{flow.id}` has no node `{target.node}`")
            if isinstance(node, (Route, Compute, Goto)):
                # The same node again with the same facts: it will go the same way forever.
                state = (flow.id, node.id, frozenset(facts.items()))
                if state in seen:
                    break
                seen.add(state)
                passed.append((flow.id, node.id))
            if isinstance(node, Route):
                target = next(b.next for b in node.branches if holds(b.when, facts))
            elif isinstance(node, Compute):
                try:
                    results = compute.run(node.function, node.inputs, facts, node.fact)
                except compute.ComputeError as exc:
                    raise InvalidInput(Invalid("compute", str(exc))) from None
                facts = MappingProxyType({**facts, **results})
                target = node.next
            elif isinstance(node, Goto):
                target = node.target
            else:
                return _Frame(flow, node, facts, tuple(passed))
        raise WalkError("the routes of this flow go round in a loop without asking anything")


def asked_text(node: Node) -> str:
    """What a step put to the person, for the "why?" trail."""
    if isinstance(node, Outcome):
        return node.title
    if isinstance(node, (Ask, Input, Say, Wait)):
        return node.text or node.id
    return node.id


def _parse_input(node: Input, value: str) -> str | None:
    """The value to store as text, None to leave the fact unset, or `InvalidInput`."""
    if not value:
        if node.required:
            raise InvalidInput(Invalid("required"))
        return None
    if node.type == "text":
        return value
    digits = value.replace(",", "").replace("_", "").replace(" ", "")
    try:
        number = float(digits) if node.type == "number" else int(digits)
    except ValueError:
        wanted: Unfit = "number" if node.type == "number" else "whole_number"
        raise InvalidInput(Invalid(wanted)) from None
    if not math.isfinite(number):
        raise InvalidInput(Invalid("finite"))
    if node.minimum is not None and number < node.minimum:
        raise InvalidInput(Invalid("at_least", f"{node.minimum:g}"))
    if node.maximum is not None and number > node.maximum:
        raise InvalidInput(Invalid("at_most", f"{node.maximum:g}"))
    if isinstance(number, float) and not (number.is_integer() and abs(number) < 1e15):
        return repr(number)
    return str(int(number))


def replay(walk: Walk, moves: list[Move] | tuple[Move, ...], from_here: bool = False) -> int:
    """Apply saved moves from the first step (or, `from_here`, from where the walk
    stands) as far as they still fit; returns how many did."""
    if walk.depth and not from_here:
        walk.restart()
    for done, move in enumerate(moves):
        try:
            if move.kind == "proceed":
                walk.proceed()
            elif move.kind == "enter":
                walk.enter(move.value)
            elif move.kind == "escape":
                walk.escape()
            else:
                step = walk.current
                if not isinstance(step, Question):
                    return done
                # The answer as it was seen (its label), not its number: on a changed
                # flow the numbers may point at other answers.
                choice = next(c for c in step.choices if c.option.label == move.label)
                walk.choose(choice)
        except (WalkError, InvalidInput, StopIteration):
            return done
    return len(moves)
