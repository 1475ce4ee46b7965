"""Opening a flow or deck file that someone else may have put there: regular files only.

A named pipe (FIFO) in a flow folder made `flows`, every walk and `check` wait forever
for a writer, and a symlink to `/dev/zero` was read without end. Before anything is
opened the path is checked with `os.stat` (which follows symlinks), and it is opened
with `O_NONBLOCK` and checked again, in case it was swapped in between. What is read
stays capped by the caller.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from guide.flow.limits import CONTROL, DEFAULT_LIMITS, Limits, located, too_large

KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


def _mode(path: Path) -> int | None:
    """The path's mode, following symlinks; None when it cannot be looked at (missing,
    a name too long, a NUL byte in it: `Path.is_file` raises for some of these)."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def is_regular(path: Path) -> bool:
    """True for a regular file (or a symlink to one); never raises."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def is_folder(path: Path) -> bool:
    """True for a folder (or a symlink to one); never raises."""
    mode = _mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def special_kind(path: Path) -> str | None:
    """What `path` is when it exists but is not a regular file ("a named pipe (FIFO)",
    "a folder", ...); None for a regular file or nothing at all."""
    mode = _mode(path)
    return None if mode is None or stat.S_ISREG(mode) else _kind(mode)


def refuse_odd_name(path: Path) -> None:
    """A located `bad-file-name` `FlowError` when the path is not valid UTF-8 or holds a
    control character: a walk keeps its flow's path and shows it, and no database takes
    those bytes nor should a terminal be sent them."""
    name = str(path)
    if any("\ud800" <= char <= "\udfff" for char in name) or CONTROL.search(name):
        raise located(
            name,
            1,
            1,
            "bad-file-name",
            "the file's name (or its folder's) is not UTF-8 or holds a control character;"
            " rename it to use it",
        )


def refuse_special(path: Path, mode: int) -> None:
    """A located `not-a-file` `FlowError` unless `mode` is a regular file's."""
    if not stat.S_ISREG(mode):
        raise located(
            str(path),
            1,
            1,
            "not-a-file",
            f"this is {_kind(mode)}, not a file; it was skipped, not opened",
        )


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """`path` opened for reading in binary, if it is a regular file.

    Raises `FlowError` (`not-a-file`, at 1:1) for a FIFO, device, socket or folder,
    (`bad-file-name`) for a name that is not UTF-8, and `OSError` when it is missing
    or unreadable.
    """
    refuse_odd_name(path)
    refuse_special(path, os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        refuse_special(path, os.fstat(fd).st_mode)  # swapped since the first look
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        yield handle


def read_capped(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A regular file's bytes; `too-large` when it says it is over the limit, and never
    more than one byte past the limit read (a file in /proc says it is empty)."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise too_large(str(path), size, limits)
        return handle.read(limits.max_bytes + 1)
