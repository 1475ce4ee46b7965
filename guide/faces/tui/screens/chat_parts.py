"""The chat's standing widgets, looked up once.

The chat composes its transcript, answers, escape line and answer box once and keeps
them for its life. `query_one` walks the screen's widgets each time it is called
(through up to 30 bubbles of transcript first), and a step asked for them five to ten
times: about a millisecond of every step (issue 18).
"""

from __future__ import annotations

from functools import cached_property

from textual.screen import Screen

from guide.faces.tui.widgets.answer_input import AnswerInput
from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.escape_line import EscapeLine
from guide.faces.tui.widgets.transcript_view import TranscriptView


class ChatParts(Screen[None]):
    """`transcript_view`, `choice_list`, `escape_line` and `answer_box`, each found the
    first time it is asked for and kept (the chat never replaces them)."""

    @cached_property
    def transcript_view(self) -> TranscriptView:
        return self.query_one(TranscriptView)

    @cached_property
    def choice_list(self) -> Choices:
        return self.query_one(Choices)

    @cached_property
    def escape_line(self) -> EscapeLine:
        return self.query_one(EscapeLine)

    @cached_property
    def answer_box(self) -> AnswerInput:
        return self.query_one(AnswerInput)
