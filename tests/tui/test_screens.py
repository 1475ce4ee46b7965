"""The dialogs over the chat: why, keys, the flow picker, and the command palette."""

from __future__ import annotations

from textual.command import CommandList
from textual.widgets import OptionList

from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.keys import KeysScreen
from guide.faces.tui.screens.picker import PickerScreen
from guide.faces.tui.screens.why import WhyScreen
from guide.faces.tui.widgets.countdown import Countdown
from guide.flow.model import Flow
from guide.library.flows import bundled_flows

from .conftest import FIXTURES, ChatFactory, fixture_flow

ANGER = "They ended it on purpose, in anger or mid-argument"
FAMILY = "Family: a parent, child, brother or sister, or another relative"


async def test_why_lists_the_answers_so_far(chat: ChatFactory, hang_up: Flow) -> None:
    """Two answers in, "w" opens "Why am I asked this?" with the current question's help
    and each question with the answer given; Escape goes back to the chat."""
    async with chat(hang_up) as c:
        await c.press("enter", "2", "1")
        await c.press("ctrl+y")
        assert isinstance(c.app.screen, WhyScreen)
        shown = c.statics()
        assert shown[0] == "Why am I asked this?"
        assert any(line.startswith("So the advice starts from where you are") for line in shown)
        assert f"• Do you know why the call ended?  →  {ANGER}" in shown
        assert f"• Who was on the other end?  →  {FAMILY}" in shown
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)
        # Closing the dialog changed nothing in the walk.
        assert c.asked()[-1] == "Since the call ended, what have you tried?"


async def test_why_at_the_first_question(chat: ChatFactory, hang_up: Flow) -> None:
    """Before any answer, "w" says nothing is decided yet."""
    async with chat(hang_up) as c:
        await c.press("ctrl+y")
        assert isinstance(c.app.screen, WhyScreen)
        assert "This is the first question: nothing is decided yet." in c.statics()
        await c.press("enter")
        assert isinstance(c.app.screen, ChatScreen)


async def test_keys_lists_the_actions(chat: ChatFactory, hang_up: Flow) -> None:
    """ "?" opens the keys dialog: Emergency, Back, Restart, Why, Flows, each with its key,
    and the keys that always work; Escape closes it."""
    async with chat(hang_up) as c:
        await c.press("enter")  # one step in, so Back is on offer
        await c.press("question_mark")
        assert isinstance(c.app.screen, KeysScreen)
        rows = [" ".join(line.split()) for line in c.statics()]
        # Footer keys and those kept out of the footer for room alike; letters type.
        for row in [
            "! Ctrl+E Emergency",
            "Ctrl+B Back",
            "Ctrl+R Restart",
            "Ctrl+Y Why",
            "Ctrl+O Flows",
            "Ctrl+T Map",
            "F5 Presenter mode",
            "? F1 Keys",
            "letters always go into the answer box as words; Enter to answer",
        ]:
            assert row in rows
        assert any(row.startswith("1 … 9") for row in rows)
        assert any(row.startswith("Ctrl+P") for row in rows)
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)


async def test_picker_lists_the_bundled_flows(chat: ChatFactory, hang_up: Flow) -> None:
    """ "f" opens the flow picker with every bundled flow by title; Escape closes it and
    the walk goes on where it was."""
    async with chat(hang_up) as c:
        await c.press("enter", "2")
        await c.press("ctrl+o")
        assert isinstance(c.app.screen, PickerScreen)
        flows = c.app.screen.query_one("#flow-list", OptionList)
        assert flows.option_count == len(bundled_flows())
        first = str(flows.get_option_at_index(0).prompt)
        assert first.startswith("Someone hung up on me  (hang-up)")
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)
        assert c.walk.depth == 2
        assert c.asked()[-1] == "Who was on the other end?"


async def test_picker_starts_a_new_walk(chat: ChatFactory) -> None:
    """Running a flow from a file (here one that starts with a countdown), "f" lists the
    bundled flows and that file; Enter on "Someone hung up on me" starts a fresh walk of it
    and the countdown goes away."""
    async with chat(fixture_flow("wait")) as c:
        assert c.asked() == ["Give them a second to ring back."]
        assert c.app.screen.query(Countdown)
        await c.press("ctrl+o")
        picker = c.app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.entries[-1].path.resolve() == (FIXTURES / "wait.yaml").resolve()
        flows = picker.query_one("#flow-list", OptionList)
        assert str(flows.get_option_at_index(flows.option_count - 1).prompt).startswith(
            "A short wait  (tui-wait)"
        )
        assert c.app.focused is flows
        assert flows.highlighted == 0
        await c.press("enter")
        assert isinstance(c.app.screen, ChatScreen)
        assert c.walk.flow.id == "hang-up"
        assert c.screen.title == "Someone hung up on me"
        assert c.asked() == [
            "Take one slow breath. A few short questions, and you will have one clear next step."
        ]
        assert c.labels() == ["Continue"]
        assert not c.app.screen.query(Countdown)
        assert c.choices.display


async def test_palette_runs_emergency(chat: ChatFactory, hang_up: Flow) -> None:
    """Ctrl+P, type "Emergency", Enter: the emergency card, as with "!"."""
    async with chat(hang_up) as c:
        await c.press("enter", "2")
        await c.pick_command("Emergency")
        await c.until(lambda: isinstance(c.app.screen, ChatScreen) and c.walk.finished)
        assert c.card().has_class("-emergency")
        assert "Treat this as an emergency" in c.card_text("title")


async def test_palette_offers_only_what_applies(chat: ChatFactory, hang_up: Flow) -> None:
    """At the first step, Ctrl+P lists Emergency, Restart, Keys and Open another flow, but
    not Back (nothing to undo) or Copy (no outcome yet)."""
    async with chat(hang_up) as c:
        await c.press("ctrl+p")
        palette = c.app.screen
        commands = palette.query_one(CommandList)
        await c.until(lambda: palette.has_class("-ready"))  # every command gathered
        titles = {
            str(commands.get_option_at_index(i).prompt).splitlines()[0]
            for i in range(commands.option_count)
        }
        assert {"Emergency", "Restart", "Keys", "Open another flow"} <= titles
        assert "Back" not in titles
        assert "Copy the words to use" not in titles
