"""The validator and `hangup-guide check`, as a flow author meets them: each mistake the
whole flow can show (targets, reachability, ways out, escape, options, facts, sources,
routes, inputs, examples) is one located problem with a stable code and the right line.

Most fixtures under tests/fixtures/broken/ are tests/fixtures/valid/tiny.yaml with one
thing wrong; line 1 of each says what.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide.flow.loader import read_flow
from guide.flow.problems import Problem
from guide.flow.validate import validate
from tests.flow.reported import (
    BROKEN,
    PROBLEM_LINE,
    ROOT,
    VALID,
    assert_reported_once,
    everything,
)

SUMMARY = re.compile(r"checked (\d+) file\(s\): (\d+) error\(s\), (\d+) warning\(s\)")


def problems_of(path: Path) -> list[Problem]:
    """The loader's problems and the validator's for the file at `path`."""
    return everything(read_flow(path))


# (fixture, code, severity, line, col, fragments of the message, other codes the same
# mistake may also cause: a start nobody can find makes every node unreachable)
CASES = [
    pytest.param(
        # An option leads to `cal-back`; `call-back` exists.
        "unknown-target.yaml",
        "unknown-target",
        "error",
        24,
        15,
        ("no node `cal-back`", "did you mean `call-back`?"),
        set(),
        id="unknown-target",
    ),
    pytest.param(
        # `start: frist`.
        "unknown-start.yaml",
        "unknown-target",
        "error",
        5,
        8,
        ("`start` names no node `frist`", "did you mean `first`?"),
        {"unreachable"},
        id="unknown-start",
    ),
    pytest.param(
        # `orphan` is not led to from anywhere: a warning at the node.
        "unreachable.yaml",
        "unreachable",
        "warning",
        39,
        5,
        ("node `orphan` cannot be reached",),
        set(),
        id="unreachable",
    ),
    pytest.param(
        # `lost` only leads into a loop: no path from it reaches an outcome.
        "dead-end.yaml",
        "dead-end",
        "error",
        41,
        5,
        ("dead end", "`lost`"),
        {"cycle"},
        id="dead-end",
    ),
    pytest.param(
        # ... and the loop itself.
        "dead-end.yaml",
        "cycle",
        "error",
        44,
        5,
        ("loop-a → loop-b → loop-a",),
        {"dead-end"},
        id="dead-end-loop",
    ),
    pytest.param(
        # `a` → `b` → `a`, and nothing else: the message shows the path.
        "cycle.yaml",
        "cycle",
        "error",
        41,
        5,
        ("cycle with no way out", "a → b → a"),
        set(),
        id="cycle",
    ),
    pytest.param(
        # `escape: false` on the first question, which the escape does not lead to.
        "escape-not-offered.yaml",
        "escape-not-offered",
        "error",
        15,
        5,
        ("question `first` does not offer the flow's escape", "This could be an emergency"),
        set(),
        id="escape-not-offered",
    ),
    pytest.param(
        # No `escape:` at all: a warning at `start`.
        "no-escape.yaml",
        "no-escape",
        "warning",
        5,
        8,
        ("no `escape`",),
        set(),
        id="no-escape",
    ),
    pytest.param(
        # Keys `d` and `D` (keys are matched without case).
        "duplicate-option-key.yaml",
        "duplicate-option",
        "error",
        21,
        9,
        ("question `first`", "key `D`"),
        set(),
        id="duplicate-option-key",
    ),
    pytest.param(
        # Labels "The line dropped" and "the line dropped".
        "duplicate-option-label.yaml",
        "duplicate-option",
        "error",
        20,
        9,
        ("question `first`", "labelled “the line dropped”"),
        set(),
        id="duplicate-option-label",
    ),
    pytest.param(
        # `when: {intnet: ...}`: nothing sets `intnet`; `intent` is set.
        "fact-never-set.yaml",
        "fact-never-set",
        "error",
        21,
        16,
        ("the fact `intnet`", "did you mean `intent`?"),
        set(),
        id="fact-never-set",
    ),
    pytest.param(
        # `when: {intent: acidental}`: no answer sets that value.
        "unknown-value.yaml",
        "unknown-value",
        "warning",
        27,
        16,
        ("no answer sets `intent` to `acidental`", "did you mean `accidental`?"),
        set(),
        id="unknown-value",
    ),
    pytest.param(
        # `source: {article: "001"}`; only "000" is listed.
        "unknown-source.yaml",
        "unknown-source",
        "error",
        37,
        23,
        ("source `001` is not listed under `sources`", "did you mean `000`?"),
        set(),
        id="unknown-source",
    ),
    pytest.param(
        # Both branches of `which-way` have a `when`: the last needs none.
        "no-fallback.yaml",
        "no-fallback",
        "error",
        42,
        9,
        ("last branch of route `which-way`",),
        set(),
        id="no-fallback",
    ),
    pytest.param(
        # `min: 10`, `max: 1`.
        "bad-range.yaml",
        "bad-range",
        "error",
        24,
        5,
        ("`min` is larger than `max`", "`how-many`"),
        set(),
        id="min-over-max",
    ),
    pytest.param(
        # The example answers "1" (the line dropped) but promises `give-it-time`.
        "example-fails.yaml",
        "example-fails",
        "error",
        39,
        5,
        ("example “a dropped line”", "reached `call-back`, not `give-it-time`"),
        set(),
        id="example-fails",
    ),
]


@pytest.mark.parametrize(("name", "code", "severity", "line", "col", "fragments", "also"), CASES)
def test_each_mistake_is_reported_where_it_is(
    *,
    name: str,
    code: str,
    severity: str,
    line: int,
    col: int,
    fragments: tuple[str, ...],
    also: set[str],
) -> None:
    path = BROKEN / name
    problems = everything(read_flow(path))
    assert_reported_once(problems, path, (code, severity, line, col), fragments, also)


def test_an_unknown_placeholder_points_at_the_script_that_reads_it() -> None:
    # `script: "Hi {nmae}, ..."` on line 32 of outcome `call-back` (which starts on
    # line 27): the message says "read here", so "here" must be the script's line.
    problems = problems_of(BROKEN / "placeholder-never-set.yaml")
    [problem] = problems
    assert (problem.code, problem.severity) == ("fact-never-set", "error")
    assert "the fact `nmae`" in problem.message
    assert "did you mean `name`?" in problem.message
    assert problem.mark.line == 32, problem


def test_escape_hidden_inside_the_escape_branch_is_fine() -> None:
    # The same `escape: false` as escape-not-offered.yaml, on the question the escape
    # itself leads to.
    assert problems_of(VALID / "escape-hidden-in-escape-branch.yaml") == []


def test_a_broken_question_does_not_make_the_facts_it_sets_look_never_set() -> None:
    # `lable` breaks question `first`, which sets `intent`; route `which-way` reads
    # `intent`. The author must see the `lable` mistake, not a false "nothing sets
    # `intent`" error on line 42.
    problems = problems_of(BROKEN / "broken-node-hides-facts.yaml")
    errors = sorted((p.code, p.mark.line) for p in problems if p.severity == "error")
    assert errors == [("missing-key", 20), ("unknown-key", 20)], problems


def test_examples_are_walked_only_on_an_otherwise_sound_flow() -> None:
    # dead-end.yaml has no examples problem to add: the graph errors come first.
    codes = {p.code for p in problems_of(BROKEN / "dead-end.yaml")}
    assert "example-fails" not in codes


def test_problems_come_sorted_by_place() -> None:
    loaded = read_flow(BROKEN / "dead-end.yaml")
    assert loaded.flow is not None
    problems = validate(loaded.flow, loaded.broken)
    places = [(p.mark.line, p.mark.col) for p in problems]
    assert places == sorted(places)


def test_links_to_other_flows_are_checked_only_when_they_are_known() -> None:
    loaded = read_flow(VALID / "minimal.yaml")
    assert loaded.flow is not None
    assert validate(loaded.flow, loaded.broken, {"hang-up": ["breathe"]}) == []


# --- `hangup-guide check` -----------------------------------------------------------------


def check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guide", "check", *map(str, args)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_a_clean_flow_exits_0_and_prints_no_problem() -> None:
    result = check(VALID / "minimal.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    summary = SUMMARY.search(result.stderr)
    assert summary is not None and summary.groups() == ("1", "0", "0")


def test_check_with_no_files_checks_the_bundled_flows_and_exits_0() -> None:
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    summary = SUMMARY.search(result.stderr)
    assert summary is not None and int(summary.group(1)) >= 1
    assert summary.groups()[1:] == ("0", "0")


def test_check_a_broken_flow_exits_1_with_compiler_style_lines() -> None:
    path = BROKEN / "unknown-target.yaml"
    result = check(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines == [f"{path}:24:15: error: there is no node `cal-back`; did you mean `call-back`?"]
    for line in lines:
        found = PROBLEM_LINE.match(line)
        assert found is not None, line
        assert found.group("file") == str(path)
    summary = SUMMARY.search(result.stderr)
    assert summary is not None and summary.groups() == ("1", "1", "0")


def test_check_a_missing_file_exits_2() -> None:
    missing = BROKEN / "there-is-no-such-flow.yaml"
    result = check(missing)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{missing}: error: cannot read the file" in result.stderr


def test_check_a_missing_file_among_broken_ones_still_exits_2() -> None:
    result = check(BROKEN / "unknown-target.yaml", BROKEN / "there-is-no-such-flow.yaml")
    assert result.returncode == 2
    assert "cal-back" in result.stdout


@pytest.fixture(scope="module")
def all_broken() -> subprocess.CompletedProcess[str]:
    """One `check` run over every broken fixture."""
    return check(*sorted(BROKEN.glob("*.yaml")))


def test_check_every_broken_fixture_exits_1_without_a_traceback(
    all_broken: subprocess.CompletedProcess[str],
) -> None:
    assert all_broken.returncode == 1
    assert "Traceback" not in all_broken.stderr
    for line in all_broken.stdout.splitlines():
        assert PROBLEM_LINE.match(line), line


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.glob("*.yaml")))
def test_check_locates_a_problem_in_every_broken_fixture(
    name: str, all_broken: subprocess.CompletedProcess[str]
) -> None:
    # Wherever `check` prints it, every broken fixture gets at least one located line.
    path = str(BROKEN / name)
    lines = (all_broken.stdout + all_broken.stderr).splitlines()
    located = [m for m in map(PROBLEM_LINE.match, lines) if m and m.group("file") == path]
    assert located, name
    assert all(int(m.group("line")) >= 1 and int(m.group("col")) >= 1 for m in located)


def test_check_prints_a_file_that_cannot_be_read_on_stdout_like_every_other_problem() -> None:
    # A YAML syntax error is a problem like the others: one `file:line:col:` line on
    # stdout, so `check ... > report.txt` and editors' problem matchers keep it.
    path = BROKEN / "yaml-syntax.yaml"
    result = check(path)
    assert result.returncode == 1
    assert f"{path}:26:8: error: YAML syntax:" in result.stdout, (result.stdout, result.stderr)


def test_check_summary_counts_the_errors_of_files_that_cannot_be_read() -> None:
    # Exit 1 and "0 error(s)" contradict each other.
    result = check(BROKEN / "yaml-syntax.yaml")
    assert result.returncode == 1
    summary = SUMMARY.search(result.stderr)
    assert summary is not None
    assert summary.group(2) == "1", result.stderr
