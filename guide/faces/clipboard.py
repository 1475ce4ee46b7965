"""Copying the words to use with the system's own clipboard tool, and saving them to a file.

A terminal app can only *send* text to the clipboard (OSC 52); whether the terminal
took it, nobody can tell, and inside tmux with its default settings it goes nowhere.
So the app also runs the platform's clipboard tool when there is one and reports
which way was confirmed. No Textual here: the TUI sends OSC 52 itself and calls
`copy` from a thread (a tool that hangs is killed after `TIMEOUT` seconds).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

TIMEOUT = 2.0
"""Seconds all tools together may take: a clipboard tool that cannot reach its display
(an X server gone, a tmux server stopped) must not keep the person waiting."""

Place = Literal["tmux", "system"]
"""Where a tool put the words: tmux's paste buffer, or the desktop's clipboard."""


@dataclass(frozen=True, slots=True)
class Tool:
    """A clipboard tool this machine has, and how to run it."""

    name: str
    """The program, as the person would know it ("xclip", "tmux")."""
    argv: tuple[str, ...]
    """The full command; never run through a shell."""
    place: Place
    encoding: str = "utf-8"
    fallback: tuple[str, ...] = ()
    """A second command to try when the first fails (tmux before 3.2 has no `-w`)."""


@dataclass(frozen=True, slots=True)
class Copied:
    """What became of a copy.

    `how` is "tool" when at least one tool said it worked (`places` says where),
    "terminal" when no tool did but the words were sent to the terminal (OSC 52,
    which cannot be confirmed), and "failed" when neither happened."""

    how: Literal["tool", "terminal", "failed"]
    places: tuple[Place, ...] = ()
    """Where a tool confirmed the copy, in the order tried."""
    problems: tuple[str, ...] = ()
    """Each tool that was tried and did not work, and why ("xclip: timed out")."""


def tools(env: Mapping[str, str] | None = None, platform: str | None = None) -> list[Tool]:
    """The clipboard tools worth trying here, best first: tmux's buffer when inside
    tmux, then the desktop's clipboard (Wayland, X11, macOS, Windows and WSL)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    path = env.get("PATH")
    found: list[Tool] = []
    tmux = shutil.which("tmux", path=path)
    if env.get("TMUX") and tmux:
        # -w also asks tmux to set the outer terminal's clipboard (tmux 3.2 and later).
        load = (tmux, "load-buffer")
        found.append(Tool("tmux", (*load, "-w", "-"), "tmux", fallback=(*load, "-")))
    desktop: list[tuple[bool, str, tuple[str, ...], str]] = [
        (bool(env.get("WAYLAND_DISPLAY")), "wl-copy", (), "utf-8"),
        (bool(env.get("DISPLAY")), "xclip", ("-selection", "clipboard"), "utf-8"),
        (bool(env.get("DISPLAY")), "xsel", ("--clipboard", "--input"), "utf-8"),
        (platform == "darwin", "pbcopy", (), "utf-8"),
        # Windows, and WSL (where Windows programs are on PATH); clip.exe reads
        # UTF-16 when the text starts with a byte order mark.
        (True, "clip.exe", (), "utf-16"),
    ]
    for applies, name, args, encoding in desktop:
        program = shutil.which(name, path=path) if applies else None
        if program:
            found.append(Tool(name, (program, *args), "system", encoding))
            break
    return found


def copy(
    text: str,
    *,
    terminal: bool,
    env: Mapping[str, str] | None = None,
    timeout: float = TIMEOUT,
) -> Copied:
    """Copy `text` with every tool found here, within `timeout` seconds in all.
    `terminal` says whether the caller also sent it to the terminal (OSC 52)."""
    deadline = time.monotonic() + timeout
    places: list[Place] = []
    problems: list[str] = []
    for tool in tools(env):
        problem = _run(tool, text, deadline, env)
        if problem is None:
            places.append(tool.place)
        else:
            problems.append(f"{tool.name}: {problem}")
    if places:
        return Copied("tool", tuple(places), tuple(problems))
    return Copied("terminal" if terminal else "failed", (), tuple(problems))


def _run(tool: Tool, text: str, deadline: float, env: Mapping[str, str] | None) -> str | None:
    """Run the tool (then its fallback); None when it worked, else why not."""
    data = text.encode(tool.encoding)
    problem = "not run"
    for argv in (tool.argv, tool.fallback):
        left = deadline - time.monotonic()
        if not argv:
            break
        if left <= 0:
            return "no time left"
        try:
            # Output goes nowhere: xclip, xsel and wl-copy stay behind to serve the
            # clipboard, and a pipe they inherit would keep us waiting for them.
            done = subprocess.run(
                argv,
                input=data,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=left,
                env=None if env is None else dict(env),
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "timed out"
        except OSError as exc:
            problem = exc.strerror or str(exc)
            continue
        if done.returncode == 0:
            return None
        problem = f"exit status {done.returncode}"
    return problem


WORDS_FILE = "hangup-guide-words"
"""The saved words' file name, before a number and `.txt`."""


def save(text: str, folder: Path) -> Path:
    """Write `text` to a new file in `folder` that only its owner can read, and return
    its path. An existing file is never replaced: the name gets a number instead."""
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        path = folder / f"{WORDS_FILE}{suffix}.txt"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text if text.endswith("\n") else text + "\n")
        return path
    raise FileExistsError(f"{folder / WORDS_FILE}-999.txt")


def save_somewhere(text: str, folders: list[Path]) -> tuple[Path | None, str]:
    """`save` in the first folder that takes it: the path, or None and why not."""
    problem = ""
    for folder in folders:
        try:
            return save(text, folder), ""
        except OSError as exc:
            problem = f"{exc.filename or folder}: {exc.strerror or exc}"
    return None, problem
