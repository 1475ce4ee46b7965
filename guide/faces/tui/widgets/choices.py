"""The answers on offer, as a keyboard- and mouse-friendly list."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from guide.faces.tui.widgets.hanging import Hanging
from guide.flow.match import Choice

KEPT_PROMPTS = 64
"""Prompts kept for answers offered again: a few questions' worth."""


class Choices(OptionList):
    """Numbered answers; Enter or a click picks one and posts `Choices.Picked`. A long
    answer wraps under its own words, not under its number (`Hanging`).

    Besides `Choice`s from the walk it can hold plain actions (continue, start
    again), which post `Choices.Acted` with the action's name.

    Each message says which offer it was picked from (`offer`): keys typed fast can
    pick twice before the first pick has moved the walk on, and a pick from an offer
    that has since been replaced must be ignored (`Choices.current`).
    """

    @dataclass
    class Picked(Message):
        """The person picked one of the walk's choices."""

        choice: Choice
        offer: int

    @dataclass
    class Acted(Message):
        """The person picked an action such as "continue" or "restart"."""

        action: str
        offer: int

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[Choice | str] = []
        self.offers = 0
        """How many offers were made; the number of the one showing now."""
        self._prompts: dict[tuple[str | None, str], Hanging] = {}
        """Each answer's prompt, kept so an answer offered again is not wrapped again."""

    def offer(self, choices: tuple[Choice, ...], actions: tuple[tuple[str, str], ...] = ()) -> None:
        """Show these choices, then these (action, label) pairs."""
        self.clear_options()
        self.offers += 1
        self._items = [*choices, *(name for name, _ in actions)]
        rows: list[tuple[str | None, str]] = [(c.handle, c.option.label) for c in choices]
        rows += [(None, label) for _, label in actions]
        self.add_options([Option(self._prompt(handle, label)) for handle, label in rows])
        # A question starts with nothing highlighted, so an Enter meant for the last
        # answer (a number, then Enter, out of habit) cannot pick one here too; ↓ or
        # ↑ highlights one. Actions alone (continue, start again) start on the first.
        self.highlighted = 0 if rows and not choices else None

    def _prompt(self, handle: str | None, label: str) -> Hanging:
        """An answer's number (or key) and words; an action's "▸" and words."""
        prompt = self._prompts.get((handle, label))
        if prompt is None:
            if len(self._prompts) >= KEPT_PROMPTS:
                self._prompts.clear()
            head = (
                Content.assemble(Content.styled(f" {handle} ", "bold reverse"), "  ")
                if handle is not None
                else Content(" ▸   ")
            )
            prompt = self._prompts[handle, label] = Hanging(head, label)
        return prompt

    def pick_number(self, number: int) -> bool:
        """Pick the choice with this number; False when there is none."""
        for item in self._items:
            if not isinstance(item, str) and item.number == number:
                self.post_message(self.Picked(item, self.offers))
                return True
        return False

    def pick_key(self, character: str) -> bool:
        """Pick the choice whose own key (`key:` in the flow) is this character."""
        for item in self._items:
            if not isinstance(item, str) and item.key is not None and item.key == character:
                self.post_message(self.Picked(item, self.offers))
                return True
        return False

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._items[event.option_index]
        message = self.Acted if isinstance(item, str) else self.Picked
        self.post_message(message(item, self.offers))  # type: ignore[arg-type]  # item matches the message chosen just above

    def current(self, message: Picked | Acted) -> bool:
        """True when the message was picked from the offer showing now."""
        return message.offer == self.offers
