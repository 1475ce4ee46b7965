"""Yes and no in their common forms, at questions whose answers read as yes and no.

The questions are built by hand the way the bundled flows word them: answers opening
with "Yes" and "No", "Not yet", or carrying the alias "yes" or "no".
"""

from __future__ import annotations

import pytest

from guide.flow.match import Choice, match
from guide.flow.model import Option, Target

CAN = Option("Yes, I can call now", Target("call"), aliases=("call", "ring"))
CANNOT = Option("No, a call isn't possible or would feel wrong", Target("text"), aliases=("text",))
WARNED = Option("Yes, and it has carried on", Target("end"), aliases=("warned", "again"))
NOT_YET = Option("Not yet", Target("warn"), aliases=("haven't",))
CALLED = Option("They called back", Target("talk"), aliases=("yes", "rang back"))
SILENT = Option("Still nothing", Target("wait"), aliases=("no", "silence"))
ESCAPE = Option("This could be an emergency", Target("help"), key="!", is_escape=True)


def offered(*options: Option) -> tuple[Choice, ...]:
    numbered = [Choice(o, n, None) for n, o in enumerate(options, 1)]
    return (*numbered, Choice(ESCAPE, None, "!"))


CALL_NOW = offered(CAN, CANNOT)
WARNED_YET = offered(NOT_YET, WARNED)
CALLED_BACK = offered(CALLED, SILENT)
YES_FORMS = ["yes", "Yes!", "yeah", "yep", "yup", "sure", "yeah sure", "of course", "y", "ok"]
YES_FORMS += ["well, yes", "I did", "I have", "I can", "definitely", "Yeah I think so"]
NO_FORMS = ["no", "No.", "nope", "nah", "n", "not yet", "not really", "never", "no thanks"]
NO_FORMS += ["I haven't", "I don't think so", "no, I haven't warned them yet", "um no"]


@pytest.mark.parametrize("text", YES_FORMS)
@pytest.mark.parametrize(
    ("question", "yes"), [(CALL_NOW, CAN), (WARNED_YET, WARNED), (CALLED_BACK, CALLED)]
)
def test_yes_in_its_common_forms(text: str, question: tuple[Choice, ...], yes: Option) -> None:
    found = match(text, question)
    assert found.picked is not None, found.suggestions
    assert found.picked.option is yes


@pytest.mark.parametrize("text", NO_FORMS)
@pytest.mark.parametrize(
    ("question", "no"), [(CALL_NOW, CANNOT), (WARNED_YET, NOT_YET), (CALLED_BACK, SILENT)]
)
def test_no_in_its_common_forms(text: str, question: tuple[Choice, ...], no: Option) -> None:
    found = match(text, question)
    assert found.picked is not None, found.suggestions
    assert found.picked.option is no


def test_a_bare_yes_is_taken_not_asked_about() -> None:
    """It used to ask "did you mean: Yes, I can call now?" with that one choice."""
    assert match("yes", CALL_NOW).picked is CALL_NOW[0]


@pytest.mark.parametrize("text", ["not sure", "no idea", "I'm not sure", "dunno", "maybe"])
def test_doubt_is_neither_yes_nor_no(text: str) -> None:
    assert match(text, CALL_NOW).picked is None


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        ("no, I'm at work so I'd rather text", CANNOT),  # no, and the alias of no
        ("yes I'll ring them", CAN),  # yes, and the alias of yes
        ("I can't right now", CANNOT),  # "I can" then "not"
        ("they haven't rung back", SILENT),  # a negated alias of yes is no cue for it
    ],
)
def test_yes_or_no_with_more_words(text: str, picked: Option) -> None:
    found = match(text, CALL_NOW if picked in (CAN, CANNOT) else CALLED_BACK)
    assert found.picked is not None, found.suggestions
    assert found.picked.option is picked


@pytest.mark.parametrize(
    "text",
    [
        "yes, but I'd rather text",  # yes, and the alias of no: ask
        "no, I'll ring them now",  # no, and the alias of yes: ask
    ],
)
def test_yes_or_no_against_the_other_answer_s_words_asks_back(text: str) -> None:
    found = match(text, CALL_NOW)
    assert found.picked is None
    assert {c.option.label for c in found.suggestions} == {CAN.label, CANNOT.label}


def test_two_answers_reading_yes_leave_yes_to_their_other_words() -> None:
    now = Option("Yes, right away: they were keen", Target("now"), aliases=("now", "keen"))
    later = Option("Yes, but later: they seemed rushed", Target("later"), aliases=("later",))
    never = Option("No: they aren't a good fit", Target("drop"), aliases=("skip",))
    question = offered(now, later, never)
    found = match("yes", question)
    assert found.picked is None
    assert [c.option for c in found.suggestions] == [now, later]  # asked which
    assert match("yeah, later", question).picked is question[1]
    assert match("nah", question).picked is question[2]


def test_yes_and_no_mean_nothing_where_no_answer_reads_so() -> None:
    busy = Option("They were busy", Target("a"), aliases=("busy",))
    angry = Option("They were angry", Target("b"), aliases=("angry",))
    assert match("yes", offered(busy, angry)).picked is None
    assert match("nope", offered(busy, angry)).picked is None
