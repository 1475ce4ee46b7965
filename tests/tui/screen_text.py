"""Walk the main flow in the app, headless, and return what the screen shows at each stage.

tests/test_strings.py calls `screen_text()` once in English and once with a translation
in use, in the same process: each screen names its keys when it is built, so the
strings in use when the app starts are the ones it shows.
"""

from __future__ import annotations

from typing import assert_never

from textual.pilot import Pilot

from guide.commands.opening import open_for_command
from guide.faces.tui.app import GuideApp, make_app
from guide.faces.tui.screens.chat import ChatScreen
from guide.flow.engine import Walk
from guide.flow.model import Input, Say, Wait
from guide.flow.steps import Advice, Question

SIZE = (100, 40)


async def screen_text() -> dict[str, str]:
    """Stage name -> the screen's text: the start, every step, the dialogs over the
    first question, a reply that matched nothing, the outcome, its words, and back."""
    flow, library = open_for_command("hang-up")
    answers = list(flow.examples[3].answers)  # a call with mum: inputs, a wait, a message
    app = make_app(Walk(flow, library.resolver()), library=library)
    shown: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        grab(app, shown, "start")
        step_number = 0
        dialogs_seen = False
        while not screen.walk.finished:
            step = screen.walk.current
            step_number += 1
            match step:
                case Say():
                    await pilot.press("enter")
                case Wait():
                    grab(app, shown, f"{step_number}-wait")
                    await pilot.press("s")
                case Input():
                    await pilot.press(*answers.pop(0), "enter")
                case Question():
                    if not dialogs_seen:  # the dialogs, over the first question
                        dialogs_seen = True
                        await dialogs(app, pilot, shown)
                    await pilot.press(answers.pop(0))
                case Advice():
                    raise AssertionError("the walk ended without saying so")
                case _:
                    assert_never(step)
            await settle(pilot)
            grab(app, shown, f"{step_number}")
        grab(app, shown, "outcome")
        await visit(app, pilot, shown, "words", "c")  # copied (no tool: see tests/conftest.py)
        await pilot.press("ctrl+b")
        await settle(pilot)
        grab(app, shown, "back")
    return shown


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause(0.05)


def grab(app: GuideApp, shown: dict[str, str], stage: str) -> None:
    strips = app.screen._compositor.render_strips()
    shown[stage] = "\n".join(strip.text.rstrip() for strip in strips)


async def visit(
    app: GuideApp, pilot: Pilot[None], shown: dict[str, str], stage: str, key: str
) -> None:
    """Open a dialog with `key`, keep its text, close it with Escape."""
    await pilot.press(key)
    await settle(pilot)
    grab(app, shown, stage)
    await pilot.press("escape")
    await settle(pilot)


async def dialogs(app: GuideApp, pilot: Pilot[None], shown: dict[str, str]) -> None:
    """Why, the keys, the map, and words that match no answer."""
    await visit(app, pilot, shown, "why", "ctrl+y")
    await visit(app, pilot, shown, "keys", "question_mark")
    await visit(app, pilot, shown, "map", "ctrl+t")
    await pilot.press(*"zzz", "enter")
    await settle(pilot)
    grab(app, shown, "no-match")
    await pilot.press("escape")
