"""guide.faces.clipboard: the system's clipboard tools, found and run, and the words saved.

The tools are tiny shell scripts in a temporary folder that is the whole PATH: each
records what it was given, or fails, or hangs, as a real one might. One test runs
the real tmux on a private server when tmux is installed.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide.faces.clipboard import Copied, copy, save, save_somewhere, tools

WORDS = "Hi Sam, it's Alex. Sorry our call ended so suddenly. “Ring me” — café"

RECORD = 'printf "%s\\n" "$*" > "$OUT/{name}.args"; cat > "$OUT/{name}.txt"'
"""A tool that works: its arguments and what it read, kept in $OUT."""


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def tool(folder: Path, name: str, body: str) -> None:
    """A fake clipboard tool: a shell script named `name` running `body`."""
    path = folder / name
    path.write_text("#!/bin/sh\n" + body.format(name=name) + "\n", encoding="utf-8")
    path.chmod(0o755)


def env_for(folder: Path, out: Path, **more: str) -> dict[str, str]:
    """The tools in `folder`, and nothing else on PATH but what their scripts use."""
    shell = out / "shell"
    shell.mkdir(exist_ok=True)
    for name in ("cat", "sleep"):
        if not (shell / name).exists():
            (shell / name).symlink_to(shutil.which(name) or name)
    return {"PATH": f"{folder}:{shell}", "OUT": str(out), **more}


# --- which tools are tried --------------------------------------------------------------


@pytest.mark.parametrize(
    ("programs", "env", "platform", "expected"),
    [
        # inside tmux on an X desktop: tmux's buffer, then the desktop clipboard
        (["tmux", "xclip"], {"TMUX": "/tmp/s,1,0", "DISPLAY": ":0"}, "linux", ["tmux", "xclip"]),
        # inside tmux over ssh (no display): tmux only, even with xclip installed
        (["tmux", "xclip"], {"TMUX": "/tmp/s,1,0"}, "linux", ["tmux"]),
        # $TMUX set but no tmux program: nothing to run
        ([], {"TMUX": "/tmp/s,1,0"}, "linux", []),
        # Wayland first when both are there (XWayland sets DISPLAY too)
        (["wl-copy", "xclip"], {"WAYLAND_DISPLAY": "w-0", "DISPLAY": ":0"}, "linux", ["wl-copy"]),
        # X11 with xsel only
        (["xsel"], {"DISPLAY": ":0"}, "linux", ["xsel"]),
        # xclip installed, but no display to talk to
        (["xclip"], {}, "linux", []),
        # macOS
        (["pbcopy"], {}, "darwin", ["pbcopy"]),
        # pbcopy is only trusted on macOS
        (["pbcopy"], {}, "linux", []),
        # WSL: Windows's clip.exe is on PATH
        (["clip.exe"], {}, "linux", ["clip.exe"]),
    ],
    ids=["tmux+x11", "tmux-ssh", "no-tmux-program", "wayland", "xsel", "no-display",
         "macos", "pbcopy-not-macos", "wsl"],
)  # fmt: skip
def test_the_tools_tried_here(
    bin_dir: Path, programs: list[str], env: dict[str, str], platform: str, expected: list[str]
) -> None:
    for name in programs:
        tool(bin_dir, name, "cat > /dev/null")
    found = tools({"PATH": str(bin_dir), **env}, platform)
    assert [t.name for t in found] == expected


# --- running them -----------------------------------------------------------------------


def test_a_working_tool_confirms_the_copy(bin_dir: Path, tmp_path: Path) -> None:
    tool(bin_dir, "xclip", RECORD)
    result = copy(WORDS, terminal=True, env=env_for(bin_dir, tmp_path, DISPLAY=":0"))
    assert result == Copied("tool", ("system",))
    assert (tmp_path / "xclip.txt").read_text(encoding="utf-8") == WORDS
    assert (tmp_path / "xclip.args").read_text().strip() == "-selection clipboard"


def test_tmux_without_w_is_tried_again_without_it(bin_dir: Path, tmp_path: Path) -> None:
    """A tmux older than 3.2 refuses `-w`: the words still go into its paste buffer."""
    tool(bin_dir, "tmux", 'case "$*" in *-w*) exit 1;; esac; ' + RECORD)
    result = copy(WORDS, terminal=True, env=env_for(bin_dir, tmp_path, TMUX="/tmp/s,1,0"))
    assert result == Copied("tool", ("tmux",))
    assert (tmp_path / "tmux.args").read_text().strip() == "load-buffer -"
    assert (tmp_path / "tmux.txt").read_text(encoding="utf-8") == WORDS


def test_tmux_is_asked_to_set_the_outer_clipboard_too(bin_dir: Path, tmp_path: Path) -> None:
    tool(bin_dir, "tmux", RECORD)
    copy(WORDS, terminal=True, env=env_for(bin_dir, tmp_path, TMUX="/tmp/s,1,0"))
    assert (tmp_path / "tmux.args").read_text().strip() == "load-buffer -w -"


def test_a_failing_tool_leaves_the_terminal_unconfirmed(bin_dir: Path, tmp_path: Path) -> None:
    tool(bin_dir, "xclip", "echo 'Error: cannot open display' >&2; exit 1")
    env = env_for(bin_dir, tmp_path, DISPLAY=":0")
    assert copy(WORDS, terminal=True, env=env) == Copied("terminal", (), ("xclip: exit status 1",))
    # and with nothing sent to the terminal either, the copy failed
    assert copy(WORDS, terminal=False, env=env).how == "failed"


def test_one_tool_failing_does_not_stop_the_next(bin_dir: Path, tmp_path: Path) -> None:
    """tmux's server is gone, but the X clipboard takes the words."""
    tool(bin_dir, "tmux", "exit 1")
    tool(bin_dir, "xclip", RECORD)
    env = env_for(bin_dir, tmp_path, TMUX="/tmp/gone,1,0", DISPLAY=":0")
    result = copy(WORDS, terminal=True, env=env)
    assert result == Copied("tool", ("system",), ("tmux: exit status 1",))
    assert (tmp_path / "xclip.txt").read_text(encoding="utf-8") == WORDS


def test_a_hanging_tool_is_given_up_on(bin_dir: Path, tmp_path: Path) -> None:
    """A tool that never returns (an X server that does not answer) is killed when the
    time is up, and the copy is reported unconfirmed."""
    tool(bin_dir, "xclip", "exec sleep 30")
    began = time.monotonic()
    result = copy(WORDS, terminal=True, env=env_for(bin_dir, tmp_path, DISPLAY=":0"), timeout=0.5)
    assert time.monotonic() - began < 3
    assert result == Copied("terminal", (), ("xclip: timed out",))


def test_a_tool_that_stays_behind_does_not_keep_us_waiting(bin_dir: Path, tmp_path: Path) -> None:
    """xclip and wl-copy leave a process behind to serve the clipboard; it must not hold
    the copy up until the time runs out."""
    tool(bin_dir, "wl-copy", 'cat > "$OUT/wl-copy.txt"; sleep 5 &')
    began = time.monotonic()
    result = copy(WORDS, terminal=True, env=env_for(bin_dir, tmp_path, WAYLAND_DISPLAY="w-0"))
    assert result.how == "tool"
    assert time.monotonic() - began < 1.5


def test_clip_exe_gets_utf16_with_a_byte_order_mark(bin_dir: Path, tmp_path: Path) -> None:
    tool(bin_dir, "clip.exe", RECORD)
    assert copy(WORDS, terminal=True, env=env_for(bin_dir, tmp_path)).how == "tool"
    data = (tmp_path / "clip.exe.txt").read_bytes()
    assert data.decode("utf-16") == WORDS
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_real_tmux_fills_its_paste_buffer(tmp_path: Path) -> None:
    """On a private tmux server, as if the guide ran inside it: the buffer holds the words."""
    socket = tmp_path / "tmux.sock"
    tmux = ["tmux", "-S", str(socket)]
    subprocess.run([*tmux, "new-session", "-d", "-x", "80", "-y", "24"], check=True)
    try:
        pid = subprocess.run(
            [*tmux, "display-message", "-p", "#{pid}"], capture_output=True, text=True, check=True
        ).stdout.strip()
        env = {"PATH": str(Path(shutil.which("tmux") or "").parent), "TMUX": f"{socket},{pid},0"}
        assert copy(WORDS, terminal=True, env=env) == Copied("tool", ("tmux",))
        shown = subprocess.run([*tmux, "show-buffer"], capture_output=True, check=True).stdout
        assert shown.decode("utf-8") == WORDS
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)


# --- saving the words -------------------------------------------------------------------


def test_saved_words_are_private_and_never_overwrite(tmp_path: Path) -> None:
    first = save(WORDS, tmp_path)
    assert first == tmp_path / "hangup-guide-words.txt"
    assert first.read_text(encoding="utf-8") == WORDS + "\n"
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    second = save("Other words", tmp_path)
    assert second == tmp_path / "hangup-guide-words-2.txt"
    assert first.read_text(encoding="utf-8") == WORDS + "\n"  # untouched
    assert stat.S_IMODE(second.stat().st_mode) == 0o600


def test_saving_goes_on_to_the_next_folder(tmp_path: Path) -> None:
    """The home folder cannot be written (here: it is a file): the next folder is used;
    when none can be, the problem names the place."""
    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("")
    elsewhere = tmp_path / "here"
    elsewhere.mkdir()
    assert save_somewhere(WORDS, [not_a_folder, elsewhere]) == (
        elsewhere / "hangup-guide-words.txt",
        "",
    )
    path, problem = save_somewhere(WORDS, [not_a_folder])
    assert path is None
    assert problem.startswith(str(not_a_folder / "hangup-guide-words.txt"))


def test_the_module_needs_no_textual() -> None:
    """The copier and the saving are plain Python: the plain face could use them too."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, guide.faces.clipboard; print('textual' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"
