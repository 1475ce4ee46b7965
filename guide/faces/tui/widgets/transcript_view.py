"""The chat's transcript: a scrolling column of bubbles (and the outcome card)."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll

from guide.faces.tui.widgets.choices import Choices
from guide.i18n.strings import S


class TranscriptView(VerticalScroll):
    """At an outcome the transcript has the keyboard, so the arrows and PageUp/PageDown
    scroll a card taller than the screen (at 60x20 its message and source are below
    the fold). Enter still does what the highlighted row below says (copy, start
    again, next scenario…), as it did when the rows had the keyboard."""

    BINDINGS = [Binding("enter", "pick", S.key_pick, show=False)]

    def action_pick(self) -> None:
        """Pick the highlighted row of the answers below, if there is one."""
        for choices in self.screen.query(Choices):
            if choices.display and choices.highlighted is not None:
                choices.action_select()
