"""File names are bytes: a flow whose name is not UTF-8, or holds an escape code, is
listed with a clear problem and never crashes a walk; `new NAME -o` with such a name
says so and leaves no file; what was typed on the command line is echoed escaped.

Before: such a flow was listed as ok, then the walk crashed saving it (the store
takes no lone surrogates); `new -o` crashed and left an empty file; `flows` sent the
escape code in a name to the terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .common import REPO, clean_env, safe_bytes

TINY = (Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "tiny.yaml").read_bytes()

# Undecodable bytes; an escape code (valid UTF-8).
NAMES = {b"\xff\xfeodd": "\\xff\\xfeodd", b"esc\x1b[2J": "esc\\x1b[2J"}


def guide(
    env: dict[str, str], *args: bytes | str, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """`python -m guide` with arguments as bytes, as a shell passes them."""
    argv = [os.fsencode(a) if isinstance(a, str) else a for a in args]
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"guide", *argv],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


def shown(done: subprocess.CompletedProcess[bytes]) -> str:
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode(errors="replace")
    safe_bytes(done.stdout + done.stderr)
    return (done.stdout + done.stderr).decode("utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A flow folder with one flow under each odd name (flow ids odd-0, odd-1)."""
    flows = tmp_path / "flows"
    flows.mkdir()
    for number, name in enumerate(NAMES):
        path = os.path.join(os.fsencode(flows), name + b".yaml")
        with open(path, "wb") as handle:
            handle.write(TINY.replace(b"flow: tiny", f"flow: odd-{number}".encode()))
    return flows


@pytest.mark.parametrize("utf8", ["C.UTF-8", "C"], ids=["utf8-locale", "c-locale"])
def test_flows_lists_them_with_a_clear_problem(folder: Path, utf8: str) -> None:
    env = clean_env(folder.parent / "home", HANGUP_GUIDE_FLOWS=str(folder), LC_ALL=utf8)
    env.pop("PYTHONIOENCODING")
    done = guide(env, "flows")
    text = shown(done)
    assert done.returncode == 0
    for escaped in NAMES.values():
        assert f"broken: {folder}/{escaped}.yaml:1:1: error: the file's name" in text, text


@pytest.mark.parametrize("name", list(NAMES), ids=list(NAMES.values()))
def test_walking_one_by_its_path_says_why_it_cannot(folder: Path, name: bytes) -> None:
    env = clean_env(folder.parent / "home")
    path = os.path.join(os.fsencode(folder), name + b".yaml")
    for args in ((b"--flow", path, b"--plain"), (b"--flow", path, b"--answers", b"1")):
        done = guide(env, *args, stdin=b"1\n")
        text = shown(done)
        assert done.returncode == 1
        assert f"{NAMES[name]}.yaml:1:1: error: the file's name" in text
    checked = guide(env, b"check", path)
    assert f"{NAMES[name]}.yaml:1:1: error: the file's name" in shown(checked)
    assert checked.returncode == 1


def test_the_other_flows_still_walk_and_save(folder: Path) -> None:
    env = clean_env(folder.parent / "home", HANGUP_GUIDE_FLOWS=str(folder))
    done = guide(env, "--flow", "hang-up", "--plain", stdin=b"2\nq\n")
    shown(done)
    assert done.returncode == 0
    assert b'"id": 1' in guide(env, "history", "--json").stdout


@pytest.mark.parametrize("name", list(NAMES), ids=list(NAMES.values()))
def test_new_with_such_a_name_says_so_and_writes_nothing(tmp_path: Path, name: bytes) -> None:
    path = os.path.join(os.fsencode(tmp_path), name + b".yaml")
    done = guide(clean_env(tmp_path), b"new", b"mine", b"-o", path)
    text = shown(done)
    assert done.returncode == 2
    assert f"cannot write {tmp_path}/{NAMES[name]}.yaml: the name is not UTF-8" in text
    assert os.listdir(tmp_path) == []


def test_arguments_echoed_in_an_error_are_escaped(tmp_path: Path) -> None:
    done = guide(clean_env(tmp_path), b"flows", b"\x1b]0;pwned\x07\xff")
    text = shown(done)
    assert done.returncode == 2
    assert "unrecognized arguments: \\x1b]0;pwned\\x07\\xff" in text


@pytest.mark.parametrize("name", list(NAMES), ids=list(NAMES.values()))
def test_export_and_graph_name_such_a_file_escaped(tmp_path: Path, name: bytes) -> None:
    env = clean_env(tmp_path / "home")
    shown(guide(env, "--flow", "hang-up", "--plain", stdin=b"2\nq\n"))
    path = os.path.join(os.fsencode(tmp_path), name + b".md")
    for args in ((b"export", b"1", b"-o", path), (b"graph", b"hang-up", b"-o", path, b"--force")):
        done = guide(env, *args)
        assert f"wrote {tmp_path}/{NAMES[name]}.md" in shown(done) or (
            f"to {tmp_path}/{NAMES[name]}.md" in shown(done)
        ), args
        assert done.returncode == 0
