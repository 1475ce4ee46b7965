"""Matching a typed answer has a bounded cost: limits on aliases that `check` reports
where they are, normalised forms computed once per option, and a budget on how much
matching a flow's examples may ask of `check`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from guide.flow import examples
from guide.flow import match as matching
from guide.flow.examples import BUDGET, example_problems
from guide.flow.loader import load_flow
from guide.flow.match import Choice, match
from guide.flow.model import Ask, Flow
from guide.flow.problems import Problem
from guide.flow.validate import validate
from tests.hardening.heavyflows import alias_heavy_flow

TINY = (Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "tiny.yaml").read_text()


def problems(text: str) -> list[Problem]:
    loaded = load_flow(text.encode(), "limits.yaml")
    assert loaded.flow is not None, loaded.problems
    return [*loaded.problems, *validate(loaded.flow, loaded.broken)]


def with_aliases(aliases: list[str], *, escape: bool = False) -> str:
    """tiny.yaml with `aliases` on the first option of its first question (or on its
    escape)."""
    listed = "[" + ", ".join(aliases) + "]"
    if escape:
        return TINY.replace('    key: "!"\n', f'    key: "!"\n    aliases: {listed}\n', 1)
    return TINY.replace(
        "        next: call-back\n", f"        next: call-back\n        aliases: {listed}\n", 1
    )


def test_tiny_has_the_places_these_tests_edit() -> None:
    assert with_aliases(["x"]) != TINY
    assert with_aliases(["x"], escape=True) != TINY


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("aliases", "code", "words"),
    [
        # 31 aliases: one more than an option may have
        ([f"word{n}" for n in range(31)], "too-many-aliases", "has 31 aliases; an option may"),
        # an alias of 81 characters: one more than allowed
        (["a" * 81], "alias-too-long", "is 81 characters; an alias may have at most 80"),
        # three long ones: one problem, counting the others
        (["b" * 90, "c" * 85, "d" * 100], "alias-too-long", "is 90 characters (and 2 more)"),
    ],
)
def test_an_option_over_a_limit_is_an_error_at_the_option(
    aliases: list[str], code: str, words: str
) -> None:
    text = with_aliases(aliases)
    found = [p for p in problems(text) if p.code == code]
    assert len(found) == 1, problems(text)
    [problem] = found
    assert problem.severity == "error"
    assert words in problem.message
    assert problem.mark.line == line_of(text, "- label: The line dropped")


def test_the_escape_option_is_held_to_the_same_limits() -> None:
    text = with_aliases(["e" * 81], escape=True)
    [problem] = [p for p in problems(text) if p.code == "alias-too-long"]
    assert "the escape option" in problem.message
    assert problem.mark.line == line_of(text, "- label: This could be an emergency")


def test_a_question_with_too_many_aliases_in_all_is_an_error_at_the_question() -> None:
    # 30 options of 11 aliases each: every option within its limit, 330 in all.
    text = alias_heavy_flow(options=30, aliases=11, alias_length=20, examples=0)
    [problem] = [p for p in problems(text) if p.code == "question-too-many-aliases"]
    assert problem.severity == "error"
    assert "question `q` has 330 aliases in all" in problem.message
    assert "at most 300" in problem.message
    assert problem.mark.line == line_of(text, "ask: Which one?")
    assert not [p for p in problems(text) if p.code in ("too-many-aliases", "alias-too-long")]


def test_the_limits_leave_room_for_the_bundled_flows_and_a_little_more() -> None:
    text = alias_heavy_flow(options=10, aliases=30, alias_length=80, examples=0)
    codes = {p.code for p in problems(text)}
    assert not codes & {"too-many-aliases", "alias-too-long", "question-too-many-aliases"}


def test_forms_are_computed_once_per_option_not_per_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each reply used to split every label and alias of the question into words again."""
    flow = _flow(alias_heavy_flow(options=10, aliases=20, alias_length=40, examples=0))
    choices = _choices(flow)
    match("something else entirely", choices)
    calls: list[str] = []
    real = matching.words

    def counted(text: str) -> list[str]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(matching, "words", counted)
    match("another thing typed", choices)
    assert calls == ["another thing typed"]


def test_a_reply_to_the_heavy_flow_is_matched_in_milliseconds() -> None:
    """The 131 KB flow's question (750 aliases of 150 characters: over the limits, so
    matching looks at 300 of 80): a 480-character answer took about a second each."""
    flow = _flow(alias_heavy_flow())
    choices = _choices(flow)
    answers = [a for e in flow.examples for a in e.answers]
    start = time.perf_counter()
    for answer in answers:
        match(answer, choices)
    assert (time.perf_counter() - start) / len(answers) < 0.1


def test_examples_that_ask_too_much_matching_stop_with_one_located_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 1 MB flow can hold 100,000 answers at a question of 10,000 options: the budget
    is made small here so the test is quick; the real one bounds `check` to seconds."""
    monkeypatch.setattr(examples, "BUDGET", 20_000)
    options = "".join(f"      - {{label: Option {n}, next: first}}\n" for n in range(200))
    text = TINY.replace("    options:\n", "    options:\n" + options, 1)
    fine = "examples:\n  - name: short\n    answers: ['1', '201']\n    outcome: call-back\n"
    many = f"  - name: round and round\n    answers: [{'1, ' * 110}'201']\n    outcome: call-back\n"
    never = "  - name: not reached\n    answers: ['202']\n    outcome: call-back\n"
    text += fine + many + never
    found = example_problems(_flow(text))
    assert [p.code for p in found] == ["examples-too-costly"]
    assert found[0].severity == "error"
    assert found[0].mark.line == line_of(text, "name: round and round")
    assert "more than 20,000 choices in all" in found[0].message
    # Within the budget, the same examples are walked and pass.
    monkeypatch.setattr(examples, "BUDGET", BUDGET)
    assert [p.code for p in example_problems(_flow(text))] == ["example-fails"]


def _choices(flow: Flow) -> tuple[Choice, ...]:
    question = flow.nodes["q"]
    assert isinstance(question, Ask)
    return tuple(Choice(o, n, o.key) for n, o in enumerate(question.options, 1))


def _flow(text: str) -> Flow:
    loaded = load_flow(text.encode(), "limits.yaml")
    assert loaded.flow is not None
    return loaded.flow
