"""The chat's keyboard: every key it binds, and where a typed character goes (the
answer box, an answer's number or key, or one of the single-character actions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding, BindingType

from guide.faces.tui.screens.copying import copy_binding
from guide.faces.tui.screens.flow_switch import FlowSwitching
from guide.faces.tui.widgets.worded import Worded
from guide.flow.model import Input as InputNode
from guide.flow.reserved import Command, app_command
from guide.flow.steps import Question
from guide.i18n.strings import S

if TYPE_CHECKING:
    from guide.faces.tui.widgets.countdown import Countdown


def chat_bindings() -> list[BindingType]:
    """The chat's keys, named in the person's language (asked anew for each screen).

    Where there is an answer box, letters are words: actions are Ctrl keys, and a
    single character acts only on an empty box (`AnswerInput`). Single letters act
    only where nothing can be typed (the outcome card, a countdown)."""
    return [
        Binding("exclamation_mark", "emergency", S.key_emergency, id="emergency"),
        # Ctrl+E is the Input's "end of line"; the emergency exit wins (End still works).
        Binding("ctrl+e", "emergency", S.key_emergency, show=False, priority=True),
        Binding("ctrl+b", "back", S.key_back, id="back"),
        Binding("ctrl+z", "undo", S.key_undo, id="undo"),
        Binding("ctrl+r", "restart", S.key_restart, id="restart"),
        Binding("ctrl+y", "why", S.key_why, id="why"),
        Binding("ctrl+g", "question_help", S.key_help, id="help"),
        copy_binding(),
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


class ChatKeys(Worded, FlowSwitching):
    """The part of `ChatScreen` that turns keys into actions and places the focus."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return chat_bindings()

    countdown: Countdown | None

    if TYPE_CHECKING:  # defined in ChatScreen or its other parts

        def action_emergency(self) -> None: ...

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
        choices = self.choice_list
        if character.isdigit() and character != "0":
            choices.pick_number(int(character))  # a number no answer has (yet) does nothing
            return True
        return choices.pick_key(character)

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the answers (not the box) have the focus: the person
        has started to write, so it goes into the box (the chat-app convention)."""
        box = self.answer_box
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
            self.transcript_view.focus()
        elif isinstance(self.walk.current, (Question, InputNode)):
            self.answer_box.focus()
        elif self.countdown is not None:
            self.countdown.focus_start()
        else:
            self.choice_list.focus()

    def action_focus_choices(self) -> None:
        """After words that matched nothing: the box stays ready for another try."""
        self.focus_step()

    def action_clear_box(self) -> None:
        """Escape: empty the answer box (a dialog or the palette closes on its own)."""
        box = self.answer_box
        if box.display:
            box.value = ""
            box.focus()

    def action_cursor(self, direction: str) -> None:
        """↑ ↓ from the answer box move through the answers; Enter on an empty box picks."""
        choices = self.choice_list
        if choices.display and choices.option_count:
            getattr(choices, f"action_cursor_{direction}")()

    def action_number(self, number: int) -> None:
        self.choice_list.pick_number(number)

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

    def action_keys(self) -> None:
        from guide.faces.tui.screens.keys import KeysScreen  # when first asked

        self.app.push_screen(KeysScreen(self.active_bindings))
