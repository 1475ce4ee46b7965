"""`hangup-guide stats` run as a person runs it, on a store of real saved walks.

The store is built in the test (tests/test_stats.py's walks) as
`$HANGUP_GUIDE_HOME/sessions.db`; every test runs `python -m guide` in a
subprocess and checks what is printed and the exit code.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from guide.history.store import FILE_NAME, SCHEMA_VERSION
from tests.helpers import guide
from tests.test_stats import HEATED, WHO, WHY, build_store


def test_stats_prints_every_section(env: dict[str, str], home: Path) -> None:
    build_store(home / FILE_NAME)
    done = guide(env, "stats")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    sections = ["Walks", "Answers by question", "Outcomes reached", "Went back to", "Stopped at"]
    where = [out.splitlines().index(name) for name in sections]
    assert where == sorted(where)
    assert "  7 walks: 4 finished, 3 unfinished (1 set aside)\n" in out
    assert f"  [hang-up] {WHY}  (6 answered)\n        3   50.0%  {HEATED}\n" in out
    assert "      1   25.0%  [hang-up] Send a short message instead (send-text)\n" in out
    assert "      1  [hang-up] Can you call them back now?\n" in out
    assert f"      1   33.3%  [hang-up] who-was-it: {WHO}\n" in out
    assert "      1   33.3%  [sales] talked-first\n" in out
    assert done.stderr == ""


def test_stats_of_one_flow_as_json(env: dict[str, str], home: Path) -> None:
    build_store(home / FILE_NAME)
    done = guide(env, "stats", "hang-up", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["flow"] == "hang-up"
    assert (record["walks"], record["finished"], record["unfinished"]) == (6, 4, 2)
    assert record["set_aside"] == 1
    why = record["questions"][0]
    assert (why["flow"], why["question"], why["total"]) == ("hang-up", WHY, 6)
    assert [(a["count"], a["percent"]) for a in why["answers"]] == [
        (3, 50.0),
        (1, 16.7),
        (1, 16.7),
        (1, 16.7),
    ]
    assert [(o["outcome"], o["count"], o["percent"]) for o in record["outcomes"]] == [
        ("carry-on", 1, 25.0),
        ("emergency", 1, 25.0),
        ("send-text", 1, 25.0),
        ("urgent-message", 1, 25.0),
    ]
    assert record["outcomes"][0]["title"] == "Pick up where you left off"
    assert [b["question"] for b in record["went_back"]] == ["Can you call them back now?", WHY]
    assert [(s["flow"], s["node"], s["percent"]) for s in record["stopped"]] == [
        ("hang-up", "who-was-it", 50.0),
        ("sales", "start", 50.0),
    ]
    assert "Sam" not in done.stdout and "Chris" not in done.stdout  # typed names stay private


def test_an_empty_store_says_so(env: dict[str, str]) -> None:
    done = guide(env, "stats")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "No saved walks yet: walk a flow, and its answers are counted here.\n"
    as_json = guide(env, "stats", "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["walks"] == 0


def test_a_flow_with_no_walks_says_so(env: dict[str, str], home: Path) -> None:
    build_store(home / FILE_NAME)
    done = guide(env, "stats", "contact-centre")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("No saved walks of `contact-centre` yet")


def test_a_store_that_cannot_be_used_exits_1(env: dict[str, str], home: Path) -> None:
    home.mkdir(parents=True)
    db = sqlite3.connect(home / FILE_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    done = guide(env, "stats")
    assert done.returncode == 1
    assert done.stderr.startswith("hangup-guide: ")
    assert "newer Hang-up Guide" in done.stderr
