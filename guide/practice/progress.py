"""Practice progress from saved results: done, scores over time, the steps most often missed."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from guide.history.store import PracticeResult


@dataclass(frozen=True, slots=True)
class DeckProgress:
    deck: str
    scenarios_done: int
    """Different scenarios practised at least once."""
    attempts: int
    by_week: tuple[tuple[str, float, int], ...]
    """(ISO week such as 2026-W47, average score 0..1, attempts), oldest first."""
    missed: tuple[tuple[str, int], ...]
    """(step where paths parted, how often), most often first."""


def summarise(results: list[PracticeResult]) -> list[DeckProgress]:
    by_deck: dict[str, list[PracticeResult]] = defaultdict(list)
    for result in results:
        by_deck[result.deck].append(result)
    return [_deck(deck, rows) for deck, rows in sorted(by_deck.items())]


def _deck(deck: str, rows: list[PracticeResult]) -> DeckProgress:
    weeks: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        year, week, _ = datetime.fromisoformat(row.at).isocalendar()
        weeks[f"{year}-W{week:02d}"].append(row.score)
    by_week = tuple((w, sum(s) / len(s), len(s)) for w, s in sorted(weeks.items()))
    missed = Counter(row.parted_at for row in rows if row.parted_at)
    return DeckProgress(
        deck, len({r.scenario for r in rows}), len(rows), by_week, tuple(missed.most_common(5))
    )


def _counted(number: int, thing: str) -> str:
    """ "1 scenario", "4 scenarios" (this summary is in English, like the other commands')."""
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def progress_lines(progress: list[DeckProgress]) -> list[str]:
    """The summary as plain text."""
    if not progress:
        return ["No practice yet. Try: hangup-guide practice"]
    lines: list[str] = []
    for deck in progress:
        done = _counted(deck.scenarios_done, "scenario")
        lines.append(f"{deck.deck}: {done} done, {_counted(deck.attempts, 'attempt')}")
        for week, score, count in deck.by_week:
            lines.append(f"  {week}: {score:.0%} average over {count}")
        if deck.missed:
            lines.append(
                "  steps most often missed: " + ", ".join(f"{n} ({c}x)" for n, c in deck.missed)
            )
    return lines
