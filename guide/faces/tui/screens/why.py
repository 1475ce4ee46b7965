"""“Why am I asked this?”: the question's help, and what the person said so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.hanging import Hanging
from guide.faces.tui.widgets.worded import Worded
from guide.flow.steps import Why
from guide.i18n.strings import S
from guide.i18n.wording import answer_words


class WhyScreen(Worded, Dialog[None]):
    """A dialog; any of Escape, Enter, `w` or `q` closes it."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [
            Binding("escape,enter,w,q", "dismiss", S.key_close, id="close"),
        ]

    def __init__(self, why: Why) -> None:
        super().__init__()
        self.why = why

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content(S.why_title), classes="dialog-title")
            if self.why.help:
                yield Static(Content(self.why.help))
            if self.why.trail:
                yield Static(Content(S.so_far), classes="label")
                for reason in self.why.trail:
                    answer = Content.assemble(
                        reason.asked, ("  →  ", "bold"), answer_words(reason.answered)
                    )
                    yield Static(Hanging("• ", answer))
            else:
                yield Static(Content(S.why_first))
            yield Static(Content(S.why_hint), classes="hint")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]  # Textual's is async; this one only starts the dismissal
        self.dismiss(result)
