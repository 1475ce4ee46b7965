"""The chat: the guide's questions and the person's answers, then the outcome card.

The screen renders `Walk.current` and turns keys, clicks and typed text into
walk moves. What the walk means lives in the engine, not here. Its other parts:
the keys (`chat_keys`), a new walk from the picker, the map or `--watch`
(`flow_switch`), presenter mode (`presenter`) and the transcript (`TranscriptView`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input

from guide.faces.tui.screens.chat_actions import WalkActions
from guide.faces.tui.widgets.answer_input import AnswerInput
from guide.faces.tui.widgets.bubble import Speaker
from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.countdown import Countdown
from guide.faces.tui.widgets.escape_line import EscapeLine
from guide.faces.tui.widgets.flow_watcher import FlowWatcher
from guide.faces.tui.widgets.footer import KeysFooter
from guide.faces.tui.widgets.outcome_card import OutcomeCard
from guide.faces.tui.widgets.transcript_view import TranscriptView
from guide.flow.engine import Walk
from guide.flow.match import Choice
from guide.flow.model import Input as InputNode
from guide.flow.model import Say, Wait
from guide.flow.refusals import InvalidInput
from guide.flow.steps import Advice, Move, Question, WalkError
from guide.flow.typed import clean
from guide.i18n.strings import S
from guide.i18n.wording import answer_words, refusal_words

if TYPE_CHECKING:
    from guide.history.store import Store  # imported by whoever saves the walk


def outcome_actions() -> tuple[tuple[str, str], ...]:
    """The rows under an outcome card: an action and its label."""
    return (
        ("copy", S.outcome_copy),
        ("note", S.outcome_note),
        ("restart", S.outcome_restart),
        ("flows", S.outcome_flows),
    )


class ChatScreen(WalkActions):
    """One walk as a conversation."""

    def __init__(
        self,
        walk: Walk,
        store: Store | None = None,
        replayed: bool = False,
        presenting: bool = False,
        watching: Path | None = None,
    ) -> None:
        super().__init__()
        self.walk = walk
        self.watching = watching
        """--watch: the flow file reloaded when it changes."""
        self.presenting = presenting
        self.revealed = 0
        self.store = store
        """Where the walk is saved; None when it is not."""
        self.replayed = replayed
        """True for a resumed walk: the transcript is rebuilt from its answers first."""
        self.countdown: Countdown | None = None
        """The timer of the current `wait` step, if the walk is at one."""
        self.taken_back: Move | None = None
        self.undo_depth = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="stage"):
            with Vertical(id="conversation"):
                yield TranscriptView(id="transcript")
                with Vertical(id="answer-area"):
                    yield Choices(id="choices")
                    yield EscapeLine(id="escape-line")
                    box = AnswerInput(id="free-text", select_on_focus=False, compact=True)
                    box.shortcut = self.shortcut
                    yield box
            if self.presenting:
                yield self.side_map()
        yield KeysFooter(compact=True, show_command_palette=False)
        if self.watching is not None:
            yield FlowWatcher(self.watching)

    def on_mount(self) -> None:
        self.set_class(self.presenting, "-presenting")
        self.transcript_view.anchor()
        self.begin()

    def check_reload(self) -> None:
        """--watch: look at the flow file now rather than at the next tick."""
        for watcher in self.query(FlowWatcher):
            watcher.check()

    def begin(self) -> None:
        """The first thing shown (a resumed walk shows its answers so far first)."""
        self.title = self.walk.flow.title
        if self.replayed:
            self.show_answers_so_far()
        self.show_step()

    def show_answers_so_far(self, replayed_note: bool = True) -> None:
        """A resumed walk: its questions and answers, then a note that it goes on here."""
        answered = [depth for depth, move in enumerate(self.walk.moves) if move.kind != "proceed"]
        for depth, reason in zip(answered, self.walk.why().trail, strict=True):
            self.say(reason.asked, "guide", depth)  # at their own depths, for Back to strike
            self.say(answer_words(reason.answered), "person", depth)
        if replayed_note:
            self.say(S.chat_welcome_back, "note")

    # --- showing the current step ------------------------------------------------------

    def say(
        self, text: str, speaker: Speaker, depth: int | None = None, keep: bool = False
    ) -> None:
        """A bubble at the walk's depth now, unless another is given (see `TranscriptView`)."""
        self.transcript_view.say(text, speaker, self.walk.depth if depth is None else depth, keep)

    def clear_transcript(self) -> None:
        """An empty transcript, scrolled to follow what is said next."""
        self.transcript_view.clear()

    def show_step(self) -> None:
        """Ask the current step: a bubble for it, and the right way to answer below."""
        step = self.walk.current
        if self.taken_back is not None and len(self.walk.moves) != self.undo_depth:
            self.taken_back = None  # the walk moved on: Ctrl+Z has nothing to put back
        choices = self.choice_list
        free_text = self.answer_box
        if self.countdown is not None:
            self.countdown.remove()
            self.countdown = None
        free_text.value = ""
        free_text.display = isinstance(step, (Question, InputNode))
        choices.display = True
        self.escape_line.show_escape(None)  # a question shows it again, if quiet
        match step:
            case Question():
                self.say(step.text, "guide")
                self.revealed = 0 if self.presenting else len(step.choices)
                self.offer_revealed(step)
                free_text.placeholder = S.chat_words_placeholder
            case InputNode():
                self.say(step.text, "guide")
                choices.offer((), () if step.required else (("skip", S.chat_skip_row),))
                free_text.placeholder = S.chat_value_placeholder
            case Say():
                self.say(step.text, "guide")
                choices.offer((), (("continue", S.chat_continue_row),))
            case Wait():
                self.say(step.text or S.wait_default, "guide")
                choices.offer(())
                choices.display = False
                self.countdown = Countdown(step.seconds)
                self.query_one("#answer-area").mount(self.countdown, before=0)
            case Advice():
                self.show_outcome(step)
            case _:
                assert_never(step)
        self.refresh_bindings()  # the footer shows what changed, in place
        self.call_after_refresh(self.focus_step)
        if self.presenting:
            self.call_after_refresh(self.update_map)

    def show_outcome(self, advice: Advice) -> None:
        """The card, scrolled so its title is in view (it may be taller than the screen)."""
        self.transcript_view.show_card(OutcomeCard(advice, self.walk.current_flow))
        actions = tuple(a for a in outcome_actions() if self.check_action(a[0], ()))
        self.choice_list.offer((), actions)

    # --- moves ----------------------------------------------------------------------------

    def choose(self, choice: Choice) -> None:
        self.say(choice.option.label, "person")
        try:
            self.walk.choose(choice)
        except InvalidInput as exc:
            words = refusal_words(exc.invalid)
            self.say(words[:1].upper() + words[1:] + ".", "note")
            return
        except WalkError as exc:
            self.notify(str(exc), title=S.chat_cannot_go_on, severity="error", markup=False)
            return
        self.show_step()

    @on(Choices.Picked)
    def picked(self, event: Choices.Picked) -> None:
        """A choice was picked by number, arrows + Enter, or the mouse."""
        if self.choice_list.current(event):
            self.choose(event.choice)

    @on(Choices.Acted)
    def acted(self, event: Choices.Acted) -> None:
        """An action row (continue, skip, copy, restart, flows) was picked."""
        if not self.choice_list.current(event):
            return  # picked from an offer that has gone (a second Enter, typed fast)
        if event.action in ("continue", "skip"):
            if event.action == "skip":
                self.say(S.chat_skipped, "person")
                self.walk.enter("")
            else:
                self.walk.proceed()
            self.show_step()
        else:
            getattr(self, f"action_{event.action}")()

    @on(Input.Submitted, "#free-text")
    def typed(self, event: Input.Submitted) -> None:
        """Free text: a value for an input step, or words to match against the choices."""
        text = clean(event.value)
        step = self.walk.current
        match step:
            case InputNode():
                reply = self.walk.reply(text)  # a value, or words of danger that take the escape
                if not reply.accepted:
                    if reply.reason is not None:
                        words = refusal_words(reply.reason).capitalize()
                        self.notify(words, severity="warning", markup=False)
                    return
                if reply.urgent:
                    self.say(_shortened(text.strip()), "person")
                    self.say(S.reply_urgent, "note")
                else:
                    self.say(self.walk.moves[-1].value or S.chat_skipped, "person")  # what was kept
                self.show_step()
            case Question() if text.strip():
                self.answer_in_words(step, text)
            case Question():
                self.choice_list.action_select()  # Enter on an empty box: the highlighted
            case Say() | Wait() | Advice():
                pass  # no answer box is shown for these
            case _:
                assert_never(step)

    def answer_in_words(self, step: Question, text: str) -> None:
        reply = self.walk.reply(text)
        if reply.accepted:
            label = self.walk.moves[-1].label
            self.say(f"{_shortened(text.strip())}  →  {label}", "person")
            if reply.urgent:
                self.say(S.reply_urgent, "note")
            self.show_step()
            return
        self.say(_shortened(text), "person")
        if reply.reason in ("too_long", "not_that"):  # not_that: "n" to the one answer asked
            words = refusal_words(reply.reason)
            self.say(words[:1].upper() + words[1:] + ".", "note")
            if reply.reason == "not_that":
                self.show_choices_again()
        elif reply.suggestions:
            one = reply.suggestions[0].option.label if len(reply.suggestions) == 1 else None
            self.say(S.chat_did_you_mean_one.format(answer=one) if one else S.chat_not_sure, "note")
            self.choice_list.offer(reply.suggestions, (("all", S.chat_none_of_these),))
        else:
            self.say(S.chat_no_match, "note")
        self.answer_box.value = ""
        self.action_focus_choices()

    @on(Countdown.Finished)
    def waited(self, event: Countdown.Finished) -> None:
        """The wait is over: ring the bell when time ran out, then go on."""
        if not event.skipped:
            self.app.bell()
            self.notify(S.chat_time_up, title=S.chat_time_up_title, markup=False)
        self.walk.proceed()
        self.show_step()


SHOWN_AT_MOST = 300
"""Characters of a refused answer echoed back: a pasted megabyte is not laid out."""


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN_AT_MOST else text[:SHOWN_AT_MOST] + "…"
