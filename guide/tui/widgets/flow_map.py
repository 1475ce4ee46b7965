"""The whole flow as a tree: questions, their answers, and where each leads."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from guide.flow.conditions import describe
from guide.flow.engine import asked_text
from guide.flow.model import Ask, Flow, Node, Outcome, Route, Target, successors
from guide.strings import S

KIND = {
    "Ask": "?",
    "Say": "i",
    "Wait": "⏱",
    "Input": "✎",
    "Route": "⑂",
    "Goto": "→",
    "Compute": "=",
    "Outcome": "★",
}


class FlowMap(Tree[str]):
    """Each node once, where it is first reached from `start` (then the escape's
    branch); later mentions are leaves that say so. The current node is marked ●
    and the path taken ✓: marks, not colour, carry the meaning. Data: node ids."""

    def __init__(self, flow: Flow, id: str | None = None) -> None:
        super().__init__(Text(flow.title), id=id)
        self.flow = flow
        self.current: str | None = None
        self.taken: set[str] = set()
        self.placed: dict[str, tuple[TreeNode[str], str]] = {}
        """Tree node and the answer that leads to it, by flow node id."""

    def on_mount(self) -> None:
        self.build()

    def build(self) -> None:
        self.clear()
        self.placed = {}
        self.root.expand()
        roots = [(self.flow.start, "")]
        roots += [(o.next.node, "! ") for o in self.flow.escape if o.next.flow is None]
        for node_id, lead in roots:
            if node_id in self.flow.nodes and node_id not in self.placed:
                self._place(self.root, node_id, lead)

    def _place(self, parent: TreeNode[str], node_id: str, lead: str) -> None:
        stack: list[tuple[TreeNode[str], Target, str]] = [(parent, Target(node_id), lead)]
        while stack:
            under, target, via = stack.pop()
            if target.flow and target.flow != self.flow.id:  # a link: a leaf, in its place
                under.add_leaf(Text(f"{via}{target.flow}: {target.node}"))
                continue
            current = target.node
            if current not in self.flow.nodes:
                continue
            if current in self.placed:
                shown = f"{via}↪ {current} {S.map_shown_above}"
                under.add_leaf(Text(shown, style="dim"), data=current)
                continue
            node = self.flow.nodes[current]
            branch = under.add(self._label(node, via), data=current, expand=True)
            self.placed[current] = (branch, via)
            for label, edge in reversed(_edges(node)):  # reversed: the stack gives them in order
                stack.append((branch, edge, f"{label} → " if label else ""))

    def _label(self, node: Node, via: str) -> Text:
        mark = "● " if node.id == self.current else "✓ " if node.id in self.taken else ""
        text = node.title if isinstance(node, Outcome) else asked_text(node)
        style = "bold reverse" if node.id == self.current else ""
        return Text(f"{mark}{via}{KIND[type(node).__name__]} {text}", style=style)

    def show_walk(self, current: str, taken: set[str]) -> None:
        """Mark where the walk is and where it has been; bring the current node into view."""
        self.current, self.taken = current, taken
        for node_id, (tree_node, via) in self.placed.items():
            tree_node.set_label(self._label(self.flow.nodes[node_id], via))
        here = self.placed.get(current)
        if here is not None:
            self.move_cursor(here[0])
            self.scroll_to_node(here[0], animate=False)


def _edges(node: Node) -> list[tuple[str, Target]]:
    if isinstance(node, Ask):
        return [(o.label, o.next) for o in node.options]
    if isinstance(node, Route):
        return [(describe(b.when) if b.when else S.map_otherwise, b.next) for b in node.branches]
    return [("", t) for t in successors(node)]
