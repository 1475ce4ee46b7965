"""The saved outcome is read once into `SavedAdvice`, or into `DamagedAdvice` saying
what is wrong; `Store.sessions()` reads every walk and its step count in two queries."""

from __future__ import annotations

import json

import pytest

from guide.history.advice import DamagedAdvice, SavedAdvice, read_advice
from guide.history.store import Event, Store

SHOWN = {
    "title": "Call them back",
    "steps": ["Ring once.", "Leave a voicemail."],
    "why": "A dropped line is nobody's fault.",
    "script": "Hi Sam.",
    "text": "",
    "source": "“Notes”",
}


def test_saved_advice_round_trips() -> None:
    advice = read_advice(json.dumps(SHOWN))
    assert advice == SavedAdvice(
        "Call them back",
        ("Ring once.", "Leave a voicemail."),
        "A dropped line is nobody's fault.",
        "Hi Sam.",
        "",
        "“Notes”",
    )
    assert isinstance(advice, SavedAdvice)
    assert json.loads(advice.to_json()) == SHOWN
    assert advice.words == "Hi Sam."  # no message: the call script is what to copy


@pytest.mark.parametrize(
    ("saved", "problem", "title"),
    [
        pytest.param('{"title": "Call', "not JSON: Unterminated string", "", id="cut short"),
        pytest.param("[1, 2]", "not a JSON object", "", id="a list"),
        pytest.param(
            json.dumps({**SHOWN, "why": 3}),
            "`why` is not text",
            "Call them back",
            id="a field of the wrong type",
        ),
        pytest.param(
            json.dumps({**SHOWN, "steps": "Ring"}),
            "`steps` is not a list",
            "Call them back",
            id="steps not a list",
        ),
        pytest.param(
            json.dumps({**SHOWN, "steps": ["a", 2]}),
            "`steps` item 2 is not text",
            "Call them back",
            id="one step not text",
        ),
        pytest.param(
            json.dumps({**SHOWN, "text": ["x"]}),
            "`text` is not text",
            "Call them back",
            id="the message not text",
        ),
    ],
)
def test_damaged_advice_says_what_is_wrong(saved: str, problem: str, title: str) -> None:
    damaged = read_advice(saved)
    assert isinstance(damaged, DamagedAdvice)
    assert damaged.problem.startswith(problem)
    assert damaged.title == title


def test_missing_script_and_message_read_as_empty() -> None:
    advice = read_advice(json.dumps({k: v for k, v in SHOWN.items() if k != "script"}))
    assert isinstance(advice, SavedAdvice) and advice.script == ""


def test_sessions_reads_every_walk_in_two_queries(store: Store) -> None:
    kinds = [["choose", "choose", "back"], ["enter", "restart"], [], ["proceed"] * 3]
    ids = []
    for walk in kinds:
        sid = store.start("f", "F", "f.yaml", "d")
        ids.append(sid)
        for kind in walk:
            store.record(sid, Event(0, "t", kind, "1", "One", "Q?"), False, None, None)
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    listed = store.sessions()
    store._db.set_trace_callback(None)
    assert len(statements) == 2
    assert {s.id: s.steps for s in listed} == dict(zip(ids, [1, 0, 0, 3], strict=True))
    assert [s.steps for s in listed] == [store.session(s.id).steps for s in listed]
