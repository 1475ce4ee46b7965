"""Answer statistics: on hand-built events, then on a store filled by real walks.

The store is built by walking `flows/hang-up.yaml` (and `flows/sales.yaml`)
with `Walk` objects saved by `start_saving`, exactly as the app saves them:
four finished walks, one with two answers taken back, one left part-way and
set aside, one never begun, one that links into the sales flow and stops
there, and one walk of the sales flow itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.commands.stats import render
from guide.flow.engine import Walk
from guide.history.recorder import Recorder
from guide.history.stats import (
    LEFT_EMPTY,
    TYPED,
    WENT_ON,
    AnswerCount,
    BackCount,
    OutcomeCount,
    QuestionStats,
    Stats,
    StopCount,
    compute_stats,
)
from guide.history.store import Event, Session, Store
from guide.library.flows import Library, scan
from tests.helpers import step

# --- hand-built events ----------------------------------------------------------------------


def session(
    sid: int,
    flow: str = "f",
    *,
    finished: bool = False,
    outcome: str | None = None,
    outcome_json: str | None = None,
    abandoned: bool = False,
) -> Session:
    return Session(
        sid, "t", "t", flow, "F", "f.yaml", "d", finished, outcome, outcome_json, abandoned, "", 0
    )


def ev(
    kind: str, asked: str = "", label: str = "", node: str = "", *, flow: str = "f", value: str = ""
) -> Event:
    return Event(0, "t", kind, value, label, asked, flow, node)


def test_nothing_saved_gives_zeros() -> None:
    stats = compute_stats([], {})
    assert stats == Stats(None, 0, 0, 0, 0, (), (), (), ())
    assert "No saved walks yet" in render(stats)
    assert "of `sales`" in render(compute_stats([], {}, "sales"))


def test_only_standing_answers_count_and_backs_are_counted_where_they_return() -> None:
    events = {
        1: [
            ev("choose", "Q1?", "A", "n2", value="1"),
            ev("back", "Q1?", node="n1"),
            ev("choose", "Q1?", "B", "n2", value="2"),
            ev("choose", "Q2?", "X", "n3", value="1"),
        ],
        2: [
            ev("choose", "Q1?", "B", "n2", value="2"),
            ev("restart", node="n1"),
            ev("choose", "Q1?", "C", "n3", value="3"),
        ],
    }
    stats = compute_stats([session(1), session(2)], events)
    assert stats.questions == (
        QuestionStats("f", "Q1?", 2, (AnswerCount("B", 1, 50.0), AnswerCount("C", 1, 50.0))),
        QuestionStats("f", "Q2?", 1, (AnswerCount("X", 1, 100.0),)),
    )
    assert stats.went_back == (BackCount("f", "Q1?", 1),)


def test_steps_without_a_choice_are_left_out_but_their_answers_count_where_one_was_made() -> None:
    # a say step (proceed) where one walk took the emergency exit; an input step
    events = {
        1: [ev("proceed", "Breathe.", node="q"), ev("enter", "Name?", "Sam", "o", value="Sam")],
        2: [ev("proceed", "Breathe.", node="q"), ev("enter", "Name?", LEFT_EMPTY, "o")],
        3: [ev("escape", "Breathe.", "Emergency", "help", value="!")],
    }
    stats = compute_stats([session(1), session(2), session(3)], events)
    assert stats.questions == (
        QuestionStats(
            "f",
            "Breathe.",
            3,
            (AnswerCount(WENT_ON, 2, 66.7), AnswerCount("Emergency", 1, 33.3)),
        ),
    )
    assert "Sam" not in stats.to_json()  # typed values are never reported


def test_typed_answers_are_counted_without_their_values() -> None:
    events = {
        i: [
            ev("choose", "Q?", "A", "name", value="1"),
            ev("enter", "Q?", v or LEFT_EMPTY, "x", value=v),
        ]
        for i, v in enumerate(["Sam", "", "Jo"], 1)
    }
    # the same text for both steps: the enters count beside the choice
    stats = compute_stats([session(i) for i in events], events)
    (question,) = stats.questions
    assert question.total == 6
    assert question.answers == (
        AnswerCount("A", 3, 50.0),
        AnswerCount(TYPED, 2, 33.3),
        AnswerCount(LEFT_EMPTY, 1, 16.7),
    )


def test_a_question_belongs_to_the_flow_the_walk_stood_in() -> None:
    # the event that links into flow g stands in g, but its question was asked in f
    events = {
        1: [
            ev("choose", "Link?", "Go to g", "start", flow="g", value="1"),
            ev("choose", "In g?", "Yes", "end", flow="g", value="1"),
        ]
    }
    stats = compute_stats(
        [session(1, finished=True, outcome="end", outcome_json='{"title": "The end"}')], events
    )
    assert [(q.flow, q.question) for q in stats.questions] == [("f", "Link?"), ("g", "In g?")]
    assert stats.outcomes == (OutcomeCount("g", "end", "The end", 1, 100.0),)


def test_outcomes_with_counts_titles_and_a_missing_title() -> None:
    shown = json.dumps({"title": "Call back", "steps": []})
    sessions = [
        session(1, finished=True, outcome="call", outcome_json=shown),
        session(2, finished=True, outcome="call", outcome_json=shown),
        session(3, finished=True, outcome="wait", outcome_json="not json"),
        session(4),
    ]
    events = {
        i: [ev("choose", "Q?", "A", s.outcome or "q", value="1")] for i, s in enumerate(sessions, 1)
    }
    stats = compute_stats(sessions, events)
    assert (stats.walks, stats.finished, stats.unfinished) == (4, 3, 1)
    assert stats.outcomes == (
        OutcomeCount("f", "call", "Call back", 2, 66.7),
        OutcomeCount("f", "wait", "wait", 1, 33.3),
    )


def test_stops_by_node_with_text_from_any_walk_that_showed_it() -> None:
    events = {
        # stopped at n2 after a move: n2's text comes from walk 3's move away from it
        1: [ev("choose", "Q1?", "A", "n2", value="1")],
        # stopped after going back to n1: the back event names it
        2: [ev("choose", "Q1?", "A", "n2", value="1"), ev("back", "Q1?", node="n1")],
        # answered n2, so walk 1's stop has a text
        3: [ev("choose", "Q1?", "A", "n2", value="1"), ev("choose", "Q2?", "B", "n3", value="1")],
        # never answered anything: the first step, whose id is not kept
        4: [],
        # stopped at n3, which no walk ever showed a text for
    }
    sessions = [session(1), session(2), session(3), session(4, abandoned=True)]
    stats = compute_stats(sessions, events)
    assert (stats.walks, stats.finished, stats.unfinished, stats.set_aside) == (4, 0, 4, 1)
    assert stats.stopped == (
        StopCount("f", None, "", 1, 25.0),
        StopCount("f", "n1", "Q1?", 1, 25.0),
        StopCount("f", "n2", "Q2?", 1, 25.0),
        StopCount("f", "n3", "", 1, 25.0),
    )


def test_the_flow_filter_keeps_walks_started_on_that_flow() -> None:
    events = {
        1: [ev("choose", "Q?", "A", "n", value="1")],
        2: [ev("choose", "R?", "B", "n", flow="g", value="1")],
    }
    stats = compute_stats([session(1), session(2, flow="g")], events, "g")
    assert stats.flow == "g"
    assert stats.walks == 1
    assert [q.question for q in stats.questions] == ["R?"]
    assert json.loads(stats.to_json())["flow"] == "g"


# --- a store filled by real walks -----------------------------------------------------------

WHY = "Do you know why the call ended?"
WHO = "Who was on the other end?"
HEATED = "They ended it on purpose, in anger or mid-argument"
ACCIDENT = "It looked like an accident: the line dropped or cut out"
RUSHED = "They ended it on purpose, but not angrily (busy, rushed, another call)"
EMERGENCY = "This could be an emergency"
SALES_START = (
    "A prospect hanging up is rarely about you. A few quick questions, and you will have your"
    " next move and the words for it."
)

WALKS: list[tuple[str, list[str]]] = [
    # finished: the line dropped, they rang back -> carry-on
    ("hang-up", ["", "1", "1", "proceed", "1", "Sam"]),
    # finished: a friend, in anger, nothing tried yet, it cannot wait -> urgent-message
    ("hang-up", ["", "2", "3", "1", "2", "the rent, by Friday", "Chris"]),
    # finished, with two answers taken back -> send-text
    ("hang-up", ["", "2", "back", "3", "3", "1", "1", "back", "2", ""]),
    # left part-way at "who was it", then set aside
    ("hang-up", ["", "2", "abandon"]),
    # finished by the emergency exit at the first question -> emergency
    ("hang-up", ["", "escape"]),
    # opened and left before any answer: nothing is saved, so no drop-off is counted
    ("hang-up", []),
    # a prospect: into the sales flow, stopped at its first step
    ("hang-up", ["", "2", "7", "3"]),
    # the sales flow itself, back once to its first step, stopped after one answer
    ("sales", ["", "back", "", "1"]),
]


def act(walk: Walk, store: Store, recorder: Recorder, actions: list[str]) -> None:
    """Walk on (see `tests.helpers.step`); "abandon" sets the walk aside in `store`."""
    for action in actions:
        if action == "abandon":
            assert recorder.session_id is not None
            store.abandon(recorder.session_id)
        else:
            step(walk, action)


def build_store(path: Path, library: Library | None = None) -> None:
    """Save the walks of WALKS into a store at `path`, as the app would."""
    from guide.history.recorder import start_saving

    library = library or scan()
    store = Store.open(path)
    try:
        for flow_id, actions in WALKS:
            walk = Walk(library.flows[flow_id], library.resolver())
            recorder = start_saving(walk, store)
            act(walk, store, recorder, actions)
            assert recorder.failure is None
    finally:
        store.close()


@pytest.fixture
def saved(tmp_path: Path, library: Library) -> Iterator[Store]:
    build_store(tmp_path / "s.db", library)
    store = Store.open(tmp_path / "s.db")
    yield store
    store.close()


def stats_of(store: Store, flow: str | None = None) -> Stats:
    sessions = store.sessions()
    return compute_stats(sessions, {s.id: store.events(s.id) for s in sessions}, flow)


def test_walks_counted(saved: Store) -> None:
    stats = stats_of(saved, "hang-up")
    assert (stats.walks, stats.finished, stats.unfinished, stats.set_aside) == (6, 4, 2, 1)
    every = stats_of(saved)
    assert (every.flow, every.walks, every.finished, every.unfinished) == (None, 7, 4, 3)


def test_answers_by_question_from_real_walks(saved: Store) -> None:
    stats = stats_of(saved, "hang-up")
    assert stats.questions == (
        QuestionStats(
            "hang-up",
            WHY,
            6,
            (
                AnswerCount(HEATED, 3, 50.0),
                AnswerCount(ACCIDENT, 1, 16.7),
                AnswerCount(RUSHED, 1, 16.7),
                AnswerCount(EMERGENCY, 1, 16.7),
            ),
        ),
        QuestionStats(
            "hang-up",
            WHO,
            3,
            (
                AnswerCount("A friend", 2, 66.7),
                AnswerCount("Someone I cold-called, a sales prospect", 1, 33.3),
            ),
        ),
        QuestionStats(
            "hang-up",
            "Since the call ended, what have you tried?",
            2,
            (AnswerCount("Nothing yet", 2, 100.0),),
        ),
        QuestionStats(
            "hang-up",
            "Can you call them back now?",
            1,
            # "Yes, I can call now" was taken back
            (AnswerCount("No, a call isn't possible or would feel wrong", 1, 100.0),),
        ),
        QuestionStats(
            "hang-up", "Did they call you back?", 1, (AnswerCount("They called back", 1, 100.0),)
        ),
        QuestionStats(
            # asked in hang-up, though the answer led into the sales flow
            "hang-up",
            "Had they been talking with you before the line went dead?",
            1,
            (
                AnswerCount(
                    "I make calls like this every day: open the sales rep's guide", 1, 100.0
                ),
            ),
        ),
        QuestionStats(
            "hang-up",
            "Is there something that can't wait: a deadline, money, the children, a repair?",
            1,
            (AnswerCount("Yes, something needs sorting soon", 1, 100.0),),
        ),
        QuestionStats(
            "hang-up",
            "What has happened since the line went?",
            1,
            (AnswerCount("It has only just happened", 1, 100.0),),
        ),
    )
    # every walk's start: only "went on" (no choice there), so not a question
    assert not any(q.question.startswith("Take one slow breath") for q in stats.questions)
    # the sales walk adds its own question, unfiltered
    assert (
        QuestionStats(
            "sales",
            "How are you taking the hang-up right now?",
            1,
            (AnswerCount("Fine: I'm ready to get on with it", 1, 100.0),),
        )
        in stats_of(saved).questions
    )


def test_outcomes_backs_and_stops_from_real_walks(saved: Store) -> None:
    stats = stats_of(saved, "hang-up")
    assert stats.outcomes == (
        OutcomeCount("hang-up", "carry-on", "Pick up where you left off", 1, 25.0),
        OutcomeCount("hang-up", "emergency", "Treat this as an emergency", 1, 25.0),
        OutcomeCount("hang-up", "send-text", "Send a short message instead", 1, 25.0),
        OutcomeCount(
            "hang-up", "urgent-message", "Send one calm message about what can't wait", 1, 25.0
        ),
    )
    assert stats.went_back == (
        BackCount("hang-up", "Can you call them back now?", 1),
        BackCount("hang-up", WHY, 1),
    )
    assert stats.stopped == (
        StopCount("hang-up", "who-was-it", WHO, 1, 50.0),
        # the sales flow's first step: its text known from the sales walk that went back to it
        StopCount("sales", "start", SALES_START, 1, 50.0),
    )
    every = stats_of(saved)
    assert every.stopped == (
        StopCount("hang-up", "who-was-it", WHO, 1, 33.3),
        # no saved event shows this step's text: the id alone
        StopCount("sales", "start", SALES_START, 1, 33.3),
        StopCount("sales", "talked-first", "", 1, 33.3),
    )
    assert BackCount("sales", SALES_START, 1) in every.went_back


def test_the_table_and_the_json(saved: Store) -> None:
    stats = stats_of(saved, "hang-up")
    table = render(stats)
    for section in (
        "Walks of hang-up",
        "Answers by question",
        "Outcomes reached",
        "Went back to",
        "Stopped at",
    ):
        assert f"\n{section}\n" in f"\n{table}"
    assert "  6 walks: 4 finished, 2 unfinished (1 set aside)\n" in table
    assert f"[hang-up] {WHY}  (6 answered)\n" in table
    assert f"        3   50.0%  {HEATED}\n" in table
    assert "      1   25.0%  [hang-up] Pick up where you left off (carry-on)\n" in table
    assert f"      1   50.0%  [hang-up] who-was-it: {WHO}\n" in table
    assert "before any answer" not in table  # a walk left unanswered was never saved
    assert table.index(WHY) < table.index(WHO)
    record = json.loads(stats.to_json())
    assert record["walks"] == 6
    assert record["questions"][0]["answers"][0] == {"label": HEATED, "count": 3, "percent": 50.0}
    assert record["stopped"][0] == {
        "flow": "hang-up",
        "node": "who-was-it",
        "step": WHO,
        "count": 1,
        "percent": 50.0,
    }
