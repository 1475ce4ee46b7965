"""The flow picker: every flow of the library, bundled and the person's own."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.hanging import Hanging, HangingRows
from guide.faces.tui.widgets.worded import Worded
from guide.flow.problems import visible
from guide.i18n.strings import S
from guide.library.flows import Entry, scan


class PickerScreen(Worded, Dialog[Path | None]):
    """Pick a flow; returns its path, or None when closed.

    A flow that cannot be opened is listed, greyed out, with its first problem.
    """

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape,q", "close", S.key_close, id="close")]

    def __init__(self, current: str) -> None:
        super().__init__()
        here = Path(current)
        self.entries = scan([here] if here.is_file() else []).entries
        self.rows = grouped(self.entries)
        """Entries in the order shown; a str is a language heading."""

    def compose(self) -> ComposeResult:
        options = [
            _row(row)
            if isinstance(row, Entry)
            else Option(Content.styled(row, "bold"), disabled=True)
            for row in self.rows
        ]
        with Vertical(id="dialog"):
            yield Static(Content(S.picker_title), classes="dialog-title")
            yield OptionList(*options, id="flow-list")
            yield Static(Content(S.picker_hint), classes="hint")

    @on(OptionList.OptionSelected, "#flow-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the picked flow."""
        row = self.rows[event.option_index]
        if isinstance(row, Entry):
            self.dismiss(row.path)

    def action_close(self) -> None:
        self.dismiss(None)


def grouped(entries: list[Entry]) -> list[Entry | str]:
    """The entries, under a heading per language when the flows are in more than one
    (`lang:`); flows that cannot be opened come last."""
    langs = list(dict.fromkeys(e.about.lang for e in entries if e.opens and e.about))
    if len(langs) < 2:
        return list(entries)
    rows: list[Entry | str] = []
    for lang in langs:
        rows.append(f"— {lang} —")
        rows += [e for e in entries if e.opens and e.about and e.about.lang == lang]
    broken = [e for e in entries if not e.opens]
    if broken:
        rows += [f"— {S.picker_cannot_open_heading} —", *broken]
    return rows


def _row(entry: Entry) -> Option:
    """The flow's title, then its description indented under it (wrapped lines too)."""
    mine = f"  · {S.picker_yours}" if entry.origin == "user" else ""
    if not entry.opens or entry.about is None:  # what the list shows needs no flow built
        why = S.picker_cannot_open.format(problem=entry.status)
        head = Content.assemble((visible(entry.path.name), "bold"), mine)  # any bytes
        return Option(HangingRows([Hanging("", head), Hanging("  ", why)]), disabled=True)
    head = Content.assemble((entry.about.title, "bold"), f"  ({entry.name}){mine}")
    rows = [Hanging("", head)]
    if entry.about.description:
        rows.append(Hanging("  ", entry.about.description))
    return Option(HangingRows(rows))
