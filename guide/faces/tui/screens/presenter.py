"""Presenter mode for the chat (F5, or `--present`): the map beside the conversation,
and a question's answers revealed one at a time so a room can guess first."""

from __future__ import annotations

from guide.faces.tui.screens.chat_parts import ChatParts
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.flow.shown import listed, quiet_escape
from guide.flow.steps import Question
from guide.flow.trail import Trail, trail_of
from guide.i18n.strings import S

TYPE_CHECKING = False
if TYPE_CHECKING:
    from guide.faces.tui.widgets.flow_map import FlowMap


class PresenterMode(ChatParts):
    """The part of `ChatScreen` that reveals answers and keeps the side map in step."""

    walk: Walk
    presenting: bool
    """Presenter mode: the map beside the chat, answers revealed one by one."""
    revealed: int
    """In presenter mode, how many answers of the current question are shown."""

    def side_map(self) -> FlowMap:
        from guide.faces.tui.widgets.flow_map import FlowMap  # only when presenting

        return FlowMap(self.walk.current_flow, id="side-map", resolve=self.walk.resolve)

    def offer_revealed(self, step: Question) -> None:
        """The answers shown so far (all of them, unless presenting)."""
        shown = listed(step.choices, self.walk.current_flow)  # a quiet escape is not listed
        self.revealed = min(self.revealed, len(shown))
        hidden = len(shown) - self.revealed
        more = (("reveal", S.chat_reveal_row.format(hidden=hidden)),) if hidden else ()
        choices = self.choice_list
        choices.offer(shown[: self.revealed], more)
        self.escape_line.show_escape(quiet_escape(step.choices, self.walk.current_flow))
        if hidden:  # Enter on the highlighted row reveals again, until all are shown
            choices.highlighted = choices.option_count - 1

    def action_reveal(self) -> None:
        """Presenter mode: show one more answer, so the room can guess first."""
        step = self.walk.current
        if isinstance(step, Question) and self.revealed < len(step.choices):
            self.revealed += 1
            self.offer_revealed(step)

    def update_map(self) -> None:
        if not self.query("#side-map"):
            return
        from guide.faces.tui.widgets.flow_map import FlowMap

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
            self.query_one("#stage").mount(self.side_map())
        for flow_map in self.query("#side-map"):
            flow_map.display = self.presenting
        self.show_choices_again()
        if self.presenting:
            self.call_after_refresh(self.update_map)

    def taken(self, flow: Flow) -> Trail:
        """The ways the walk so far took through `flow` (the answers given, the routes'
        branches), for the map to tick."""
        return trail_of(self.walk, flow)

    def action_all(self) -> None:
        """Back from "did you mean" to every answer of the question."""
        self.show_choices_again()

    def show_choices_again(self) -> None:
        step = self.walk.current
        if isinstance(step, Question):
            self.revealed = len(step.choices)
            self.offer_revealed(step)
