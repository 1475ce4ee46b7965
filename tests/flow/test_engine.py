"""The walk through a flow, as a face sees it: typed steps out, answers in.

Most tests walk tests/fixtures/engine/walk.yaml, a small flow with every node
kind: intro (say) → cause (ask) → pause (wait, after "battery") → who (ask, one
option hidden unless the battery died, one leading to another flow) → minutes
(integer input, 1..1440) → their-name (optional text input) → decide (route) →
an outcome. Its escape has the key "!" and leads to `emergency`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.loader import load_flow, read_flow
from guide.flow.match import Choice
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.refusals import InvalidInput
from guide.flow.replay import replay
from guide.flow.steps import Advice, Move, Question, WalkError
from guide.flow.validate import validate
from guide.i18n.wording import refusal_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "engine"


def load(name: str) -> Flow:
    loaded = read_flow(FIXTURES / f"{name}.yaml")
    assert loaded.flow is not None, loaded.problems
    return loaded.flow


@pytest.fixture(scope="module")
def flow() -> Flow:
    return load("walk")


@pytest.fixture(scope="module")
def other() -> Flow:
    return load("engine-other")


@pytest.fixture
def resolve(other: Flow) -> Callable[[str], Flow | None]:
    return lambda flow_id: other if flow_id == other.id else None


@pytest.fixture
def walk(flow: Flow, resolve: Callable[[str], Flow | None]) -> Walk:
    return Walk(flow, resolve)


def here(walk: Walk) -> str:
    """The id of the node shown now."""
    return walk.path()[-1][1]


def go(walk: Walk, *replies: str) -> None:
    """Reply to each step in turn; every reply must be accepted."""
    for text in replies:
        reply = walk.reply(text)
        assert reply.accepted, (here(walk), text, reply)


def choices(walk: Walk) -> tuple[Choice, ...]:
    """The choices of the current question; fails when the step is not a question."""
    step = walk.current
    assert isinstance(step, Question), here(walk)
    return step.choices


def offered(walk: Walk) -> list[tuple[str, str]]:
    """What the current question shows: (what to type, label)."""
    step = walk.current
    assert isinstance(step, Question)
    return [(c.handle, c.option.label) for c in step.choices]


def outcome(walk: Walk) -> str:
    """The id of the outcome reached; fails when the walk is not at one."""
    step = walk.current
    assert isinstance(step, Advice), here(walk)
    return step.node.id


def state(walk: Walk) -> tuple[str, str, dict[str, str], int]:
    return walk.current_flow.id, here(walk), dict(walk.facts), walk.depth


# --- the fixture itself --------------------------------------------------------------


def test_fixture_flows_are_clean(flow: Flow, other: Flow) -> None:
    # The fixtures are valid flows: a failure elsewhere is the engine's, not theirs.
    others = {other.id: list(other.nodes)}
    assert validate(flow, (), others) == []
    assert validate(other) == []


# --- what is shown at each step ------------------------------------------------------

# (reply given at the previous step, the kind of step shown now, its node id)
BATTERY_WALK = [
    (None, Say, "intro"),  # the walk opens on the say node
    ("", Question, "cause"),  # Enter goes on from a say
    ("1", Wait, "pause"),  # "the battery died" leads to the countdown
    ("", Question, "who"),  # the countdown is skipped
    ("1", Input, "minutes"),  # "a friend"
    ("5", Input, "their-name"),  # five minutes ago
    ("Sam", Advice, "call-back"),  # the route is passed through, never shown
]


def test_current_has_the_right_type_at_each_step(walk: Walk) -> None:
    for text, kind, node_id in BATTERY_WALK:
        if text is not None:
            go(walk, text)
        assert isinstance(walk.current, kind), node_id
        assert here(walk) == node_id
    assert walk.finished


def test_a_route_is_never_shown(walk: Walk) -> None:
    # From their-name the next node is the route `decide`; the walk lands on an outcome.
    go(walk, "", "2", "1", "5")
    assert here(walk) == "their-name"
    go(walk, "")
    assert isinstance(walk.current, Advice)
    assert "decide" not in [node for _, node, _ in walk.path()]


@pytest.mark.parametrize(
    ("replies", "facts"),
    [
        # an option's `set` adds its facts
        (["", "1"], {"cause": "battery"}),
        # one option can set several facts
        (["", "2"], {"cause": "anger", "mood": "heated"}),
        # facts add up across questions
        (["", "2", "1"], {"cause": "anger", "mood": "heated", "relationship": "friend"}),
        # an input stores its value as text
        (["", "3", "2", "45"], {"cause": "busy", "relationship": "work", "minutes": "45"}),
        # an option with no `set` leaves the facts as they were
        (["", "2", "3"], {"cause": "anger", "mood": "heated"}),
    ],
)
def test_answers_set_facts(walk: Walk, replies: list[str], facts: dict[str, str]) -> None:
    go(walk, *replies)
    assert dict(walk.facts) == facts


@pytest.mark.parametrize(
    ("replies", "outcome"),
    [
        # angry + a friend: the first branch (all + not) holds, and so does the
        # second (cause in [busy, anger]); the first one wins
        (["", "2", "1", "5", ""], "cool-off"),
        # angry + work: `not work` fails the first branch, `any` takes the second
        (["", "2", "2", "5", ""], "call-back-work"),
        # busy + a friend: the second branch through the list value [busy, anger]
        (["", "3", "1", "5", ""], "call-back-work"),
        # the battery died + a friend: no branch holds, the fallback
        (["", "1", "", "1", "5", ""], "call-back"),
        # the battery died + the shop (the option shown only then): the fallback
        (["", "1", "", "2", "5", ""], "call-back"),
    ],
)
def test_route_takes_the_first_branch_that_holds(
    walk: Walk, replies: list[str], outcome: str
) -> None:
    go(walk, *replies)
    assert isinstance(walk.current, Advice)
    assert walk.current.node.id == outcome


# --- options shown only when a fact holds ---------------------------------------------


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        # the battery died: the shop option is shown, in its place in the file
        (
            "1",
            [
                ("1", "A friend"),
                ("2", "The phone shop, about the battery"),
                ("3", "Someone from work"),
                ("4", "Someone from the other team"),
                ("!", "This could be an emergency"),
            ],
        ),
        # anger: the shop option is hidden and the numbers close up, 1..3
        (
            "2",
            [
                ("1", "A friend"),
                ("2", "Someone from work"),
                ("3", "Someone from the other team"),
                ("!", "This could be an emergency"),
            ],
        ),
    ],
)
def test_hidden_options_are_not_offered(
    walk: Walk, cause: str, expected: list[tuple[str, str]]
) -> None:
    go(walk, "", cause)
    if isinstance(walk.current, Wait):
        go(walk, "")
    assert offered(walk) == expected


@pytest.mark.parametrize(
    "text",
    [
        "4",  # a number past the last option shown
        "The phone shop, about the battery",  # its exact label
        "shop",  # its alias
    ],
)
def test_a_hidden_option_cannot_be_picked(walk: Walk, text: str) -> None:
    go(walk, "", "2")
    reply = walk.reply(text)
    assert not reply.accepted
    assert "relationship" not in walk.facts
    assert here(walk) == "who"


def test_choosing_a_choice_that_is_not_offered_is_refused(
    flow: Flow, resolve: Callable[[str], Flow | None]
) -> None:
    battery = Walk(flow, resolve)
    go(battery, "", "1", "")
    shop = next(c for c in choices(battery) if c.option.label.startswith("The phone shop"))
    angry = Walk(flow, resolve)
    go(angry, "", "2")
    with pytest.raises(WalkError):
        angry.choose(shop)
    assert here(angry) == "who"


@pytest.mark.parametrize(
    ("replies", "call"),
    [
        ([], "choose"),  # a say step has no choices
        ([""], "proceed"),  # a question needs an answer
        ([""], "enter"),  # a question takes no value
    ],
)
def test_moves_that_do_not_fit_the_step_raise(walk: Walk, replies: list[str], call: str) -> None:
    elsewhere = Walk(walk.flow)
    go(elsewhere, "")
    go(walk, *replies)
    before = state(walk)
    with pytest.raises(WalkError):
        if call == "choose":
            walk.choose(choices(elsewhere)[0])
        elif call == "proceed":
            walk.proceed()
        else:
            walk.enter("x")
    assert state(walk) == before


def test_reply_at_the_outcome_is_not_accepted(walk: Walk) -> None:
    go(walk, "", "2", "1", "5", "")
    reply = walk.reply("1")
    assert not reply.accepted
    assert reply.reason == "finished"
    assert "finished" in refusal_words(reply.reason)


# --- back, restart --------------------------------------------------------------------


def test_back_undoes_exactly_one_move_and_restores_facts(walk: Walk) -> None:
    seen = [state(walk)]
    for text in ["", "1", "", "2", "30", "Sam"]:
        go(walk, text)
        seen.append(state(walk))
    assert walk.finished
    for before in reversed(seen[:-1]):
        assert walk.back() is True
        assert state(walk) == before
    assert walk.back() is False


def test_back_at_the_start_returns_false_and_changes_nothing(walk: Walk) -> None:
    before = state(walk)
    assert walk.back() is False
    assert state(walk) == before
    assert walk.moves == ()


def test_back_then_a_different_answer_reruns_the_walk(walk: Walk) -> None:
    # The battery path, up to the name.
    go(walk, "", "1", "", "2", "30")
    assert here(walk) == "their-name"
    assert walk.facts["relationship"] == "shop"
    while walk.depth > 1:  # step 1 is the first question
        assert walk.back() is True
    assert here(walk) == "cause"
    assert walk.depth == 1
    assert dict(walk.facts) == {}
    go(walk, "2")  # angry this time
    assert here(walk) == "who"  # no countdown on this path
    assert dict(walk.facts) == {"cause": "anger", "mood": "heated"}
    assert [node for _, node, _ in walk.path()] == ["intro", "cause", "who"]
    assert len(walk.moves) == 2
    go(walk, "1", "5", "")
    assert outcome(walk) == "cool-off"
    assert "pause" not in [node for _, node, _ in walk.path()]


def test_restart_starts_again_with_no_facts(walk: Walk) -> None:
    go(walk, "", "2", "1", "5")
    walk.restart()
    assert here(walk) == "intro"
    assert isinstance(walk.current, Say)
    assert walk.moves == ()
    assert walk.depth == 0
    assert dict(walk.facts) == {}
    assert walk.back() is False


# --- the escape -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "replies",
    [
        [],  # from the say at the start
        [""],  # from a question
        ["", "1"],  # from the countdown
        ["", "1", "", "1"],  # from an integer input
        ["", "1", "", "1", "5"],  # from the optional text input, deep in the walk
        ["", "2", "1", "5", ""],  # from an outcome
    ],
)
def test_escape_reaches_its_target_and_back_returns(walk: Walk, replies: list[str]) -> None:
    go(walk, *replies)
    before = state(walk)
    assert walk.escape() is True
    assert isinstance(walk.current, Advice)
    assert walk.current.node.id == "emergency"
    assert walk.current.node.emergency
    assert walk.facts["danger"] == "yes"  # the escape's `set`
    assert walk.back() is True
    assert state(walk) == before


@pytest.mark.parametrize(
    "text",
    [
        "!",  # its key
        "emergency",  # an alias
        "I think they are in danger",  # an alias inside a sentence
    ],
)
def test_escape_by_reply_at_a_question(walk: Walk, text: str) -> None:
    go(walk, "", "2")
    go(walk, text)
    assert outcome(walk) == "emergency"


# --- input values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "please type an answer"),  # required and left empty
        ("   ", "please type an answer"),  # only spaces is empty too
        ("abc", "please type a whole number, such as 42"),  # not a number
        ("2.5", "please type a whole number, such as 42"),  # not a whole number
        ("0", "please type a number of at least 1"),  # below min
        ("-3", "please type a number of at least 1"),  # negative, below min
        ("1441", "please type a number of at most 1440"),  # above max
        ("1,441", "please type a number of at most 1440"),  # above max, with a comma
    ],
)
def test_enter_refuses_values_that_do_not_fit(walk: Walk, value: str, message: str) -> None:
    go(walk, "", "2", "1")
    assert here(walk) == "minutes"
    before = state(walk)
    with pytest.raises(InvalidInput) as caught:
        walk.enter(value)
    assert refusal_words(caught.value.invalid) == message
    assert state(walk) == before
    # The same through reply(): not accepted, the message for the person.
    reply = walk.reply(value)
    assert not reply.accepted
    assert reply.reason is not None and refusal_words(reply.reason) == message
    assert state(walk) == before


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("5", "5"),  # a plain number
        (" 7 ", "7"),  # spaces around it
        ("1,000", "1000"),  # a thousands separator
        ("1", "1"),  # exactly min
        ("1440", "1440"),  # exactly max
        ("007", "7"),  # leading zeros
    ],
)
def test_enter_stores_integers_as_plain_text(walk: Walk, value: str, stored: str) -> None:
    go(walk, "", "2", "1")
    walk.enter(value)
    assert walk.facts["minutes"] == stored
    assert here(walk) == "their-name"


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("Sam", "Sam"),  # a name
        ("  Sam  ", "Sam"),  # spaces trimmed
        ("\x1b[31mSam\x1b[0m", "Sam"),  # terminal escape codes removed
        ("Jo\x07", "Jo"),  # control characters removed
        ("x" * 500, "x" * 200),  # kept to 200 characters
        ("", None),  # optional, left empty: the fact is not set
        ("   ", None),  # only spaces counts as empty
    ],
)
def test_enter_text(walk: Walk, value: str, stored: str | None) -> None:
    go(walk, "", "2", "1", "5")
    assert here(walk) == "their-name"
    walk.enter(value)
    assert walk.facts.get("name") == stored
    assert isinstance(walk.current, Advice)


# --- free-text replies ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("2", "anger"),  # the option's number
        ("busy", "busy"),  # the option's key
        ("BUSY", "busy"),  # the key in capitals
        ("They were angry", "anger"),  # the exact label
        ("they were ANGRY!", "anger"),  # the label, ignoring case and punctuation
        ("I think my battery died", "battery"),  # an alias inside a sentence
        ("I guess my phone died", "battery"),  # a two-word alias inside a sentence
        ("batery", "battery"),  # a typo of an alias
        ("there was shouting", "anger"),  # another alias
    ],
)
def test_reply_picks_the_option_meant(walk: Walk, text: str, cause: str) -> None:
    go(walk, "")
    reply = walk.reply(text)
    assert reply.accepted
    assert walk.facts["cause"] == cause


def test_reply_with_ambiguous_text_suggests_two(walk: Walk) -> None:
    go(walk, "")
    # Aliases of two options in one sentence: ask, do not guess.
    reply = walk.reply("the battery was flat and they were angry")
    assert not reply.accepted
    assert {c.option.label for c in reply.suggestions} == {"The battery died", "They were angry"}
    assert here(walk) == "cause"
    assert dict(walk.facts) == {}


@pytest.mark.parametrize(
    "text",
    [
        "purple elephants dancing",  # nothing to do with any answer
        "9",  # a number with no option
        "",  # nothing typed
        "   ",  # only spaces
    ],
)
def test_reply_that_matches_nothing_is_not_accepted(walk: Walk, text: str) -> None:
    go(walk, "")
    reply = walk.reply(text)
    assert not reply.accepted
    assert reply.reason in ("empty", "did_you_mean", "no_match")
    assert here(walk) == "cause"
    assert walk.depth == 1


# --- why am I asked this? --------------------------------------------------------------


def test_why_lists_the_answers_so_far_and_the_help(walk: Walk) -> None:
    why = walk.why()
    assert why.trail == ()
    go(walk, "")
    assert walk.why().help == "The cause decides what helps next."
    go(walk, "1", "")  # the battery; the countdown is skipped and not listed
    why = walk.why()
    assert [(r.asked, r.answered) for r in why.trail] == [
        ("Why did the call end?", "The battery died"),
    ]
    assert why.help == "Friends and work contacts need different words."
    assert dict(why.facts) == {"cause": "battery"}
    go(walk, "A friend")
    assert walk.why().help == "A call that ended long ago may need a message rather than a call."
    go(walk, "20", "")
    assert [(r.asked, r.answered) for r in walk.why().trail] == [
        ("Why did the call end?", "The battery died"),
        ("Who was it?", "A friend"),
        ("How many minutes ago did the call end?", "20"),
        ("What is their first name?", "(left empty)"),
    ]


@pytest.mark.parametrize(
    ("replies", "asked"),
    [
        # the escape taken at a question: the question
        (["", "2"], "Who was it?"),
        # the escape taken at an input: what the input asked
        (["", "2", "1"], "How many minutes ago did the call end?"),
        # the escape taken at the countdown: what it said
        (["", "1"], "Give them a moment to ring back."),
        # the escape taken at an outcome: the advice that was shown, by its title
        # (not the outcome's message template)
        (["", "2", "1", "5", ""], "Let things cool off first"),
        # the same at an outcome with no message template
        (["", "3", "1", "5", ""], "Call back, keep it short"),
    ],
)
def test_why_names_the_step_where_the_escape_was_taken(
    walk: Walk, replies: list[str], asked: str
) -> None:
    go(walk, *replies)
    walk.escape()
    last = walk.why().trail[-1]
    assert (last.asked, last.answered) == (asked, "This could be an emergency")


# --- the outcome's words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("replies", "script", "text"),
    [
        # a name given fills {name|there}
        (
            ["", "1", "", "1", "5", "Sam"],
            "Hi Sam, we got cut off.",
            "Hi Sam, sorry the line dropped. Ring me back?",
        ),
        # no name: the fallback
        (
            ["", "1", "", "1", "5", ""],
            "Hi there, we got cut off.",
            "Hi there, sorry the line dropped. Ring me back?",
        ),
        # {name} with no fallback and no name stays as written, for the person to fill in
        (["", "3", "1", "5", ""], "Hello {name}, calling back after our call cut off.", ""),
        # the same with a name
        (["", "3", "1", "5", "Jo"], "Hello Jo, calling back after our call cut off.", ""),
        # an outcome with only a message template: the script is empty
        (["", "2", "1", "5", "Kim"], "", "Hi Kim, I'd like to talk when we are both calm."),
        # a name that looks like a placeholder is kept as typed, never filled in again
        (["", "2", "1", "5", "{me|x}"], "", "Hi {me|x}, I'd like to talk when we are both calm."),
    ],
)
def test_advice_is_filled_from_the_facts(
    walk: Walk, replies: list[str], script: str, text: str
) -> None:
    go(walk, *replies)
    advice = walk.current
    assert isinstance(advice, Advice)
    assert advice.script == script
    assert advice.text == text


# --- replaying a saved walk ------------------------------------------------------------


def _escape_at_the_name(walk: Walk) -> None:
    go(walk, "", "2", "1", "5")
    walk.escape()


def _wander(walk: Walk) -> None:
    go(walk, "", "1", "")
    walk.back()
    go(walk, "")
    go(walk, "2", "1440")
    walk.escape()
    walk.back()
    go(walk, "Ana")


@pytest.mark.parametrize(
    "drive",
    [
        lambda w: go(w, "", "1", "", "2", "30", "Sam"),  # straight to an outcome
        lambda w: go(w, "", "busy", "w"),  # stopped at an input
        _escape_at_the_name,  # ended by the escape
        _wander,  # with back and escape on the way
        lambda w: go(w, "", "2", "3", "1"),  # into the other flow and out to an outcome
        lambda w: None,  # nothing done yet
    ],
)
def test_replay_reproduces_the_walk(
    flow: Flow, resolve: Callable[[str], Flow | None], drive: Callable[[Walk], object]
) -> None:
    walk = Walk(flow, resolve)
    drive(walk)
    again = Walk(flow, resolve)
    assert replay(again, walk.moves) == len(walk.moves)
    assert again.path() == walk.path()
    assert dict(again.facts) == dict(walk.facts)
    assert again.current == walk.current


def test_replay_stops_where_the_moves_no_longer_fit(
    flow: Flow, resolve: Callable[[str], Flow | None]
) -> None:
    moves = [Move("proceed"), Move("choose", "2", "They were angry"), Move("choose", "9", "?")]
    walk = Walk(flow, resolve)
    assert replay(walk, moves) == 2
    assert here(walk) == "who"


# --- routes that loop, and links to other flows ----------------------------------------


def test_a_route_loop_raises_instead_of_hanging() -> None:
    loaded = load_flow((FIXTURES / "loop.yaml").read_bytes(), "loop.yaml")
    assert loaded.flow is not None  # loads; only `validate` would reject it
    walk = Walk(loaded.flow)
    outcome: list[object] = []

    def go_round() -> None:
        try:
            walk.reply("Go round")
        except WalkError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=go_round, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "the walk hung in the route loop"
    assert len(outcome) == 1
    assert "loop" in str(outcome[0])
    assert here(walk) == "first"  # still at the question, nothing half-done
    assert walk.depth == 0


@pytest.mark.parametrize(
    "resolver",
    [
        None,  # no resolver at all
        lambda flow_id: None,  # a resolver that does not know the flow
    ],
)
def test_a_link_to_an_unknown_flow_raises(
    flow: Flow, resolver: Callable[[str], Flow | None] | None
) -> None:
    walk = Walk(flow, resolver)
    go(walk, "", "2")
    team = next(c for c in choices(walk) if c.option.label.endswith("other team"))
    with pytest.raises(WalkError, match="the flow `engine-other` is not available"):
        walk.choose(team)
    assert here(walk) == "who"
    assert walk.depth == 2


def test_a_link_continues_in_the_other_flow(walk: Walk) -> None:
    go(walk, "", "2", "Someone from the other team")
    assert walk.current_flow.id == "engine-other"
    assert walk.path()[-1] == ("engine-other", "team", None)
    assert offered(walk) == [("1", "Sales"), ("2", "Support"), ("!", "This could be an emergency")]
    go(walk, "2")
    assert outcome(walk) == "support-done"
    assert dict(walk.facts) == {"cause": "anger", "mood": "heated", "team": "support"}
    assert walk.back() is True
    assert (walk.current_flow.id, here(walk)) == ("engine-other", "team")
    assert walk.back() is True
    assert (walk.current_flow.id, here(walk)) == ("engine-walk", "who")


def test_the_escape_in_the_other_flow_is_that_flows_escape(walk: Walk) -> None:
    go(walk, "", "2", "3")
    assert walk.escape() is True
    assert outcome(walk) == "other-emergency"
