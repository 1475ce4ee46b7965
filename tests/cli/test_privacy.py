"""Saved walks are private: another account on the machine cannot read them.

The data folder is 0700 and every file the guide keeps there 0600 (the database, its
`-wal` and `-shm` journals, lock files, copies of a damaged file set aside), and so is
a file written by `export -o`, whatever the umask. As root the tests also switch to
the `nobody` account (uid 65534) and try to read the database, its journal and an
export, mid-walk, with umask 000 and 022. They work in a folder under /tmp that
nobody can enter (pytest's own temp folders are closed to other accounts, which
would make such a test pass for the wrong reason), and check first that nobody can
read a file left open to all there.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.history.ownership import FOLDER
from guide.history.store import FILE_NAME, Event, Store, now

from ..helpers import guide, lines
from .test_crash import Running
from .test_history import MAIN, ROUND, script_of

# A walk whose name is asked before its last step: a supplier's line dropped
# (Enter, 1, 3, 6, 1, 1, Sam, Alex, the order): "Sam" is saved while the walk goes on.
NAMED_EARLY = script_of(MAIN, ["1", "3", "6", "1", "1", "Sam", "Alex", "the order"])

NOBODY = 65534
UMASKS = [pytest.param(0o000, id="umask 000"), pytest.param(0o022, id="umask 022")]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """This process's umask for the test (children inherit it), put back after."""
    wanted: int = request.param
    before = os.umask(wanted)
    yield wanted
    os.umask(before)


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_every_file_of_the_store_is_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    home = tmp_path / "new" / "home"
    store = Store.open(home / FILE_NAME)
    sid = store.start("f", "F", "p", "d")
    store.record(sid, Event(0, now(), "enter", "Sam", "Sam", "Name?"), False, None, None)
    files = sorted(p.name for p in home.iterdir())
    assert files == [FOLDER, FILE_NAME, f"{FILE_NAME}-shm", f"{FILE_NAME}-wal"]
    assert mode(home) == 0o700
    assert mode(home / FOLDER) == 0o700
    for name in (FILE_NAME, f"{FILE_NAME}-shm", f"{FILE_NAME}-wal"):
        assert mode(home / name) == 0o600, name
    (lock,) = (home / FOLDER).iterdir()
    assert mode(lock) == 0o600
    store.close()


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_a_damaged_file_is_set_aside_privately(tmp_path: Path, umask: int) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / FILE_NAME).write_bytes(b"damaged " * 600)
    (home / FILE_NAME).chmod(0o644)
    with pytest.raises(Exception, match="damaged"):
        Store.open(home / FILE_NAME)
    (kept,) = home.glob(f"{FILE_NAME}.corrupt-*")
    assert mode(kept) == 0o600
    assert kept.read_bytes() == b"damaged " * 600


def loose_store(home: Path) -> None:
    """A store as an older version left it: folder 0755, database 0644."""
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    db = sqlite3.connect(home / FILE_NAME)
    db.execute("CREATE TABLE x (y)")
    db.commit()
    db.close()
    (home / FILE_NAME).chmod(0o644)


def test_an_older_loose_store_is_made_private_and_the_person_is_told(
    env: dict[str, str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    loose_store(home)
    done = guide(env, "--plain", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    told = f"hangup-guide: Your saved walks in {home} could be read by other accounts"
    assert told in done.stderr
    assert (mode(home), mode(home / FILE_NAME)) == (0o700, 0o600)
    again = guide(env, "history")
    assert "could be read" not in again.stderr  # said once: it is private now


def test_a_folder_that_holds_other_things_keeps_its_mode_but_not_our_files(
    env: dict[str, str], tmp_path: Path
) -> None:
    """HANGUP_GUIDE_HOME may name a folder of the person's own (their home, a shared
    folder): its mode is theirs, but the files we keep in it are ours to close."""
    home = tmp_path / "home"
    loose_store(home)
    (home / "shopping.txt").write_text("milk")
    done = guide(env, "--plain", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert "could be read by other accounts" in done.stderr
    assert mode(home) == 0o755
    assert mode(home / FILE_NAME) == 0o600
    assert mode(home / FOLDER) == 0o700


def test_the_user_data_folder_is_always_closed(env: dict[str, str], tmp_path: Path) -> None:
    """The folder made for the guide alone is closed even if something else (a file
    manager's `.DS_Store`) was put in it."""
    env = {k: v for k, v in env.items() if k != "HANGUP_GUIDE_HOME"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    folder = tmp_path / "data" / "hangup-guide"
    folder.parent.mkdir()
    loose_store(folder)
    (folder / ".DS_Store").write_bytes(b"")
    done = guide(env, "--plain", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert "could be read by other accounts" in done.stderr
    assert (mode(folder), mode(folder / FILE_NAME)) == (0o700, 0o600)


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_export_writes_a_file_only_its_owner_can_read(
    env: dict[str, str], tmp_path: Path, umask: int
) -> None:
    assert guide(env, "--plain", stdin=lines(*ROUND.lines)).returncode == 0
    target = tmp_path / "walk.md"
    done = guide(env, "export", "1", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert mode(target) == 0o600
    assert "Sam" in target.read_text(encoding="utf-8")


# --- as another account ---------------------------------------------------------------------


def read_as_nobody(path: Path) -> subprocess.CompletedProcess[bytes]:
    if os.geteuid() != 0:
        pytest.skip(
            "only root can switch to another account to try reading; the modes are"
            " checked for every account by the tests above"
        )
    return subprocess.run(
        ["cat", str(path)],
        user=NOBODY,
        group=NOBODY,
        extra_groups=[],
        capture_output=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
@pytest.mark.parametrize("where", ["a new data folder", "a folder open to all"])
def test_another_account_cannot_read_a_walk_under_way(
    env: dict[str, str], shared_tmp: Path, umask: int, where: str
) -> None:
    """Mid-walk (the journal holds the latest answers), and after `export -o`."""
    home = shared_tmp / "home" if where == "a new data folder" else shared_tmp
    open_to_all = home / "open-to-all.txt" if home == shared_tmp else shared_tmp / "open-to-all.txt"
    open_to_all.write_text("anyone can read this")
    open_to_all.chmod(0o644)
    assert read_as_nobody(open_to_all).stdout == b"anyone can read this"
    env = {**env, "HANGUP_GUIDE_HOME": str(home)}
    walking = Running(env)
    try:
        for n, line in enumerate(NAMED_EARLY.lines[:7]):
            walking.wait_for_prompts(n + 1)
            walking.type(line)
        walking.wait_for_prompts(8)  # "Sam" is saved, in the journal
        wal = home / f"{FILE_NAME}-wal"
        assert b"Sam" in wal.read_bytes()
        exported = shared_tmp / "walk.md"
        assert guide(env, "export", "1", "-o", str(exported)).returncode == 0
        assert "Sam" in exported.read_text(encoding="utf-8")
        for secret in (home / FILE_NAME, wal, exported):
            tried = read_as_nobody(secret)
            assert tried.returncode != 0 and tried.stdout == b"", secret
            assert b"Permission denied" in tried.stderr
    finally:
        walking.kill()
