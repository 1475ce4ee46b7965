"""Store step 3: practice results keep the answers given and a missed emergency; a
store from before is copied aside, private, then moved up with its results kept."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from guide.history.migrate import backup_path
from guide.history.schema import MIGRATIONS
from guide.history.store import SCHEMA_VERSION, GivenAnswer, PracticeResult, Store
from tests.helpers import guide, guide_env


def version_2_store(path: Path) -> None:
    """A store as version 2 left it, with one practice result."""
    db = sqlite3.connect(path, isolation_level=None)
    for version in (1, 2):
        db.executescript(MIGRATIONS[version])
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO practice_results (at, deck, scenario, score, outcome, expert_outcome,"
        " parted_at) VALUES ('2026-11-01T10:00:00+00:00', 'd', 's', 0.5, 'o', 'e', 'n')"
    )
    db.close()


def test_a_version_2_store_is_copied_aside_then_moved_up(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    version_2_store(path)
    store = Store.open(path)
    try:
        old = store.results()
        assert old == [
            PracticeResult("2026-11-01T10:00:00+00:00", "d", "s", 0.5, "o", "e", "n", (), None)
        ]
        new = PracticeResult(
            "2026-12-01T10:00:00+00:00", "d", "s", 1.0, "e", "e", None,
            (GivenAnswer("n", "Asked?", "Said | \"so\""),), False,
        )  # fmt: skip
        store.add_result(new)
        assert store.results() == [*old, new]
    finally:
        store.close()
    copy = backup_path(path, 2)
    assert copy.name == "sessions.db.v2.bak"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    db = sqlite3.connect(copy)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert db.execute("SELECT scenario, score FROM practice_results").fetchall() == [("s", 0.5)]
    db.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_new_store_keeps_no_copy(tmp_path: Path) -> None:
    Store.open(tmp_path / "sessions.db").close()
    assert not list(tmp_path.glob("*.bak"))


def test_wipe_deletes_the_copy_too(tmp_path: Path) -> None:
    version_2_store(tmp_path / "sessions.db")
    env = guide_env(tmp_path)
    assert guide(env, "practice", "--progress").returncode == 0  # opens, so moves it up
    assert (tmp_path / "sessions.db.v2.bak").exists()
    done = guide(env, "wipe", "--yes")
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob("sessions.db*"))
