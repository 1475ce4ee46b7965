"""A flow someone else wrote, put in the flow folder, costs a start nothing extra.

Examples are `check`'s and `test`'s work: a start used to walk the examples of every
flow in the folder, fuzzy-matching each long answer against every alias, and one
131 KB flow made `--answers '!'` take 19 s.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from guide.cli import main
from guide.flow import examples

from .heavyflows import alias_heavy_flow


@pytest.fixture
def heavy_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A flow folder holding the 131 KB alias-heavy flow, and a store of its own."""
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "heavy.yaml").write_text(alias_heavy_flow(), encoding="utf-8")
    monkeypatch.setenv("HANGUP_GUIDE_FLOWS", str(folder))
    monkeypatch.setenv("HANGUP_GUIDE_HOME", str(tmp_path / "home"))
    return folder


def _count_example_walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    walked: list[str] = []
    real = examples.run_example

    def counting(flow, example, resolve=None):  # type: ignore[no-untyped-def]
        walked.append(f"{flow.id}: {example.name}")
        return real(flow, example, resolve)

    monkeypatch.setattr(examples, "run_example", counting)
    return walked


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--answers", "!"], id="answers"),
        pytest.param(["--plain", "--no-save"], id="plain"),
        pytest.param(["flows"], id="flows"),
        pytest.param(["graph", "heavy", "--format", "mermaid"], id="graph"),
    ],
)
def test_a_start_walks_no_examples(
    argv: list[str],
    heavy_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    walked = _count_example_walks(monkeypatch)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    main(argv)
    assert "Traceback" not in capsys.readouterr().err
    assert walked == []


def test_the_heavy_flow_is_listed_and_walks(
    heavy_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["flows"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("heavy ")]
    assert listed and listed[0].endswith("  ok"), listed
    assert main(["--flow", "heavy", "--answers", "2"]) == 0
    assert "NEXT STEP: Done" in capsys.readouterr().out


def test_check_still_walks_the_examples(
    heavy_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = heavy_folder.parent / "small.yaml"
    small.write_text(alias_heavy_flow(options=2, aliases=2, alias_length=20, examples=1))
    assert main(["check", str(small)]) == 1
    out = capsys.readouterr().out
    assert ": error: example “long 0”: answer 1" in out
