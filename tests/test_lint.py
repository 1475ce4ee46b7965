"""ruff (lint and format), mypy and the import contracts (import-linter, in
pyproject.toml; docs/architecture.md explains them) are part of the test run, so the
README's one test command covers them."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # ruff, mypy and import-linter over the whole tree

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "guide", "tests", "scripts", "benchmarks"),
        ("ruff", "format", "--check", "guide", "tests", "scripts", "benchmarks"),
        ("mypy",),
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_clean(command: tuple[str, ...]) -> None:
    result = run(*command)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_strict_for_the_whole_tree() -> None:
    """`strict` sits in [tool.mypy], where it says what it does. In an override it
    still switches strict on for every module, so a section that seems to limit it to
    one package (or to exempt one) would mislead whoever reads it."""
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert mypy.get("strict") is True
    assert [o["module"] for o in mypy.get("overrides", []) if "strict" in o] == []


def test_the_layers_hold() -> None:
    """The layer, independence and no-UI contracts of pyproject.toml, as import-linter
    checks them: an import across a layer the wrong way fails here, not in review."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys, importlinter.cli as c; sys.exit(c.lint_imports())"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout
