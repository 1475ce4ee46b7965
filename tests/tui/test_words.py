"""`c`: the words to use, copied, shown to select, and saved to a file on request.

What the person is told about a copy depends on what could be confirmed: the copier
(guide.faces.clipboard.copy, tested on its own in tests/test_clipboard.py) is replaced here by
one that gives each possible result. The words always reach the terminal too (OSC 52),
which the tests read as `app.clipboard`.
"""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.widgets import Static

from guide.faces import clipboard
from guide.faces.clipboard import Copied
from guide.faces.tui.app import make_transcript_app
from guide.faces.tui.screens.transcript import TranscriptScreen
from guide.faces.tui.screens.words import WordsScreen
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.recorder import start_saving
from guide.history.store import Store
from guide.library.flows import Library

from .conftest import Chat, ChatFactory

MESSAGE = (
    "Hi there, sorry our call ended so suddenly. "
    "Happy to pick it up whenever suits you: ring me, or just reply here."
)
TO_MESSAGE = ("enter", "3", "3", "1", "2", "enter")
"""Rushed, a friend, nothing tried, a call would feel wrong, the name left empty: a message."""

UNCONFIRMED = "Sent to your terminal's clipboard, but it could not be confirmed."
FALLBACK = (
    "If it does not paste, select the words with the mouse (hold Shift while you drag), "
    "or save them to a file:"
)


def copier(result: Copied, calls: list[tuple[str, bool]]) -> object:
    def copy(text: str, *, terminal: bool) -> Copied:
        calls.append((text, terminal))
        return result

    return copy


def notice(c: Chat) -> str:
    return str(c.app.screen.query_one("#words-notice", Static).render())


async def copied(c: Chat) -> None:
    """Press `c` on the outcome card and wait for the copy's result."""
    await c.press("c")
    assert isinstance(c.app.screen, WordsScreen)
    await c.until(lambda: notice(c) != "Copying…")


@pytest.mark.parametrize(
    ("result", "told"),
    [
        # the desktop's clipboard tool (xclip, wl-copy, pbcopy...) took it
        (Copied("tool", ("system",)), "Copied to the clipboard. Paste it into your message."),
        # inside tmux, over ssh: tmux's paste buffer has it; the outer terminal may not
        (
            Copied("tool", ("tmux",)),
            "Copied to tmux's paste buffer (in tmux: your prefix key, then ]). Also sent to "
            "your terminal's clipboard, which could not be confirmed.",
        ),
        # inside tmux on a desktop: both
        (
            Copied("tool", ("tmux", "system")),
            "Copied to the clipboard. Paste it into your message. "
            "It is in tmux's paste buffer too (your prefix key, then ]).",
        ),
        # no tool, or every tool failed: only the terminal's word, which nobody can check
        (Copied("terminal", (), ("xclip: timed out",)), UNCONFIRMED),
        (Copied("failed"), "The words could not be copied."),
    ],
    ids=["system", "tmux", "tmux+system", "unconfirmed", "failed"],
)
async def test_what_is_said_about_a_copy(
    chat: ChatFactory,
    hang_up: Flow,
    monkeypatch: pytest.MonkeyPatch,
    result: Copied,
    told: str,
) -> None:
    """The dialog shows the words, says only what was confirmed, and always offers the
    fallbacks; the words went to the terminal (OSC 52) as well as to the copier."""
    calls: list[tuple[str, bool]] = []
    monkeypatch.setattr(clipboard, "copy", copier(result, calls))
    async with chat(hang_up) as c:
        await c.press(*TO_MESSAGE)
        assert c.card_text("text") == MESSAGE
        await copied(c)
        assert calls == [(MESSAGE, True)]
        assert c.app.clipboard == MESSAGE
        shown = c.statics()
        assert shown[:3] == ["The words to use", MESSAGE, told]
        assert FALLBACK in shown
        assert "Copied" not in " ".join(shown[2:]) or result.how == "tool"
        await c.press("escape")
        assert c.app.screen is c.screen


async def test_a_slow_copy_keeps_the_app_going(
    chat: ChatFactory, hang_up: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a tool takes its time the dialog says "Copying…" and keys still work; the
    dialog closed meanwhile, the result comes as a notice."""
    release = threading.Event()

    def slow(text: str, *, terminal: bool) -> Copied:
        release.wait(5)
        return Copied("terminal")

    monkeypatch.setattr(clipboard, "copy", slow)
    async with chat(hang_up) as c:
        await c.press(*TO_MESSAGE, "c")
        assert notice(c) == "Copying…"
        await c.press("escape")
        assert c.app.screen is c.screen
        release.set()
        await c.until(lambda: UNCONFIRMED in c.said())


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


async def test_save_writes_a_private_file_and_says_where(
    chat: ChatFactory, hang_up: Flow, home: Path
) -> None:
    """`s` saves the words to the home folder, readable by the owner only, and the dialog
    names the file; saving again makes a second file, never replacing the first."""
    async with chat(hang_up, size=(60, 20)) as c:
        await c.press(*TO_MESSAGE)
        await copied(c)
        await c.press("s")
        first = home / "hangup-guide-words.txt"
        assert first.read_text(encoding="utf-8") == MESSAGE + "\n"
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
        assert f"Saved to {first} (only you can read it)." in c.statics()
        # the button does the same
        assert await c.pilot.click("#words-save")
        await c.pilot.pause()
        second = home / "hangup-guide-words-2.txt"
        assert second.read_text(encoding="utf-8") == MESSAGE + "\n"
        assert first.read_text(encoding="utf-8") == MESSAGE + "\n"
        assert f"Saved to {second} (only you can read it)." in c.statics()


async def test_save_without_a_usable_home(
    chat: ChatFactory, hang_up: Flow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A home folder that cannot be written: the words go to the folder the guide was
    started in, and the dialog says so."""
    monkeypatch.setenv("HOME", str(tmp_path / "no-such-home"))
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    async with chat(hang_up) as c:
        await c.press(*TO_MESSAGE)
        await copied(c)
        await c.press("s")
        saved = here / "hangup-guide-words.txt"
        assert saved.read_text(encoding="utf-8") == MESSAGE + "\n"
        assert f"Saved to {saved} (only you can read it)." in c.statics()


# --- a saved walk, opened from history -------------------------------------------------------


def saved_walk(store: Store, flow: Flow, library: Library, *replies: str) -> int:
    walk = Walk(flow, library.resolver())
    recorder = start_saving(walk, store)
    for reply in replies:
        if walk.current.__class__.__name__ == "Input":
            walk.enter(reply)
        else:
            assert walk.reply(reply).accepted, reply
    assert walk.finished
    return recorder.session_id


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_copy_from_a_saved_walk(
    store: Store,
    hang_up: Flow,
    library: Library,
    home: Path,
    size: tuple[int, int],
) -> None:
    """`hangup-guide history ID` on a walk that ended with a message: `c` copies the
    message as it was saved, and `s` saves it."""
    sid = saved_walk(store, hang_up, library, "", "3", "3", "1", "2", "Sam")
    notes: list[Notification] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification)

    app = make_transcript_app(store.session(sid), store.events(sid))
    async with app.run_test(size=size, message_hook=hook) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TranscriptScreen)
        assert "c" in app.screen.active_bindings  # and so in the footer
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, WordsScreen)
        words = "Hi Sam, sorry our call ended so suddenly."
        assert app.clipboard.startswith(words)
        shown = [str(s.render()) for s in app.screen.query(Static)]
        assert shown[1] == app.clipboard
        await pilot.press("s")
        await pilot.pause()
        assert (home / "hangup-guide-words.txt").read_text(encoding="utf-8").startswith(words)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TranscriptScreen)


async def test_a_saved_walk_without_words_has_no_copy(
    store: Store, hang_up: Flow, library: Library
) -> None:
    """An outcome with neither message nor script: `c` is not offered and does nothing."""
    sid = saved_walk(store, hang_up, library, "", "2", "1", "1", "1", "1")
    app = make_transcript_app(store.session(sid), store.events(sid))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "c" not in app.screen.active_bindings
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TranscriptScreen)
        assert app.clipboard == ""
