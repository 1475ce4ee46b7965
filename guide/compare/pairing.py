"""What the comparison matches across versions: answers, conditions and targets, in words.

Marks (lines and columns) never count: moving a node down the file changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from guide.flow.model import (
    AllOf,
    AnyOf,
    Ask,
    Compute,
    Condition,
    FactIs,
    Goto,
    Input,
    Node,
    NodeKind,
    Not,
    Option,
    Outcome,
    Route,
    Say,
    Wait,
)
from guide.flow.typed import clean


def pair_options(
    old: Sequence[Option], new: Sequence[Option]
) -> list[tuple[Option | None, Option | None]]:
    """Old and new answers of one question side by side: the same label (ignoring case),
    else the same key, else, when exactly one answer is left on each side, that one (a
    reworded answer). An answer with no partner stands alone: added or removed."""
    pairs: list[tuple[Option | None, Option | None]] = []
    left = list(new)
    unmatched: list[Option] = []
    for option in old:
        partner = _partner(option, left)
        if partner is None:
            unmatched.append(option)
            continue
        left.remove(partner)
        pairs.append((option, partner))
    if len(unmatched) == 1 and len(left) == 1:
        pairs.append((unmatched.pop(), left.pop()))
    pairs += [(option, None) for option in unmatched]
    pairs += [(None, option) for option in left]
    return pairs


def _partner(option: Option, candidates: list[Option]) -> Option | None:
    label = option.label.casefold()
    for other in candidates:
        if other.label.casefold() == label:
            return other
    if option.key is not None:
        for other in candidates:
            if other.key == option.key:
                return other
    return None


def condition_text(condition: Condition | None) -> str:
    """A condition in the flow language's own terms, for authors: `intent is accidental`."""
    if condition is None:
        return "always"
    match condition:
        case FactIs():
            return f"{condition.fact} is {' or '.join(condition.values)}"
        case AllOf():
            return "all of (" + "; ".join(condition_text(c) for c in condition.items) + ")"
        case AnyOf():
            return "any of (" + "; ".join(condition_text(c) for c in condition.items) + ")"
        case Not():
            return f"not ({condition_text(condition.item)})"
        case _:
            assert_never(condition)


def kind_of(node: Node) -> NodeKind:
    """The key that makes this node's kind in a flow file."""
    match node:
        case Ask():
            return "ask"
        case Say():
            return "say"
        case Wait():
            return "wait"
        case Input():
            return "input"
        case Route():
            return "route"
        case Goto():
            return "goto"
        case Compute():
            return "compute"
        case Outcome():
            return "outcome"
        case _:
            assert_never(node)


def shown(text: str, width: int = 60) -> str:
    """Flow text on one line, cleaned of control characters, shortened to `width`."""
    line = " ".join(clean(text).split())
    return line if len(line) <= width else line[: width - 1] + "…"
