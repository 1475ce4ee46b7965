"""`hangup-guide --start NODE`: a trainer begins the walk part-way, from the command line.

Every test starts `python -m guide` in a subprocess, with saved walks going to a
temporary folder, and checks what is printed, the exit code, and what was kept.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import guide, lines, refused

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60

WHO = "Who was on the other end?"
CALL_NOW = "Can you call them back now?"
SOON = "Is there something that can't wait: a deadline, money, the children, a repair?"
ENGAGED = "Had they been talking with you before the line went dead?"
MOVE_ON = "Take them off your list and move on"


def start_at(
    env: dict[str, str], node: str, *facts: str, more: tuple[str, ...] = (), stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """`hangup-guide --plain --start NODE`, with `--fact F` for each of `facts`, then
    `more`, typing `stdin`."""
    given = [arg for fact in facts for arg in ("--fact", fact)]
    return guide(env, "--plain", "--start", node, *given, *more, stdin=stdin)


def saved_walks(env: dict[str, str]) -> list[dict[str, object]]:
    done = guide(env, "history", "--json")
    assert done.returncode == 0, done.stderr
    walks: list[dict[str, object]] = json.loads(done.stdout)
    return walks


# --- --plain --start: the facts asked one by one, then the walk ------------------------------


def test_the_missing_facts_are_asked_one_by_one_before_the_question(env: dict[str, str]) -> None:
    typed = lines("2", "3", "1", "1", "Sam")
    done = start_at(env, "who-was-it", "intent=deliberate", stdin=typed)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "what is known about “intent”" not in out  # given on the command line
    mood = out.index("Starting part-way: what is known about “mood”?\n")
    assert out[mood:].startswith(
        "Starting part-way: what is known about “mood”?\n  0) not known\n  1) heated\n  2) rushed\n"
    )
    # what was tried, and how close they are, are asked on the way: not here
    assert "what is known about “tried”" not in out
    who = out.index(WHO)
    assert mood < who
    assert "Take one slow breath" not in out  # not from the flow's start
    # a rushed mood (chosen) sends a friend, nothing tried yet, to "can you call?"
    assert out.index(CALL_NOW) > who
    assert "NEXT STEP: Call them back\n" in out
    assert "Hi Sam, our call ended before we'd finished." in out


@pytest.mark.parametrize(
    ("facts", "then", "answers", "outcome"),
    [
        # mood heated: the route after "what have you tried?" goes to "can it wait?";
        # urgent → the one calm message
        (["1"], SOON, ["1", "2"], "Send one calm message about what can't wait"),
        # mood rushed: straight to "can you call?"
        (["2"], CALL_NOW, ["1", "1"], "Call them back"),
    ],
)
def test_the_chosen_facts_decide_the_way(
    env: dict[str, str], facts: list[str], then: str, answers: list[str], outcome: str
) -> None:
    typed = lines(*facts, "1", *answers, "", "")
    done = start_at(env, "who-was-it", "intent=deliberate", stdin=typed)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.index(then) > out.index(WHO)
    assert f"NEXT STEP: {outcome}\n" in out


def test_facts_given_on_the_command_line_are_not_asked(env: dict[str, str]) -> None:
    done = start_at(env, "who-was-it", "intent=accidental", "mood=rushed", stdin=lines("1", "1"))
    assert done.returncode == 0, done.stderr
    assert "Starting part-way" not in done.stdout
    assert done.stdout.index(CALL_NOW) > done.stdout.index(WHO)


def test_a_start_that_needs_nothing_asks_nothing(env: dict[str, str]) -> None:
    done = start_at(env, "prospect-engaged", stdin=lines("1"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Starting part-way" not in out
    assert ENGAGED in out
    assert f"NEXT STEP: {MOVE_ON}\n" in out


def test_restart_goes_back_to_the_start_node(env: dict[str, str]) -> None:
    done = start_at(env, "prospect-engaged", stdin=lines("2", "r", "y", "b"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    again = out.index("Starting again.")
    assert out.index(ENGAGED, again) > again
    assert "This is the first question." in out[again:]  # nothing before the start
    assert "Do you know why the call ended?" not in out


# --- --answers with --start -----------------------------------------------------------------


def test_answers_walk_from_the_start_node(env: dict[str, str]) -> None:
    done = start_at(
        env,
        "who-was-it",
        "intent=deliberate",
        "mood=heated",
        more=("--answers", "1,1,2,the school run tomorrow,Jo"),
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Starting part-way" not in out  # a script asks nothing
    assert out.startswith(f"{WHO}\n  → Family: a parent, child, brother or sister,")
    assert f"{SOON}\n  → Yes, something needs sorting soon\n" in out
    assert "NEXT STEP: Send one calm message about what can't wait\n" in out
    assert "one thing can't wait: the school run tomorrow." in out
    assert saved_walks(env) == []


def test_answers_with_json_show_the_path_from_the_start(env: dict[str, str]) -> None:
    done = start_at(env, "can-you-call", "tried=messaged", more=("--answers", "2"))
    assert done.returncode == 0, done.stderr
    # the given fact decides: a message was sent already, so no second one
    assert "NEXT STEP: You've reached out: now give them time\n" in done.stdout
    as_json = start_at(
        env, "can-you-call", "circle=personal", more=("--answers", "2,Sam", "--json")
    )
    assert as_json.returncode == 0, as_json.stderr
    record = json.loads(as_json.stdout)
    assert [step["node"] for step in record["path"]] == [
        "can-you-call",
        "send-text-name",
        "send-text",
    ]
    assert record["outcome"] == "send-text"


# --- mistakes ---------------------------------------------------------------------------------


def test_an_unknown_start_node_exits_2_with_a_suggestion(env: dict[str, str]) -> None:
    done = start_at(env, "who-was-t")
    refused(done, 2)
    assert done.stdout == ""
    assert done.stderr.startswith("hangup-guide: ")
    assert "no node `who-was-t`" in done.stderr
    assert "did you mean `who-was-it`?" in done.stderr


@pytest.mark.parametrize("fact", ["x", "=deliberate"])
def test_a_malformed_fact_exits_2_saying_what_is_wanted(env: dict[str, str], fact: str) -> None:
    done = start_at(env, "who-was-it", fact)
    refused(done, 2)
    assert done.stdout == ""
    assert f"--fact wants NAME=VALUE, not `{fact}`" in done.stderr


def test_a_malformed_fact_does_not_blame_a_correct_start_node(env: dict[str, str]) -> None:
    """`who-was-it` is a real step: the message about `--fact` must not go on to ask
    whether the trainer meant `who-was-it`, as if the start node were mistyped."""
    done = start_at(env, "who-was-it", "x")
    assert done.returncode == 2
    assert "did you mean" not in done.stderr, done.stderr


# --- nothing is kept ------------------------------------------------------------------------


def test_a_walk_started_part_way_is_not_saved(env: dict[str, str]) -> None:
    done = start_at(env, "prospect-engaged", stdin=lines("1"))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {MOVE_ON}\n" in done.stdout
    assert saved_walks(env) == []
    listed = guide(env, "history")
    assert listed.returncode == 0
    assert "No saved walks yet." in listed.stdout
    # the same walk from the flow's start is kept, so the check above means something
    whole = guide(env, "--plain", stdin=lines("", "2", "7", "1"))
    assert f"NEXT STEP: {MOVE_ON}\n" in whole.stdout
    assert len(saved_walks(env)) == 1


def test_a_plain_presentation_is_not_saved(env: dict[str, str]) -> None:
    done = guide(env, "--plain", "--present", stdin=lines("", "2", "7", "1"))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {MOVE_ON}\n" in done.stdout
    assert saved_walks(env) == []
