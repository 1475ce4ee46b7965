"""GuideApp: the Textual app. Thin: it holds the chat screen and the palette commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from guide.flow.engine import Walk
from guide.tui.screens.chat import ChatScreen

PALETTE = (
    ("Emergency", "Go to the emergency advice now", "emergency"),
    ("Back", "Go back one step to change your answer", "back"),
    ("Restart", "Start the walk again from the first question", "restart"),
    ("Why am I asked this?", "What you said so far, and why this question matters", "why"),
    ("Help for this question", "A short note on what the question means", "question_help"),
    ("Copy the words to use", "Copy the message or call script to the clipboard", "copy"),
    ("Type an answer", "Answer in your own words", "type"),
    ("Open another flow", "Pick another guide", "flows"),
    ("Keys", "Every key the chat understands", "keys"),
)


class GuideApp(App[None]):
    """The chat over one `Walk`; styles in app.tcss."""

    CSS_PATH = "app.tcss"
    TITLE = "Hang-up Guide"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, walk: Walk) -> None:
        super().__init__()
        self.walk = walk

    def on_mount(self) -> None:
        self.push_screen(ChatScreen(self.walk))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ChatScreen):
            for title, help_text, action in PALETTE:
                if screen.check_action(action, ()):
                    yield SystemCommand(title, help_text, getattr(screen, f"action_{action}"))


def make_app(walk: Walk) -> GuideApp:
    """The one factory the CLI and the tests use."""
    return GuideApp(walk)
