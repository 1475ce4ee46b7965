"""Replaying missed scenarios, spaced out over days: a simple Leitner schedule. Pure; the
clock is passed in.

A scenario scored below 1 goes into box 1. Each box has an interval in days
(`INTERVALS`: 1, 2, 4, 8): a card is due that many days after its last attempt. A full
score moves it up one box; anything less sends it back to box 1. A full score in the
last box takes it out of the boxes: learned. Scenarios never scored below 1 are not
cards at all. Every attempt counts, in a `--missed` round or any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from guide.history.store import PracticeResult

INTERVALS: tuple[int, ...] = (1, 2, 4, 8)
"""Days to wait in box 1, 2, 3, 4."""
LEARNED = len(INTERVALS) + 1
"""The box of a card that left the last box with a full score."""


@dataclass(frozen=True, slots=True)
class Card:
    """A missed scenario in the boxes."""

    deck: str
    scenario: str
    box: int
    """1..len(INTERVALS), or LEARNED."""
    due: date | None
    """The day it is next due (its last attempt's day plus its box's interval); None once
    learned."""


def schedule(results: Iterable[PracticeResult]) -> dict[tuple[str, str], Card]:
    """Every card, by (deck, scenario), from the results oldest first."""
    cards: dict[tuple[str, str], Card] = {}
    for result in results:
        key = (result.deck, result.scenario)
        card = cards.get(key)
        if card is None and result.score >= 1:
            continue  # never missed: not a card
        if result.score < 1:
            box = 1
        else:
            assert card is not None
            box = min(card.box + 1, LEARNED)
        day = _day(result.at)
        due = None if box == LEARNED else day + timedelta(days=INTERVALS[box - 1])
        cards[key] = Card(result.deck, result.scenario, box, due)
    return cards


def _day(at: str) -> date:
    """The day of a stored time (UTC)."""
    return datetime.fromisoformat(at).date()


def due_cards(cards: Iterable[Card], now: datetime) -> list[Card]:
    """The cards due on `now`'s day or before, the lowest box (most often missed) first."""
    today = now.date()
    due = [c for c in cards if c.due is not None and c.due <= today]
    return sorted(due, key=lambda c: (c.box, c.due or today, c.deck, c.scenario))


def next_due(cards: Iterable[Card], now: datetime) -> date | None:
    """The first day after `now`'s on which a card is due; None when none is waiting."""
    later = [c.due for c in cards if c.due is not None and c.due > now.date()]
    return min(later, default=None)


def boxes_lines(cards: Sequence[Card], now: datetime) -> list[str]:
    """`practice --progress`'s part on missed scenarios: what is due, and each box."""
    if not cards:
        return ["Missed scenarios: none to replay."]
    due = due_cards(cards, now)
    lines = [f"Missed scenarios to replay (hangup-guide practice --missed): {len(due)} due now"]
    for card in due:
        lines.append(f"  due: {card.deck} / {card.scenario} (box {card.box})")
    for box, days in enumerate(INTERVALS, 1):
        inside = [c for c in cards if c.box == box]
        every = "every day" if days == 1 else f"every {days} days"
        names = ", ".join(f"{c.scenario} ({c.due})" for c in inside)
        lines.append(f"  box {box} ({every}): {len(inside)}" + (f": {names}" if names else ""))
    learned = sum(c.box == LEARNED for c in cards)
    lines.append(f"  learned: {learned}")
    upcoming = next_due(cards, now)
    if upcoming is not None:
        lines.append(f"  next due: {upcoming.isoformat()}")
    return lines
