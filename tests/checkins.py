"""What the check-in tests share: the fixture flows, a walk saved to its advice, a store
whose check-in is due, and a clock that is wherever a test puts it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from guide.flow.engine import Walk
from guide.history.checkins import parse
from guide.history.recorder import start_saving
from guide.history.store import Store
from guide.library.flows import Library, open_flow, scan
from tests.helpers import act

FIXTURES = Path(__file__).parent / "fixtures" / "checkin"
WALK = FIXTURES / "walk.yaml"
FOLLOW_UP = FIXTURES / "follow-up.yaml"
TO_CALL_BACK = ["proceed", "1", "proceed", "1", "Sam"]
"""The line dropped, a friend, Sam: `call-back`, which asks after 2 hours."""
TO_CALL_WORK = ["proceed", "3", "2", ""]
"""Busy, a colleague, no name: `call-work`, which asks after a day."""
TO_EMERGENCY = ["proceed", "escape"]


def library() -> Library:
    """The fixture flows, the stand-in follow-up flow among them whatever is bundled."""
    found = scan([WALK, FOLLOW_UP])
    found.flows["follow-up"] = open_flow(FOLLOW_UP, found)
    return found


def saved_walk(store: Store, moves: list[str], found: Library | None = None) -> int:
    """Walk the fixture flow with these moves, saved as it goes; the walk's id."""
    found = found or library()
    walk = Walk(found.flows["checkin-walk"], found.resolver())
    recorder = start_saving(walk, store)
    act(walk, moves)
    assert recorder.session_id is not None
    return recorder.session_id


def finished(store: Store, session_id: int) -> datetime:
    return parse(store.session(session_id).updated)


def later(store: Store, session_id: int, **after: float) -> datetime:
    """A clock reading this long after the walk finished."""
    return finished(store, session_id) + timedelta(**after)


def make_due(path: Path) -> None:
    """Every check-in in the store at `path` due an hour ago (for a subprocess, whose
    clock is the real one)."""
    db = sqlite3.connect(path)
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
    db.execute("UPDATE check_ins SET due = ?", (past,))
    db.commit()
    db.close()
