"""A head and a body where the body's wrapped lines start under the body, not the head.

An answer " 2   They ended it on purpose, but not angrily (busy, rushed…)" at 60
columns used to wrap back under its number; with `Hanging` the second line starts
where the answer's words start, so each answer reads as one block.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

KEPT_RENDERS = 8
"""Renders a `Hanging` keeps (a width and style each: highlighted or not, focused or not)."""


class Hanging(Visual):
    """`head` on the first line, `body` beside it and wrapped in the columns left.

    Both are `Content`, so text from flows is never read as markup. `str()` gives
    the plain text, as a `Content` would.
    """

    def __init__(self, head: Content | str, body: Content | str) -> None:
        self.head = head if isinstance(head, Content) else Content(head)
        self.body = body if isinstance(body, Content) else Content(body)
        self._strips: dict[tuple[int, int | None, Style, Style | None], list[Strip]] = {}
        """The last few renders: wrapping is the costly part, and an answer offered
        again (after Back, say) is drawn at the same width and style."""

    def __str__(self) -> str:
        return f"{self.head.plain}{self.body.plain}"

    @property
    def plain(self) -> str:
        return str(self)

    def _indent(self, width: int) -> int:
        # On a very narrow screen the body keeps at least half the width.
        return min(self.head.cell_length, max(width // 2, 1))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if options.selection is not None:  # text selected with the mouse: drawn afresh
            return self._render(width, height, style, options)
        key = (width, height, style, options.post_style)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) >= KEPT_RENDERS:
                self._strips.clear()
            strips = self._strips[key] = self._render(width, height, style, options)
        return strips

    def _render(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        indent = self._indent(width)
        body = self.body.render_strips(max(width - indent, 1), None, style, options)
        head = self.head.render_strips(indent, 1, style, options)
        first = head[0].adjust_cell_length(indent, style.rich_style) if head else None
        blank = Strip.blank(indent, style.rich_style)
        lines = [
            Strip.join([first if n == 0 and first else blank, line]) for n, line in enumerate(body)
        ]
        if not lines and first is not None:
            lines = [first]
        return lines[:height] if height is not None else lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.head.cell_length + self.body.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.head.cell_length + 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        indent = self._indent(width)
        return max(self.body.get_height(rules, max(width - indent, 1)), 1)


class HangingRows(Visual):
    """Several `Hanging` rows one under the other (the numbered steps of an outcome)."""

    def __init__(self, rows: list[Hanging]) -> None:
        self.rows = rows

    def __str__(self) -> str:
        return "\n".join(str(row) for row in self.rows)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = [
            line for row in self.rows for line in row.render_strips(width, None, style, options)
        ]
        return lines[:height] if height is not None else lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((row.get_optimal_width(rules, container_width) for row in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(row.get_height(rules, width) for row in self.rows)
