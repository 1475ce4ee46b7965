"""The safety lexicon: crisis words reach the emergency advice, everyday words do not.

The phrases are in `crisis_phrases.txt`; every one is a case here, so a miss or
a false alarm names its phrase. Then the engine: at every question, input and
"go on" step of every bundled flow, a crisis phrase lands on the emergency
outcome with no "did you mean" in between.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.flow.crisis import MAX_SCAN, crisis, find, normalise
from guide.flow.engine import Walk
from guide.flow.lexicon import LEXICON
from guide.flow.loader import load_flow, read_flow
from guide.flow.model import Ask, Flow, Input, Say, Wait
from guide.flow.steps import Advice, Question
from guide.flow.typed import MAX_REPLY
from guide.library.flows import bundled_flows, resolver
from tests.flow.crisis_phrases import CRISIS, ORDINARY

FLOWS = [f for f in (read_flow(p).flow for p in bundled_flows()) if f is not None]
RESOLVE = resolver(FLOWS)
CASES = [pytest.param(p, c, id=f"{c}: {p}") for c, phrases in CRISIS.items() for p in phrases]


# --- the matcher --------------------------------------------------------------------


def test_the_phrase_lists_are_big_enough_and_cover_every_category() -> None:
    assert sum(len(p) for p in CRISIS.values()) >= 100
    assert len(ORDINARY) >= 100
    assert set(CRISIS) == set(LEXICON)
    assert all(len(phrases) >= 10 for phrases in CRISIS.values())


@pytest.mark.parametrize(("phrase", "category"), CASES)
def test_a_crisis_phrase_is_recognised(phrase: str, category: str) -> None:
    hit = find(phrase)
    assert hit is not None, f"missed: {phrase!r} (read as {normalise(phrase)!r})"
    assert hit.category == category, f"{phrase!r} read as {hit}"


@pytest.mark.parametrize("phrase", ORDINARY)
def test_an_ordinary_phrase_is_not_a_crisis(phrase: str) -> None:
    assert find(phrase) is None, f"false alarm on {phrase!r}: {find(phrase)}"


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("HE TOOK PILLS!!!", "medical"),  # shouting and punctuation
        ("he\u2019s not breathing", "medical"),  # a typographic apostrophe
        ("she is suicdal", "self-harm"),  # one slip in a long word (FUZZY)
        ("he od'd", "medical"),  # not "odd"
        ("i can not go on", "self-harm"),  # "can not" is "can't"
        ("no, he collapsed", "medical"),  # "no" answering a question negates nothing
        ("not sure if hes hurt", "medical"),  # uncertainty still alarms
        ("he's not answering and she took pills", "medical"),  # negation stops at "and"
        ("he is not hurt", None),
        ("he isn't badly hurt", None),
        ("nobody is bleeding", None),
        ("i never said he hit me", None),  # negation within three words
        ("streaming", None),  # one slip from "screaming", which is not fuzzy-matched
        ("the line was bleeping", None),
        ("", None),
        ("   ", None),
    ],
)
def test_how_text_is_read(typed: str, category: str | None) -> None:
    assert crisis(typed) == category


def test_no_answer_of_a_bundled_flow_reads_as_a_crisis() -> None:
    """Ordinary answers are never taken from the person ("smoke" is a break in sales)."""
    found = [
        (flow.id, node.id, text, find(text))
        for flow in FLOWS
        for node in flow.nodes.values()
        if isinstance(node, Ask)
        for option in node.options
        for text in (option.label, *option.aliases)
        if find(text)
    ]
    assert found == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=MAX_SCAN + 100))
def test_the_matcher_never_raises_and_reads_any_text_fast(text: str) -> None:
    started = time.perf_counter()
    result = crisis(text)
    assert result is None or result in LEXICON
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize(
    "text",
    [
        "drunk " * 400,  # a word that starts a bounded window, over and over
        "he said " * 300,
        "not " * 600,
        "a" * 100_000,  # a pasted megabyte is cut to MAX_SCAN first
        "|.,!?" * 1000,
    ],
)
def test_worst_case_text_stays_fast(text: str) -> None:
    crisis("warm up")
    started = time.perf_counter()
    for _ in range(10):
        crisis(text)
    assert (time.perf_counter() - started) / 10 < 0.02


# --- the engine: every step of every bundled flow ---------------------------------


def _steps() -> list[object]:
    return [
        pytest.param(flow, node.id, id=f"{flow.id}:{node.id}")
        for flow in FLOWS
        for node in flow.nodes.values()
        if isinstance(node, (Ask, Input, Say, Wait))
    ]


@pytest.mark.parametrize(("flow", "node_id"), _steps())
@pytest.mark.parametrize("category", list(CRISIS))
def test_crisis_words_at_every_step_reach_the_emergency_outcome(
    flow: Flow, node_id: str, category: str
) -> None:
    walk = Walk(flow, RESOLVE, start=node_id)
    phrase = CRISIS[category][0]
    reply = walk.reply(phrase)
    assert reply.accepted, reply
    assert reply.urgent == category
    assert reply.suggestions == ()
    step = walk.current
    assert isinstance(step, Advice)
    assert step.node.emergency, f"{flow.id}:{node_id} went to {step.node.id}"


def test_ordinary_words_still_match_the_options() -> None:
    walk = Walk(next(f for f in FLOWS if f.id == "hang-up"), RESOLVE, start="why-ended")
    reply = walk.reply("my battery died")
    assert reply.accepted and reply.urgent is None
    assert walk.path()[-1][1] != "emergency"


ESCAPE_BRANCH = b"""
flow: inside
title: A flow whose emergency branch asks a question
version: 1
start: first
escape:
  - label: Emergency
    key: "!"
    next: danger
nodes:
  first:
    ask: Did it end badly?
    options:
      - label: "Yes"
        next: done
      - label: "No"
        next: done
  danger:
    ask: Is the person with you?
    escape: false
    options:
      - label: "Yes, with me"
        next: done
      - label: "No, somewhere else"
        next: done
  done:
    outcome: Done
    steps: [Go on]
    why: Because.
    source: {article: a}
sources:
  a: {title: A}
"""


def test_inside_the_escape_branch_crisis_words_do_not_jump_again() -> None:
    loaded = load_flow(ESCAPE_BRANCH)
    assert loaded.flow is not None and not loaded.problems, loaded.problems
    walk = Walk(loaded.flow)
    assert walk.reply("she took pills").urgent == "medical"
    assert isinstance(walk.current, Question) and walk.current.node.id == "danger"
    reply = walk.reply("she took pills")
    assert reply.urgent is None  # matched as an ordinary answer, or not at all
    assert walk.path()[-1][1] == "danger"


def test_a_flow_without_an_escape_matches_as_before() -> None:
    loaded = load_flow(
        ESCAPE_BRANCH.replace(
            b'escape:\n  - label: Emergency\n    key: "!"\n    next: danger\n', b""
        )
    )
    assert loaded.flow is not None
    walk = Walk(loaded.flow)
    reply = walk.reply("she took pills")
    assert not reply.accepted and reply.urgent is None


def test_a_long_answer_with_crisis_words_still_reaches_the_emergency() -> None:
    walk = Walk(FLOWS[0], RESOLVE)
    while not isinstance(walk.current, (Question, Input)):
        walk.proceed()
    text = "so basically " * 60 + "and then she said she took pills"
    assert len(text) > MAX_REPLY
    assert walk.reply(text).urgent == "medical"
    assert walk.finished


@pytest.mark.parametrize(("flow", "node_id"), _steps())
def test_ordinary_words_never_reach_the_emergency_at_any_step(flow: Flow, node_id: str) -> None:
    """Not through the lexicon, and not through the escape's aliases either ("I felt
    hurt" must not match an alias `hurt`): the escape's words are the lexicon's."""
    alarmed = []
    for phrase in ORDINARY:
        if phrase == "!":  # the escape's key
            continue
        walk = Walk(flow, RESOLVE, start=node_id)
        walk.reply(phrase)
        step = walk.current
        if isinstance(step, Advice) and step.node.emergency:
            alarmed.append(phrase)
    assert alarmed == []
