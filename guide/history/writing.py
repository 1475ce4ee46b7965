"""Writing walks to the store: starting, recording each change, forking, notes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from guide.history.checkin_store import plan
from guide.history.checkins import Planned
from guide.history.connection import Connected, checked, now
from guide.history.events import Event
from guide.history.problems import NOTE_EFFECT, StoreUnavailable, unwritable


class Writing(Connected):
    """The store's writing half: every method is one transaction."""

    def start(self, flow_id: str, flow_title: str, flow_path: str, flow_digest: str) -> int:
        """A new walk, owned by this copy; returns its id."""
        stamp = now()
        return self._insert_owned(
            lambda db, owner: _inserted(
                db.execute(
                    "INSERT INTO sessions (started, updated, flow_id, flow_title, flow_path,"
                    " flow_digest, owner) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (stamp, stamp, flow_id, flow_title, flow_path, flow_digest, owner),
                ),
                flow_id,
            )
        )

    def _insert_owned(self, insert: Callable[[sqlite3.Connection, str], int]) -> int:
        """Write a new walk, in one transaction, owned by a token whose lock is taken
        first: no other copy can see the record before its owner holds it."""
        try:
            owner, lock = self.owners.lock_new()
        except OSError as exc:
            raise StoreUnavailable(unwritable(self.path, exc)) from None
        try:
            with self._transaction() as db:
                fresh = insert(db, owner)
        except BaseException:
            lock.release()
            raise
        self.owners.keep(fresh, lock)
        return fresh

    def record(
        self,
        session_id: int,
        event: Event,
        finished: bool,
        outcome: str | None,
        outcome_json: str | None,
        *,
        check_in: Planned | None = None,
    ) -> None:
        """Save one change and where the walk now stands, in one transaction; with the
        check-in to keep when it has just reached advice that asks for one."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO events (session_id, seq, at, kind, value, label, asked, flow_id, node)"
                " VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE session_id = ?),"
                " ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    session_id,
                    event.at,
                    event.kind,
                    event.value,
                    event.label,
                    event.asked,
                    event.flow_id,
                    event.node,
                ),
            )
            db.execute(
                "UPDATE sessions SET updated = ?, finished = ?, outcome = ?, outcome_json = ?"
                " WHERE id = ?",
                (event.at, int(finished), outcome, outcome_json, session_id),
            )
            if finished and check_in is not None:
                plan(db, session_id, check_in, event.at)

    def fork(self, session_id: int) -> int:
        """A new, unfinished walk holding a copy of this one's changes: the person goes
        back from advice they were given, and that record must stay as it was."""
        stamp = now()

        def copy(db: sqlite3.Connection, owner: str) -> int:
            fresh = _inserted(
                db.execute(
                    "INSERT INTO sessions (started, updated, flow_id, flow_title, flow_path,"
                    " flow_digest, owner) SELECT ?, ?, flow_id, flow_title, flow_path,"
                    " flow_digest, ? FROM sessions WHERE id = ?",
                    (stamp, stamp, owner, session_id),
                ),
                session_id,
            )
            db.execute(
                "INSERT INTO events (session_id, seq, at, kind, value, label, asked, flow_id,"
                " node) SELECT ?, seq, at, kind, value, label, asked, flow_id, node"
                " FROM events WHERE session_id = ?",
                (fresh, session_id),
            )
            return fresh

        return self._insert_owned(copy)

    def abandon(self, session_id: int) -> None:
        """The person chose not to resume it: keep it in history, stop offering it.
        A walk another running copy is still on is left alone."""
        if not self.claim(session_id):
            return
        with self._transaction() as db:
            db.execute("UPDATE sessions SET abandoned = 1 WHERE id = ?", (session_id,))
        self.release(session_id)

    def set_note(self, session_id: int, note: str) -> None:
        with self._transaction(NOTE_EFFECT) as db:
            found = db.execute(
                "UPDATE sessions SET note = ? WHERE id = ?", (note, checked(session_id))
            )
            if found.rowcount == 0:
                raise KeyError(session_id)


def _inserted(cursor: sqlite3.Cursor, what: object) -> int:
    """The id of the one row just inserted; KeyError(what) when none was."""
    if cursor.rowcount != 1 or cursor.lastrowid is None:
        raise KeyError(what)
    return cursor.lastrowid
