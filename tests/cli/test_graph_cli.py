"""`hangup-guide graph FLOW`, run as a person runs it: each format on stdout, `-o FILE`,
and the clear failures (no such flow: exit 2 with the list; a broken flow: exit 1 with
its problems; a file that cannot be written: exit 1), never a traceback."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.flow.model import Flow
from guide.library.flows import open_flow
from guide.render.dot import to_dot
from guide.render.handout import to_handout
from guide.render.mermaid import to_mermaid
from tests.helpers import guide

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "fixtures" / "graph" / "hostile.yaml"
BROKEN = REPO / "tests" / "fixtures" / "broken" / "unknown-target.yaml"


def graph(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    return guide({**os.environ, "PYTHONIOENCODING": encoding}, "graph", *args)


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        # the default format is the handout
        (["hang-up"], "# Someone hung up on me"),
        (["hang-up", "--format", "md"], "# Someone hung up on me"),
        (["sales", "--format", "mermaid"], "flowchart TD"),
        (["contact-centre", "--format", "dot"], 'digraph "contact-centre" {'),
        # a path works as well as a name
        ([str(HOSTILE), "--format", "mermaid"], "flowchart TD"),
    ],
)
def test_prints_to_stdout(args: list[str], first_line: str) -> None:
    result = graph(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == first_line
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("fmt", "render"),
    [("mermaid", to_mermaid), ("dot", to_dot), ("md", to_handout)],
)
def test_stdout_is_the_same_text_as_the_library_gives(
    fmt: str, render: Callable[[Flow], str]
) -> None:
    """UTF-8 even when the terminal says otherwise: the output is a file format."""
    result = graph(str(HOSTILE), "--format", fmt, encoding="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout == render(open_flow(HOSTILE))


def test_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "hang-up.dot"
    result = graph("hang-up", "--format", "dot", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(out) in result.stderr and "DOT" in result.stderr
    assert out.read_text(encoding="utf-8") == graph("hang-up", "--format", "dot").stdout


def test_a_file_that_cannot_be_written(tmp_path: Path) -> None:
    for out in (tmp_path / "no-such-folder" / "x.md", tmp_path):
        result = graph("hang-up", "--output", str(out))
        assert result.returncode == 1
        assert result.stderr.startswith(f"hangup-guide: cannot write {out}: ")
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["no-such-flow", "no/such/flow.yaml"])
def test_unknown_flow_lists_the_flows(name: str) -> None:
    result = graph(name)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "the flows are: hang-up, contact-centre, follow-up, sales" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_flow_shows_its_problems() -> None:
    result = graph(str(BROKEN), "--format", "mermaid")
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{BROKEN.relative_to(REPO)}:24:15: error: there is no node `cal-back`" in (
        result.stderr
    )
    assert "fix them first" in result.stderr


def test_unknown_format_is_refused() -> None:
    result = graph("hang-up", "--format", "svg")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
