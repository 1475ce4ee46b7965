"""The shape of every yes-or-no dialog: a title, a few lines, two buttons and a hint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.worded import Worded


class YesNoScreen(Worded, Dialog[bool]):
    """True for yes, False for no: `y` answers yes, `n` and Escape no, and either button
    answers. The button for the safe answer (`DEFAULT`) comes first and has the focus,
    so Enter picks it. A subclass names its keys in `key_words()`."""

    YES_ID: ClassVar[str] = "yes"
    """The id of the yes button and of the `y` binding (the keymap knows it by that)."""
    NO_ID: ClassVar[str] = "no"
    DEFAULT: ClassVar[bool] = False
    """The answer of the first, focused button."""

    @classmethod
    def key_words(cls) -> tuple[str, str]:
        """The names of `y` and of `n` in the footer and on the keys screen."""
        raise NotImplementedError

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        yes, no = cls.key_words()
        return [
            Binding("y", "answer(True)", yes, id=cls.YES_ID),
            Binding("n,escape", "answer(False)", no, id=cls.NO_ID),
        ]

    def __init__(self, title: str, lines: Sequence[str], yes: str, no: str, hint: str) -> None:
        super().__init__()
        self.title_text, self.lines, self.hint = title, list(lines), hint
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        yes = Button(Content(self.yes), id=self.YES_ID)
        no = Button(Content(self.no), id=self.NO_ID)
        first, second = (yes, no) if self.DEFAULT else (no, yes)
        first.variant = "primary"
        with Vertical(id="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            for line in self.lines:
                yield Static(Content(line))
            with Horizontal(id="resume-buttons"):
                yield first
                yield second
            yield Static(Content(self.hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one(f"#{self.YES_ID if self.DEFAULT else self.NO_ID}", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """Either button answers the question."""
        self.dismiss(event.button.id == self.YES_ID)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
