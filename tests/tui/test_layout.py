"""On a small terminal the question, every answer and the Emergency key stay in view."""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Footer

from guide.faces.tui.widgets.bubble import Bubble
from guide.flow.model import Flow

from .conftest import Chat, ChatFactory


def assert_in_view(c: Chat, widget: Widget) -> None:
    """The whole widget is on the screen and nothing is drawn over its first cell."""
    region = widget.region
    assert region.area > 0, f"{widget!r} takes no space"
    assert c.app.screen.region.contains_region(region), f"{widget!r} is cut off: {region}"
    drawn, _ = c.app.screen.get_widget_at(region.x, region.y)
    assert drawn is widget or widget in drawn.ancestors, f"{drawn!r} covers {widget!r}"


def footer_key(c: Chat, description: str) -> Widget:
    footer = c.app.screen.query_one(Footer)
    return next(w for w in footer.query("*") if getattr(w, "description", None) == description)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_first_question_fits(chat: ChatFactory, hang_up: Flow, size: tuple[int, int]) -> None:
    """After Continue, the first question, all five answer rows (long ones wrap, none is
    scrolled away), the text line and the footer's "! Emergency" are all on screen."""
    async with chat(hang_up, size=size) as c:
        await c.press("enter")
        question = c.app.screen.query(Bubble).last()
        assert str(question.content) == "Guide  Do you know why the call ended?"
        assert_in_view(c, question)
        transcript = c.app.screen.query_one("#transcript")
        assert transcript.region.contains_region(question.region)
        choices = c.choices
        assert choices.option_count == 5
        assert_in_view(c, choices)
        assert choices.virtual_size.height <= choices.region.height, "answers scroll out of view"
        assert_in_view(c, c.free_text)
        emergency = footer_key(c, "Emergency")
        assert_in_view(c, emergency)
        assert "Emergency" in str(emergency.render())


async def test_outcome_title_in_view_on_a_small_terminal(chat: ChatFactory, hang_up: Flow) -> None:
    """At 60 by 20 the emergency card (taller than the transcript) is scrolled so its title
    shows, and the actions below it are in view."""
    async with chat(hang_up, size=(60, 20)) as c:
        await c.press("enter", "2", "1", "exclamation_mark")
        await c.pilot.pause()
        title = c.card().query_one("#outcome-title")
        transcript = c.app.screen.query_one("#transcript")
        assert transcript.region.contains_region(title.region), (
            f"title at {title.region}, transcript shows {transcript.region}"
        )
        assert_in_view(c, c.choices)
        assert c.choices.virtual_size.height <= c.choices.region.height
