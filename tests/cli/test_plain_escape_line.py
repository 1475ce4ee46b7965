"""The plain face shows a quiet escape (`escape_shown: line`) as one line under the
answers, and `!` still takes it, typed or in --answers (issue 17)."""

from __future__ import annotations

from tests.helpers import guide, lines

QUIET = "  (! at any time: This could be an emergency)\n"
LISTED = "  !) This could be an emergency\n"
FEELING = "How are you taking the hang-up right now?\n"


def test_a_quiet_escape_is_a_line_under_the_answers(env: dict[str, str]) -> None:
    done = guide(env, "--flow", "sales", "--plain", "--no-save", stdin=lines("", "q"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    question = out[out.index(FEELING) :]
    assert question.startswith(
        FEELING
        + "  1) Fine: I'm ready to get on with it\n"
        + "  2) Stung, rattled or a bit angry\n"
        + "  3) Flat: I feel like stopping for a break\n"
        + QUIET
    )
    assert LISTED not in out


def test_typing_the_key_still_takes_the_escape(env: dict[str, str]) -> None:
    done = guide(env, "--flow", "contact-centre", "--plain", "--no-save", stdin=lines("!"))
    assert done.returncode == 0, done.stderr
    assert QUIET in done.stdout
    assert "NEXT STEP: Treat this as an emergency\n" in done.stdout


def test_the_key_in_answers_still_takes_the_escape(env: dict[str, str]) -> None:
    done = guide(env, "--flow", "sales", "--plain", "--answers", "1,!")
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Treat this as an emergency\n" in done.stdout


def test_the_main_flow_still_lists_the_escape_as_an_answer(env: dict[str, str]) -> None:
    done = guide(env, "--plain", "--no-save", stdin=lines("", "q"))
    assert done.returncode == 0, done.stderr
    assert LISTED in done.stdout
    assert QUIET not in done.stdout
