"""The Practice screen, driven with Pilot through `make_practice_app` (the CLI's factory).

A round of the fixture deck (tests/fixtures/practice/good.yaml, four scenarios
for the bundled hang-up flow) in the order `shuffled(seed)` gives: each
situation, the questions without hints, a verdict after each outcome, Enter to
go on, and the round's total at the end; every verdict is kept in the store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from guide.faces.tui.app import PracticeApp, make_practice_app
from guide.faces.tui.screens.decks import DeckScreen
from guide.faces.tui.screens.practice import PracticeScreen
from guide.faces.tui.screens.why import WhyScreen
from guide.faces.tui.widgets.bubble import Bubble
from guide.faces.tui.widgets.choices import Choices
from guide.flow.steps import Question
from guide.history.store import Store
from guide.library.flows import Library
from guide.practice.deck import Deck, read_deck

DECKS = Path(__file__).resolve().parents[1] / "fixtures" / "practice"

# The keys the learner presses in each scenario, and what that earns.
LEARNER = {
    "line-dropped": (["2", "1", "1", "1", "1"], 0.0),  # reset-first, parts at why-ended
    "heated-but-calm": (["2", "1", "1", "1", "3", "3"], 0.5),  # let-it-go, also fine
    "someone-hurt": (["1", "2"], 0.0),  # a missed emergency
    "cold-call-hang-up": (["2", "7", "1"], 1.0),  # the expert's outcome
}


@pytest.fixture(scope="module")
def deck() -> Deck:
    loaded, problems = read_deck(DECKS / "good.yaml")
    assert loaded is not None and not problems
    return loaded


@dataclass
class Round:
    app: PracticeApp
    pilot: Pilot[None]

    @property
    def screen(self) -> PracticeScreen:
        screen = self.app.screen
        assert isinstance(screen, PracticeScreen), screen
        return screen

    def bubbles(self) -> list[str]:
        return [str(b.content) for b in self.bubble_widgets()]

    def bubble_widgets(self) -> list[Bubble]:
        return list(self.app.screen.query(Bubble))

    def verdicts(self) -> list[Static]:
        return list(self.app.screen.query(".verdict").results(Static))

    def verdict(self) -> str:
        shown = self.verdicts()
        assert shown, "no verdict is shown"
        return str(shown[-1].render())

    def rows(self) -> list[str]:
        choices = self.app.screen.query_one(Choices)
        return [
            str(choices.get_option_at_index(i).prompt).strip() for i in range(choices.option_count)
        ]

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press("exclamation_mark" if key == "!" else key)
            await self.pilot.pause()


@asynccontextmanager
async def practising(
    decks: list[Deck],
    library: Library,
    store: Store | None,
    *,
    deck: str | None = None,
    seed: int | None = 1,
    count: int | None = None,
) -> AsyncIterator[Round]:
    app = make_practice_app(decks, library, store, deck=deck, seed=seed, count=count)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        yield Round(app, pilot)


def order(deck: Deck, seed: int = 1, count: int | None = None) -> list[str]:
    return [s.id for s in deck.shuffled(seed)][: count or None]


def situation(deck: Deck, scenario_id: str) -> str:
    return next(s.situation for s in deck.scenarios if s.id == scenario_id)


# --- the first scenario -----------------------------------------------------------------------


async def test_the_first_scenario_shows_its_situation_and_question(
    deck: Deck, library: Library, store: Store
) -> None:
    first = order(deck)[0]
    async with practising([deck], library, store, deck=deck.id) as r:
        assert r.screen.title == "Practice: Test deck for the hang-up guide"
        assert r.bubbles() == [
            "Scenario 1 of 4",
            f"Guide  {situation(deck, first)}",
            "Guide  Do you know why the call ended?",
        ]
        assert r.rows()[0].endswith("It looked like an accident: the line dropped or cut out")
        assert len(r.rows()) == 5  # four answers and the emergency exit
        assert r.verdicts() == []


async def test_no_hints_in_practice(deck: Deck, library: Library, store: Store) -> None:
    """ "w" (why am I asked this?) opens nothing; "h" (help) adds no note."""
    async with practising([deck], library, store, deck=deck.id) as r:
        before = r.bubbles()
        await r.press("ctrl+y")
        assert not any(isinstance(s, WhyScreen) for s in r.app.screen_stack)
        assert isinstance(r.app.screen, PracticeScreen)
        await r.press("ctrl+g")
        assert r.bubbles() == before
        assert not r.screen.check_action("why", ())
        assert not r.screen.check_action("question_help", ())
        # the walk did not move either
        assert r.bubbles()[-1] == "Guide  Do you know why the call ended?"


# --- a full round -----------------------------------------------------------------------------


async def test_a_full_round(deck: Deck, library: Library, store: Store) -> None:
    played = order(deck)
    async with practising([deck], library, store, deck=deck.id) as r:
        for number, scenario_id in enumerate(played, 1):
            assert r.bubbles()[:2] == [
                f"Scenario {number} of 4",
                f"Guide  {situation(deck, scenario_id)}",
            ]
            await r.press(*LEARNER[scenario_id][0])
            verdict = r.verdict()
            assert "Your outcome" in verdict
            assert "Expert's outcome" in verdict
            assert "Score" in verdict
            last = number == len(played)
            label = "See the round's score" if last else "Next scenario"
            assert r.rows() == [f"▸   {label}  (Enter)"]
            assert r.screen.total == pytest.approx(sum(LEARNER[s][1] for s in played[:number])), (
                scenario_id
            )
            await r.press("enter")
        assert r.verdicts() == []
        assert r.bubbles()[0] == "Guide  Round done: 1.5 out of 4."
        assert r.rows() == ["▸   Practise again"]
    kept = store.results()
    assert [row.scenario for row in kept] == played
    assert {row.deck for row in kept} == {"test-hang-up"}
    assert {row.scenario: row.score for row in kept} == {s: LEARNER[s][1] for s in played}
    assert {row.scenario: row.parted_at for row in kept} == {
        "line-dropped": "why-ended",
        "heated-but-calm": "next-move",
        "someone-hurt": "why-ended",
        "cold-call-hang-up": None,
    }


async def test_the_verdict_shows_the_parting_and_the_reason(
    deck: Deck, library: Library, store: Store
) -> None:
    """Played as a one-scenario round of whichever scenario comes first for this seed."""
    seed = next(s for s in range(50) if order(deck, s)[0] == "heated-but-calm")
    async with practising([deck], library, store, deck=deck.id, seed=seed, count=1) as r:
        assert r.bubbles()[0] == "Scenario 1 of 1"
        await r.press("2", "1", "1", "1", "3", "3")
        verdict = r.verdict()
        assert "Your outcome      Let it go and move on" in verdict
        assert "Expert's outcome  Give it time before you reach out" in verdict
        assert "Where your path parted: What would you like to happen next?" in verdict
        assert "you:    Let it go: it isn't worth chasing" in verdict
        assert "expert: Sort it out with them myself, when the time is right" in verdict
        assert "why:    A pause lets you both come back to it calmer." in verdict
        assert "Score  ½ — safe, but not the best" in verdict
        assert "MISSED EMERGENCY" not in verdict
        assert r.rows() == ["▸   See the round's score  (Enter)"]
        await r.press("enter")
        assert r.bubbles()[0] == "Guide  Round done: 0.5 out of 1."


async def test_a_missed_emergency_is_flagged(deck: Deck, library: Library, store: Store) -> None:
    seed = next(s for s in range(50) if order(deck, s)[0] == "someone-hurt")
    async with practising([deck], library, store, deck=deck.id, seed=seed, count=1) as r:
        await r.press("1", "2")
        verdict = r.verdict()
        assert "MISSED EMERGENCY" in verdict
        assert "Expert's outcome  Treat this as an emergency" in verdict
        assert "expert: This could be an emergency" in verdict
        assert "Score  0" in verdict
        assert r.verdicts()[-1].has_class("-missed")
    assert [(row.score, row.parted_at) for row in store.results()] == [(0.0, "why-ended")]


async def test_the_emergency_key_answers_an_emergency(
    deck: Deck, library: Library, store: Store
) -> None:
    seed = next(s for s in range(50) if order(deck, s)[0] == "someone-hurt")
    async with practising([deck], library, store, deck=deck.id, seed=seed, count=1) as r:
        await r.press("!")
        verdict = r.verdict()
        assert "Your outcome      Treat this as an emergency" in verdict
        assert "Score  1 — the expert's outcome" in verdict
        assert "MISSED EMERGENCY" not in verdict
        assert not r.verdicts()[-1].has_class("-missed")


async def test_names_are_filled_in_and_the_wait_is_skipped(
    deck: Deck, library: Library, store: Store
) -> None:
    seed = next(s for s in range(50) if order(deck, s)[0] == "line-dropped")
    async with practising([deck], library, store, deck=deck.id, seed=seed, count=1) as r:
        await r.press("1", "1")  # an accident, just now: the flow's wait is passed by
        assert r.bubbles()[-1] == "Guide  Did they call you back?"
        await r.press("1")  # they called back: the name question is filled in
        assert not any("What do you call them" in b for b in r.bubbles())
        assert "Score  1 — the expert's outcome" in r.verdict()


async def test_the_verdict_stands_once_given(deck: Deck, library: Library, store: Store) -> None:
    """After the verdict, Back and the emergency key do not judge the scenario again:
    one result is kept and the round's score does not grow."""
    seed = next(s for s in range(50) if order(deck, s)[0] == "cold-call-hang-up")
    async with practising([deck], library, store, deck=deck.id, seed=seed, count=1) as r:
        await r.press("2", "7", "1")
        assert "Score  1 — the expert's outcome" in r.verdict()
        assert r.screen.total == 1.0
        await r.press("!")
        await r.press("ctrl+b", "1")
        assert r.screen.total == 1.0
        assert len(store.results()) == 1
        await r.press("enter")
        assert "Guide  Round done: 1 out of 1." in r.bubbles()


async def test_restarting_after_the_verdict_does_not_count_twice(
    deck: Deck, library: Library, store: Store
) -> None:
    """ "r" after the verdict and the same answers again: the round is still one scenario,
    so its score cannot be more than 1."""
    seed = next(s for s in range(50) if order(deck, s)[0] == "cold-call-hang-up")
    async with practising([deck], library, store, deck=deck.id, seed=seed, count=1) as r:
        await r.press("2", "7", "1")
        footer = r.app.screen._compositor.render_strips()[-1].text
        assert "Restart" not in footer and "Back" not in footer, footer  # the verdict stands
        await r.press("ctrl+r", "y")
        await r.press("2", "7", "1")
        await r.press("enter")
        assert r.bubbles()[0] == "Guide  Round done: 1 out of 1."


async def test_practise_again_starts_the_round_over(
    deck: Deck, library: Library, store: Store
) -> None:
    played = order(deck, 1, 2)
    async with practising([deck], library, store, deck=deck.id, count=2) as r:
        for scenario_id in played:
            await r.press(*LEARNER[scenario_id][0])
            await r.press("enter")
        assert r.bubbles()[0].startswith("Guide  Round done:")
        await r.press("enter")  # "Practise again" is the only row
        assert r.bubbles()[:2] == ["Scenario 1 of 2", f"Guide  {situation(deck, played[0])}"]
        assert r.screen.total == 0.0


async def test_without_a_store_nothing_is_kept_and_the_round_still_runs(
    deck: Deck, library: Library
) -> None:
    async with practising([deck], library, None, deck=deck.id, count=1) as r:
        await r.press("!")
        assert "Score" in r.verdict()
        await r.press("enter")
        assert r.bubbles()[0].startswith("Guide  Round done:")


# --- choosing a deck ----------------------------------------------------------------------------


def deck_rows(r: Round) -> list[str]:
    listed = r.app.screen.query_one("#deck-list", OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def test_without_a_deck_named_the_decks_are_listed(
    deck: Deck, library: Library, store: Store
) -> None:
    other = Deck("other", "hang-up", "Another deck", deck.scenarios[:2])
    async with practising([other, deck], library, store) as r:
        assert isinstance(r.app.screen, DeckScreen)
        shown = [str(s.render()) for s in r.app.screen.query(Static)]
        assert "Practise with which deck?" in shown
        assert deck_rows(r) == [
            "Another deck  (2 scenarios)",
            "Test deck for the hang-up guide  (4 scenarios)",
        ]
        await r.press("down", "enter")
        assert r.screen.deck is deck
        assert r.bubbles()[:2] == [
            "Scenario 1 of 4",
            f"Guide  {situation(deck, order(deck)[0])}",
        ]


async def test_enter_on_the_deck_list_starts_the_first_deck(
    deck: Deck, library: Library, store: Store
) -> None:
    async with practising([deck], library, store) as r:
        assert isinstance(r.app.screen, DeckScreen)
        await r.press("enter")
        assert r.screen.deck is deck
        assert r.bubbles()[0] == "Scenario 1 of 4"


async def test_an_unknown_deck_name_opens_the_list(
    deck: Deck, library: Library, store: Store
) -> None:
    async with practising([deck], library, store, deck="no-such-deck") as r:
        assert isinstance(r.app.screen, DeckScreen)


async def test_escape_on_the_deck_list_leaves(deck: Deck, library: Library, store: Store) -> None:
    async with practising([deck], library, store) as r:
        assert r.app.return_code is None
        await r.press("escape")
        assert r.app.return_code == 0
        assert not r.app.is_running


async def test_no_decks_says_so(library: Library, store: Store) -> None:
    async with practising([], library, store) as r:
        assert isinstance(r.app.screen, DeckScreen)
        shown = [str(s.render()) for s in r.app.screen.query(Static)]
        assert "There are no practice decks." in shown


async def test_back_skips_what_the_round_passed_and_never_strikes_the_scenario(
    deck: Deck, library: Library, store: Store
) -> None:
    """At the first question there is nothing of the learner's to take back: no Back (it
    only went back to the opening words, passed again at once). After an answer, Back
    returns to that question; the scenario stays in view, never struck nor trimmed."""
    async with practising([deck], library, store, deck=deck.id) as r:
        before = r.bubbles()
        await r.press("ctrl+b")
        assert r.bubbles() == before and not r.screen.check_action("back", ())
        for _ in range(20):  # more rounds than the transcript keeps bubbles
            await r.press("2", "ctrl+b")
        bubbles = r.bubble_widgets()
        assert [str(b.content) for b in bubbles[:2]] == before[:2]
        assert not any(b.has_class("-undone") for b in bubbles[:2])
        assert r.bubbles()[-1] == "Guide  Do you know why the call ended?"
        assert isinstance(r.screen.walk.current, Question)
