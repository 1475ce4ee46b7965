"""The chat: the guide's questions and the person's answers, then the outcome card.

The screen renders `Walk.current` and turns keys, clicks and typed text into
walk moves. What the walk means lives in the engine, not here.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input

from guide.faces.tui.screens.confirm import ConfirmScreen
from guide.faces.tui.screens.facts import FactsScreen
from guide.faces.tui.screens.keys import KeysScreen
from guide.faces.tui.screens.map import MapScreen
from guide.faces.tui.screens.note import NoteScreen
from guide.faces.tui.screens.picker import PickerScreen
from guide.faces.tui.screens.why import WhyScreen
from guide.faces.tui.screens.words import COPY, WordsScreen
from guide.faces.tui.widgets.answer_input import AnswerInput
from guide.faces.tui.widgets.bubble import Bubble, Speaker
from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.countdown import Countdown
from guide.faces.tui.widgets.flow_map import FlowMap
from guide.faces.tui.widgets.footer import KeysFooter
from guide.faces.tui.widgets.outcome_card import OutcomeCard
from guide.faces.tui.widgets.transcript_view import TranscriptView
from guide.flow.engine import (
    Advice,
    InvalidInput,
    Move,
    Question,
    Walk,
    WalkError,
    clean,
    replay,
)
from guide.flow.match import Choice
from guide.flow.model import Flow, Say, Wait
from guide.flow.model import Input as InputNode
from guide.flow.reserved import Command, app_command
from guide.flow.startpoints import needed_facts
from guide.flow.trail import Trail, trail_of
from guide.history.recorder import Recorder, replay_one, start_saving
from guide.history.store import Store
from guide.i18n.strings import S
from guide.i18n.wording import step_words
from guide.library.flows import FlowOpenError, open_flow, scan

MAX_BUBBLES = 40
"""Bubbles kept in the transcript; older ones go, so step 500 is as quick as step 5
(`python -m benchmarks`). "Why am I asked this?" still lists every answer."""


def outcome_actions() -> tuple[tuple[str, str], ...]:
    """The rows under an outcome card: an action and its label."""
    return (
        ("copy", S.outcome_copy),
        ("note", S.outcome_note),
        ("restart", S.outcome_restart),
        ("flows", S.outcome_flows),
    )


class ChatScreen(Screen[None]):
    """One walk as a conversation."""

    # Key names come from `S` when this module is first imported: the CLI puts the
    # person's language into `S` before that.
    #
    # Where there is an answer box, letters are words: actions are Ctrl keys, and a
    # single character acts only on an empty box (`AnswerInput`). Single letters act
    # only where nothing can be typed (the outcome card, a countdown).
    BINDINGS = [
        Binding("exclamation_mark", "emergency", S.key_emergency, id="emergency"),
        # Ctrl+E is the Input's "end of line"; the emergency exit wins (End still works).
        Binding("ctrl+e", "emergency", S.key_emergency, show=False, priority=True),
        Binding("ctrl+b", "back", S.key_back, id="back"),
        Binding("ctrl+z", "undo", S.key_undo, id="undo"),
        Binding("ctrl+r", "restart", S.key_restart, id="restart"),
        Binding("ctrl+y", "why", S.key_why, id="why"),
        Binding("ctrl+g", "question_help", S.key_help, id="help"),
        COPY,
        Binding("n", "note", S.key_note, show=False, id="note"),
        Binding("ctrl+o", "flows", S.key_flows, show=False, id="flows"),
        Binding("ctrl+t", "map", S.key_map, id="map"),
        Binding("f5", "present", S.key_present, show=False, id="present"),
        Binding("question_mark,f1", "keys", S.key_keys, id="keys"),
        Binding("escape", "clear_box", S.key_clear, show=False),
        Binding("up", "cursor('up')", S.key_answers, show=False),
        Binding("down", "cursor('down')", S.key_answers, show=False),
        Binding("space", "space", S.key_space, show=False),
        Binding("z", "timer('snooze')", S.key_snooze, show=False),
        Binding("s", "timer('skip')", S.key_skip_timer, show=False),
        *(
            Binding(str(n), f"number({n})", S.key_answer_n.format(number=n), show=False)
            for n in range(1, 10)
        ),
    ]

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
        self.seen: tuple[float, int] | None = None
        self.presenting = presenting
        """Presenter mode: the map beside the chat, answers revealed one by one."""
        self.revealed = 0
        """In presenter mode, how many answers of the current question are shown."""
        self.store = store
        """Where the walk is saved; None when it is not."""
        self.replayed = replayed
        """True for a resumed walk: the transcript is rebuilt from its answers first."""
        self.countdown: Countdown | None = None
        """The timer of the current `wait` step, if the walk is at one."""
        self.live: deque[Bubble] = deque()
        """The bubbles in the transcript, oldest first."""
        self.bindings_shown: tuple[bool | None, ...] = ()
        """Which of the keys could be used when the footer was last redrawn."""
        self.taken_back: Move | None = None
        """The answer the last Back took away, until Ctrl+Z puts it back or the walk moves."""
        self.undo_depth = 0
        """How many moves the walk had just after that Back."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="stage"):
            with Vertical(id="conversation"):
                yield TranscriptView(id="transcript")
                with Vertical(id="answer-area"):
                    yield Choices(id="choices")
                    box = AnswerInput(id="free-text", select_on_focus=False, compact=True)
                    box.shortcut = self.shortcut
                    yield box
            if self.presenting:
                yield FlowMap(self.walk.current_flow, id="side-map", resolve=self.walk.resolve)
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.set_class(self.presenting, "-presenting")
        self.query_one("#transcript", VerticalScroll).anchor()
        self.begin()
        if self.watching is not None:
            self.seen = _stamp(self.watching)
            self.set_interval(1.0, self.check_reload)

    def check_reload(self) -> None:
        """--watch: when the flow file changes, load it again and carry the walk over."""
        assert self.watching is not None
        stamp = _stamp(self.watching)
        if stamp == self.seen:
            return
        self.seen = stamp
        try:
            flow = open_flow(self.watching, scan([self.watching]))
        except FlowOpenError as exc:
            lines = str(exc).splitlines()
            shown = "\n".join(lines[:6]) + ("\n…" if len(lines) > 6 else "")
            self.say(f"{S.chat_reload_failed}\n{shown}", "note")
            self.notify(shown, title=S.chat_reload_failed_title, severity="error", markup=False)
            return
        moves = self.walk.moves
        self.walk = Walk(flow, self.walk.resolve, start=self.walk.start, given=self.walk.given)
        kept = replay(self.walk, moves)
        self.clear_transcript()
        self.show_answers_so_far(replayed_note=False)
        reloaded = S.chat_reloaded.format(file=self.watching.name, kept=kept, total=len(moves))
        self.say(reloaded, "note")
        self.show_step()

    def begin(self) -> None:
        """The first thing shown (a resumed walk shows its answers so far first)."""
        self.title = self.walk.flow.title
        if self.replayed:
            self.show_answers_so_far()
        self.show_step()

    def show_answers_so_far(self, replayed_note: bool = True) -> None:
        """A resumed walk: its questions and answers, then a note that it goes on here."""
        for reason in self.walk.why().trail:
            self.say(reason.asked, "guide")
            self.say(reason.answered, "person")
        if replayed_note:
            self.say(S.chat_welcome_back, "note")

    # --- showing the current step ------------------------------------------------------

    def say(self, text: str, speaker: Speaker) -> None:
        bubble = Bubble(text, speaker, self.walk.depth)
        self.query_one("#transcript", VerticalScroll).mount(bubble)
        # Counted here, not from the transcript's children: a removal still under way
        # is among them, and counting it removed the same bubble twice.
        self.live.append(bubble)
        while len(self.live) > MAX_BUBBLES:
            self.live.popleft().remove()

    def clear_transcript(self) -> VerticalScroll:
        """An empty transcript, scrolled to follow what is said next."""
        transcript = self.query_one("#transcript", VerticalScroll)
        transcript.remove_children()
        transcript.anchor()
        self.live.clear()
        return transcript

    def show_step(self) -> None:
        """Ask the current step: a bubble for it, and the right way to answer below."""
        step = self.walk.current
        if self.taken_back is not None and len(self.walk.moves) != self.undo_depth:
            self.taken_back = None  # the walk moved on: Ctrl+Z has nothing to put back
        choices = self.query_one(Choices)
        free_text = self.query_one("#free-text", Input)
        if self.countdown is not None:
            self.countdown.remove()
            self.countdown = None
        free_text.value = ""
        free_text.display = isinstance(step, (Question, InputNode))
        choices.display = True
        if isinstance(step, Question):
            self.say(step.text, "guide")
            self.revealed = 0 if self.presenting else len(step.choices)
            self.offer_revealed(step)
            free_text.placeholder = S.chat_words_placeholder
        elif isinstance(step, InputNode):
            self.say(step.text, "guide")
            choices.offer((), () if step.required else (("skip", S.chat_skip_row),))
            free_text.placeholder = S.chat_value_placeholder
        elif isinstance(step, Say):
            self.say(step.text, "guide")
            choices.offer((), (("continue", S.chat_continue_row),))
        elif isinstance(step, Wait):
            self.say(step.text or S.wait_default, "guide")
            choices.offer(())
            choices.display = False
            self.countdown = Countdown(step.seconds)
            self.query_one("#answer-area").mount(self.countdown, before=0)
        else:
            self.show_outcome(step)
        self.refresh_footer()
        self.call_after_refresh(self.focus_step)
        if self.presenting:
            self.call_after_refresh(self.update_map)

    def refresh_footer(self) -> None:
        """Redraw the keys in the footer when the ones that can be used have changed.
        (Textual's footer builds new keys at each refresh and does not free the old
        ones, so refreshing at every step grew the app by a few hundred KB a step.)"""
        actions = sorted(
            {
                b.action.split("(")[0]
                for keys in self._bindings.key_to_bindings.values()
                for b in keys
            }
        )
        shown = tuple(self.check_action(action, ()) for action in actions)
        if shown != self.bindings_shown:
            self.bindings_shown = shown
            self.refresh_bindings()

    def offer_revealed(self, step: Question) -> None:
        """The answers shown so far (all of them, unless presenting)."""
        hidden = len(step.choices) - self.revealed
        more = (("reveal", S.chat_reveal_row.format(hidden=hidden)),) if hidden else ()
        choices = self.query_one(Choices)
        choices.offer(step.choices[: self.revealed], more)
        if hidden:  # Enter on the highlighted row reveals again, until all are shown
            choices.highlighted = choices.option_count - 1

    def action_reveal(self) -> None:
        """Presenter mode: show one more answer, so the room can guess first."""
        step = self.walk.current
        if isinstance(step, Question) and self.revealed < len(step.choices):
            self.revealed += 1
            self.offer_revealed(step)

    def update_map(self) -> None:
        for flow_map in self.query("#side-map").results(FlowMap):
            flow = self.walk.current_flow
            if flow_map.flow is not flow:
                flow_map.flow = flow
                flow_map.build()
            flow_map.show_walk(self.walk.path()[-1][1], self.taken(flow))

    def action_present(self) -> None:
        """Switch presenter mode: the map beside the chat, answers revealed one by one."""
        self.presenting = not self.presenting
        self.set_class(self.presenting, "-presenting")
        if self.presenting and not self.query("#side-map"):
            side_map = FlowMap(self.walk.current_flow, id="side-map", resolve=self.walk.resolve)
            self.query_one("#stage").mount(side_map)
        for flow_map in self.query("#side-map"):
            flow_map.display = self.presenting
        self.show_choices_again()
        if self.presenting:
            self.call_after_refresh(self.update_map)

    def show_outcome(self, advice: Advice) -> None:
        """The card, scrolled so its title is in view (it may be taller than the screen)."""
        transcript = self.query_one("#transcript", VerticalScroll)
        card = OutcomeCard(advice, self.walk.current_flow)
        transcript.anchor(False)
        transcript.mount(card)
        actions = tuple(a for a in outcome_actions() if self.check_action(a[0], ()))
        self.query_one(Choices).offer((), actions)

    def mark_undone(self, depth: int) -> None:
        """Bubbles from `depth` on belong to answers that were taken back."""
        for bubble in self.query(Bubble):
            if bubble.depth >= depth:
                bubble.add_class("-undone")
        self.query(OutcomeCard).add_class("-undone")

    # --- moves ----------------------------------------------------------------------------

    def choose(self, choice: Choice) -> None:
        self.say(choice.option.label, "person")
        try:
            self.walk.choose(choice)
        except InvalidInput as exc:
            self.say(str(exc)[:1].upper() + str(exc)[1:] + ".", "note")
            return
        except WalkError as exc:
            self.notify(str(exc), title=S.chat_cannot_go_on, severity="error", markup=False)
            return
        self.show_step()

    @on(Choices.Picked)
    def picked(self, event: Choices.Picked) -> None:
        """A choice was picked by number, arrows + Enter, or the mouse."""
        if self.query_one(Choices).current(event):
            self.choose(event.choice)

    @on(Choices.Acted)
    def acted(self, event: Choices.Acted) -> None:
        """An action row (continue, skip, copy, restart, flows) was picked."""
        if not self.query_one(Choices).current(event):
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
        if isinstance(step, InputNode):
            reply = self.walk.reply(text)  # a value, or words of danger that take the escape
            if not reply.accepted:
                self.notify(reply.message.capitalize(), severity="warning", markup=False)
                return
            if reply.urgent:
                self.say(_shortened(text.strip()), "person")
                self.say(S.reply_urgent, "note")
            else:
                self.say(self.walk.moves[-1].value or S.chat_skipped, "person")  # what was kept
            self.show_step()
        elif isinstance(step, Question) and text.strip():
            self.answer_in_words(step, text)
        elif isinstance(step, Question):
            self.query_one(Choices).action_select()  # Enter on an empty box: the highlighted

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
        if reply.message == S.reply_too_long:
            self.say(reply.message[:1].upper() + reply.message[1:] + ".", "note")
        elif reply.suggestions:
            self.say(S.chat_not_sure, "note")
            self.query_one(Choices).offer(reply.suggestions, (("all", S.chat_none_of_these),))
        else:
            self.say(S.chat_no_match, "note")
        self.query_one("#free-text", Input).value = ""
        self.action_focus_choices()

    @on(Countdown.Finished)
    def waited(self, event: Countdown.Finished) -> None:
        """The wait is over: ring the bell when time ran out, then go on."""
        if not event.skipped:
            self.app.bell()
            self.notify(S.chat_time_up, title=S.chat_time_up_title, markup=False)
        self.walk.proceed()
        self.show_step()

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = self.walk.current
        if action == "copy":
            return isinstance(step, Advice) and bool(step.text or step.script)
        if action == "note":
            recorder = self.walk.listener
            return (
                isinstance(step, Advice)
                and isinstance(recorder, Recorder)
                and recorder.session_id is not None
            )
        if action == "timer":
            return isinstance(step, Wait)
        if action == "back":
            return self.walk.depth > 0
        if action == "undo":
            return self.taken_back is not None
        if action == "question_help":
            return bool(self.walk.why().help)
        return True

    def action_number(self, number: int) -> None:
        self.query_one(Choices).pick_number(number)

    def action_emergency(self) -> None:
        """Jump to the emergency exit from anywhere in the walk."""
        if self.walk.flow.escape:
            self.say(self.walk.current_flow.escape[0].label, "person")
            self.walk.escape()
            self.show_step()

    def action_back(self) -> None:
        """Back one step; Ctrl+Z puts the answer back until the walk moves on."""
        moves = self.walk.moves
        last = moves[-1] if moves else None
        if self.walk.back():
            self.query_one("#transcript", VerticalScroll).anchor()
            self.mark_undone(self.walk.depth)
            self.say(S.chat_went_back, "note")
            self.show_step()
            self.taken_back, self.undo_depth = last, len(self.walk.moves)
            self.refresh_footer()

    def action_undo(self) -> None:
        """Put back the answer the last Back took away."""
        move, self.taken_back = self.taken_back, None
        if move is not None and replay_one(self.walk, move):
            self.say(S.chat_undone.format(answer=move.label or move.value), "note")
            self.show_step()

    def action_restart(self) -> None:
        """Start again, after asking: nothing a person did is lost by one key."""
        if not self.walk.moves:
            self.restart_now()  # nothing answered, nothing to lose: a fresh clock at most
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.restart_now()

        dialog = ConfirmScreen(S.restart_title, S.restart_detail, S.restart_yes, S.restart_no)
        self.app.push_screen(dialog, answered)

    def restart_now(self) -> None:
        self.walk.restart()
        self.clear_transcript()
        self.show_step()

    def action_question_help(self) -> None:
        """The current question's help, as a note in the transcript."""
        help_text = self.walk.why().help
        self.say(help_text or S.chat_no_help, "note")

    def action_why(self) -> None:
        self.app.push_screen(WhyScreen(self.walk.why()))

    def warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=10, markup=False)

    def action_note(self) -> None:
        """A private note on this walk, kept with it in the history."""
        recorder = self.walk.listener
        if not isinstance(recorder, Recorder) or recorder.session_id is None or not self.store:
            return
        store, session_id = self.store, recorder.session_id

        def keep(note: str | None) -> None:
            if note is not None:
                store.set_note(session_id, note)
                self.notify(S.chat_note_saved, markup=False)

        self.app.push_screen(NoteScreen(store.session(session_id).note), keep)

    def action_copy(self) -> None:
        """Copy the words to use, and show them to select or save."""
        self.app.push_screen(WordsScreen(self.query(OutcomeCard).last().words))

    def shortcut(self, character: str) -> bool:
        """A character typed on an empty answer box, or with the answers focused: True
        when it acted (an answer's number or key, `!`, `?`, space when presenting)."""
        command = app_command(character)
        if command is Command.EMERGENCY:
            self.action_emergency()
            return True
        if command is Command.HELP:
            self.action_keys()
            return True
        step = self.walk.current
        if not isinstance(step, Question):
            return False
        if character == " " and self.presenting:
            self.action_reveal()
            return True
        choices = self.query_one(Choices)
        if character.isdigit() and character != "0":
            choices.pick_number(int(character))  # a number no answer has (yet) does nothing
            return True
        return choices.pick_key(character)

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the answers (not the box) have the focus: the person
        has started to write, so it goes into the box (the chat-app convention)."""
        box = self.query_one("#free-text", AnswerInput)
        character = event.character
        if box.has_focus or not box.display or character is None or not event.is_printable:
            return
        event.stop()
        if box.value or not self.shortcut(character):
            box.focus()
            box.insert_text_at_cursor(character)

    def focus_step(self) -> None:
        """Where the keyboard starts at each step: the answer box wherever there is one,
        the timer's Start for a wait, the transcript at an outcome (so the arrows and
        PageUp/PageDown scroll the card; Tab reaches its actions), the action rows otherwise."""
        if self.walk.finished:
            self.query_one("#transcript", VerticalScroll).focus()
        elif isinstance(self.walk.current, (Question, InputNode)):
            self.query_one("#free-text", Input).focus()
        elif self.countdown is not None:
            self.countdown.focus_start()
        else:
            self.query_one(Choices).focus()

    def action_focus_choices(self) -> None:
        """After words that matched nothing: the box stays ready for another try."""
        self.focus_step()

    def action_clear_box(self) -> None:
        """Escape: empty the answer box (a dialog or the palette closes on its own)."""
        box = self.query_one("#free-text", Input)
        if box.display:
            box.value = ""
            box.focus()

    def action_cursor(self, direction: str) -> None:
        """↑ ↓ from the answer box move through the answers; Enter on an empty box picks."""
        choices = self.query_one(Choices)
        if choices.display and choices.option_count:
            getattr(choices, f"action_cursor_{direction}")()

    def action_space(self) -> None:
        """Space starts a countdown, or (presenting) shows the next answer."""
        if self.countdown is not None:
            self.countdown.start()
        else:
            self.action_reveal()

    def action_timer(self, what: str) -> None:
        countdown = self.countdown
        if countdown is not None:
            {"start": countdown.start, "snooze": countdown.snooze, "skip": countdown.skip}[what]()

    def action_flows(self) -> None:
        """Open the flow picker; a flow picked there starts a new walk here."""
        self.app.push_screen(PickerScreen(self.walk.flow.path), self.open_flow)

    def open_flow(self, path: Path | None) -> None:
        if path is None:
            return
        library = scan([path])
        try:
            flow = open_flow(path, library)
        except FlowOpenError as exc:
            self.notify(str(exc), title=S.chat_cannot_open, severity="error", markup=False)
            return
        self.walk = Walk(flow, library.resolver())
        if self.store is not None:
            start_saving(self.walk, self.store, self.warn)
        self.title = flow.title
        self.restart_now()  # the walk left is saved as it stands; this one starts afresh

    def action_map(self) -> None:
        """The whole flow as a tree; picking a step starts the walk from there."""
        flow = self.walk.current_flow
        current = self.walk.path()[-1][1]
        shown = MapScreen(flow, current, self.taken(flow), self.walk.resolve)
        self.app.push_screen(shown, self.start_from)

    def taken(self, flow: Flow) -> Trail:
        """The ways the walk so far took through `flow` (the answers given, the routes'
        branches), for the map to tick."""
        return trail_of(self.walk, flow)

    def start_from(self, node_id: str | None) -> None:
        """Begin a walk at `node_id`, asking first for the facts its branch depends on."""
        if node_id is None:
            return
        flow = self.walk.current_flow
        needed = needed_facts(flow, node_id)

        def begin(facts: dict[str, str] | None) -> None:
            if facts is None:
                return
            # A walk begun part-way is a demonstration: it is not saved.
            self.walk = Walk(flow, self.walk.resolve, start=node_id, given=facts)
            self.clear_transcript()
            words = step_words(flow.nodes[node_id])
            self.say(S.chat_started_from_map.format(node=words), "note")
            self.show_step()

        if needed:
            self.app.push_screen(FactsScreen(flow, node_id, needed), begin)
        else:
            begin({})

    def action_keys(self) -> None:
        self.app.push_screen(KeysScreen(self.active_bindings))

    def action_all(self) -> None:
        """Back from "did you mean" to every answer of the question."""
        self.show_choices_again()

    def show_choices_again(self) -> None:
        step = self.walk.current
        if isinstance(step, Question):
            self.revealed = len(step.choices)
            self.offer_revealed(step)


def _stamp(path: Path) -> tuple[float, int] | None:
    """When a file last changed, and its size; None while it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime, info.st_size


SHOWN_AT_MOST = 300
"""Characters of a refused answer echoed back: a pasted megabyte is not laid out."""


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN_AT_MOST else text[:SHOWN_AT_MOST] + "…"
