"""The chat's actions on the walk: the emergency exit, back and undo, start again,
the question's help and "why", a note, and copying the words at an outcome; and
which of them can be used at the current step (`check_action`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from guide.faces.tui.screens.chat_keys import ChatKeys
from guide.faces.tui.widgets.outcome_card import OutcomeCard
from guide.flow.model import Wait
from guide.flow.steps import Advice, Move
from guide.i18n.strings import S
from guide.i18n.wording import answer_words

if TYPE_CHECKING:
    from guide.history.recorder import Recorder


class WalkActions(ChatKeys):
    """The part of `ChatScreen` that carries out its actions."""

    taken_back: Move | None
    """The answer the last Back took away, until Ctrl+Z puts it back or the walk moves."""
    undo_depth: int
    """How many moves the walk had just after that Back."""

    def recorder(self) -> Recorder | None:
        """The walk's recorder, when it is being saved (only then is its module imported:
        a walk that keeps nothing starts without the store)."""
        if self.walk.listener is None:
            return None
        from guide.history.recorder import Recorder

        return self.walk.listener if isinstance(self.walk.listener, Recorder) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = self.walk.current
        if action == "copy":
            return isinstance(step, Advice) and bool(step.text or step.script)
        if action == "note":
            recorder = self.recorder()
            return (
                isinstance(step, Advice)
                and recorder is not None
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

    def action_emergency(self) -> None:
        """Jump to the emergency exit from anywhere in the walk."""
        if self.walk.flow.escape:
            self.say(self.walk.current_flow.escape[0].label, "person")
            self.walk.escape()
            self.show_step()

    def action_back(self) -> None:
        """Back one step; Ctrl+Z puts the answer back until the walk moves on."""
        moves = self.walk.moves
        if self.walk.back():
            self.show_went_back(moves[-1])

    def show_went_back(self, undone: Move) -> None:
        """After Back: what was said since is struck through, the step is asked again,
        and Ctrl+Z can put `undone` back."""
        transcript = self.transcript_view
        transcript.anchor()
        transcript.mark_undone(self.walk.depth)
        self.say(S.chat_went_back, "note")
        self.show_step()
        self.taken_back, self.undo_depth = undone, len(self.walk.moves)
        self.refresh_bindings()  # the footer shows what changed, in place

    def action_undo(self) -> None:
        """Put back the answer the last Back took away."""
        from guide.history.recorder import replay_one

        move, self.taken_back = self.taken_back, None
        if move is not None and replay_one(self.walk, move):
            self.say(S.chat_undone.format(answer=answer_words(move.label) or move.value), "note")
            self.show_step()

    def action_restart(self) -> None:
        """Start again, after asking: nothing a person did is lost by one key."""
        if not self.walk.moves:
            self.restart_now()  # nothing answered, nothing to lose: a fresh clock at most
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.restart_now()

        from guide.faces.tui.screens.confirm import ConfirmScreen  # dialogs: when first asked

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
        from guide.faces.tui.screens.why import WhyScreen

        self.app.push_screen(WhyScreen(self.walk.why()))

    def warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=10, markup=False)

    def action_note(self) -> None:
        """A private note on this walk, kept with it in the history."""
        recorder = self.recorder()
        if recorder is None or recorder.session_id is None or not self.store:
            return
        store, session_id = self.store, recorder.session_id

        def keep(note: str | None) -> None:
            if note is not None:
                store.set_note(session_id, note)
                self.notify(S.chat_note_saved, markup=False)

        from guide.faces.tui.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(store.session(session_id).note), keep)

    def action_copy(self) -> None:
        """Copy the words to use, and show them to select or save."""
        from guide.faces.tui.screens.words import WordsScreen

        self.app.push_screen(WordsScreen(self.query(OutcomeCard).last().words))
