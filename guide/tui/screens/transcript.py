"""A saved walk, read-only: what was asked and answered, the outcome, the note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from guide.export import outcome_of, status_of
from guide.session import transcript
from guide.store import Event, Session
from guide.strings import S
from guide.timewords import count, when
from guide.tui.widgets.bubble import Bubble
from guide.tui.widgets.footer import KeysFooter


class TranscriptScreen(Screen[None]):
    """Nothing here changes the saved walk."""

    BINDINGS = [Binding("escape,q", "close", S.key_close, id="close")]

    def __init__(self, session: Session, events: list[Event]) -> None:
        super().__init__()
        self.session = session
        self.events = events
        self.closing = False
        """Set by the first close: a second Escape in the same burst must not pop more."""

    def compose(self) -> ComposeResult:
        s = self.session
        steps, changed = transcript(self.events)
        yield Header(show_clock=False)
        with VerticalScroll(id="transcript"):
            started = when(s.started)
            header = S.transcript_header.format(id=s.id, when=started, status=status_words(s))
            yield Bubble(header, "note")
            for step in steps:
                if step.kind != "proceed":
                    yield Bubble(step.asked, "guide")
                    yield Bubble(step.answer, "person")
            if changed:
                said = count(changed, S.transcript_changed_one, S.transcript_changed_other)
                yield Bubble(said, "note")
            advice = outcome_of(s)
            if advice:
                yield Static(_advice(advice), id="saved-outcome")
            if s.note:
                yield Bubble(S.transcript_note.format(note=s.note), "note")
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = S.transcript_title.format(flow=self.session.flow_title)

    def action_close(self) -> None:
        if self.closing or not self.is_active:
            return  # closed already: a second Escape in the same burst of keys
        if len(self.app.screen_stack) > 2:
            self.closing = True
            self.dismiss(None)
        else:
            self.app.exit()


def _advice(advice: dict[str, object]) -> Content:
    steps = advice.get("steps") or []
    parts: list[Content | str | tuple[str, str]] = [
        (f"{S.card_next_step}  ", "bold"),
        (str(advice["title"]), "bold"),
    ]
    parts += [
        "\n\n",
        *(f"{i}. {step}\n" for i, step in enumerate(steps if isinstance(steps, list) else [], 1)),
    ]
    parts += ["\n", (f"{S.card_why}  ", "bold"), str(advice.get("why", ""))]
    for key, label in (("script", S.card_script), ("text", S.card_message)):
        if advice.get(key):
            parts += ["\n\n", (label, "bold"), "\n", str(advice[key])]
    parts += ["\n\n", S.card_source_saved.format(source=advice.get("source", ""))]
    return Content.assemble(*parts)


def status_words(session: Session) -> str:
    """Finished, set aside or unfinished, in the person's words."""
    return status_of(session, S.status_finished, S.status_set_aside, S.status_unfinished)
