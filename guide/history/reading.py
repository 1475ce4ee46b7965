"""Reading saved walks back: `Session` rows and their events, and the walk to resume."""

from __future__ import annotations

from dataclasses import dataclass, field

from guide.history.advice import DamagedAdvice, SavedAdvice, read_advice
from guide.history.connection import LARGEST_ID, Connected, checked
from guide.history.events import Event, fold, kind_of


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


class Reading(Connected):
    """The store's reading half: saved walks and their changes."""

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
            f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (checked(session_id),)
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
