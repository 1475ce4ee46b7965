"""Practice decks on their own: loading, checking, judging a walk, shuffling, progress.

The decks under tests/fixtures/practice/ practise the bundled hang-up flow:
`good.yaml` is clean (four scenarios, one an emergency, one with `also_fine`);
each of the others has exactly one thing wrong, on a known line.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.examples import walk_answers
from guide.flow.model import Flow
from guide.history.store import PracticeResult
from guide.library.flows import Library, bundled_decks
from guide.practice.deck import Deck, Scenario, is_deck, load_deck, read_deck
from guide.practice.expert import expert_inputs, expert_walk, path_of
from guide.practice.judging import FULL, NONE, PART, judge, result_of
from guide.practice.progress import progress_lines, summarise
from guide.practice.validate import validate_deck
from tests.helpers import guide

REPO = Path(__file__).resolve().parents[1]
DECKS = REPO / "tests" / "fixtures" / "practice"
GOOD = DECKS / "good.yaml"

WHY_ENDED = "Do you know why the call ended?"
ANGER = "They ended it on purpose, in anger or mid-argument"
DROPPED = "It looked like an accident: the line dropped or cut out"


@pytest.fixture(scope="module")
def flow(library: Library) -> Flow:
    return library.flows["hang-up"]


@pytest.fixture(scope="module")
def deck() -> Deck:
    loaded, problems = read_deck(GOOD)
    assert loaded is not None and problems == []
    return loaded


def scenario(deck: Deck, scenario_id: str) -> Scenario:
    return next(s for s in deck.scenarios if s.id == scenario_id)


def walked(flow: Flow, library: Library, answers: list[str]) -> Walk:
    """A learner's finished walk with these answers."""
    walk = Walk(flow, library.resolver())
    assert walk_answers(walk, answers) is None
    assert walk.finished, f"{answers} do not reach an outcome"
    return walk


def expert(flow: Flow, library: Library, case: Scenario) -> Walk:
    walk, failure = expert_walk(flow, case, library.resolver())
    assert failure is None
    return walk


# --- loading --------------------------------------------------------------------------------


def test_a_good_deck_loads_with_every_field(deck: Deck) -> None:
    assert (deck.id, deck.flow, deck.title) == (
        "test-hang-up",
        "hang-up",
        "Test deck for the hang-up guide",
    )
    assert [s.id for s in deck.scenarios] == [
        "line-dropped",
        "heated-but-calm",
        "someone-hurt",
        "cold-call-hang-up",
    ]
    calm = scenario(deck, "heated-but-calm")
    assert calm.expert == ("2", "1", "1", "1", "3", "1", "Chris")
    assert calm.outcome == "give-it-time"
    assert calm.also_fine == ("let-it-go", "reset-first")
    assert calm.reasons["next-move"] == "A pause lets you both come back to it calmer."
    assert calm.situation.startswith("Your brother hung up on you")
    # each answer remembers where it was written (line 20 of the file)
    assert {m.line for m in calm.answer_marks} == {20}
    assert len(calm.answer_marks) == len(calm.expert)
    assert scenario(deck, "someone-hurt").expert == ("!",)


def test_a_good_deck_is_clean(deck: Deck, library: Library) -> None:
    assert validate_deck(deck, library.flows) == []


def test_is_deck_tells_a_deck_from_a_flow() -> None:
    assert is_deck(GOOD.read_bytes())
    assert not is_deck((REPO / "flows" / "hang-up.yaml").read_bytes())


def test_a_deck_without_a_required_key_is_not_loaded() -> None:
    data = b'deck: x\nflow: hang-up\nscenarios:\n  - id: a\n    situation: s\n    expert: ["1"]\n'
    loaded, problems = load_deck(data, "bad.yaml")
    assert loaded is None
    assert [(p.code, p.severity) for p in problems] == [("missing-key", "error")]
    assert "`title`" in problems[0].message


def test_an_unknown_key_in_a_scenario_is_an_error_at_its_line() -> None:
    data = (
        b"deck: x\nflow: hang-up\ntitle: T\nscenarios:\n"
        b'  - id: a\n    situation: s\n    expert: ["1", "1", "", ""]\n'
        b"    outcome: carry-on\n    colour: red\n"
    )
    _, problems = load_deck(data, "bad.yaml")
    assert [(p.code, p.mark.line) for p in problems] == [("unknown-key", 9)]
    assert "colour" in problems[0].message


# --- validate_deck: each problem with its code and line ---------------------------------------

BROKEN = [
    # file, code, line, col, words in the message
    (
        "wrong-answer.yaml",
        "expert-answer",
        9,
        9,
        [
            "`twelve-at-who`",
            "'12'",
            "`who-was-it`",
            "1) Family: a parent, child, brother or sister, or another relative",
        ],
    ),
    (
        "wrong-outcome.yaml",
        "expert-path",
        5,
        5,
        ["`dropped-rang-back`", "reach `carry-on`, not `call-back-personal`"],
    ),
    (
        "reason-off-path.yaml",
        "reason-off-path",
        5,
        5,
        ["`reasons` names `how-you-feel`", "does not visit"],
    ),
    (
        "unknown-also-fine.yaml",
        "unknown-outcome",
        5,
        5,
        ["`also_fine` names `send-txt`", "did you mean `send-text`?"],
    ),
    ("duplicate-id.yaml", "duplicate-scenario", 9, 5, ["`dropped`", "already used at line 5"]),
    ("unknown-flow.yaml", "unknown-flow", 2, 7, ["no flow `hang-upp`", "did you mean `hang-up`?"]),
]


@pytest.mark.parametrize("case", BROKEN, ids=[row[0] for row in BROKEN])
def test_validate_deck_names_the_problem_and_its_place(
    library: Library, case: tuple[str, str, int, int, list[str]]
) -> None:
    name, code, line, col, words = case
    loaded, problems = read_deck(DECKS / name)
    assert loaded is not None and problems == []  # it reads fine; it does not fit its flow
    found = validate_deck(loaded, library.flows)
    assert [(p.code, p.severity, p.mark.line, p.mark.col) for p in found] == [
        (code, "error", line, col)
    ]
    assert found[0].mark.file == str(DECKS / name)
    for word in words:
        assert word in found[0].message


def test_the_wrong_answer_is_located_at_its_own_line() -> None:
    """In a block list the answer has a line of its own: the error is there, not at `expert:`."""
    text = (DECKS / "wrong-answer.yaml").read_text(encoding="utf-8").splitlines()
    assert text[9 - 1].strip() == '- "12"'


def test_a_wrong_answer_in_an_inline_list_points_at_that_answer(library: Library) -> None:
    data = (
        b"deck: x\nflow: hang-up\ntitle: T\nscenarios:\n"
        b"  - id: a\n    situation: s\n"
        b'    expert: ["1", "1", "3", "Sam"]\n'
        b"    outcome: carry-on\n"
    )
    loaded, _ = load_deck(data, "inline.yaml")
    assert loaded is not None
    found = validate_deck(loaded, library.flows)
    assert [(p.code, p.mark.line, p.mark.col) for p in found] == [("expert-answer", 7, 24)]
    assert "'3'" in found[0].message and "`did-they-call`" in found[0].message


def test_answers_after_the_outcome_are_an_error_at_the_extra_answer(library: Library) -> None:
    data = (
        b"deck: x\nflow: hang-up\ntitle: T\nscenarios:\n"
        b"  - id: a\n    situation: s\n"
        b"    expert:\n"
        b'      - "2"\n'
        b'      - "7"\n'
        b'      - "1"\n'
        b'      - "1"\n'
        b"    outcome: cold-move-on\n"
    )
    loaded, _ = load_deck(data, "extra.yaml")
    assert loaded is not None
    found = validate_deck(loaded, library.flows)
    assert [(p.code, p.mark.line) for p in found] == [("expert-answer", 11)]
    assert "already reached an outcome" in found[0].message


def test_answers_that_stop_short_of_an_outcome_are_an_error(library: Library) -> None:
    data = (
        b"deck: x\nflow: hang-up\ntitle: T\nscenarios:\n"
        b'  - id: a\n    situation: s\n    expert: ["2", "1"]\n    outcome: reset-first\n'
    )
    loaded, _ = load_deck(data, "short.yaml")
    assert loaded is not None
    found = validate_deck(loaded, library.flows)
    assert [(p.code, p.mark.line) for p in found] == [("expert-path", 5)]
    assert "stop before an outcome" in found[0].message


# --- `check` on decks, in a subprocess --------------------------------------------------------


def check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return guide({**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}, "check", *paths)


def test_check_passes_a_good_deck() -> None:
    done = check(GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert "checked 1 file(s): 0 error(s), 0 warning(s)" in done.stderr


def test_check_reports_every_broken_deck_at_its_line() -> None:
    paths = [DECKS / name for name, *_ in BROKEN]
    done = check(*paths)
    assert done.returncode == 1, done.stdout + done.stderr
    printed = done.stdout.splitlines()
    assert len(printed) == len(BROKEN)
    for (name, _, line, col, words), out in zip(BROKEN, printed, strict=True):
        assert out.startswith(f"{DECKS / name}:{line}:{col}: error: "), out
        assert words[0] in out
    assert f"checked {len(BROKEN)} file(s): {len(BROKEN)} error(s), 0 warning(s)" in done.stderr


def test_check_points_at_the_wrong_answer_line() -> None:
    done = check(DECKS / "wrong-answer.yaml")
    assert done.returncode == 1
    assert done.stdout.startswith(
        f"{DECKS / 'wrong-answer.yaml'}:9:9: error: scenario `twelve-at-who`: "
        "the answer '12' does not fit step `who-was-it`"
    )


def test_check_takes_decks_and_flows_together() -> None:
    done = check(REPO / "flows" / "hang-up.yaml", GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "checked 2 file(s): 0 error(s)" in done.stderr


BUNDLED = bundled_decks()


@pytest.mark.skipif(not BUNDLED, reason="no bundled decks in flows/practice/ yet")
def test_every_bundled_deck_is_clean_under_check() -> None:
    done = check(*BUNDLED)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


@pytest.mark.skipif(not BUNDLED, reason="no bundled decks in flows/practice/ yet")
@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_deck_is_a_full_round(path: Path, library: Library) -> None:
    """Ten or more scenarios, one deck per flow, named after it, with unique ids."""
    loaded, problems = read_deck(path)
    assert loaded is not None and problems == []
    assert validate_deck(loaded, library.flows) == []
    assert len(loaded.scenarios) >= 10
    assert loaded.flow == path.stem
    assert len({s.id for s in loaded.scenarios}) == len(loaded.scenarios)


# --- the expert's walk ------------------------------------------------------------------------


def test_expert_inputs_are_the_names_the_expert_typed(
    deck: Deck, flow: Flow, library: Library
) -> None:
    resolve = library.resolver()
    assert expert_inputs(flow, scenario(deck, "heated-but-calm"), resolve) == {
        "give-it-time-name": "Chris",
    }
    assert expert_inputs(flow, scenario(deck, "line-dropped"), resolve) == {
        "carry-on-name": "Sam",
    }
    assert expert_inputs(flow, scenario(deck, "someone-hurt"), resolve) == {}


def test_path_of_lists_the_choices_only(deck: Deck, flow: Flow, library: Library) -> None:
    walk = expert(flow, library, scenario(deck, "line-dropped"))
    assert [(s.node, s.handle, s.answer) for s in path_of(walk)] == [
        ("why-ended", "1", DROPPED),
        ("since-drop", "1", "It has only just happened"),
        ("did-they-call", "1", "They called back"),
    ]
    assert path_of(walk)[0].asked == WHY_ENDED
    assert path_of(walk)[0].flow == "hang-up"


def test_the_emergency_exit_is_on_the_path_with_its_key(
    deck: Deck, flow: Flow, library: Library
) -> None:
    walk = expert(flow, library, scenario(deck, "someone-hurt"))
    assert [(s.node, s.handle) for s in path_of(walk)] == [("why-ended", "!")]


# --- judge: scores --------------------------------------------------------------------------------


def test_the_experts_outcome_scores_full(deck: Deck, flow: Flow, library: Library) -> None:
    case = scenario(deck, "heated-but-calm")
    verdict = judge(
        case, walked(flow, library, ["2", "1", "1", "1", "3", "1", ""]), expert(flow, library, case)
    )
    assert verdict.score == FULL == 1.0
    assert verdict.parting is None
    assert not verdict.missed_emergency
    assert verdict.yours == verdict.experts == "Give it time before you reach out"
    assert verdict.your_outcome == "give-it-time"


def test_the_experts_outcome_by_another_path_still_scores_full(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """A go-between that might be risky also leads to giving it time: the outcome counts."""
    case = scenario(deck, "heated-but-calm")
    mine = walked(flow, library, ["2", "1", "1", "1", "3", "2", "2", ""])
    verdict = judge(case, mine, expert(flow, library, case))
    assert verdict.score == FULL
    assert verdict.your_outcome == "give-it-time"


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [(["2", "1", "1", "1", "1"], "reset-first"), (["2", "1", "1", "1", "3", "3"], "let-it-go")],
)
def test_an_also_fine_outcome_scores_half_and_shows_the_parting(
    deck: Deck, flow: Flow, library: Library, answers: list[str], outcome: str
) -> None:
    case = scenario(deck, "heated-but-calm")
    verdict = judge(case, walked(flow, library, answers), expert(flow, library, case))
    assert verdict.your_outcome == outcome
    assert verdict.score == PART == 0.5
    assert not verdict.missed_emergency
    assert verdict.parting is not None


def test_another_outcome_scores_nothing(deck: Deck, flow: Flow, library: Library) -> None:
    case = scenario(deck, "heated-but-calm")
    mine = walked(flow, library, ["2", "1", "1", "2", "the rent, by Friday", ""])
    verdict = judge(case, mine, expert(flow, library, case))
    assert verdict.your_outcome == "urgent-message"
    assert verdict.score == NONE == 0.0
    assert not verdict.missed_emergency


def test_missing_the_experts_emergency_scores_nothing_and_is_flagged(
    deck: Deck, flow: Flow, library: Library
) -> None:
    case = scenario(deck, "someone-hurt")
    mine = walked(flow, library, ["1", "2", ""])
    verdict = judge(case, mine, expert(flow, library, case))
    assert verdict.score == 0.0
    assert verdict.missed_emergency
    assert verdict.yours == "Pick up where you left off"
    assert verdict.experts == "Treat this as an emergency"


def test_an_emergency_missed_is_flagged_even_when_listed_as_also_fine(
    flow: Flow, library: Library
) -> None:
    """No part marks can make up for missing an emergency."""
    case = Scenario("hurt", "Someone may be hurt.", ("!",), "emergency", also_fine=("carry-on",))
    mine = walked(flow, library, ["1", "2", ""])
    verdict = judge(case, mine, expert(flow, library, case))
    assert verdict.score == 0.0
    assert verdict.missed_emergency


def test_taking_the_emergency_exit_on_the_experts_emergency_scores_full(
    deck: Deck, flow: Flow, library: Library
) -> None:
    """The emergency exit reached later in the walk is still the expert's outcome."""
    case = scenario(deck, "someone-hurt")
    mine = walked(flow, library, ["2", "1", "!"])
    verdict = judge(case, mine, expert(flow, library, case))
    assert verdict.score == FULL
    assert not verdict.missed_emergency
    assert verdict.parting is None


def test_choosing_an_emergency_the_expert_did_not_is_not_a_missed_one(
    deck: Deck, flow: Flow, library: Library
) -> None:
    case = scenario(deck, "line-dropped")
    verdict = judge(case, walked(flow, library, ["!"]), expert(flow, library, case))
    assert verdict.your_outcome == "emergency"
    assert verdict.score == 0.0
    assert not verdict.missed_emergency
    assert verdict.parting is not None
    assert verdict.parting.yours == "This could be an emergency"


# --- judge: where the paths parted ----------------------------------------------------------------


def test_the_parting_is_the_first_differing_question_with_its_reason(
    deck: Deck, flow: Flow, library: Library
) -> None:
    case = scenario(deck, "heated-but-calm")
    mine = walked(flow, library, ["2", "1", "1", "1", "3", "3"])
    verdict = judge(case, mine, expert(flow, library, case))
    parting = verdict.parting
    assert parting is not None
    assert parting.node == "next-move"
    assert parting.asked == "What would you like to happen next?"
    assert parting.yours == "Let it go: it isn't worth chasing"
    assert parting.experts == "Sort it out with them myself, when the time is right"
    assert parting.reason == "A pause lets you both come back to it calmer."


def test_a_parting_at_the_first_question(deck: Deck, flow: Flow, library: Library) -> None:
    case = scenario(deck, "line-dropped")
    mine = walked(flow, library, ["2", "1", "1", "1", "1"])
    verdict = judge(case, mine, expert(flow, library, case))
    parting = verdict.parting
    assert parting is not None
    assert (parting.node, parting.asked, parting.yours, parting.experts) == (
        "why-ended",
        WHY_ENDED,
        ANGER,
        DROPPED,
    )
    assert parting.reason == "A crackling line that goes dead is lost signal, not a choice."


def test_a_parting_at_a_step_without_a_reason_has_none(
    deck: Deck, flow: Flow, library: Library
) -> None:
    case = scenario(deck, "heated-but-calm")
    mine = walked(
        flow, library, ["2", "1", "1", "1", "1"]
    )  # parts at how-you-feel: no reason given
    parting = judge(case, mine, expert(flow, library, case)).parting
    assert parting is not None
    assert parting.node == "how-you-feel"
    assert parting.asked == "How are you feeling right now?"
    assert parting.yours == "Still shaken, angry or upset"
    assert parting.experts == "Calm enough to think it through"
    assert parting.reason == ""


def test_a_parting_after_going_back_ignores_the_answer_taken_back(
    deck: Deck, flow: Flow, library: Library
) -> None:
    case = scenario(deck, "line-dropped")
    mine = Walk(flow, library.resolver())
    assert walk_answers(mine, ["2"]) is None
    mine.back()
    assert walk_answers(mine, ["1", "1", "2", "1", "1", "1", ""]) is None  # dropped, no callback
    verdict = judge(case, mine, expert(flow, library, case))
    assert verdict.your_outcome == "call-back-personal"
    parting = verdict.parting
    assert parting is not None
    assert parting.node == "did-they-call"
    assert (parting.yours, parting.experts) == ("Not yet", "They called back")
    assert parting.reason == "They rang back, so there is nothing to repair."


def test_result_of_keeps_what_the_store_needs(deck: Deck, flow: Flow, library: Library) -> None:
    case = scenario(deck, "heated-but-calm")
    mine = walked(flow, library, ["2", "1", "1", "1", "1"])
    row = result_of(deck, judge(case, mine, expert(flow, library, case)))
    assert (row.deck, row.scenario, row.score) == ("test-hang-up", "heated-but-calm", 0.5)
    assert (row.outcome, row.expert_outcome, row.parted_at) == (
        "reset-first",
        "give-it-time",
        "how-you-feel",
    )
    full = result_of(deck, judge(case, expert(flow, library, case), expert(flow, library, case)))
    assert full.parted_at is None and full.score == 1.0


# --- shuffled order -------------------------------------------------------------------------------


def big_deck(size: int = 12) -> Deck:
    scenarios = tuple(
        Scenario(f"s{n}", f"Situation {n}.", ("1", "2", ""), "carry-on") for n in range(size)
    )
    return Deck("big", "hang-up", "Big", scenarios)


def test_the_same_seed_gives_the_same_order() -> None:
    deck = big_deck()
    assert [s.id for s in deck.shuffled(7)] == [s.id for s in deck.shuffled(7)]
    assert [s.id for s in deck.shuffled(0)] == [s.id for s in deck.shuffled(0)]


def test_another_seed_gives_another_order() -> None:
    deck = big_deck()
    first = [s.id for s in deck.shuffled(1)]
    assert any([s.id for s in deck.shuffled(seed)] != first for seed in range(2, 12))


def test_shuffled_is_a_permutation_and_leaves_the_deck_alone() -> None:
    deck = big_deck()
    before = deck.scenarios
    for seed in (None, 1, 2, 99):
        order = deck.shuffled(seed)
        assert sorted(s.id for s in order) == sorted(s.id for s in deck.scenarios)
        assert len(order) == len(deck.scenarios)
    assert deck.scenarios == before


# --- progress -------------------------------------------------------------------------------------


def row(
    at: str, scenario_id: str, score: float, parted: str | None, deck: str = "d"
) -> PracticeResult:
    return PracticeResult(at, deck, scenario_id, score, "x", "y", parted)


ROWS = [
    # ISO week 2026-W02 (Mon 5 Jan .. Sun 11 Jan 2026)
    row("2026-01-05T09:00:00+00:00", "a", 1.0, None),
    row("2026-01-06T09:00:00+00:00", "b", 0.5, "how-you-feel"),
    row("2026-01-11T23:59:00+00:00", "c", 0.0, "why-ended"),
    # ISO week 2026-W03
    row("2026-01-12T08:00:00+00:00", "a", 0.0, "why-ended"),
    row("2026-01-13T08:00:00+00:00", "b", 1.0, None),
    row("2026-01-14T08:00:00+00:00", "b", 0.0, "why-ended"),
    row("2026-01-15T08:00:00+00:00", "d", 0.0, "can-it-wait"),
    row("2026-01-16T08:00:00+00:00", "c", 0.0, "how-you-feel"),
    # another deck
    row("2026-01-12T08:00:00+00:00", "z", 1.0, None, deck="another"),
]


def test_summarise_counts_scenarios_attempts_weeks_and_misses() -> None:
    progress = summarise(ROWS)
    assert [p.deck for p in progress] == ["another", "d"]
    other, main = progress
    assert (other.scenarios_done, other.attempts, other.missed) == (1, 1, ())
    assert other.by_week == (("2026-W03", 1.0, 1),)

    assert main.scenarios_done == 4  # a, b, c, d: repeats count once
    assert main.attempts == 8
    assert [(week, count) for week, _, count in main.by_week] == [
        ("2026-W02", 3),
        ("2026-W03", 5),
    ]
    assert main.by_week[0][1] == pytest.approx(0.5)  # (1 + 0.5 + 0) / 3
    assert main.by_week[1][1] == pytest.approx(0.2)  # (0 + 1 + 0 + 0 + 0) / 5
    assert main.missed == (("why-ended", 3), ("how-you-feel", 2), ("can-it-wait", 1))


def test_summarise_orders_weeks_across_a_year_end() -> None:
    rows = [
        row("2026-01-01T10:00:00+00:00", "a", 1.0, None),  # ISO 2026-W01
        row("2025-12-22T10:00:00+00:00", "a", 0.0, "why-ended"),  # ISO 2025-W52
    ]
    (progress,) = summarise(rows)
    assert [week for week, _, _ in progress.by_week] == ["2025-W52", "2026-W01"]


def test_summarise_of_nothing_is_empty() -> None:
    assert summarise([]) == []
    assert progress_lines([]) == ["No practice yet. Try: hangup-guide practice"]


def test_progress_lines_say_it_in_words() -> None:
    lines = progress_lines(summarise(ROWS))
    assert "d: 4 scenarios done, 8 attempts" in lines
    assert "  2026-W02: 50% average over 3" in lines
    assert "  2026-W03: 20% average over 5" in lines
    assert "  steps most often missed: why-ended (3x), how-you-feel (2x), can-it-wait (1x)" in lines
