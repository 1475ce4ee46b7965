"""Saved-walk events, and the one fold that gives the walk as it stands after them.

A walk is saved as a list of changes: moves (choose, enter, proceed, escape) and
the two undoing changes (back, restart). Everything that reads a walk back (the
step count in history, the transcript, export, stats) folds that list with
`fold`, so "back takes one answer away, restart takes them all" is written once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

__all__ = [
    "KINDS",
    "MOVES",
    "Answered",
    "Event",
    "Folded",
    "Kind",
    "MoveKind",
    "Standing",
    "fold",
    "kind_of",
    "steps_of",
    "transcript",
]

MoveKind: TypeAlias = Literal["choose", "enter", "proceed", "escape"]
"""A change that answers a step and moves the walk on."""
Kind: TypeAlias = Literal["choose", "enter", "proceed", "escape", "back", "restart"]
"""Every change a saved walk can hold."""
MOVES: frozenset[MoveKind] = frozenset(get_args(MoveKind))
KINDS: frozenset[Kind] = frozenset(get_args(Kind))
WENT_ON = "(went on)"


@dataclass(frozen=True, slots=True)
class Event:
    """One saved change: a move (choose, enter, proceed, escape), back, or restart.

    `flow_id` and `node` tell where the walk stands after the change; `asked` is the
    step the move answered (for back: the step returned to)."""

    seq: int
    at: str
    kind: Kind
    value: str = ""
    label: str = ""
    asked: str = ""
    flow_id: str = ""
    node: str = ""


def kind_of(text: str) -> Kind | None:
    """The kind a stored word names; None for one this version does not know."""
    for kind in KINDS:
        if kind == text:
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Standing:
    """One answer that stands: its move, and the flow of the step it answered
    (the last flow an earlier event named; "" before any did: the walk's own flow)."""

    event: Event
    flow: str


@dataclass(frozen=True, slots=True)
class Folded:
    """The walk as it stands after its saved changes."""

    standing: tuple[Standing, ...]
    taken_back: int
    """How many answers a `back` took away (a back with nothing to take counts none)."""

    @property
    def steps(self) -> int:
        return len(self.standing)


def fold(events: Iterable[Event]) -> Folded:
    """Replay the changes on a list of answers: a move adds one, back takes the last
    away (none at the first step), restart takes them all."""
    standing: list[Standing] = []
    taken_back = 0
    flow = ""
    for event in events:
        if event.kind == "back":
            if standing:
                standing.pop()
                taken_back += 1
        elif event.kind == "restart":
            standing.clear()
        else:
            standing.append(Standing(event, flow))
        flow = event.flow_id or flow
    return Folded(tuple(standing), taken_back)


def steps_of(events: Iterable[Event]) -> int:
    """How many answers stand after these events."""
    return fold(events).steps


@dataclass(frozen=True, slots=True)
class Answered:
    """One step of a saved walk as it stands: what was asked, what was answered."""

    asked: str
    answer: str
    kind: Kind


def transcript(events: Iterable[Event]) -> tuple[list[Answered], int]:
    """The walk as it stands after its saved changes, and how many answers were changed."""
    folded = fold(events)
    answered = [
        Answered(e.asked, e.label or (WENT_ON if e.kind == "proceed" else e.value), e.kind)
        for e in (s.event for s in folded.standing)
    ]
    return answered, folded.taken_back
