"""Practice results in the store: one row per scenario practised."""

from __future__ import annotations

import json
from dataclasses import dataclass

from guide.history.connection import Connected


@dataclass(frozen=True, slots=True)
class GivenAnswer:
    """One answer a learner gave on their walk: at which step, what was asked, what they chose."""

    node: str
    asked: str
    answer: str


@dataclass(frozen=True, slots=True)
class PracticeResult:
    """One scenario practised: the score, both outcomes, where the path parted (node id)."""

    at: str
    deck: str
    scenario: str
    score: float
    outcome: str
    expert_outcome: str
    parted_at: str | None
    answers: tuple[GivenAnswer, ...] = ()
    """The learner's answers in order (none for results kept before the store held them)."""
    missed_emergency: bool | None = None
    """The expert's outcome was an emergency and the learner's was not; None when not
    known (a result kept before the store held it)."""


_COLUMNS = (
    "at, deck, scenario, score, outcome, expert_outcome, parted_at, answers, missed_emergency"
)


class Results(Connected):
    """The store's practice part: keeping and reading practice results."""

    def add_result(self, result: PracticeResult) -> None:
        """Keep one practised scenario's result."""
        answers = json.dumps([[a.node, a.asked, a.answer] for a in result.answers])
        missed = None if result.missed_emergency is None else int(result.missed_emergency)
        with self._transaction() as db:
            db.execute(
                f"INSERT INTO practice_results ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    result.at,
                    result.deck,
                    result.scenario,
                    result.score,
                    result.outcome,
                    result.expert_outcome,
                    result.parted_at,
                    answers,
                    missed,
                ),
            )

    def results(self, deck: str | None = None) -> list[PracticeResult]:
        """Practice results, oldest first; of one deck, or all."""
        query = f"SELECT {_COLUMNS} FROM practice_results"
        rows = (
            self._db.execute(query + " WHERE deck = ? ORDER BY id", (deck,))
            if deck
            else self._db.execute(query + " ORDER BY id")
        ).fetchall()
        return [_result(row) for row in rows]


def _result(row: tuple[object, ...]) -> PracticeResult:
    *first, answers, missed = row
    at, deck, scenario, score, outcome, expert_outcome, parted_at = first
    return PracticeResult(
        str(at),
        str(deck),
        str(scenario),
        float(score),  # type: ignore[arg-type]  # a REAL column
        str(outcome),
        str(expert_outcome),
        None if parted_at is None else str(parted_at),
        _answers(answers),
        None if missed is None else bool(missed),
    )


def _answers(text: object) -> tuple[GivenAnswer, ...]:
    """The answers column read back; what is not three texts each is left out."""
    try:
        items = json.loads(str(text))
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(
        GivenAnswer(*item)
        for item in items
        if isinstance(item, list) and len(item) == 3 and all(isinstance(i, str) for i in item)
    )
