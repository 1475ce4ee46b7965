"""The practice round stepper on its own: what a player gets from a round (the question
asked, each score, their path beside the expert's, the summary, the results kept),
driven as the faces drive it, with no face at all.

The deck is tests/fixtures/practice/good.yaml for the bundled hang-up flow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.flow.steps import Question
from guide.history.store import GivenAnswer, PracticeResult
from guide.library.flows import Library
from guide.practice.deck import Deck, Scenario, read_deck
from guide.practice.expert import expert_walk, path_of
from guide.practice.round import Judged, Round, Summary, Unscored, Walking, summary_words

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "practice" / "good.yaml"

LEARNER = {
    "line-dropped": (["2", "1", "1", "1", "1"], 0.0, "why-ended"),  # reset-first
    "heated-but-calm": (["2", "1", "1", "1", "3", "3"], 0.5, "next-move"),  # let-it-go, also fine
    "someone-hurt": (["1", "1", "1"], 0.0, "why-ended"),  # a missed emergency
    "cold-call-hang-up": (["2", "7", "1"], 1.0, None),  # the expert's outcome
}
"""Each scenario: the learner's answers, the score they earn, where their path parts."""


@pytest.fixture(scope="module")
def deck() -> Deck:
    loaded, problems = read_deck(GOOD)
    assert loaded is not None and problems == []
    return loaded


@pytest.fixture(scope="module")
def flow(library: Library) -> Flow:
    return library.flows["hang-up"]


def scenario(deck: Deck, scenario_id: str) -> Scenario:
    return next(s for s in deck.scenarios if s.id == scenario_id)


def a_round(
    deck: Deck, flow: Flow, library: Library, ids: list[str], kept: list[PracticeResult]
) -> Round:
    chosen = [scenario(deck, i) for i in ids]
    return Round(deck, flow, chosen, library.resolver(), kept.append)


def answer(game: Round, answers: list[str]) -> None:
    """Each answer as a face gives it ("!" is the emergency key), then the round settles."""
    for text in answers:
        assert isinstance(game.current, Walking), text
        if text == "!":
            assert game.walk.escape()
        else:
            assert game.walk.reply(text).accepted, text
        game.settle()


def asked(game: Round) -> str:
    step = game.walk.current
    assert isinstance(step, Question), step
    return step.text


def test_a_round_begins_at_the_first_scenarios_first_question(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """The opening words are passed by: the player is asked a question at once."""
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["heated-but-calm", "someone-hurt"], kept)
    assert game.current == Walking(1, 2, scenario(deck, "heated-but-calm"))
    assert asked(game) == "Do you know why the call ended?"
    assert game.score == 0.0 and kept == []


def test_a_full_round_scores_each_scenario_and_keeps_each_once(
    deck: Deck, flow: Flow, library: Library
) -> None:
    ids = list(LEARNER)
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ids, kept)
    running = 0.0
    for number, scenario_id in enumerate(ids, 1):
        answers, score, parted = LEARNER[scenario_id]
        answer(game, answers)
        state = game.current
        assert isinstance(state, Judged), scenario_id
        running += score
        assert (state.number, state.total, state.last) == (number, 4, number == 4)
        assert (state.verdict.score, state.score, game.score) == (score, running, running)
        assert kept[-1] == PracticeResult(
            kept[-1].at, deck.id, scenario_id, score, state.verdict.your_outcome,
            scenario(deck, scenario_id).outcome, parted,
            tuple(GivenAnswer(s.node, s.asked, s.answer) for s in state.yours),
            state.verdict.missed_emergency,
        )  # fmt: skip
        assert len(kept) == number
        game.next()
    assert game.current == Summary(1.5, 4, 4, stopped=False)
    assert summary_words(game.current) == "Round done: 1.5 out of 4."
    assert game.next() == game.current  # the summary is the end


def test_a_judged_scenario_shows_both_paths_and_where_they_parted(
    deck: Deck, flow: Flow, library: Library
) -> None:
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["heated-but-calm"], kept)
    answer(game, LEARNER["heated-but-calm"][0])
    state = game.current
    assert isinstance(state, Judged)
    assert [step.node for step in state.yours] == [
        "why-ended", "who-was-it", "tried-yet", "can-it-wait", "how-you-feel", "next-move",
    ]  # fmt: skip
    assert state.yours[-1].answer == "Let it go: it isn't worth chasing"
    expert, _ = expert_walk(flow, scenario(deck, "heated-but-calm"), library.resolver())
    assert list(state.experts) == path_of(expert)
    assert state.experts[-1].answer == "Sort it out with them myself, when the time is right"
    assert [step.answer for step in state.yours[:-1]] == [
        step.answer for step in state.experts[:-1]
    ]
    verdict = state.verdict
    assert (verdict.yours, verdict.experts) == (
        "Let it go and move on",
        "Give it time before you reach out",
    )
    assert verdict.parting is not None
    assert verdict.parting.reason == "A pause lets you both come back to it calmer."
    assert not verdict.missed_emergency


def test_a_missed_emergency_is_flagged_and_scores_nothing(
    deck: Deck, flow: Flow, library: Library
) -> None:
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["someone-hurt"], kept)
    answer(game, ["1", "1", "1"])
    state = game.current
    assert isinstance(state, Judged)
    assert state.verdict.missed_emergency and state.score == 0.0
    assert [step.handle for step in state.experts] == ["!"]


def test_names_are_filled_in_and_the_wait_passed_by(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """The expert typed "Sam": the player is never asked for a name nor kept waiting."""
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["line-dropped"], kept)
    answer(game, ["1", "1"])
    assert asked(game) == "Did they call you back?"
    answer(game, ["1"])
    state = game.current
    assert isinstance(state, Judged) and state.score == 1.0
    assert [move.value for move in game.walk.moves if move.kind == "enter"] == ["Sam"]


def test_a_verdict_stands(deck: Deck, flow: Flow, library: Library) -> None:
    """Once judged, settling again, going back or trying again neither judges nor keeps twice."""
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["cold-call-hang-up"], kept)
    answer(game, LEARNER["cold-call-hang-up"][0])
    judged = game.current
    assert isinstance(judged, Judged)
    game.walk.back()
    assert game.settle() is judged
    assert game.retry() is judged
    assert (game.score, len(kept)) == (1.0, 1)


def test_trying_again_before_the_verdict_starts_the_scenario_over(
    deck: Deck, flow: Flow, library: Library
) -> None:
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["cold-call-hang-up", "someone-hurt"], kept)
    answer(game, ["2", "3"])
    first = game.walk
    assert game.retry() == Walking(1, 2, scenario(deck, "cold-call-hang-up"))
    assert game.walk is not first
    assert asked(game) == "Do you know why the call ended?"
    assert kept == []


def test_stopping_gives_the_score_over_the_scenarios_played(
    deck: Deck, flow: Flow, library: Library
) -> None:
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["cold-call-hang-up", "someone-hurt", "line-dropped"], kept)
    answer(game, LEARNER["cold-call-hang-up"][0])
    game.next()
    answer(game, ["1"])  # half-way through the second
    stopped = game.stop()
    assert stopped == Summary(1.0, 1, 3, stopped=True)
    assert game.current is stopped and game.stop() is stopped
    assert summary_words(stopped) == "Stopped. Score so far: 1 out of 1."
    assert len(kept) == 1


def test_practising_again_starts_over_from_nothing(
    deck: Deck, flow: Flow, library: Library
) -> None:
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["cold-call-hang-up"], kept)
    answer(game, LEARNER["cold-call-hang-up"][0])
    assert isinstance(game.next(), Summary)
    assert game.again() == Walking(1, 1, scenario(deck, "cold-call-hang-up"))
    assert game.score == 0.0
    answer(game, LEARNER["cold-call-hang-up"][0])
    assert game.score == 1.0 and len(kept) == 2  # each round's result is kept


def test_a_walk_begun_part_way_is_not_scored_nor_kept(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """Should a face ever start the walk at a later step (the map), the outcome reached
    is not the player's judgement: it scores nothing and nothing is kept."""
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, ["line-dropped"], kept)
    game.walk = Walk(flow, library.resolver(), start="did-they-call")
    answer(game, ["1"])
    state = game.current
    assert state == Unscored(1, 1, scenario(deck, "line-dropped")) and state.last
    assert (game.score, kept) == (0.0, [])
    assert game.next() == Summary(0.0, 1, 1, stopped=False)


def test_a_round_of_no_scenarios_is_over_at_once(deck: Deck, flow: Flow, library: Library) -> None:
    game = Round(deck, flow, [], library.resolver())
    assert game.current == Summary(0.0, 0, 0, stopped=False)
    assert summary_words(game.current) == "Round done: 0 out of 0."


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=40))
def test_any_play_keeps_one_result_per_judged_scenario_and_adds_up(
    deck: Deck, flow: Flow, library: Library, picks: list[int]
) -> None:
    """Whatever the player picks (an answer by position, back, the emergency key), each
    scenario is judged at most once, its result kept once, and the round's score is the
    sum of the kept scores, each 0, ½ or 1."""
    kept: list[PracticeResult] = []
    game = a_round(deck, flow, library, list(LEARNER), kept)
    judged = 0
    for pick in picks:
        state = game.current
        if isinstance(state, Summary):
            break
        if isinstance(state, Judged):
            judged += 1
            game.next()
            continue
        step = game.walk.current
        assert isinstance(step, Question)
        if pick == 9:
            game.walk.back()
        elif pick == 8:
            game.walk.escape()
        else:
            game.walk.choose(step.choices[pick % len(step.choices)])
        game.settle()
    assert len(kept) == judged + isinstance(game.current, Judged)
    assert all(result.score in (0.0, 0.5, 1.0) for result in kept)
    assert game.score == pytest.approx(sum(result.score for result in kept))
    assert len({result.scenario for result in kept}) == len(kept)


def test_the_app_never_loads_the_plain_face() -> None:
    """Both faces render the round; neither borrows from the other. In a fresh interpreter
    (so nothing imported earlier hides it), the app and its practice screen load no module
    of `guide.faces.plain`. import-linter's independence contract (tests/test_lint.py)
    holds the same rule for every import, with no exception left in pyproject.toml."""
    code = (
        "import sys, guide.faces.tui.app, guide.faces.tui.screens.practice\n"
        "print(sorted(m for m in sys.modules if m.startswith('guide.faces.plain')))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env, check=True
    )
    assert done.stdout.strip() == "[]"
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    assert [c["name"] for c in contracts if c.get("ignore_imports")] == []


ASKS_A_NUMBER = """\
flow: counts
title: Counts
version: 1
start: which
sources: {own: {title: Our own notes}}
nodes:
  which:
    ask: Which way?
    options:
      - {label: Count the calls, next: how-many}
      - {label: Leave it, next: done}
  how-many:
    input: How many calls?
    type: number
    fact: calls
    next: counted
  counted:
    outcome: Counted
    steps: [Write the number down.]
    why: Counting shows the size of it.
    source: {article: own}
  done:
    outcome: Left alone
    steps: [Carry on.]
    why: Not every figure matters.
    source: {article: own}
examples:
  - {name: count, answers: ["1", "12"], outcome: counted}
  - {name: leave, answers: ["2"], outcome: done}
"""

EXPERT_LEAVES_IT = """\
deck: counts-deck
flow: counts
title: Counts
scenarios:
  - id: leave
    situation: Nothing to count today.
    expert: ["2"]
    outcome: done
"""


def test_a_value_the_expert_never_typed_is_asked_of_the_learner(tmp_path: Path) -> None:
    """The learner goes where the expert did not, to an input that needs a number: the
    round stops there for them to type it, instead of entering nothing (which the input
    refuses: the round used to crash on it), and the scenario is judged as usual."""
    flow_file, deck_file = tmp_path / "counts.yaml", tmp_path / "counts-deck.yaml"
    flow_file.write_text(ASKS_A_NUMBER, encoding="utf-8")
    deck_file.write_text(EXPERT_LEAVES_IT, encoding="utf-8")
    from guide.library.flows import open_flow, scan

    library = scan([flow_file])
    counts = open_flow(flow_file, library)
    loaded, problems = read_deck(deck_file)
    assert loaded is not None and problems == []
    kept: list[PracticeResult] = []
    game = Round(loaded, counts, list(loaded.scenarios), library.resolver(), kept.append)
    assert game.walk.reply("1").accepted
    assert isinstance(game.settle(), Walking)
    assert game.walk.current is counts.nodes["how-many"]
    game.walk.enter("12")
    state = game.settle()
    assert isinstance(state, Judged)
    assert state.verdict.yours == "Counted" and state.verdict.score == 0.0
    assert len(kept) == 1


def test_back_at_the_first_question_changes_nothing(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """The opening words were passed by the round, not the player: nothing to take back
    (Back to them would only pass them again)."""
    game = a_round(deck, flow, library, ["line-dropped"], [])
    moves = game.walk.moves
    assert moves and not game.can_go_back()
    assert not game.back()
    assert game.walk.moves == moves and asked(game) == "Do you know why the call ended?"


def test_back_takes_back_the_players_last_answer_past_what_the_round_did(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """Between the player's answers the round passes opening words and waits; Back goes
    to the player's last question, not to what the round passed, and the scenario still
    ends as it would have."""
    game = a_round(deck, flow, library, ["line-dropped"], [])
    answer(game, ["1"])
    second = asked(game)
    answer(game, ["1"])
    assert asked(game) == "Did they call you back?"
    depth = game.walk.depth
    assert game.can_go_back() and game.back()
    assert asked(game) == second and game.walk.depth < depth - 1  # a wait passed over too
    assert game.back() and asked(game) == "Do you know why the call ended?"
    assert not game.can_go_back()
    answer(game, ["1", "1", "1"])
    state = game.current
    assert isinstance(state, Judged) and state.score == 1.0
    assert [move.value for move in game.walk.moves if move.kind == "enter"] == ["Sam"]


def test_back_after_the_verdict_changes_nothing(deck: Deck, flow: Flow, library: Library) -> None:
    game = a_round(deck, flow, library, ["cold-call-hang-up"], [])
    answer(game, LEARNER["cold-call-hang-up"][0])
    judged, moves = game.current, game.walk.moves
    assert not game.can_go_back() and not game.back()
    assert game.current is judged and game.walk.moves == moves
