"""A translation file from someone else follows the flow rule: no control characters,
and placeholders that are bare `{name}`s only. A string that breaks either is a
located problem, stays in English, and never reaches the screen.

Before: an OSC 52 clipboard write and a screen clear passed `strings FILE` and reached
the terminal; `{time:d}` crashed the first wait step; `{n:>300000000}` wrote 300 MB a
line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.i18n.strings import ENGLISH, S, use
from guide.i18n.translation import apply_language, read_catalogue
from tests.helpers import config_dir

from .common import clean_env, no_traceback, run, safe_bytes

HOSTILE = {
    # an OSC 52 clipboard write, then a screen clear, as TOML escapes
    "key_back": ('"Retour \\u001b]52;c;aGk=\\u0007\\u001b[2J"', "control character U+001B"),
    # a C1 control (CSI in one character)
    "key_restart": ('"Recommencer \\u009b2J"', "control character U+009B"),
    # a bidi override that makes text read backwards
    "key_why": ('"Pourquoi \\u202e"', "control character U+202E"),
    # a format spec: crashed the wait step ("Unknown format code 'd'")
    "plain_suggested_wait": ('"Attendez {time:d}."', "{time:d} is not allowed"),
    # a width: 300 MB of spaces on one line
    "duration_minutes": ('"{n:>300000000} min"', "{n:>300000000} is not allowed"),
    # a conversion
    "duration_seconds": ('"{n!r} s"', "{n!r} is not allowed"),
    # attribute and index access reach into the values
    "duration_hours": ('"{n.real} h"', "{n.real} is not allowed"),
    "input_at_least": ('"au moins {minimum[0]}"', "{minimum[0]} is not allowed"),
    # positional placeholders: nothing fills them
    "input_at_most": ('"au plus {}"', "{} is not allowed"),
    "plain_time_left": ('"{0} restant"', "{0} is not allowed"),
}


@pytest.fixture(autouse=True)
def _english_again() -> object:
    yield
    use({})


def hostile_file(folder: Path) -> Path:
    path = folder / "xx.toml"
    body = "".join(f"{name} = {value}\n" for name, (value, _) in HOSTILE.items())
    path.write_text('key_help = "Aide"\n' + body, encoding="utf-8")
    return path


def test_each_hostile_string_is_a_problem_at_its_line_and_stays_english(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    catalogue = read_catalogue(path)
    assert catalogue.strings == {"key_help": "Aide"}
    assert len(catalogue.problems) == len(HOSTILE)
    for line, (name, (_, words)) in enumerate(HOSTILE.items(), 2):
        [problem] = [p for p in catalogue.problems if f"`{name}`" in p]
        assert problem.startswith(f"{path}:{line}:1: error: "), problem
        assert words in problem, problem
        safe_bytes(problem.encode())


def test_strings_reports_them_and_prints_nothing_a_terminal_acts_on(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    done = run(clean_env(tmp_path), "strings", str(path))
    no_traceback(done)
    assert done.returncode == 1
    safe_bytes(done.out + done.err)
    assert done.stdout.count(": error: ") == len(HOSTILE)
    assert f"{len(HOSTILE)} problem(s)" in done.stderr


def test_in_use_the_english_strings_stand_in(tmp_path: Path) -> None:
    problems = apply_language("xx", hostile_file(tmp_path).parent)
    assert len(problems) == len(HOSTILE)
    assert S.key_help == "Aide"
    for name in HOSTILE:
        assert getattr(S, name) == getattr(ENGLISH, name)


WAITS = """\
flow: waits
title: Waits
version: 1
start: pause
sources: {own: {title: Ours}}
escape:
  - {label: This could be an emergency, key: "!", next: done}
nodes:
  pause:
    wait: 5m
    say: Take a breath.
    next: done
  done:
    outcome: Done
    steps: [Nothing more.]
    why: Because.
    source: {article: own}
"""


def test_a_walk_through_a_wait_step_with_the_hostile_translation(tmp_path: Path) -> None:
    env = clean_env(tmp_path, XDG_CONFIG_HOME=str(tmp_path / "config"))
    config = config_dir(env)
    (config / "strings").mkdir(parents=True)
    (config / "settings.toml").write_text('language = "xx"\n', encoding="utf-8")
    hostile_file(config / "strings")
    flow = tmp_path / "waits.yaml"
    flow.write_text(WAITS, encoding="utf-8")
    done = run(env, "--plain", "--no-save", "--flow", str(flow), stdin=b"s\n\n")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    safe_bytes(done.out + done.err)
    assert "Suggested wait: 5 min." in done.stdout
    assert len(done.out) < 100_000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_translation_that_is_a_named_pipe_is_refused_unopened(tmp_path: Path) -> None:
    path = tmp_path / "xx.toml"
    os.mkfifo(path)
    done = run(clean_env(tmp_path), "strings", str(path), timeout=20)
    no_traceback(done)
    assert done.returncode == 2
    assert f"{path}:1:1: error: this is a named pipe (FIFO), not a file" in done.stdout
