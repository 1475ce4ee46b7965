"""A private note on a walk's outcome: what you actually did, how it went."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.worded import Worded
from guide.flow.typed import clean
from guide.i18n.strings import S


class NoteScreen(Worded, Dialog[str | None]):
    """Returns the note typed (Enter), or None (Escape)."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape", "cancel", S.key_cancel, id="cancel")]

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(S.note_title), classes="dialog-title")
            yield Static(Content(S.note_question))
            yield Input(self.note, id="note-text", placeholder=S.note_placeholder)
            yield Static(Content(S.note_hint), classes="hint")

    @on(Input.Submitted, "#note-text")
    def save(self, event: Input.Submitted) -> None:
        """Keep the note (cleaned of control characters)."""
        self.dismiss(" ".join(clean(event.value).split()))

    def action_cancel(self) -> None:
        self.dismiss(None)
