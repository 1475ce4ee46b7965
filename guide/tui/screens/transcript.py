"""A saved walk, read-only: what was asked and answered, the outcome, the note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from guide.export import outcome_of, status_of
from guide.session import transcript
from guide.store import Event, Session
from guide.tui.widgets.bubble import Bubble


class TranscriptScreen(Screen[None]):
    """Nothing here changes the saved walk."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="close")]

    def __init__(self, session: Session, events: list[Event]) -> None:
        super().__init__()
        self.session = session
        self.events = events

    def compose(self) -> ComposeResult:
        s = self.session
        steps, changed = transcript(self.events)
        yield Header(show_clock=False)
        with VerticalScroll(id="transcript"):
            when = s.started.replace("T", " ")[:16]
            yield Bubble(f"Walk {s.id} · started {when} UTC · {status_of(s)} (read-only)", "note")
            for step in steps:
                if step.kind != "proceed":
                    yield Bubble(step.asked, "guide")
                    yield Bubble(step.answer, "person")
            if changed:
                yield Bubble(f"{changed} answer(s) were changed along the way.", "note")
            advice = outcome_of(s)
            if advice:
                yield Static(_advice(advice), id="saved-outcome")
            if s.note:
                yield Bubble(f"Your note: {s.note}", "note")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = f"{self.session.flow_title} (saved walk)"

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)
        else:
            self.app.exit()


def _advice(advice: dict[str, object]) -> Content:
    steps = advice.get("steps") or []
    parts: list[Content | str | tuple[str, str]] = [
        ("NEXT STEP  ", "bold"),
        (str(advice["title"]), "bold"),
    ]
    parts += [
        "\n\n",
        *(f"{i}. {step}\n" for i, step in enumerate(steps if isinstance(steps, list) else [], 1)),
    ]
    parts += ["\n", ("Why  ", "bold"), str(advice.get("why", ""))]
    for key, label in (("script", "What to say"), ("text", "A message you can send")):
        if advice.get(key):
            parts += ["\n\n", (label, "bold"), "\n", str(advice[key])]
    parts += ["\n\n", f"Source: {advice.get('source', '')}"]
    return Content.assemble(*parts)
