"""Typed words in the line-by-line face (issue 17), as a person at a terminal sees them:
which answer words were taken as, and one closest answer asked about as a yes/no
question that "y" takes and "n" turns down."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import guide, lines

FLOW = str(Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "typed.yaml")
QUESTION = "What happened at the end?"
ONE = "Did you mean: The signal went? (y/n)"


def walk(env: dict[str, str], *typed: str) -> str:
    done = guide(env, "--flow", FLOW, "--plain", stdin=lines(*typed))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_words_say_which_answer_they_were_taken_as(env: dict[str, str]) -> None:
    out = walk(env, "I think her battery died")
    assert "> Taken as: The signal went\n" in out
    assert "NEXT STEP: Call them back" in out


@pytest.mark.parametrize("typed", ["1", "!"])
def test_a_number_or_key_is_not_told_back(env: dict[str, str], typed: str) -> None:
    assert "Taken as" not in walk(env, typed)


def test_one_closest_answer_is_asked_about_and_y_takes_it(env: dict[str, str]) -> None:
    out = walk(env, "it just went quiet", "y")
    assert f"> {ONE}\n> Taken as: The signal went\n" in out  # the y/n is answered at once
    assert out.count(QUESTION) == 1
    assert "NEXT STEP: Call them back" in out


def test_n_turns_the_answer_down_and_asks_again(env: dict[str, str]) -> None:
    out = walk(env, "it just went quiet", "n", "2")
    after = out[out.index("> Then type the number of the answer you meant") :]
    assert QUESTION in after  # asked again
    assert "NEXT STEP: Give it time" in after
    assert "Taken as" not in out


def test_yes_at_the_question_itself_is_no_answer_here(env: dict[str, str]) -> None:
    """No answer reads as yes or no, and nothing was asked about: "yes" matches nothing."""
    out = walk(env, "yes")
    assert "That does not match any answer here." in out
    assert "Taken as" not in out
