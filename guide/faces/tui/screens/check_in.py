""" "How did it go?": a check-in on earlier advice, asked before the walk (or with F6)."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from guide.checkin.asking import choices, question
from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.worded import Worded
from guide.history.checkins import Answer, CheckIn
from guide.i18n.strings import S

Reply = Answer | Literal["emergency"] | None
"""An answer; "emergency" (`!`, Ctrl+E: the emergency steps at once); None: skipped."""


class CheckInScreen(Worded, Dialog[Reply]):
    """The advice given and four answers: 1-4 or Enter on one answers, `s` or Escape
    skips it for now, `!` and Ctrl+E go to the emergency steps (never behind it)."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [
            Binding("exclamation_mark", "emergency", S.key_emergency, id="emergency"),
            Binding("ctrl+e", "emergency", S.key_emergency, show=False, priority=True),
            Binding("s,escape", "skip", S.key_skip_for_now, id="skip"),
            *(
                Binding(str(n), f"pick({n})", S.key_answer_n.format(number=n), show=False)
                for n in range(1, 5)
            ),
        ]

    def __init__(self, check_in: CheckIn, finished: str = "") -> None:
        super().__init__()
        self.check_in = check_in
        self.lines = question(check_in, finished)
        self.choices = choices()

    def compose(self) -> ComposeResult:
        options = [
            Option(Content.assemble((f"{c.number}  ", "bold"), c.label)) for c in self.choices
        ]
        with Vertical(id="dialog"):
            yield Static(Content(S.check_in_title), classes="dialog-title")
            for line in self.lines:
                yield Static(Content(line))
            yield OptionList(*options, id="check-in-answers")
            yield Static(Content(S.check_in_hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#check-in-answers", OptionList).focus()

    @on(OptionList.OptionSelected, "#check-in-answers")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on an answer gives it."""
        self.dismiss(self.choices[event.option_index].answer)

    def action_pick(self, number: int) -> None:
        self.dismiss(self.choices[number - 1].answer)

    def action_skip(self) -> None:
        self.dismiss(None)

    def action_emergency(self) -> None:
        self.dismiss("emergency")
