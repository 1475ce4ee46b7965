"""The session store: every step of every walk, saved as it happens, on this machine only.

One SQLite file in WAL mode under the user data folder (or `HANGUP_GUIDE_HOME`).
Each step is one transaction, so a walk killed at any moment resumes from its
last completed step. A store that cannot be used (corrupt, locked, from a newer
version, on a read-only disk) raises `StoreUnavailable` with a sentence for the
person; the app then runs without saving. A corrupt file is moved aside, never
overwritten. Only this account can read any of it (see `guide.history.private`), and each
unfinished walk belongs to the one running copy that holds its lock (see
`guide.history.ownership`).

`Store` is opened here; its parts live beside it: the connection and transactions
(`connection`), reading walks back (`reading`), writing them (`writing`), practice
results (`results`), check-ins (`checkin_store`) and preparing the file (`migrate`,
over the tables in `schema`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from guide import places
from guide.history.checkin_store import CheckIns
from guide.history.connection import now
from guide.history.events import Event, steps_of
from guide.history.migrate import prepare
from guide.history.ownership import FOLDER as LOCKS
from guide.history.private import make_store_private
from guide.history.problems import StoreUnavailable, diagnose, remove_damaged, unwritable
from guide.history.reading import Reading, Session
from guide.history.results import GivenAnswer, PracticeResult, Results
from guide.history.schema import SCHEMA_VERSION
from guide.history.writing import Writing
from guide.places import HOME_ENV

__all__ = [
    "FILE_NAME",
    "HOME_ENV",
    "SCHEMA_VERSION",
    "Event",
    "GivenAnswer",
    "PracticeResult",
    "Session",
    "Store",
    "StoreUnavailable",
    "default_path",
    "now",
    "steps_of",
]

FILE_NAME = "sessions.db"
BUSY_TIMEOUT = 5.0
"""Seconds to wait for another running copy to finish its write."""


def default_path() -> Path:
    """Where the store lives: `$HANGUP_GUIDE_HOME/sessions.db`, else the user data folder."""
    return places.data_dir() / FILE_NAME


class Store(Reading, Writing, Results, CheckIns):
    """The open store. Every public method is one transaction."""

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (creating or migrating) the store; `StoreUnavailable` when it cannot be used."""
        path = path or default_path()
        try:
            tightened = make_store_private(
                path, also=(LOCKS, places.CACHE_FOLDER), dedicated=_dedicated(path)
            )
        except OSError as exc:
            raise StoreUnavailable(unwritable(path, exc)) from None
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise diagnose(path, exc) from None
        try:
            prepare(db, path, BUSY_TIMEOUT)
        except StoreUnavailable:
            db.close()
            raise
        except sqlite3.DatabaseError as exc:
            # Keep a damaged file's bytes before closing: closing may fold its journal in.
            problem = diagnose(path, exc)
            db.close()
            remove_damaged(path, problem)
            raise problem from None
        store = cls(db, path)
        store.tightened = tightened
        return store


def _dedicated(path: Path) -> bool:
    """True for the user data folder made for the guide alone (not HANGUP_GUIDE_HOME)."""
    return places.home() is None and path == default_path()
