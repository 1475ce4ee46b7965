"""A chat bubble: one line of the transcript, from the guide or from the person."""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.widgets import Static

from guide.i18n.strings import S

Speaker = Literal["guide", "person", "note"]


class Bubble(Static):
    """Text shown literally (never as markup), styled by who is speaking.

    The `-guide`, `-person` and `-note` classes are styled in app.tcss; a bubble
    whose answer was later changed gets `-undone`.
    """

    def __init__(self, text: str, speaker: Speaker, depth: int = 0) -> None:
        prefix = {"guide": S.speaker_guide, "person": S.speaker_you, "note": ""}[speaker]
        content = Content.assemble((f"{prefix}  ", "bold"), text) if prefix else Content(text)
        super().__init__(content, classes=f"-{speaker}")
        self.depth = depth
        """The walk depth this bubble belongs to, so `back` can mark it undone."""
