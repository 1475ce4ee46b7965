"""Practice results in the store: one row per scenario practised."""

from __future__ import annotations

from dataclasses import dataclass

from guide.history.connection import Connected


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


class Results(Connected):
    """The store's practice part: keeping and reading practice results."""

    def add_result(self, result: PracticeResult) -> None:
        """Keep one practised scenario's result."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO practice_results (at, deck, scenario, score, outcome, expert_outcome,"
                " parted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    result.at,
                    result.deck,
                    result.scenario,
                    result.score,
                    result.outcome,
                    result.expert_outcome,
                    result.parted_at,
                ),
            )

    def results(self, deck: str | None = None) -> list[PracticeResult]:
        """Practice results, oldest first; of one deck, or all."""
        query = (
            "SELECT at, deck, scenario, score, outcome, expert_outcome, parted_at"
            " FROM practice_results"
        )
        rows = (
            self._db.execute(query + " WHERE deck = ? ORDER BY id", (deck,))
            if deck
            else self._db.execute(query + " ORDER BY id")
        ).fetchall()
        return [PracticeResult(*row) for row in rows]
