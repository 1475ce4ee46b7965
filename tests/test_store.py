"""The session store on its own: the file, the round trip, and every way it can fail.

Each failure the person can meet (a damaged file, one from a newer version, a
read-only folder, another running copy holding the lock) must end in
`StoreUnavailable` with a sentence that says which, and must never destroy
what was saved.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import guide.history.migrate as migrate_module
import guide.history.store as store_module
from guide.history.store import (
    FILE_NAME,
    HOME_ENV,
    SCHEMA_VERSION,
    Event,
    Store,
    StoreUnavailable,
    default_path,
    steps_of,
)

REPO = Path(__file__).resolve().parents[1]
NOBODY = 65534


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / FILE_NAME


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    opened = Store.open(path)
    yield opened
    opened.close()


def event(kind: str = "choose", value: str = "1", label: str = "Yes", asked: str = "Q?") -> Event:
    return Event(0, store_module.now(), kind, value, label, asked, "flow", "node")


def start(store: Store, flow_id: str = "hang-up") -> int:
    return store.start(flow_id, "Someone hung up on me", "/flows/hang-up.yaml", "d1g3st")


def raw(path: Path) -> sqlite3.Connection:
    """A connection of our own, as another program (or another copy) would have."""
    return sqlite3.connect(path, isolation_level=None)


def filled(path: Path, sessions: int = 6, events: int = 80) -> None:
    """A healthy store of several pages, closed cleanly (the WAL folded back in)."""
    store = Store.open(path)
    for _ in range(sessions):
        sid = start(store)
        for i in range(events):
            store.record(sid, event("enter", f"value {i} " * 6, f"label {i}", "asked " * 8), *NOT)
    store.close()
    assert not path.with_name(path.name + "-wal").exists()


NOT = (False, None, None)
"""record(): not finished, no outcome."""


# --- the file -----------------------------------------------------------------------------


def test_open_creates_the_file_in_wal_mode_at_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "not" / "there" / "yet" / FILE_NAME
    Store.open(path).close()
    assert path.is_file()
    db = raw(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sessions", "events", "practice_results"} <= tables
    db.close()


def test_the_store_lives_under_hangup_guide_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / FILE_NAME
    store = Store.open()
    assert store.path == tmp_path / "home" / FILE_NAME
    store.close()
    assert (tmp_path / "home" / FILE_NAME).is_file()


def test_without_the_override_it_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(HOME_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "hangup-guide" / FILE_NAME


def test_opening_again_keeps_what_was_saved(path: Path) -> None:
    store = Store.open(path)
    sid = start(store)
    store.record(sid, event(), *NOT)
    store.close()
    again = Store.open(path)
    assert [s.id for s in again.sessions()] == [sid]
    assert [e.label for e in again.events(sid)] == ["Yes"]
    again.close()


# --- the round trip ------------------------------------------------------------------------


def test_start_record_and_read_back(store: Store) -> None:
    sid = start(store)
    new = store.session(sid)
    assert (new.flow_id, new.flow_title, new.flow_path, new.flow_digest) == (
        "hang-up",
        "Someone hung up on me",
        "/flows/hang-up.yaml",
        "d1g3st",
    )
    assert (new.finished, new.abandoned, new.outcome, new.note, new.steps) == (
        False,
        False,
        None,
        "",
        0,
    )
    saved = [
        Event(0, "2026-01-01T10:00:00+00:00", "proceed", "", "", "Take a breath.", "hang-up", "a"),
        Event(0, "2026-01-01T10:00:05+00:00", "choose", "2", "Angry", "Why?", "hang-up", "b"),
        Event(0, "2026-01-01T10:00:09+00:00", "enter", "Sam", "Sam", "Name?", "hang-up", "c"),
    ]
    for item in saved:
        store.record(sid, item, *NOT)
    back = store.events(sid)
    assert [e.seq for e in back] == [1, 2, 3]
    assert [(e.at, e.kind, e.value, e.label, e.asked, e.flow_id, e.node) for e in back] == [
        (e.at, e.kind, e.value, e.label, e.asked, e.flow_id, e.node) for e in saved
    ]
    assert store.session(sid).updated == "2026-01-01T10:00:09+00:00"
    assert store.session(sid).steps == 3


def test_every_step_is_committed_at_once(store: Store, path: Path) -> None:
    """Another connection (another copy, or the next start after a crash) sees each step
    as soon as record() returns: one transaction per step, nothing left pending."""
    sid = start(store)
    reader = raw(path)
    for n in range(1, 4):
        store.record(sid, event(value=str(n)), *NOT)
        seen = reader.execute("SELECT COUNT(*) FROM events WHERE session_id = ?", (sid,))
        assert seen.fetchone()[0] == n
    reader.close()


def test_a_finished_walk_keeps_its_outcome(store: Store) -> None:
    sid = start(store)
    shown = json.dumps({"title": "Call them back", "steps": ["Ring once."]})
    store.record(sid, event(), True, "call-back", shown)
    done = store.session(sid)
    assert (done.finished, done.outcome, done.outcome_json) == (True, "call-back", shown)


def test_sessions_are_listed_newest_first(store: Store) -> None:
    """Newest by the last step taken, not by when the walk began."""
    first, second, third = start(store), start(store, "sales"), start(store)
    for sid, at in ((first, "2030-01-03"), (second, "2030-01-01"), (third, "2030-01-02")):
        store.record(sid, Event(0, f"{at}T10:00:00+00:00", "choose", "1"), *NOT)
    assert [s.id for s in store.sessions()] == [first, third, second]


def test_an_unknown_session_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.session(42)
    with pytest.raises(KeyError):
        store.set_note(42, "hello")
    assert store.events(42) == []


def test_a_note_is_kept_with_the_walk(store: Store) -> None:
    sid = start(store)
    store.set_note(sid, "Called back the next day; all fine.")
    assert store.session(sid).note == "Called back the next day; all fine."
    store.set_note(sid, "")
    assert store.session(sid).note == ""


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param([], None, id="nothing saved"),
        pytest.param(["started"], None, id="started but no step taken"),
        pytest.param(["started", "step"], "last", id="one step taken"),
        pytest.param(["started", "step", "finish"], None, id="finished"),
        pytest.param(["started", "step", "abandon"], None, id="set aside"),
        pytest.param(["started", "step", "started", "step"], "last", id="the latest of two"),
        pytest.param(["started", "step", "started"], "first", id="a later empty one is skipped"),
        pytest.param(["started", "step", "back"], None, id="every step taken back"),
    ],
)
def test_unfinished(store: Store, setup: list[str], expected: str | None) -> None:
    ids: list[int] = []
    for action in setup:
        if action == "started":
            ids.append(start(store))
        elif action == "step":
            store.record(ids[-1], event(), *NOT)
        elif action == "back":
            store.record(ids[-1], event("back", "", ""), *NOT)
        elif action == "finish":
            store.record(ids[-1], event(), True, "call-back", "{}")
        elif action == "abandon":
            store.abandon(ids[-1])
    left = store.unfinished()
    if expected is None:
        assert left is None
    else:
        wanted = ids[-1] if expected == "last" else ids[0]
        assert left is not None and left.id == wanted


def test_abandon_keeps_the_walk_in_history(store: Store) -> None:
    sid = start(store)
    store.record(sid, event(), *NOT)
    store.abandon(sid)
    kept = store.session(sid)
    assert kept.abandoned and not kept.finished
    assert [e.label for e in store.events(sid)] == ["Yes"]


@pytest.mark.parametrize(
    ("kinds", "steps"),
    [
        ([], 0),
        (["proceed", "choose", "enter"], 3),
        (["choose", "back"], 0),
        (["back"], 0),
        (["back", "back", "choose"], 1),
        (["choose", "choose", "back", "choose"], 2),
        (["choose", "choose", "restart"], 0),
        (["choose", "restart", "proceed", "choose", "back"], 1),
        (["choose", "escape"], 2),
    ],
)
def test_steps_count_back_and_restart(store: Store, kinds: list[str], steps: int) -> None:
    sid = start(store)
    for kind in kinds:
        store.record(sid, event(kind), *NOT)
    assert steps_of(store.events(sid)) == steps
    assert store.session(sid).steps == steps


def test_an_empty_file_is_migrated_from_version_0(path: Path) -> None:
    path.write_bytes(b"")
    store = Store.open(path)
    sid = start(store)
    store.record(sid, event(), *NOT)
    store.close()
    db = raw(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_newer_schema_version_is_refused_and_left_alone(path: Path) -> None:
    filled(path, sessions=1, events=3)
    db = raw(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreUnavailable, match="newer") as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))


def test_versions_migrate_forward_keeping_the_walks(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later version adds to the schema; a file from this version moves up to it with
    every walk kept."""
    store = Store.open(path)
    sid = start(store)
    store.record(sid, event(label="Angry"), *NOT)
    store.set_note(sid, "kept")
    store.close()
    monkeypatch.setattr(migrate_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(
        migrate_module.MIGRATIONS,
        SCHEMA_VERSION + 1,
        "ALTER TABLE sessions ADD COLUMN mood TEXT NOT NULL DEFAULT 'calm';"
        " CREATE INDEX events_by_kind ON events(kind)",
    )
    store = Store.open(path)
    assert store.session(sid).note == "kept"
    assert [e.label for e in store.events(sid)] == ["Angry"]
    store.record(sid, event(label="Sam"), *NOT)
    store.close()
    db = raw(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert db.execute("SELECT mood FROM sessions").fetchall() == [("calm",)]
    db.close()


def test_a_migration_that_fails_changes_nothing(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(path, sessions=1, events=3)
    monkeypatch.setattr(migrate_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(
        migrate_module.MIGRATIONS,
        SCHEMA_VERSION + 1,
        "ALTER TABLE sessions ADD COLUMN mood TEXT; ALTER TABLE no_such_table ADD COLUMN x TEXT",
    )
    with pytest.raises(StoreUnavailable):
        Store.open(path)
    db = raw(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]
    assert "mood" not in columns
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 3
    db.close()
    assert not list(path.parent.glob("*.corrupt-*"))  # a failed migration is not "damage"


# --- a damaged file ------------------------------------------------------------------------


def random_bytes(path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(rng.randint(1, 40_000)))


def text_file(path: Path, rng: random.Random) -> None:
    path.write_text("these are my notes, not a database\n" * rng.randint(1, 200))


def garbage_pages(path: Path, rng: random.Random) -> None:
    filled(path)
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    for page in rng.sample(range(1, pages), 3):
        data[page * 4096 : (page + 1) * 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


def garbage_schema_page(path: Path, rng: random.Random) -> None:
    filled(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = rng.randbytes(3996)  # page 1 after the header: the schema
    path.write_bytes(bytes(data))


def garbage_header(path: Path, rng: random.Random) -> None:
    filled(path)
    data = bytearray(path.read_bytes())
    data[:100] = rng.randbytes(100)
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path, random.Random], None]] = {
    "random bytes": random_bytes,
    "a text file": text_file,
    "garbage over three pages": garbage_pages,
    "garbage over the schema": garbage_schema_page,
    "garbage over the header": garbage_header,
}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_is_kept_aside_byte_for_byte(path: Path, damage: str, seed: int) -> None:
    DAMAGE[damage](path, random.Random(seed))
    original = path.read_bytes()
    with pytest.raises(StoreUnavailable) as caught:
        Store.open(path)
    kept = list(path.parent.glob(f"{FILE_NAME}.corrupt-*"))
    assert len(kept) == 1, kept
    assert kept[0].read_bytes() == original
    assert not path.exists()
    message = str(caught.value)
    assert "damaged" in message
    assert str(kept[0]) in message
    assert "will not be saved" in message
    # The next start begins a new, empty store; the kept copy is not touched.
    fresh = Store.open(path)
    assert fresh.sessions() == []
    start(fresh)
    fresh.close()
    assert kept[0].read_bytes() == original


def test_a_second_damaged_file_does_not_overwrite_the_first_copy(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two damaged files found in the same second (the clock is held still here) must
    both be kept: a kept copy is never overwritten."""
    monkeypatch.setattr(time, "strftime", lambda *_: "20260101-120000")
    path.write_bytes(b"first damaged file " * 100)
    with pytest.raises(StoreUnavailable):
        Store.open(path)
    path.write_bytes(b"second damaged file " * 100)
    with pytest.raises(StoreUnavailable):
        Store.open(path)
    kept = sorted(f.read_bytes() for f in path.parent.glob(f"{FILE_NAME}.corrupt-*"))
    assert kept == sorted([b"first damaged file " * 100, b"second damaged file " * 100])


KILLED_COPY = """
import os, signal, sys
from pathlib import Path
from guide.history.store import Event, Store
store = Store.open(Path(sys.argv[1]))
sid = store.start("f", "F", "p", "d")
for i in range(20):
    store.record(sid, Event(0, "now", "enter", f"LATEST-{i}", "x", "Q?"), False, None, None)
os.kill(os.getpid(), signal.SIGKILL)
"""


def wal_pages(wal: bytes, page_size: int = 4096) -> set[int]:
    """The page numbers a WAL file holds frames for."""
    pages, offset = set(), 32
    while offset + 24 + page_size <= len(wal):
        pages.add(int.from_bytes(wal[offset : offset + 4], "big"))
        offset += 24 + page_size
    return pages


def test_a_damaged_file_with_a_journal_keeps_both_as_they_were(path: Path) -> None:
    """A copy was killed with its last steps still in the -wal journal, and the main file
    is damaged since. Both files are kept aside unchanged (the journal holds the latest
    steps), and no journal is left where the new store will be."""
    filled(path)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_COPY, str(path)], cwd=REPO, timeout=60, check=False
    )
    assert killed.returncode == -9
    wal = path.with_name(path.name + "-wal")
    journal = wal.read_bytes()
    assert b"LATEST-19" in journal
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    spare = sorted(set(range(2, len(data) // 4096)) - wal_pages(journal))
    for page in rng.sample(spare, 3):  # damage only what the journal does not cover
        data[page * 4096 : (page + 1) * 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreUnavailable, match="damaged"):
        Store.open(path)
    assert not path.exists()
    assert not wal.exists()
    assert not path.with_name(path.name + "-shm").exists()
    kept = {f.name: f.read_bytes() for f in path.parent.glob(f"{FILE_NAME}.corrupt-*")}
    damaged = bytes(data)
    assert any(v == damaged for v in kept.values()), "the damaged file was changed first"
    assert any(v == journal for v in kept.values()), "the journal (latest steps) was lost"


# --- a read-only folder ---------------------------------------------------------------------


def _can_write(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_text("probe")
    except OSError:
        return False
    probe.unlink()
    return True


def test_a_read_only_folder_is_said_so(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if _can_write(folder):
            pytest.skip(
                "chmod does not stop this user from writing (root): see the tests run as"
                " another user below"
            )
        with pytest.raises(StoreUnavailable, match="read-only"):
            Store.open(folder / FILE_NAME)
    finally:
        folder.chmod(0o755)


OPEN_AS_OTHER = """
import sys
from pathlib import Path
from guide.history.store import Event, Store, StoreUnavailable
try:
    store = Store.open(Path(sys.argv[1]))
    store.record(1, Event(0, "now", "choose", "1", "Yes", "Q?"), False, None, None)
except StoreUnavailable as exc:
    print("unavailable:", exc)
else:
    print("saved")
"""


def _interpreters() -> list[str]:
    """Pythons to run as another user: ours, then the system's (ours may sit in a folder
    only root can enter, as with pyenv under /root)."""
    found = [sys.executable, "/usr/bin/python3", shutil.which("python3") or ""]
    return list(dict.fromkeys(p for p in found if p))


def as_nobody(
    script: str, *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run a script as an unprivileged user, where file permissions hold even for root."""
    if os.geteuid() != 0:
        pytest.skip("only needed as root; the test above covers other users")
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join([str(REPO), sysconfig.get_paths()["purelib"]]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    nobody: dict[str, object] = {"user": NOBODY, "group": NOBODY, "extra_groups": []}
    check = "import sys; assert sys.version_info[:2] == (3, 11); import guide.history.store"
    for python in _interpreters():
        try:
            usable = subprocess.run(
                [python, "-c", check],
                cwd=REPO,
                env=environment,
                capture_output=True,
                timeout=60,
                check=False,
                **nobody,  # type: ignore[arg-type]  # a hostile value on purpose
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if usable.returncode == 0:
            return subprocess.run(
                [python, "-c", script, *args],
                cwd=REPO,
                env=environment,
                input=stdin,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=60,
                check=False,
                **nobody,  # type: ignore[arg-type]  # a hostile value on purpose
            )
    pytest.skip("no Python 3.11 that an unprivileged user can run here")


def test_a_read_only_folder_is_said_so_even_for_root(shared_tmp: Path) -> None:
    folder = shared_tmp / "ro"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    done = as_nobody(OPEN_AS_OTHER, str(folder / FILE_NAME))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("unavailable:")
    assert "read-only" in done.stdout
    assert not (folder / FILE_NAME).exists()


def test_a_read_only_file_is_said_so_even_for_root(shared_tmp: Path) -> None:
    path = shared_tmp / FILE_NAME
    filled(path, sessions=1, events=2)
    path.chmod(0o444)
    shared_tmp.chmod(0o555)
    before = path.read_bytes()
    done = as_nobody(OPEN_AS_OTHER, str(path))
    shared_tmp.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("unavailable:")
    assert "read-only" in done.stdout
    assert path.read_bytes() == before
    assert not list(shared_tmp.glob("*.corrupt-*"))


@pytest.mark.parametrize(
    "error",
    ["attempt to write a readonly database", "unable to open database file"],
)
def test_a_read_only_disk_is_said_so(
    path: Path, monkeypatch: pytest.MonkeyPatch, error: str
) -> None:
    """What SQLite says when the disk or folder cannot be written, wherever it says it,
    becomes the read-only sentence."""

    def refuse(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(store_module.sqlite3, "connect", refuse)
    with pytest.raises(StoreUnavailable, match="read-only") as caught:
        Store.open(path)
    assert str(path) in str(caught.value)


# --- another running copy ----------------------------------------------------------------------


WRITES: dict[str, Callable[[Store, int], object]] = {
    "start": lambda store, sid: start(store),
    "record": lambda store, sid: store.record(sid, event(), *NOT),
    "abandon": lambda store, sid: store.abandon(sid),
    "set_note": lambda store, sid: store.set_note(sid, "note"),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_store_locked_by_another_copy_is_said_so(
    path: Path, monkeypatch: pytest.MonkeyPatch, write: str
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    store = Store.open(path)
    sid = start(store)
    store.record(sid, event(), *NOT)
    other = raw(path)
    other.execute("BEGIN IMMEDIATE")  # another copy in the middle of a write
    began = time.monotonic()
    with pytest.raises(StoreUnavailable, match="another running copy") as caught:
        WRITES[write](store, sid)
    assert time.monotonic() - began < 3
    assert str(path) in str(caught.value)
    # Reading still works while the other copy writes.
    assert [e.label for e in store.events(sid)] == ["Yes"]
    other.execute("ROLLBACK")
    other.close()
    # Once the other copy is done, writing works again.
    store.record(sid, event(label="Again"), *NOT)
    assert [e.label for e in store.events(sid)] == ["Yes", "Again"]
    store.close()


# --- several copies at once ------------------------------------------------------------------

WORKER = """
import json, sys, time
from pathlib import Path
from guide.history.store import Event, Store, StoreUnavailable
path, go, name, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
while not go.exists():
    time.sleep(0.001)
try:
    store = Store.open(path)
    sid = store.start(name, name, name, name)
    for i in range(count):
        store.record(sid, Event(0, "now", "enter", f"{name}-{i}", str(i), "Q?"), False, None, None)
except StoreUnavailable as exc:
    print(json.dumps({"error": str(exc)}))
else:
    print(json.dumps({"session": sid}))
"""


def run_copies(path: Path, copies: int, count: int) -> list[dict[str, object]]:
    """Start `copies` processes that each save `count` steps into the same file, released
    together."""
    go = path.with_name("go")
    go.unlink(missing_ok=True)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(go), f"copy{n}", str(count)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(copies)
    ]
    time.sleep(0.4)  # let every copy start and wait at the line
    go.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert err == ""
        results.append(json.loads(out))
    return results


def check_copies(path: Path, results: list[dict[str, object]], count: int) -> None:
    assert [r.get("error") for r in results] == [None] * len(results)
    store = Store.open(path)
    for n, result in enumerate(results):
        sid = result["session"]
        assert isinstance(sid, int)
        saved = store.events(sid)
        assert [e.seq for e in saved] == list(range(1, count + 1))
        assert [e.value for e in saved] == [f"copy{n}-{i}" for i in range(count)]
    assert len(store.sessions()) == len(results)
    store.close()
    db = raw(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_copies_writing_at_the_same_time_lose_nothing(path: Path) -> None:
    Store.open(path).close()
    results = run_copies(path, copies=4, count=200)
    check_copies(path, results, 200)


def test_copies_started_together_on_a_new_store(tmp_path: Path) -> None:
    """The first start ever, twice at once (two terminals): both copies set up the same
    new file; neither may fail."""
    for trial in range(3):
        path = tmp_path / str(trial) / FILE_NAME
        path.parent.mkdir()
        results = run_copies(path, copies=4, count=20)
        check_copies(path, results, 20)
