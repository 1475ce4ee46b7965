"""Flow text and typed text that look like markup are shown as they are, never parsed.

The fixture flow puts `[bold]x[/bold]`, `[/]`, `[@click=app.quit]x[/]` and
`50% [done]` in every place the app shows flow text (PITFALLS: Textual parses
markup in Static, Option and notify by default, and `[/]` crashes the app).
"""

from __future__ import annotations

from textual import events

from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.why import WhyScreen
from guide.flow.model import Flow

from .conftest import Chat, ChatFactory, fixture_flow

QUESTION = "Is [bold]x[/bold] bold, does [/] close, and is 50% [done] done?"
LABELS = ["[bold]x[/bold]", "[/]", "[@click=app.quit]x[/]", "50% [done]"]


async def paste(c: Chat, text: str) -> None:
    """Paste into the text line, as a terminal does (it keeps escape characters)."""
    c.free_text.focus()
    c.free_text.post_message(events.Paste(text))
    await c.pilot.pause()


async def test_question_and_answers_show_literally(chat: ChatFactory) -> None:
    """The question bubble, every answer row and the title show the brackets as typed."""
    async with chat(fixture_flow("markup")) as c:
        assert c.bubbles() == [f"Guide  {QUESTION}"]
        assert c.labels() == [*LABELS, "This could be an emergency [/]"]
        assert c.screen.title == "Markup [b]stays[/b] text"


async def test_picking_a_markup_answer(chat: ChatFactory) -> None:
    """Picking each kind of answer shows its label literally; the card, "why" and the
    copied message keep their brackets too."""
    async with chat(fixture_flow("markup")) as c:
        await c.press("3")
        assert c.bubbles()[-1] == "You  [@click=app.quit]x[/]"
        assert c.card_text("title") == "NEXT STEP  [bold]Done[/bold] [/]"
        assert c.card_text("steps") == "1. [@click=app.quit]x[/]\n2. 50% [done]"
        assert c.card_text("why") == "Why  [/] because [$accent]."
        assert c.card_text("text") == "Send [b]this[/b] [/] as it is."
        assert c.card_text("source") == "Source: “Notes [i]for[/i] tests”, section “[i]One[/i]”"
        # Clicking the text that looks like an action link runs nothing.
        await c.pilot.click("#outcome-steps", offset=(4, 0))
        await c.pilot.pause()
        assert c.app.is_running
        await c.press("c")
        assert c.app.clipboard == "Send [b]this[/b] [/] as it is."
        assert "Send [b]this[/b] [/] as it is." in c.statics()  # the words dialog
        await c.press("escape", "ctrl+y")
        assert isinstance(c.app.screen, WhyScreen)
        assert f"• {QUESTION}  →  [@click=app.quit]x[/]" in c.statics()


async def test_clicking_a_markup_answer(chat: ChatFactory) -> None:
    """Clicking the `[@click=app.quit]x[/]` row picks it and does not quit."""
    async with chat(fixture_flow("markup")) as c:
        assert await c.pilot.click("#choices", offset=(10, 2))
        await c.pilot.pause()
        assert c.app.is_running
        assert "You  [@click=app.quit]x[/]" in c.bubbles()


async def test_help_and_why_show_literally(chat: ChatFactory) -> None:
    """ "h" and "w" show the help text with its brackets."""
    async with chat(fixture_flow("markup")) as c:
        await c.press("ctrl+g")
        assert c.last_bubble() == "Help with [@click=app.quit]x[/] in it."
        await c.press("ctrl+y")
        assert "Help with [@click=app.quit]x[/] in it." in c.statics()
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)


async def test_typed_markup_shows_literally(chat: ChatFactory) -> None:
    """Typing "[red]hi" that matches nothing: the bubble shows "[red]hi" as typed."""
    async with chat(fixture_flow("markup")) as c:
        await c.say_in_words("[red]hi")
        assert "You  [red]hi" in c.bubbles()
        assert c.app.is_running


async def test_pasted_escape_codes_are_removed(chat: ChatFactory) -> None:
    """Pasting text with terminal escape codes (a colour, a window title) shows only the
    words: no ESC or BEL reaches a bubble."""
    async with chat(fixture_flow("markup")) as c:
        await paste(c, "\x1b[31mhi there\x1b]0;pwned\x07")
        await c.press("enter")
        person = [b for b in c.bubbles() if b.startswith("You")]
        assert person == ["You  hi there"]
        assert not any("\x1b" in b or "\x07" in b for b in c.bubbles())


async def test_pasted_name_with_markup_and_escape(chat: ChatFactory, hang_up: Flow) -> None:
    """A name pasted with markup and an escape code: the bubble, the card's message and the
    copied text keep the brackets and lose the escape."""
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")  # rushed friend, a call would feel wrong
        assert c.asked()[-1] == "What do you call them? (Their first name, or Mum, Grandad...)"
        await paste(c, "\x1b[31m[b]Sam[/b]")
        await c.press("enter")
        assert c.bubbles()[-1] == "You  [b]Sam[/b]"
        assert c.card_text("text").startswith("Hi [b]Sam[/b], sorry our call")
        await c.press("c")
        assert c.app.clipboard.startswith("Hi [b]Sam[/b], sorry our call")
        assert "\x1b" not in c.app.clipboard
