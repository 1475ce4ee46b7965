"""`hangup-guide test` (examples and coverage) and `hangup-guide new` (a starter flow)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import config_dir
from tests.helpers import guide as run_guide

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "guide" / "flow" / "schema.json").read_text(encoding="utf-8"))


def guide(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_guide({**os.environ, **(env or {})}, *args, timeout=120)


def test_the_bundled_flows_pass_their_examples_with_full_coverage() -> None:
    """Every bundled example passes, and together they reach every node, answer and outcome."""
    done = guide("test", "--coverage", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    for report in json.loads(done.stdout):
        assert all(e["passed"] for e in report["examples"]), report["flow"]
        cover = report["coverage"]
        for part in ("nodes", "answers", "outcomes"):
            hit, total = cover[part]
            assert hit == total, (report["flow"], part, cover)


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "flows" / "my-rules.yaml"
    done = guide("new", "my-rules", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


def test_new_writes_a_flow_that_passes_check_and_test(starter: Path) -> None:
    text = starter.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "escape:" in text and "examples:" in text
    assert guide("check", str(starter)).returncode == 0
    done = guide("test", str(starter))
    assert done.returncode == 0
    assert "PASS my-rules: the line dropped and I can call back" in done.stdout
    jsonschema.Draft202012Validator(SCHEMA).validate(yaml.safe_load(text))


def test_new_never_overwrites_and_checks_the_name(starter: Path) -> None:
    before = starter.read_text(encoding="utf-8")
    again = guide("new", "my-rules", "-o", str(starter))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert starter.read_text(encoding="utf-8") == before
    bad = guide("new", "My Rules", "-o", str(starter.with_name("x.yaml")))
    assert bad.returncode == 2 and "not a flow name" in bad.stderr


def test_new_goes_into_the_flow_folder_and_opens_by_name(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HANGUP_GUIDE_HOME": str(tmp_path)}
    assert guide("new", "team-rules", env=env).returncode == 0
    assert (config_dir(env) / "flows" / "team-rules.yaml").is_file()
    assert config_dir(env) == tmp_path  # HANGUP_GUIDE_HOME holds the flows too
    walked = guide("--flow", "team-rules", "--answers", "1,1,Sam", env=env)
    assert walked.returncode == 0, walked.stderr
    assert "NEXT STEP: Call them back" in walked.stdout
    assert "Hi Sam" in walked.stdout


def test_coverage_names_what_no_example_reaches(starter: Path) -> None:
    done = guide("test", "--coverage", str(starter))
    assert done.returncode == 0
    assert "not reached: give-it-time" in done.stdout
    assert "not reached: first-question: On purpose" in done.stdout
    assert "outcomes     1 / 3" in done.stdout


def test_a_failing_example_fails_the_run_and_says_where_it_turned(starter: Path) -> None:
    text = starter.read_text(encoding="utf-8").replace(
        'answers: ["1", "1", "Sam"]\n    outcome: call-back',
        'answers: ["1", "2"]\n    outcome: call-back',
    )
    starter.write_text(text, encoding="utf-8")
    done = guide("test", str(starter))
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if x.startswith("FAIL"))
    assert "reached `give-it-time`, not `call-back`" in line
    assert "first-question → second-question → give-it-time" in line
    assert "my-rules.yaml:" in line  # where the example is
