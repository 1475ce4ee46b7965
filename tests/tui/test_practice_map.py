"""In practice the map is off: it shows every outcome and could start a walk at one, so
a learner could jump to the expert's outcome and be scored for it. A round is scored
on the answers given, and the judging itself refuses a walk that began part-way."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify

from guide.faces.tui.app import make_practice_app
from guide.faces.tui.screens.map import MapScreen
from guide.faces.tui.screens.practice import PracticeScreen
from guide.faces.tui.widgets.flow_map import FlowMap
from guide.flow.engine import Walk
from guide.history.store import Store
from guide.library.flows import Library
from guide.practice.deck import Deck, read_deck
from guide.practice.expert import expert_walk
from guide.practice.judging import NotJudged, judge

from .test_small_screens import screen_lines, visible

DECKS = Path(__file__).resolve().parents[1] / "fixtures" / "practice"


@pytest.fixture(scope="module")
def deck() -> Deck:
    loaded, problems = read_deck(DECKS / "good.yaml")
    assert loaded is not None and not problems
    return loaded


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_map_key_does_nothing_in_practice(
    deck: Deck, library: Library, tmp_path: Path, size: tuple[int, int]
) -> None:
    """ "m" opens no map, "p" no map beside the chat, and the footer offers neither;
    the learner is still at the first question with nothing answered."""
    store = Store.open(tmp_path / "s.db")
    try:
        app = make_practice_app([deck], library, store, deck=deck.id, seed=1)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PracticeScreen)
            walk = screen.walk
            await pilot.press("ctrl+t")
            await pilot.pause()
            await pilot.press("f5")
            await pilot.pause()
            assert app.screen is screen and isinstance(app.screen, PracticeScreen)
            assert not any(isinstance(s, MapScreen) for s in app.screen_stack)
            assert not screen.query(FlowMap)
            assert app.screen.walk is walk  # no walk begun elsewhere
            assert [move.kind for move in walk.moves] == ["proceed"]  # the opening words
            assert "Do you know why the call ended?" in visible(app)
            assert "Map" not in screen_lines(app)[-1]
            assert store.results() == []
    finally:
        store.close()


async def test_a_step_picked_on_a_map_starts_nothing_in_practice(
    deck: Deck, library: Library, tmp_path: Path
) -> None:
    """Should a map ever hand practice a step to start from, the learner is told the
    map is off, and the walk is not moved: the scenario is still to be answered."""
    told: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            told.append(message.notification.message)

    app = make_practice_app([deck], library, None, deck=deck.id, seed=1)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        screen.start_from("carry-on")
        await pilot.pause()
        assert told == ["The map is off in practice: a round is scored on your answers."]
        assert [move.kind for move in screen.walk.moves] == ["proceed"]  # the opening words
        assert not screen.walk.finished
        assert screen.total == 0.0


@pytest.mark.parametrize(
    ("start", "given"),
    [
        ("did-they-call", {}),  # begun part-way, one question from the outcome
        (None, {"callback": "came"}),  # from the start, but with an answer already known
    ],
)
def test_judging_refuses_a_walk_that_did_not_begin_at_the_start(
    deck: Deck, library: Library, start: str | None, given: dict[str, str]
) -> None:
    """The learner's walk reaches the expert's own outcome, but not on answers alone."""
    scenario = next(s for s in deck.scenarios if s.id == "line-dropped")
    flow = library.flows[deck.flow]
    expert, failure = expert_walk(flow, scenario, library.resolver())
    assert failure is None
    # Continue, a dropped line, only just, the wait, "They called back", the name
    answers = ["", "1", "1", "", "1", "Sam"]
    learner = Walk(flow, library.resolver(), start=start, given=given)
    for reply in answers[4:] if start else answers:
        assert learner.reply(reply).accepted, reply
    assert learner.current.node.id == scenario.outcome  # type: ignore[union-attr]  # the walk is at advice here
    with pytest.raises(NotJudged):
        judge(scenario, learner, expert)
    fair = Walk(flow, library.resolver())
    for reply in answers:
        assert fair.reply(reply).accepted, reply
    assert judge(scenario, fair, expert).score == 1.0
