"""The professional flows (sales, contact-centre) as a person walks them (issue 17).

Each test walks the bundled flow in-process, the way a face does, and asserts what
the person would read: the questions asked, and the title, why and words of the
advice they reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from guide.flow.engine import Advice, Question, Walk
from guide.flow.examples import walk_answers
from guide.flow.loader import read_flow
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.template import placeholders
from guide.library.flows import bundled_flows

FLOWS = {path.stem: read_flow(path).flow for path in bundled_flows()}
SALES = FLOWS["sales"]
CENTRE = FLOWS["contact-centre"]
PRO = ["sales", "contact-centre"]

# The supervisor's way to the abandonment rate: role, "callers hanging up in the queue".
QUEUE = ["2", "2"]
COUNT_ALL = "2"  # "No, count every abandoned call"
LEAVE_OUT = "1"  # "Yes, leave the very short ones out"


def walked(flow: Flow, answers: list[str]) -> Walk:
    walk = Walk(flow)
    assert walk_answers(walk, answers) is None
    return walk


def advice(flow: Flow, answers: list[str]) -> Advice:
    step = walked(flow, answers).current
    assert isinstance(step, Advice), step
    return step


def asked(walk: Walk) -> str:
    step = walk.current
    assert isinstance(step, (Question, Input)), step
    return step.node.id if isinstance(step, Question) else step.id


# --- the abandonment rate ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("offered", "abandoned", "rate", "outcome"),
    [
        ("1000", "20", "2.0", "rate-below"),
        ("1000", "49", "4.9", "rate-below"),
        ("1000", "50", "5.0", "rate-on-track"),  # the edges of 5-8% are inside it
        ("1000", "70", "7.0", "rate-on-track"),  # the article's own example
        ("1000", "80", "8.0", "rate-on-track"),
        ("1000", "81", "8.1", "rate-too-high"),
        ("1000", "150", "15.0", "rate-too-high"),
    ],
)
def test_the_rate_is_in_the_title_and_why_of_its_own_band(
    offered: str, abandoned: str, rate: str, outcome: str
) -> None:
    got = advice(CENTRE, [*QUEUE, "last week", COUNT_ALL, offered, abandoned])
    assert got.node.id == outcome
    assert f"{rate}%" in got.title
    assert f"{rate}%" in got.why
    assert f"{abandoned} of {offered}" in got.why
    assert "{" not in got.title + got.why  # every placeholder filled


def test_each_band_has_its_own_advice() -> None:
    bands = [advice(CENTRE, [*QUEUE, "", COUNT_ALL, "1000", n]) for n in ("20", "70", "150")]
    assert len({b.node.id for b in bands}) == 3
    assert len({tuple(b.node.steps) for b in bands}) == 3
    assert [next(w for w in ("below", "within", "above") if w in b.title) for b in bands] == [
        "below",
        "within",
        "above",
    ]


def test_short_abandons_are_left_out_of_both_counts_and_the_why_says_so() -> None:
    got = advice(CENTRE, [*QUEUE, "Monday", LEAVE_OUT, "1040", "110", "40"])
    assert got.node.id == "rate-on-track"
    assert "7.0%" in got.title
    assert "70 of 1000" in got.why
    assert "short abandons left out: 40" in got.why


def test_counting_every_call_says_none_were_left_out() -> None:
    got = advice(CENTRE, [*QUEUE, "Monday", COUNT_ALL, "1040", "110"])
    assert "10.6%" in got.title
    assert "short abandons left out: 0" in got.why


def test_the_period_typed_goes_into_the_message() -> None:
    got = advice(CENTRE, [*QUEUE, "the week of 3 March", COUNT_ALL, "1000", "70"])
    assert got.text.startswith("Our abandonment rate for the week of 3 March was 7.0%")


def test_no_period_still_gives_a_message_without_a_gap_to_fill() -> None:
    got = advice(CENTRE, [*QUEUE, "", COUNT_ALL, "1000", "70"])
    assert got.text.startswith("Our abandonment rate for the period was 7.0%")
    assert "(" not in got.text.split("calls)")[-1]  # no "(period)" left for the person


def test_no_calls_offered_explains_and_leads_back_to_the_count() -> None:
    walk = walked(CENTRE, [*QUEUE, "today", COUNT_ALL, "0"])
    step = walk.current
    assert isinstance(step, Question)
    assert "no rate" in step.text
    assert walk.reply("type it again").accepted
    assert asked(walk) == "calls-offered"
    assert walk_answers(walk, ["500", "50"]) is None
    step = walk.current
    assert isinstance(step, Advice) and "10.0%" in step.title


def test_no_calls_offered_can_also_lead_to_another_question() -> None:
    walk = walked(CENTRE, [*QUEUE, "today", COUNT_ALL, "0", "2"])
    assert asked(walk) == "lead-what"


# --- ending a resolved call ------------------------------------------------------------------

# The agent, thinking of ending a call, because "the problem is solved".
SOLVED = ["1", "2", "4"]


def test_the_closing_steps_are_asked_before_the_advice_to_close() -> None:
    walk = walked(CENTRE, SOLVED)
    step = walk.current
    assert isinstance(step, Question)
    assert "closing steps" in step.text
    assert advice(CENTRE, [*SOLVED, "1"]).node.id == "close-resolved-call"
    unfinished = advice(CENTRE, [*SOLVED, "2"])
    assert unfinished.node.id == "finish-closing"
    assert "before you end" in unfinished.title


def test_every_way_to_the_close_passes_the_closing_steps_question() -> None:
    ends = [w for w in every_end(CENTRE) if w.current.node.id == "close-resolved-call"]
    assert ends
    for walk in ends:
        assert "closing-done" in [node for _, node, _ in walk.path()]


# --- sales: was there a conversation? --------------------------------------------------------


def test_sales_asks_whether_you_were_already_talking() -> None:
    walk = walked(SALES, ["1"])
    assert asked(walk) == "talked-first"
    assert "talking" in walk.current.text


def test_a_conversation_cut_short_gets_the_call_back() -> None:
    got = advice(SALES, ["1", "we were in the middle of a conversation", "not yet", "", ""])
    assert got.node.id == "call-back-now"
    assert got.node.source.article == "001"


def test_a_hang_up_at_the_opening_line_moves_on() -> None:
    got = advice(SALES, ["1", "he hung up as soon as i said my name"])
    assert got.node.id == "move-on"
    assert got.node.source.article == "000"
    assert not got.script and not got.text  # nothing to say: the next number is the step


# --- names and openers -----------------------------------------------------------------------


COUNTS = ("1000", "20", "70", "150")


def every_end(flow: Flow, typed: str = "Sam") -> Iterator[Walk]:
    """A walk to each outcome by every answer: text inputs get `typed`, counts one of
    `COUNTS` each (so every band of the rate is reached; a sum that cannot be done
    ends that walk)."""

    def go(answers: list[str]) -> Iterator[Walk]:
        walk = Walk(flow)
        if walk_answers(walk, answers) is not None:
            return
        step = walk.current
        if isinstance(step, Advice):
            if not step.node.emergency:
                yield walk
        elif isinstance(step, Question):
            for choice in step.choices:
                if not choice.option.is_escape:
                    yield from go([*answers, choice.handle])
        elif isinstance(step, Input):
            for value in [typed] if step.type == "text" else COUNTS:
                yield from go([*answers, value])
        else:
            assert not isinstance(step, (Say, Wait))

    return go([])


@pytest.mark.parametrize("name", PRO)
def test_every_name_asked_is_used_by_the_advice(name: str) -> None:
    flow = FLOWS[name]
    ends = list(every_end(flow))
    assert {w.current.node.id for w in ends} >= {o.id for o in flow.outcomes() if not o.emergency}
    for walk in ends:
        outcome = walk.current.node
        used = {
            fact
            for words in (outcome.title, outcome.why, outcome.script, outcome.text)
            for fact in placeholders(words)
        }
        typed = {
            node.fact
            for _, node, _ in walk.visited()
            if isinstance(node, Input) and node.type == "text"
        }
        assert typed <= used, f"{outcome.id} asks for {sorted(typed - used)} and never uses it"


@pytest.mark.parametrize("name", PRO)
def test_no_opener_to_a_stranger_starts_its_me(name: str) -> None:
    # Prospects and customers have heard the voice once at most: the words say who it is.
    its_me = re.compile(r"\bit[\u2019']s (me|\{me)", re.IGNORECASE)
    for outcome in FLOWS[name].outcomes():
        for words in (outcome.script, outcome.text):
            assert not its_me.search(words), f"{outcome.id}: {words}"


@pytest.mark.parametrize("name", PRO)
def test_with_no_names_given_the_words_still_say_who_is_calling(name: str) -> None:
    for walk in every_end(FLOWS[name], typed=""):
        step = walk.current
        assert isinstance(step, Advice)
        if "me" in placeholders(step.node.script + step.node.text):
            assert "(your name)" in step.script + step.text, step.node.id
