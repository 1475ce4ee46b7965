"""What the serve tests share: a real `hangup-guide serve` in a subprocess, its app
processes as /proc shows them, and a real websocket client that reads the app's screen.

Every wait here is bounded in time; every connection goes to 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from guide.library.flows import DEFAULT_FLOW, find_flow, open_flow

from ..helpers import REPO

START_S = 20.0
"""Longest wait for the server to listen, or for an app's first screen (2 busy cores)."""
GONE_S = 5.0
"""An app process must be gone this soon after its socket closes."""
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>$]*[ -/]*[@-~]|\][^\x07]*\x07)")
TITLE = open_flow(find_flow(DEFAULT_FLOW)).title
"""What the app's first screen shows: the bundled flow's title."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (the server's app processes)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until(check: Callable[[], object], seconds: float) -> bool:
    """Poll `check()` until it is true or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return bool(check())


@dataclass
class Served:
    """A running `hangup-guide serve` and what it printed."""

    process: subprocess.Popen[bytes]
    port: int
    url: str
    token: str
    out: Path
    err: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def socket_url(self, token: str | None = None) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/{self.token if token is None else token}"

    def apps(self) -> set[int]:
        return children(self.process.pid)


@contextmanager
def serving(home: Path, *options: str) -> Iterator[Served]:
    """`hangup-guide serve --port FREE *options`, stopped with Ctrl+C (SIGINT) at the end,
    having printed no traceback."""
    port = free_port()
    out, err = home / "serve.out", home / "serve.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "guide", "serve", "--port", str(port), *options],
            cwd=REPO,
            env={**os.environ, "HANGUP_GUIDE_HOME": str(home), "PYTHONPATH": str(REPO)},
            stdout=stdout,
            stderr=stderr,
        )
    try:
        wait_until(lambda: process.poll() is not None or "?token=" in out.read_text(), START_S)
        found = re.findall(r"http://\S+\?token=(\S+)", out.read_text())
        assert found, f"no address printed in {START_S} s: {err.read_text()!r}"
        yield Served(
            process, port, f"http://127.0.0.1:{port}/?token={found[0]}", found[0], out, err
        )
    finally:
        stop(process)
    assert "Traceback" not in err.read_text(), err.read_text()


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


async def connect(
    http: aiohttp.ClientSession,
    served: Served,
    *,
    origin: str | None = "",
    token: str | None = None,
) -> aiohttp.ClientWebSocketResponse:
    """Open the app's websocket as textual-serve's page does (Origin: the page's own,
    unless told otherwise; then the terminal's size)."""
    socket_ = await http.ws_connect(
        served.socket_url(token) + "?width=80&height=24",
        origin=served.origin if origin == "" else origin,
        timeout=aiohttp.ClientWSTimeout(ws_close=5),
    )
    await socket_.send_json(["resize", {"width": 80, "height": 24}])
    return socket_


async def first_screen(socket_: aiohttp.ClientWebSocketResponse) -> str:
    """The app's text as it arrives, until the flow's title shows (bounded in time)."""
    received = b""
    deadline = time.monotonic() + START_S
    while time.monotonic() < deadline:
        try:
            message = await socket_.receive(timeout=max(0.1, deadline - time.monotonic()))
        except TimeoutError:
            break
        if message.type != aiohttp.WSMsgType.BINARY:
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
            continue
        received += message.data
        text = ESCAPES.sub(b"", received).decode("utf-8", "replace")
        if TITLE in text:
            return text
    raise AssertionError(f"the app's first screen did not come in {START_S} s")
