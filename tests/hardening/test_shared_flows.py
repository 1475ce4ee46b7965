"""A flow someone else wrote, put in the flow folder, costs a start nothing extra.

Examples are `check`'s and `test`'s work: a start used to walk the examples of every
flow in the folder, fuzzy-matching each long answer against every alias, and one
131 KB flow made `--answers '!'` take 19 s.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.cli import main
from guide.flow import examples

from .common import clean_env, no_traceback, run
from .heavyflows import alias_heavy_flow, example_heavy_flow, scaled_alias_heavy_flow


@pytest.fixture
def heavy_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A flow folder holding the 131 KB alias-heavy flow of the issue (over the alias
    limits now) and a fair one within them whose ten long examples all fail; a store of
    its own."""
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "heavy.yaml").write_text(alias_heavy_flow(), encoding="utf-8")
    fair = alias_heavy_flow(options=10, aliases=20, alias_length=80).replace("heavy", "fair")
    (folder / "fair.yaml").write_text(fair, encoding="utf-8")
    monkeypatch.setenv("HANGUP_GUIDE_FLOWS", str(folder))
    monkeypatch.setenv("HANGUP_GUIDE_HOME", str(tmp_path / "home"))
    return folder


def _count_example_walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    walked: list[str] = []
    real = examples.run_example

    def counting(flow, example, resolve=None, budget=None):  # type: ignore[no-untyped-def]  # stands in for the real one, any signature
        walked.append(f"{flow.id}: {example.name}")
        return real(flow, example, resolve, budget)

    monkeypatch.setattr(examples, "run_example", counting)
    return walked


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--answers", "!"], id="answers"),
        pytest.param(["--plain", "--no-save"], id="plain"),
        pytest.param(["flows"], id="flows"),
        pytest.param(["graph", "fair", "--format", "mermaid"], id="graph"),
        pytest.param(["--flow", "fair", "--answers", "1"], id="walk-the-fair-flow"),
    ],
)
def test_a_start_walks_no_examples(
    argv: list[str],
    heavy_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    walked = _count_example_walks(monkeypatch)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    main(argv)
    assert "Traceback" not in capsys.readouterr().err
    assert walked == []


def test_flows_lists_the_fair_flow_ok_and_the_heavy_one_with_its_limit(
    heavy_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["flows"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line}
    assert rows["fair"].endswith("  ok"), rows["fair"]
    heavy = heavy_folder / "heavy.yaml"
    assert f"broken: {heavy}:9:5: error: question `q` has 750 aliases in all" in rows["heavy"]


def test_the_fair_flow_walks_though_its_examples_fail(
    heavy_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--flow", "fair", "--answers", "2"]) == 0
    assert "NEXT STEP: Done" in capsys.readouterr().out


def test_check_still_walks_the_examples(
    heavy_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(heavy_folder / "fair.yaml")]) == 1
    out = capsys.readouterr().out
    assert out.count(": error: example “long") == 10


# --- a megabyte of it: `check` finishes, or says which limit it hit ---------------------

HANG = 20.0
"""A bound only against hanging (these took over an hour, and over 100 s): not a timing."""


def _loop_flow(rounds: int) -> str:
    """A question that can lead back to itself, and one example going round `rounds`
    times: asking the walk's whole path at every answer made this quadratic."""
    return (
        "flow: loop\ntitle: Loop\nversion: 1\nstart: q\n"
        "sources:\n  notes: {title: Notes}\n"
        "escape:\n  - {label: This could be an emergency, key: '!', next: done}\n"
        "nodes:\n  q:\n    ask: Again?\n    options:\n"
        "      - {label: Again, next: q}\n      - {label: Stop, next: done}\n"
        "  done:\n    outcome: Done\n    steps: [Stop.]\n    why: Because.\n"
        "    source: {article: notes}\n"
        f"examples:\n  - name: round\n    outcome: done\n    answers: [{'1,' * rounds}2]\n"
    )


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        # aliases over the limits: reported, and the examples are not walked
        (scaled_alias_heavy_flow, 1, "a question may have at most 300"),
        # within the limits, a megabyte of long examples: walked, each one fails
        (example_heavy_flow, 1, "example “long 399”: answer 1"),
        # 200,000 answers round a loop: walked, and it passes
        (lambda: _loop_flow(200_000), 0, ""),
    ],
    ids=["over-the-alias-limits", "a-megabyte-of-examples", "200000-answers-in-a-loop"],
)
def test_check_of_a_megabyte_finishes(
    make: Callable[[], str], code: int, words: str, tmp_path: Path
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(make(), encoding="utf-8")
    assert path.stat().st_size < 1_048_576
    done = run(clean_env(tmp_path), "check", str(path), timeout=HANG)
    no_traceback(done)
    assert done.returncode == code, done.stderr
    assert words in done.stdout


def test_check_of_a_deck_of_200000_answers_finishes(tmp_path: Path) -> None:
    """A deck's expert answers are walked the same way, and were quadratic the same way."""
    flow, deck = tmp_path / "loop.yaml", tmp_path / "deck.yaml"
    flow.write_text(_loop_flow(1), encoding="utf-8")
    deck.write_text(
        "deck: round\nflow: loop\ntitle: Round\nscenarios:\n"
        "  - id: round\n    situation: Round and round.\n    outcome: done\n"
        f"    expert: [{'1,' * 200_000}2]\n",
        encoding="utf-8",
    )
    done = run(clean_env(tmp_path), "check", str(flow), str(deck), timeout=HANG)
    no_traceback(done)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout[:500]


def test_a_deck_that_asks_too_much_matching_stops_with_one_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from guide.flow.loader import load_flow
    from guide.practice.deck import load_deck
    from guide.practice.validate import validate_deck

    monkeypatch.setattr(examples, "BUDGET", 1_000)
    flow = load_flow(_loop_flow(1).encode(), "loop.yaml").flow
    assert flow is not None
    scenario = "  - id: s{n}\n    situation: Again.\n    outcome: done\n    expert: [{answers}2]\n"
    text = "deck: round\nflow: loop\ntitle: Round\nscenarios:\n" + "".join(
        scenario.format(n=n, answers="1," * 300) for n in range(3)
    )
    deck, problems = load_deck(text.encode(), "deck.yaml")
    assert deck is not None and problems == []
    found = validate_deck(deck, {"loop": flow})
    assert [p.code for p in found] == ["examples-too-costly"]
    assert found[0].mark.line == 9  # the second scenario: the first spent 903 of 1,000
    assert "scenario `s1`: not walked: the scenarios match answers" in found[0].message
