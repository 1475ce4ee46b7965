"""Asked at start when a walk was left unfinished: go on with it, or start afresh."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from guide.faces.tui.screens.dialog import Dialog
from guide.history.store import Session
from guide.i18n.strings import S
from guide.i18n.timewords import steps, when


class ResumeScreen(Dialog[bool]):
    """True to resume the saved walk, False to start a new one."""

    BINDINGS = [
        Binding("y", "answer(True)", S.key_go_on, id="resume"),
        Binding("n,escape", "answer(False)", S.key_start_afresh, id="fresh"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session
        with Vertical(id="dialog"):
            yield Static(Content(S.resume_title), classes="dialog-title")
            detail = S.resume_detail.format(
                flow=s.flow_title, done=steps(s.steps), when=when(s.updated)
            )
            yield Static(Content(detail))
            yield Static(Content(S.resume_question))
            with Horizontal(id="resume-buttons"):
                yield Button(Content(S.resume_go_on), id="resume", variant="primary")
                yield Button(Content(S.resume_fresh), id="fresh")
            yield Static(Content(S.resume_hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """Either button answers the question."""
        self.dismiss(event.button.id == "resume")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
