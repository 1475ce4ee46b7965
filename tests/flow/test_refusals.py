"""Every reason the engine gives for not taking a reply has words, for the person
(the catalogue, translatable) and for flow writers (English), so a new reason
without words fails here rather than showing a person nothing."""

from __future__ import annotations

import pytest

from guide.flow.engine import Walk
from guide.flow.loader import load_flow
from guide.flow.refusals import AUTHOR_WORDS, REFUSALS, Invalid, Refusal, author_words
from guide.flow.steps import LEFT_EMPTY
from guide.i18n.strings import Strings, names, use
from guide.i18n.wording import answer_words, refusal_words

CATALOGUE = {getattr(Strings(), name) for name in names()}


def test_refusals_cover_every_kind_once() -> None:
    kinds = [r.kind if isinstance(r, Invalid) else r for r in REFUSALS]
    assert len(kinds) == len(set(kinds)) == 13
    assert set(kinds) == set(AUTHOR_WORDS)


@pytest.mark.parametrize("reason", REFUSALS, ids=str)
def test_every_refusal_has_words_from_the_catalogue(reason: Refusal) -> None:
    words = refusal_words(Invalid(reason.kind, "7") if isinstance(reason, Invalid) else reason)
    assert words.strip()
    if isinstance(reason, Invalid) and reason.kind == "compute":
        assert words == "7"  # the calculation's own problem, as it said it
    elif isinstance(reason, Invalid) and reason.kind in ("at_least", "at_most"):
        assert words.endswith(" 7")
        assert words.replace("7", "{minimum}" if reason.kind == "at_least" else "{maximum}") in (
            CATALOGUE
        )
    else:
        assert words in CATALOGUE


@pytest.mark.parametrize("reason", REFUSALS, ids=str)
def test_every_refusal_has_english_words_for_flow_writers(reason: Refusal) -> None:
    """`check` and `--answers` say the same as the English catalogue does."""
    bound = Invalid(reason.kind, "7") if isinstance(reason, Invalid) else reason
    assert author_words(bound) == refusal_words(bound)


FLOW = """\
flow: t
title: T
version: 1
start: count
sources:
  "002":
    title: What hanging up the phone means for a contact centre
nodes:
  count:
    input: How many calls?
    fact: count
    type: integer
    min: 1
    next: done
  done:
    outcome: Done
    steps: [Rest.]
    why: It is done.
    source: {article: "002"}
"""


def test_a_translation_words_the_refusals_and_the_engine_does_not_care() -> None:
    """The engine gives the reason and the bound; the words follow the catalogue in use."""
    loaded = load_flow(FLOW.encode())
    assert loaded.flow is not None and not loaded.problems, loaded.problems
    reply = Walk(loaded.flow).reply("0")
    assert not reply.accepted and reply.reason == Invalid("at_least", "1")
    assert refusal_words(reply.reason) == "please type a number of at least 1"
    try:
        use({"input_at_least": "au moins {minimum}, s'il vous plaît"})
        assert refusal_words(reply.reason) == "au moins 1, s'il vous plaît"
    finally:
        use({})


def test_an_input_left_empty_is_saved_as_a_marker_and_shown_in_the_catalogues_words() -> None:
    loaded = load_flow(FLOW.replace("min: 1\n", "min: 1\n    required: false\n").encode())
    assert loaded.flow is not None and not loaded.problems, loaded.problems
    walk = Walk(loaded.flow)
    assert walk.reply("").accepted
    assert walk.moves[-1].label == LEFT_EMPTY == "(left empty)"
    assert answer_words(walk.why().trail[-1].answered) == "(left empty)"
    try:
        use({"answer_left_empty": "(laissé vide)"})
        assert answer_words(walk.moves[-1].label) == "(laissé vide)"
        assert answer_words("Yes") == "Yes"
    finally:
        use({})
