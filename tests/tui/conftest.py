"""Pilot helpers: run the app on a flow and read what the person sees.

`chat(flow)` starts the app through `make_app`, the factory the CLI uses, and
yields a `Chat`: the app, its pilot, the notifications it posted (caught from
the message stream, since Textual has no public list of them), and readers for
the active screen's bubbles, answers and outcome card.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widgets import Input, Static

from guide.faces import clipboard
from guide.faces.clipboard import Copied
from guide.faces.tui.app import GuideApp, make_app
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.widgets.bubble import Bubble
from guide.faces.tui.widgets.choices import Choices
from guide.faces.tui.widgets.outcome_card import OutcomeCard
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.recorder import start_saving
from guide.history.store import Store
from guide.library.flows import Library, find_flow, open_flow, resolver

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_flow(name: str) -> Flow:
    """A flow from tests/tui/fixtures/, by file stem."""
    return open_flow(FIXTURES / f"{name}.yaml")


@dataclass
class Chat:
    """The running app, and what its chat screen shows right now."""

    app: GuideApp
    pilot: Pilot[None]
    notes: list[Notification] = field(default_factory=list)
    """Every notification posted so far, oldest first."""

    # --- reading the screen ---------------------------------------------------------

    @property
    def screen(self) -> ChatScreen:
        """The chat screen, even while a dialog is open over it."""
        return next(s for s in self.app.screen_stack if isinstance(s, ChatScreen))

    @property
    def walk(self) -> Walk:
        """The walk the chat screen shows (a flow opened from the picker replaces it)."""
        return self.screen.walk

    def statics(self) -> list[str]:
        """The text of every Static on the active screen (for dialogs)."""
        return [str(s.render()) for s in self.app.screen.query(Static)]

    def bubbles(self) -> list[str]:
        """The text of every bubble in the transcript, top to bottom."""
        return [str(b.content) for b in self.app.screen.query(Bubble)]

    def bubble_widgets(self) -> list[Bubble]:
        return list(self.app.screen.query(Bubble))

    def last_bubble(self) -> str:
        return self.bubbles()[-1]

    def asked(self) -> list[str]:
        """What the guide said, in order, without the "Guide" prefix."""
        return [text.removeprefix("Guide  ") for text in self.bubbles() if text.startswith("Guide")]

    def answers(self) -> list[str]:
        """The rows of the answer list, as shown (handle and label)."""
        choices = self.app.screen.query_one(Choices)
        return [
            str(choices.get_option_at_index(i).prompt).strip() for i in range(choices.option_count)
        ]

    def labels(self) -> list[str]:
        """The answer rows without their handles (" 1 ", " ▸ ")."""
        return [row.split(None, 1)[1].strip() for row in self.answers()]

    @property
    def choices(self) -> Choices:
        return self.app.screen.query_one(Choices)

    @property
    def free_text(self) -> Input:
        return self.app.screen.query_one("#free-text", Input)

    def card(self) -> OutcomeCard:
        """The outcome card at the end of the transcript."""
        return self.app.screen.query(OutcomeCard).last()

    def card_text(self, part: str) -> str:
        """One part of the outcome card: title, steps, why, script, text or source."""
        return str(self.card().query_one(f"#outcome-{part}", Static).render())

    def said(self, severity: str | None = None) -> list[str]:
        """The messages of the notifications so far (of one severity, if given)."""
        return [n.message for n in self.notes if severity in (None, n.severity)]

    # --- acting -----------------------------------------------------------------------

    async def until(self, ready: Callable[[], bool], timeout: float = 5.0) -> None:
        """Let the app run until `ready()` holds (workers and timers need real time)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not ready():
            assert loop.time() < deadline, "the app did not get there in time"
            await self.pilot.pause(0.01)

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        """Type text key by key into whatever has focus (no Enter)."""
        await self.pilot.press(*text)

    async def pick_command(self, title: str) -> None:
        """Ctrl+P, type `title`, wait until the palette's first command is it, Enter."""
        await self.press("ctrl+p")
        assert isinstance(self.app.screen, CommandPalette)
        await self.type(title)
        commands = self.app.screen.query_one(CommandList)

        def found() -> bool:
            return commands.option_count > 0 and str(
                commands.get_option_at_index(0).prompt
            ).startswith(title)

        await self.until(found)
        await self.press("enter")

    async def say_in_words(self, text: str) -> None:
        """The text, Enter: answer in the person's own words (typing goes to the box)."""
        await self.type(text)
        await self.press("enter")

    async def enter_value(self, text: str) -> None:
        """Type a value at an `input` step (focused already) and press Enter."""
        assert self.app.focused is self.free_text, "the text line should have focus"
        await self.type(text)
        await self.press("enter")


ChatFactory = Callable[..., AbstractAsyncContextManager[Chat]]


@pytest.fixture(autouse=True)
def no_clipboard_tool(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The app's copies reach no real clipboard tool (as on a machine with none: sent to
    the terminal only), and words saved to a file go to a home of the test's own."""
    monkeypatch.setattr(clipboard, "copy", lambda text, **_: Copied("terminal"))
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


def saved_walk(store: Store, flow: Flow, library: Library, *replies: str) -> int:
    """A walk of `flow` saved to `store` as it went, each of `replies` answered; its id."""
    walk = Walk(flow, library.resolver())
    recorder = start_saving(walk, store)
    for reply in replies:
        assert walk.reply(reply).accepted, reply
    return recorder.session_id


@pytest.fixture(scope="session")
def hang_up() -> Flow:
    """The bundled main flow."""
    return open_flow(find_flow("hang-up"))


@asynccontextmanager
async def running_app(
    walk: Walk,
    size: tuple[int, int] = (80, 24),
    *,
    store: Store | None = None,
    library: Library | None = None,
    presenting: bool = False,
) -> AsyncIterator[Chat]:
    """The app `make_app` builds on `walk`, run at `size`, noting every notification."""
    notes: list[Notification] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification)

    app = make_app(walk, store=store, library=library, presenting=presenting)
    async with app.run_test(size=size, message_hook=hook) as pilot:
        await pilot.pause()
        yield Chat(app, pilot, notes)


def saving_app(
    flow: Flow, store: Store | None, library: Library, size: tuple[int, int] = (80, 24)
) -> AbstractAsyncContextManager[Chat]:
    """The app as the CLI starts it: `flow` from `library`, saving every step to `store`."""
    return running_app(Walk(flow, library.resolver()), size, store=store, library=library)


@pytest.fixture
def chat() -> ChatFactory:
    """`async with chat(flow, size=(80, 24)) as c:` runs the app on `flow`."""

    def running(flow: Flow, size: tuple[int, int] = (80, 24)) -> AbstractAsyncContextManager[Chat]:
        return running_app(Walk(flow, resolver([flow])), size)

    return running
