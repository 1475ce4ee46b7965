"""The escape as a quiet line (`escape_shown: line`), through Pilot (issue 17).

The professional flows show their emergency exit as one dim line under the
answers rather than as an answer to every question; it must still be one key
(`!`, Ctrl+E) or one click away. The main flow keeps it as an answer.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from guide.flow.model import Flow
from guide.library.flows import find_flow, open_flow

from .conftest import Chat, ChatFactory

FEELING = "How are you taking the hang-up right now?"
QUIET = "! or Ctrl+E at any time: This could be an emergency"
EMERGENCY = "Treat this as an emergency"


@pytest.fixture(scope="module")
def sales() -> Flow:
    return open_flow(find_flow("sales"))


def escape_line(c: Chat) -> Static:
    return c.app.screen.query_one("#escape-line", Static)


async def at_first_question(c: Chat) -> None:
    await c.press("enter")  # past the opening `say`
    assert c.asked()[-1] == FEELING


async def test_the_escape_is_a_quiet_line_not_an_answer(chat: ChatFactory, sales: Flow) -> None:
    """Three numbered answers, no "!" row, and the dim line under them."""
    async with chat(sales) as c:
        assert not escape_line(c).display  # not on the opening `say`
        await at_first_question(c)
        assert [row.split()[0] for row in c.answers()] == ["1", "2", "3"]
        assert escape_line(c).display
        assert str(escape_line(c).render()) == QUIET


@pytest.mark.parametrize("key", ["exclamation_mark", "ctrl+e"])
async def test_its_keys_still_take_the_escape(chat: ChatFactory, sales: Flow, key: str) -> None:
    async with chat(sales) as c:
        await at_first_question(c)
        await c.press(key)
        assert c.card_text("title").endswith(EMERGENCY)
        assert not escape_line(c).display  # the outcome card has no answers under it


async def test_a_click_on_the_line_takes_the_escape(chat: ChatFactory, sales: Flow) -> None:
    async with chat(sales) as c:
        await at_first_question(c)
        assert await c.pilot.click("#escape-line")
        await c.pilot.pause()
        assert c.card_text("title").endswith(EMERGENCY)


async def test_typed_words_of_danger_still_take_it(chat: ChatFactory, sales: Flow) -> None:
    async with chat(sales) as c:
        await at_first_question(c)
        await c.say_in_words("he said he took a bunch of pills")
        assert c.card_text("title").endswith(EMERGENCY)


async def test_the_line_is_hidden_at_a_typed_value(chat: ChatFactory, sales: Flow) -> None:
    """At the prospect's name (an `input`), there are no answers to sit under."""
    async with chat(sales) as c:
        await at_first_question(c)
        for number in ("1", "1", "1"):  # fine, mid-conversation, not rung back yet
            await c.press(number)
        assert c.asked()[-1] == "What is the prospect's first name?"
        assert not escape_line(c).display


async def test_the_main_flow_keeps_the_escape_as_an_answer(
    chat: ChatFactory, hang_up: Flow
) -> None:
    async with chat(hang_up) as c:
        await c.press("enter")
        assert c.answers()[-1] == "!   This could be an emergency"
        assert not escape_line(c).display
