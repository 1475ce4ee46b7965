""" "Did you mean: X? (y/n)" in the engine (issue 17): one closest answer is offered
back; the next reply is read first as a yes or no to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.loader import read_flow
from guide.flow.steps import Question

FLOW = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "typed.yaml"
SIGNAL, ANGRY = "The signal went", "They were angry"
VAGUE = "it just went quiet"  # a word of one label, and one word of nothing


@pytest.fixture
def walk() -> Walk:
    loaded = read_flow(FLOW)
    assert loaded.flow is not None
    return Walk(loaded.flow)


def test_one_closest_answer_is_offered_alone(walk: Walk) -> None:
    reply = walk.reply(VAGUE)
    assert not reply.accepted
    assert reply.reason == "did_you_mean"
    assert [c.option.label for c in reply.suggestions] == [SIGNAL]


@pytest.mark.parametrize("typed", ["y", "Y", "yes", "yeah", "yep", "sure", "yes please"])
def test_yes_takes_the_answer_offered(walk: Walk, typed: str) -> None:
    walk.reply(VAGUE)
    assert walk.reply(typed).accepted
    assert [m.label for m in walk.moves] == [SIGNAL]


@pytest.mark.parametrize("typed", ["n", "no", "nope", "nah", "no, not that"])
def test_no_turns_it_down_and_the_question_stays(walk: Walk, typed: str) -> None:
    walk.reply(VAGUE)
    reply = walk.reply(typed)
    assert (reply.accepted, reply.reason, reply.suggestions) == (False, "not_that", ())
    assert walk.moves == () and isinstance(walk.current, Question)
    assert walk.reply("y").reason == "no_match"  # the offer is gone with the "no"


def test_other_words_after_an_offer_are_matched_as_ever(walk: Walk) -> None:
    walk.reply(VAGUE)
    assert walk.reply("they were shouting at me").accepted
    assert [m.label for m in walk.moves] == [ANGRY]


def test_the_offer_is_gone_once_the_walk_moves(walk: Walk) -> None:
    walk.reply(VAGUE)
    walk.restart()
    assert walk.reply("yes").reason == "no_match"


def test_two_close_answers_are_no_yes_no_question(walk: Walk) -> None:
    reply = walk.reply("the signal went and they were angry")
    assert [c.option.label for c in reply.suggestions] == [SIGNAL, ANGRY]
    assert walk.reply("y").reason == "no_match"
