"""A private note on a walk's outcome: what you actually did, how it went."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from guide.flow.engine import clean


class NoteScreen(ModalScreen[str | None]):
    """Returns the note typed (Enter), or None (Escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("A note for yourself"), classes="dialog-title")
            yield Static(Content("What did you do, and how did it go? Kept on this machine only."))
            yield Input(self.note, id="note-text", placeholder="Type your note, then Enter")
            yield Static(Content("Enter saves · Escape cancels"), classes="hint")

    @on(Input.Submitted, "#note-text")
    def save(self, event: Input.Submitted) -> None:
        """Keep the note (cleaned of control characters)."""
        self.dismiss(" ".join(clean(event.value).split()))

    def action_cancel(self) -> None:
        self.dismiss(None)
