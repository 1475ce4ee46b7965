"""The store's check-ins: kept with the walk that reached advice, read back, answered."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from guide.history.checkins import (
    ANSWERS,
    Answer,
    CheckIn,
    Planned,
    asked_again,
    due_at,
    stamp,
)
from guide.history.connection import Connected, checked

_COLUMNS = "session_id, outcome, title, name, every, due, answer, answered, asked"


def plan(db: sqlite3.Connection, session_id: int, planned: Planned, finished: str) -> None:
    """Keep a check-in for a walk that has just reached advice (inside its transaction)."""
    db.execute(
        f"INSERT OR REPLACE INTO check_ins ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0)",
        (
            session_id,
            planned.outcome,
            planned.title,
            planned.name,
            planned.every,
            due_at(finished, planned.every),
        ),
    )


class CheckIns(Connected):
    """The store's check-ins: every method is one query or one transaction."""

    def check_ins(self) -> list[CheckIn]:
        """Every check-in, answered or not, newest walk first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM check_ins ORDER BY session_id DESC"
        ).fetchall()
        return [_check_in(row) for row in rows]

    def check_in(self, session_id: int) -> CheckIn:
        """The walk's check-in; KeyError when it has none."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM check_ins WHERE session_id = ?", (checked(session_id),)
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        return _check_in(row)

    def answer_check_in(self, session_id: int, answer: Answer, now: datetime) -> CheckIn:
        """Keep the answer: "not yet" asks again one interval after `now`; the others
        close it. Returns the check-in as it now stands (KeyError: there is none)."""
        before = self.check_in(session_id)
        with self._transaction() as db:
            if answer == "not-yet":
                db.execute(
                    "UPDATE check_ins SET due = ?, asked = asked + 1 WHERE session_id = ?",
                    (asked_again(before, now), session_id),
                )
            else:
                db.execute(
                    "UPDATE check_ins SET answer = ?, answered = ? WHERE session_id = ?",
                    (answer, stamp(now), session_id),
                )
        return self.check_in(session_id)


def _check_in(row: tuple[object, ...]) -> CheckIn:
    answer = next((a for a in ANSWERS if a == row[6]), None)  # an unknown word: still open
    return CheckIn(
        int(str(row[0])),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        int(str(row[4])),
        str(row[5]),
        answer,
        None if row[7] is None or answer is None else str(row[7]),
        int(str(row[8])),
    )
