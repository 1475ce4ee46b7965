"""The countdown of a `wait` step: start, skip, snooze; it says when time is up."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Static

from guide.i18n.strings import S

SNOOZE = 120
"""Seconds added by "snooze"."""


def clock(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    return f"{minutes}:{secs:02d}"


class Countdown(Widget):
    """A timer the person controls. Posts `Countdown.Finished` when it ends or is skipped."""

    remaining: reactive[int] = reactive(0)
    """Seconds left on the clock."""
    running: reactive[bool] = reactive(False)
    """True while the clock is ticking."""

    @dataclass
    class Finished(Message):
        """Time ran out (`skipped` False) or the person skipped the wait."""

        skipped: bool

    def __init__(self, seconds: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self.seconds = seconds
        self.set_reactive(Countdown.remaining, seconds)
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="clock")
        with Horizontal(id="timer-buttons"):
            yield Button(Content(S.timer_start), id="start")
            yield Button(Content(S.timer_snooze), id="snooze")
            yield Button(Content(S.timer_skip), id="skip")

    def on_mount(self) -> None:
        self._show()
        self.focus_start()

    def focus_start(self) -> None:
        for button in self.query("#start"):  # none yet before compose
            button.focus()

    def watch_remaining(self) -> None:
        self._show()

    def watch_running(self) -> None:
        self._show()

    def _show(self) -> None:
        if not self.query("#clock"):
            return  # not composed yet
        state = S.timer_running if self.running else S.timer_not_started
        self.query_one("#clock", Static).update(
            Content.assemble(("⏱ " + clock(self.remaining), "bold"), f"   ({state})")
        )
        # Not disabled while running: focus stays put, so a second Enter is harmless.
        self.query_one("#start", Button).label = Content(
            S.timer_running_button if self.running else S.timer_start
        )

    def start(self) -> None:
        if not self.running:
            self.running = True
            self._ticker = self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self._stop()
            self.post_message(self.Finished(skipped=False))

    def snooze(self) -> None:
        self.remaining += SNOOZE
        self.start()

    def skip(self) -> None:
        self._stop()
        self.post_message(self.Finished(skipped=True))

    def _stop(self) -> None:
        self.running = False
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"start": self.start, "snooze": self.snooze, "skip": self.skip}[event.button.id or "skip"]()
