"""Asked before an action that would set the person's answers aside (start again)."""

from __future__ import annotations

from guide.faces.tui.screens.yes_no import YesNoScreen
from guide.i18n.strings import S


class ConfirmScreen(YesNoScreen):
    """True to go ahead, False (the default: Escape, `n`, the focused button) to keep
    things as they are."""

    @classmethod
    def key_words(cls) -> tuple[str, str]:
        return S.key_yes, S.key_no

    def __init__(self, title: str, detail: str, yes: str, no: str) -> None:
        super().__init__(title, [detail], yes, no, S.confirm_hint)
