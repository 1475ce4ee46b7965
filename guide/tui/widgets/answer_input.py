"""The free-text line, which leaves `!` to the emergency exit."""

from __future__ import annotations

from textual.widgets import Input


class AnswerInput(Input):
    """An `Input` that never swallows `!`: the emergency exit works while typing."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "!" and super().check_consume_key(key, character)
