"""`Hanging` keeps its last renders (an answer offered again is not wrapped again):
what it draws from its cache is what a fresh one draws."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.hanging import KEPT_RENDERS, Hanging
from guide.flow.model import Flow

from .conftest import ChatFactory

OPTIONS = RenderOptions(get_style=lambda s: s if isinstance(s, Style) else Style(), rules={})
SELECTED = RenderOptions(
    get_style=OPTIONS.get_style,
    rules={},
    selection=Selection(Offset(1, 0), Offset(6, 1)),
    selection_style=Style(reverse=True),
)
POST = RenderOptions(get_style=OPTIONS.get_style, rules={}, post_style=Style(italic=True))
STYLES = [Style(), Style(bold=True), Style(reverse=True)]
words = st.text(st.sampled_from("ab cd  é界\t-"), max_size=80)
renders = st.lists(
    st.tuples(
        st.integers(-2, 50),
        st.none() | st.integers(0, 4),
        st.sampled_from(STYLES),
        st.sampled_from([OPTIONS, SELECTED, POST]),
    ),
    min_size=1,
    max_size=3 * KEPT_RENDERS,
)


def drawn(strips: list[Strip]) -> list[tuple[int, list[Segment]]]:
    """What a terminal would be sent: each line's cells and styled text (a selection's
    highlight included)."""
    return [(strip.cell_length, list(strip)) for strip in strips]


@settings(max_examples=150, deadline=None)
@given(head=st.sampled_from(["", " 2   ", "• "]), body=words, asked=renders)
def test_a_kept_render_is_a_fresh_render(head: str, body: str, asked: list) -> None:  # type: ignore[type-arg]  # tuples drawn above
    kept = Hanging(Content.styled(head, "bold"), body)
    for width, height, style, options in asked:
        fresh = Hanging(Content.styled(head, "bold"), body)
        assert drawn(kept.render_strips(width, height, style, options)) == drawn(
            fresh.render_strips(width, height, style, options)
        )
    assert len(kept._strips) <= KEPT_RENDERS


async def test_an_answer_offered_again_keeps_its_prompt(chat: ChatFactory, hang_up: Flow) -> None:
    """Back to a question: its answers are the prompts already wrapped, not new ones."""
    async with chat(hang_up) as c:
        await c.press("enter")
        await c.pilot.pause()
        choices = c.app.screen.query_one(Choices)
        first = [choices.get_option_at_index(i).prompt for i in range(choices.option_count)]
        await c.press("2", "ctrl+b")
        await c.pilot.pause()
        again = [choices.get_option_at_index(i).prompt for i in range(choices.option_count)]
        assert c.labels() and all(a is b for a, b in zip(first, again, strict=True))
