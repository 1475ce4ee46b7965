"""How the cues found in a sentence weigh against each other (issue 17): the longest
cue wins over a cue inside it, an alias as written over one only alike by its stems,
and a negation belongs to the phrase that holds it."""

from __future__ import annotations

import pytest

from guide.flow.match import Choice, match
from guide.flow.model import Option, Target
from tests.flow.test_match import ANGRY, BATTERY, BUSY, CHOICES, label


def offered(*options: Option) -> tuple[Choice, ...]:
    return tuple(Choice(o, n, None) for n, o in enumerate(options, 1))


HUNG_UP = Option("The customer hung up on me", Target("a"), aliases=("hung up", "went dead"))
ENDING = Option("I'm thinking of ending a call myself", Target("b"), aliases=("hang up on",))
ONE = Option("One call that ended in a hang-up", Target("a"), aliases=("single", "complaint"))
MANY = Option("Many hang-ups during calls", Target("b"), aliases=("pattern", "complaints"))
LEAVE = Option(
    "Yes, leave the very short ones out", Target("a"), aliases=("don't count", "5 seconds", "we do")
)
COUNT = Option("No, count every abandoned call", Target("b"), aliases=("count them all",))
CALM = Option("Yes, I can keep it light", Target("a"), aliases=("sure", "relaxed"))
SHORT = Option("Not really: I'd sound cross", Target("b"), aliases=("no", "cross"))
CAN = Option("Yes, I can call them", Target("a"), aliases=("allowed to call", "call"))
CANNOT = Option("No: not allowed", Target("b"), aliases=("not allowed",))


@pytest.mark.parametrize(
    ("text", "question", "picked"),
    [
        # "hung up on" holds "hang up on" by its stems: the longer cue of the label wins
        ("the customer hung up on me", (HUNG_UP, ENDING), HUNG_UP),
        # ... and "hang up on" holds "hung up" by its stems
        ("can I hang up on them?", (HUNG_UP, ENDING), ENDING),
        # "complaints" as written is MANY's alias; ONE's "complaint" only by its stem
        ("complaints about a pattern", (ONE, MANY), MANY),
        ("a single complaint", (ONE, MANY), ONE),
        # the "not" of "don't count" is that alias's own: "5 seconds" still counts
        ("we don't count anything under 5 seconds", (LEAVE, COUNT), LEAVE),
        # "we do" then "not": the helping verb is negated, and "we don't" answers no
        ("we don't", (LEAVE, COUNT), COUNT),
        # the alias "no" is an answer, not the "no" of "no problem"
        ("sure, no problem", (CALM, SHORT), CALM),
        # "not allowed" is one answer's; the other's "allowed to call" is negated by it
        ("we're not allowed to call out", (CAN, CANNOT), CANNOT),
    ],
)
def test_the_cue_that_says_most_wins(
    text: str, question: tuple[Option, ...], picked: Option
) -> None:
    found = match(text, offered(*question))
    assert found.picked is not None, [c.option.label for c in found.suggestions]
    assert found.picked.option is picked


def test_a_negation_in_one_answer_s_phrase_still_negates_the_other_s_cue() -> None:
    never = Option("Not yet", Target("a"), aliases=("never",))
    warned = Option("Yes, and it has carried on", Target("b"), aliases=("warned",))
    for text in ("never warned him", "I have not yet warned them"):
        found = match(text, offered(never, warned))
        assert found.picked is not None and found.picked.option is never, text


def test_words_of_a_label_after_its_negation_are_no_cue_without_it() -> None:
    someone = Option("Yes, someone who knows them", Target("a"), aliases=("colleague",))
    nobody = Option("No, there's nobody I could ask", Target("b"), aliases=("no one",))
    found = match("I could ask her colleague", offered(someone, nobody))
    assert found.picked is not None and found.picked.option is someone
    found = match("there's nobody I could ask", offered(someone, nobody))
    assert found.picked is not None and found.picked.option is nobody


def test_did_you_mean_lists_the_closest_first() -> None:
    # both aliases ("battery", "angry"), and "died" is a word of the battery's label too
    found = match("the battery died and they were angry", CHOICES)
    assert found.picked is None
    assert [label(c) for c in found.suggestions] == [BATTERY.label, ANGRY.label]
    # the other way round
    found = match("they were angry, shouting, and my battery went", CHOICES)
    assert [label(c) for c in found.suggestions] == [ANGRY.label, BATTERY.label]


def test_an_alias_outweighs_a_word_of_another_answer_s_label() -> None:
    # "angry" is an alias of one answer; "rush" only a word of another's label
    assert label(match("they were angry about the rush", CHOICES).picked) == ANGRY.label


def test_three_words_of_a_label_in_a_row_weigh_as_much_as_an_alias() -> None:
    assert label(match("I guess they had to rush", CHOICES).picked) == BUSY.label
    found = match("they were angry, had to rush", CHOICES)
    assert found.picked is None
    assert {label(c) for c in found.suggestions} == {ANGRY.label, BUSY.label}


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("there isn't any signal", "no signal"),
        ("we don't have any friends in common", "no friends in common"),
        ("no, I haven't got any", "got no"),
    ],
)
def test_not_any_is_no(text: str, alias: str) -> None:
    meant = Option("This one", Target("a"), aliases=(alias,))
    other = Option("That one", Target("b"), aliases=("something else",))
    found = match(text, offered(meant, other))
    assert found.picked is not None and found.picked.option is meant
