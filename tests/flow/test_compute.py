"""`compute:` nodes, as a person and a flow author meet them: the abandonment rate worked
out from two counts, every way the sum can fail worded for the person at the keyboard,
a failed sum keeping the walk where it was (engine, `--plain --answers`, interactive
`--plain`), and `check` pointing at each mistake in a compute node.

The flow under test is RATE_FLOW below, written to a temp folder; each `check` case is
that flow with one thing changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.flow import compute
from guide.flow.compute import ComputeError
from guide.flow.engine import Walk
from guide.flow.loader import load_flow
from guide.flow.model import Flow, Input
from guide.flow.problems import Problem
from guide.flow.steps import Advice
from guide.flow.validate import validate
from guide.i18n.wording import refusal_words
from tests.helpers import guide

# What the fixture flow's compute node maps: the function's inputs → the facts holding them.
WITH = {"abandoned": "calls_abandoned", "offered": "calls_offered"}

RATE_FLOW = """\
# Two counts in, the abandonment rate worked out, and a route on how it compares.
flow: rate
title: Work out an abandonment rate
version: 1
start: calls-offered
sources:
  "002":
    title: What hanging up the phone means for a contact centre
nodes:
  calls-offered:
    input: How many calls were offered?
    fact: calls_offered
    type: integer
    min: 0
    next: calls-abandoned
  calls-abandoned:
    input: How many of those callers hung up before an agent answered?
    fact: calls_abandoned
    type: integer
    min: 0
    next: work-out-rate
  work-out-rate:
    compute: abandonment_rate
    with: {abandoned: calls_abandoned, offered: calls_offered}
    fact: rate
    next: verdict
  verdict:
    route:
      - when: {rate_band: above}
        next: too-high
      - next: on-track
  too-high:
    outcome: Find out why callers give up
    steps: [Look at the wait times first.]
    why: More callers give up than in most contact centres.
    text: "Our abandonment rate is {rate}%, above the usual 5-8%."
    source: {article: "002"}
  on-track:
    outcome: Keep an eye on the rate
    steps: [Work it out again next week.]
    why: The rate is not above the usual range.
    text: "Our abandonment rate is {rate}% ({rate_band})."
    source: {article: "002"}
examples:
  - name: a typical week
    answers: ["1000", "70"]
    outcome: on-track
    facts: {rate: "7.0", rate_band: typical}
  - name: a bad week
    answers: ["1,000", "150"]
    outcome: too-high
"""


def load(text: str, file: str = "rate.yaml") -> Flow:
    loaded = load_flow(text.encode(), file)
    assert loaded.flow is not None, loaded.problems
    assert not loaded.problems, loaded.problems
    return loaded.flow


def facts(abandoned: str | None, offered: str | None) -> dict[str, str]:
    """The facts the two inputs would have set (None: that input was never answered)."""
    found = {"calls_abandoned": abandoned, "calls_offered": offered}
    return {k: v for k, v in found.items() if v is not None}


# --- compute.run: the sum itself ---------------------------------------------------------

# (abandoned, offered, the rate shown, the band)
RATES = [
    # 70 of 1000 calls: 7.0%, inside the 5-8% contact centres commonly see.
    pytest.param("70", "1000", "7.0", "typical", id="typical"),
    # 20 of 1000: 2.0%, below the range.
    pytest.param("20", "1000", "2.0", "below", id="below"),
    # 150 of 1000: 15.0%, above it.
    pytest.param("150", "1000", "15.0", "above", id="above"),
    # Exactly 5%: the lower edge belongs to the typical range.
    pytest.param("50", "1000", "5.0", "typical", id="lower-edge"),
    # Exactly 8%: so does the upper edge.
    pytest.param("80", "1000", "8.0", "typical", id="upper-edge"),
    # Just under the lower edge: 4.9%, below.
    pytest.param("49", "1000", "4.9", "below", id="just-below"),
    # Just over the upper edge: 8.1%, above.
    pytest.param("81", "1000", "8.1", "above", id="just-above"),
    # "1,000" as people write it, with a thousands comma, is 1000.
    pytest.param("70", "1,000", "7.0", "typical", id="thousands-comma"),
    # Spaces around a number typed by hand do not matter.
    pytest.param(" 70 ", " 1000 ", "7.0", "typical", id="spaces"),
    # Nothing abandoned at all: 0.0%, below.
    pytest.param("0", "1000", "0.0", "below", id="none-abandoned"),
    # Every call abandoned: 100.0%, above.
    pytest.param("1000", "1000", "100.0", "above", id="all-abandoned"),
]


@pytest.mark.parametrize(("abandoned", "offered", "rate", "band"), RATES)
def test_the_rate_and_how_it_compares(abandoned: str, offered: str, rate: str, band: str) -> None:
    got = compute.run("abandonment_rate", WITH, facts(abandoned, offered), "rate")
    assert got == {"rate": rate, "rate_band": band}


def test_results_are_named_after_the_fact_and_inputs_default_to_their_own_names() -> None:
    # No `with`: the inputs are read from facts named `abandoned` and `offered`; the
    # results are stored under whatever `fact:` says.
    got = compute.run("abandonment_rate", {}, {"abandoned": "70", "offered": "1000"}, "queue")
    assert got == {"queue": "7.0", "queue_band": "typical"}


# The band a person reads next to the rate must agree with the rate they are shown.
SHOWN_AT_AN_EDGE = [
    # 4.99% is shown as "5.0", which is inside 5-8%: it must not be called "below".
    pytest.param("499", "10000", id="shown-as-5.0"),
    # 8.04% is shown as "8.0", also inside: it must not be called "above".
    pytest.param("804", "10000", id="shown-as-8.0"),
]


@pytest.mark.parametrize(("abandoned", "offered"), SHOWN_AT_AN_EDGE)
def test_the_band_agrees_with_the_rate_shown(abandoned: str, offered: str) -> None:
    got = compute.run("abandonment_rate", WITH, facts(abandoned, offered), "rate")
    low, high = compute.TYPICAL_ABANDONMENT
    assert low <= float(got["rate"]) <= high
    assert got["rate_band"] == "typical", got


# (function, abandoned, offered, fragments of the message the person reads)
ERRORS = [
    # No calls offered: there is nothing to divide by.
    pytest.param("abandonment_rate", "0", "0", ("no calls were offered",), id="zero-offered"),
    # The offered count was never given.
    pytest.param(
        "abandonment_rate", "70", None, ("calls offered", "is missing"), id="offered-missing"
    ),
    # An input left blank is missing too.
    pytest.param(
        "abandonment_rate", "70", "   ", ("calls offered", "is missing"), id="offered-blank"
    ),
    # The abandoned count was never given.
    pytest.param(
        "abandonment_rate", None, "1000", ("calls abandoned", "is missing"), id="abandoned-missing"
    ),
    # Words where a number belongs: the message quotes what was typed.
    pytest.param(
        "abandonment_rate",
        "70",
        "lots",
        ("calls offered", "must be a number", "“lots”"),
        id="not-a-number",
    ),
    # A negative count of abandoned calls.
    pytest.param(
        "abandonment_rate", "-5", "1000", ("cannot be negative",), id="negative-abandoned"
    ),
    # A negative count of offered calls is a negative count too, not "no calls".
    pytest.param("abandonment_rate", "5", "-1000", ("cannot be negative",), id="negative-offered"),
    # More abandoned than offered cannot be: both numbers need checking.
    pytest.param(
        "abandonment_rate",
        "1200",
        "1000",
        ("more calls were abandoned than were offered", "check both numbers"),
        id="abandoned-over-offered",
    ),
    # "inf" reads as a float, but it is no count of calls.
    pytest.param(
        "abandonment_rate", "70", "inf", ("calls offered", "finite number"), id="infinite"
    ),
    # Nor is "nan".
    pytest.param("abandonment_rate", "nan", "1000", ("calls abandoned", "finite number"), id="nan"),
    # A function the registry does not have: named back to the person, no crash.
    pytest.param(
        "abandonment_rte",
        "70",
        "1000",
        ("`abandonment_rte`", "does not exist"),
        id="unknown-function",
    ),
]


@pytest.mark.parametrize(("function", "abandoned", "offered", "fragments"), ERRORS)
def test_a_sum_that_cannot_be_done_says_why(
    function: str, abandoned: str | None, offered: str | None, fragments: tuple[str, ...]
) -> None:
    with pytest.raises(ComputeError) as raised:
        compute.run(function, WITH, facts(abandoned, offered), "rate")
    message = str(raised.value)
    for fragment in fragments:
        assert fragment in message, message
    # Worded for a person: no Python repr or exception names leak into it.
    assert "Error" not in message and "float(" not in message


# --- through the engine -------------------------------------------------------------------


@pytest.fixture(scope="module")
def rate_flow() -> Flow:
    return load(RATE_FLOW)


# (offered, abandoned typed, outcome reached, the message text with the rate filled in)
WALKS = [
    # A typical week: the route falls through to `on-track`, the band in the text.
    pytest.param("1000", "70", "on-track", "Our abandonment rate is 7.0% (typical).", id="typical"),
    # Too many callers gave up: the route on `rate_band: above` takes it.
    pytest.param(
        "1000",
        "150",
        "too-high",
        "Our abandonment rate is 15.0%, above the usual 5-8%.",
        id="above",
    ),
    # Below the range is not "above": `on-track`, and it says "below".
    pytest.param("1,000", "20", "on-track", "Our abandonment rate is 2.0% (below).", id="below"),
]


@pytest.mark.parametrize(("offered", "abandoned", "outcome", "text"), WALKS)
def test_a_walk_reaches_the_outcome_with_the_rate_filled_in(
    rate_flow: Flow, offered: str, abandoned: str, outcome: str, text: str
) -> None:
    walk = Walk(rate_flow)
    assert walk.reply(offered).accepted
    assert walk.reply(abandoned).accepted
    step = walk.current
    assert isinstance(step, Advice)
    assert step.node.id == outcome
    assert step.text == text
    # The compute node itself is passed through, never shown.
    assert [node for _, node, _ in walk.path()] == ["calls-offered", "calls-abandoned", outcome]


def test_no_calls_offered_keeps_the_walk_at_the_last_input(rate_flow: Flow) -> None:
    walk = Walk(rate_flow)
    # 0 is a whole number of at least 0: the offered step takes it.
    assert walk.reply("0").accepted
    reply = walk.reply("5")
    # The sum fails when it is run, after the abandoned count: the reply is refused
    # with the reason, and the walk stays at that step instead of crashing.
    assert not reply.accepted
    assert reply.reason is not None
    assert "no calls were offered" in refusal_words(reply.reason)
    step = walk.current
    assert isinstance(step, Input) and step.id == "calls-abandoned"
    assert walk.depth == 1
    assert "calls_abandoned" not in walk.facts
    assert "rate" not in walk.facts
    # Back to the offered count, corrected: the walk goes on to the outcome.
    assert walk.back()
    assert walk.reply("1000").accepted
    assert walk.reply("5").accepted
    step = walk.current
    assert isinstance(step, Advice)
    assert step.text == "Our abandonment rate is 0.5% (below)."


def test_more_abandoned_than_offered_is_refused_and_can_be_typed_again(rate_flow: Flow) -> None:
    walk = Walk(rate_flow)
    assert walk.reply("100").accepted
    reply = walk.reply("120")
    assert not reply.accepted
    assert reply.reason is not None
    assert "more calls were abandoned than were offered" in refusal_words(reply.reason)
    # The same step, asked again: a smaller number now goes through.
    assert walk.reply("12").accepted
    assert walk.finished
    assert walk.facts["rate"] == "12.0"
    assert walk.facts["rate_band"] == "above"


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def rate_file(tmp_path: Path) -> Path:
    path = tmp_path / "rate.yaml"
    path.write_text(RATE_FLOW, encoding="utf-8")
    return path


def test_answers_walk_to_the_outcome_with_the_rate(env: dict[str, str], rate_file: Path) -> None:
    done = guide(env, "--flow", str(rate_file), "--plain", "--answers", "1000,70")
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Keep an eye on the rate" in done.stdout
    assert "Our abandonment rate is 7.0% (typical)." in done.stdout


def test_answers_with_no_calls_offered_exit_1_with_the_reason(
    env: dict[str, str], rate_file: Path
) -> None:
    done = guide(env, "--flow", str(rate_file), "--plain", "--answers", "0,5")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    # The reason, and the step where the answers stopped fitting.
    assert "hangup-guide: answer 2 ('5') does not fit step `rate:calls-abandoned`" in done.stderr
    assert "no calls were offered, so there is no rate to work out" in done.stderr
    assert "NEXT STEP" not in done.stdout


def test_interactive_shows_the_reason_and_asks_again(env: dict[str, str], rate_file: Path) -> None:
    # 0 offered, 5 abandoned: refused; back, 1000 offered, 5 abandoned: the outcome.
    typed = "".join(f"{line}\n" for line in ["0", "5", "b", "1000", "5"])
    done = guide(env, "--flow", str(rate_file), "--plain", stdin=typed)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    out = done.stdout
    said = out.index("No calls were offered, so there is no rate to work out.")
    # After the reason, the same question comes again.
    asked = "How many of those callers hung up before an agent answered?"
    assert out.count(asked) == 3  # the first time, again after the reason, after "b" + 1000
    assert out.index(asked) < said < out.index(asked, said)
    assert "NEXT STEP: Keep an eye on the rate" in out
    assert "Our abandonment rate is 0.5% (below)." in out


# --- check: mistakes in a compute node ------------------------------------------------------


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the only line of `text` containing `fragment`."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(found) == 1, (fragment, found)
    return found[0]


def problems(text: str) -> list[Problem]:
    loaded = load_flow(text.encode(), "rate.yaml")
    assert loaded.flow is not None, loaded.problems
    return [*loaded.problems, *validate(loaded.flow, loaded.broken, {})]


def test_the_fixture_flow_checks_clean() -> None:
    # Its examples (a typical week, a bad week typed "1,000") are walked by the check.
    assert problems(RATE_FLOW) == []


# (the line changed, what it becomes, code, severity, fragments, other codes it may cause)
MISTAKES = [
    pytest.param(
        # A name nothing like any calculation: the list of those there are.
        "    compute: abandonment_rate",
        "    compute: average_wait",
        "unknown-function",
        "error",
        (
            "there is no calculation `average_wait` (there are: abandonment_rate, abandonment_rate_less_short)",
        ),
        {"fact-never-set"},
        id="unknown-function-listed",
    ),
    pytest.param(
        # A typo in the function's name: named, with the right one suggested.
        "    compute: abandonment_rate",
        "    compute: abandonment_rte",
        "unknown-function",
        "error",
        (
            "there is no calculation `abandonment_rte`",
            "did you mean `abandonment_rate`?",
        ),
        # (whether it may also make the facts its node sets look never set: see
        # test_an_unknown_function_is_the_only_error)
        {"fact-never-set"},
        id="unknown-function",
    ),
    pytest.param(
        # `with` names an input the function does not have; the real input then falls
        # back to a fact of its own name, which nothing sets.
        "    with: {abandoned: calls_abandoned, offered: calls_offered}",
        "    with: {abandonned: calls_abandoned, offered: calls_offered}",
        "unknown-input",
        "error",
        ("`abandonment_rate` has no input `abandonned`", "did you mean `abandoned`?"),
        {"fact-never-set"},
        id="unknown-input",
    ),
    pytest.param(
        # `with` reads a fact that no input sets: `calls_offerd`.
        "    with: {abandoned: calls_abandoned, offered: calls_offered}",
        "    with: {abandoned: calls_abandoned, offered: calls_offerd}",
        "fact-never-set",
        "error",
        ("the fact `calls_offerd`", "did you mean `calls_offered`?"),
        set(),
        id="with-fact-never-set",
    ),
    pytest.param(
        # A route on a band the function never gives: a warning, `above` suggested;
        # the example "a bad week" then no longer reaches `too-high`.
        "      - when: {rate_band: above}",
        "      - when: {rate_band: abov}",
        "unknown-value",
        "warning",
        ("`rate_band` to `abov`", "did you mean `above`?"),
        {"example-fails"},
        id="unknown-band",
    ),
]


@pytest.mark.parametrize(("old", "new", "code", "severity", "fragments", "also"), MISTAKES)
def test_check_points_at_each_mistake_in_a_compute_node(
    *,
    old: str,
    new: str,
    code: str,
    severity: str,
    fragments: tuple[str, ...],
    also: set[str],
) -> None:
    assert RATE_FLOW.count(old + "\n") == 1
    text = RATE_FLOW.replace(old + "\n", new + "\n")
    found = problems(text)
    here = [p for p in found if p.code == code]
    assert len(here) == 1, found
    [problem] = here
    assert problem.severity == severity
    # On the changed line, for the unknown band; on the compute node's line (its
    # `compute:`) for the node's own mistakes.
    where = new if code == "unknown-value" else "    compute: "
    assert problem.mark.line == line_of(text, where), problem
    for fragment in fragments:
        assert fragment in problem.message, problem.message
    assert {p.code for p in found if p is not problem} <= also, found


def test_an_unknown_function_is_reported_at_the_name_itself() -> None:
    # The column points at the misspelled name, after `compute: `.
    text = RATE_FLOW.replace("compute: abandonment_rate", "compute: abandonment_rte")
    [problem] = [p for p in problems(text) if p.code == "unknown-function"]
    assert (problem.mark.line, problem.mark.col) == (
        line_of(text, "compute: abandonment_rte"),
        len("    compute: ") + 1,
    )


def test_an_unknown_function_is_the_only_error() -> None:
    # The node still says `fact: rate`; only the function's name is wrong. As with a
    # node the loader could not build, the facts it would set are unknown, so `check`
    # must not add "nothing sets `rate`" / "`rate_band`" errors at the route and the
    # outcomes' texts: the author has one mistake to fix, not five.
    text = RATE_FLOW.replace("compute: abandonment_rate", "compute: abandonment_rte")
    errors = [(p.code, p.mark.line) for p in problems(text) if p.severity == "error"]
    assert errors == [("unknown-function", line_of(text, "compute: abandonment_rte"))], errors


def test_check_runs_the_compute_mistakes_from_the_command_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    # `hangup-guide check` prints the same problem as one `file:line:col:` line, exit 1.
    text = RATE_FLOW.replace("compute: abandonment_rate", "compute: abandonment_rte")
    path = tmp_path / "typo.yaml"
    path.write_text(text, encoding="utf-8")
    done = guide(env, "check", str(path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    line = line_of(text, "compute: abandonment_rte")
    expected = (
        f"{path}:{line}:14: error: there is no calculation `abandonment_rte`;"
        " did you mean `abandonment_rate`?"
    )
    assert expected in done.stdout, done.stdout


def test_check_of_the_fixture_flow_from_the_command_line_is_clean(
    env: dict[str, str], rate_file: Path
) -> None:
    done = guide(env, "check", str(rate_file))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
