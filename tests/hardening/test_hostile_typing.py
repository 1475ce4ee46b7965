"""What a person types or pastes cannot hurt the engine, and flows that link and route
cannot trip it: pasted megabytes are answered at once, escape codes and undecodable
bytes never reach a fact or the store, and a link into a long chain of routes is
followed to its end.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.flow.engine import Walk
from guide.flow.loader import load_flow
from guide.flow.model import Flow, Input
from guide.flow.steps import Advice, Question, WalkError
from guide.flow.typed import MAX_REPLY, clean
from guide.flow.validate import validate
from guide.flow.yamltree import CONTROL
from guide.history.recorder import start_saving
from guide.history.store import Store
from guide.i18n.wording import refusal_words
from guide.library.flows import find_flow, open_flow

from .common import SLOW_CI

MAIN = open_flow(find_flow("hang-up"))


def at_first_question() -> Walk:
    walk = Walk(MAIN)
    walk.proceed()  # past the opening "take a breath"
    assert isinstance(walk.current, Question)
    return walk


def at_the_name(store: Store | None = None) -> Walk:
    """The main flow at its first-name input (a rushed friend, calling feels wrong)."""
    walk = Walk(MAIN)
    if store is not None:
        start_saving(walk, store)
    for typed in ("", "3", "3", "1", "2"):
        assert walk.reply(typed).accepted
    assert isinstance(walk.current, Input)
    return walk


@pytest.mark.parametrize(
    "pasted",
    [
        "x" * 1_000_000,  # one long word: fuzzy matching it took ten seconds
        "I think my battery died " * 40_000,  # a phrase that names an answer, repeated
        "dropped " + "\u0627\u0644\u062e\u0637 " * 100_000,  # an alias, then Arabic
    ],
    ids=["one-word", "repeated-phrase", "alias-then-arabic"],
)
def test_a_pasted_megabyte_is_answered_at_once(pasted: str) -> None:
    walk = at_first_question()
    start = time.perf_counter()
    reply = walk.reply(pasted)
    assert time.perf_counter() - start < SLOW_CI
    assert not reply.accepted
    assert reply.reason == "too_long"
    assert "too long" in refusal_words(reply.reason)
    assert walk.depth == 1  # still at the question


def test_a_reply_just_under_the_limit_is_still_matched() -> None:
    walk = at_first_question()
    typed = ("I think my battery died " * 40)[: MAX_REPLY - 1]
    start = time.perf_counter()
    reply = walk.reply(typed)
    assert time.perf_counter() - start < SLOW_CI
    assert reply.accepted
    assert walk.moves[-1].label.startswith("It looked like an accident")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=MAX_REPLY))
def test_any_reply_up_to_the_limit_is_answered(typed: str) -> None:
    """Anything typed gets an answer: accepted, or a message and at most two suggestions."""
    walk = at_first_question()
    reply = walk.reply(typed)
    assert reply.accepted or (reply.reason is not None and len(reply.suggestions) <= 2)


# Pasted text with what a terminal would act on, and what is left of it.
PASTES = [
    ("\x1b[31mSam\x1b[0m", "Sam"),  # colour (CSI)
    ("\x1b]0;pwned\x07Sam", "Sam"),  # window title (OSC ended by BEL)
    ("\x1b]52;c;aGk=\x1b\\Sam", "Sam"),  # clipboard write (OSC 52 ended by ST)
    ("\x9b2JSam", "2JSam"),  # C1 CSI: the control goes, harmless letters stay
    ("S\x00a\x08m", "Sam"),  # NUL and backspace
    ("\u202eSam\u202c", "Sam"),  # a right-to-left override
    ("Sam\udcff\udcfe", "Sam"),  # bytes that were not UTF-8, read with surrogateescape
]


@pytest.mark.parametrize(("pasted", "kept"), PASTES)
def test_escape_codes_and_bad_bytes_never_reach_a_fact(
    pasted: str, kept: str, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "sessions.db")
    walk = at_the_name(store)
    walk.enter(pasted)  # saved as it happens: the store must take it
    assert walk.facts["name"] == kept
    (session,) = store.sessions()
    saved = store.events(session.id)[-1]
    assert (saved.value, saved.label) == (kept, kept)
    store.close()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_clean_leaves_nothing_a_terminal_or_a_database_would_act_on(typed: str) -> None:
    cleaned = clean(typed)
    assert not CONTROL.search(cleaned)
    cleaned.encode("utf-8")  # no lone surrogates


# --- links and routes ----------------------------------------------------------------------

HEAD = """\
flow: {id}
title: {id}
version: 1
start: {start}
sources:
  "000": {{title: Notes}}
"""
OUTCOME = """\
    outcome: Done
    steps: [Stop.]
    why: Because.
    source: {article: "000"}
"""


def test_a_link_into_a_long_chain_of_routes_is_followed_to_its_end() -> None:
    """A two-question flow links into a flow of 300 routes in a row: the walk used to
    give up after the first flow's size and call it a loop."""
    alpha = load_flow(
        (
            HEAD.format(id="alpha", start="q")
            + 'escape:\n  - {label: This could be an emergency, key: "!", next: out}\n'
            + "nodes:\n  q:\n    ask: Go on?\n    options:\n"
            + '      - {label: "Go", next: "beta:r0"}\n      - {label: Stop, next: out}\n'
            + "  out:\n"
            + OUTCOME
            + "    emergency: true\n"
        ).encode(),
        "alpha.yaml",
    ).flow
    chain = "".join(f"  r{i}:\n    route:\n      - next: r{i + 1}\n" for i in range(300))
    beta = load_flow(
        (HEAD.format(id="beta", start="r0") + "nodes:\n" + chain + "  r300:\n" + OUTCOME).encode(),
        "beta.yaml",
    ).flow
    assert alpha is not None and beta is not None
    flows: dict[str, Flow] = {"alpha": alpha, "beta": beta}
    walk = Walk(alpha, flows.get)
    assert walk.reply("1").accepted
    assert isinstance(walk.current, Advice)
    assert walk.current.node.id == "r300"


def test_routes_that_go_round_are_refused_by_check_and_stopped_by_the_walk() -> None:
    """Two routes sending each other round when no branch holds: `check` names the loop,
    and a walk that meets it stops with a message instead of spinning."""
    text = (
        HEAD.format(id="loop", start="q")
        + 'escape:\n  - {label: This could be an emergency, key: "!", next: out}\n'
        + "nodes:\n  q:\n    ask: Which?\n    options:\n"
        + "      - {label: A, set: {x: a}, next: r1}\n"
        + "      - {label: B, set: {x: b}, next: r1}\n"
        + "      - {label: C, set: {x: c}, next: r1}\n"
        + "  r1:\n    route:\n      - {when: {x: a}, next: out}\n      - {next: r2}\n"
        + "  r2:\n    route:\n      - {when: {x: b}, next: out}\n      - {next: r1}\n"
        + "  out:\n"
        + OUTCOME
        + "    emergency: true\n"
    )
    loaded = load_flow(text.encode(), "loop.yaml")
    assert loaded.flow is not None and loaded.problems == ()
    [problem] = validate(loaded.flow)
    assert (problem.code, problem.severity, problem.mark.line) == ("route-loop", "error", 17)
    assert "r1 → r2 → r1" in problem.message
    walk = Walk(loaded.flow)
    assert walk.reply("A").accepted  # x=a: out at once
    walk.restart()
    with pytest.raises(WalkError, match="loop"):
        walk.reply("C")  # x=c: round and round
    assert walk.depth == 0
