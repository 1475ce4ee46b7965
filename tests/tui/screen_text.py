"""Walk the main flow in the app, headless, and print what the screen shows at each stage.

Run as a script (`python tests/tui/screen_text.py OUT.json`) by tests/test_strings.py:
the language comes from the settings, exactly as for `hangup-guide`, and must be in
place before the app's modules are imported (the keys' names are fixed then), so
each language needs a process of its own.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

SIZE = (100, 40)


async def main(out: Path) -> None:
    from guide.commands.opening import open_for_command
    from guide.commands.walk import open_store

    _, notes = open_store(True)  # reads settings.toml: puts the language to use
    flow, library = open_for_command("hang-up")

    from guide.faces.tui.app import make_app
    from guide.faces.tui.screens.chat import ChatScreen
    from guide.flow.engine import Walk
    from guide.flow.model import Input, Say, Wait
    from guide.flow.steps import Question

    answers = list(flow.examples[3].answers)  # a call with mum: inputs, a wait, a message
    app = make_app(Walk(flow, library.resolver()), library=library, notes=notes)
    shown: dict[str, str] = {}

    async with app.run_test(size=SIZE) as pilot:

        async def settle() -> None:
            await pilot.pause()
            await pilot.pause(0.05)

        def grab(stage: str) -> None:
            strips = app.screen._compositor.render_strips()
            shown[stage] = "\n".join(strip.text.rstrip() for strip in strips)

        async def visit(stage: str, key: str, close: str = "escape") -> None:
            await pilot.press(key)
            await settle()
            grab(stage)
            await pilot.press(close)
            await settle()

        await settle()
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        grab("start")
        step_number = 0
        dialogs_seen = False
        while not screen.walk.finished:
            step = screen.walk.current
            step_number += 1
            if isinstance(step, Say):
                await pilot.press("enter")
            elif isinstance(step, Wait):
                grab(f"{step_number}-wait")
                await pilot.press("s")
            elif isinstance(step, Input):
                for char in answers.pop(0):
                    await pilot.press(char)
                await pilot.press("enter")
            else:
                assert isinstance(step, Question)
                if not dialogs_seen:  # the dialogs, over the first question
                    dialogs_seen = True
                    await visit("why", "ctrl+y")
                    await visit("keys", "question_mark")
                    await visit("map", "ctrl+t")
                    for char in "zzz":
                        await pilot.press(char)
                    await pilot.press("enter")
                    await settle()
                    grab("no-match")
                    await pilot.press("escape")
                await pilot.press(answers.pop(0))
            await settle()
            grab(f"{step_number}")
        grab("outcome")
        await visit("words", "c")  # the words to use, copied (no tool: see tests/conftest.py)
        await pilot.press("ctrl+b")
        await settle()
        grab("back")
    out.write_text(json.dumps(shown, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
