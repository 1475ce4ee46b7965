"""Free text → one of the offered choices, or the two closest to ask about.

The choices are built by hand, as the engine offers them at a question about
why a call ended: three numbered options (one with a key) and the escape "!".
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from guide.flow.loader import read_flow
from guide.flow.match import Choice, match
from guide.flow.model import Ask, Option, Target
from guide.flow.records import replace  # the model is made of records
from guide.library.flows import bundled_flows

BATTERY = Option(
    "My battery died",
    Target("wait"),
    aliases=("battery", "phone died", "no signal"),
)
ANGRY = Option(
    "They hung up in anger",
    Target("cool-off"),
    key="a",
    aliases=("angry", "argument", "shouting"),
)
BUSY = Option(
    "They had to rush off",
    Target("later"),
    key="Rush",
    aliases=("busy", "meeting", "another call"),
)
ESCAPE = Option(
    "This could be an emergency",
    Target("emergency"),
    key="!",
    aliases=("emergency", "danger", "ambulance"),
    is_escape=True,
)

CHOICES = (
    Choice(BATTERY, 1, None),
    Choice(ANGRY, 2, "a"),
    Choice(BUSY, 3, "Rush"),
    Choice(ESCAPE, None, "!"),
)
BY_OPTION = {id(c.option): c for c in CHOICES}


def label(choice: Choice | None) -> str | None:
    return None if choice is None else choice.option.label


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        ("1", BATTERY),  # a number
        (" 2 ", ANGRY),  # a number with spaces around it
        ("3", BUSY),  # the last numbered option
        ("option 2", ANGRY),  # the number, as people write it
        ("#3", BUSY),
        ("1.", BATTERY),
        ("a", ANGRY),  # a key
        ("A", ANGRY),  # a key, in the other case
        ("rush", BUSY),  # a mixed-case key typed in lower case
        ("RUSH", BUSY),  # ... and in upper case
        ("!", ESCAPE),  # the escape's key
        ("My battery died", BATTERY),  # the exact label
        ("my BATTERY died!!", BATTERY),  # the label, ignoring case and punctuation
        ("they hung up, in anger.", ANGRY),  # the label with extra punctuation
        ("I think my battery died", BATTERY),  # an alias inside a sentence
        ("the phone died halfway through", BATTERY),  # a two-word alias in a sentence
        ("we had an argument", ANGRY),  # an alias as one word of a sentence
        ("they were in a meeting I think", BUSY),  # an alias at the start of a clause
        ("Busy", BUSY),  # an alias alone, capitalised
        ("batery", BATTERY),  # a typo of an alias
        ("my batery", BATTERY),  # a typo inside a short sentence
        ("shoutting", ANGRY),  # another typo
        ("someone needs an ambulance", ESCAPE),  # the escape by its alias
        ("EMERGENCY", ESCAPE),  # the escape's alias in capitals
        ("they\u2019re in danger", ESCAPE),  # a typographic apostrophe
    ],
)
def test_picks(text: str, picked: Option) -> None:
    found = match(text, CHOICES)
    assert label(found.picked) == picked.label
    assert found.picked is BY_OPTION[id(picked)]


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        # aliases of two options in one sentence: no pick, both suggested
        ("the battery was low and they were angry", {BATTERY.label, ANGRY.label}),
        # the same, the other way round
        ("they were busy, or maybe it was no signal", {BATTERY.label, BUSY.label}),
    ],
)
def test_two_options_named_in_one_sentence_are_both_suggested(
    text: str, suggested: set[str]
) -> None:
    found = match(text, CHOICES)
    assert found.picked is None
    assert {label(c) for c in found.suggestions} == suggested


@pytest.mark.parametrize(
    "text",
    [
        "it was not an emergency",  # the escape's alias right after "not"
        "no emergency at all",  # after "no"
        "there was never any danger",  # two words after "never"
        "it wasn't an emergency",  # after "wasn't"
    ],
)
def test_a_negated_escape_alias_does_not_pick_the_escape(text: str) -> None:
    found = match(text, CHOICES)
    assert found.picked is None
    assert ESCAPE.label not in {label(c) for c in found.suggestions}


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        # a negated alias of one option does not hide an alias of another
        ("it was not an argument, they were busy", BUSY),
        # "no battery" is skipped, "meeting" counts
        ("no battery problem, they were rushing to a meeting", BUSY),
        # "never angry" is skipped, "phone died" counts
        ("they are never angry, I think the phone died", BATTERY),
    ],
)
def test_a_negated_alias_is_skipped_but_others_count(text: str, picked: Option) -> None:
    assert label(match(text, CHOICES).picked) == picked.label


@pytest.mark.parametrize(
    "text",
    [
        "purple elephants dancing",  # nothing like any option
        "xyzzy",  # a made-up word
        "4",  # a number past the last option
        "0",  # zero is never an option's number
        "12",  # a number far past the end
        "",  # nothing typed
        "   ",  # only spaces
        "?!?",  # punctuation only (not the escape key)
    ],
)
def test_no_pick(text: str) -> None:
    found = match(text, CHOICES)
    assert found.picked is None
    assert len(found.suggestions) <= 2


@pytest.mark.parametrize(
    "text",
    [
        "emergancy",  # a typo of the escape's alias
        "This could be an emergenc",  # most of the escape's label
        "danjer",  # another typo
    ],
)
def test_the_escape_is_never_suggested_by_fuzzy_guessing(text: str) -> None:
    found = match(text, CHOICES)
    assert found.picked is None or not found.picked.option.is_escape
    assert all(not c.option.is_escape for c in found.suggestions)


def test_an_out_of_range_number_suggests_without_picking() -> None:
    found = match("7", CHOICES)
    assert found.picked is None
    assert 1 <= len(found.suggestions) <= 2
    assert all(c in CHOICES for c in found.suggestions)


def test_no_choices_means_no_pick() -> None:
    assert match("1", ()).picked is None
    assert match("battery", ()).suggestions == ()


def test_numbers_follow_the_choices_not_the_file() -> None:
    # With the first option hidden, "1" is what is offered as 1 now.
    shown = (Choice(ANGRY, 1, "a"), Choice(BUSY, 2, "Rush"), Choice(ESCAPE, None, "!"))
    assert label(match("1", shown).picked) == ANGRY.label
    assert match("3", shown).picked is None


# --- property: match only ever answers with what was offered --------------------------

WORDS = [w for o in (BATTERY, ANGRY, BUSY, ESCAPE) for w in (o.label, *o.aliases)]
TEXTS = st.one_of(
    st.text(max_size=60),
    st.sampled_from(WORDS),
    st.lists(st.sampled_from([*WORDS, "not", "no", "it was", "I think"]), max_size=5).map(" ".join),
    st.integers(-3, 20).map(str),
)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, subset=st.lists(st.sampled_from(CHOICES), unique_by=id, max_size=4))
def test_match_answers_only_with_offered_choices(text: str, subset: list[Choice]) -> None:
    found = match(text, subset)
    assert found.picked is None or any(found.picked is c for c in subset)
    assert len(found.suggestions) <= 2
    assert all(any(s is c for c in subset) for s in found.suggestions)
    if found.picked is not None:
        assert found.suggestions == ()


# --- the sentences at the bundled "why did the call end?" -----------------------


def _why_ended(only: dict[str, tuple[str, ...]] | None = None) -> tuple[Choice, ...]:
    """hang-up.yaml's `why-ended` as the engine offers it, each option known by what it
    sets (its label may be reworded); an option named in `only` has just those aliases."""
    path = next(p for p in bundled_flows() if p.stem == "hang-up")
    loaded = read_flow(path)
    assert loaded.flow is not None
    node = loaded.flow.nodes["why-ended"]
    assert isinstance(node, Ask)
    named = {_meaning(o): o for o in node.options}
    assert set(named) == {"accident", "angry", "busy", "unsure"}
    options = [replace(o, aliases=(only or {}).get(name, o.aliases)) for name, o in named.items()]
    return tuple(Choice(o, n, o.key) for n, o in enumerate(options, 1))


def _meaning(option: Option) -> str:
    facts = dict(option.sets)
    if facts.get("intent") == "accidental":
        return "accident"
    if facts.get("intent") == "unsure":
        return "unsure"
    return "angry" if facts.get("mood") == "heated" else "busy"


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("her phone probably died", "accident"),  # "phone died" a word apart, stemmed
        ("it got cut off halfway", "accident"),  # an alias inside a sentence
        ("we were fighting and he hung up", "angry"),  # "fighting" is the alias "fight"
        ("it wasn't an accident, we were arguing", "angry"),  # a negated label word
        ("he was in a meeting", "busy"),
        ("idk", "unsure"),  # a short form spelled out: "i do not know"
        ("dunno", "unsure"),
        ("I dont know", "unsure"),  # a contraction typed without its apostrophe
    ],
)
def test_everyday_sentences_at_the_bundled_question(text: str, meant: str) -> None:
    choices = _why_ended()
    found = match(text, choices, "Do you know why the call ended?")
    assert found.picked is not None, found.suggestions
    assert _meaning(found.picked.option) == meant


@pytest.mark.parametrize(
    ("text", "meant", "cue"),
    [
        ("the line just went dead", "accident", "line went dead"),  # a word apart
        ("bad reception on my end", "accident", "reception"),
        ("he said he was with a customer and hung up", "busy", "with a customer"),
        ("she hung up because I criticised her boyfriend", "angry", "criticise"),
        ("she got really mad at me", "angry", "mad"),
    ],
)
def test_one_everyday_cue_word_in_the_flow_reads_the_whole_sentence(
    text: str, meant: str, cue: str
) -> None:
    """The cue words are the flow's (its aliases: here the meant answer has that one
    alone); the rest of the sentence is read by stems and clauses: "criticised" is
    "criticise"."""
    found = match(text, _why_ended({meant: (cue,)}))
    assert found.picked is not None, found.suggestions
    assert _meaning(found.picked.option) == meant


def test_the_question_s_own_words_tell_no_answer_apart() -> None:
    """ "call" is in one label ("another call") and in the question: "the call dropped"
    is about the dropped line."""
    found = match("i think the call dropped", _why_ended(), "Do you know why the call ended?")
    assert found.picked is not None and _meaning(found.picked.option) == "accident"
