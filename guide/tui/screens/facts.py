"""Before starting part-way: the facts the steps ahead depend on, chosen by the trainer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static

NOT_SET = "(not set)"


class FactsScreen(ModalScreen[dict[str, str] | None]):
    """Returns the chosen facts (those left "(not set)" are left out), or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, node: str, needed: dict[str, list[str]]) -> None:
        super().__init__()
        self.node, self.needed = node, needed

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content(f"Start at “{self.node}”"), classes="dialog-title")
            yield Static(Content("The steps ahead depend on these. Choose what is already known:"))
            for fact, values in self.needed.items():
                yield Static(Content(fact.replace("_", " ")), classes="label")
                options = [(NOT_SET, NOT_SET), *((v, v) for v in values)]
                yield Select(options, value=NOT_SET, allow_blank=False, id=f"fact-{fact}")
            yield Button(Content("Start here"), id="start-here", variant="primary")

    def on_mount(self) -> None:
        # Enter starts at once; Tab goes back up to the choices.
        self.query_one("#start-here", Button).focus()

    @on(Button.Pressed, "#start-here")
    def start(self) -> None:
        """Start with the facts chosen."""
        chosen: dict[str, str] = {}
        for fact in self.needed:
            value = self.query_one(f"#fact-{fact}", Select).value
            if isinstance(value, str) and value != NOT_SET:
                chosen[fact] = value
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
