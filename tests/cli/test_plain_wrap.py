"""The plain face's lines fit the terminal: wrapped between words to `COLUMNS` (or the
terminal's width), numbered and bulleted items hanging under their text, and output
to a pipe left unwrapped unless `COLUMNS` asks for it.

The walks run as a person runs them (a subprocess fed typed lines; one in a real
pseudo-terminal); the wrapping rules themselves are checked on `guide.faces.plain.text`.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from guide.commands.opening import LOOKALIKE_ERRORS
from guide.faces.plain.text import MAX_WIDTH, MIN_WIDTH, as_shown, line_width, wrap, wrap_prompt
from guide.flow.engine import Walk
from guide.flow.model import Input, Say, Wait
from guide.flow.steps import Advice, Question
from guide.i18n.strings import ENGLISH
from guide.library.flows import bundled_flows, open_flow, scan
from tests.helpers import Terminal, guide, guide_env, lines

LIBRARY = scan(bundled_flows())
FLOW_PATHS = {path.stem: path for path in bundled_flows()}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A person's environment, without COLUMNS, saving to a temp folder."""
    return guide_env(tmp_path, color=True)


def walk_script(name: str, example: int) -> tuple[list[str], list[str]]:
    """What a person types to walk a bundled flow's example interactively (skipping
    its countdowns, asking "why" once), and every flow text the walk shows them."""
    flow = open_flow(FLOW_PATHS[name], LIBRARY)
    answers = list(flow.examples[example].answers)
    walk = Walk(flow, LIBRARY.resolver())
    typed: list[str] = []
    shown: list[str] = []
    while not walk.finished:
        step = walk.current
        if isinstance(step, (Say, Wait)):
            shown.append(step.text or ENGLISH.wait_default)
            typed.append("" if isinstance(step, Say) else "s")
            walk.proceed()
            continue
        assert isinstance(step, (Question, Input))
        shown.append(step.text)
        if isinstance(step, Question):
            shown += [choice.option.label for choice in step.choices]
            if walk.why().help and "?" not in typed:
                typed.append("?")
                shown.append(walk.why().help)
        typed.append(answers.pop(0))
        walk.reply(typed[-1])
    advice = walk.current
    assert isinstance(advice, Advice)
    node = advice.node
    shown += [node.title, node.why, *node.steps, advice.script or "", advice.text or ""]
    return typed, [text for text in shown if text]


def pieces(line: str) -> list[str]:
    """A line of piped output cut after each prompt ("> "): what was typed there is not
    echoed, so the prompt and the next line shown run together on one line."""
    return re.split(r"(?<=> )", line)


def too_long(out: str, width: int) -> list[str]:
    """Lines wider than `width`, but for one word too long to fit any line."""
    return [
        piece
        for line in out.splitlines()
        for piece in pieces(line)
        if len(piece) > width and " " in piece.strip()
    ]


def unbroken(out: str) -> str:
    return " ".join(out.split())


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("name", sorted(FLOW_PATHS))
def test_every_line_fits_and_no_word_is_broken(env: dict[str, str], name: str, width: int) -> None:
    typed, texts = walk_script(name, 1)
    done = guide({**env, "COLUMNS": str(width)}, "--plain", "--flow", name, stdin=lines(*typed))
    assert done.returncode == 0, done.stderr
    assert ENGLISH.card_next_step in done.stdout  # the walk reached its outcome
    assert too_long(done.stdout, width) == []
    joined = unbroken(done.stdout)
    # Each text, its words joined by single spaces, is in the output the same way:
    # a word cut in two ("next st|ep") would show as two words here.
    assert [text for text in texts if unbroken(text) not in joined] == []


def test_numbered_answers_and_steps_hang_under_their_text(env: dict[str, str]) -> None:
    done = guide({**env, "COLUMNS": "40"}, "--plain", "--answers", "2,1,1,1,1")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "  → They ended it on purpose, in anger\n    or mid-argument\n" in out
    steps = out.split(f"{ENGLISH.card_steps}:\n")[1].split("\n\n")[0].splitlines()
    assert steps[0].startswith("  1. ")
    continued = [line for line in steps if not re.match(r"  \d\. ", line)]
    assert continued and all(re.match(r" {5}\S", line) for line in continued), steps
    rule = out.splitlines()[-1]
    assert set(rule) == {"─"} and len(rule) == 40  # the rule is cut, not wrapped


def test_the_choices_hang_under_their_text(env: dict[str, str]) -> None:
    done = guide({**env, "COLUMNS": "40"}, "--plain", stdin=lines(""))
    assert done.returncode == 0, done.stderr
    assert (
        "  1) It looked like an accident: the\n"
        "     line dropped or cut out\n"
        "  2) They ended it on purpose, in anger\n"
        "     or mid-argument\n"
    ) in done.stdout


WAIT_TEXT = "If the line simply dropped, they may be ringing you right now."


def test_a_pipe_without_columns_is_not_wrapped(env: dict[str, str]) -> None:
    done = guide(env, "--plain", stdin=lines("", "1", "1", "s"))
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if WAIT_TEXT in line)
    assert len(line) > MAX_WIDTH  # one sentence, one line, for grep and scripts
    assert ENGLISH.plain_commands + "\n" in done.stdout


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        ("1000", MAX_WIDTH),  # a very wide terminal still gets lines one can follow
        ("5", MIN_WIDTH),  # too narrow to hang an item: as narrow as makes sense
    ],
)
def test_the_width_is_kept_within_bounds(env: dict[str, str], columns: str, width: int) -> None:
    done = guide({**env, "COLUMNS": columns}, "--plain", stdin=lines("", "1", "1", "s"))
    assert done.returncode == 0, done.stderr
    assert too_long(done.stdout, width) == []
    assert max(len(piece) for line in done.stdout.splitlines() for piece in pieces(line)) > (
        width - 10
    )


def test_json_is_never_wrapped(env: dict[str, str]) -> None:
    answers = "2,3,1,2,the rent by Friday,Chris"
    done = guide({**env, "COLUMNS": "20"}, "--plain", "--answers", answers, "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["advice"]["text"].startswith("Hi Chris. Let's leave the rest of that call")


# --- the rules, on their own --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # no width: as it is
        ("a b c " * 30, None, "a b c " * 30),
        # a numbered step hangs under its text
        ("  12. one two three four", 14, "  12. one two\n      three\n      four"),
        # a bullet and an arrow too
        ("  - one two three", 12, "  - one two\n    three"),
        ("  → one two three", 12, "  → one two\n    three"),
        # an indented line keeps its indent
        ("  one two three four", 12, "  one two\n  three four"),
        # blank lines and line breaks of a multi-line text stay
        ("one two three\n\nfour", 8, "one two\nthree\n\nfour"),
        # a hyphenated word is not split at its hyphen
        ("a mid-argument b", 8, "a\nmid-argument\nb"),
        # a URL longer than the line stays whole, on a line of its own
        (
            "see https://example.org/a/long/path now",
            12,
            "see\nhttps://example.org/a/long/path\nnow",
        ),
        # a rule is cut to the width
        ("═" * 60, 20, "═" * 20),
    ],
)
def test_wrap(text: str, width: int | None, expected: str) -> None:
    assert wrap(text, width) == expected


def test_a_wrapped_prompt_keeps_its_space_and_room_to_type() -> None:
    prompt = ENGLISH.plain_wait_prompt
    shown = wrap_prompt(prompt, 30)
    assert shown.endswith("> ") and unbroken(shown) == unbroken(prompt)
    assert all(len(line) <= 30 for line in shown.splitlines())
    assert wrap_prompt("> ", 30) == "> "


def test_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert line_width(io.StringIO()) is None  # not a terminal, not asked for
    for columns, width in (("50", 50), ("7", MIN_WIDTH), ("300", MAX_WIDTH)):
        monkeypatch.setenv("COLUMNS", columns)
        assert line_width(io.StringIO()) == width


def test_lines_are_measured_as_an_ascii_console_shows_them() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors=LOOKALIKE_ERRORS)
    assert as_shown("a → b — c", stream) == "a -> b -- c"
    assert as_shown("a → b", io.StringIO()) == "a → b"


def test_a_terminal_is_wrapped_to_its_own_width(env: dict[str, str]) -> None:
    """No COLUMNS: the width comes from the terminal itself (a 50-column pty here)."""
    terminal = Terminal(env, "--plain", "--no-save", columns=50)
    terminal.type(b"\nq\n")
    terminal.finish(timeout=30)
    seen = terminal.seen
    shown = seen.decode("utf-8").replace("\r\n", "\n")
    assert "Do you know why the call ended?" in shown, shown
    assert too_long(shown, 50) == []
    assert "  2) They ended it on purpose, in anger or\n     mid-argument\n" in shown
