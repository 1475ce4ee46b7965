"""Asked before an action that would set the person's answers aside (start again)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from guide.faces.tui.screens.dialog import Dialog
from guide.i18n.strings import S


class ConfirmScreen(Dialog[bool]):
    """True to go ahead, False (the default: Escape, `n`, the focused button) to keep
    things as they are."""

    BINDINGS = [
        Binding("y", "answer(True)", S.key_yes, id="yes"),
        Binding("n,escape", "answer(False)", S.key_no, id="no"),
    ]

    def __init__(self, title: str, detail: str, yes: str, no: str) -> None:
        super().__init__()
        self.title_text, self.detail, self.yes, self.no = title, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.detail))
            with Horizontal(id="resume-buttons"):
                yield Button(Content(self.no), id="no", variant="primary")
                yield Button(Content(self.yes), id="yes")
            yield Static(Content(S.confirm_hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """Either button answers the question."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
