"""Text given on the command line is cleaned as typed answers are: a `note` and the
values of `--fact` lose their escape codes and control characters before they reach
the store, `history`, `export` or an outcome's words.

Before: escape codes in them reached `history`, `export` and the outcome's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .common import clean_env, no_traceback, run, safe_bytes

# A window-title write, a screen clear, a bell, a C1 control (CSI: its "31m" stays, as
# plain text) and a bidi override.
HOSTILE = "Al\x1b]0;pwned\x07ice\x1b[2J\x9b31m \u202eok"


@pytest.fixture
def saved(tmp_path: Path) -> dict[str, str]:
    """A store with one walk (id 1), left after its first answer."""
    env = clean_env(tmp_path)
    done = run(env, "--plain", "--flow", "hang-up", stdin=b"2\nq\n")
    no_traceback(done)
    listed = run(env, "history", "--json")
    assert listed.returncode == 0 and '"id": 1' in listed.stdout, listed.stdout + listed.stderr
    return env


def test_a_note_from_the_command_line_is_cleaned(saved: dict[str, str]) -> None:
    noted = run(saved, "note", "1", f"Rang {HOSTILE} back")
    no_traceback(noted)
    assert noted.returncode == 0, noted.stderr
    for args in (("history", "1", "--plain"), ("export", "1"), ("export", "1", "--format", "json")):
        shown = run(saved, *args)
        no_traceback(shown)
        assert shown.returncode == 0, shown.stderr
        safe_bytes(shown.out)
        assert "Rang Alice31m ok back" in shown.stdout, args


def test_fact_values_are_cleaned_before_the_outcome_uses_them(tmp_path: Path) -> None:
    done = run(
        clean_env(tmp_path),
        "--start",
        "call-back-business-me",
        "--fact",
        f"name={HOSTILE}",
        "--answers",
        "Bob,",
    )
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    safe_bytes(done.out + done.err)
    assert "Hello Alice31m ok, this is Bob, calling back" in done.stdout


def test_a_malformed_fact_is_told_without_its_escape_codes(tmp_path: Path) -> None:
    done = run(clean_env(tmp_path), "--start", "call-back-business-me", "--fact", "\x1b[2Jnothing")
    no_traceback(done)
    assert done.returncode == 2
    safe_bytes(done.err)
    assert "--fact wants NAME=VALUE" in done.stderr


def test_an_unknown_start_is_told_without_its_escape_codes(tmp_path: Path) -> None:
    done = run(clean_env(tmp_path), "--start", "x\x1b]0;pwned\x07", "--answers", "1")
    no_traceback(done)
    assert done.returncode == 2
    safe_bytes(done.err)
