"""Before starting part-way: the facts the steps ahead depend on, chosen by the trainer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button, Select, Static

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.worded import Worded
from guide.flow.model import Flow
from guide.i18n.strings import S
from guide.i18n.wording import fact_words, step_words, value_words

NOT_SET = "\x00"
"""The value of a fact left unknown (shown as `S.facts_not_set`); no real value is like it."""


class FactsScreen(Worded, Dialog[dict[str, str] | None]):
    """Returns the chosen facts (those left "(not set)" are left out), or None."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape", "cancel", S.key_cancel, id="cancel")]

    def __init__(self, flow: Flow, node: str, needed: dict[str, list[str]]) -> None:
        super().__init__()
        self.flow, self.node, self.needed = flow, node, needed

    def compose(self) -> ComposeResult:
        """Each fact as the question that sets it, each value as the answers that give it."""
        flow = self.flow
        with VerticalScroll(id="dialog"):
            title = S.facts_title.format(node=step_words(flow.nodes[self.node]))
            yield Static(Content(title), classes="dialog-title")
            yield Static(Content(S.facts_intro))
            headings = [fact_words(flow, fact) for fact in self.needed]
            for (fact, values), asked in zip(self.needed.items(), headings, strict=True):
                named = fact.replace("_", " ").replace("-", " ")
                shared = headings.count(asked) > 1  # two facts set by one question
                yield Static(Content(f"{asked} ({named})" if shared else asked), classes="label")
                options = [(Content(S.facts_not_set), NOT_SET)]
                options += [(Content(value_words(flow, fact, v)), v) for v in values]
                yield Select(options, value=NOT_SET, allow_blank=False, id=f"fact-{fact}")
            yield Button(Content(S.facts_start), id="start-here", variant="primary")
            yield Static(Content(S.facts_hint), classes="hint")

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
