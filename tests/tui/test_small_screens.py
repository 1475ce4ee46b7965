"""The app at 60x20 and 80x24, read off the screen as a person sees it: long answers
hang under their own words, the outcome card scrolls down to its message and source
with the keys, dialog hints stay in view, and Ctrl+Q and Ctrl+P can always be found.
"""

from __future__ import annotations

import re

import pytest
from textual.app import App

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.facts import FactsScreen
from guide.faces.tui.widgets.outcome_card import OutcomeCard
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.library.flows import resolver

from .conftest import ChatFactory, fixture_flow

LONG = (
    "They said they had to go because someone was at the door, and they would ring back"
    " later today or tomorrow"
)
SIZES = [(60, 20), (80, 24)]


def screen_lines(app: App[object]) -> list[str]:
    """Every line of the screen as drawn, dialogs over the chat included."""
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


def visible(app: App[object]) -> str:
    """The screen's words in one line: borders and runs of spaces become one space, so a
    phrase that wrapped onto the next line is still found."""
    return " ".join(re.sub(r"[█▀▄▌▐│─╭╮╰╯▔▁▊▎▉]", " ", "\n".join(screen_lines(app))).split())


@pytest.mark.parametrize("size", SIZES)
async def test_a_long_answer_wraps_under_its_words_not_its_number(
    chat: ChatFactory, size: tuple[int, int]
) -> None:
    """The first answer takes two or more lines; each line after the first starts in
    the column where its words start, so the number stands alone at the left."""
    async with chat(fixture_flow("long-answers"), size=size) as c:
        lines = screen_lines(c.app)
        first = next(i for i, line in enumerate(lines) if "They said they had to go" in line)
        column = lines[first].index("They said")
        assert lines[first][:column].split() == ["1"]
        block = [lines[first][column:]]
        for line in lines[first + 1 :]:
            if line[:column].strip() or not line[column:].strip():
                break  # the next answer (its number at the left), or the end of the list
            assert line[column] != " ", f"not under the words: {line!r}"
            block.append(line[column:])
        assert len(block) > 1, "the answer should wrap at this width"
        assert " ".join(" ".join(block).split()) == LONG
        assert lines[first + len(block)].split()[:3] == ["2", "Something", "else"]


@pytest.mark.parametrize("key", ["pagedown", "down"])
async def test_the_outcome_card_scrolls_to_its_message_and_source(
    chat: ChatFactory, key: str
) -> None:
    """At 60x20 the card is taller than the screen; with no Tab first, PageDown (or the
    down arrow) brings the message and then the source into view, and PageUp goes back
    to the title. Enter still does what the highlighted row says (copy the message)."""
    async with chat(fixture_flow("long-answers"), size=(60, 20)) as c:
        await c.press("1")
        assert c.walk.finished
        assert "NEXT STEP" in visible(c.app)
        assert "Source:" not in visible(c.app)
        seen = ""
        for _ in range(40):
            await c.press(key)
            seen += visible(c.app)
            if "Source: “The test notes”" in visible(c.app):
                break
        assert "Source: “The test notes”, section “Waiting well”" in visible(c.app)
        assert "Hi, no rush at all." in seen  # the message went by on the way down
        for _ in range(40):
            await c.press("pageup")
        assert "NEXT STEP Wait for them to ring back" in visible(c.app)
        await c.press("enter")  # the words dialog opens, and the words are sent
        assert c.app.screen is not c.screen
        assert c.app.clipboard == c.screen.query(OutcomeCard).last().words
        assert c.app.clipboard.startswith("Hi, no rush at all.")


@pytest.mark.parametrize(
    ("keys", "hint"),
    [
        (["question_mark"], "Escape or Enter to close"),
        (["enter", "2", "1", "ctrl+y"], "Escape or Enter to go back to the chat"),
        (["ctrl+o"], "Enter opens · Escape closes"),
        (["ctrl+t"], "Enter starts from a step · Escape closes"),
    ],
    ids=["keys", "why", "flows", "map"],
)
@pytest.mark.parametrize("size", SIZES)
async def test_a_dialog_s_hint_stays_in_view(
    chat: ChatFactory, hang_up: Flow, keys: list[str], hint: str, size: tuple[int, int]
) -> None:
    async with chat(hang_up, size=size) as c:
        await c.press(*keys)
        await c.pilot.pause()
        assert c.app.screen is not c.screen, "a dialog should be open"
        assert hint in visible(c.app)


@pytest.mark.parametrize("size", SIZES)
async def test_the_facts_dialog_s_hint_stays_in_view(hang_up: Flow, size: tuple[int, int]) -> None:
    """`--start who-was-it`: three facts to choose before starting, and the hint below."""
    app = make_app(Walk(hang_up, resolver([hang_up]), start="who-was-it"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FactsScreen)
        assert "Enter starts · Escape cancels" in visible(app)


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("at_outcome", [False, True], ids=["question", "outcome"])
async def test_quit_and_the_palette_can_always_be_found(
    chat: ChatFactory, hang_up: Flow, width: int, at_outcome: bool
) -> None:
    """However narrow, "? Keys" is on the footer's line; the keys screen it opens shows
    Ctrl+Q (quit) and Ctrl+P (the command palette) without scrolling."""
    async with chat(hang_up, size=(width, 20)) as c:
        await c.press("enter", *(["exclamation_mark"] if at_outcome else []))
        footer = screen_lines(c.app)[-1]
        assert footer.rstrip().endswith("? Keys"), footer
        await c.press("question_mark")
        shown = visible(c.app)
        assert "Ctrl+Q quit" in shown
        assert "Ctrl+P the command palette" in shown
