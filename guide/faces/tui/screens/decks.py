"""Pick a practice deck."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.worded import Worded
from guide.i18n.strings import S
from guide.practice.deck import Deck


class DeckScreen(Worded, Dialog[Deck | None]):
    """Returns the deck picked, or None."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape,q", "close", S.key_close, id="close")]

    def __init__(self, decks: list[Deck]) -> None:
        super().__init__()
        self.decks = decks

    def compose(self) -> ComposeResult:
        rows = [
            Option(
                Content.assemble(
                    (d.title, "bold"), "  ", S.decks_count.format(count=len(d.scenarios))
                )
            )
            for d in self.decks
        ]
        with Vertical(id="dialog"):
            yield Static(Content(S.decks_title), classes="dialog-title")
            if rows:
                yield OptionList(*rows, id="deck-list")
            else:
                yield Static(Content(S.decks_empty))
            yield Static(Content(S.decks_hint), classes="hint")

    @on(OptionList.OptionSelected, "#deck-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Start the picked deck."""
        self.dismiss(self.decks[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
