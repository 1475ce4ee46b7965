"""The Leitner schedule for missed scenarios, with the clock passed in."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from guide.history.store import PracticeResult
from guide.practice.leitner import LEARNED, Card, boxes_lines, due_cards, next_due, schedule


def tried(day: int, score: float, scenario: str = "a", deck: str = "d") -> PracticeResult:
    """A result on 2026-12-`day` at noon (UTC)."""
    return PracticeResult(
        f"2026-12-{day:02d}T12:00:00+00:00", deck, scenario, score, "x", "y", None
    )


def on(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=UTC)


@pytest.mark.parametrize(
    ("results", "box", "due"),
    [
        # a miss: box 1, due the next day
        ([tried(1, 0)], 1, date(2026, 12, 2)),
        # half marks are a miss too
        ([tried(1, 0.5)], 1, date(2026, 12, 2)),
        # a full score after a miss: box 2, two days on
        ([tried(1, 0), tried(2, 1)], 2, date(2026, 12, 4)),
        # and up: box 3 (4 days), box 4 (8 days)
        ([tried(1, 0), tried(2, 1), tried(4, 1)], 3, date(2026, 12, 8)),
        ([tried(1, 0), tried(2, 1), tried(4, 1), tried(8, 1)], 4, date(2026, 12, 16)),
        # a full score in the last box: learned, never due again
        ([tried(1, 0), tried(2, 1), tried(4, 1), tried(8, 1), tried(16, 1)], LEARNED, None),
        # less than full anywhere: back to box 1
        ([tried(1, 0), tried(2, 1), tried(4, 1), tried(8, 0.5)], 1, date(2026, 12, 9)),
    ],
)
def test_a_card_moves_through_the_boxes(
    results: list[PracticeResult], box: int, due: date | None
) -> None:
    assert schedule(results) == {("d", "a"): Card("d", "a", box, due)}


def test_a_scenario_never_missed_is_not_a_card() -> None:
    assert schedule([tried(1, 1), tried(3, 1)]) == {}


def test_what_is_due_depends_on_the_clock_passed_in() -> None:
    cards = schedule([tried(1, 0, "a"), tried(1, 0, "b"), tried(2, 1, "b")]).values()
    assert due_cards(cards, on(1, 23)) == []  # the same day: not yet
    assert [c.scenario for c in due_cards(cards, on(2))] == ["a"]  # b went up to box 2
    assert [c.scenario for c in due_cards(cards, on(4))] == ["a", "b"]  # lowest box first
    assert next_due(cards, on(2)) == date(2026, 12, 4)
    assert next_due(cards, on(4)) is None


def test_progress_shows_what_is_due_and_each_box() -> None:
    cards = list(schedule([tried(1, 0, "a"), tried(1, 0, "b"), tried(2, 1, "b")]).values())
    lines = boxes_lines(cards, on(2))
    assert lines[0] == "Missed scenarios to replay (hangup-guide practice --missed): 1 due now"
    assert "  due: d / a (box 1)" in lines
    assert "  box 1 (every day): 1: a (2026-12-02)" in lines
    assert "  box 2 (every 2 days): 1: b (2026-12-04)" in lines
    assert lines[-2:] == ["  learned: 0", "  next due: 2026-12-04"]
    assert boxes_lines([], on(2)) == ["Missed scenarios: none to replay."]
