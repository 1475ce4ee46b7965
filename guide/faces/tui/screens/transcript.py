"""A saved walk, read-only: what was asked and answered, the outcome, the note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from guide.faces.tui.screens.copying import copy_binding
from guide.faces.tui.screens.words import WordsScreen
from guide.faces.tui.widgets.bubble import Bubble
from guide.faces.tui.widgets.footer import KeysFooter
from guide.faces.tui.widgets.hanging import Hanging, HangingRows
from guide.faces.tui.widgets.worded import Worded
from guide.history.advice import SavedAdvice
from guide.history.checkin_words import check_in_words
from guide.history.checkins import CheckIn
from guide.history.events import Event, transcript
from guide.history.export import outcome_of, status_of
from guide.history.store import Session
from guide.i18n.strings import S
from guide.i18n.timewords import count, when


class TranscriptScreen(Worded, Screen[None]):
    """Nothing here changes the saved walk."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape,q", "close", S.key_close, id="close"), copy_binding()]

    def __init__(
        self, session: Session, events: list[Event], check_in: CheckIn | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.events = events
        self.check_in = check_in
        """How the advice went (issue 19), when the walk has a check-in."""
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
            if self.check_in is not None:
                status = check_in_words(self.check_in)
                yield Bubble(S.check_in_line.format(status=status), "note")
            if s.note:
                yield Bubble(S.transcript_note.format(note=s.note), "note")
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = S.transcript_title.format(flow=self.session.flow_title)

    @property
    def words(self) -> str:
        """The saved outcome's words to use: its message, else its call script."""
        advice = outcome_of(self.session)
        return advice.words if advice else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.words) if action == "copy" else True

    def action_copy(self) -> None:
        """Copy the saved words, and show them to select or save."""
        if self.words and self.is_active:
            self.app.push_screen(WordsScreen(self.words))

    def action_close(self) -> None:
        if self.closing or not self.is_active:
            return  # closed already: a second Escape in the same burst of keys
        if len(self.app.screen_stack) > 2:
            self.closing = True
            self.dismiss(None)
        else:
            self.app.exit()


def _advice(advice: SavedAdvice) -> HangingRows:
    """The outcome as it was shown; a long step wraps under its own words."""
    width = len(f"{len(advice.steps)}. ")
    gap = Hanging("", "")

    def line(*parts: str | tuple[str, str]) -> Hanging:
        return Hanging("", Content.assemble(*parts))

    rows = [line((f"{S.card_next_step}  ", "bold"), (advice.title, "bold")), gap]
    rows += [Hanging(f"{i}. ".ljust(width), step) for i, step in enumerate(advice.steps, 1)]
    rows += [gap, line((f"{S.card_why}  ", "bold"), advice.why)]
    for said, label in ((advice.script, S.card_script), (advice.text, S.card_message)):
        if said:
            rows += [gap, line((label, "bold")), line(said)]
    rows += [gap, line(S.card_source_saved.format(source=advice.source))]
    return HangingRows(rows)


def status_words(session: Session) -> str:
    """Finished, set aside or unfinished, in the person's words."""
    return status_of(session, S.status_finished, S.status_set_aside, S.status_unfinished)
