"""Saving a walk as it goes, and bringing it back: the glue between `Walk` and `Store`.

The engine tells a listener about every change; `Recorder` writes each one to
the store in its own transaction. `resume` rebuilds a walk from its saved
changes, on the flow as it is now.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import assert_never

from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.flow.replay import replay
from guide.flow.steps import Advice, Change, FlowResolver, Move, WalkError
from guide.history.advice import SavedAdvice
from guide.history.checkins import Planned
from guide.history.events import Event
from guide.history.store import Session, Store, StoreUnavailable, now


class Recorder:
    """Listens to a walk and saves every change. Stops saving (and says why) if the
    store fails mid-walk; the walk itself goes on.

    A record begins with the walk's first answer, so opening the guide and leaving
    saves nothing. A record that reached advice is never changed afterwards: going
    back from it continues in a copy, and starting again begins a new record."""

    def __init__(
        self,
        store: Store,
        session_id: int | None,
        tell: Callable[[str], None] | None = None,
        flow: Flow | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        """The record being written; None until the first answer."""
        self.flow = flow
        """The flow a new record is started for (None: the record exists already)."""
        self.tell = tell
        """Told once, in words, when saving stops."""
        self.failure: str | None = None
        """Why saving stopped, once it has."""
        self.finished = False
        """True once the record holds advice: it is then kept as it is."""

    def fail(self, reason: str) -> None:
        if self.failure is None:
            self.failure = reason
            if self.tell is not None:
                self.tell(f"Not saving any more: {reason}")

    def __call__(self, change: Change, walk: Walk) -> None:
        if self.failure is not None:
            return
        try:
            if not self._ready_for(change, walk):
                return
            assert self.session_id is not None
            event, finished, outcome, shown, check_in = _saved(change, walk)
            self.store.record(self.session_id, event, finished, outcome, shown, check_in=check_in)
        except StoreUnavailable as exc:
            self.fail(str(exc))
            return
        self.finished = walk.finished

    def _ready_for(self, change: Change, walk: Walk) -> bool:
        """Make sure there is a record for this change; False when there is nothing to
        save (back or restart before any answer, or a restart after advice)."""
        undoing = change.kind in ("back", "restart")
        if self.finished and undoing and self.session_id is not None:
            self.finished = False
            self.flow = self.flow or walk.flow
            kept = self.session_id  # finished: no copy will offer it again, so let it go
            if change.kind == "restart":
                self.store.release(kept)
                self.session_id = None
                return False
            self.session_id = self.store.fork(kept)
            self.store.release(kept)
        if self.session_id is None:
            if undoing or self.flow is None:
                return False
            flow = self.flow
            self.session_id = self.store.start(flow.id, flow.title, flow.path, flow.digest)
        return True


def _saved(
    change: Change, walk: Walk
) -> tuple[Event, bool, str | None, str | None, Planned | None]:
    """What `Store.record` keeps of one change: the event, where the walk now stands, and
    the check-in its advice asks for."""
    move = change.move or Move("proceed")
    flow_id, node, _ = walk.path()[-1]
    event = Event(
        0,
        now(),
        change.kind,
        move.value if change.move else "",
        move.label if change.move else "",
        change.asked,
        flow_id,
        node,
    )
    step = walk.current
    if isinstance(step, Advice):
        return event, walk.finished, step.node.id, _outcome_json(step, walk), planned(step, walk)
    return event, walk.finished, None, None, None


def planned(advice: Advice, walk: Walk) -> Planned | None:
    """The check-in this advice asks for (`check_in:`), if any; never for an emergency."""
    node = advice.node
    if node.check_in is None or node.emergency:
        return None
    return Planned(node.id, node.title, walk.facts.get("name", ""), node.check_in)


def _outcome_json(advice: Advice, walk: Walk) -> str:
    """The outcome as shown, kept with the walk so history never needs the flow again."""
    node = advice.node
    source = walk.current_flow.sources.get(node.source.article)
    title = source.title if source else node.source.article
    section = f", section “{node.source.section}”" if node.source.section else ""
    shown = SavedAdvice(
        advice.title,
        tuple(node.steps),
        advice.why,
        advice.script,
        advice.text,
        f"“{title}”{section}",
    )
    return shown.to_json()


def start_saving(walk: Walk, store: Store, tell: Callable[[str], None] | None = None) -> Recorder:
    """Save this walk from its first answer on, as a new record. If the store fails,
    `tell` hears why, the recorder saves nothing more, and the walk goes on."""
    recorder = Recorder(store, None, tell, flow=walk.flow)
    walk.listener = recorder
    return recorder


@dataclass(frozen=True, slots=True)
class Resumed:
    """A walk brought back: how many saved changes still fitted the flow."""

    walk: Walk
    applied: int
    total: int
    flow_changed: bool


def apply_events(walk: Walk, events: list[Event]) -> int:
    """Replay saved changes on a walk, as far as they fit; returns how many did."""
    for done, event in enumerate(events):
        try:
            match event.kind:
                case "back":
                    walk.back()
                case "restart":
                    walk.restart()
                case "choose" | "enter" | "proceed" | "escape" as kind:
                    if not replay_one(walk, Move(kind, event.value, event.label)):
                        return done
                case unknown:
                    assert_never(unknown)
        except WalkError:
            return done
    return len(events)


def replay_one(walk: Walk, move: Move) -> bool:
    """Apply one saved move on top of the walk as it stands; False if it no longer fits."""
    return replay(walk, [move], from_here=True) == 1


def resume(
    session: Session,
    flow: Flow,
    store: Store,
    resolve: FlowResolver | None,
    tell: Callable[[str], None] | None = None,
) -> Resumed:
    """Rebuild a saved walk on `flow` and keep saving it.

    On the same flow the walk continues in the same session. On a changed flow
    (its content differs) the answers are replayed as far as they still fit,
    into a new session; the old one is kept in history, set aside.
    """
    events = store.events(session.id)
    walk = Walk(flow, resolve)
    applied = apply_events(walk, events)
    changed = flow.digest != session.flow_digest
    if not changed and applied == len(events):
        walk.listener = Recorder(store, session.id, tell)
        return Resumed(walk, applied, len(events), changed)
    set_aside(store, session.id, tell)
    fresh = Walk(flow, resolve)
    start_saving(fresh, store, tell)
    replay(fresh, walk.moves)  # each replayed move is saved in the new session
    return Resumed(fresh, applied, len(events), changed)


def set_aside(store: Store, session_id: int, tell: Callable[[str], None] | None = None) -> None:
    """Stop offering a walk for resuming (it stays in history); a failure is told, not raised."""
    try:
        store.abandon(session_id)
    except StoreUnavailable as exc:
        if tell is not None:
            tell(f"Could not set the old walk aside: {exc}")


def pending(store: Store, flows: Mapping[str, Flow]) -> tuple[Session, Flow] | None:
    """The walk left unfinished last time, with the flow to resume it on, if any.

    Only a walk no other running copy is on: this copy then owns it. `resume` keeps
    it; `set_aside` lets it go (so does `store.release`, which keeps it on offer)."""
    try:
        session = store.unfinished()
    except sqlite3.Error:
        return None
    if session is None:
        return None
    flow = flows.get(session.flow_id)
    if flow is None:
        store.release(session.id)
        return None
    return session, flow
