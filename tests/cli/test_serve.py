"""`hangup-guide serve`: the app in a browser, through textual-serve, on localhost."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_on_localhost_and_stops(tmp_path: Path) -> None:
    """The server starts, serves the page that runs the app, and stops on Ctrl+C."""
    pytest.importorskip("textual_serve")
    port = free_port()
    env = {**os.environ, "HANGUP_GUIDE_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "guide", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        page = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    assert reply.status == 200
                    page = reply.read().decode("utf-8")
            except OSError:
                time.sleep(0.2)
        assert "<html" in page.lower(), "the server did not answer in 20 s"
        assert "textual" in page.lower()  # the page that connects the browser to the app
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode is not None


def test_serve_listens_on_localhost_unless_asked(tmp_path: Path) -> None:
    """By default the address is 127.0.0.1 (textual-serve has no login)."""
    from guide.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_serve_without_the_extra_says_how_to_get_it(tmp_path: Path) -> None:
    """Without textual-serve installed: a clear message naming the extra, exit 2."""
    blocker = tmp_path / "block" / "textual_serve"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = {**os.environ, "PYTHONPATH": str(blocker.parent), "HANGUP_GUIDE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "guide", "serve"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "pip install 'hangup-guide[serve]'" in done.stderr
    assert "Traceback" not in done.stderr
