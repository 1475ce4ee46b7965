"""Lines typed to the plain face, with a way to wait for one while a countdown runs.

`input()` cannot be asked "has a line come?": after one read it may hold more lines
in its own buffer (a pipe), where `select` cannot see them. So on a POSIX console the
plain face reads standard input's bytes itself, keeps what is not yet a line, and
asks `select` only when nothing is kept. Where `select` cannot watch standard input
(Windows), it reads with `input()` and a running countdown is stopped with Ctrl+C.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable

CHUNK = 4096


class TypedLines:
    """The lines arriving on one file descriptor, decoded as the console decodes them."""

    def __init__(self, fd: int, encoding: str, errors: str) -> None:
        self.fd = fd
        self.encoding = encoding
        self.errors = errors
        self.kept = b""
        """Bytes read but not yet handed out (the start of a line, or whole lines)."""
        self.ended = False
        """The input has ended: nothing more will come."""

    def read(self) -> str:
        """The next line without its line ending; EOFError when the input has ended."""
        while b"\n" not in self.kept and not self.ended:
            self._take(os.read(self.fd, CHUNK))
        return self._line()

    def poll(self, seconds: float) -> str | None:
        """The next line if one is typed within `seconds`, else None (having waited).
        Once the input has ended it only waits, and leaves the end to `read`."""
        deadline = time.monotonic() + seconds
        while b"\n" not in self.kept:
            left = deadline - time.monotonic()
            if self.ended:
                time.sleep(max(0.0, left))
                return None
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            self._take(os.read(self.fd, CHUNK))
        return self._line()

    def _take(self, chunk: bytes) -> None:
        if chunk:
            self.kept += chunk
        else:
            self.ended = True

    def _line(self) -> str:
        if not self.kept and self.ended:
            raise EOFError
        line, _, self.kept = self.kept.partition(b"\n")
        return line.removesuffix(b"\r").decode(self.encoding, self.errors)


def console_lines() -> tuple[Callable[[], str], Callable[[float], str | None] | None]:
    """How to read standard input, and how to wait for a line (None where it cannot)."""
    stdin = sys.stdin
    try:
        fd = stdin.fileno()
        select.select([fd], [], [], 0)
    except (AttributeError, ValueError, OSError):  # no descriptor, or select refuses it
        return input, None
    if os.name != "posix":  # select may accept the descriptor and still not work
        return input, None
    lines = TypedLines(fd, stdin.encoding or "utf-8", stdin.errors or "replace")
    return lines.read, lines.poll
