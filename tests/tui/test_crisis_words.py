"""Crisis words typed in the app go straight to the emergency advice.

The text is put into the answer line directly (focus it, set it, Enter), so the
tests do not depend on which keys open the line.
"""

from __future__ import annotations

from guide.flow.model import Flow
from guide.i18n.strings import S

from .conftest import Chat, ChatFactory

EMERGENCY = "Treat this as an emergency"


async def type_answer(c: Chat, text: str) -> None:
    """Put `text` in the answer line and press Enter, as a person typing would."""
    c.free_text.focus()
    await c.pilot.pause()
    c.free_text.value = text
    await c.press("enter")


def _no_did_you_mean(c: Chat) -> None:
    shown = "\n".join(c.bubbles())
    assert S.chat_not_sure not in shown
    assert S.chat_no_match not in shown


async def test_a_crisis_sentence_at_a_question(chat: ChatFactory, hang_up: Flow) -> None:
    """At the first question, "he was crying and said he cant go on" shows the person's
    words, one calm line, then the emergency card with the crisis lines."""
    async with chat(hang_up) as c:
        await c.press("enter")  # past the first `say`
        await type_answer(c, "he was crying and said he cant go on")
        assert EMERGENCY in c.card_text("title")
        assert c.card().has_class("-emergency")
        bubbles = c.bubbles()
        assert any("he was crying and said he cant go on" in b for b in bubbles)
        assert any(S.reply_urgent in b for b in bubbles)
        assert "988" in c.card_text("steps")
        _no_did_you_mean(c)


async def test_a_crisis_sentence_at_a_name_prompt(chat: ChatFactory, hang_up: Flow) -> None:
    """Typed where a name is asked, "she said she took pills" is not kept as a name:
    the walk goes to the emergency card."""
    async with chat(hang_up) as c:
        await c.press("enter")
        for answer in ("3", "3", "1", "2"):  # rushed, a friend, nothing tried, no call
            await type_answer(c, answer)
        assert c.asked()[-1] == "What do you call them? (Their first name, or Mum, Grandad...)"
        await type_answer(c, "she said she took pills")
        assert EMERGENCY in c.card_text("title")
        assert "You  she said she took pills" in c.bubbles()
        assert "name" not in c.walk.facts
        _no_did_you_mean(c)


async def test_an_idiom_is_matched_as_an_answer(chat: ChatFactory, hang_up: Flow) -> None:
    """ "my battery died" is an everyday answer, not an emergency."""
    async with chat(hang_up) as c:
        await c.press("enter")
        await type_answer(c, "my battery died")
        assert c.asked()[-1] != EMERGENCY
        assert not any(S.reply_urgent in b for b in c.bubbles())
        assert c.walk.moves[-1].label.startswith("It looked like an accident")


async def test_a_long_paste_with_crisis_words_is_shown_shortened(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """Words of danger at the start of a long paste still reach the emergency card,
    and the paste is not echoed whole."""
    async with chat(hang_up) as c:
        await c.press("enter")
        await type_answer(c, "she took pills " + "and then " * 500)
        assert EMERGENCY in c.card_text("title")
        person = [b for b in c.bubbles() if b.startswith("You")]
        assert person and len(person[-1]) < 400
