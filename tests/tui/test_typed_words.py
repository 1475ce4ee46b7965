"""Typed words in the app (issue 17): one closest answer is asked about as a yes/no
question; "y" takes it, "n" shows every answer again."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.flow.loader import read_flow
from guide.flow.model import Flow

from .conftest import ChatFactory

SIGNAL = "The signal went"
ONE = f"Did you mean: {SIGNAL}? (y/n)"


@pytest.fixture
def typed() -> Flow:
    loaded = read_flow(Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "typed.yaml")
    assert loaded.flow is not None
    return loaded.flow


async def test_one_closest_answer_is_a_yes_no_question_y_takes(
    chat: ChatFactory, typed: Flow
) -> None:
    async with chat(typed) as c:
        await c.say_in_words("it just went quiet")
        assert ONE in c.bubbles()[-1]
        assert c.labels() == [SIGNAL, "None of these: show all answers"]
        assert c.walk.depth == 0
        await c.say_in_words("y")
        assert c.bubbles()[-1] == f"You  y  →  {SIGNAL}"  # then the advice
        assert [m.label for m in c.walk.moves] == [SIGNAL]


async def test_n_shows_every_answer_again(chat: ChatFactory, typed: Flow) -> None:
    async with chat(typed) as c:
        await c.say_in_words("it just went quiet")
        await c.say_in_words("n")
        assert "Then type the number of the answer you meant" in c.bubbles()[-1]
        assert c.labels() == [SIGNAL, "They were angry", "This could be an emergency"]
        assert c.walk.depth == 0
