"""`escape_shown` (how a face shows the escape) and placeholders in an outcome's title
and why: read, checked where they are written, and applied (issue 17)."""

from __future__ import annotations

import pytest

from guide.flow.engine import Advice, Question, Walk
from guide.flow.loader import load_flow
from guide.flow.model import Flow
from guide.flow.shown import listed, quiet_escape
from guide.flow.validate import validate

FLOW = """\
flow: tiny
title: Tiny
version: 1
start: first
{shown}escape:
  - label: This could be an emergency
    key: "!"
    next: help
nodes:
  first:
    ask: Ready?
    options:
      - label: Go
        set: {{mood: calm}}
        next: done
      - label: Stop
        next: done
  done:
    outcome: "Done, feeling {{mood|fine}}"
    steps: [Rest.]
    why: "You said you were {{mood}}."
    source: {{article: "000", section: S}}
  help:
    outcome: Get help
    emergency: true
    steps: [Call your local emergency number.]
    why: Safety first.
    source: {{article: "000", section: S}}
sources:
  "000": {{title: T}}
"""


def loaded(shown: str) -> tuple[Flow, list[str]]:
    result = load_flow(FLOW.format(shown=shown).encode(), "tiny.yaml")
    assert result.flow is not None
    problems = [*result.problems, *validate(result.flow)]
    return result.flow, [str(p) for p in problems]


def first_question(flow: Flow) -> Question:
    step = Walk(flow).current
    assert isinstance(step, Question)
    return step


def test_the_escape_is_an_answer_unless_the_flow_says_otherwise() -> None:
    flow, problems = loaded("")
    assert problems == []
    assert flow.escape_shown == "answer"
    step = first_question(flow)
    assert [c.handle for c in listed(step.choices, flow)] == ["1", "2", "!"]
    assert quiet_escape(step.choices, flow) is None


def test_a_line_leaves_the_escape_out_of_the_list_but_on_offer() -> None:
    flow, problems = loaded("escape_shown: line\n")
    assert problems == []
    step = first_question(flow)
    assert [c.handle for c in listed(step.choices, flow)] == ["1", "2"]
    quiet = quiet_escape(step.choices, flow)
    assert quiet is not None and quiet.option.label == "This could be an emergency"
    walk = Walk(flow)
    assert walk.reply("!").accepted  # the key still takes it
    assert isinstance(walk.current, Advice) and walk.current.node.id == "help"


@pytest.mark.parametrize("value", ["hidden", "Line", '""', "[line]"])
def test_any_other_value_is_a_problem_where_it_is_written(value: str) -> None:
    _, problems = loaded(f"escape_shown: {value}\n")
    assert len(problems) == 1, problems
    assert problems[0].startswith("tiny.yaml:5:15: error: ")


def test_a_bad_value_names_the_good_ones() -> None:
    _, problems = loaded("escape_shown: hidden\n")
    assert problems == [
        "tiny.yaml:5:15: error: `escape_shown` must be answer or line, not `hidden`"
    ]


def test_the_title_and_why_are_filled_from_the_facts() -> None:
    flow, _ = loaded("")
    walk = Walk(flow)
    walk.reply("1")
    step = walk.current
    assert isinstance(step, Advice)
    assert (step.title, step.why) == ("Done, feeling calm", "You said you were calm.")
    walk.back()
    walk.reply("2")
    step = walk.current
    assert isinstance(step, Advice)
    # the fallback, else the placeholder as written: a visible blank
    assert (step.title, step.why) == ("Done, feeling fine", "You said you were {mood}.")


def test_a_fact_in_a_title_that_nothing_sets_is_reported_at_the_outcome() -> None:
    text = FLOW.format(shown="").replace("{mood|fine}", "{moood}")
    result = load_flow(text.encode(), "tiny.yaml")
    assert result.flow is not None
    problems = [str(p) for p in validate(result.flow)]
    assert problems == [
        "tiny.yaml:19:5: error: the fact `moood` is read here but no answer or input sets it;"
        " did you mean `mood`?"
    ]
