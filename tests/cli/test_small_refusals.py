"""Small ones: `graph -o` keeps an existing file unless `--force` (as `new -o` does),
`practice --count` below 1 is refused, and the end of input at practice's "Which deck?"
says so instead of naming a deck called `None`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import guide


def test_graph_keeps_an_existing_file(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "map.md"
    out.write_text("my own notes\n", encoding="utf-8")
    done = guide(env, "graph", "hang-up", "-o", str(out))
    assert done.returncode == 1
    assert f"{out} already exists; nothing was written (--force replaces it)" in done.stderr
    assert out.read_text(encoding="utf-8") == "my own notes\n"


def test_graph_force_replaces_it(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "map.mmd"
    out.write_text("old\n", encoding="utf-8")
    done = guide(env, "graph", "hang-up", "--format", "mermaid", "-o", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("flowchart")


def test_graph_writes_a_new_file_without_force(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "new.md"
    assert guide(env, "graph", "hang-up", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(
    ("count", "said"),
    [
        ("0", "at least 1, not 0"),
        ("-3", "at least 1, not -3"),
        ("two", "not a whole number: 'two'"),
    ],
)
def test_practice_count_below_one_is_refused(env: dict[str, str], count: str, said: str) -> None:
    done = guide(env, "practice", "--plain", "hang-up", f"--count={count}", stdin="")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].endswith(f"argument --count: {said}")
    assert done.stdout == ""


def test_a_huge_count_plays_every_scenario(env: dict[str, str]) -> None:
    done = guide(env, "practice", "--plain", "hang-up", "--count", "9" * 30, stdin="q\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_the_end_of_input_at_the_deck_question_says_so(env: dict[str, str]) -> None:
    done = guide(env, "practice", "--plain", stdin="")
    assert "Which deck?" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == (
        "hangup-guide: no deck was chosen: the input ended"
    )
    assert "None" not in done.stderr
    assert done.returncode == 0


def test_an_unknown_deck_typed_at_the_question_is_named(env: dict[str, str]) -> None:
    done = guide(env, "practice", "--plain", stdin="zebra\n")
    assert "hangup-guide: no usable deck `zebra`; the decks are:" in done.stderr
    assert done.returncode == 2
