"""A named pipe, a device, a socket or a folder in a flow or deck folder is reported as
a located problem (`file:1:1`, not a file) and skipped, never opened; deck files are
read with the flows' 1 MiB cap.

Before: `flows`, every walk and `check` waited for ever on a FIFO, and a deck that was
a symlink to /dev/zero was read without end. Commands run in a subprocess with a
timeout, so a hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.flow import files
from guide.flow.problems import FlowError
from guide.library.flows import FlowOpenError, open_flow, scan
from tests.helpers import config_dir

from .common import clean_env, no_traceback, run, safe_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

HANG = 20.0
"""Only a bound against waiting for ever: every run here takes well under a second."""

DECK = """\
deck: mine
flow: hang-up
title: Mine
scenarios:
  - id: one
    situation: The line went dead mid-sentence.
    expert: ["1"]
    outcome: call-back
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A flow folder of special files beside one good flow, and a practice folder of
    special decks; each special file is what its name says."""
    flows = tmp_path / "flows"
    (flows / "practice").mkdir(parents=True)
    good = (Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "tiny.yaml").read_text()
    (flows / "good.yaml").write_text(good, encoding="utf-8")
    os.mkfifo(flows / "pipe.yaml")
    (flows / "zero.yaml").symlink_to("/dev/zero")
    (flows / "folder.yaml").mkdir()
    os.mkfifo(flows / "practice" / "pipe.yaml")
    (flows / "practice" / "zero.yaml").symlink_to("/dev/zero")
    return flows


@pytest.fixture
def sock(folder: Path) -> Iterator[Path]:
    path = folder / "sock.yaml"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    yield path
    server.close()


def _env(folder: Path) -> dict[str, str]:
    return clean_env(folder.parent / "home", HANGUP_GUIDE_FLOWS=str(folder))


KINDS = {
    "pipe": "a named pipe (FIFO)",
    "zero": "a device",
    "folder": "a folder",
    "sock": "a socket",
}


def test_flows_lists_each_special_file_with_its_problem(folder: Path, sock: Path) -> None:
    done = run(_env(folder), "flows", timeout=HANG)
    no_traceback(done)
    assert done.returncode == 0
    for name, kind in KINDS.items():
        path = folder / f"{name}.yaml"
        expected = f"broken: {path}:1:1: error: this is {kind}, not a file"
        assert expected in done.stdout, (name, done.stdout)
    assert any(
        line.startswith("tiny ") and line.endswith("ok") for line in done.stdout.splitlines()
    )


def test_a_walk_starts_beside_them(folder: Path, sock: Path) -> None:
    done = run(_env(folder), "--flow", "tiny", "--answers", "1", timeout=HANG)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Call them back" in done.stdout


def test_check_reports_each_one_at_1_1(folder: Path, sock: Path) -> None:
    paths = [folder / f"{name}.yaml" for name in KINDS]
    done = run(_env(folder), "check", *map(str, paths), timeout=HANG)
    no_traceback(done)
    assert done.returncode == 1
    for path, kind in zip(paths, KINDS.values(), strict=True):
        assert f"{path}:1:1: error: this is {kind}, not a file" in done.stdout
    assert f"checked {len(paths)} file(s): {len(paths)} error(s)" in done.stderr


def test_practice_skips_special_decks_and_says_so(folder: Path) -> None:
    done = run(_env(folder), "practice", "--plain", timeout=HANG)
    no_traceback(done)
    for name, kind in (("pipe", KINDS["pipe"]), ("zero", KINDS["zero"])):
        path = folder / "practice" / f"{name}.yaml"
        assert f"a deck cannot be used: {path}:1:1: error: this is {kind}" in done.stderr
    assert "Which deck?" in done.stdout
    safe_bytes(done.out + done.err)


def test_a_deck_over_a_mebibyte_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(DECK + "#" * 2_000_000 + "\n", encoding="utf-8")
    done = run(clean_env(tmp_path), "check", str(path), timeout=HANG)
    no_traceback(done)
    assert done.returncode == 1
    assert f"{path}:1:1: error: the file is 2,000," in done.stdout
    assert "at most 1,048,576 bytes" in done.stdout


def test_a_deck_from_proc_is_read_no_further_than_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that says it is empty but never ends (as /proc files do) is read one byte
    past the cap, not to its end."""
    from guide.practice.deck import read_deck

    path = tmp_path / "endless.yaml"
    path.write_text(DECK, encoding="utf-8")
    asked: list[int] = []

    class Endless:
        """Says it is as small as the deck; reads as much as it is asked for."""

        def __init__(self) -> None:
            self.fd = os.open(path, os.O_RDONLY)

        def read(self, size: int = -1) -> bytes:
            asked.append(size)
            return b"#" * (size if size >= 0 else 10**9)

        def fileno(self) -> int:
            return self.fd

    class Opened:
        def __enter__(self) -> Endless:
            self.endless = Endless()
            return self.endless

        def __exit__(self, *args: object) -> None:
            os.close(self.endless.fd)

    monkeypatch.setattr(files, "open_regular", lambda _: Opened())
    with pytest.raises(FlowError) as caught:
        read_deck(path)
    assert asked == [1_048_577]
    assert caught.value.problems[0].code == "too-large"


# --- in this process: guarded by an alarm, as a hang here would stop the suite -------------


@pytest.fixture
def alarm() -> Iterator[None]:
    def stuck(*_: object) -> None:
        raise TimeoutError("waited on a special file")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(int(HANG))
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_open_flow_refuses_a_file_that_became_a_pipe(tmp_path: Path, alarm: None) -> None:
    path = tmp_path / "watched.yaml"
    os.mkfifo(path)
    with pytest.raises(FlowOpenError) as caught:
        open_flow(path, scan([path]))
    assert f"{path}:1:1: error: this is a named pipe (FIFO), not a file" in str(caught.value)


def test_a_pipe_swapped_in_after_the_first_look_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm: None
) -> None:
    """The race: the path was a regular file when looked at, a FIFO when opened."""
    regular = tmp_path / "regular.yaml"
    regular.write_text("x")
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    real_stat = os.stat
    monkeypatch.setattr(
        os, "stat", lambda p, *a, **k: real_stat(regular if p == pipe else p, *a, **k)
    )
    with pytest.raises(FlowError) as caught, files.open_regular(pipe):
        pass
    assert caught.value.problems[0].code == "not-a-file"


async def test_watch_survives_the_file_becoming_a_pipe(tmp_path: Path, alarm: None) -> None:
    """--watch looks at the file every second: replaced by a FIFO, the reload is
    refused with the problem in the chat, and the walk goes on."""
    from guide.faces.tui.app import make_app
    from guide.faces.tui.screens.chat import ChatScreen
    from guide.faces.tui.widgets.bubble import Bubble
    from guide.flow.engine import Walk

    path = tmp_path / "watched.yaml"
    tiny = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "tiny.yaml"
    path.write_text(tiny.read_text(), encoding="utf-8")
    app = make_app(Walk(open_flow(path)), watching=path)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        path.unlink()
        os.mkfifo(path)
        screen.check_reload()
        await pilot.pause()
        assert app.is_running
        shown = "\n".join(str(b.content) for b in screen.query(Bubble))
        assert f"{path}:1:1: error: this is a named pipe (FIFO), not a file" in shown
        assert screen.walk.current_flow.id == "tiny"  # the walk goes on with what loaded


def test_a_pipe_in_place_of_settings_toml_is_said_and_the_walk_goes_on(tmp_path: Path) -> None:
    # settings.toml is read at every start: a named pipe there hung every start.
    env = clean_env(tmp_path / "home", XDG_CONFIG_HOME=str(tmp_path / "config"))
    config = config_dir(env)
    config.mkdir(parents=True)
    os.mkfifo(config / "settings.toml")
    done = run(env, "--answers", "!", "--no-save", timeout=HANG)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "settings.toml: ignored: this is a named pipe (FIFO), not a file" in done.stderr
    assert "NEXT STEP" in done.stdout
