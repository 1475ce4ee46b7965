"""`hangup-guide diff OLD NEW`, run as a reviewer runs it: exit 0 when the flow behaves
the same (wording may differ), 1 when it does not, 2 on a version that cannot be read
(its errors located as `check` gives them); `--json` in its documented shape; and
versions read from git as `REV:path`, with linked flows at the same revision."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from guide.cli import main
from guide.compare import paths
from tests.helpers import REPO, refused

FIXTURES = REPO / "tests" / "fixtures" / "diff"
BASE = FIXTURES / "base.yaml"

END = {
    "type": "object",
    "required": ["kind", "flow", "node", "title", "detail", "emergency"],
    "properties": {
        "kind": {"enum": ["outcome", "not_offered", "refused", "broken"]},
        "flow": {"type": "string"},
        "node": {"type": "string"},
        "title": {"type": "string"},
        "detail": {"type": "string"},
        "emergency": {"type": "boolean"},
    },
    "additionalProperties": False,
}
VERSION = {
    "type": "object",
    "required": ["given", "flow", "version"],
    "properties": {
        "given": {"type": "string"},
        "flow": {"type": "string"},
        "version": {"type": "integer"},
    },
}
SCHEMA = {
    "type": "object",
    "required": [
        "format",
        "old",
        "new",
        "same_behaviour",
        "compared",
        "capped",
        "paths",
        "structure",
        "wording",
    ],
    "additionalProperties": False,
    "properties": {
        "format": {"const": "hangup-guide-diff/1"},
        "old": VERSION,
        "new": VERSION,
        "same_behaviour": {"type": "boolean"},
        "compared": {"type": "integer", "minimum": 0},
        "capped": {"type": ["string", "null"]},
        "paths": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["answers", "old", "new", "parted", "similar"],
                "additionalProperties": False,
                "properties": {
                    "answers": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["asked", "answer", "by"],
                            "properties": {"by": {"enum": ["both", "old", "new"]}},
                        },
                    },
                    "old": {"type": "array", "items": END, "minItems": 0},
                    "new": {"type": "array", "items": END, "minItems": 0},
                    "parted": {"type": ["object", "null"]},
                    "similar": {"type": "integer", "minimum": 0},
                },
            },
        },
        "structure": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["flow", "node", "change", "detail"],
                "properties": {"change": {"enum": ["added", "removed", "retargeted", "changed"]}},
            },
        },
        "wording": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["flow", "node", "field", "old", "new", "words"],
            },
        },
    },
}
"""The `--json` shape docs/diff.md documents."""


def diff(
    *args: str | Path, cwd: Path = REPO, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "guide", "diff", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("other", "code", "shows"),
    [
        # nothing changed
        ("base.yaml", 0, "Same behaviour."),
        # only words changed: printed, word by word, and still exit 0
        ("wording.yaml", 0, "Did the line [-drop?-] {+cut out?+}"),
        # an answer leads elsewhere: the path, in words, old outcome → new outcome
        ("retargeted.yaml", 1, "Call them back now (call-back) → Give it an hour (wait-a-bit)"),
        # a route's condition changed
        ("condition.yaml", 1, "branch 1 when: intent is accidental → intent is deliberate"),
        # a question removed
        ("removed-node.yaml", 1, "who: removed: ask “Who was it?”"),
    ],
)
def test_exit_code_says_whether_behaviour_changed(other: str, code: int, shows: str) -> None:
    done = diff(BASE, FIXTURES / other)
    assert done.returncode == code, done.stderr
    assert shows in done.stdout
    assert done.stderr == ""


def test_a_changed_path_is_told_as_the_answers_in_words() -> None:
    done = diff(BASE, FIXTURES / "retargeted.yaml")
    assert (
        "  1. Did the line drop?: Yes, it dropped\n"
        "     Who was it?: A friend\n"
        "     Call them back now (call-back) → Give it an hour (wait-a-bit)\n"
    ) in done.stdout
    assert done.stdout.rstrip().endswith("Behaviour differs.")


def test_a_linked_flow_beside_each_version_is_followed() -> None:
    folder = FIXTURES / "linked"
    done = diff(folder / "old" / "tiny-main.yaml", folder / "new" / "tiny-main.yaml")
    assert done.returncode == 1, done.stderr
    assert "Send an e-mail (tiny-side:email) → Talk in person (tiny-side:talk)" in done.stdout


@pytest.mark.parametrize("other", ["base.yaml", "retargeted.yaml", "wording.yaml"])
def test_json_has_the_documented_shape(other: str) -> None:
    done = diff(BASE, FIXTURES / other, "--json")
    record = json.loads(done.stdout)
    jsonschema.validate(record, SCHEMA)
    assert record["same_behaviour"] is (done.returncode == 0)
    assert record["old"] == {"given": str(BASE), "flow": "tiny-diff", "version": 1}


def test_json_of_a_retargeted_answer() -> None:
    record = json.loads(diff(BASE, FIXTURES / "retargeted.yaml", "--json").stdout)
    [path] = record["paths"]
    assert [a["answer"] for a in path["answers"]] == ["Yes, it dropped", "A friend"]
    assert [e["node"] for e in path["old"]] == ["call-back"]
    assert [e["node"] for e in path["new"]] == ["wait-a-bit"]


def test_a_broken_version_is_located_and_exits_2(tmp_path: Path) -> None:
    broken = REPO / "tests" / "fixtures" / "broken" / "unknown-target.yaml"
    stderr = refused(diff(BASE, broken), 2)
    assert f"{broken}:" in stderr and ": error: " in stderr
    line = next(x for x in stderr.splitlines() if ": error: " in x)
    where = line.split(": error: ")[0].removeprefix(f"{broken}:")
    assert all(part.isdigit() for part in where.split(":")), line  # file:line:col
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("flow: x\nnodes: [unclosed\n", encoding="utf-8")
    assert f"{bad_yaml}:" in refused(diff(bad_yaml, BASE), 2)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    stderr = refused(diff(BASE, tmp_path / "nowhere.yaml"), 2)
    assert "there is no file" in stderr
    assert "is a folder" in refused(diff(BASE, tmp_path), 2)


# --- git ---------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose last commit holds base.yaml and the linked pair's old side."""
    git(tmp_path, "init", "-q")
    (tmp_path / "flows").mkdir()
    shutil.copy(BASE, tmp_path / "flows" / "tiny.yaml")
    for name in ("tiny-main.yaml", "tiny-side.yaml"):
        shutil.copy(FIXTURES / "linked" / "old" / name, tmp_path / "flows" / name)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "flows")
    return tmp_path


@needs_git
def test_a_revision_is_read_from_git(repo: Path) -> None:
    shutil.copy(FIXTURES / "retargeted.yaml", repo / "flows" / "tiny.yaml")
    done = diff("HEAD:flows/tiny.yaml", "flows/tiny.yaml", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert (
        "Comparing tiny-diff (HEAD:flows/tiny.yaml) with tiny-diff (flows/tiny.yaml)" in done.stdout
    )
    assert "who: retargeted: answer “A friend”: check → wait-a-bit" in done.stdout
    assert diff("HEAD:flows/tiny.yaml", "HEAD:flows/tiny.yaml", cwd=repo).returncode == 0


@needs_git
def test_linked_flows_are_read_at_the_same_revision(repo: Path) -> None:
    shutil.copy(FIXTURES / "linked" / "new" / "tiny-side.yaml", repo / "flows" / "tiny-side.yaml")
    done = diff("HEAD:flows/tiny-main.yaml", "flows/tiny-main.yaml", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert "(tiny-side:email) → Talk in person (tiny-side:talk)" in done.stdout


@needs_git
def test_a_missing_revision_or_path_is_a_clear_error(repo: Path) -> None:
    stderr = refused(diff("HEAD~5:flows/tiny.yaml", "flows/tiny.yaml", cwd=repo), 2)
    assert "git cannot read HEAD~5:flows/tiny.yaml" in stderr
    stderr = refused(diff("HEAD:flows/none.yaml", "flows/tiny.yaml", cwd=repo), 2)
    assert "git cannot read HEAD:flows/none.yaml" in stderr
    assert "cannot start with -" in refused(diff("--", "-p:x.yaml", BASE, cwd=repo), 2)


def test_without_git_a_revision_says_git_is_needed(tmp_path: Path) -> None:
    stderr = refused(diff("HEAD:flows/tiny.yaml", BASE, path=str(tmp_path)), 2)
    assert "`git` is not installed" in stderr


def test_a_capped_walk_is_noted_in_the_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(paths, "MAX_MOVES", 3)
    assert main(["diff", str(BASE), str(FIXTURES / "base.yaml")]) == 0
    *_, walked, verdict = capsys.readouterr().out.rstrip().splitlines()
    assert verdict == "Same behaviour on the paths compared."
    assert walked == (
        "1 path(s) compared; stopped early: 3 answers were given, the most there is time"
        " for, so some paths were not compared."
    )
