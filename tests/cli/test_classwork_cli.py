"""`practice export`, `practice report` and `practice --missed` / `--progress`, run as a
person runs them: each in a subprocess with its own store (HANGUP_GUIDE_HOME)."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from guide.history.store import PracticeResult, Store
from tests.cli.test_practice_cli import LEARNER, order, practise
from tests.helpers import at_a_terminal, guide, guide_env, refused

REPO = Path(__file__).resolve().parents[2]
CLASS = REPO / "tests" / "fixtures" / "classwork"
SCHEMA = json.loads((REPO / "guide" / "practice" / "export.schema.json").read_text("utf-8"))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return guide_env(home)


def exported(env: dict[str, str], *more: str) -> dict[str, object]:
    done = guide(env, "practice", "export", *more)
    assert done.returncode == 0, done.stderr
    document: dict[str, object] = json.loads(done.stdout)
    return document


def test_export_asks_for_a_name_once_and_keeps_it(env: dict[str, str]) -> None:
    assert "--name NAME" in refused(guide(env, "practice", "export"), 2)
    asked = at_a_terminal(env, "practice", "export", typed=b"Sam Jones\n")
    assert asked.returncode == 0, asked.stderr
    assert "Your name, as your trainer's report will show it" in asked.stderr
    assert json.loads(asked.stdout)["learner"] == "Sam Jones"
    assert exported(env)["learner"] == "Sam Jones"  # kept: not asked again, no terminal needed
    assert exported(env, "--name", "Sam J.")["learner"] == "Sam J."
    assert exported(env)["learner"] == "Sam J."


def test_a_round_exports_and_reports_back(env: dict[str, str], tmp_path: Path) -> None:
    """A learner practises, exports, and the trainer's report shows what they did."""
    seed = 3
    typed = [answer for sid in order(seed) for answer in LEARNER[sid]]
    assert practise(env, seed, *typed).returncode == 0
    out = tmp_path / "sam.json"
    done = guide(env, "practice", "export", "--name", "Sam", "-o", str(out))
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text("utf-8"))
    jsonschema.validate(document, SCHEMA)
    results = {r["scenario"]: r for r in document["results"]}
    assert set(results) == set(LEARNER)
    hurt = results["someone-hurt"]
    assert (hurt["missed_emergency"], hurt["parted_at"], hurt["score"]) == (True, "why-ended", 0)
    assert len(hurt["answers"]) == len(LEARNER["someone-hurt"])
    report = guide(env, "practice", "report", str(out), "--json")
    assert report.returncode == 0, report.stderr
    gathered = json.loads(report.stdout)
    assert gathered["learners"] == ["Sam"]
    assert [m["scenario"] for m in gathered["missed_emergencies"]] == ["someone-hurt"]
    row = next(s for s in gathered["scenarios"] if s["scenario"] == "someone-hurt")
    assert (row["learners"], row["mean_score"], row["parted_at"]) == (1, 0, "why-ended")
    assert row["chosen"] == [{"answer": hurt["answers"][0]["answer"], "count": 1}]
    # -o never replaces a file without --force
    again = guide(env, "practice", "export", "-o", str(out))
    assert "already exists" in refused(again, 1)
    assert guide(env, "practice", "export", "-o", str(out), "--force").returncode == 0


def report(*names: str, more: tuple[str, ...] = ()) -> tuple[int, str, str]:
    done = guide(dict(os.environ), "practice", "report", *(str(CLASS / n) for n in names), *more)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def test_a_class_report_in_text_and_markdown() -> None:
    code, out, err = report("ada.json", "ben.json", "cleo.json")
    assert (code, err) == (0, "")
    assert "test-hang-up / someone-hurt: 3 learner(s), 4 attempt(s), mean score 25%" in out
    assert "  chosen there: I don't know, it just cut off (2x), They ended it" in out
    code, out, _ = report("ada.json", "ben.json", "cleo.json", more=("--format", "md"))
    assert code == 0 and out.startswith("# Practice debrief")
    assert "- **Ben \\<b\\>\\[x\\](http://evil)\\</b\\>**" in out


def test_a_mixed_class_reports_on_the_good_files_and_names_the_bad() -> None:
    """Exit 1: the report covers the good files; each bad one is named, with its field."""
    names = ("ada.json", "version-2.json", "missing-score.json", "not-json.json", "cleo.json")
    code, out, err = report(*names)
    assert code == 1
    assert "2 learner(s): Ada, Cleo" in out
    bad = err.splitlines()
    assert len(bad) == 3
    assert "version-2.json: at `version` is 2, and this guide reads version 1 only" in bad[0]
    assert "missing-score.json: at `results[0].score` is missing" in bad[1]
    assert "not-json.json: not JSON: Expecting property name" in bad[2]
    code, out, _ = report(*names, more=("--json",))
    assert code == 1
    left_out = json.loads(out)["left_out"]
    assert [(Path(b["file"]).name, b["field"]) for b in left_out] == [
        ("version-2.json", "version"),
        ("missing-score.json", "results[0].score"),
        ("not-json.json", ""),
    ]


def test_a_class_of_bad_files_reports_nothing(tmp_path: Path) -> None:
    """Exit 2 when no file can be used: a missing file, a folder, a file far too large."""
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (9 * 1024 * 1024))
    code, out, err = report("not-an-export.json", "nowhere.json", str(tmp_path), str(huge))
    assert (code, out) == (2, "")
    assert "not-an-export.json: at `format` is not" in err
    assert "nowhere.json: cannot read the file" in err
    assert "huge.json" in err and "too large" in err
    assert err.rstrip().endswith("no usable practice export file: nothing to report")


def keep(env: dict[str, str], *results: PracticeResult) -> None:
    store = Store.open(Path(env["HANGUP_GUIDE_HOME"]) / "sessions.db")
    for result in results:
        store.add_result(result)
    store.close()


def days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def test_missed_replays_only_what_is_due(env: dict[str, str]) -> None:
    deck = "test-hang-up"
    keep(
        env,
        PracticeResult(days_ago(3), deck, "someone-hurt", 0.0, "carry-on", "emergency", "x"),
        PracticeResult(days_ago(3), deck, "line-dropped", 0.0, "x", "y", "z"),
        PracticeResult(days_ago(1), deck, "line-dropped", 1.0, "y", "y", None),  # box 2
    )
    progress = guide(env, "practice", "--progress")
    assert "1 due now" in progress.stdout and "  due: test-hang-up / someone-hurt (box 1)" in (
        progress.stdout
    )
    done = practise(env, 1, *LEARNER["someone-hurt"], more=("--missed",))
    assert done.returncode == 0, done.stderr
    assert "(1 scenarios)" in done.stdout and "Round done: 0 out of 1." in done.stdout
    later = practise(env, 1, more=("--missed",))
    assert "No missed scenario is due today." in later.stdout
    assert "The next one is due on" in later.stdout


def test_practice_help_names_the_class_commands(env: dict[str, str]) -> None:
    assert "practice export" in guide(env, "practice", "--help").stdout
    assert "--name" in guide(env, "practice", "export", "--help").stdout
    assert "not JSON" not in refused(guide(env, "practice", "report"), 2)


def test_missed_says_when_a_due_scenarios_deck_is_gone(env: dict[str, str]) -> None:
    keep(env, PracticeResult(days_ago(2), "gone-deck", "gone", 0.0, "x", "y", "z"))
    done = guide(env, "practice", "--missed", "--plain")
    assert done.returncode == 0, done.stderr
    assert "due, but not in any deck now: gone-deck / gone" in done.stderr
    assert "No missed scenario is due today." in done.stdout
