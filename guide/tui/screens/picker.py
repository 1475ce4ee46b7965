"""The flow picker: the bundled flows (and the one opened from the command line)."""

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

from guide.library import FlowOpenError, bundled_flows, open_flow


class PickerScreen(ModalScreen[Path | None]):
    """Pick a flow; returns its path, or None when closed. Broken flows cannot be picked."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="close")]

    def __init__(self, current: str) -> None:
        super().__init__()
        paths = bundled_flows()
        here = Path(current)
        if here.is_file() and all(p.resolve() != here.resolve() for p in paths):
            paths.append(here)
        self.paths = paths

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for path in self.paths:
            try:
                flow = open_flow(path)
            except FlowOpenError as exc:
                first = str(exc).splitlines()[0]
                options.append(
                    Option(
                        Content.assemble((path.name, "bold"), f"\n  cannot open: {first}"),
                        disabled=True,
                    )
                )
                continue
            about = f"\n  {flow.description}" if flow.description else ""
            options.append(
                Option(Content.assemble((flow.title, "bold"), f"  ({path.stem})", about))
            )
        with Vertical(id="dialog"):
            yield Static(Content("Open a flow"), classes="dialog-title")
            yield OptionList(*options, id="flow-list")
            yield Static(Content("Enter opens · Escape closes"), classes="hint")

    @on(OptionList.OptionSelected, "#flow-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the picked flow."""
        self.dismiss(self.paths[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
