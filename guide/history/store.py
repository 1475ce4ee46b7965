"""The session store: every step of every walk, saved as it happens, on this machine only.

One SQLite file in WAL mode under the user data folder (or `HANGUP_GUIDE_HOME`).
Each step is one transaction, so a walk killed at any moment resumes from its
last completed step. A store that cannot be used (corrupt, locked, from a newer
version, on a read-only disk) raises `StoreUnavailable` with a sentence for the
person; the app then runs without saving. A corrupt file is moved aside, never
overwritten. Only this account can read any of it (see `guide.history.private`), and each
unfinished walk belongs to the one running copy that holds its lock (see
`guide.history.ownership`).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from guide import places
from guide.history.advice import DamagedAdvice, SavedAdvice, read_advice
from guide.history.events import Event, fold, kind_of, steps_of
from guide.history.ownership import FOLDER as LOCKS
from guide.history.ownership import Owners
from guide.history.private import make_store_private
from guide.history.problems import (
    NOTE_EFFECT,
    WALK_EFFECT,
    StoreUnavailable,
    diagnose,
    locked_or,
    remove_damaged,
    unwritable,
)
from guide.history.schema import MIGRATIONS, SCHEMA_VERSION
from guide.places import HOME_ENV

__all__ = [
    "FILE_NAME",
    "HOME_ENV",
    "SCHEMA_VERSION",
    "Event",
    "PracticeResult",
    "Session",
    "Store",
    "StoreUnavailable",
    "default_path",
    "now",
    "steps_of",
]

FILE_NAME = "sessions.db"
LARGEST_ID = 2**63 - 1
"""SQLite's largest integer: no walk has an id beyond it."""
BUSY_TIMEOUT = 5.0
"""Seconds to wait for another running copy to finish its write."""


@dataclass(frozen=True, slots=True)
class Session:
    """One saved walk, as history lists it."""

    id: int
    started: str
    updated: str
    flow_id: str
    flow_title: str
    flow_path: str
    flow_digest: str
    finished: bool
    outcome: str | None
    outcome_json: str | None
    abandoned: bool
    note: str
    steps: int
    """How many answers the walk holds now (moves, less those taken back)."""
    advice: SavedAdvice | DamagedAdvice | None = field(init=False, compare=False, repr=False)
    """The advice the walk ended on, read from `outcome_json` once; None when the walk
    has not finished (or kept no advice)."""

    def __post_init__(self) -> None:
        read = read_advice(self.outcome_json) if self.finished and self.outcome_json else None
        object.__setattr__(self, "advice", read)


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


def default_path() -> Path:
    """Where the store lives: `$HANGUP_GUIDE_HOME/sessions.db`, else the user data folder."""
    return places.data_dir() / FILE_NAME


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The open store. Every public method is one transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self.owners = Owners(path.parent)
        """The unfinished walks this copy owns (their locks die with the process)."""
        self.tightened = False
        """True when the saved walks could be read by other accounts until this opening
        made them private (the person is told)."""

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (creating or migrating) the store; `StoreUnavailable` when it cannot be used."""
        path = path or default_path()
        try:
            tightened = make_store_private(path, also=(LOCKS,), dedicated=_dedicated(path))
        except OSError as exc:
            raise StoreUnavailable(unwritable(path, exc)) from None
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise diagnose(path, exc) from None
        try:
            _prepare(db, path)
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

    # --- writing ---------------------------------------------------------------------------

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
    ) -> None:
        """Save one change and where the walk now stands, in one transaction."""
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

    def claim(self, session_id: int) -> bool:
        """Own this walk, unless another running copy does; True when this copy owns it."""
        if self.owners.owns(session_id):
            return True
        row = self._db.execute(
            "SELECT owner FROM sessions WHERE id = ?", (_checked(session_id),)
        ).fetchone()
        return row is not None and self.owners.claim(session_id, str(row[0]))

    def release(self, session_id: int) -> None:
        """Stop owning this walk: another copy may offer it from now on."""
        self.owners.release(session_id)

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
                "UPDATE sessions SET note = ? WHERE id = ?", (note, _checked(session_id))
            )
            if found.rowcount == 0:
                raise KeyError(session_id)

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

    # --- reading -----------------------------------------------------------------------------

    def sessions(self) -> list[Session]:
        """Every saved walk, newest first (two queries, however many walks there are)."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM sessions ORDER BY updated DESC, id DESC"
        ).fetchall()
        by_walk: dict[int, list[Event]] = {}
        for sid, *event in self._db.execute(
            f"SELECT session_id, {_EVENT_COLUMNS} FROM events ORDER BY session_id, seq"
        ):
            read = _event(tuple(event))
            if read is not None:
                by_walk.setdefault(int(sid), []).append(read)
        return [_session(row, by_walk.get(int(str(row[0])), [])) for row in rows]

    def session(self, session_id: int) -> Session:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (_checked(session_id),)
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        return _session(row, self.events(int(str(row[0]))))

    def events(self, session_id: int) -> list[Event]:
        """The walk's saved changes, in order (a change of a kind this version does not
        know, written by a newer one, is left out)."""
        if not -LARGEST_ID <= session_id <= LARGEST_ID:
            return []
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE session_id = ? ORDER BY seq",
            (session_id,),
        ).fetchall()
        return [event for event in map(_event, rows) if event is not None]

    def unfinished(self) -> Session | None:
        """The latest walk left part-way (not finished, not set aside) that no other
        running copy is on, if any; this copy then owns it (`abandon` or `release` it
        when the person does not go on with it)."""
        self.owners.sweep()
        for session in self.sessions():
            if session.finished or session.abandoned or session.steps == 0:
                continue
            if self.claim(session.id):
                return session
        return None


_COLUMNS = (
    "id, started, updated, flow_id, flow_title, flow_path, flow_digest, finished,"
    " outcome, outcome_json, abandoned, note"
)
_EVENT_COLUMNS = "seq, at, kind, value, label, asked, flow_id, node"


def _session(row: tuple[object, ...], events: list[Event]) -> Session:
    return Session(
        int(str(row[0])),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        str(row[5]),
        str(row[6]),
        bool(row[7]),
        None if row[8] is None else str(row[8]),
        None if row[9] is None else str(row[9]),
        bool(row[10]),
        str(row[11]),
        fold(events).steps,
    )


def _event(row: tuple[object, ...]) -> Event | None:
    """One stored change, or None when its kind is unknown here."""
    kind = kind_of(str(row[2]))
    if kind is None:
        return None
    seq, at, _, *texts = row
    return Event(int(str(seq)), str(at), kind, *(str(text) for text in texts))


def _dedicated(path: Path) -> bool:
    """True for the user data folder made for the guide alone (not HANGUP_GUIDE_HOME)."""
    return places.home() is None and path == default_path()


def _checked(session_id: int) -> int:
    """The id, if SQLite can hold it; else KeyError: there is no such walk."""
    if not -LARGEST_ID <= session_id <= LARGEST_ID:
        raise KeyError(session_id)
    return session_id


def _inserted(cursor: sqlite3.Cursor, what: object) -> int:
    """The id of the one row just inserted; KeyError(what) when none was."""
    if cursor.rowcount != 1 or cursor.lastrowid is None:
        raise KeyError(what)
    return cursor.lastrowid


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Check the file, switch on WAL, and migrate it forward to our schema.

    The version is read inside the write transaction, so two copies starting
    at once on a new store do not both run the same migration.
    """
    db.execute("PRAGMA foreign_keys = ON")
    if _check_version(db, path) == SCHEMA_VERSION:
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("database disk image is malformed")
        db.execute("PRAGMA synchronous = NORMAL")
        return  # up to date: reading needs no write lock (another copy may hold it)
    if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")
    _patiently(db, "PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a killed process
    _patiently(db, "BEGIN IMMEDIATE")
    try:
        version = _check_version(db, path)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[target]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {target}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _patiently(db: sqlite3.Connection, statement: str) -> None:
    """Run a statement that needs the lock, retrying while another copy is starting too.

    Switching to WAL does not wait on SQLite's busy handler, so copies that start
    together on a new store would otherwise fail at once.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            db.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _check_version(db: sqlite3.Connection, path: Path) -> int:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreUnavailable(
            f"the saved walks at {path} were written by a newer Hang-up Guide (schema"
            f" {version}, this one knows {SCHEMA_VERSION}); update it to use them"
        )
    return version


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
