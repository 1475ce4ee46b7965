"""The plain face and the command line, run as a person or a script runs them.

Every test starts `python -m guide` in a subprocess, with a timeout, and checks
what is printed and the exit code. Interactive tests feed lines on stdin.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from guide import __version__
from guide.flow.loader import read_flow
from guide.flow.model import Facts, Flow, Outcome
from guide.flow.template import fill
from guide.library.flows import bundled_flows
from tests.helpers import guide, lines, python

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "engine"


def _load(path: Path) -> Flow:
    loaded = read_flow(path)
    assert loaded.flow is not None, loaded.problems
    return loaded.flow


FLOWS = {path.stem: _load(path) for path in bundled_flows()}
EXAMPLES = [
    pytest.param(name, example.name, id=f"{name}: {example.name}")
    for name, flow in FLOWS.items()
    for example in flow.examples
]
MAIN = FLOWS["hang-up"]


def title_of(flow: Flow, node_id: str, facts: Facts) -> str:
    """The title of outcome `node_id` (in this flow, or in a flow it links to) as shown
    with `facts`: a title may show a figure the walk worked out (the abandonment rate)."""
    for where in (flow, *FLOWS.values()):
        node = where.nodes.get(node_id)
        if isinstance(node, Outcome):
            return fill(node.title, facts)
    raise AssertionError(f"no outcome `{node_id}` in any bundled flow")


# --- --answers: scripted walks ----------------------------------------------------------


@pytest.mark.parametrize(("name", "example_name"), EXAMPLES)
def test_every_example_walks_to_its_outcome(
    name: str, example_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every example through the real command line, in this process (a subprocess each
    cost about 0.3 s, and the smoke test below keeps one per flow as a subprocess)."""
    from guide.cli import main

    flow = FLOWS[name]
    example = next(e for e in flow.examples if e.name == example_name)
    assert not any("," in a for a in example.answers)  # --answers is comma-separated
    code = main(["--flow", name, "--plain", "--no-save", "--answers", ",".join(example.answers)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"NEXT STEP: {title_of(flow, example.outcome, example.facts)}\n" in out


@pytest.mark.parametrize("name", sorted(FLOWS))
def test_one_example_a_flow_walks_as_a_real_process(env: dict[str, str], name: str) -> None:
    flow = FLOWS[name]
    example = flow.examples[0]
    done = guide(env, "--flow", name, "--plain", "--answers", ",".join(example.answers))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {title_of(flow, example.outcome, example.facts)}\n" in done.stdout


def test_answers_print_the_trail_then_the_outcome(env: dict[str, str]) -> None:
    done = guide(env, "--plain", "--answers", "1,1,1,Sam")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Do you know why the call ended?\n  → It looked like an accident" in out
    assert "What do you call them? (Their first name, or Mum, Grandad...)\n  → Sam" in out
    assert out.index("Did they call you back?") < out.index("NEXT STEP: Pick up where you left off")
    # the script, with the names filled in
    assert "Hi Sam, thanks for ringing back." in out
    assert (
        "Source: “When Someone Hangs Up on You”, section “Wait a second: did they mean it?”" in out
    )


def test_json_output(env: dict[str, str]) -> None:
    done = guide(env, "--plain", "--answers", "2,3,1,2,the rent by Friday,Chris", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["finished"] is True
    assert record["outcome"] == "urgent-message"
    assert record["flow"] == "hang-up"
    assert [step["node"] for step in record["path"]] == [
        "breathe",
        "why-ended",
        "who-was-it",
        "tried-yet",
        "can-it-wait",
        "need",
        "urgent-message-name",
        "urgent-message",
    ]
    assert record["path"][1]["answer"] == "They ended it on purpose, in anger or mid-argument"
    assert record["path"][0]["answer"] is None  # a say step has no answer
    assert record["facts"] == {
        "intent": "deliberate",
        "mood": "heated",
        "relationship": "friend",
        "circle": "personal",
        "tried": "nothing",
        "urgency": "urgent",
        "need": "the rent by Friday",
        "name": "Chris",
    }
    assert record["advice"]["text"].startswith(
        "Hi Chris. Let's leave the rest of that call for later, but one thing can't wait:"
        " the rent by Friday."
    )
    assert "error" not in record


@pytest.mark.parametrize(
    ("answers", "step"),
    [
        ("9", "why-ended"),  # a number with no option at the first question
        ("2,purple elephants", "who-was-it"),  # text that names nothing, at the second
        ("2,1,1,1,1,1", None),  # an answer after the walk already ended
    ],
)
def test_a_bad_answer_exits_1_naming_the_step(
    env: dict[str, str], answers: str, step: str | None
) -> None:
    done = guide(env, "--plain", "--answers", answers)
    assert done.returncode == 1
    assert done.stderr.startswith("hangup-guide: ")
    if step is not None:
        assert f"`hang-up:{step}`" in done.stderr
    else:
        assert "after the walk already ended" in done.stderr


@pytest.mark.parametrize(
    ("answers", "step"),
    [
        ("1,1", "did-they-call"),  # the countdown is passed, then nothing left
        ("", "why-ended"),  # no answers at all
        ("2,1,1", "can-it-wait"),  # stops in the middle
    ],
)
def test_answers_running_out_exit_1(env: dict[str, str], answers: str, step: str) -> None:
    done = guide(env, "--plain", "--answers", answers)
    assert done.returncode == 1
    assert "ran out" in done.stderr
    assert f"`{step}`" in done.stderr
    assert "NEXT STEP" not in done.stdout


def test_answers_running_out_with_json(env: dict[str, str]) -> None:
    done = guide(env, "--plain", "--answers", "2,1", "--json")
    assert done.returncode == 1
    record = json.loads(done.stdout)
    assert record["finished"] is False
    assert record["outcome"] is None
    assert "ran out" in record["error"]


def test_a_missing_flow_name_exits_2_listing_the_bundled_flows(env: dict[str, str]) -> None:
    done = guide(env, "--flow", "no-such-flow", "--plain", "--answers", "1")
    assert done.returncode == 2
    assert "no-such-flow" in done.stderr
    for name in FLOWS:
        assert name in done.stderr


def test_a_missing_flow_file_exits_2(env: dict[str, str]) -> None:
    done = guide(env, "--flow", "nowhere/none.yaml", "--plain", "--answers", "1")
    assert done.returncode == 2
    assert "nowhere/none.yaml" in done.stderr


def test_a_flow_file_by_path(env: dict[str, str]) -> None:
    fixture = str(FIXTURES / "walk.yaml")
    done = guide(env, "--flow", fixture, "--plain", "--answers", "1,1,2,Sam")
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Call them back\n" in done.stdout
    assert "Hi Sam, we got cut off." in done.stdout


def test_a_broken_flow_file_exits_1_with_located_problems(env: dict[str, str]) -> None:
    broken = FIXTURES / "broken.yaml"
    done = guide(env, "--flow", str(broken), "--plain", "--answers", "1")
    assert done.returncode == 1
    assert f"{broken}:12:5: error: unknown key `optoins` in node `first`" in done.stderr
    assert f"{broken}:15:11: error: there is no node `missing-node`" in done.stderr
    assert done.stdout == ""


# --- interactive ------------------------------------------------------------------------

WHY_ENDED = "Do you know why the call ended?"
WHO = "Who was on the other end?"


def test_interactive_shows_numbered_options(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines(""))
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("Someone hung up on me\n")
    assert "b back · r restart · ? why · ! emergency · q quit" in out
    assert "(Enter to go on)" in out  # the say step first
    assert (
        f"{WHY_ENDED}\n"
        "  1) It looked like an accident: the line dropped or cut out\n"
        "  2) They ended it on purpose, in anger or mid-argument\n"
        "  3) They ended it on purpose, but not angrily (busy, rushed, another call)\n"
        "  4) I'm not sure why\n"
        "  !) This could be an emergency\n"
    ) in out


def test_why_shows_the_help_and_the_answers_so_far(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "?", "2", "?"))
    assert done.returncode == 0
    out = done.stdout
    # at the first question: its help, and nothing answered yet
    assert "Why this is asked: The reason shapes what helps now." in out
    assert "This is the first question." in out
    # at the second: its help and the first answer
    assert "Why this is asked: Family, friends, neighbours, landlords, work contacts" in out
    assert (
        "What you told me so far:\n"
        f"  - {WHY_ENDED} → They ended it on purpose, in anger or mid-argument\n"
    ) in out


def test_back_shows_the_previous_question_again(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "2", "b", "1", "1"))
    assert done.returncode == 0
    out = done.stdout
    first = out.index(WHY_ENDED)
    who = out.index(WHO)
    again = out.index(WHY_ENDED, who)
    assert first < who < again
    # answered differently the second time: the countdown, not "who"
    assert out.index("Suggested wait: 5 min.", again) > again


def test_back_at_the_start_says_so(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("b"))
    assert done.returncode == 0
    assert "This is the first question." in done.stdout


def test_restart_asks_first_and_no_keeps_the_answers(env: dict[str, str]) -> None:
    # Enter (the default), "n" and the end of input all keep the answers.
    done = guide(env, "--plain", stdin=lines("", "2", "1", "r", "", "r", "n", "?"))
    assert done.returncode == 0
    out = done.stdout
    assert out.count("Start again? Your answers so far are set aside. [y/N]") == 2
    assert out.count("Your answers are kept.") == 2
    assert "Starting again." not in out
    assert "What you told me so far:" in out
    assert "This is the first question." not in out


def test_restart_starts_again(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "2", "1", "r", "y", "?"))
    assert done.returncode == 0
    out = done.stdout
    restarted = out.index("Starting again.")
    assert out.index("Take one slow breath.", restarted) > restarted
    assert "This is the first question." in out[restarted:]  # the answers are gone


@pytest.mark.parametrize(
    "typed",
    [
        ["!"],  # the escape key at the first question
        ["", "!"],  # the escape key at a question
        ["", "2", "1", "1", "!"],  # deep in the walk (can it wait)
        ["", "2", "1", "1", "emergency"],  # the word instead of the key
        ["", "1", "1", "!"],  # from the countdown prompt
        ["", "3", "3", "1", "1", "!"],  # from a name input
        ["", "2", "1", "1", "someone may be injured"],  # an alias in a sentence
    ],
)
def test_the_emergency_exit_from_anywhere(env: dict[str, str], typed: list[str]) -> None:
    done = guide(env, "--plain", stdin=lines(*typed))
    assert done.returncode == 0
    out = done.stdout
    assert "NEXT STEP: Treat this as an emergency\n" in out
    steps = out.index("Steps:\n", out.index("NEXT STEP: Treat this as an emergency"))
    first_step = out[steps:].splitlines()[1]
    assert first_step.startswith("  1. ")
    assert "call your local emergency number now" in first_step


def test_free_text_picks_the_matching_option(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "2", "I think it was my boss", "?"))
    assert done.returncode == 0
    assert f"  - {WHO} → Someone from work: a client, supplier, boss, colleague or recruiter" in (
        done.stdout
    )


def test_ambiguous_text_asks_did_you_mean(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "2", "my friend from work"))
    assert done.returncode == 0
    out = done.stdout
    asked = out.index("Did you mean")
    assert "  3) A friend\n" in out[asked:]
    assert "  6) Someone from work: a client, supplier, boss, colleague or recruiter" in out[asked:]
    assert out.count(WHO) == 2  # asked again, nothing picked


def test_text_that_matches_nothing_is_said_so(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "xyzzy"))
    assert done.returncode == 0
    assert "That does not match any answer here." in done.stdout


@pytest.mark.parametrize(
    "typed",
    [
        ["q"],  # quit at the first step
        ["", "2", "quit"],  # the word, at a question
        ["", "1", "s", "Q"],  # in capitals, after skipping the countdown
    ],
)
def test_q_quits_with_exit_0(env: dict[str, str], typed: list[str]) -> None:
    done = guide(env, "--plain", stdin=lines(*typed, "1", "1", "1"))
    assert done.returncode == 0
    assert "NEXT STEP" not in done.stdout  # the lines after q are never read


@pytest.mark.parametrize(
    "typed",
    [
        [],  # nothing at all
        ["", "2"],  # in the middle of the walk
        ["", "2", "1", "1", "2"],  # at a text input (what can't wait)
    ],
)
def test_end_of_input_exits_0(env: dict[str, str], typed: list[str]) -> None:
    done = guide(env, "--plain", stdin=lines(*typed))
    assert done.returncode == 0
    assert "Traceback" not in done.stderr


def test_the_wait_step_is_skipped_with_s(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "1", "1", "s"))
    assert done.returncode == 0
    out = done.stdout
    wait = out.index("Suggested wait: 5 min.")
    assert "[Enter] start the timer · s skip" in out[wait:]
    assert out.index("Did they call you back?", wait) > wait
    assert " left\n" not in out  # no countdown was run


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (["", "1", "1", "q"], None),  # q quits, as at any other step
        (["", "1", "1", "b"], "What has happened since"),  # b goes back to the question before
        (["", "1", "1", "r", "y"], "Starting again."),  # r restarts, once confirmed
        (["", "1", "1", "?"], "What you told me so far:"),  # ? explains
    ],
)
def test_the_walk_commands_work_at_the_countdown_prompt(
    env: dict[str, str], typed: list[str], shown: str | None
) -> None:
    # "Back, restart, and why at every step": the countdown prompt is a step too.
    # A command typed there must not start the five-minute timer.
    try:
        done = guide(env, "--plain", stdin=lines(*typed), timeout=8)
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(f"{typed[-1]!r} at the countdown prompt started the timer instead")
    assert done.returncode == 0
    after = done.stdout[done.stdout.index("Suggested wait: 5 min.") :]
    assert " left\n" not in after  # the timer never ran
    if shown is not None:
        assert shown in after


def test_a_whole_interactive_walk_with_names(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "1", "1", "s", "2", "3", "1", "2", "Jo"))
    assert done.returncode == 0
    out = done.stdout
    assert "What do you call them? (Their first name, or Mum, Grandad...) (Enter to skip)" in out
    assert "your name" not in out  # a friend's message needs no introduction
    assert "NEXT STEP: Send a short message instead" in out
    assert "Hi Jo, sorry our call ended so suddenly." in out


# --- help, version, and staying light ----------------------------------------------------


def test_help(env: dict[str, str]) -> None:
    done = guide(env, "--help")
    assert done.returncode == 0
    assert "usage: hangup-guide" in done.stdout
    for flag in ("--plain", "--answers", "--flow", "--json", "check"):
        assert flag in done.stdout


def test_version(env: dict[str, str]) -> None:
    done = guide(env, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"hangup-guide {__version__}"


UI_MODULE = re.compile(r"\|\s+(textual|rich)(\.\S*)?\s*$", re.MULTILINE)


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["--help"], ""),  # the help
        (["check"], ""),  # checking the bundled flows
        (["--plain", "--answers", "1,1,1,Sam"], ""),  # a scripted walk
        (["--plain"], "\n2\n?\nq\n"),  # an interactive plain walk
    ],
)
def test_the_light_paths_never_import_textual(
    env: dict[str, str], args: list[str], stdin: str
) -> None:
    done = guide(env, *args, stdin=stdin, options=("-X", "importtime"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "import time:" in done.stderr  # the measurement did run
    assert UI_MODULE.findall(done.stderr) == []


SNIPPET = """
import sys
from guide.cli import main
code = main({args!r})
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print("LOADED:", loaded, "CODE:", code, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["check"],  # check every bundled flow
        ["--plain", "--answers", "!"],  # a scripted plain walk
    ],
)
def test_main_without_the_app_leaves_textual_and_rich_unloaded(
    env: dict[str, str], args: list[str]
) -> None:
    done = python(env, "-c", SNIPPET.format(args=args))
    assert "LOADED: [] CODE: 0" in done.stderr, done.stderr[-2000:]


@pytest.mark.parametrize("typed", [[], ["q"], ["r"], ["b"]], ids=["eof", "q", "r", "b"])
def test_leaving_before_any_answer_saves_nothing(env: dict[str, str], typed: list[str]) -> None:
    # Opening the guide and leaving used to leave an empty "unfinished" walk that the
    # next start offered to resume and `stats` counted as a drop-off.
    assert guide(env, "--plain", stdin=lines(*typed)).returncode == 0
    listed = guide(env, "history")
    assert listed.stdout.strip() == "No saved walks yet."
    again = guide(env, "--plain", stdin=lines("q"))
    assert "unfinished" not in again.stdout
