"""The whole flow as a tree: questions, their answers, and where each leads, in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from guide.flow.model import (
    Ask,
    Compute,
    Flow,
    Goto,
    Input,
    Node,
    Outcome,
    Route,
    Say,
    Target,
    Wait,
)
from guide.flow.steps import FlowResolver
from guide.flow.trail import Trail, ways_out
from guide.i18n.strings import S
from guide.i18n.wording import condition_words, step_words

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

NO_TRAIL = Trail((), frozenset())


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the tree and what it stands for."""

    tree_node: TreeNode[str]
    way: tuple[str, int] | None
    """The way out of a step that this line follows; None for a line at the top."""
    via: str
    """The answer (or route condition) that leads here, with its arrow, or ""."""
    kind: str
    """"step" (a step, drawn here once), "again" (drawn above) or "link" (another flow)."""
    node_id: str = ""
    text: str = ""
    after: str = ""
    """A route's condition, after the step it leads to (the step matters more)."""


class FlowMap(Tree[str]):
    """Each node once, where it is first reached from `start` (then the escape's
    branch); other mentions are leaves that say so. A step the walk went through is
    drawn under the answer that was given, so the path taken reads from the top
    without a gap. The current node is marked ● and the ways taken ✓ (the answers
    given, not every answer leading to a step seen): marks, not colour, carry the
    meaning. Everything is shown in words; the data of each line is its node id."""

    def __init__(self, flow: Flow, id: str | None = None, resolve: FlowResolver | None = None):
        super().__init__(Text(flow.title), id=id)
        self.flow = flow
        self.resolve = resolve
        """Finds the flows that links lead to, to name them."""
        self.current: str | None = None
        self.trail = NO_TRAIL
        self.placed: dict[str, tuple[TreeNode[str], str]] = {}
        """Tree node and the answer that leads to it, by flow node id."""
        self.lines: list[_Line] = []
        self.preferred: dict[str, tuple[str, int]] = {}
        """The way the walk first came into each step it went through."""

    def on_mount(self) -> None:
        self.build()

    def build(self, follow_trail: bool = True) -> None:
        self.clear()
        self.placed, self.lines = {}, []
        self.preferred = self._first_ways_in() if follow_trail else {}
        self.root.expand()
        roots = [(self.flow.start, "")]
        roots += [(o.next.node, "! ") for o in self.flow.escape if o.next.flow is None]
        for node_id, lead in roots:
            if node_id in self.flow.nodes and node_id not in self.placed:
                self._place(self.root, node_id, lead)
        if follow_trail and not set(self.preferred) <= set(self.placed):
            self.build(follow_trail=False)  # a loop hid a step: draw it where first reached

    def _first_ways_in(self) -> dict[str, tuple[str, int]]:
        """The way the walk first came into each step it went through (not where it
        began or came in from elsewhere): the step is drawn there."""
        first: dict[str, tuple[str, int]] = {}
        for way in self.trail.ways:
            target = ways_out(self.flow.nodes[way[0]])[way[1]]
            if target.flow in (None, self.flow.id) and target.node not in self.trail.entered:
                first.setdefault(target.node, way)
        return first

    def _place(self, parent: TreeNode[str], node_id: str, lead: str) -> None:
        Item = tuple[TreeNode[str], Target, str, str, tuple[str, int] | None]
        stack: list[Item] = [(parent, Target(node_id), lead, "", None)]
        while stack:
            under, target, via, after, way = stack.pop()
            if target.flow and target.flow != self.flow.id:  # a link: a leaf, in its place
                words = self._link_words(target)
                self._add(_Line(under.add_leaf(""), way, via, "link", text=words, after=after))
                continue
            current = target.node
            if current not in self.flow.nodes:
                continue
            node = self.flow.nodes[current]
            if current in self.placed or self.preferred.get(current, way) != way:
                leaf = under.add_leaf("", data=current)
                self._add(_Line(leaf, way, via, "again", current, step_words(node), after))
                continue
            branch = under.add("", data=current, expand=True)
            self.placed[current] = (branch, via)
            self._add(_Line(branch, way, via, "step", current, step_words(node), after))
            edges = _edges(node, self.flow)
            for index in reversed(range(len(edges))):  # reversed: the stack gives them in order
                label, edge = edges[index]
                if isinstance(node, Route):
                    stack.append((branch, edge, "", f"  ({label})", (current, index)))
                else:
                    stack.append(
                        (branch, edge, f"{label} → " if label else "", "", (current, index))
                    )

    def _add(self, line: _Line) -> None:
        self.lines.append(line)
        line.tree_node.set_label(self._label(line))

    def _link_words(self, target: Target) -> str:
        other = self.resolve(target.flow) if self.resolve and target.flow else None
        if other is None:
            return S.map_another_guide
        node = other.nodes.get(target.node)
        return S.map_link.format(flow=other.title, step=step_words(node) if node else "")

    def _label(self, line: _Line) -> Text:
        here = line.kind == "step" and line.node_id == self.current
        taken = line.way in self.trail.ways if line.way else False
        taken |= line.kind == "step" and line.node_id in self.trail.entered
        mark = "● " if here else "✓ " if taken else ""
        if line.kind == "link":
            return Text(f"{mark}{line.via}{line.text}{line.after}")
        if line.kind == "again":
            shown = f"{mark}{line.via}↪ {line.text} {S.map_shown_above}{line.after}"
            return Text(shown, style="dim")
        node = self.flow.nodes[line.node_id]
        kind = KIND[type(node).__name__]
        shown = f"{mark}{line.via}{kind} {line.text}{line.after}"
        return Text(shown, style="bold reverse" if here else "")

    def show_walk(self, current: str, trail: Trail) -> None:
        """Mark where the walk is and the ways it took; bring the current node into view."""
        self.current, rebuild, self.trail = current, trail != self.trail, trail
        if rebuild:
            self.build()  # the steps on the path move under the answers given
        for line in self.lines:
            line.tree_node.set_label(self._label(line))
        if rebuild:  # the new lines have their places once the tree is laid out again
            self.call_after_refresh(self._bring_current_into_view)
        else:
            self._bring_current_into_view()

    def _bring_current_into_view(self) -> None:
        here = self.placed.get(self.current or "")
        if here is not None:
            self.move_cursor(here[0])
            self.scroll_to_node(here[0], animate=False)


def _edges(node: Node, flow: Flow) -> list[tuple[str, Target]]:
    """A step's ways out (in `ways_out` order) with the words that lead along each."""
    targets = ways_out(node)
    match node:
        case Ask():
            return [(o.label, t) for o, t in zip(node.options, targets, strict=True)]
        case Route():
            return [
                (
                    S.map_if.format(condition=condition_words(b.when, flow))
                    if b.when
                    else S.map_otherwise,
                    t,
                )
                for b, t in zip(node.branches, targets, strict=True)
            ]
        case Say() | Wait() | Input() | Goto() | Compute() | Outcome():
            return [("", t) for t in targets]  # their ways on need no words
        case _:
            assert_never(node)
