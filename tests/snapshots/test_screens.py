"""How the chat looks, at 80x24 and 60x20, in the dark and the light theme.

Each picture must show: the guide's bubbles and the numbered answers with the
emergency exit (`!`) and the footer's Emergency key; a sentence typed at a question
standing whole in the answer box; a "did you mean" with the
two closest answers and a way back to all of them; the outcome card with its
title, steps, why, filled-in message and source; the keys screen.
Accept new pictures with `pytest --snapshot-update` after looking at them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from guide.faces.tui.app import GuideApp, make_app
from guide.flow.engine import Walk
from guide.library.flows import open_flow, resolver

SIZES = [(80, 24), (60, 20)]
THEMES = ["textual-dark", "textual-light"]

FLOW = Path(__file__).parent / "fixtures" / "pictures.yaml"
"""A small flow of the tests' own: rewording a bundled flow never changes a picture."""

SCREENS: dict[str, list[str]] = {
    # the question, after the opening note
    "first-question": ["enter"],
    # free text naming two answers at once: "did you mean" with both
    "did-you-mean": ["enter", *"my friend from work", "enter"],
    # a sentence typed at a question, with letters that were once shortcuts (m, r, b…):
    # it stands in the answer box, and the question and its answers are unchanged
    "typing": ["enter", *"my sister rang back but she hung up"],
    # the outcome card with the name typed in
    "outcome": ["enter", "1", *"Sam", "enter"],
    # the list of keys
    "keys": ["enter", "question_mark"],
}


def app() -> GuideApp:
    flow = open_flow(FLOW)
    return make_app(Walk(flow, resolver([flow])))


def setup(theme: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        for text_input in pilot.app.screen.query(Input):
            text_input.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen: str, size: tuple[int, int], theme: str) -> None:  # type: ignore[no-untyped-def]  # pytest-textual-snapshot's fixture is untyped
    keys = [{" ": "space"}.get(k, k) for k in SCREENS[screen]]
    assert snap_compare(app(), terminal_size=size, press=keys, run_before=setup(theme))
