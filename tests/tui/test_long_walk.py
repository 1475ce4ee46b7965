"""A long walk stays as light as a short one: the transcript keeps its last bubbles,
and the footer is not rebuilt at every step (Textual's footer does not free the keys
it replaces). `python -m benchmarks` measures the time; these tests hold the cause."""

from __future__ import annotations

import gc

from textual.widgets._footer import FooterKey

from guide.faces.tui.widgets.bubble import Bubble
from guide.faces.tui.widgets.transcript_view import MAX_BUBBLES
from guide.flow.model import Flow

from .conftest import ChatFactory


async def test_the_transcript_keeps_only_its_last_bubbles(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter")
        for _ in range(MAX_BUBBLES // 4 + 5):  # answer, back: four bubbles a round
            await c.press("1", "ctrl+b")
        await c.pilot.pause()
        bubbles = list(c.screen.query(Bubble))
        assert len(bubbles) == MAX_BUBBLES
        assert c.bubbles()[-2:] == [
            "You went back to change an answer. Ctrl+Z puts it back.",
            "Guide  Do you know why the call ended?",
        ]


def footer_keys_alive() -> int:
    gc.collect()
    return sum(isinstance(o, FooterKey) for o in gc.get_objects())


async def test_the_footer_keys_do_not_pile_up(chat: ChatFactory, hang_up: Flow) -> None:
    async with chat(hang_up) as c:
        await c.press("enter", "1", "ctrl+b")
        await c.pilot.pause()
        before = footer_keys_alive()
        for _ in range(10):
            await c.press("1", "ctrl+b")
        await c.pilot.pause()
        assert footer_keys_alive() == before
