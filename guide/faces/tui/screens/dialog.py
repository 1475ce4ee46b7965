"""The base of every dialog: one that closes once."""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, ScreenResultType


class Dialog(ModalScreen[ScreenResultType]):
    """A modal dialog. Keys that arrive together (Enter on a pick, then Escape) can
    both reach it before it is gone; Textual's `dismiss` pops whatever screen is on
    top, so a second one would close the chat under it. Only the first counts."""

    closing = False
    """Set by the first dismiss: the screen is on its way out."""

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        if self.closing or not self.is_active:
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call, no-any-return]  # Textual leaves it untyped
        self.closing = True
        return super().dismiss(result)
