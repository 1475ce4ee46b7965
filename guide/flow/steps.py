"""What a walk shows and hears: typed steps out, moves and replies in, changes told."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeAlias, assert_never

from guide.flow.lexicon import Category
from guide.flow.match import Choice
from guide.flow.model import Ask, Compute, Facts, Flow, Goto, Input, Node, Outcome, Route, Say, Wait
from guide.flow.records import record
from guide.flow.refusals import Refusal

if TYPE_CHECKING:
    from guide.flow.engine import Walk

LEFT_EMPTY = "(left empty)"
"""The saved label of an input left empty: a marker in the record (the history's
statistics count it), not words for a person."""

FlowResolver: TypeAlias = Callable[[str], Flow | None]


class WalkError(Exception):
    """The walk cannot go on (a link to a missing flow, a route that loops)."""


@record
class Question:
    """An `ask` node as offered now: only the options whose `when` holds, then escapes."""

    node: Ask
    choices: tuple[Choice, ...]

    @property
    def text(self) -> str:
        return self.node.text


@record
class Advice:
    """An outcome with its words filled in from the facts: the script and message, and
    the title and why (a figure the walk worked out, such as an abandonment rate)."""

    node: Outcome
    script: str
    text: str
    title: str
    why: str


Step: TypeAlias = Question | Say | Wait | Input | Advice
"""Every kind of step a face shows: a branch on it is a `match` ending in `assert_never`."""


@record
class Move:
    """One thing the person did: chose an option, entered a value, or went on."""

    kind: Literal["choose", "enter", "proceed", "escape"]
    value: str = ""
    """The option's handle for `choose` (e.g. "2" or "!"), the text for `enter`."""
    label: str = ""
    """What the person saw as their answer, for transcripts and "why?"."""


@record
class Change:
    """What a listener hears: a move made, or "back" or "restart"."""

    kind: Literal["choose", "enter", "proceed", "escape", "back", "restart"]
    move: Move | None = None
    asked: str = ""
    """The step the move answered, in words (for "back": the step returned to)."""


Listener: TypeAlias = Callable[[Change, "Walk"], None]


@record
class Reply:
    """What became of a typed reply: accepted, or why not and what might fit."""

    accepted: bool
    suggestions: tuple[Choice, ...] = ()
    reason: Refusal | None = None
    """Why not, when not accepted (None when accepted)."""
    urgent: Category | None = None
    """The kind of danger the words spoke of, when they took the emergency exit at
    once (see `guide.flow.crisis`); a face adds one calm line for it."""


@record
class Reason:
    """One answered step on the way here, in plain words."""

    asked: str
    answered: str


@record
class Why:
    """Why the current step is asked: the answers so far, the facts, the help text."""

    trail: tuple[Reason, ...]
    facts: Facts
    help: str


def asked_text(node: Node) -> str:
    """What a step put to the person, for the "why?" trail."""
    match node:
        case Outcome():
            return node.title
        case Ask() | Input() | Say() | Wait():
            return node.text or node.id
        case Route() | Goto() | Compute():
            return node.id
        case _:
            assert_never(node)


def help_text(node: Node) -> str:
    """The help a step offers under "why?" (only questions and inputs have any)."""
    match node:
        case Ask() | Input():
            return node.help
        case Say() | Wait() | Route() | Goto() | Compute() | Outcome():
            return ""
        case _:
            assert_never(node)
