"""Asked at start when a walk was left unfinished: go on with it, or start afresh."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from guide.store import Session


class ResumeScreen(ModalScreen[bool]):
    """True to resume the saved walk, False to start a new one."""

    BINDINGS = [
        Binding("y", "answer(True)", "Go on", id="resume"),
        Binding("n,escape", "answer(False)", "Start afresh", id="fresh"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session
        when = s.updated.replace("T", " ")[:16]
        with Vertical(id="dialog"):
            yield Static(Content("You left a walk unfinished"), classes="dialog-title")
            yield Static(
                Content(f"{s.flow_title}: {s.steps} step(s) done so far, last at {when} UTC.")
            )
            yield Static(Content("Go on where you stopped?"))
            with Horizontal(id="resume-buttons"):
                yield Button(Content("Go on  (y)"), id="resume", variant="primary")
                yield Button(Content("Start afresh  (n)"), id="fresh")
            yield Static(
                Content("Starting afresh keeps the old walk in your history."), classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """Either button answers the question."""
        self.dismiss(event.button.id == "resume")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
