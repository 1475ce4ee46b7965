"""One list of reserved keys: what `check` refuses as an answer's key is exactly what
the faces take for themselves, so a key that passes `check` always picks its answer."""

from __future__ import annotations

import io
import json
import string
from pathlib import Path

import pytest

from guide.faces.plain.guide import PlainIO, run_command, run_interactive
from guide.flow.engine import Walk
from guide.flow.loader import load_flow
from guide.flow.model import Flow
from guide.flow.problems import Problem
from guide.flow.reserved import APP, PLAIN
from guide.flow.steps import Question
from guide.flow.validate import validate

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"
# tiny.yaml with `key: b` on the first answer, at line 18, column 14.
TEMPLATE = (BROKEN / "bad-key-reserved.yaml").read_text(encoding="utf-8")
EVERY_WORD = sorted({*PLAIN, *APP})


def with_key(key: str, *, escape_key: str = "!") -> str:
    text = TEMPLATE.replace("        key: b\n", f"        key: {json.dumps(key)}\n")
    return text.replace('    key: "!"\n', f"    key: {json.dumps(escape_key)}\n")


def problems_of(text: str) -> tuple[Flow, list[Problem]]:
    loaded = load_flow(text.encode(), "keys.yaml")
    assert loaded.flow is not None, loaded.problems
    return loaded.flow, [*loaded.problems, *validate(loaded.flow, loaded.broken)]


@pytest.mark.parametrize("key", [*EVERY_WORD, "H", "Help", "EXIT"])
def test_check_refuses_every_reserved_key_where_it_is_written(key: str) -> None:
    _, problems = problems_of(with_key(key))
    [problem] = problems
    assert problem.code == "reserved-key"
    assert (problem.mark.line, problem.mark.col) == (18, 14)
    uses = [
        f"{command} in {face}"
        for face, table in (("--plain", PLAIN), ("the app", APP))
        if (command := table.get(key.lower()))
    ]
    assert uses and all(use in problem.message for use in uses), problem.message
    assert f"option key `{key}`" in problem.message


def test_h_is_refused_because_plain_shows_the_commands_with_it() -> None:
    [problem] = problems_of(with_key("h"))[1]
    assert "help in --plain" in problem.message


@pytest.mark.parametrize("key", ["y", "n", "s", "skip", "e", "no"])
def test_other_keys_pass_check_and_stay_on_the_answer(key: str) -> None:
    flow, problems = problems_of(with_key(key))
    assert problems == []
    step = Walk(flow).current
    assert isinstance(step, Question)
    assert step.choices[0].option.key == key


def test_an_escape_answer_may_have_the_emergency_key_but_no_other_reserved_one() -> None:
    assert problems_of(with_key("y", escape_key="emergency"))[1] == []
    [problem] = problems_of(with_key("y", escape_key="b"))[1]
    assert problem.code == "reserved-key"
    assert "back in --plain" in problem.message


def plain_takes(line: str) -> bool:
    """Whether the plain face acts on `line` at the first question instead of
    taking it as an answer (quitting counts)."""
    flow, _ = problems_of(with_key("y"))
    lines = iter([line])

    def read() -> str:
        return next(lines)  # StopIteration past the one line: it was not taken

    face = PlainIO(read=read, out=io.StringIO(), poll=None)
    walk = Walk(flow)
    if run_command(walk, line, face):
        return True
    try:
        run_interactive(walk, face)
    except (StopIteration, RuntimeError):
        return False
    return not walk.moves and not walk.finished


# Digits are left out: one is an answer's number, refused by `check` as `bad-key`.
@pytest.mark.parametrize(
    "character",
    [c for c in string.printable if c.isprintable() and not c.isspace() and not c.isdigit()],
)
def test_plain_takes_a_character_exactly_when_check_refuses_it(character: str) -> None:
    refused = [p.code for p in problems_of(with_key(character))[1]] == ["reserved-key"]
    taken_in_plain = plain_takes(character) or plain_takes(character.upper())
    assert refused == (character.lower() in PLAIN or character in APP)
    assert taken_in_plain == (character.lower() in PLAIN)


@pytest.mark.parametrize("word", sorted(PLAIN))
def test_every_reserved_word_is_a_command_in_plain(word: str) -> None:
    assert plain_takes(word)
    assert plain_takes(word.upper())


@pytest.mark.parametrize("word", ["yes", "nope", "hello", "backup", "quitting"])
def test_words_near_a_command_are_answers_in_plain(word: str) -> None:
    assert not plain_takes(word)
