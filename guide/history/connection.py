"""The open store's connection: one transaction per write, and which walks this copy owns."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from guide.history.ownership import Owners
from guide.history.problems import WALK_EFFECT, StoreUnavailable, locked_or

LARGEST_ID = 2**63 - 1
"""SQLite's largest integer: no walk has an id beyond it."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def checked(session_id: int) -> int:
    """The id, if SQLite can hold it; else KeyError: there is no such walk."""
    if not -LARGEST_ID <= session_id <= LARGEST_ID:
        raise KeyError(session_id)
    return session_id


class Connected:
    """An open store file: what the reading, writing and practice parts share."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self.owners = Owners(path.parent)
        """The unfinished walks this copy owns (their locks die with the process)."""
        self.tightened = False
        """True when the saved walks could be read by other accounts until this opening
        made them private (the person is told)."""

    def close(self) -> None:
        self.owners.release_all()
        self._db.close()

    @contextmanager
    def _transaction(self, effect: str = WALK_EFFECT) -> Iterator[sqlite3.Connection]:
        """One write; a failure becomes `StoreUnavailable` ending in `effect`."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(locked_or(exc, self.path, effect)) from None
        try:
            yield self._db
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back (full disk)
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreUnavailable(locked_or(exc, self.path, effect)) from None
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreUnavailable(locked_or(exc, self.path, effect)) from None

    def claim(self, session_id: int) -> bool:
        """Own this walk, unless another running copy does; True when this copy owns it."""
        if self.owners.owns(session_id):
            return True
        row = self._db.execute(
            "SELECT owner FROM sessions WHERE id = ?", (checked(session_id),)
        ).fetchone()
        return row is not None and self.owners.claim(session_id, str(row[0]))

    def release(self, session_id: int) -> None:
        """Stop owning this walk: another copy may offer it from now on."""
        self.owners.release(session_id)
