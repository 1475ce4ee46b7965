"""The flow's escape as one quiet line under the answers, for flows that ask for it
(`escape_shown: line`): still one key away, but not an answer to every question."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from guide.flow.match import Choice
from guide.i18n.strings import S


class EscapeLine(Static):
    """A dim line naming the escape and its keys; a click on it takes the escape too."""

    def show_escape(self, choice: Choice | None) -> None:
        """Show the line for this escape, or hide it (None: the escape is an answer, or
        not on offer here)."""
        self.display = choice is not None
        if choice is not None:
            words = S.chat_escape_line.format(key=choice.handle, label=choice.option.label)
            self.update(Content(words))

    async def on_click(self) -> None:
        await self.run_action("screen.emergency")
