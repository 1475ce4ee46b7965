"""`check_in:` in the flow language (issue 19): read into `Outcome.check_in` in seconds,
and each mistake reported where it is, by the loader, `check`, the schema and `test`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from guide.flow.loader import read_flow
from guide.flow.model import Outcome
from tests.flow.reported import FIXTURES, assert_reported_once, everything
from tests.helpers import guide

WALK = FIXTURES / "checkin" / "walk.yaml"
TEXT = WALK.read_text(encoding="utf-8")
SCHEMA = json.loads((FIXTURES.parents[1] / "guide" / "flow" / "schema.json").read_text())


def changed(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The fixture with `old` (found once) written as `new`; the file and the line of it."""
    assert TEXT.count(old) == 1, old
    path = tmp_path / "walk.yaml"
    path.write_text(TEXT.replace(old, new), encoding="utf-8")
    return path, TEXT[: TEXT.index(old)].count("\n") + 1


def test_check_in_is_read_in_seconds() -> None:
    flow = read_flow(WALK).flow
    assert flow is not None
    outcomes = {n.id: n for n in flow.nodes.values() if isinstance(n, Outcome)}
    assert outcomes["call-back"].check_in == 2 * 3600
    assert outcomes["call-work"].check_in == 24 * 3600
    assert outcomes["emergency"].check_in is None
    assert everything(read_flow(WALK)) == []


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("30m", 1800), ("2h", 7200), ("1d", 86400), ("1d12h", 129600), ("1h30m", 5400)],
)
def test_durations_of_days_hours_and_minutes(tmp_path: Path, written: str, seconds: int) -> None:
    path, _ = changed(tmp_path, "check_in: 2h", f"check_in: {written}")
    flow = read_flow(path).flow
    assert flow is not None
    node = flow.nodes["call-back"]
    assert isinstance(node, Outcome) and node.check_in == seconds


@pytest.mark.parametrize(
    ("written", "fragment"),
    [
        ("soon", "`check_in` must be a duration such as 30m, 2h or 1d, not `soon`"),
        ("30s", "not `30s`"),  # seconds: too soon to ask how anything went
        ("2h1d", "not `2h1d`"),  # days, hours, minutes, in that order
        ("0m", "between 1m and 366d"),
        ("400d", "between 1m and 366d"),
    ],
)
def test_a_bad_check_in_is_located(tmp_path: Path, written: str, fragment: str) -> None:
    path, line = changed(tmp_path, "check_in: 2h", f"check_in: {written}")
    problems = everything(read_flow(path))
    assert_reported_once(problems, path, ("bad-duration", "error", line, 15), (fragment,), set())


def test_check_in_belongs_on_an_outcome(tmp_path: Path) -> None:
    path, line = changed(
        tmp_path, "    next: who\n\n  pause:", "    next: who\n    check_in: 1h\n\n  pause:"
    )
    problems = everything(read_flow(path))
    where = ("misplaced-key", "error", line + 1, 5)
    assert_reported_once(problems, path, where, ("belongs on an outcome", "`cause`"), set())


def test_an_emergency_outcome_never_waits_for_a_check_in(tmp_path: Path) -> None:
    path, line = changed(
        tmp_path, "    emergency: true\n", "    emergency: true\n    check_in: 1d\n"
    )
    problems = everything(read_flow(path))
    where = ("emergency-check-in", "error", line + 1, 15)
    assert_reported_once(problems, path, where, ("emergency outcome has no `check_in`",), set())


def test_check_says_where(tmp_path: Path, env: dict[str, str]) -> None:
    path, line = changed(tmp_path, "check_in: 2h", "check_in: soon")
    done = guide(env, "check", str(path))
    assert done.returncode == 1
    assert f"{path}:{line}:15: error: `check_in` must be a duration" in done.stdout + done.stderr


def test_test_says_which_examples_end_on_a_check_in(env: dict[str, str]) -> None:
    done = guide(env, "test", str(WALK))
    assert done.returncode == 0, done.stderr
    assert "PASS checkin-walk: a dropped line, a friend (asks how it went after 2h)" in done.stdout
    assert "PASS checkin-walk: a busy colleague (asks how it went after 1d)" in done.stdout
    records = json.loads(guide(env, "test", str(WALK), "--json").stdout)
    assert [e["check_in"] for e in records[0]["examples"]] == ["2h", "1d"]


def schema_errors(flow: object) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(flow)]


def test_the_schema_takes_check_in_on_an_outcome_only() -> None:
    flow = yaml.safe_load(TEXT)
    assert schema_errors(flow) == []
    flow["nodes"]["call-back"]["check_in"] = "1d12h"
    assert schema_errors(flow) == []
    for bad in ("soon", "30s", "2h1d"):
        flow["nodes"]["call-back"]["check_in"] = bad
        assert schema_errors(flow), bad
    flow["nodes"]["call-back"]["check_in"] = "2h"
    flow["nodes"]["emergency"]["check_in"] = "1d"
    assert schema_errors(flow)  # never on an emergency outcome
    del flow["nodes"]["emergency"]["check_in"]
    flow["nodes"]["cause"]["check_in"] = "1d"
    assert schema_errors(flow)  # only on outcomes
