"""The main flow's advice fits the situation (issue 17): who was on the line, what was
already tried, the two kinds of waiting, and words that are whole and fit the person.

Every finished walk of flows/hang-up.yaml is enumerated once (`WALKS`), in-process with
`Walk`, and the facts a person would notice are asserted over all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.steps import Advice, Question
from guide.flow.template import placeholders
from guide.library.flows import scan

REPO = Path(__file__).resolve().parents[2]
LIBRARY = scan()
MAIN: Flow = LIBRARY.flows["hang-up"]
TYPED = {
    "name": "Sam",
    "me": "Alex",
    "topic": "the order for 40 chairs",
    "need": "the rent by Friday",
}


@dataclass(frozen=True)
class Walked:
    """One finished walk: its outcome, the words shown, the facts, the steps it went through."""

    outcome: str
    advice: Advice
    facts: dict[str, str]
    nodes: tuple[str, ...]
    asked: tuple[str, ...]
    """The facts typed in at `input` steps on the way."""


def _all_walks() -> list[Walked]:
    walk = Walk(MAIN, LIBRARY.resolver())
    found: list[Walked] = []

    def visit() -> None:
        step = walk.current
        if walk.current_flow.id != MAIN.id:
            return  # into the sales or contact-centre guide: their own tests
        if isinstance(step, Advice):
            nodes = tuple(node for _, node, _ in walk.trail())
            asked = tuple(n.fact for _, n, _ in walk.visited() if isinstance(n, Input))
            found.append(Walked(step.node.id, step, dict(walk.facts), nodes, asked))
            return
        if isinstance(step, Question):
            for choice in step.choices:
                if not choice.option.is_escape:
                    walk.choose(choice)
                    visit()
                    walk.back()
            return
        if isinstance(step, (Say, Wait)):
            walk.proceed()
        elif isinstance(step, Input):
            walk.enter(TYPED[step.fact])
        visit()
        walk.back()

    visit()
    return found


WALKS = _all_walks()


def walk_words(*replies: str) -> Walk:
    """A walk of the main flow with these typed replies, each one taken."""
    walk = Walk(MAIN, LIBRARY.resolver())
    for reply in replies:
        taken = walk.reply(reply)
        assert taken.accepted, (walk.current, reply, taken)
    return walk


def test_every_outcome_is_reached_by_some_walk() -> None:
    assert {w.outcome for w in WALKS} == {o.id for o in MAIN.outcomes()} - {"emergency"}


# --- who was on the line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "relationship"),
    [
        ("my neighbour", "acquaintance"),  # refused before issue 17
        ("someone from my book club", "acquaintance"),
        ("another parent at the school gate", "acquaintance"),
        ("my mum", "family"),
        ("my son", "family"),
        ("my sister", "family"),
        ("my ex", "partner"),
        ("my boyfriend", "partner"),
        ("a friend", "friend"),
        ("my landlord", "landlord"),
        ("my tenant", "landlord"),
        ("a client", "work"),
        ("our supplier", "work"),
        ("my boss", "work"),
        ("a recruiter", "work"),
        ("someone I cold called", "prospect"),
        ("the bank's helpline", "service"),
    ],
)
def test_everyone_people_are_hung_up_on_by_is_understood(typed: str, relationship: str) -> None:
    walk = walk_words("", "we were fighting and he hung up", typed)
    assert walk.facts["relationship"] == relationship


def test_a_supplier_cut_off_mid_order_gets_the_work_advice() -> None:
    walk = walk_words(
        "", "the line just went dead", "about ten minutes ago and nothing", "our supplier",
        "nothing yet", "yes", "Marta", "Alex", "40 chairs, delivered Friday",
    )  # fmt: skip
    advice = walk.current
    assert isinstance(advice, Advice) and advice.node.id == "call-back-business"
    steps = " ".join(advice.node.steps).lower()
    assert "business" in steps and "voicemail" in steps and "in writing" in steps
    assert "40 chairs, delivered Friday" in advice.text  # what was agreed, confirmed


# --- what they already tried -----------------------------------------------------------------


def test_no_one_who_already_waited_is_told_to_wait_again() -> None:
    waited = [
        w
        for w in WALKS
        if "wait-for-callback" in w.nodes
        or w.facts.get("callback") == "none"
        or w.facts.get("tried") == "waited"
    ]
    assert waited
    assert {w.outcome for w in waited}.isdisjoint({"give-it-time"})
    for w in waited:
        steps = " ".join(w.advice.node.steps).lower()
        assert "give it a minute" not in steps, w.outcome


def test_ignored_calls_and_texts_are_never_answered_with_another_call_or_message() -> None:
    ignored = {w.outcome for w in WALKS if w.facts.get("tried") == "both"}
    again = {"call-back-personal", "call-back-business", "send-text", "write-to-confirm"}
    assert ignored and ignored.isdisjoint(again | {"urgent-message", "urgent-practical"})
    rang = {w.outcome for w in WALKS if w.facts.get("tried") == "called"}
    assert rang.isdisjoint({"call-back-personal", "call-back-business"})
    wrote = {w.outcome for w in WALKS if w.facts.get("tried") == "messaged"}
    assert wrote.isdisjoint({"send-text", "write-to-confirm", "think-it-over"})


def test_a_go_between_is_reachable_when_a_tense_work_call_is_ignored() -> None:
    """A business contact ignores calls and texts after a tense call; a colleague knows them."""
    walk = walk_words(
        "", "we were arguing", "a client", "5",  # rang and messaged: no answer
        "no, it can wait", "calm now", "ask their colleague to help", "yes, a colleague",
    )  # fmt: skip
    walk.reply("Dana")
    assert isinstance(walk.current, Advice) and walk.current.node.id == "ask-third-party"
    reached = {w.outcome for w in WALKS if w.facts.get("tried") == "both"}
    assert {"ask-third-party", "pass-it-on"} <= reached


def test_unsure_paths_ask_who_it_was_and_whether_it_can_wait() -> None:
    unsure = [w for w in WALKS if w.facts.get("intent") == "unsure"]
    assert unsure
    for w in unsure:
        assert "who-was-it" in w.nodes, w.nodes
        if w.facts.get("relationship") not in ("prospect", "service"):
            assert "can-it-wait" in w.nodes, w.nodes


def test_a_tenant_with_a_worsening_leak_gets_urgent_practical_words() -> None:
    leak = "the leak in the bathroom ceiling is getting worse"
    walk = walk_words("", "idk", "my landlord", "nothing yet", "yes it's getting worse", leak)
    walk.reply("Mr Patel")
    walk.reply("Alex, flat 3")
    advice = walk.current
    assert isinstance(advice, Advice) and advice.node.id == "urgent-practical"
    assert f"it can't wait: {leak}." in advice.text
    shown = " ".join([advice.node.title, advice.node.why, *advice.node.steps, advice.text])
    assert "No rush" not in shown and "think it through" not in shown.lower()


def test_someone_replaying_the_call_is_not_told_to_go_over_it() -> None:
    replaying = [w for w in WALKS if w.facts.get("feeling") == "replaying"]
    assert replaying and {w.outcome for w in replaying} == {"reset-first"}
    for w in replaying:
        assert "go over" not in " ".join(w.advice.node.steps).lower()


# --- words that are whole, and fit the person --------------------------------------------------


def test_no_words_shown_have_an_unfilled_placeholder() -> None:
    for w in WALKS:
        for words in (w.advice.script, w.advice.text):
            assert "{" not in words and "(the thing" not in words, (w.outcome, words)


def test_only_names_the_words_use_are_asked_for() -> None:
    for w in WALKS:
        used = {*placeholders(w.advice.node.script), *placeholders(w.advice.node.text)}
        assert set(w.asked) <= used, (w.outcome, w.asked, used)


def test_what_the_words_need_to_be_whole_is_asked_for() -> None:
    """A message with the thing that can't wait is never sent without it."""
    for w in WALKS:
        used = {*placeholders(w.advice.node.script), *placeholders(w.advice.node.text)}
        if "need" in used:
            assert "need" in w.asked, w.outcome


def test_the_name_question_reads_naturally_for_mum() -> None:
    walk = walk_words("", "the line just went dead", "she rang me back")
    assert isinstance(walk.current, Input)
    assert walk.current.text.startswith("What do you call them?")
    walk.reply("Mum")
    assert isinstance(walk.current, Advice)
    assert walk.current.script.startswith("Hi Mum,")


STRANGERS = ("acquaintance", "landlord", "work", "prospect", "service")


def test_a_call_back_to_someone_who_may_not_know_your_voice_never_says_its_me() -> None:
    strangers = [w for w in WALKS if w.facts.get("relationship") in STRANGERS]
    assert strangers
    for w in strangers:
        for words in (w.advice.script, w.advice.text):
            assert not re.search(r"\bit'?s me\b", words, re.I), (w.outcome, words)


# --- two kinds of waiting: each outcome matches the section it cites ---------------------------

SECTIONS = {
    # section named in the flow -> words every outcome citing it has in its title
    "What to do when someone hangs up": ("find out",),
    "Wait a second: did they mean it?": ("pick up",),
    "What should you do: call back": ("call", "ring"),
    "A text after they hang up": ("message", "writing", "write"),
    "Give it more time": ("time",),
    "What do you think about the situation": ("think",),
    "Is it an emergency": ("emergency",),
    "Do you need to move on": ("move on", "plan", "later", "call back"),
    "Can you afford to give it up": ("reset",),
    "Should you involve another party": ("someone who knows them",),
}


@pytest.mark.parametrize("outcome", MAIN.outcomes(), ids=lambda o: o.id)
def test_each_outcome_title_matches_the_section_it_cites(outcome: object) -> None:
    from guide.flow.model import Outcome

    assert isinstance(outcome, Outcome)
    assert outcome.source.section in SECTIONS, outcome.source.section
    title = outcome.title.lower()
    assert any(word in title for word in SECTIONS[outcome.source.section]), outcome.title


def test_the_two_kinds_of_waiting_cite_different_sections() -> None:
    sources = {o.id: o.source.section for o in MAIN.outcomes()}
    assert sources["give-it-time"] == "Give it more time"
    assert sources["reset-first"] == "Can you afford to give it up"
    assert sources["let-it-go"] != sources["reset-first"]
    assert sources["urgent-message"] != "Give it more time"


def test_every_outcome_is_in_the_advice_sources_page() -> None:
    page = (REPO / "docs" / "advice-sources.md").read_text(encoding="utf-8")
    section = page.split("## hang-up.yaml", 1)[1].split("\n## ", 1)[0]
    for outcome in MAIN.outcomes():
        row = next((r for r in section.splitlines() if r.startswith(f"| `{outcome.id}` |")), "")
        assert row, f"`{outcome.id}` is not in docs/advice-sources.md"
        assert f"| {outcome.title} | {outcome.source.section} |" in row, row
