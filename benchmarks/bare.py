"""The anchor app: bare Textual with the chat's widget types and none of the guide.

A header, a scrolling transcript of `Static` bubbles, an `OptionList` of answers, a
one-line `Input` and a footer, with Textual's default styles. A step (keys `2` or
`ctrl+b`, the keys the guide's walk uses) appends two bubbles, the answer and the next
question, and swaps the answers: the least a chat step can do.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

QUESTIONS = (
    (
        "Do you know why the call ended?",
        (
            "It looked like an accident: the line dropped or cut out",
            "They ended it on purpose, in anger or mid-argument",
            "They ended it on purpose, but not angrily (busy, rushed, another call)",
            "I'm not sure why",
            "This could be an emergency",
        ),
    ),
    (
        "Who was on the other end?",
        (
            "A friend, family member or partner",
            "Someone from work: a client, colleague, boss or company",
            "Someone I cold-called, a sales prospect",
            "A customer, while I was answering calls in a contact centre",
            "This could be an emergency",
        ),
    ),
)


class BareChat(App[None]):
    """Mounts the same widget types as the guide's chat; a key adds a step."""

    BINDINGS: ClassVar = [("2", "step", "Answer"), ("ctrl+b", "step", "Back")]

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(), Vertical():
            yield VerticalScroll(id="transcript")
            with Vertical():
                yield OptionList(id="choices")
                yield Input(id="free-text", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#transcript", VerticalScroll).anchor()
        self.ask()

    def ask(self) -> None:
        question, answers = QUESTIONS[self.asked % 2]
        self.query_one("#transcript", VerticalScroll).mount(
            Static(Content(question), classes="-guide")
        )
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        choices.add_options(
            [
                Option(Content.assemble(Content.styled(f" {n} ", "bold reverse"), "  ", answer))
                for n, answer in enumerate(answers, 1)
            ]
        )
        choices.highlighted = 0
        choices.focus()

    def action_step(self) -> None:
        _, answers = QUESTIONS[self.asked % 2]
        self.query_one("#transcript", VerticalScroll).mount(
            Static(Content(answers[1]), classes="-person")
        )
        self.asked += 1
        self.ask()
