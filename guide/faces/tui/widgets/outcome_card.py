"""The outcome card: the next step, its steps, why, the words to use, and the source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from guide.faces.tui.widgets.hanging import Hanging, HangingRows
from guide.flow.model import Flow
from guide.flow.steps import Advice
from guide.i18n.strings import S
from guide.i18n.wording import source_line


class OutcomeCard(Vertical):
    """Everything about one outcome, as literal text (flows never reach markup)."""

    def __init__(self, advice: Advice, flow: Flow) -> None:
        super().__init__(classes="-emergency" if advice.node.emergency else "")
        self.advice = advice
        self.flow = flow

    def compose(self) -> ComposeResult:
        node = self.advice.node
        yield Static(
            Content.assemble((f"{S.card_next_step}  ", "bold"), (self.advice.title, "bold")),
            id="outcome-title",
        )
        width = len(f"{len(node.steps)}. ")
        steps = HangingRows(
            [
                Hanging(Content.styled(f"{i}. ".ljust(width), "bold"), step)
                for i, step in enumerate(node.steps, 1)
            ]
        )
        yield Static(steps, id="outcome-steps")
        why = Content.assemble((f"{S.card_why}  ", "bold"), self.advice.why)
        yield Static(why, id="outcome-why")
        if self.advice.script:
            yield Static(Content(S.card_script), classes="label")
            yield Static(Content(self.advice.script), id="outcome-script", classes="words")
        if self.advice.text:
            yield Static(Content(S.card_message), classes="label")
            yield Static(Content(self.advice.text), id="outcome-text", classes="words")
        yield Static(Content(source_line(self.advice, self.flow)), id="outcome-source")

    def on_mount(self) -> None:
        # The card may be taller than the screen: show its title first.
        self.call_after_refresh(self.scroll_visible, top=True, animate=False)

    @property
    def words(self) -> str:
        """What `c` copies: the message if there is one, else the call script."""
        return self.advice.text or self.advice.script
