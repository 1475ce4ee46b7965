"""Crisis words through the command line: `--answers` and the interactive `--plain`.

Each test runs `python -m guide` in a subprocess and reads what a person sees:
the emergency outcome with the crisis lines, and never "did you mean" first.
"""

from __future__ import annotations

import pytest

from guide.i18n.strings import S
from tests.helpers import guide, lines

EMERGENCY = "Treat this as an emergency"


def _reached_the_emergency(out: str) -> None:
    assert EMERGENCY in out
    assert "988" in out and "116 123" in out  # the crisis lines
    assert "check on them in person" in out
    assert "did you mean" not in out.lower()


@pytest.mark.parametrize(
    ("flow", "answers"),
    [
        ("hang-up", "he was crying and said he cant go on"),  # the first question
        ("hang-up", "2,1,1,she took pills"),  # deep in the walk
        ("hang-up", "3,1,2,he said hes going to kill himself"),  # at a name prompt
        ("sales", "1,he collapsed"),
        ("contact-centre", "1,1,there is smoke everywhere"),
    ],
)
def test_answers_in_words_reach_the_emergency(env: dict[str, str], flow: str, answers: str) -> None:
    done = guide(env, "--flow", flow, "--plain", "--answers", answers)
    assert done.returncode == 0, done.stderr
    _reached_the_emergency(done.stdout)
    assert "does not fit" not in done.stderr


def test_an_idiom_in_answers_is_an_ordinary_answer(env: dict[str, str]) -> None:
    done = guide(env, "--plain", "--answers", "my battery died", "--json")
    assert '"outcome": null' in done.stdout  # the walk goes on, not to the emergency
    assert "emergency" not in done.stdout.split('"path"')[1].split('"facts"')[0]


@pytest.mark.parametrize(
    "typed",
    [
        ["", "he was crying and said he cant go on"],  # at the first question
        ["she took pills"],  # at the opening "Enter to go on" step
        ["", "3", "1", "2", "my mum fell and she cant get up"],  # at a name prompt
        ["", "1", "he said goodbye forever"],  # at the countdown prompt
    ],
)
def test_plain_typing_reaches_the_emergency(env: dict[str, str], typed: list[str]) -> None:
    done = guide(env, "--plain", stdin=lines(*typed))
    assert done.returncode == 0, done.stderr
    _reached_the_emergency(done.stdout)
    assert S.reply_urgent in done.stdout
    assert S.plain_not_sure not in done.stdout
