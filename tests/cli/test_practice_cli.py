"""`hangup-guide practice` in the plain face, run as a person runs it.

Each test starts `python -m guide` in a subprocess with its own store
(HANGUP_GUIDE_HOME) and feeds the answers on stdin. The order of a seeded round
is the deck's `shuffled(seed)`, so the answers are lined up with it here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from guide.history.store import Store
from guide.practice.deck import Deck, read_deck
from tests.helpers import guide, lines

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "tests" / "fixtures" / "practice" / "good.yaml"
TIMEOUT = 60
PLAIN_TIMEOUT = 10
"""For the run that must not open the full-screen app: it would wait for a terminal."""


def _deck() -> Deck:
    deck, problems = read_deck(GOOD)
    assert deck is not None and not problems
    return deck


DECK = _deck()
SITUATION = {s.id: s.situation for s in DECK.scenarios}

# What the learner answers in each scenario (names are filled in for them).
LEARNER = {
    "line-dropped": ["2", "1", "1", "1", "1"],  # reset-first: 0, parts at why-ended
    "heated-but-calm": ["2", "1", "1", "1", "3", "3"],  # let-it-go: ½, parts at next-move
    "someone-hurt": ["1", "2"],  # carry-on: a missed emergency, parts at why-ended
    "cold-call-hang-up": ["2", "7", "1"],  # the expert's outcome: 1
}


def practise(
    env: dict[str, str],
    seed: int,
    *typed: str,
    deck: str | Path = GOOD,
    more: tuple[str, ...] = (),
    before: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """`hangup-guide [before] practice DECK --plain --seed SEED [more]`, typing each of
    `typed` on a line of its own."""
    args = (*before, "practice", str(deck), "--plain", "--seed", str(seed), *more)
    return guide(env, *args, stdin=lines(*typed))


def order(seed: int, count: int | None = None) -> list[str]:
    return [s.id for s in DECK.shuffled(seed)][: count or None]


def blocks(out: str) -> list[str]:
    """The output of each scenario, from its "Scenario k of N" line on."""
    parts = re.split(r"(?m)^(?=Scenario \d+ of \d+$)", out)
    return parts[1:]


def results(env: dict[str, str]) -> list[tuple[str, str, float, str | None]]:
    path = Path(env["HANGUP_GUIDE_HOME"]) / "sessions.db"
    if not path.exists():
        return []
    store = Store.open(path)
    try:
        return [(r.deck, r.scenario, r.score, r.parted_at) for r in store.results()]
    finally:
        store.close()


def situations_shown(out: str) -> list[str]:
    found = []
    for block in blocks(out):
        shown = block.splitlines()[1]
        found.append(next(i for i, text in SITUATION.items() if text == shown))
    return found


# --- a full round ------------------------------------------------------------------------------


def test_a_full_round_shows_each_verdict_then_the_total(env: dict[str, str]) -> None:
    seed = 1
    played = order(seed)
    typed = [answer for scenario_id in played for answer in LEARNER[scenario_id]]
    done = practise(env, seed, *typed)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Practice: Test deck for the hang-up guide (4 scenarios)\n")

    shown = blocks(out)
    assert len(shown) == 4
    by_id = {}
    for number, (scenario_id, block) in enumerate(zip(played, shown, strict=True), 1):
        assert block.startswith(f"Scenario {number} of 4\n{SITUATION[scenario_id]}\n")
        # answered without hints: the question and its numbered answers, no help text
        assert "Do you know why the call ended?\n  1) It looked like an accident" in block
        assert "The reason shapes what helps now" not in block
        assert "Your outcome:" in block and "Expert's outcome:" in block and "Score:" in block
        by_id[scenario_id] = block

    dropped = by_id["line-dropped"]
    assert "Your outcome:     Step away and reset first\n" in dropped
    assert "Expert's outcome: Pick up where you left off\n" in dropped
    assert "Your path parted from the expert's at: Do you know why the call ended?\n" in dropped
    assert "  you answered:    They ended it on purpose, in anger or mid-argument\n" in dropped
    assert "  expert answered: It looked like an accident: the line dropped or cut out\n" in dropped
    assert "  why: A crackling line that goes dead is lost signal, not a choice.\n" in dropped
    assert "Score: 0\n" in dropped
    assert "MISSED EMERGENCY" not in dropped

    calm = by_id["heated-but-calm"]
    assert "Your outcome:     Let it go and move on\n" in calm
    assert "Expert's outcome: Give it time before you reach out\n" in calm
    assert "parted from the expert's at: What would you like to happen next?\n" in calm
    assert "  you answered:    Let it go: it isn't worth chasing\n" in calm
    assert "  expert answered: Sort it out with them myself, when the time is right\n" in calm
    assert "  why: A pause lets you both come back to it calmer.\n" in calm
    assert "Score: ½ — safe, but not the best\n" in calm

    hurt = by_id["someone-hurt"]
    assert "Expert's outcome: Treat this as an emergency\n" in hurt
    assert "!! MISSED EMERGENCY: this situation called for the emergency steps.\n" in hurt
    assert "  expert answered: This could be an emergency\n" in hurt
    assert "  why: Someone may be hurt, so this is an emergency before anything else.\n" in hurt
    assert "Score: 0\n" in hurt

    cold = by_id["cold-call-hang-up"]
    assert "Your outcome:     Take them off your list and move on\n" in cold
    assert "Expert's outcome: Take them off your list and move on\n" in cold
    assert "parted" not in cold
    assert "Score: 1 — the expert's outcome\n" in cold

    assert out.rstrip().endswith("Round done: 1.5 out of 4.")
    # every scenario was kept
    assert sorted(results(env)) == sorted(
        [
            ("test-hang-up", "line-dropped", 0.0, "why-ended"),
            ("test-hang-up", "heated-but-calm", 0.5, "next-move"),
            ("test-hang-up", "someone-hurt", 0.0, "why-ended"),
            ("test-hang-up", "cold-call-hang-up", 1.0, None),
        ]
    )

    # and the progress summary knows about it
    progress = guide(env, "practice", "--progress")
    assert progress.returncode == 0, progress.stderr
    assert "test-hang-up: 4 scenarios done, 4 attempts" in progress.stdout
    assert re.search(r"(?m)^  \d{4}-W\d\d: 38% average over 4$", progress.stdout)
    assert "steps most often missed: why-ended (2x), next-move (1x)" in progress.stdout


def test_names_are_filled_in_and_waits_skipped(env: dict[str, str]) -> None:
    """Practice is about judgement: no name questions, no timer."""
    seed = 1
    played = order(seed)
    typed = [answer for scenario_id in played for answer in LEARNER[scenario_id]]
    done = practise(env, seed, *typed)
    assert done.returncode == 0, done.stderr
    assert "What do you call them?" not in done.stdout
    assert "Suggested wait" not in done.stdout
    assert "What has happened since the line went?" in done.stdout


def test_no_hints_in_plain_practice(env: dict[str, str]) -> None:
    """ "?" (why am I asked this?) is not a command in practice: it is not an answer either."""
    done = practise(env, 1, "?", "q")
    assert done.returncode == 0, done.stderr
    assert "Why this is asked" not in done.stdout
    assert "That does not match any answer here." in done.stdout
    assert "Stopped. Score so far: 0 out of 0." in done.stdout


def test_count_plays_that_many(env: dict[str, str]) -> None:
    (first,) = order(3, 1)
    done = practise(env, 3, *LEARNER[first], more=("--count", "1"))
    assert done.returncode == 0, done.stderr
    assert "(1 scenarios)" in done.stdout
    assert "Scenario 1 of 1\n" in done.stdout
    assert "Scenario 2" not in done.stdout
    assert SITUATION[first] in done.stdout
    assert re.search(r"Round done: [\d.]+ out of 1\.\n", done.stdout)
    assert len(results(env)) == 1


def test_q_stops_with_the_score_so_far(env: dict[str, str]) -> None:
    played = order(1)
    # the first scenario in full, then stop at the second one's first question
    typed = [*LEARNER[played[0]], "q"]
    done = practise(env, 1, *typed)
    assert done.returncode == 0, done.stderr
    first_score = {"line-dropped": 0, "heated-but-calm": 0.5, "someone-hurt": 0}
    expected = first_score.get(played[0], 1)
    assert f"Stopped. Score so far: {expected:g} out of 1." in done.stdout
    assert "Scenario 2 of 4" in done.stdout
    assert "Scenario 3 of 4" not in done.stdout
    assert "Round done" not in done.stdout
    assert [r[1] for r in results(env)] == [played[0]]


def test_the_end_of_input_stops_like_q(env: dict[str, str]) -> None:
    done = practise(env, 1)
    assert done.returncode == 0, done.stderr
    assert "Stopped. Score so far: 0 out of 0." in done.stdout
    assert results(env) == []


def test_the_same_seed_gives_the_same_order(env: dict[str, str]) -> None:
    """`!` ends each scenario at once, so every situation is shown."""
    runs = [practise(env, 5, *["!"] * 4) for _ in range(2)]
    for done in runs:
        assert done.returncode == 0, done.stderr
        assert "Round done:" in done.stdout
    first, second = (situations_shown(done.stdout) for done in runs)
    assert first == second == order(5)
    assert sorted(first) == sorted(SITUATION)


def test_a_different_seed_can_give_a_different_order(env: dict[str, str]) -> None:
    seeds = [s for s in range(2, 30) if order(s) != order(1)]
    assert seeds, "every seed gave the same order"
    runs = [practise(env, seed, *["!"] * 4) for seed in (1, seeds[0])]
    assert situations_shown(runs[0].stdout) != situations_shown(runs[1].stdout)


# --- choosing a deck ---------------------------------------------------------------------------


@pytest.fixture
def own_decks(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    """The fixture deck in a `practice/` folder of one of the person's flow folders."""
    folder = tmp_path / "flows"
    (folder / "practice").mkdir(parents=True)
    shutil.copy(GOOD, folder / "practice" / "good.yaml")
    return {**env, "HANGUP_GUIDE_FLOWS": str(folder)}


def test_a_deck_in_the_persons_folder_is_found_by_its_id(own_decks: dict[str, str]) -> None:
    (first,) = order(2, 1)
    done = practise(own_decks, 2, "!", deck="test-hang-up", more=("--count", "1"))
    assert done.returncode == 0, done.stderr
    assert "Practice: Test deck for the hang-up guide (1 scenarios)" in done.stdout
    assert SITUATION[first] in done.stdout


def test_without_a_deck_the_plain_face_asks_which(own_decks: dict[str, str]) -> None:
    done = guide(
        own_decks,
        "practice",
        "--plain",
        "--count",
        "1",
        stdin=lines("test-hang-up", "!"),
    )
    assert done.returncode == 0, done.stderr
    assert "Which deck?\n" in done.stdout
    assert "Test deck for the hang-up guide (4 scenarios)" in done.stdout
    assert "Practice: Test deck for the hang-up guide (1 scenarios)" in done.stdout
    assert "Round done:" in done.stdout


def test_an_unknown_deck_lists_the_decks(own_decks: dict[str, str]) -> None:
    done = guide(own_decks, "practice", "no-such-deck", "--plain")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "no usable deck `no-such-deck`; the decks are: " in done.stderr
    listed = done.stderr.split("the decks are: ", 1)[1].splitlines()[0].split(", ")
    assert "test-hang-up" in listed
    for path in sorted((REPO / "flows" / "practice").glob("*.yaml")):
        bundled, _ = read_deck(path)
        assert bundled is not None
        assert bundled.id in listed


def test_a_broken_deck_file_is_refused(env: dict[str, str]) -> None:
    broken = REPO / "tests" / "fixtures" / "practice" / "wrong-answer.yaml"
    done = guide(env, "practice", str(broken), "--plain")
    assert done.returncode == 2
    assert "no usable deck" in done.stderr
    assert "Scenario" not in done.stdout


# --- saving and progress ------------------------------------------------------------------------


def test_no_save_keeps_no_results(env: dict[str, str]) -> None:
    done = practise(env, 1, *["!"] * 4, before=("--no-save",))
    assert done.returncode == 0, done.stderr
    assert "Round done:" in done.stdout
    assert results(env) == []
    progress = guide(env, "practice", "--progress")
    assert progress.returncode == 0
    assert progress.stdout.strip() == "No practice yet. Try: hangup-guide practice"


def test_progress_adds_up_rounds(env: dict[str, str]) -> None:
    for _ in range(2):
        done = practise(env, 1, *["!"] * 4)
        assert done.returncode == 0, done.stderr
    progress = guide(env, "practice", "--progress")
    assert progress.returncode == 0, progress.stderr
    assert "test-hang-up: 4 scenarios done, 8 attempts" in progress.stdout
    # "!" was the expert's answer once in four: three scenarios part at the first question
    assert "steps most often missed: why-ended (6x)" in progress.stdout


# --- --plain before the command ------------------------------------------------------------------


def test_plain_before_the_command_also_practises_line_by_line(env: dict[str, str]) -> None:
    """`hangup-guide --plain practice ...` must not open the full-screen app."""
    try:
        done = guide(
            env,
            "--plain",
            "practice",
            str(GOOD),
            "--seed",
            "1",
            stdin=lines(*["!"] * 4),
            timeout=PLAIN_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            "`hangup-guide --plain practice` started the full-screen app (the top-level --plain"
            " was lost) and waited for a terminal"
        )
    assert done.returncode == 0, done.stderr
    assert "Scenario 1 of 4" in done.stdout
    assert "Round done:" in done.stdout


def test_back_goes_to_the_learners_last_answer(env: dict[str, str]) -> None:
    """`b` at the first question says so; after an answer it goes back to that question
    (not to the opening words the round passes), and the scenario is scored as usual."""
    first = order(1, 1)[0]
    done = practise(
        env, 1, "b", LEARNER[first][0], "b", *LEARNER[first], "q", more=("--count", "1")
    )
    assert done.returncode == 0, done.stderr
    block = blocks(done.stdout)[0]
    assert "This is the first question." in block
    assert block.count("Do you know why the call ended?") == 3  # asked, after b, after b again
    assert [r[1] for r in results(env)] == [first]
