"""`input` steps: typed values, checked against the step's type and bounds."""

from __future__ import annotations

import pytest

from guide.flow.model import Flow, Input

from .conftest import Chat, ChatFactory, fixture_flow

ASKED = "How many minutes ago did the call end?"


async def clear(c: Chat) -> None:
    await c.press(*["backspace"] * len(c.free_text.value))
    assert c.free_text.value == ""


async def test_input_step_focuses_the_text_line(chat: ChatFactory) -> None:
    """An input step asks its question and puts the cursor in the text line; a required
    value offers no "Skip" row."""
    async with chat(fixture_flow("number")) as c:
        assert c.asked() == [ASKED]
        assert c.app.focused is c.free_text
        assert c.free_text.display
        assert c.labels() == []


@pytest.mark.parametrize(
    ("typed", "warning"),
    [
        # not a number at all
        ("abc", "Please type a whole number, such as 42"),
        # a number, but not a whole one
        ("2.5", "Please type a whole number, such as 42"),
        # above `max: 60`
        ("99", "Please type a number of at most 60"),
        # below `min: 1`
        ("0", "Please type a number of at least 1"),
    ],
)
async def test_bad_value_warns_and_stays(chat: ChatFactory, typed: str, warning: str) -> None:
    """A value that does not fit: a warning notification, no answer bubble, the same step,
    and what was typed is kept so it can be corrected."""
    async with chat(fixture_flow("number")) as c:
        await c.enter_value(typed)
        assert c.said("warning") == [warning]
        assert c.bubbles() == [f"Guide  {ASKED}"]
        assert isinstance(c.walk.current, Input)
        assert c.free_text.value == typed
        assert c.app.focused is c.free_text


async def test_required_value_cannot_be_empty(chat: ChatFactory) -> None:
    """Enter on an empty required value asks for an answer and stays."""
    async with chat(fixture_flow("number")) as c:
        await c.enter_value("")
        assert c.said("warning") == ["Please type an answer"]
        assert isinstance(c.walk.current, Input)


async def test_good_value_after_a_bad_one(chat: ChatFactory) -> None:
    """After the warning, correcting the value to "15" goes on to the outcome."""
    async with chat(fixture_flow("number")) as c:
        await c.enter_value("abc")
        await clear(c)
        await c.enter_value("15")
        assert c.bubbles()[-1] == "You  15"
        assert c.walk.facts["minutes"] == "15"
        assert "Call them back" in c.card_text("title")
        assert not c.free_text.display


async def test_optional_value_can_be_skipped_with_the_row(chat: ChatFactory, hang_up: Flow) -> None:
    """At an optional name step, the "Skip this" row leaves it empty and goes on."""
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")
        assert c.labels() == ["Skip this"]
        c.choices.focus()
        await c.press("enter")
        assert "Send a short message instead" in c.card_text("title")
        assert c.card_text("text").startswith("Hi there,")


async def test_escape_clears_a_name_step_and_ctrl_b_goes_back(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """At a name step the letters (b and r too) go into the text line; Escape empties it,
    and Ctrl+B goes back from inside it."""
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")
        assert c.asked()[-1] == "What do you call them? (Their first name, or Mum, Grandad...)"
        await c.type("bree r")
        assert c.free_text.value == "bree r"
        assert c.asked()[-1] == "What do you call them? (Their first name, or Mum, Grandad...)"
        await c.press("escape")
        assert c.free_text.value == ""
        assert c.app.focused is c.free_text
        await c.press("ctrl+b")
        assert c.free_text.value == ""
        assert c.asked()[-1] == "Can you call them back now?"
