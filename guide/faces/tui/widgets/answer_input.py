"""The answer box: where everything a person types goes, as words."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input

from guide.flow.reserved import APP

SHOWN = frozenset(APP)
"""Characters listed as keys even though the box takes them once something is typed."""

Shortcut = Callable[[str], bool]
"""Given a character typed on an empty box, act on it (pick answer 2, the emergency
exit…) and return True; return False to let it be typed."""


class AnswerInput(Input):
    """An `Input` that is the chat's keyboard: letters always become words, so a
    sentence never fires an action ("my sister" used to open the map, then restart
    the walk). Only on an empty box may a character act, and only the ones the
    screen's `shortcut` takes: an answer's number or key, `!`, `?`."""

    shortcut: Shortcut | None = None
    """Set by the screen; None types every character."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # `!` and `?` stay in the footer and the keys screen as the chat's keys: this
        # widget decides in `_on_key` whether they act (empty box) or are typed.
        return character not in SHOWN and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if (
            not self.value
            and character is not None
            and character.isprintable()
            and self.shortcut is not None
            and self.shortcut(character)
        ):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)
