"""Reserved keys from the command line: `check` refuses `key: h`, and a key it
accepts picks its answer in `--plain` and with `--answers` alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import guide, lines

REPO = Path(__file__).resolve().parents[2]
KEYED = REPO / "tests" / "tui" / "fixtures" / "keyed.yaml"


def test_check_refuses_an_answer_keyed_h_where_it_is_written(
    env: dict[str, str], tmp_path: Path
) -> None:
    flow = tmp_path / "keyed-h.yaml"
    flow.write_text(KEYED.read_text(encoding="utf-8").replace('key: "y"', "key: h"))
    done = guide(env, "check", str(flow))
    assert done.returncode != 0
    assert f"{flow}:20:14: error: option key `h` is taken by the interface (help in --plain)" in (
        done.stdout + done.stderr
    )


@pytest.mark.parametrize(
    ("typed", "outcome"), [("y", "Call them back today"), ("N", "Leave it for now")]
)
def test_a_key_check_accepts_picks_its_answer_in_plain(
    env: dict[str, str], typed: str, outcome: str
) -> None:
    done = guide(env, "--flow", str(KEYED), "--plain", stdin=lines(typed))
    assert done.returncode == 0, done.stderr
    assert f"NEXT STEP: {outcome}\n" in done.stdout


def test_the_same_keys_pick_their_answers_with_answers(env: dict[str, str]) -> None:
    done = guide(env, "--flow", str(KEYED), "--plain", "--answers", "n")
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Leave it for now\n" in done.stdout
