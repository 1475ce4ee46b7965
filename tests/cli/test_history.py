"""Saved walks from the command line: history, export, notes, resume, wipe, not saving,
and a store that cannot be used.

Every test runs `python -m guide` in a subprocess with its own HANGUP_GUIDE_HOME
(and its own config folder), feeding lines on stdin as a person would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.model import Flow, Say, Wait
from guide.flow.steps import Advice
from guide.history.store import SCHEMA_VERSION
from guide.library.flows import bundled_flows, scan
from tests.helpers import (
    SHORT_WAIT,
    at_a_terminal,
    config_dir,
    guide,
    lines,
    main_script,
    python,
    refused,
)
from tests.test_store import as_nobody

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "fixtures" / "store" / "small.yaml"
RESUME = "Go on where you stopped? [Y/n] "


@dataclass(frozen=True)
class Typed:
    """One line a person types in the plain face, and the step it answers."""

    shows: str
    """The step's text, as printed just before the prompt."""
    line: str
    kind: str
    """The step it saves: proceed (a say or a wait), choose, or enter."""


@dataclass(frozen=True)
class Script:
    """An example walk as typed lines: Enter at a say, `s` at a wait, else the answer."""

    typed: tuple[Typed, ...]
    outcome: str
    """The outcome's title."""
    script: str

    @property
    def lines(self) -> list[str]:
        return [t.line for t in self.typed]


def script_of(flow: Flow, answers: tuple[str, ...] | list[str]) -> Script:
    library = scan()
    walk = Walk(flow, library.resolver())
    left = list(answers)
    typed = []
    while not walk.finished:
        step = walk.current
        if isinstance(step, Say):
            typed.append(Typed(step.text, "", "proceed"))
            walk.proceed()
        elif isinstance(step, Wait):
            typed.append(Typed(step.text or "Wait a little before you act.", "s", "proceed"))
            walk.proceed()
        else:
            answer = left.pop(0)
            if answer == "!":  # the plain guide takes "!" as the emergency exit itself
                walk.escape()
            else:
                assert walk.reply(answer).accepted, (step.text, answer)
            typed.append(Typed(step.text, answer, walk.moves[-1].kind))
    advice = walk.current
    assert isinstance(advice, Advice)
    return Script(tuple(typed), advice.title, advice.script)


def example(name: str) -> Script:
    flow = MAIN
    found = next(e for e in flow.examples if e.name == name)
    return script_of(flow, found.answers)


MAIN = scan().flows["hang-up"]
ROUND = example("the line dropped and they rang back")
"""Enter, 1, 1, s, 1, Sam → "Pick up where you left off"."""
CALM = example("an argument, calm now, nothing tried yet")
"""Enter, 2, 3, 1, 1, 3, 1, Leo → "Give it time before you reach out"."""


def walk_to_the_end(env: dict[str, str], script: Script = ROUND, *args: str) -> None:
    done = guide(env, "--plain", *args, stdin=lines(*script.lines))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {script.outcome}\n" in done.stdout


def history(env: dict[str, str]) -> list[dict[str, object]]:
    done = guide(env, "history", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert isinstance(rows, list)
    return rows


def after(text: str, marker: str) -> str:
    assert marker in text, text
    return text[text.index(marker) + len(marker) :]


# --- history -----------------------------------------------------------------------------------


def test_a_finished_walk_is_in_history(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    done = guide(env, "history")
    assert done.returncode == 0, done.stderr
    header, row, *rest = done.stdout.splitlines()
    assert header.split() == ["ID", "WHEN", "FLOW", "STATUS", "OUTCOME"]
    assert re.fullmatch(
        r"\s+1  (today|yesterday), \d\d:\d\d  hang-up\s+finished\s+Pick up where you left off", row
    ), row
    assert rest == []


def test_no_walks_yet(env: dict[str, str]) -> None:
    done = guide(env, "history")
    assert (done.returncode, done.stdout) == (0, "No saved walks yet.\n")
    assert history(env) == []


def test_history_as_json(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    quit_half_way(env)
    rows = history(env)
    assert [(r["id"], r["flow"], r["status"], r["outcome"]) for r in rows] == [
        (2, "hang-up", "unfinished", None),
        (1, "hang-up", "finished", "carry-on"),
    ]
    for row in rows:
        assert set(row) == {
            "id",
            "started",
            "updated",
            "flow",
            "outcome",
            "status",
            "answers",
            "note",
            "check_in",  # None: this walk's advice asked for no check-in
        }
        assert row["check_in"] is None
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", str(row["started"]))


def test_a_note_shows_in_history(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    noted = guide(env, "note", "1", "  called back   the next day\n all fine ")
    assert noted.returncode == 0, noted.stderr
    listed = guide(env, "history").stdout.splitlines()
    assert listed[2] == "      note: called back the next day all fine"
    assert history(env)[0]["note"] == "called back the next day all fine"
    exported = guide(env, "export", "1").stdout
    assert "## My note\n\ncalled back the next day all fine\n" in exported


def test_export_markdown_to_stdout(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    done = guide(env, "export", "1", "--format", "md")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("# Someone hung up on me\n")
    assert "Walk 1, started " in text and ", finished." in text
    assert (
        "1. **Do you know why the call ended?** It looked like an accident: the line dropped"
        " or cut out\n" in text
    )
    assert "**What do you call them? (Their first name, or Mum, Grandad...)** Sam\n" in text
    assert "your name" not in text  # the words used here never say who you are
    assert "(went on)" not in text  # the breath and the wait are not answers
    assert "## Next step: Pick up where you left off\n" in text
    assert "\n1. " in after(text, "## Next step")  # its steps, numbered
    assert f"> {ROUND.script}\n" in text
    assert "Source: “When Someone Hangs Up on You”" in text


def test_export_json_to_a_file(env: dict[str, str], tmp_path: Path) -> None:
    walk_to_the_end(env)
    target = tmp_path / "walk.json"
    done = guide(env, "export", "1", "--format", "json", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == f"wrote {target}\n"
    record = json.loads(target.read_text(encoding="utf-8"))
    assert (record["id"], record["flow"], record["status"]) == (1, "hang-up", "finished")
    assert record["outcome"] == "carry-on"
    assert [a["answer"] for a in record["answers"]] == [
        "It looked like an accident: the line dropped or cut out",
        "It has only just happened",
        "They called back",
        "Sam",
    ]
    assert record["answers"][0]["asked"] == "Do you know why the call ended?"
    assert record["advice"]["title"] == "Pick up where you left off"
    assert record["advice"]["script"] == ROUND.script
    assert record["advice"]["steps"]


def test_export_json_to_stdout_parses(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    done = guide(env, "export", "1", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "carry-on"


def test_export_to_a_folder_that_is_not_there(env: dict[str, str], tmp_path: Path) -> None:
    walk_to_the_end(env)
    done = guide(env, "export", "1", "-o", str(tmp_path / "no" / "such" / "walk.md"))
    refused(done, 1)
    assert "cannot write" in done.stderr


def test_history_id_plain_prints_the_walk(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    shown = guide(env, "history", "1", "--plain")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == guide(env, "export", "1", "--format", "md").stdout
    assert "**Did they call you back?** They called back" in shown.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["history", "99", "--plain"],
        ["export", "99"],
        ["export", "99", "--format", "json"],
        ["note", "99", "a note"],
    ],
    ids=" ".join,
)
def test_an_unknown_walk(env: dict[str, str], command: list[str]) -> None:
    walk_to_the_end(env)
    done = guide(env, *command)
    refused(done, 1)
    assert done.stdout == ""
    assert "there is no saved walk 99" in done.stderr


# --- resume --------------------------------------------------------------------------------------


def quit_half_way(env: dict[str, str], script: Script = CALM, steps: int = 3) -> str:
    """Walk `steps` steps, then `q`; returns the question the walk stopped at."""
    done = guide(env, "--plain", stdin=lines(*script.lines[:steps], "q"))
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP" not in done.stdout
    return script.typed[steps].shows


def test_an_unfinished_walk_is_offered_and_goes_on_where_it_stopped(env: dict[str, str]) -> None:
    stopped = quit_half_way(env)
    assert stopped == "Since the call ended, what have you tried?"
    done = guide(env, "--plain", stdin=lines("y", *CALM.lines[3:]))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(
        r"You left a walk unfinished \(Someone hung up on me, 3 steps done, last"
        r" (today|yesterday), \d\d:\d\d\)\.\n" + re.escape(RESUME),
        out,
    ), out
    # The first step shown after the answer is the one it stopped at, not the first.
    rest = after(out, RESUME)
    assert rest.index(stopped) < rest.index("\n> ")
    assert "Take one slow breath" not in rest
    assert f"NEXT STEP: {CALM.outcome}\n" in rest
    # It went on in the same saved walk.
    rows = history(env)
    assert [(r["id"], r["status"], r["outcome"]) for r in rows] == [(1, "finished", "give-it-time")]
    assert "Do you know why the call ended?" in guide(env, "export", "1").stdout
    # Nothing is left to offer.
    again = guide(env, "--plain", stdin=lines("q"))
    assert "Go on where you stopped" not in again.stdout


def test_enter_at_the_question_means_yes(env: dict[str, str]) -> None:
    stopped = quit_half_way(env)
    done = guide(env, "--plain", stdin=lines("", *CALM.lines[3:]))
    assert done.returncode == 0, done.stderr
    assert stopped in after(done.stdout, RESUME)
    assert f"NEXT STEP: {CALM.outcome}\n" in done.stdout


def test_no_starts_afresh_and_sets_the_old_walk_aside(env: dict[str, str]) -> None:
    quit_half_way(env)
    done = guide(env, "--plain", stdin=lines("n", *ROUND.lines))
    assert done.returncode == 0, done.stderr
    rest = after(done.stdout, RESUME)
    assert rest.startswith("Starting a new walk. The old one stays in your history.\n")
    assert "Take one slow breath" in rest
    assert f"NEXT STEP: {ROUND.outcome}\n" in rest
    rows = history(env)
    assert [(r["id"], r["status"]) for r in rows] == [(2, "finished"), (1, "set aside")]
    listed = guide(env, "history").stdout
    assert re.search(r"\n\s+1  .*  hang-up\s+set aside\s*\n", listed), listed
    again = guide(env, "--plain", stdin=lines("q"))
    assert "Go on where you stopped" not in again.stdout


@pytest.fixture
def changed_flow(tmp_path: Path) -> Path:
    folder = tmp_path / "flows"
    folder.mkdir()
    path = folder / "small.yaml"
    shutil.copy(SMALL, path)
    return path


def test_a_changed_flow_is_said_so_and_the_answers_replayed(
    env: dict[str, str], changed_flow: Path
) -> None:
    """The walk chose "A stranger", then the flow lost that option: 2 of the 3 saved
    steps still fit, and the walk goes on at the question whose answer is gone."""
    done = guide(env, "--flow", str(changed_flow), "--plain", stdin=lines("", "2", "3", "q"))
    assert done.returncode == 0, done.stderr
    text = changed_flow.read_text(encoding="utf-8")
    stranger = "      - label: A stranger\n        set: {relationship: stranger}\n"
    text = text.replace(stranger + "        next: their-name\n", "").split("\nexamples:")[0]
    changed_flow.write_text(text + "\n", encoding="utf-8")
    done = guide(env, "--flow", str(changed_flow), "--plain", stdin=lines("y", "1", "Sam"))
    assert done.returncode == 0, done.stderr
    rest = after(done.stdout, RESUME)
    assert rest.startswith(
        "The flow has changed since then: 2 of 3 saved steps still fitted and were kept.\n"
    )
    assert rest.index("Who was it?") < rest.index("\n> ")
    assert "NEXT STEP: Call them back\n" in rest
    rows = history(env)
    assert [(r["id"], r["status"]) for r in rows] == [(2, "finished"), (1, "set aside")]
    record = json.loads(guide(env, "export", "2", "--format", "json").stdout)
    assert [a["answer"] for a in record["answers"]] == ["They were angry", "A friend", "Sam"]


# --- not saving ------------------------------------------------------------------------------------


def test_no_save_keeps_nothing(env: dict[str, str], home: Path) -> None:
    walk_to_the_end(env, ROUND, "--no-save")
    # Nothing of the walk: only the flow cache (the bundled flows, read and checked).
    assert not home.exists() or [p.name for p in home.iterdir()] in ([], ["cache"])
    for cache in home.rglob("*.json"):  # the flow cache: flow files' readings, no walk
        kept = json.loads(cache.read_text(encoding="utf-8"))
        assert set(kept) == {"stamp", "files", "libraries", "checks"}
        assert {Path(p).name for p in kept["files"]} <= {p.name for p in bundled_flows()}
    assert guide(env, "history").stdout == "No saved walks yet.\n"


def test_no_save_leaves_an_unfinished_walk_alone(env: dict[str, str]) -> None:
    quit_half_way(env)
    done = guide(env, "--plain", "--no-save", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert "Go on where you stopped" not in done.stdout
    assert [(r["id"], r["status"]) for r in history(env)] == [(1, "unfinished")]


def settings(env: dict[str, str], text: str) -> None:
    folder = config_dir(env)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(text, encoding="utf-8")


def test_save_false_in_the_settings_keeps_nothing(env: dict[str, str], tmp_path: Path) -> None:
    settings(env, "# never keep my walks\nsave = false\n")
    walk_to_the_end(env)
    quit_half_way(env)
    assert history(env) == []


def test_a_bad_setting_is_said_and_walks_are_saved(env: dict[str, str], tmp_path: Path) -> None:
    settings(env, 'save = "no"\n')
    done = guide(env, "--plain", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert "settings.toml: ignored: `save` must be true or false" in done.stderr
    assert [r["status"] for r in history(env)] == ["finished"]


# --- wipe ----------------------------------------------------------------------------------------


def test_wipe_asks_first_and_refuses_without_a_terminal(env: dict[str, str], home: Path) -> None:
    walk_to_the_end(env)
    done = guide(env, "wipe")
    assert done.returncode == 1
    assert "add --yes" in done.stderr
    assert (home / "sessions.db").exists()
    assert len(history(env)) == 1


def test_wipe_yes_deletes_every_file(env: dict[str, str], home: Path) -> None:
    home.mkdir(parents=True)
    (home / "sessions.db").write_bytes(b"damaged " * 500)
    walk_to_the_end(env)  # moves the damaged file aside, keeps this walk in a new one
    walk_to_the_end(env, CALM)
    assert len(list(home.glob("sessions.db.corrupt-*"))) == 1
    reader = sqlite3.connect(home / "sessions.db")  # another copy has it open: -wal, -shm
    reader.execute("SELECT COUNT(*) FROM sessions").fetchone()
    names = {p.name for p in home.iterdir()}
    assert {"sessions.db", "sessions.db-wal", "sessions.db-shm"} <= names
    done = guide(env, "wipe", "--yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Deleted 4 files: nothing of your walks is left.\n"
    assert list(home.iterdir()) == []
    reader.close()
    assert not [p for p in home.iterdir() if p.name.startswith("sessions.db")]
    assert guide(env, "history").stdout == "No saved walks yet.\n"


def test_wipe_with_nothing_saved(env: dict[str, str]) -> None:
    done = guide(env, "wipe", "--yes")
    assert (done.returncode, done.stdout) == (0, "There are no saved walks.\n")


@pytest.mark.parametrize(("reply", "deleted"), [("no", False), ("yes", True)])
def test_wipe_at_a_terminal_asks_for_yes(
    env: dict[str, str], home: Path, reply: str, deleted: bool
) -> None:
    walk_to_the_end(env)
    done = at_a_terminal(env, "wipe", typed=f"{reply}\n".encode())
    assert done.returncode == 0, done.stderr
    assert "Delete every saved walk" in done.stdout
    assert (home / "sessions.db").exists() != deleted
    assert ("Nothing was deleted." in done.stdout) != deleted


# --- a store that cannot be used ------------------------------------------------------------------


def test_a_damaged_store_is_kept_and_the_walk_goes_on(env: dict[str, str], home: Path) -> None:
    home.mkdir(parents=True)
    damaged = os.urandom(20_000)
    (home / "sessions.db").write_bytes(damaged)
    done = guide(env, "--plain", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {ROUND.outcome}\n" in done.stdout
    (kept,) = home.glob("sessions.db.corrupt-*")
    assert kept.read_bytes() == damaged
    assert done.stderr.startswith("hangup-guide: Not saving: ")
    assert "damaged" in done.stderr
    assert f"kept as {kept}" in done.stderr
    assert "will not be saved" in done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    # The next walk starts a new store and is saved; the kept copy stays as it was.
    walk_to_the_end(env)
    assert [r["status"] for r in history(env)] == ["finished"]
    assert kept.read_bytes() == damaged


def test_a_store_from_a_newer_version_is_left_alone(env: dict[str, str], home: Path) -> None:
    home.mkdir(parents=True)
    db = sqlite3.connect(home / "sessions.db")
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    before = (home / "sessions.db").read_bytes()
    done = guide(env, "--plain", stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {ROUND.outcome}\n" in done.stdout
    assert "Not saving" in done.stderr and "newer" in done.stderr
    assert (home / "sessions.db").read_bytes() == before
    listed = guide(env, "history")
    refused(listed, 1)
    assert "newer" in listed.stderr


RUN_GUIDE = main_script()


def test_a_read_only_home_is_said_so_and_the_walk_goes_on(shared_tmp: Path) -> None:
    home = shared_tmp / "home"
    home.mkdir(mode=0o555)
    home.chmod(0o555)
    env = {"HANGUP_GUIDE_HOME": str(home), "XDG_CONFIG_HOME": str(shared_tmp / "config")}
    if not os.access(home, os.W_OK) or os.geteuid() != 0:
        done = python(
            {**os.environ, **env, "PYTHONIOENCODING": "utf-8"},
            "-c",
            RUN_GUIDE,
            "--plain",
            stdin=lines(*ROUND.lines),
        )
    else:
        done = as_nobody(RUN_GUIDE, "--plain", env=env, stdin=lines(*ROUND.lines))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {ROUND.outcome}\n" in done.stdout
    assert "Not saving" in done.stderr
    assert "read-only" in done.stderr
    assert list(home.iterdir()) == []


@pytest.mark.parametrize(
    ("unfinished", "reply"),
    [
        pytest.param(False, None, id="a new walk"),
        pytest.param(True, "n", id="starting afresh"),
        pytest.param(True, "y", id="going on"),
    ],
)
def test_a_store_locked_by_another_copy_is_said_so_and_the_walk_goes_on(
    env: dict[str, str], home: Path, unfinished: bool, reply: str | None
) -> None:
    if unfinished:
        quit_half_way(env)
    else:
        walk_to_the_end(env)
    other = sqlite3.connect(home / "sessions.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another copy holds the write lock
    try:
        typed = [reply, *CALM.lines[3:]] if reply == "y" else [reply, *ROUND.lines]
        done = python(
            env, "-c", SHORT_WAIT, "--plain", stdin=lines(*(t for t in typed if t is not None))
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    outcome = CALM.outcome if reply == "y" else ROUND.outcome
    assert f"NEXT STEP: {outcome}\n" in done.stdout
    assert "another running copy" in done.stderr
    assert "not be saved" in done.stderr
