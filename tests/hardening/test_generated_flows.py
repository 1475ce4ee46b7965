"""Random flows built as graphs go through load + validate (and `check`) without a crash.

A valid generated flow (every node reachable, every node with a way to an outcome)
checks clean and walks anywhere without the engine failing; the same flow with one
thing broken on purpose gives that problem, pointing at the line (and column) of what
was broken; broken YAML text gives a located `FlowError`. `check` in a subprocess prints
exactly what the loader and validator found in-process, one located line each.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.flow.engine import Walk
from guide.flow.loader import load_flow
from guide.flow.model import Input, Say, Wait
from guide.flow.problems import FlowError, Problem
from guide.flow.refusals import InvalidInput
from guide.flow.steps import Advice, Question
from guide.flow.validate import validate
from guide.flow.yamltree import CONTROL

from .common import PROBLEM_LINE, check_files, no_traceback
from .flowgen import MUTATIONS, Mutation, broken, dump, flow_graphs

SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STYLE = st.tuples(st.booleans(), st.booleans())  # (flow style, unicode)


def problems_of(text: str, file: str = "generated.yaml") -> list[Problem]:
    """What `check` would report for this text: a FlowError's problems, or the loader's and
    the validator's. Nothing else may be raised."""
    try:
        loaded = load_flow(text.encode(), file)
    except FlowError as exc:
        assert exc.problems
        return list(exc.problems)
    found = list(loaded.problems)
    if loaded.flow is not None:
        found += validate(loaded.flow, loaded.broken)
    return found


def assert_located(problems: list[Problem], text: str) -> None:
    """Each problem points inside the text and is one clean line."""
    lines = text.splitlines() or [""]
    for problem in problems:
        line, col = problem.mark.line, problem.mark.col
        assert 1 <= line <= len(lines) + 1, problem
        assert col >= 1, problem
        shown = str(problem)
        assert PROBLEM_LINE.match(shown), shown
        assert "\n" not in shown and not CONTROL.search(shown), repr(shown)


def position(text: str, marker: str) -> tuple[int, int]:
    at = text.index(marker)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


# --- valid flows ------------------------------------------------------------------------


@SOME
@given(flow_graphs(), STYLE)
def test_a_valid_random_flow_checks_clean(data: dict[str, Any], style: tuple[bool, bool]) -> None:
    text = dump(data, *style)
    problems = problems_of(text)
    assert problems == [], text
    loaded = load_flow(text.encode(), "generated.yaml")
    assert loaded.flow is not None
    assert list(loaded.flow.nodes) == list(data["nodes"])
    assert loaded.flow.start == data["start"]


@SOME
@given(flow_graphs(), st.data())
def test_a_valid_random_flow_walks_anywhere(data: dict[str, Any], moves: st.DataObject) -> None:
    """Whatever the person picks, the engine never fails on a flow that checks clean: every
    step offers a way on, back undoes, and the escape is there at every question."""
    flow = load_flow(dump(data, False, True).encode()).flow
    assert flow is not None
    walk = Walk(flow)
    for _ in range(30):
        step = walk.current
        if isinstance(step, Advice):
            break
        if isinstance(step, Question):
            assert any(c.option.is_escape for c in step.choices)
            choice = moves.draw(st.sampled_from(step.choices), label="choice")
            walk.choose(choice)
        elif isinstance(step, Input):
            typed = moves.draw(st.sampled_from(["", "Sam", "\x1b[31mred", "x" * 300]))
            try:
                walk.enter(typed)
            except InvalidInput:
                walk.enter("Sam")
        else:
            assert isinstance(step, (Say, Wait))
            walk.proceed()
        if moves.draw(st.integers(0, 5), label="back?") == 0:
            depth = walk.depth
            walk.back()
            assert walk.depth == depth - 1
    before = walk.depth
    assert walk.escape()
    assert isinstance(walk.current, Advice) and walk.current.node.emergency
    assert walk.depth == before + 1


# --- broken flows ---------------------------------------------------------------------------


@SOME
@given(flow_graphs(), st.sampled_from(MUTATIONS), STYLE)
def test_a_broken_random_flow_names_the_problem_where_it_is(
    data: dict[str, Any], mutation: Mutation, style: tuple[bool, bool]
) -> None:
    text = dump(broken(data, mutation), *style)
    problems = problems_of(text)
    assert_located(problems, text)
    found = [p for p in problems if p.code == mutation.code and p.severity == mutation.severity]
    assert found, (mutation.name, [str(p) for p in problems], text)
    if mutation.marker is None:
        return
    line, col = position(text, mutation.marker)
    if mutation.at_column:
        # At the value itself, or at the quote that opens it.
        assert any((p.mark.line, p.mark.col) in ((line, col), (line, col - 1)) for p in found), (
            mutation.name,
            (line, col),
            [str(p) for p in found],
            text,
        )
    else:
        # At the node holding it (its mapping may open on the line before).
        assert any(p.mark.line in (line, line - 1) for p in found), (
            mutation.name,
            line,
            [str(p) for p in found],
            text,
        )


def _duplicate_key(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    changed = text.replace("\nstart:", "\ntitle: zzmark\nstart:", 1)
    return changed, "duplicate-key", position(changed, "title: zzmark")


def _tab(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    changed = text.replace("\nnodes:\n  ", "\nnodes:\n\t", 1)
    return changed, "yaml-syntax", None


def _anchor(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    changed = text.replace("\ntitle: ", "\ntitle: &zzmark ", 1)
    line, col = position(changed, "&zzmark")
    return changed, "anchor", (line, col)


def _second_document(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    return text + "---\nflow: again\n", "multiple-documents", None


def _unclosed(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    return text.replace("\nnodes:", "\nextra: [zzmark\nnodes:", 1), "yaml-syntax", None


def _cut(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    return text[: len(text) * 2 // 3], None, None


TEXT_BREAKS = [_duplicate_key, _tab, _anchor, _second_document, _unclosed, _cut]


@SOME
@given(flow_graphs(), st.sampled_from(TEXT_BREAKS), st.booleans())
def test_broken_yaml_text_gives_a_located_error(
    data: dict[str, Any], breaking: Any, unicode: bool
) -> None:
    """What only the text can get wrong (a repeated key, a tab, an anchor, a second
    document, an unclosed bracket, a file cut short) in a block-style flow."""
    text, code, where = breaking(dump(data, False, unicode))
    problems = problems_of(text)
    assert_located(problems, text)
    if code is None:  # cut short anywhere: any located problem, or none if still whole
        return
    found = [p for p in problems if p.code == code]
    assert found, (code, [str(p) for p in problems])
    if where is not None:
        assert any((p.mark.line, p.mark.col) == where for p in found), (where, found)


# --- the same through `check` ----------------------------------------------------------


@FEW
@given(
    st.lists(
        st.tuples(flow_graphs(), st.sampled_from([None, *MUTATIONS]), STYLE),
        min_size=2,
        max_size=4,
    )
)
def test_check_prints_what_the_loader_found(
    batch: list[tuple[dict[str, Any], Mutation | None, tuple[bool, bool]]],
) -> None:
    """One `check` run over a batch of valid and broken flows: per file, exactly the
    problems found in-process, each on one `file:line:col: severity: message` line."""
    with tempfile.TemporaryDirectory() as folder:
        expected: list[str] = []
        paths: list[Path] = []
        for number, (data, mutation, style) in enumerate(batch):
            text = dump(data if mutation is None else broken(data, mutation), *style)
            path = Path(folder) / f"flow{number}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
            expected += [str(p) for p in problems_of(text, str(path))]
        done = check_files(paths)
    no_traceback(done)
    printed = done.stdout.splitlines()
    assert sorted(printed) == sorted(expected)
    errors = sum(": error: " in line for line in expected)
    summary = (
        f"checked {len(paths)} file(s): {errors} error(s), {len(expected) - errors} warning(s)"
    )
    assert summary in done.stderr
    assert done.returncode == (1 if expected else 0), done.stderr


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_every_mutation_is_caught_on_a_small_flow(mutation: Mutation) -> None:
    """Each mutation on one fixed small flow, so a mutation that stops being caught fails
    here by name, not only as a hypothesis example."""
    data = {
        "flow": "small",
        "title": "Small",
        "version": "1",
        "start": "first",
        "sources": {"000": {"title": "T"}},
        "escape": [
            {
                "label": "This could be an emergency",
                "key": "!",
                "set": {"alarm": "raised"},
                "next": "help",
            }
        ],
        "nodes": {
            "first": {
                "ask": "Which?",
                "options": [{"label": "One", "next": "done"}, {"label": "Two", "next": "done"}],
            },
            "done": {
                "outcome": "Done",
                "steps": ["Stop."],
                "why": "Because.",
                "source": {"article": "000"},
            },
            "help": {
                "outcome": "Get help",
                "steps": ["Call."],
                "why": "Safety.",
                "source": {"article": "000"},
                "emergency": "true",
            },
        },
    }
    assert problems_of(dump(data, False, True)) == []
    text = dump(broken(data, mutation), False, True)
    codes = {p.code for p in problems_of(text)}
    assert mutation.code in codes, (codes, text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", "\n".join(str(p) for p in problems_of(text)))
