"""What the tests share: running `python -m guide` as a person would (through pipes or
on a pseudo-terminal), and walking a `Walk` with a list of moves."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from guide.flow.engine import Walk

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 60


def python(
    env: Mapping[str, str],
    *argv: str | bytes | Path,
    stdin: str | None = "",
    timeout: float = TIMEOUT,
    **popen: Any,
) -> subprocess.CompletedProcess[str]:
    """`python argv` in the checkout, with `env`, typing `stdin`; text out. `popen` goes
    to `subprocess.run` as it is (`preexec_fn=`, say)."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=REPO,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=dict(env),
        check=False,
        **popen,
    )


def guide(
    env: Mapping[str, str],
    *args: str | bytes | Path,
    stdin: str | None = "",
    options: tuple[str, ...] = (),
    timeout: float = TIMEOUT,
    **popen: Any,
) -> subprocess.CompletedProcess[str]:
    """`python [options] -m guide args` in the checkout, with `env`, typing `stdin`."""
    return python(env, *options, "-m", "guide", *args, stdin=stdin, timeout=timeout, **popen)


def refused(done: subprocess.CompletedProcess[str], code: int) -> str:
    """Check a run that stopped: exit `code`, and no traceback on stderr; its stderr."""
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == code, done.stderr
    return done.stderr


def main_script(setup: str = "") -> str:
    """A `python -c` script that runs the guide's `main` on the arguments after it, once
    `setup` (Python statements, each ending in `; `) has run: the same command line as
    `-m guide`."""
    return setup + "import sys; from guide.cli import main; sys.exit(main(sys.argv[1:]))"


SHORT_WAIT = main_script("import guide.history.store as s; s.BUSY_TIMEOUT = 0.3; ")
"""`python -c SHORT_WAIT args` is `python -m guide args` waiting 0.3 s (not 5 s) for
another copy's write lock."""


def at_a_terminal(
    env: Mapping[str, str], *args: str, typed: bytes
) -> subprocess.CompletedProcess[str]:
    """`python -m guide args` with a pseudo-terminal as stdin (so it asks), typing `typed`
    there; stdout and stderr are pipes."""
    leader, follower = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "guide", *args],
            cwd=REPO,
            env=dict(env),
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.write(leader, typed)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        os.close(follower)
        os.close(leader)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def lines(*typed: str) -> str:
    """What a person types, one line each."""
    return "".join(f"{line}\n" for line in typed)


def config_dir(env: Mapping[str, str]) -> Path:
    """Where the guide run with `env` keeps settings, flows and translations
    (`guide.places`): `HANGUP_GUIDE_HOME` when set, else the config folder."""
    home = env.get("HANGUP_GUIDE_HOME")
    if home:
        return Path(home).expanduser()
    return Path(env["XDG_CONFIG_HOME"]) / "hangup-guide"


def guide_env(home: Path, *, config: Path | None = None, color: bool = False) -> dict[str, str]:
    """This process's environment for a guide keeping everything in `home`, with UTF-8
    output, no colour unless `color`, and neither the person's own flow folders
    (HANGUP_GUIDE_FLOWS) nor a width to wrap to (COLUMNS); `config` as XDG_CONFIG_HOME."""
    dropped = {"HANGUP_GUIDE_FLOWS", "COLUMNS"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env["HANGUP_GUIDE_HOME"] = str(home)
    if config is not None:
        env["XDG_CONFIG_HOME"] = str(config)
    env["PYTHONIOENCODING"] = "utf-8"
    if not color:
        env["NO_COLOR"] = "1"
    return env


class Terminal:
    """`python -m guide` on a pseudo-terminal (stdin, stdout and stderr), `columns` wide
    when given; `seen` is every byte it has written so far."""

    def __init__(self, env: Mapping[str, str], *args: str, columns: int | None = None) -> None:
        master, slave = pty.openpty()
        if columns is not None:
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        os.set_blocking(master, False)
        self.master = master
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "guide", *args],
            cwd=REPO,
            env=dict(env),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
        )
        os.close(slave)
        self.seen = b""

    def read_until(self, wanted: bytes, timeout: float = TIMEOUT) -> bytes:
        deadline = time.monotonic() + timeout
        while wanted not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"never saw {wanted!r}: {self.seen[-2000:]!r}"
            if select.select([self.master], [], [], min(left, 0.2))[0] and not self._read():
                assert wanted in self.seen, self.seen[-2000:]  # the other side closed
        return self.seen

    def type(self, data: bytes) -> None:
        os.write(self.master, data)

    def finish(self, timeout: float = TIMEOUT) -> int:
        """Read all it writes until it exits (killed after `timeout`); its exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if select.select([self.master], [], [], 0.2)[0]:
                if not self._read():
                    break
            elif self.proc.poll() is not None:
                break
        try:
            code = self.proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            raise
        finally:
            os.close(self.master)
        return code

    def _read(self) -> bool:
        """Add what is waiting to `seen`; False once the other side has closed."""
        try:
            chunk = os.read(self.master, 65536)
        except BlockingIOError:
            return True
        except OSError:
            return False
        self.seen += chunk
        return bool(chunk)


def step(walk: Walk, action: str) -> None:
    """One move: "back", "restart", "escape", "proceed", or anything else typed as a reply."""
    if action == "back":
        assert walk.back()
    elif action == "restart":
        walk.restart()
    elif action == "escape":
        assert walk.escape()
    elif action == "proceed":
        walk.proceed()
    else:
        assert walk.reply(action).accepted, action


def act(walk: Walk, actions: Iterable[str]) -> None:
    """Walk on with each move in turn (see `step`)."""
    for action in actions:
        step(walk, action)
