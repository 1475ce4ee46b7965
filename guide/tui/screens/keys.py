"""The `?` screen: every key the chat understands, and how free text works."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

EXTRA = (
    ("1 … 9", "pick that answer"),
    ("↑ ↓  Enter", "move through the answers and pick one (or click it)"),
    ("Escape", "from the text line back to the answers"),
    ("space  z  s", "start, snooze or skip a countdown"),
    ("Ctrl+P", "the command palette: every action by name"),
    ("Ctrl+Q", "quit"),
)


class KeysScreen(ModalScreen[None]):
    """Lists the chat's bindings as they are now, plus the keys that are always there."""

    BINDINGS = [Binding("escape,enter,question_mark,q", "close", "Close", id="close")]

    def __init__(self, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for key, active in bindings.items():
            binding = active.binding
            if binding.id is None or binding.description in seen:
                continue
            seen.add(binding.description)
            self.rows.append((_key_name(key), binding.description))
        self.rows += list(EXTRA)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content("Keys"), classes="dialog-title")
            for key, what in self.rows:
                yield Static(Content.assemble((f"{key:>12}  ", "bold"), what))
            yield Static(Content("Escape or Enter to close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)


def _key_name(key: str) -> str:
    return {"exclamation_mark": "!", "question_mark": "?", "slash": "/"}.get(key, key)
