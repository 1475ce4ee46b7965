"""--watch: saving the flow file reloads it in the app, keeping the walk where it was;
a broken edit is shown with its line, and the app keeps running."""

from __future__ import annotations

import os
from pathlib import Path

from textual.message import Message

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.widgets.bubble import Bubble
from guide.faces.tui.widgets.flow_watcher import CHECK_EVERY, FlowWatcher
from guide.flow.engine import Walk
from guide.library.flows import open_flow

FLOW = """\
flow: watched
title: A watched flow
version: 1
start: first
sources: {own: {title: Ours}}
escape:
  - {label: This could be an emergency, key: "!", next: emergency}
nodes:
  first:
    ask: First question?
    options:
      - {label: Go on, next: second}
      - {label: Stop here, next: done}
  second:
    ask: Second question?
    options:
      - {label: Finish, next: done}
      - {label: Also finish, next: done}
  done:
    outcome: Done
    steps: [Nothing more.]
    why: Because.
    source: {article: own}
  emergency:
    outcome: Emergency
    steps: [Call for help.]
    why: Safety first.
    source: {article: own}
"""


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()  # make sure the change is seen even within one clock tick
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def texts(screen: ChatScreen) -> list[str]:
    return [str(b.content) for b in screen.query(Bubble)]


async def test_saving_the_file_reloads_and_keeps_the_place(tmp_path: Path) -> None:
    path = tmp_path / "watched.yaml"
    save(path, FLOW)
    app = make_app(Walk(open_flow(path)), watching=path)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("1")  # "Go on": now at the second question
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        save(path, FLOW.replace("Second question?", "The second question, reworded?"))
        screen.check_reload()
        await pilot.pause()
        assert screen.walk.path()[-1][1] == "second"
        assert any("The second question, reworded?" in t for t in texts(screen))
        assert any("Reloaded watched.yaml: answers kept: 1 of 1." in t for t in texts(screen))


async def test_a_broken_edit_is_shown_with_its_line_and_the_app_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "watched.yaml"
    save(path, FLOW)
    app = make_app(Walk(open_flow(path)), watching=path)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        save(path, FLOW.replace("next: second", "next: secnd"))
        screen.check_reload()
        await pilot.pause()
        assert app.is_running
        shown = "\n".join(texts(screen))
        assert "The flow has problems" in shown
        assert f"{path}:12:" in shown and "did you mean `second`" in shown
        # The walk goes on with the flow as it last loaded.
        await pilot.press("1")
        assert screen.walk.path()[-1][1] == "second"
        save(path, FLOW)  # fixed again: reloads
        screen.check_reload()
        await pilot.pause()
        assert any(t.startswith("Reloaded watched.yaml") for t in texts(screen))


async def test_a_removed_answer_keeps_the_walk_as_far_as_it_fits(tmp_path: Path) -> None:
    path = tmp_path / "watched.yaml"
    save(path, FLOW)
    app = make_app(Walk(open_flow(path)), watching=path)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("1")
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        save(path, FLOW.replace("{label: Go on, next: second}", "{label: Carry on, next: second}"))
        screen.check_reload()
        await pilot.pause()
        assert screen.walk.path()[-1][1] == "first"  # "Go on" is gone: back to where it fits
        assert any("answers kept: 0 of 1" in t for t in texts(screen))


async def test_the_watcher_notices_a_save_on_its_own_once(tmp_path: Path) -> None:
    """No one calls `check_reload` here: the watcher's timer sees the save, posts one
    `FlowWatcher.Changed`, and the chat reloads; an unchanged file posts nothing more."""
    path = tmp_path / "watched.yaml"
    save(path, FLOW)
    changes: dict[int, Path] = {}  # by message: one message is seen again as it bubbles up

    def hook(message: Message) -> None:
        if isinstance(message, FlowWatcher.Changed):
            changes[id(message)] = message.path

    app = make_app(Walk(open_flow(path)), watching=path)
    async with app.run_test(size=(80, 30), message_hook=hook) as pilot:
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        save(path, FLOW.replace("First question?", "The first question, reworded?"))
        await pilot.pause(CHECK_EVERY * 2.5)
        assert list(changes.values()) == [path]
        assert any("The first question, reworded?" in t for t in texts(screen))
        assert any(t.startswith("Reloaded watched.yaml") for t in texts(screen))
