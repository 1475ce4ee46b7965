"""The `?` screen: every key the chat understands, and how free text works."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.hanging import Hanging
from guide.faces.tui.widgets.worded import Worded
from guide.i18n.strings import S


def first_keys() -> tuple[tuple[str, str], ...]:
    """Listed first, so they are in view without scrolling even at 60x20: quitting,
    and the palette where every action can be found by name."""
    return (("Ctrl+Q", S.keys_quit_what), ("Ctrl+P", S.keys_palette_what))


def extra_keys() -> tuple[tuple[str, str], ...]:
    """The keys that are always there, which the bindings do not list."""
    return (
        (S.keys_typing, S.keys_typing_what),
        (S.keys_numbers, S.keys_numbers_what),
        (S.keys_arrows, S.keys_arrows_what),
        (S.keys_escape, S.keys_escape_what),
        (S.keys_timer, S.keys_timer_what),
    )


class KeysScreen(Worded, Dialog[None]):
    """Lists the chat's bindings as they are now, plus the keys that are always there."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape,enter,question_mark,q", "close", S.key_close, id="close")]

    def __init__(self, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        keys: dict[str, list[str]] = {}  # what it does -> the keys that do it, in order
        for key, active in bindings.items():
            binding = active.binding
            if binding.id is not None or binding.action == "emergency":
                keys.setdefault(binding.description, []).append(_key_name(key))
        self.rows: list[tuple[str, str]] = list(first_keys())
        self.rows += [(" ".join(sorted(names, key=len)), what) for what, names in keys.items()]
        self.rows += list(extra_keys())

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content(S.keys_title), classes="dialog-title")
            for key, what in self.rows:
                yield Static(Hanging(Content.styled(f"{key:>12}  ", "bold"), what))
            yield Static(Content(S.keys_hint), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)


def _key_name(key: str) -> str:
    """`ctrl+b` as people write it: Ctrl+B; `f1`: F1; `exclamation_mark`: !."""
    named = {"exclamation_mark": "!", "question_mark": "?", "slash": "/"}.get(key)
    if named is not None:
        return named
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))
