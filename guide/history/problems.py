"""What can go wrong with the store, in sentences for the person: `StoreUnavailable`,
and setting a damaged file aside (copied byte for byte, privately, never overwritten)."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

from guide.history.private import copy_private

WALK_EFFECT = "this walk will not be saved"
NOTE_EFFECT = "the note was not saved"


class StoreUnavailable(Exception):
    """The store cannot be used this time; the message says why, for the person."""


def diagnose(path: Path, exc: sqlite3.Error) -> StoreUnavailable:
    """Turn an SQLite failure at opening into a sentence; a damaged file is copied aside."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text or "full" in text:
        return StoreUnavailable(locked_or(exc, path))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreUnavailable(unwritable(path, exc))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        try:
            aside = keep_aside(path)
        except OSError:
            return StoreUnavailable(
                f"the saved walks at {path} are damaged; this walk will not be saved"
            )
        return Damaged(
            f"the saved walks at {path} were damaged; the file was kept as {aside} and a new"
            " one will be started next time; this walk will not be saved"
        )
    return StoreUnavailable(f"cannot use the saved walks at {path}: {exc}")


class Damaged(StoreUnavailable):
    """The store was damaged and has been copied aside; the original may now go."""


def keep_aside(path: Path) -> Path:
    """Copy the damaged file and its journals, byte for byte, under a name not yet used."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    number = 0
    while True:
        aside = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{number}" if number else ""))
        if not aside.exists():
            break
        number += 1
    for suffix in ("", "-wal"):  # -shm is only an index, rebuilt from these two
        source = path.with_name(path.name + suffix)
        if source.exists() and (suffix == "" or source.stat().st_size > 0):
            copy_private(source, aside.with_name(aside.name + suffix))
    return aside


def remove_damaged(path: Path, problem: StoreUnavailable) -> None:
    """Once copied aside, take the damaged file away so the next start begins afresh."""
    if not isinstance(problem, Damaged):
        return
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def unwritable(path: Path, exc: Exception) -> str:
    return (
        f"the saved walks at {path} cannot be created or written (read-only disk or folder:"
        f" {exc}); this walk will not be saved"
    )


def locked_or(exc: sqlite3.Error, path: Path, effect: str = WALK_EFFECT) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (
            f"the saved walks at {path} are in use by another running copy of Hang-up Guide;"
            f" {effect}"
        )
    if "readonly" in text:
        return f"the saved walks at {path} cannot be written (read-only); {effect}"
    if "full" in text:
        return f"the disk that holds the saved walks at {path} is full; {effect}"
    return f"cannot save to {path}: {exc}; {effect}"
