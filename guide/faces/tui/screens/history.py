"""Your saved walks, newest first; Enter opens one, read-only."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.screens.transcript import TranscriptScreen, status_words
from guide.faces.tui.widgets.hanging import Hanging, HangingRows
from guide.faces.tui.widgets.worded import Worded
from guide.history.checkin_words import check_in_words
from guide.history.export import outcome_of
from guide.history.store import Store
from guide.i18n.strings import S
from guide.i18n.timewords import when


class HistoryScreen(Worded, Dialog[None]):
    """Lists the store's walks; read-only."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape,q", "close", S.key_close, id="close")]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.sessions = store.sessions()
        self.check_ins = {c.session_id: c for c in store.check_ins()}

    def compose(self) -> ComposeResult:
        rows = []
        for s in self.sessions:
            last = when(s.updated)
            advice = outcome_of(s)
            what = f"{s.flow_title} · {status_words(s)}"
            what += f" · {advice.title}" if advice else ""
            lines = [Hanging(Content.styled(f"{last}  ", "bold"), what)]  # wraps under the flow
            if s.id in self.check_ins:
                status = check_in_words(self.check_ins[s.id])
                lines.append(Hanging("  ", S.check_in_line.format(status=status)))
            if s.note:
                lines.append(Hanging("  ", S.history_note.format(note=s.note)))
            rows.append(Option(HangingRows(lines)))
        with Vertical(id="dialog"):
            yield Static(Content(S.history_title), classes="dialog-title")
            if rows:
                yield OptionList(*rows, id="history-list")
            else:
                yield Static(Content(S.history_empty))
            yield Static(Content(S.history_hint), classes="hint")

    @on(OptionList.OptionSelected, "#history-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the picked walk's transcript."""
        session = self.sessions[event.option_index]
        events = self.store.events(session.id)
        self.app.push_screen(TranscriptScreen(session, events, self.check_ins.get(session.id)))

    def action_close(self) -> None:
        self.dismiss(None)
