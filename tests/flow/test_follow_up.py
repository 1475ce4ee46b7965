"""The bundled follow-up flow (issue 19): "It didn't work: what now?", walked in-process.

Each of the four ways advice fails has its own next step, taken from article 000:
a call nobody picked up leads to a message; a message with no reply to more time, or
to someone who knows them (discreetly, with the risk said); another angry talk to
stepping back; a contact not worth chasing to letting it go. The emergency stays
one key away at every question, and the name is asked only when the words use it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from guide.flow.engine import Walk
from guide.flow.loader import read_flow
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.steps import Advice, Question
from guide.flow.template import placeholders
from guide.library.flows import bundled_flows


def _flow() -> Flow:
    [path] = [p for p in bundled_flows() if p.stem == "follow-up"]
    loaded = read_flow(path)
    assert loaded.flow is not None, loaded.problems
    return loaded.flow


FLOW = _flow()


def _walk(replies: list[str]) -> tuple[Walk, list[str]]:
    """The walk after typing each reply where one is asked; and the inputs it asked for."""
    walk = Walk(FLOW)
    asked: list[str] = []
    for text in replies:
        while isinstance(walk.current, (Say, Wait)):
            walk.proceed()
        if isinstance(walk.current, Input):
            asked.append(walk.current.fact)
        assert walk.reply(text).accepted, (text, walk.current)
    return walk, asked


def _advice(walk: Walk) -> Advice:
    step = walk.current
    assert isinstance(step, Advice), step
    return step


ROUTES = [
    # A call back that rang out: now a message, with the name in it.
    pytest.param(
        ["I rang her and she didn't pick up", "no", "Sam"],
        "send-a-message",
        "A text after they hang up",
        id="no-answer-then-a-message",
    ),
    # A message sent this morning: a few hours is not long, give it more time.
    pytest.param(
        ["she left me on read", "nah", "this morning"],
        "give-it-longer",
        "Give it more time",
        id="ignored-for-hours-more-time",
    ),
    # Days of silence, and a calm friend of both: ask them, discreetly.
    pytest.param(
        ["2", "2", "a few days ago", "1", "Dana"],
        "ask-someone",
        "Should you involve another party",
        id="ignored-for-days-a-go-between",
    ),
    # Days of silence, and asking anyone would drag them in: more time instead.
    pytest.param(
        ["2", "2", "2", "2", "Dana"],
        "leave-door-open",
        "Give it more time",
        id="ignored-for-days-no-go-between",
    ),
    # Another angry talk: step back and give it time.
    pytest.param(
        ["we spoke but he got angry again", "no", "Dad"],
        "step-back",
        "Give it more time",
        id="angry-again-step-back",
    ),
    # Done chasing: let it go.
    pytest.param(
        ["honestly they're not worth it", "no rush"],
        "let-it-go",
        "Do you need to move on",
        id="not-worth-it-let-go",
    ),
]


@pytest.mark.parametrize(("replies", "outcome", "section"), ROUTES)
def test_each_way_it_failed_has_its_next_step(
    replies: list[str], outcome: str, section: str
) -> None:
    walk, _ = _walk(replies)
    advice = _advice(walk)
    assert advice.node.id == outcome
    assert advice.node.source.article == "000"
    assert advice.node.source.section == section


def test_the_message_after_an_unanswered_call_uses_their_name() -> None:
    walk, _ = _walk(["1", "2", "Sam"])
    advice = _advice(walk)
    assert advice.text.startswith("Hi Sam,")
    assert "{" not in advice.text


def test_the_go_between_advice_spells_out_the_risk() -> None:
    walk, _ = _walk(["2", "2", "2", "1", ""])
    advice = _advice(walk)
    steps = " ".join(advice.node.steps).lower()
    assert "risk" in steps and "awkward" in steps
    assert "take sides" in steps  # discretion: they are not asked to carry the quarrel
    assert "someone we both know" in advice.script  # no name given: the fallback


def test_what_cant_wait_is_asked_for_and_put_in_the_words() -> None:
    walk, asked = _walk(["3", "yes", "who picks up the kids on Monday", "Kim"])
    advice = _advice(walk)
    assert advice.node.id == "say-what-cant-wait"
    assert asked == ["need", "name"]
    assert "who picks up the kids on Monday" in advice.text


def _every_walk() -> Iterator[tuple[list[str], Walk, list[str]]]:
    """Every walk by answer numbers, typing a name and a need where asked."""
    pending: list[list[str]] = [[]]
    while pending:
        replies = pending.pop()
        walk, asked = _walk(replies)
        while isinstance(walk.current, (Say, Wait)):
            walk.proceed()
        step = walk.current
        if isinstance(step, Advice):
            yield replies, walk, asked
        elif isinstance(step, Question):
            pending += [[*replies, str(n)] for n in range(1, len(step.node.options) + 1)]
        else:
            pending.append([*replies, "Sam"])


WALKS = list(_every_walk())


def test_every_walk_ends_on_an_outcome_that_fits_what_was_tried() -> None:
    fits = {
        "no-answer": {"send-a-message", "say-what-cant-wait"},
        "ignored": {
            "give-it-longer",
            "ask-someone",
            "leave-door-open",
            "pass-it-on",
            "plan-without-them",
        },
        "angry": {"step-back", "say-what-cant-wait"},
        "not-worth": {"let-it-go", "plan-without-them"},
    }
    reached = {(walk.facts["result"], _advice(walk).node.id) for _, walk, _ in WALKS}
    assert {outcome for _, outcome in reached} == {o.id for o in FLOW.outcomes() if not o.emergency}
    assert all(outcome in fits[result] for result, outcome in reached), reached


def test_the_name_is_asked_only_when_the_words_use_it() -> None:
    for replies, walk, asked in WALKS:
        node = _advice(walk).node
        uses = set(placeholders(node.script)) | set(placeholders(node.text))
        assert ("name" in asked) == ("name" in uses), (replies, node.id)
        assert ("need" in asked) == ("need" in uses), (replies, node.id)


def test_a_message_is_never_the_answer_to_a_message_ignored() -> None:
    # Advice already followed is not given again: no "send a message" after one went
    # unanswered, and no "wait a few hours" once a day or more has passed.
    for replies, walk, _ in WALKS:
        outcome = _advice(walk).node.id
        if walk.facts["result"] == "ignored":
            assert outcome != "send-a-message", replies
        if walk.facts.get("since") == "days":
            assert outcome != "give-it-longer", replies


@pytest.mark.parametrize("typed", ["!", "emergency", "he said he is going to hurt himself"])
def test_the_emergency_is_one_key_away_at_every_question(typed: str) -> None:
    seen: set[str] = set()
    for replies, _, _ in WALKS:
        for cut in range(len(replies)):
            walk, _ = _walk(replies[:cut])
            while isinstance(walk.current, (Say, Wait)):
                walk.proceed()
            step = walk.current
            if not isinstance(step, Question) or step.node.id in seen:
                continue
            seen.add(step.node.id)
            assert "!" in {c.handle for c in step.choices}, step.node.id
            assert walk.reply(typed).accepted
            advice = _advice(walk)
            assert advice.node.emergency, step.node.id
            assert "emergency number" in advice.node.steps[0]
    assert seen == {"what-happened", "can-it-wait", "message-when", "go-between"}
