"""The saved-walk commands answer hostile input and a failing store with one line, never a
traceback, and a documented exit code (docs/security.md): 1 when the store cannot be
used or there is no such walk, 2 when an argument cannot be read at all.

Also: `export -o` never overwrites a file without `--force`, and a served guide keeps
nothing unless its owner asks (`serve --save`).
"""

from __future__ import annotations

import resource
import shlex
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from guide.cli import build_parser
from guide.commands.serve import serve_command

from ..helpers import REPO, SHORT_WAIT, TIMEOUT, at_a_terminal, guide, lines, python
from .test_history import ROUND, history, walk_to_the_end


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("hangup-guide: "), stderr
    return stderr


# --- ids beyond what SQLite holds -------------------------------------------------------------

HUGE = [str(2**63), str(2**64), str(-(2**63) - 1), "9" * 40]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize(
    "command",
    [["history", "{}"], ["history", "{}", "--plain"], ["export", "{}"], ["note", "{}", "hi"]],
    ids=lambda c: " ".join(c).replace("{}", "ID"),
)
def test_an_id_beyond_64_bits_is_no_walk(
    env: dict[str, str], command: list[str], number: str
) -> None:
    walk_to_the_end(env)
    done = guide(env, *(part.replace("{}", number) for part in command))
    assert done.returncode == 1
    assert "there is no saved walk" in one_line(done.stderr)
    assert done.stdout == ""


# --- note when the store cannot take it ----------------------------------------------------------


def test_note_while_another_copy_holds_the_store(env: dict[str, str], tmp_path: Path) -> None:
    walk_to_the_end(env)
    other = sqlite3.connect(tmp_path / "home" / "sessions.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another copy in the middle of a write
    try:
        done = python(env, "-c", SHORT_WAIT, "note", "1", "x")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 1
    said = one_line(done.stderr)
    assert "in use by another running copy" in said and "the note was not saved" in said
    assert history(env)[0]["note"] == ""


def test_note_when_the_disk_is_full(env: dict[str, str]) -> None:
    """A file-size limit stands in for a full disk: the write fails the same way."""
    walk_to_the_end(env)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    done = guide(env, "note", "1", "a long note " * 10_000, preexec_fn=small_files)
    assert done.returncode == 1
    assert "the note was not saved" in one_line(done.stderr)
    assert history(env)[0]["note"] == ""


def test_note_with_bytes_that_are_not_text(env: dict[str, str]) -> None:
    walk_to_the_end(env)
    done = guide({**env, "LC_ALL": "C.UTF-8"}, "note", "1", b"caf\xe9 \xff\xfe")
    assert done.returncode == 2
    assert "not UTF-8 text; nothing was saved" in one_line(done.stderr)
    assert history(env)[0]["note"] == ""


# --- wipe's question ---------------------------------------------------------------------------


def test_ctrl_d_at_wipes_question_deletes_nothing(env: dict[str, str], tmp_path: Path) -> None:
    walk_to_the_end(env)
    # Ctrl+D on an empty line: the end of input
    done = at_a_terminal(env, "wipe", typed=b"\x04")
    assert "Traceback" not in done.stderr, done.stderr
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.endswith("Type yes to go on: \nNothing was deleted.\n")
    assert len(history(env)) == 1


# --- a saved outcome cut short -----------------------------------------------------------------


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param("substr(outcome_json, 1, 40)", id="truncated"),
        pytest.param("'{\"title\": 3}'", id="the wrong shape"),
    ],
)
def test_a_walk_whose_saved_advice_is_damaged(
    env: dict[str, str], tmp_path: Path, cut: str
) -> None:
    walk_to_the_end(env)
    db = sqlite3.connect(tmp_path / "home" / "sessions.db")
    db.execute(f"UPDATE sessions SET outcome_json = {cut}")
    db.commit()
    db.close()
    damaged = "hangup-guide: walk 1: what was saved of its advice is damaged"
    for command in (
        ["history"],
        ["history", "--json"],
        ["history", "1", "--plain"],
        ["export", "1"],
    ):
        done = guide(env, *command)
        assert done.returncode == 1, command
        assert one_line(done.stderr).startswith(damaged)
        assert "finished" in done.stdout or "They called back" in done.stdout
    exported = guide(env, "export", "1", "--format", "json")
    assert '"advice": null' in exported.stdout


# --- export -o --------------------------------------------------------------------------------


def test_export_never_overwrites_without_force(env: dict[str, str], tmp_path: Path) -> None:
    walk_to_the_end(env)
    target = tmp_path / "walk.md"
    target.write_text("my own file")
    target.chmod(0o644)
    refused = guide(env, "export", "1", "-o", str(target))
    assert refused.returncode == 1
    assert "already exists; nothing was written (--force replaces it)" in one_line(refused.stderr)
    assert target.read_text() == "my own file"
    forced = guide(env, "export", "1", "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "## Next step: Pick up where you left off" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(tmp_path.glob(".walk.md.*")) == []


def test_export_never_writes_through_a_link(env: dict[str, str], tmp_path: Path) -> None:
    walk_to_the_end(env)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours to change")
    link = tmp_path / "walk.md"
    link.symlink_to(elsewhere)
    refused = guide(env, "export", "1", "-o", str(link))
    assert refused.returncode == 1
    forced = guide(env, "export", "1", "-o", str(link), "--force")
    assert forced.returncode == 0, forced.stderr
    assert elsewhere.read_text() == "not yours to change"
    assert not link.is_symlink()


# --- serve ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("flags", "saves"), [([], False), (["--save"], True)])
def test_a_served_tab_saves_only_when_its_owner_asks(
    env: dict[str, str], tmp_path: Path, flags: list[str], saves: bool
) -> None:
    """Each browser tab runs the command `serve` builds; by default it keeps nothing, so
    no visitor is offered another's walk or sees their history. The tab's command is run
    here as it is, line by line (`--plain`), in place of a browser."""
    command = shlex.split(serve_command(build_parser().parse_args(["serve", *flags])))
    assert ("--no-save" in command) != saves
    done = subprocess.run(
        [*command, "--plain"],
        cwd=REPO,
        env=env,
        input=lines(*ROUND.lines),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(history(env)) == (1 if saves else 0)
    assert "only for serving to yourself" in " ".join(guide(env, "serve", "--help").stdout.split())
