"""The child process of the app benchmarks: `python -m benchmarks.runner MODE KIND [STEPS] OUT`.

MODE is `startup` (run until the first question is painted, then exit) or `steps`
(press keys and time each step); KIND is `guide` (the real app on the main flow,
started as `hangup-guide --no-save` starts it) or `bare` (benchmarks.bare). Both run
headless at 80x24 and are timed the same way: a hook on `App._display` sees every
frame the compositor paints, renders it to the bytes a terminal would be sent, and
notes the moment a frame shows a new question (a new guide bubble laid out in the
transcript, and new answers in the list). The result is JSON in OUT.

This module imports Textual on purpose before anything else: start-up is timed from
before the process was spawned, so every import counts for both kinds alike.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual._compositor import CompositorUpdate
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

SIZE = (80, 24)
STEP_KEYS = ("2", "ctrl+b")
"""The guide's walk: answer 2 on "why did it end?", then back to it, and again."""


def now_ns() -> int:
    """A clock shared by every process on the machine (the parent spawns with it)."""
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


@dataclass
class Probe:
    """Watches painted frames for the next question; the hook calls `frame` each time."""

    transcript: Widget | None = None
    choices: OptionList | None = None
    """The two widgets to watch, found once (looking them up per frame would cost more
    as the transcript grows, and bias the long-walk figure)."""
    last: Widget | None = None
    first_answer: object = None
    """The transcript's last widget and the first answer before the key."""
    shown_ns: int | None = None
    """When a frame first showed the next question; None until one did."""
    on_shown: list[Callable[[App[Any]], object]] = field(default_factory=list)

    def arm(self, screen: Screen[Any]) -> None:
        """Watch `screen` for a question other than the one it shows now."""
        self.transcript = screen.query_one("#transcript")
        self.choices = screen.query_one("#choices", OptionList)
        self.shown_ns = None
        self.last, self.first_answer = self.state()

    def state(self) -> tuple[Widget | None, object]:
        """The transcript's last widget and the answer list's first option."""
        assert self.transcript is not None and self.choices is not None
        children = self.transcript.children
        first = self.choices.get_option_at_index(0) if self.choices.option_count else None
        return (children[-1] if children else None), first

    def frame(self, app: App[Any]) -> None:
        if self.shown_ns is not None:
            return
        if self.transcript is None:  # start-up: wait for the chat's widgets to exist
            screen = app.screen
            if not (screen.query("#transcript") and screen.query("#choices")):
                return
            self.arm(screen)
            self.last = self.first_answer = None
        last, first_answer = self.state()
        if last is None or last is self.last or first_answer in (None, self.first_answer):
            return
        assert self.choices is not None
        if not (last.has_class("-guide") and last.region.area and self.choices.region.area):
            return
        self.shown_ns = now_ns()
        for callback in self.on_shown:
            callback(app)


def install(probe: Probe) -> None:
    """Every frame is rendered to terminal bytes (headless skips that) and shown to `probe`."""
    original = App._display

    def display(self: App[Any], screen: Screen[Any], renderable: Any) -> None:
        original(self, screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)
            probe.frame(self)

    App._display = display  # type: ignore[method-assign]  # the probe times each frame

    original_run = App.run

    def run(self: App[Any], **options: Any) -> Any:
        return original_run(self, **{**options, "headless": True, "size": SIZE})

    App.run = run  # type: ignore[method-assign]  # the probe times start-up to first frame


def start_guide() -> None:
    """What `hangup-guide --no-save` does, to the first question."""
    from guide.cli import main

    main(["--no-save"])


def start_bare() -> None:
    from benchmarks.bare import BareChat

    BareChat().run()


def make_guide() -> App[Any]:
    """The real app on the main flow, built as the command line builds it, not saving."""
    from guide.commands.opening import open_for_command
    from guide.faces.tui.app import make_app
    from guide.flow.engine import Walk
    from guide.library.flows import DEFAULT_FLOW

    opened = open_for_command(DEFAULT_FLOW)
    assert not isinstance(opened, int), "the main flow did not open"
    flow, library = opened
    return make_app(Walk(flow, library.resolver()))


def make_bare() -> App[Any]:
    from benchmarks.bare import BareChat

    return BareChat()


async def time_steps(
    app: App[Any], probe: Probe, steps: int, first_keys: tuple[str, ...]
) -> list[float]:
    """Seconds from each key press to the frame showing the next question."""
    took: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in first_keys:  # the guide opens on a `say` step: Continue to the question
            await pilot.press(key)
        for step in range(steps):
            probe.arm(app.screen)
            pressed = now_ns()
            await pilot.press(STEP_KEYS[step % 2])
            if probe.shown_ns is None:
                raise RuntimeError(f"step {step + 1}: no frame showed the next question")
            took.append((probe.shown_ns - pressed) / 1e9)
    return took


def main(argv: list[str]) -> int:
    mode, kind, out = argv[0], argv[1], Path(argv[-1])
    probe = Probe()
    install(probe)
    result: dict[str, Any] = {"mode": mode, "kind": kind}
    if mode == "startup":
        probe.on_shown.append(lambda app: app.exit())
        (start_guide if kind == "guide" else start_bare)()
        if probe.shown_ns is None:
            print(f"benchmarks.runner: the {kind} app never showed its first question")
            return 1
        result["shown_ns"] = probe.shown_ns
    else:
        import asyncio

        app = make_guide() if kind == "guide" else make_bare()
        first = ("enter",) if kind == "guide" else ()
        result["steps"] = asyncio.run(time_steps(app, probe, int(argv[2]), first))
    out.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
