"""The chat's standing widgets, looked up once.

The chat composes its transcript, answers, escape line and answer box once and keeps
them for its life. `query_one` walks the screen's widgets each time it is called
(through up to 30 bubbles of transcript first), and a step asked for them five to ten
times: about a millisecond of every step (issue 18).
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import Screen
from textual.widget import Widget

from guide.faces.tui.widgets.answer_input import AnswerInput
from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.escape_line import EscapeLine
from guide.faces.tui.widgets.transcript_view import TranscriptView

W = TypeVar("W", bound=Widget)


class ChatParts(Screen[None]):
    """`transcript_view`, `choice_list`, `escape_line` and `answer_box`, each found the
    first time it is asked for and kept (the chat never replaces them)."""

    _parts: dict[type[Widget], Widget]

    def _part(self, kind: type[W]) -> W:
        parts = self.__dict__.setdefault("_parts", {})
        part = parts.get(kind)
        if part is None:
            part = parts[kind] = self.query_one(kind)
        assert isinstance(part, kind)
        return part

    @property
    def transcript_view(self) -> TranscriptView:
        return self._part(TranscriptView)

    @property
    def choice_list(self) -> Choices:
        return self._part(Choices)

    @property
    def escape_line(self) -> EscapeLine:
        return self._part(EscapeLine)

    @property
    def answer_box(self) -> AnswerInput:
        return self._part(AnswerInput)
