"""Properties of matching at every question of the bundled flows, over generated text:
it never raises, a reply costs little however long, a negated alias never picks its
answer, and a number or an answer's exact label always picks that answer."""

from __future__ import annotations

import time

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, assume, given, settings

from guide.flow.loader import read_flow
from guide.flow.match import Choice, match
from guide.flow.model import Ask, Flow
from guide.flow.polarity import ANSWERS
from guide.flow.tokens import NEGATORS, tokens
from guide.library.flows import bundled_flows

MAX_REPLY = 500  # the engine's limit on a typed answer (guide.flow.typed.MAX_REPLY)


def _flows() -> list[Flow]:
    flows = [read_flow(path).flow for path in bundled_flows()]
    return [f for f in flows if f is not None]


QUESTIONS: list[tuple[str, Ask, tuple[Choice, ...]]] = [
    (
        f"{flow.id}:{node.id}",
        node,
        (
            *(Choice(o, n, o.key) for n, o in enumerate(node.options, 1)),
            *(Choice(o, None, o.key) for o in flow.escape),
        ),
    )
    for flow in _flows()
    for node in flow.nodes.values()
    if isinstance(node, Ask)
]
ASKED = st.sampled_from(QUESTIONS)
VOCABULARY = sorted(
    {
        w
        for _, _, cs in QUESTIONS
        for c in cs
        for t in (c.option.label, *c.option.aliases)
        for w in t.split()
    }
    | {"not", "no", "never", "yes", "nope", "yeah", "idk", "didn't", "can't", "and", "but", ","}
)
TEXTS = st.one_of(
    st.text(max_size=MAX_REPLY),
    st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join),
)
NEGATIONS = ["not", "never", "it was not", "wasn't", "it didn't", "there's no", "I'm not"]
NEGATIONS += ["I don't think it was", "nothing to do with", "it's not that"]
POLAR = ANSWERS | {"sure", "okay", "ok"}


def test_every_bundled_flow_has_questions_to_try() -> None:
    assert len({name.split(":")[0] for name, _, _ in QUESTIONS}) == len(bundled_flows())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(asked=ASKED, text=TEXTS)
def test_matching_never_raises_and_answers_only_with_what_is_offered(
    asked: tuple[str, Ask, tuple[Choice, ...]], text: str
) -> None:
    _, node, choices = asked
    found = match(text, choices, node.text)
    assert found.picked is None or any(found.picked is c for c in choices)
    assert all(any(s is c for c in choices) for s in found.suggestions)
    assert len(found.suggestions) <= 2 and not (found.picked and found.suggestions)


@settings(max_examples=60, deadline=None)
@given(asked=ASKED, words=st.lists(st.sampled_from(VOCABULARY), min_size=200, max_size=200))
def test_a_reply_as_long_as_the_engine_takes_costs_milliseconds(
    asked: tuple[str, Ask, tuple[Choice, ...]], words: list[str]
) -> None:
    _, node, choices = asked
    text = " ".join(words)[:MAX_REPLY]
    match(text, choices, node.text)  # the question's cues, worked out once
    start = time.perf_counter()
    match(text, choices, node.text)
    assert time.perf_counter() - start < 0.1  # about 20 ms at worst on a busy 2-core machine


def _plain_aliases() -> list[tuple[str, str, int]]:
    """(question, alias, option number) of every alias with no negation or yes/no in it,
    of an answer with no negated alias (`not listening` beside `listens`)."""
    found = []
    for name, _, choices in QUESTIONS:
        for n, choice in enumerate(choices):
            said = [{t.word for t in tokens(a)} for a in choice.option.aliases]
            if any(words & NEGATORS for words in said):
                continue
            found += [
                (name, a, n)
                for a, w in zip(choice.option.aliases, said, strict=True)
                if not w & POLAR
            ]
    return found


ALIASES = _plain_aliases()
BY_NAME = {name: (node, choices) for name, node, choices in QUESTIONS}


@settings(max_examples=400, deadline=None)
@given(which=st.sampled_from(ALIASES), negation=st.sampled_from(NEGATIONS))
def test_a_negated_alias_never_picks_its_answer(which: tuple[str, str, int], negation: str) -> None:
    name, alias, number = which
    node, choices = BY_NAME[name]
    text = f"{negation} {alias}"
    # "there's no" + "signal" says the alias "no signal": a cue, not a negated one
    assume(not any(a != alias and f" {a} " in f" {text} " for a in choices[number].option.aliases))
    found = match(text, choices, node.text)
    assert found.picked is not choices[number], f"{name}: {negation} {alias!r}"


@pytest.mark.parametrize(("name", "node", "choices"), QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_a_number_key_or_label_always_picks_its_answer(
    name: str, node: Ask, choices: tuple[Choice, ...]
) -> None:
    for choice in choices:
        for typed in (choice.handle, choice.option.label, choice.option.label.upper() + "!"):
            found = match(typed, choices, node.text)
            assert found.picked is choice, f"{name}: {typed!r}"
        if choice.number is not None:
            assert match(f"option {choice.number}", choices, node.text).picked is choice
