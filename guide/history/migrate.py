"""Preparing an opened store file: check it, switch on WAL, and migrate it to our schema."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from guide.history.private import create_private
from guide.history.problems import StoreUnavailable
from guide.history.schema import MIGRATIONS, SCHEMA_VERSION


def prepare(db: sqlite3.Connection, path: Path, patience: float) -> None:
    """Check the file, switch on WAL, and migrate it forward to our schema.

    The version is read inside the write transaction, so two copies starting
    at once on a new store do not both run the same migration. `patience` is how
    many seconds to keep retrying while another copy holds the lock.
    """
    db.execute("PRAGMA foreign_keys = ON")
    found = _check_version(db, path)
    if found == SCHEMA_VERSION:
        _quick_check(db)
        db.execute("PRAGMA synchronous = NORMAL")
        return  # up to date: reading needs no write lock (another copy may hold it)
    _quick_check(db)
    if found > 0:
        keep_backup(db, path, found)
    _patiently(db, "PRAGMA journal_mode = WAL", patience)
    db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a killed process
    _patiently(db, "BEGIN IMMEDIATE", patience)
    try:
        version = _check_version(db, path)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[target]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {target}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def backup_path(path: Path, version: int) -> Path:
    """Where a store file at `version` is copied before it is migrated forward."""
    return path.with_name(f"{path.name}.v{version}.bak")


def keep_backup(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Copy the store aside, private like it, before migrating it (a copy made by an
    earlier try is kept as it is); `StoreUnavailable` when no copy can be made."""
    target = backup_path(path, version)
    if target.exists():
        return
    try:
        create_private(target)
        copy = sqlite3.connect(target)
        try:
            db.backup(copy)
        finally:
            copy.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise StoreUnavailable(
            f"the saved walks at {path} need updating, but no copy could be kept first"
            f" at {target}: {exc}"
        ) from None


def _quick_check(db: sqlite3.Connection) -> None:
    if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")


def _patiently(db: sqlite3.Connection, statement: str, patience: float) -> None:
    """Run a statement that needs the lock, retrying while another copy is starting too.

    Switching to WAL does not wait on SQLite's busy handler, so copies that start
    together on a new store would otherwise fail at once.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            db.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _check_version(db: sqlite3.Connection, path: Path) -> int:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreUnavailable(
            f"the saved walks at {path} were written by a newer Hang-up Guide (schema"
            f" {version}, this one knows {SCHEMA_VERSION}); update it to use them"
        )
    return version


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
