"""One walk, one owner: a lock per saved walk that dies with the process holding it.

Each record names its owner, a random token, and beside the store there is a lock
file `locks/<token>.lock` for it. The copy of the guide that writes a walk holds an
advisory lock on that file (`flock` on POSIX, `msvcrt.locking` on Windows) for as
long as it runs, and the operating system lets go of it when the process ends,
however it ends (even `kill -9`): no timestamp is guessed at. A walk is offered
for resuming only to a copy that can take its lock, so never while another
running copy is still on it, and a copy that starts afresh sets aside only a walk
it holds. A new record's lock is taken before the record is written, so no other
copy can ever see a record whose owner has not locked it yet.

Lock files hold nothing: a file left by a process that was killed is only a name,
and is removed the next time the walks are looked through.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
from pathlib import Path

from guide.history.private import FILE_MODE, private_folder

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(descriptor: int) -> None:
        """Closing the file lets go of the lock."""


REMOVE_WHILE_LOCKED = sys.platform != "win32"
"""POSIX can remove a file that is open (Windows cannot): the last owner removes its
lock file while still holding it, and whoever opened it meanwhile sees it is gone."""

FOLDER = "locks"
TOKEN = re.compile(r"[0-9a-z][0-9a-z-]{0,63}\Z")
"""What an owner token may look like: it becomes a file name."""
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
ATTEMPTS = 5
"""Tries at locking a file that another copy is removing at that very moment."""


class WalkLock:
    """The lock on one walk's lock file, held while the file is open."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @classmethod
    def take(cls, path: Path) -> WalkLock | None:
        """Lock `path` without waiting; None when a running process holds it.
        OSError when the file cannot be made or the file system has no locks."""
        for _ in range(ATTEMPTS):
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | NO_FOLLOW, FILE_MODE)
            if not _lock(descriptor):
                os.close(descriptor)
                return None
            if _still_named(path, descriptor):
                return cls(path, descriptor)
            os.close(descriptor)  # removed by its last owner as we opened it: again
        return None

    def release(self) -> None:
        """Let go and remove the file (on POSIX while still holding it, so a copy
        that opened it meanwhile sees it is gone and makes a new one)."""
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        if REMOVE_WHILE_LOCKED:
            with contextlib.suppress(OSError):
                self.path.unlink()
        _unlock(descriptor)
        os.close(descriptor)
        if not REMOVE_WHILE_LOCKED:  # pragma: no cover - Windows: fails if open elsewhere
            with contextlib.suppress(OSError):
                self.path.unlink()


def _still_named(path: Path, descriptor: int) -> bool:
    """True when `path` is still the file locked through `descriptor`."""
    if not REMOVE_WHILE_LOCKED:  # pragma: no cover - nobody removes it while we open it
        return True
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def new_token() -> str:
    return secrets.token_hex(16)


class Owners:
    """The walks one open store owns, each by the lock on its lock file."""

    def __init__(self, store_folder: Path) -> None:
        self.folder = store_folder / FOLDER
        self._held: dict[int, WalkLock] = {}

    def lock_new(self) -> tuple[str, WalkLock]:
        """A token for a new record, already locked; OSError when it cannot be."""
        private_folder(self.folder, ours=True)
        token = new_token()
        lock = WalkLock.take(self.folder / f"{token}.lock")
        if lock is None:  # nobody else knows the token: only a broken file system
            raise OSError(f"cannot lock {self.folder / token}.lock")
        return token, lock

    def keep(self, session_id: int, lock: WalkLock) -> None:
        self._held[session_id] = lock

    def owns(self, session_id: int) -> bool:
        return session_id in self._held

    def claim(self, session_id: int, token: str) -> bool:
        """Own this walk if no running copy does (this store may own it already)."""
        if session_id in self._held:
            return True
        if not TOKEN.match(token):
            return False
        try:
            private_folder(self.folder, ours=True)
            lock = WalkLock.take(self.folder / f"{token}.lock")
        except OSError:
            return False
        if lock is None:
            return False
        self._held[session_id] = lock
        return True

    def release(self, session_id: int) -> None:
        lock = self._held.pop(session_id, None)
        if lock is not None:
            lock.release()

    def release_all(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)

    def sweep(self) -> None:
        """Remove the lock files no running copy holds: left by killed processes.
        (A walk that may still be resumed loses nothing: claiming makes its file again.)"""
        try:
            names = [entry.name for entry in os.scandir(self.folder)]
        except OSError:
            return
        for name in names:
            token = name.removesuffix(".lock")
            if not name.endswith(".lock") or not TOKEN.match(token):
                continue
            with contextlib.suppress(OSError):
                lock = WalkLock.take(self.folder / name)
                if lock is not None:
                    lock.release()


def remove_lock_files(store_folder: Path) -> None:
    """For wiping: every lock file goes, and the locks folder. (A copy still walking
    keeps its lock until it ends; its record is gone with the rest.)"""
    folder = store_folder / FOLDER
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".lock"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
        folder.rmdir()
