"""The limits that keep the code readable (docs/architecture.md, "Limits"): no module of
the guide over 300 lines, no function over 50, and every `type: ignore` naming its
error code and saying why. Checked on every test run, so they hold without review."""

from __future__ import annotations

import ast
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted(p for top in ("guide", "benchmarks", "scripts") for p in (ROOT / top).rglob("*.py"))
EVERY = CODE + sorted((ROOT / "tests").rglob("*.py"))
MAX_FILE_LINES = 300
MAX_FUNCTION_LINES = 50
# `# type: ignore[code, code]  # why`: the code(s), then a comment saying why.
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[a-z-]+(?:,\s*[a-z-]+)*\])?(?P<rest>.*)$")

assert len(CODE) > 100, "the guide moved: point CODE at it again"


def name(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def long_functions(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno is not None
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                yield f"{name(path)}:{node.lineno}: {node.name} is {length} lines"


def bare_ignores(path: Path) -> Iterator[str]:
    """`type: ignore` comments (comments only, not text in strings) without code or reason."""
    with path.open("rb") as source:
        for token in tokenize.tokenize(source.readline):
            found = IGNORE.search(token.string) if token.type == tokenize.COMMENT else None
            if found is None:
                continue
            reason = found["rest"].strip().lstrip("#").strip()
            if not found["codes"] or not reason:
                yield f"{name(path)}:{token.start[0]}: {token.line.strip()}"


def test_no_module_is_over_300_lines() -> None:
    lengths = {name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in CODE}
    assert {n: lines for n, lines in lengths.items() if lines > MAX_FILE_LINES} == {}


def test_no_function_is_over_50_lines() -> None:
    assert [found for path in CODE for found in long_functions(path)] == []


def test_every_type_ignore_names_its_code_and_a_reason() -> None:
    assert [found for path in EVERY for found in bare_ignores(path)] == []


@pytest.mark.parametrize(
    ("line", "bare"),
    [
        ("x = f()  # type: ignore", True),
        ("x = f()  # type: ignore[arg-type]", True),
        ("x = f()  # type: ignore  # because", True),
        ("x = f()  # type: ignore[arg-type]  # the stub is too narrow", False),
        ("x = f()  # type: ignore[misc, override]  # Textual's is async", False),
    ],
)
def test_the_ignore_rule_tells_a_reason_from_none(tmp_path: Path, line: str, bare: bool) -> None:
    module = tmp_path / "probe.py"
    module.write_text(line + "\n", encoding="utf-8")
    assert bool(list(bare_ignores(module))) is bare
