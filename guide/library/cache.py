"""The flow cache: flows already read and checked, so a start reads only what it walks.

Like Python's bytecode cache, but for flows, in one JSON file in the data folder
(`guide.places.cache_dir()`: `$HANGUP_GUIDE_HOME/cache/flows.json` when the home is
set). It holds three kinds of record:

- a file's reading (`read`): the flow as plain data (`guide.flow.plaindata`), its
  problems, or the one error that stopped it;
- a library's verdict (`libraries`): each file's status as a scan of that set of
  files gave it (links between flows make one file's status depend on the others);
- a `check` run's output (`checks`), for the same files and library.

Each record is trusted only while every file it depends on has the same key: its
size, mtime and ctime in nanoseconds and its inode (`key_of`), so a file changed
in any way, or replaced, or a file added or removed, is read and checked again. The
whole cache is ignored when it was written by another version of the guide, or of
the code that reads and checks flows (`code_stamp`). A file changed in the last two
seconds is not kept: a change within the file system's clock tick could keep its
size and mtime (git's "racy clean" problem).

A cache is data, never code: JSON read with `json.loads`, from which only the flow
model's own classes are built. It is read only when it is a regular file of this
account that no other account can write; damaged, too large, or of the wrong shape,
it is ignored (and replaced at the next write). It is written atomically (a private
temporary file, then `os.replace`), 0600 in a 0700 folder, and a folder that cannot
be written leaves the guide uncached, never stopped.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from pathlib import Path

from guide import __version__, places

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (2 ms a start)

if TYPE_CHECKING:
    from typing import Any, TypeAlias

FORMAT = 1
FILE_NAME = "flows.json"
MAX_BYTES = 32 * 1024 * 1024
"""A larger file is ignored: about thirty flows at the 1 MB limit."""
SETTLED_NS = 2_000_000_000
"""A file changed more recently than this is not kept: it may still be changing."""
KEPT = 6
"""Library verdicts and check runs kept (the newest first)."""
KEPT_FILES = 256
"""Files' readings kept: the ones read most lately (a file deleted long ago drops out)."""
CODE = ("flow", "practice", "library")
"""The guide's folders whose code decides what a flow is and what `check` says."""

Key: TypeAlias = "list[int]"
"""A file's size, mtime and ctime (ns) and inode: a file with the same key is unchanged."""
Files: TypeAlias = "list[list[Any]]"
"""`[[path, key or None], ...]`: the files a record depends on (None: not there)."""


def key_of(path: Path) -> Key | None:
    """The file's key, or None when it is not a regular file that can be looked at."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


def settled(key: Key | None) -> bool:
    """True when a file with this key was last written two seconds ago or more (a file
    that is not there is settled: its coming is a change of key)."""
    return key is None or time.time_ns() - key[1] >= SETTLED_NS


def files_of(paths: list[Path]) -> Files:
    return [[str(path), key_of(path)] for path in paths]


def code_stamp() -> str:
    """The guide's version and when its flow-reading code last changed (a checkout being
    worked on keeps version 0.1.0 through every change of the loader)."""
    package = Path(__file__).resolve().parents[1]
    latest, count = 0, 0
    for folder in CODE:
        with contextlib.suppress(OSError), os.scandir(package / folder) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    latest, count = max(latest, entry.stat().st_mtime_ns), count + 1
    return f"{__version__}/{FORMAT}/{count}/{latest}"


class FlowCache:
    """The cache as read at start; `save` writes it back if anything was added."""

    def __init__(self, document: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path
        self.stamp = code_stamp()
        fresh: dict[str, Any] = {"stamp": self.stamp, "files": {}, "libraries": [], "checks": []}
        if document is None or document.get("stamp") != self.stamp:
            document = fresh
        self.document: dict[str, Any] = document
        self.changed = False

    @classmethod
    def load(cls, path: Path | None = None) -> FlowCache:
        """The cache at `path` (default: the data folder's), or an empty one."""
        try:
            path = path or places.cache_dir() / FILE_NAME
        except (OSError, RuntimeError):  # no home folder to be found
            return cls()
        return cls(_document(path), path)

    def read(self, path: Path, key: Key | None) -> Any:
        """The reading kept for this file with this key; None when there is none."""
        files = self.document.get("files")
        kept = files.get(str(path)) if isinstance(files, dict) else None
        if key is None or not isinstance(kept, dict) or kept.get("key") != key:
            return None
        return kept.get("read")

    def keep_read(self, path: Path, key: Key | None, reading: Any) -> None:
        files = self.document.get("files")
        if key is not None and settled(key) and isinstance(files, dict):
            files.pop(str(path), None)  # to the end: the most lately read
            files[str(path)] = {"key": key, "read": reading}
            for stale in list(files)[:-KEPT_FILES]:
                del files[stale]
            self.changed = True

    def verdict(self, kind: str, files: Files) -> Any:
        """The record of `kind` ("libraries", "checks") made from exactly these files."""
        for record in self._records(kind):
            if isinstance(record, dict) and record.get("files") == files:
                return record.get("value")
        return None

    def keep_verdict(self, kind: str, files: Files, value: Any) -> None:
        if all(settled(key) for _, key in files):
            others = [r for r in self._records(kind) if r.get("files") != files]
            self.document[kind] = [{"files": files, "value": value}, *others][:KEPT]
            self.changed = True

    def _records(self, kind: str) -> list[dict[str, Any]]:
        records = self.document.get(kind)
        return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []

    def save(self) -> None:
        """Write the cache back if anything was added; quietly not, if it cannot be."""
        if not self.changed or self.path is None:
            return
        data = json.dumps(self.document, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OSError, ValueError):
            _write(self.path, data.encode("utf-8"))
        self.changed = False


def _document(path: Path) -> dict[str, Any] | None:
    """The cache file's JSON, if it is ours, private, small enough and whole."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    with os.fdopen(descriptor, "rb") as file:
        found = os.fstat(file.fileno())
        foreign = os.name == "posix" and (
            found.st_uid != os.getuid() or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        )
        if not stat.S_ISREG(found.st_mode) or foreign or found.st_size > MAX_BYTES:
            return None
        try:
            document = json.loads(file.read(MAX_BYTES + 1))
        except (OSError, ValueError, RecursionError):
            return None
    return document if isinstance(document, dict) else None


def _write(path: Path, data: bytes) -> None:
    """Write the cache privately. The data folder, if the cache is the first thing in it,
    is made 0700 as the store would make it (a looser one, made with the umask, would
    have the store tell the person their walks could be read by others)."""
    from guide.history.private import private_folder, write_private

    private_folder(path.parent.parent, ours=False)
    private_folder(path.parent, ours=True)
    write_private(path, data, force=True)


def forget(folder: Path | None = None) -> None:
    """Delete the cache (`wipe`): it holds nothing of a walk, but a wipe leaves no trace."""
    folder = folder or places.cache_dir()
    with contextlib.suppress(OSError):
        (folder / FILE_NAME).unlink()
    with contextlib.suppress(OSError):
        for stale in folder.glob(f".{FILE_NAME}.*.tmp"):
            stale.unlink()
        folder.rmdir()
