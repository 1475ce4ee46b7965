"""Replaying saved moves on a walk, as far as they still fit the flow."""

from __future__ import annotations

from guide.flow.engine import Walk
from guide.flow.refusals import InvalidInput
from guide.flow.steps import Move, Question, WalkError


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
