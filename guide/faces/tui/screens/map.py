"""The map: the whole flow as a tree; Enter on a node starts the walk there."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, Tree

from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.flow_map import FlowMap
from guide.faces.tui.widgets.worded import Worded
from guide.flow.model import Flow
from guide.flow.steps import FlowResolver
from guide.flow.trail import Trail
from guide.i18n.strings import S


class MapScreen(Worded, Dialog[str | None]):
    """Returns the node id picked to start from, or None."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("escape,m,q", "close", S.key_close, id="close")]

    def __init__(
        self, flow: Flow, current: str, trail: Trail, resolve: FlowResolver | None = None
    ) -> None:
        super().__init__()
        self.flow, self.current, self.trail, self.resolve = flow, current, trail, resolve

    def compose(self) -> ComposeResult:
        with Vertical(id="map-dialog"):
            title = S.map_title.format(flow=self.flow.title)
            yield Static(Content(title), classes="dialog-title")
            yield FlowMap(self.flow, id="map", resolve=self.resolve)
            yield Static(Content(S.map_hint), classes="hint")

    def on_mount(self) -> None:
        flow_map = self.query_one(FlowMap)
        flow_map.focus()
        self.call_after_refresh(flow_map.show_walk, self.current, self.trail)

    @on(Tree.NodeSelected, "#map")
    def picked(self, event: Tree.NodeSelected[str]) -> None:
        """Start from the chosen step (not from the title or a link to another flow)."""
        node_id = event.node.data
        if node_id is not None and node_id in self.flow.nodes:
            self.dismiss(node_id)

    def action_close(self) -> None:
        self.dismiss(None)
