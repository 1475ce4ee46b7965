"""The chat's transcript: a scrolling column of bubbles (and the outcome card)."""

from __future__ import annotations

from collections import deque

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget

from guide.faces.tui.widgets.bubble import Bubble, Speaker
from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.outcome_card import OutcomeCard
from guide.faces.tui.widgets.worded import Worded
from guide.i18n.strings import S

MAX_BUBBLES = 30
"""Bubbles kept in the transcript (fifteen questions and answers, about five screens
at 80x24); older ones go, so step 500 is as quick as step 5 (`python -m benchmarks`:
every bubble is laid out again at each step, and 40 made the 500th step 1.25 times
the first ones). "Why am I asked this?" still lists every answer."""


class TranscriptView(Worded, VerticalScroll):
    """At an outcome the transcript has the keyboard, so the arrows and PageUp/PageDown
    scroll a card taller than the screen (at 60x20 its message and source are below
    the fold). Enter still does what the highlighted row below says (copy, start
    again, next scenario…), as it did when the rows had the keyboard."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("enter", "pick", S.key_pick, show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.live: deque[Bubble] = deque()
        """The bubbles in the transcript, oldest first."""

    def action_pick(self) -> None:
        """Pick the highlighted row of the answers below, if there is one."""
        for choices in self.screen.query(Choices):
            if choices.display and choices.highlighted is not None:
                choices.action_select()

    def say(self, text: str, speaker: Speaker, depth: int, keep: bool = False) -> None:
        """One bubble more; the oldest goes when there are more than `MAX_BUBBLES`.
        A bubble to `keep` (a practice scenario's situation) is never removed or struck
        through, and does not count."""
        bubble = Bubble(text, speaker, depth)
        self.mount(bubble)
        if keep:
            return
        # Counted here, not from the children: a removal still under way is among
        # them, and counting it removed the same bubble twice.
        self.live.append(bubble)
        if len(self.live) > MAX_BUBBLES:
            # After the frame that shows the new bubble: removing widgets is work the
            # person need not wait for before seeing the next question.
            self.call_after_refresh(self.trim)

    def trim(self) -> None:
        """Remove the oldest bubbles beyond `MAX_BUBBLES`."""
        while len(self.live) > MAX_BUBBLES:
            self.live.popleft().remove()

    def clear(self) -> None:
        """Empty, and scrolled to follow what is said next."""
        self.remove_children()
        self.anchor()
        self.live.clear()

    def show_card(self, card: Widget) -> None:
        """An outcome (or verdict) card, which may be taller than the screen: the
        transcript stops following the bottom, so its title can stay in view."""
        self.anchor(False)
        self.mount(card)

    def mark_undone(self, depth: int) -> None:
        """Bubbles from `depth` on belong to answers that were taken back. They are
        found now and restyled after the next frame, which shows the question gone
        back to: restyling is work the person need not wait for."""
        undone: list[Widget] = [
            b for b in self.live if b.depth >= depth and not b.has_class("-undone")
        ]
        undone += [card for card in self.children if isinstance(card, OutcomeCard)]
        self.call_after_refresh(self._strike, undone)

    def _strike(self, widgets: list[Widget]) -> None:
        for widget in widgets:
            widget.add_class("-undone")
