"""Files only their owner can read: the data folder 0700, every file in it 0600.

Saved walks hold names and private notes, so another account on the same machine
must not read them, whatever the umask (022 gives 0644 files, 000 gives 0666).
Modes are set explicitly after creating, because the umask can only take bits
away from what `open` asks for. SQLite gives its `-wal` and `-shm` journals the
mode of the database file, so a database made 0600 before SQLite first opens it
keeps its journals private too.

On Windows a file's mode is only its read-only flag: there the data folder sits
in the account's own profile, which Windows keeps from other accounts, and these
functions only create.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"


def private_folder(folder: Path, ours: bool) -> bool:
    """Make `folder` (and its parents) if needed, 0700 when we make it. An existing
    folder is tightened to 0700 only when `ours` (the folder is there for our data
    alone): a folder named by HANGUP_GUIDE_HOME that holds other things is the
    person's, and its mode is theirs to choose. True when a looser mode was tightened.
    """
    made = not folder.exists()
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if not POSIX:
        return False
    if made:
        _chmod(folder, FOLDER_MODE)
        return False
    return ours and tighten(folder, FOLDER_MODE)


def make_store_private(path: Path, also: tuple[str, ...] = (), dedicated: bool = False) -> bool:
    """The data folder 0700 and the database at `path`, its journals and damaged copies
    0600; the database is made here, empty, so that SQLite (which gives its journals
    the database's mode) never makes it with the umask's. The folder is tightened when
    it is `dedicated` to the guide (the user data folder), or holds nothing but these
    and the names in `also`. True when something of ours could be read by other
    accounts until now."""
    folder = path.parent
    ours = (
        dedicated
        or not folder.exists()
        or all(entry.name.startswith(path.name) or entry.name in also for entry in folder.iterdir())
    )
    loose = private_folder(folder, ours)
    create_private(path)
    for suffix in ("", "-wal", "-shm"):
        loose = tighten(path.with_name(path.name + suffix)) or loose
    for kept in folder.glob(f"{path.name}.corrupt-*"):
        loose = tighten(kept) or loose
    return loose


def tighten(path: Path, mode: int = FILE_MODE) -> bool:
    """Take away any permission beyond `mode` from a file or folder of this account;
    True when there was one. Another account's file, or a missing one, is left alone."""
    if not POSIX:
        return False
    try:
        found = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(found.st_mode) or found.st_uid != os.getuid():
        return False
    if stat.S_IMODE(found.st_mode) & ~mode == 0:
        return False
    _chmod(path, stat.S_IMODE(found.st_mode) & mode)
    return True


def create_private(path: Path) -> None:
    """Create `path` empty and 0600 if it is not there yet (an empty file is a valid,
    empty SQLite database); leave it as it is if it is."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    try:
        if POSIX:
            os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)


def write_private(path: Path, data: bytes, force: bool) -> None:
    """Write `data` to a new file only its owner can read. An existing file (or a
    link) is refused with FileExistsError unless `force`; with `force` it is
    replaced by a new private file, so an old loose mode or a link is not kept."""
    if not force:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            _fill(descriptor, data)
        except BaseException:  # a full disk: leave no half-written file behind
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        _fill(descriptor, data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def copy_private(source: Path, target: Path) -> None:
    """Copy a file byte for byte to a new file only its owner can read (never over
    an existing one: FileExistsError)."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(descriptor, "wb") as copy, source.open("rb") as original:
        if POSIX:
            os.fchmod(copy.fileno(), FILE_MODE)
        shutil.copyfileobj(original, copy)


def _fill(descriptor: int, data: bytes) -> None:
    with os.fdopen(descriptor, "wb") as file:
        if POSIX:
            os.fchmod(file.fileno(), FILE_MODE)
        file.write(data)


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # a file system without modes (FAT): nothing to keep
        path.chmod(mode)
