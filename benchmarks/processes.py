"""Child processes for the benchmarks: a sandboxed environment, timed and measured runs.

Every child gets its own empty config, data and store folders (nothing of the
person's is read or written) and a bytecode cache in the sandbox: an installed
package has its `.pyc` files, so a start-up timing should not include compiling
the checkout's sources, yet nothing is written into the checkout either.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600.0
PYCACHE = Path(tempfile.gettempdir()) / f"hangup-guide-bench-pycache-{os.getuid()}"
"""Kept between runs (compiling Textual again each time would cost seconds)."""
DROPPED = ("NO_COLOR", "FORCE_COLOR", "HANGUP_GUIDE_FLOWS", "PYTHONDONTWRITEBYTECODE")


def now_ns() -> int:
    """The machine-wide monotonic clock the runner uses too."""
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


@dataclass(frozen=True)
class Finished:
    """A child that ran: when it started, its exit code, stderr, peak RSS, wall time and
    CPU time (user + system, its own: `wait4`'s rusage of this child alone)."""

    started_ns: int
    returncode: int
    stderr: str
    max_rss_kib: int
    seconds: float
    cpu_seconds: float = 0.0


class ChildFailed(RuntimeError):
    """A benchmark child exited badly; the message carries the end of its stderr."""


class Sandbox:
    """Temporary home folders for the children, removed by `close`."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="hangup-guide-bench-")
        self.path = Path(self._dir.name)
        env = {k: v for k, v in os.environ.items() if k not in DROPPED}
        env = {k: v for k, v in env.items() if not k.startswith("TEXTUAL")}
        for name in ("config", "data", "cache", "state", "store"):
            (self.path / name).mkdir()
        env.update(
            XDG_CONFIG_HOME=str(self.path / "config"),
            XDG_DATA_HOME=str(self.path / "data"),
            XDG_CACHE_HOME=str(self.path / "cache"),
            XDG_STATE_HOME=str(self.path / "state"),
            HANGUP_GUIDE_HOME=str(self.path / "store"),
            TERM=env.get("TERM", "xterm-256color").replace("dumb", "xterm-256color"),
            PYTHONPYCACHEPREFIX=str(PYCACHE),
        )
        self.env = env

    def run(self, args: list[str], timeout: float = TIMEOUT, terminal: bool = False) -> Finished:
        """`python args` in the checkout; waits with `wait4` for this child's own rusage.

        With `terminal`, stdin and stderr are a pseudo-terminal, as when a person starts
        the app (the guide declines to start the app without one); stdout is discarded.
        """
        if terminal:
            reading, writing = pty.openpty()
            stdin = writing
        else:
            reading, writing = os.pipe()
            stdin = subprocess.DEVNULL
        started = now_ns()
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=writing,
        )
        os.close(writing)
        output: list[bytes] = []
        reader = threading.Thread(target=_drain, args=(reading, output))
        reader.start()
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        ended = now_ns()
        process.returncode = os.waitstatus_to_exitcode(status)
        reader.join()
        os.close(reading)
        stderr = b"".join(output).decode("utf-8", "replace")
        return Finished(
            started,
            process.returncode,
            stderr,
            usage.ru_maxrss,
            (ended - started) / 1e9,
            usage.ru_utime + usage.ru_stime,
        )

    def run_ok(self, args: list[str], timeout: float = TIMEOUT, terminal: bool = False) -> Finished:
        finished = self.run(args, timeout, terminal)
        if finished.returncode != 0:
            raise ChildFailed(
                f"`python {' '.join(args[:4])} …` exited with {finished.returncode}:\n"
                + finished.stderr[-3000:]
            )
        return finished

    def close(self) -> None:
        self._dir.cleanup()


def _drain(source: int, into: list[bytes]) -> None:
    """Read a child's output until it ends (a full pipe or terminal would stop the child)."""
    while True:
        try:
            chunk = os.read(source, 65536)
        except OSError:  # the terminal's other side closed: the child has gone
            return
        if not chunk:
            return
        into.append(chunk)
