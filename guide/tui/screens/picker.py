"""The flow picker: every flow of the library, bundled and the person's own."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from guide.library import Entry, scan


class PickerScreen(ModalScreen[Path | None]):
    """Pick a flow; returns its path, or None when closed.

    A flow that cannot be opened is listed, greyed out, with its first problem.
    """

    BINDINGS = [Binding("escape,q", "close", "Close", id="close")]

    def __init__(self, current: str) -> None:
        super().__init__()
        here = Path(current)
        self.entries = scan([here] if here.is_file() else []).entries

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Open a flow"), classes="dialog-title")
            yield OptionList(*(_row(e) for e in self.entries), id="flow-list")
            yield Static(Content("Enter opens · Escape closes"), classes="hint")

    @on(OptionList.OptionSelected, "#flow-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the picked flow."""
        self.dismiss(self.entries[event.option_index].path)

    def action_close(self) -> None:
        self.dismiss(None)


def _row(entry: Entry) -> Option:
    mine = "  · your flow" if entry.origin == "user" else ""
    if entry.flow is None:
        why = f"\n  cannot be opened: {entry.status}"
        return Option(Content.assemble((entry.path.name, "bold"), mine, why), disabled=True)
    about = f"\n  {entry.flow.description}" if entry.flow.description else ""
    return Option(Content.assemble((entry.flow.title, "bold"), f"  ({entry.name}){mine}", about))
