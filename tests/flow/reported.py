"""Shared by the loader's and the validator's tests: the fixtures, what a problem line
looks like, and the one check that a fixture's mistake is reported where it is."""

from __future__ import annotations

import re
from pathlib import Path

from guide.flow.loader import Loaded
from guide.flow.problems import Problem
from guide.flow.validate import validate

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"

# What a problem's one line looks like: `file:line:col: error|warning: message`.
PROBLEM_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>\S.*)$"
)


def everything(loaded: Loaded) -> list[Problem]:
    """The loader's problems and the validator's, as `check` reports them."""
    assert loaded.flow is not None, loaded.problems
    return [*loaded.problems, *validate(loaded.flow, loaded.broken)]


def assert_reported_once(
    problems: list[Problem],
    path: Path,
    where: tuple[str, str, int, int],
    fragments: tuple[str, ...],
    also: set[str],
) -> None:
    """`where` (code, severity, line, col) is reported exactly once in `path`, worded with
    every fragment, as one `file:line:col:` line; any other problem is one of `also`
    (what the same mistake may cause too)."""
    code, severity, line, col = where
    here = [p for p in problems if p.code == code and (p.mark.line, p.mark.col) == (line, col)]
    assert len(here) == 1, problems
    [problem] = here
    assert problem.severity == severity
    assert problem.mark.file == str(path)
    for fragment in fragments:
        assert fragment in problem.message
    assert PROBLEM_LINE.match(str(problem))
    # The fixture has this one mistake: nothing else is reported but what it causes.
    assert {p.code for p in problems if p is not problem} <= also, problems
