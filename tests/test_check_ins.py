"""Check-ins kept with saved walks (issue 19): when each is due, with the clock handed
in (nothing waits), what each answer keeps, the store upgraded from schema 2, and the
figures `stats` reports."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from guide.checkin.asking import due_check_in, question, settle
from guide.flow.engine import Walk
from guide.history.checkin_stats import count_check_ins
from guide.history.checkins import Answer, CheckIn, answer_of, coming_due, due_at, due_now
from guide.history.migrate import backup_path
from guide.history.schema import MIGRATIONS, SCHEMA_VERSION
from guide.history.store import Store
from tests.checkins import (
    TO_CALL_BACK,
    TO_CALL_WORK,
    TO_EMERGENCY,
    later,
    library,
    saved_walk,
)

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def check_in(session_id: int, due: datetime, answer: str | None = None, asked: int = 0) -> CheckIn:
    return CheckIn(
        session_id, "call-back", "Call them back", "", 7200, due.isoformat(), answer, None, asked
    )


# --- when a check-in is due: pure, the clock handed in ----------------------------------


def test_due_is_the_finish_plus_the_interval() -> None:
    assert due_at("2026-12-01T12:00:00+00:00", 7200) == "2026-12-01T14:00:00+00:00"
    assert due_at("2026-12-31T23:30:00+00:00", 86400) == "2027-01-01T23:30:00+00:00"


def test_only_open_check_ins_at_or_past_their_time_are_due_latest_first() -> None:
    hour = timedelta(hours=1)
    items = [
        check_in(1, NOON - 2 * hour),
        check_in(2, NOON),  # due this very second
        check_in(3, NOON + hour),  # not yet
        check_in(4, NOON - hour, answer="worked"),  # answered
        check_in(5, NOON - 3 * hour, asked=2),  # put off twice, due again
    ]
    assert [c.session_id for c in due_now(items, NOON)] == [2, 1, 5]
    assert due_now(items, NOON - 4 * hour) == []
    assert [c.session_id for c in due_now(items, NOON + hour)] == [3, 2, 1, 5]


def test_coming_due_while_the_app_is_open() -> None:
    items = [check_in(1, NOON - timedelta(minutes=1)), check_in(2, NOON + timedelta(minutes=20))]
    opened = NOON
    assert coming_due(items, opened, NOON + timedelta(minutes=10)) == []
    assert [c.session_id for c in coming_due(items, opened, NOON + timedelta(minutes=30))] == [2]


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("1", "worked"),
        ("2", "did-not-work"),
        ("3", "not-yet"),
        ("4", "dont-ask"),
        ("Worked", "worked"),
        ("did not work", "did-not-work"),
        ("not_yet", "not-yet"),
        ("dont-ask", "dont-ask"),
        ("5", None),
        ("maybe", None),
        ("", None),
    ],
)
def test_answers_by_number_or_name(typed: str, answer: str | None) -> None:
    assert answer_of(typed) == answer


# --- kept with saved walks ----------------------------------------------------------------


def test_a_saved_walk_that_reaches_advice_with_check_in_gets_one(store: Store) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    kept = store.check_in(sid)
    assert (kept.outcome, kept.title, kept.name, kept.every) == (
        "call-back",
        "Call them back",
        "Sam",
        7200,
    )
    assert kept.due_time() == later(store, sid, hours=2)
    assert due_check_in(store, later(store, sid, hours=1, minutes=59)) is None
    assert due_check_in(store, later(store, sid, hours=2)) == kept
    assert question(kept) == ["Last time the advice about Sam was: Call them back"]


def test_no_check_in_without_advice_asking_for_one(store: Store) -> None:
    emergency = saved_walk(store, TO_EMERGENCY)
    unfinished = saved_walk(store, TO_CALL_BACK[:3])
    for sid in (emergency, unfinished):
        with pytest.raises(KeyError):
            store.check_in(sid)
    assert store.check_ins() == []


def test_a_walk_that_is_not_saved_gets_no_check_in(store: Store) -> None:
    found = library()
    walk = Walk(found.flows["checkin-walk"], found.resolver())  # --no-save: no recorder
    from tests.helpers import act

    act(walk, TO_CALL_BACK)
    assert walk.finished
    assert store.check_ins() == []


@pytest.mark.parametrize("answer", ["worked", "dont-ask"])
def test_worked_and_dont_ask_close_it(store: Store, answer: str) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    now = later(store, sid, hours=3)
    settled = settle(store, store.check_in(sid), answer, library=library(), now=now)
    assert settled.follow_up is None
    assert (settled.check_in.answer, settled.check_in.answered) == (answer, now.isoformat())
    assert due_check_in(store, now + timedelta(days=30)) is None


def test_not_yet_asks_again_one_interval_later(store: Store) -> None:
    sid = saved_walk(store, TO_CALL_WORK)  # a day
    now = later(store, sid, days=1, hours=5)
    settled = settle(store, store.check_in(sid), "not-yet", library=library(), now=now)
    assert settled.check_in.open and settled.check_in.asked == 1
    assert due_check_in(store, now + timedelta(hours=23)) is None
    assert due_check_in(store, now + timedelta(days=1)) == store.check_in(sid)


def test_did_not_work_goes_on_to_the_follow_up_walk_saved_as_it_goes(store: Store) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    now = later(store, sid, hours=2)
    settled = settle(store, store.check_in(sid), "did-not-work", library=library(), now=now)
    assert settled.check_in.answer == "did-not-work"
    walk = settled.follow_up
    assert walk is not None and walk.flow.id == "follow-up"
    assert walk.reply("Nobody answered").accepted and walk.finished
    [follow_up] = [s for s in store.sessions() if s.flow_id == "follow-up"]
    assert follow_up.finished and follow_up.outcome == "send-a-message"
    assert store.check_in(follow_up.id).every == 86400  # its own advice asks in turn


def test_did_not_work_without_the_follow_up_flow_says_so(store: Store) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    found = library()
    del found.flows["follow-up"]
    settled = settle(store, store.check_in(sid), "did-not-work", library=found, now=NOON)
    assert settled.follow_up is None
    assert "`follow-up`" in settled.said and "cannot be found" in settled.said
    assert store.check_in(sid).answer == "did-not-work"  # the answer is kept all the same


# --- a store from today's schema (3), upgraded in place with a copy kept --------------------


TODAY = 3
"""The schema the guide wrote before check-ins."""


def todays_store(path: Path) -> None:
    """A store as the guide before check-ins wrote it: schema 3, one finished walk."""
    assert SCHEMA_VERSION == TODAY + 1
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for version in range(1, TODAY + 1):
        db.executescript(MIGRATIONS[version])
        db.execute(f"PRAGMA user_version = {version}")
    db.execute(
        "INSERT INTO sessions (started, updated, flow_id, flow_title, flow_path, flow_digest,"
        " finished, outcome, note, owner) VALUES ('2026-11-30T10:00:00+00:00',"
        " '2026-11-30T10:05:00+00:00', 'hang-up', 'Someone hung up on me', 'x', 'd', 1,"
        " 'carry-on', 'kept', 'v1-1')"
    )
    db.execute(
        "INSERT INTO events (session_id, seq, at, kind, value, label, asked)"
        " VALUES (1, 1, '2026-11-30T10:01:00+00:00', 'choose', '1', 'Yes', 'Was it?')"
    )
    db.close()


def test_todays_store_is_upgraded_in_place_keeping_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    todays_store(path)
    store = Store.open(path)
    try:
        [old] = store.sessions()
        assert (old.note, old.outcome, old.steps) == ("kept", "carry-on", 1)
        assert store.check_ins() == []  # walks saved before have none
        sid = saved_walk(store, TO_CALL_BACK)  # and new ones do
        assert store.check_in(sid).outcome == "call-back"
    finally:
        store.close()
    copy = backup_path(path, TODAY)
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    db = sqlite3.connect(copy)
    assert db.execute("PRAGMA user_version").fetchone()[0] == TODAY
    assert db.execute("SELECT note FROM sessions").fetchall() == [("kept",)]
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    db.close()
    upgraded = sqlite3.connect(path)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    upgraded.close()


def test_deleting_a_walk_deletes_its_check_in(store: Store, tmp_path: Path) -> None:
    """The table follows its walk (the store's foreign keys are on)."""
    sid = saved_walk(store, TO_CALL_BACK)
    store._db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
    assert store.check_ins() == []


# --- the figures `stats` reports -----------------------------------------------------------


def test_stats_per_outcome_on_a_known_set_of_walks(store: Store) -> None:
    found = library()
    back = [saved_walk(store, TO_CALL_BACK, found) for _ in range(5)]
    work = [saved_walk(store, TO_CALL_WORK, found) for _ in range(2)]
    saved_walk(store, TO_EMERGENCY, found)  # no check-in: not counted
    now = later(store, work[-1], days=2)
    answers: list[Answer] = ["worked", "worked", "did-not-work", "not-yet", "dont-ask"]
    for sid, answer in zip(back, answers, strict=True):
        settle(store, store.check_in(sid), answer, library=found, now=now)
    settle(store, store.check_in(work[0]), "did-not-work", library=found, now=now)
    sessions = store.sessions()
    counts = {c.outcome: c for c in count_check_ins(sessions, store.check_ins())}
    assert list(counts) == ["call-back", "call-work"]  # most asked about first
    call_back, call_work = counts["call-back"], counts["call-work"]
    assert (call_back.check_ins, call_back.worked, call_back.did_not_work) == (5, 2, 1)
    assert (call_back.not_tried, call_back.waiting, call_back.dont_ask) == (1, 0, 1)
    assert (call_work.check_ins, call_work.did_not_work, call_work.waiting) == (2, 1, 1)
    assert count_check_ins(sessions, store.check_ins(), "hang-up") == ()
