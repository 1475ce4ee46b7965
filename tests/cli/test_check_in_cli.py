"""Check-ins from the command line (issue 19): asked first by `--plain`, answered by
`hangup-guide check-in`, shown by history, export and stats, removed by wipe.

Each test walks the fixture flow in a subprocess with its own home (the fixture flows
in its flow folder), then makes the check-in due by setting its time in the past: the
subprocess's clock is the real one, and nothing waits.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.checkins import FOLLOW_UP, WALK, make_due
from tests.helpers import config_dir, guide, lines, refused

TO_CALL_BACK = lines("", "2", "1", "Sam")
"""In `--plain`: on from the first step, they were angry, a friend, Sam: `call-back`."""
ASKED = "Last time the advice about Sam was: Call them back"


@pytest.fixture
def walked(env: dict[str, str], home: Path) -> dict[str, str]:
    """`env` with the fixture flows in its flow folder, one walk saved to `call-back`
    and its check-in due."""
    flows = config_dir(env) / "flows"
    flows.mkdir(parents=True)
    shutil.copy(WALK, flows)
    shutil.copy(FOLLOW_UP, flows)  # the bundled follow-up flow, once there, comes first
    done = guide(env, "--flow", "checkin-walk", "--plain", stdin=TO_CALL_BACK)
    assert done.returncode == 0, done.stderr
    assert "How did it go?" not in done.stdout  # not due yet: nothing asked
    make_due(home / "sessions.db")
    return env


def plain(env: dict[str, str], *typed: str) -> str:
    done = guide(env, "--flow", "checkin-walk", "--plain", stdin=lines(*typed))
    assert done.returncode == 0, done.stderr
    return done.stdout


def history(env: dict[str, str]) -> list[dict[str, object]]:
    done = guide(env, "history", "--json")
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows


def first_check_in(env: dict[str, str]) -> dict[str, object]:
    rows = [r for r in history(env) if r["id"] == 1]
    check_in = rows[0]["check_in"]
    assert isinstance(check_in, dict)
    return check_in


# --- asked first by --plain --------------------------------------------------------------


def test_plain_asks_first_and_it_worked(walked: dict[str, str]) -> None:
    out = plain(walked, "1", "q")
    assert out.index("How did it go?") < out.index(ASKED) < out.index("  1) It worked")
    assert "  3) I haven't done it yet (ask again later)" in out
    assert out.index("Good to hear") < out.index("Take one breath first.")  # then the walk
    assert first_check_in(walked)["answer"] == "worked"
    assert "How did it go?" not in plain(walked, "q")  # asked once


def test_plain_not_yet_asks_again_later(walked: dict[str, str]) -> None:
    out = plain(walked, "3", "q")
    assert "the guide will ask again later" in out
    kept = first_check_in(walked)
    assert (kept["answer"], kept["put_off"]) == (None, 1)
    assert "How did it go?" not in plain(walked, "q")  # two hours from now


def test_plain_dont_ask(walked: dict[str, str]) -> None:
    assert "will not ask about this one again" in plain(walked, "4", "q")
    assert first_check_in(walked)["answer"] == "dont-ask"


def test_plain_enter_skips_it_for_now(walked: dict[str, str]) -> None:
    out = plain(walked, "", "q")
    assert "Skipped for now." in out
    assert first_check_in(walked)["answer"] is None
    assert ASKED in plain(walked, "q")  # still due: asked again next time


def test_plain_something_else_is_asked_again(walked: dict[str, str]) -> None:
    out = plain(walked, "maybe", "1", "q")
    assert "Please type a number from 1 to 4" in out
    assert first_check_in(walked)["answer"] == "worked"


def test_plain_it_did_not_work_goes_on_to_the_follow_up(walked: dict[str, str]) -> None:
    out = plain(walked, "2", "!")  # the follow-up's emergency exit: any follow-up flow has one
    assert "Sorry it didn't work" in out
    rows = {r["flow"]: r for r in history(walked)}
    assert rows["follow-up"]["status"] == "finished"
    assert first_check_in(walked)["answer"] == "did-not-work"


def test_plain_the_emergency_exit_is_never_behind_it(walked: dict[str, str]) -> None:
    out = plain(walked, "!")
    assert "Treat it as an emergency" in out
    assert first_check_in(walked)["answer"] is None  # still to ask, another time


def test_no_save_asks_nothing(walked: dict[str, str]) -> None:
    done = guide(walked, "--flow", "checkin-walk", "--plain", "--no-save", stdin="q\n")
    assert "How did it go?" not in done.stdout


# --- the check-in command --------------------------------------------------------------


def test_check_in_answers_as_json(walked: dict[str, str]) -> None:
    done = guide(walked, "check-in", "--answers", "worked", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["walk"] == 1 and record["follow_up"] is None
    assert (record["check_in"]["answer"], record["check_in"]["name"]) == ("worked", "Sam")
    refused(guide(walked, "check-in", "--answers", "worked"), 1)  # none due any more


def test_check_in_did_not_work_walks_the_follow_up(walked: dict[str, str]) -> None:
    done = guide(walked, "check-in", "1", "--answers", "did-not-work,!", "--json")
    assert done.returncode == 0, done.stderr
    follow_up = json.loads(done.stdout)["follow_up"]
    assert (follow_up["flow"], follow_up["finished"]) == ("follow-up", True)
    assert follow_up["outcome"]


def test_check_in_line_by_line_when_not_on_a_terminal(walked: dict[str, str]) -> None:
    done = guide(walked, "check-in", stdin=lines("3"))
    assert done.returncode == 0, done.stderr
    assert ASKED in done.stdout and "ask again later" in done.stdout
    assert first_check_in(walked)["put_off"] == 1


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ("maybe", "`maybe` is not a check-in answer"),
        ("", "is not a check-in answer"),
        ("worked,1", "only did-not-work goes on"),
    ],
)
def test_bad_answers_change_nothing(walked: dict[str, str], answers: str, said: str) -> None:
    assert said in refused(guide(walked, "check-in", "--answers", answers), 2)
    assert first_check_in(walked)["answer"] is None


def test_json_needs_answers(walked: dict[str, str]) -> None:
    assert "--json needs --answers" in refused(guide(walked, "check-in", "--json"), 2)


def test_unknown_walk_none_due_and_none_asked(walked: dict[str, str], home: Path) -> None:
    assert "no saved walk 99" in refused(guide(walked, "check-in", "99"), 1)
    guide(walked, "--flow", "checkin-walk", "--plain", stdin=lines("", "q"))  # skip it
    assert guide(walked, "check-in", "--answers", "4").returncode == 0
    assert "no check-in is due" in refused(guide(walked, "check-in"), 1)
    assert "answered already" in refused(guide(walked, "check-in", "1", "--answers", "1"), 1)
    db = sqlite3.connect(home / "sessions.db")
    db.execute("DELETE FROM check_ins")
    db.commit()
    db.close()
    assert "has no check-in" in refused(guide(walked, "check-in", "1"), 1)


# --- shown, counted, wiped -------------------------------------------------------------


def test_history_export_and_stats_show_how_it_went(walked: dict[str, str]) -> None:
    assert guide(walked, "check-in", "--answers", "did-not-work").returncode == 0
    listed = guide(walked, "history").stdout
    assert "how it went: it didn't work" in listed
    assert "## How it went\n\nIt didn't work." in guide(walked, "export", "1").stdout
    exported = json.loads(guide(walked, "export", "1", "--format", "json").stdout)
    assert exported["check_in"]["answer"] == "did-not-work"
    assert "0 worked, 1 did not work" in guide(walked, "stats").stdout
    [counted] = json.loads(guide(walked, "stats", "--json").stdout)["check_ins"]
    assert (counted["outcome"], counted["did_not_work"]) == ("call-back", 1)


def test_wipe_removes_check_ins_and_the_copy_kept_before_an_upgrade(
    walked: dict[str, str], home: Path
) -> None:
    (home / "sessions.db.v3.bak").write_bytes(b"an older store")
    done = guide(walked, "wipe", "--yes")
    assert done.returncode == 0, done.stderr
    assert not [p for p in home.iterdir() if p.name.startswith("sessions.db")]
    assert "How did it go?" not in plain(walked, "q")
