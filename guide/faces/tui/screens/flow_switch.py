"""Putting a new walk on the chat: a flow picked in the picker (Ctrl+O), a step
picked on the map (Ctrl+T), or the flow file saved again under `--watch`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on

from guide.faces.tui.screens.presenter import PresenterMode
from guide.faces.tui.widgets.flow_watcher import FlowWatcher
from guide.flow.engine import Walk
from guide.flow.replay import replay
from guide.flow.startpoints import needed_facts
from guide.i18n.strings import S
from guide.i18n.wording import step_words
from guide.library.flows import FlowOpenError, open_flow, scan

if TYPE_CHECKING:
    from guide.faces.tui.widgets.bubble import Speaker
    from guide.history.store import Store

SHOWN_PROBLEM_LINES = 6
"""Lines of a broken flow's problems shown in the transcript on a failed reload."""


class FlowSwitching(PresenterMode):
    """The part of `ChatScreen` that replaces its walk with another."""

    store: Store | None

    if TYPE_CHECKING:  # defined in ChatScreen or its other parts

        def say(self, text: str, speaker: Speaker) -> None: ...
        def clear_transcript(self) -> None: ...
        def show_step(self) -> None: ...
        def show_answers_so_far(self, replayed_note: bool = True) -> None: ...
        def restart_now(self) -> None: ...
        def warn(self, message: str) -> None: ...

    def action_flows(self) -> None:
        """Open the flow picker; a flow picked there starts a new walk here."""
        from guide.faces.tui.screens.picker import PickerScreen  # screens: when first asked

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
            from guide.history.recorder import start_saving

            start_saving(self.walk, self.store, self.warn)
        self.title = flow.title
        self.restart_now()  # the walk left is saved as it stands; this one starts afresh

    def action_map(self) -> None:
        """The whole flow as a tree; picking a step starts the walk from there."""
        flow = self.walk.current_flow
        current = self.walk.path()[-1][1]
        from guide.faces.tui.screens.map import MapScreen

        shown = MapScreen(flow, current, self.taken(flow), self.walk.resolve)
        self.app.push_screen(shown, self.start_from)

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
            from guide.faces.tui.screens.facts import FactsScreen

            self.app.push_screen(FactsScreen(flow, node_id, needed), begin)
        else:
            begin({})

    @on(FlowWatcher.Changed)
    def reload(self, event: FlowWatcher.Changed) -> None:
        """--watch: the flow file changed; load it again and carry the walk over."""
        path = event.path
        try:
            flow = open_flow(path, scan([path]))
        except FlowOpenError as exc:
            lines = str(exc).splitlines()
            shown = "\n".join(lines[:SHOWN_PROBLEM_LINES])
            shown += "\n…" if len(lines) > SHOWN_PROBLEM_LINES else ""
            self.say(f"{S.chat_reload_failed}\n{shown}", "note")
            self.notify(shown, title=S.chat_reload_failed_title, severity="error", markup=False)
            return
        moves = self.walk.moves
        self.walk = Walk(flow, self.walk.resolve, start=self.walk.start, given=self.walk.given)
        kept = replay(self.walk, moves)
        self.clear_transcript()
        self.show_answers_so_far(replayed_note=False)
        reloaded = S.chat_reloaded.format(file=path.name, kept=kept, total=len(moves))
        self.say(reloaded, "note")
        self.show_step()
