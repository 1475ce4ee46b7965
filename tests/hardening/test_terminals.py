"""Odd terminals: the plain guide works in all of them, and the full-screen app says
what to do instead of drawing into a pipe or a dumb terminal.

TERM=dumb, NO_COLOR=1, the C locale (with and without Python's UTF-8 coercion) and
consoles that are Latin-1 or ASCII: a whole `--plain --answers` walk and a typed
`--plain` walk (with bytes that are not text typed in) print the outcome, exit 0 and
save the walk; what the console cannot show comes out as a lookalike or "?". The app,
started with stdin not a terminal or with TERM=dumb, exits 2 with a message naming
`--plain`; in a real terminal (a pty) it starts and quits with ctrl+q, NO_COLOR or not.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from guide.commands.errors import EXIT_UNREADABLE, CommandError
from guide.commands.opening import need_a_terminal
from tests.helpers import Terminal

from .common import SLOW_CI, clean_env, flow_text, no_traceback, run

# name: (environment changes, the encoding the output must decode with)
TERMINALS: dict[str, tuple[dict[str, str | None], str]] = {
    "dumb-no-color": ({"TERM": "dumb", "NO_COLOR": "1"}, "utf-8"),
    "c-locale": ({"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": None}, "utf-8"),
    "c-locale-ascii": (
        {
            "LANG": "C",
            "LC_ALL": "C",
            "PYTHONIOENCODING": None,
            "PYTHONUTF8": "0",
            "PYTHONCOERCECLOCALE": "0",
        },
        "ascii",
    ),
    "latin-1": ({"PYTHONIOENCODING": "latin-1"}, "latin-1"),
    "ascii": ({"PYTHONIOENCODING": "ascii"}, "ascii"),
}
IDS = list(TERMINALS)
ENCODINGS = [name for name in IDS if name != "dumb-no-color"]


def env_of(name: str, home: Path) -> tuple[dict[str, str], str]:
    changes, encoding = TERMINALS[name]
    return clean_env(home, **changes), encoding


def finished_walks(home: Path) -> int:
    db = sqlite3.connect(home / "sessions.db")
    try:
        return int(db.execute("SELECT count(*) FROM sessions WHERE finished").fetchone()[0])
    finally:
        db.close()


@pytest.mark.parametrize("terminal", IDS)
def test_a_scripted_plain_walk_prints_the_outcome(terminal: str, tmp_path: Path) -> None:
    env, encoding = env_of(terminal, tmp_path)
    done = run(env, "--plain", "--answers", "2,1,1,1,1")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    shown = done.out.decode(encoding)  # strictly in the console's own encoding
    assert "NEXT STEP: Step away and reset first" in shown
    assert "Do you know why the call ended?" in shown
    if encoding != "utf-8":
        assert "  -> They ended it on purpose" in shown  # the arrow's lookalike


@pytest.mark.parametrize("terminal", ENCODINGS)
def test_a_typed_plain_walk_with_bytes_that_are_not_text(terminal: str, tmp_path: Path) -> None:
    """A friend cut off while I am in a meeting, so calling feels wrong; at the first
    question a line of bytes that are not UTF-8, and a name with an accent and a stray
    byte."""
    env, encoding = env_of(terminal, tmp_path)
    typed = b"\n\xff\xfe\x80\n1\n3\n3\n1\n2\nZo\xc3\xab\xff\n\n"
    done = run(env, "--plain", stdin=typed)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    shown = done.out.decode(encoding)
    assert "NEXT STEP: Send a short message instead" in shown
    assert finished_walks(tmp_path) == 1  # saved, bad bytes and all


def test_flow_text_the_console_cannot_show(tmp_path: Path) -> None:
    """Emoji, Arabic and typographic quotes on an ASCII console: lookalikes and "?"."""
    path = tmp_path / "world.yaml"
    labels = ['"📞 Call “now”"', '"مرحبا بالعالم"']
    path.write_text(flow_text(labels, ask='"Which? 👋🏽"'), encoding="utf-8")
    env = clean_env(tmp_path, PYTHONIOENCODING="ascii")
    done = run(env, "--plain", "--flow", str(path), "--answers", "1")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    shown = done.out.decode("ascii")
    assert 'Which? ??\n  -> ? Call "now"' in shown
    assert "NEXT STEP: Done" in shown


# --- the full-screen app --------------------------------------------------------------

NO_TTY = [
    ((), "hangup-guide --plain"),
    (("practice",), "hangup-guide practice --plain"),
    (("--flow", "sales", "--present"), "hangup-guide --plain"),
]


@pytest.mark.parametrize(("args", "instead"), NO_TTY, ids=["walk", "practice", "present"])
def test_the_app_with_no_terminal_says_to_use_plain(
    args: tuple[str, ...], instead: str, tmp_path: Path
) -> None:
    """stdin a pipe: no screen is drawn into it; one line says why and what to run."""
    done = run(clean_env(tmp_path), *args, stdin=b"1\n")
    no_traceback(done)
    assert done.returncode == 2
    assert done.out == b""
    assert "needs a terminal" in done.stderr and instead in done.stderr
    assert done.seconds < SLOW_CI


def test_history_with_no_terminal_says_to_use_plain(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    walked = run(env, "--plain", stdin=b"\n2\n1\n1\n1\n")  # walk 1, saved
    no_traceback(walked)
    assert walked.returncode == 0
    done = run(env, "history", "1")
    no_traceback(done)
    assert done.returncode == 2
    assert "hangup-guide history 1 --plain" in done.stderr


def test_a_browser_tab_needs_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """textual-serve runs the app on pipes with TEXTUAL_DRIVER set: that is allowed."""
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    with pytest.raises(CommandError) as refused:  # pytest's stdin is no terminal
        need_a_terminal("hangup-guide --plain")
    assert "--plain" in refused.value.message
    assert refused.value.exit_code == EXIT_UNREADABLE
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    need_a_terminal("hangup-guide --plain")  # no CommandError


def test_the_app_on_a_dumb_terminal_says_to_use_plain(tmp_path: Path) -> None:
    terminal = Terminal(clean_env(tmp_path, TERM="dumb"))
    code = terminal.finish()
    assert code == 2
    assert b"TERM=dumb" in terminal.seen and b"hangup-guide --plain" in terminal.seen
    assert b"Traceback" not in terminal.seen
    assert b"\x1b[" not in terminal.seen  # nothing drawn


def test_the_app_in_a_real_terminal_starts_and_quits(tmp_path: Path) -> None:
    """In a pseudo-terminal, with NO_COLOR: the app draws, in greys only, and ctrl+q quits."""
    env = clean_env(tmp_path, TERM="xterm-256color", NO_COLOR="1")
    terminal = Terminal(env, "--no-save")
    try:
        terminal.read_until(b"Continue")
        terminal.type(b"\x11")  # ctrl+q
    finally:
        code = terminal.finish()
    assert code == 0, terminal.seen[-2000:]
    assert b"Traceback" not in terminal.seen
    # 256-colour indexes drawn with: only the grey ramp (232-255); the theme's own
    # colours (blues 17, 32, 195; orange 214) are gone.
    indexes = {int(n) for n in re.findall(rb"\x1b\[[0-9;]*?[34]8;5;(\d+)", terminal.seen)}
    assert indexes and all(n >= 232 for n in indexes), sorted(indexes)
