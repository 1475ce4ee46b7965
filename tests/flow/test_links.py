"""Links to other flows (`next: other-flow:node` and `goto:`), as an author and a person
walking meet them: `check` knows the other flow or says which link is wrong and where;
a walk crosses into the other flow with the facts gathered so far; examples may end in
the other flow; and the bundled main flow hands over to `sales` and `contact-centre`.

Fixtures: tests/fixtures/links/alpha.yaml links to beta.yaml (option 1 by `next:`,
option 2 by a `goto:` node), setting `colour`, which beta's first step routes on;
links/broken/ holds alpha with one link wrong.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from guide.flow.engine import Walk
from guide.flow.examples import run_example, walk_answers
from guide.flow.loader import read_flow
from guide.flow.model import Flow, Outcome
from guide.flow.steps import Advice, Question, WalkError
from guide.flow.template import fill
from guide.flow.validate import validate
from guide.library import flows as library
from guide.library.flows import FLOWS_ENV, bundled_flows
from tests.helpers import guide

ROOT = Path(__file__).resolve().parents[2]
LINKS = ROOT / "tests" / "fixtures" / "links"
ALPHA = LINKS / "alpha.yaml"
BETA = LINKS / "beta.yaml"
BROKEN = LINKS / "broken"
SUMMARY = re.compile(r"checked (\d+) file\(s\): (\d+) error\(s\), (\d+) warning\(s\)")


def load(path: Path) -> Flow:
    loaded = read_flow(path)
    assert loaded.flow is not None, loaded.problems
    assert not loaded.problems, loaded.problems
    return loaded.flow


@pytest.fixture(scope="module")
def alpha() -> Flow:
    return load(ALPHA)


@pytest.fixture(scope="module")
def beta() -> Flow:
    return load(BETA)


def place_of(path: Path, fragment: str) -> tuple[int, int]:
    """(line, col) of `fragment`, which occurs on exactly one line of the file."""
    found = [
        (n, line.index(fragment) + 1)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if fragment in line
    ]
    assert len(found) == 1, (path, fragment, found)
    return found[0]


# --- check ---------------------------------------------------------------------------------


def test_check_alpha_with_beta_is_clean(env: dict[str, str]) -> None:
    # Both links resolve, and alpha's examples that end in beta are walked into it.
    done = guide(env, "check", ALPHA, BETA)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    summary = SUMMARY.search(done.stderr)
    assert summary is not None and summary.groups() == ("2", "0", "0")


# (fixture, the wrong `next:`, code, fragments of the message)
BAD_LINKS = [
    pytest.param(
        # Option 1 links to `gamma:start`; there is no flow `gamma` anywhere.
        "missing-flow.yaml",
        "next: gamma:start",
        "unknown-flow",
        ("there is no flow `gamma`",),
        id="missing-flow",
    ),
    pytest.param(
        # Option 1 links to `beta:strat`; beta has `start`.
        "missing-node.yaml",
        "next: beta:strat",
        "unknown-target",
        ("flow `beta` has no node `strat`", "did you mean `start`?"),
        id="missing-node",
    ),
]


@pytest.mark.parametrize(("name", "link", "code", "fragments"), BAD_LINKS)
def test_check_points_at_the_wrong_link(
    env: dict[str, str], name: str, link: str, code: str, fragments: tuple[str, ...]
) -> None:
    path = BROKEN / name
    done = guide(env, "check", path, BETA)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    # One problem, at the line of that `next:`, the column where the link starts.
    line, col = place_of(path, link)
    col += len("next: ")
    [printed] = done.stdout.splitlines()
    assert printed.startswith(f"{path}:{line}:{col}: error: "), printed
    for fragment in fragments:
        assert fragment in printed, printed
    # The same problem, with its code, from the validator itself.
    loaded = read_flow(path)
    assert loaded.flow is not None
    beta = load(BETA)
    [problem] = validate(loaded.flow, loaded.broken, {"beta": list(beta.nodes)}, {"beta": beta}.get)
    assert (problem.code, problem.severity) == (code, "error")
    assert (problem.mark.line, problem.mark.col) == (line, col)


def test_check_alpha_alone_names_both_links_to_the_missing_beta(
    env: dict[str, str], tmp_path: Path
) -> None:
    # Alone in a folder, with beta nowhere: the option's link and the goto, each located.
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    path = Path(shutil.copy(ALPHA, lonely / "alpha.yaml"))
    done = guide(env, "check", path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    expected = []
    for link in ("next: beta:start", "goto: beta:start"):
        line, col = place_of(path, link)
        # The column of `beta:start`, after `next: ` / `goto: `.
        expected.append(f"{path}:{line}:{col + 6}: error: there is no flow `beta`")
    assert done.stdout.splitlines() == expected


def test_examples_ending_in_the_other_flow_pass(alpha: Flow, beta: Flow) -> None:
    resolve = {"beta": beta}.get
    assert validate(alpha, (), {"beta": list(beta.nodes)}, resolve) == []
    reached = {e.name: run_example(alpha, e, resolve).reached for e in alpha.examples}
    # Two of alpha's examples end at outcomes that only beta has.
    assert reached == {
        "red, through the option, ends in beta": "red-end",
        "blue, through the goto, ends in beta": "blue-end",
        "staying in alpha": "stay",
    }
    assert "red-end" not in alpha.nodes and "blue-end" not in alpha.nodes


# --- the engine ----------------------------------------------------------------------------

# (answer in alpha, the outcome in beta, the words filled in from alpha's fact)
CROSSINGS = [
    # Option 1: `next: beta:start`, having set colour red; beta's route takes red.
    pytest.param("1", "red-end", "It was red, so red it is.", id="by-next"),
    # Option 2: to `hop`, a `goto: beta:start`, having set colour blue.
    pytest.param("2", "blue-end", "It was blue, so blue it is.", id="by-goto"),
]


@pytest.mark.parametrize(("answer", "outcome", "script"), CROSSINGS)
def test_a_walk_crosses_into_the_other_flow(
    alpha: Flow, beta: Flow, answer: str, outcome: str, script: str
) -> None:
    walk = Walk(alpha, {"beta": beta}.get)
    assert walk.reply(answer).accepted
    step = walk.current
    assert isinstance(step, Advice)
    assert step.node.id == outcome
    assert walk.current_flow is beta
    # Beta's route read `colour`, set by the answer in alpha: beta never asked for it.
    assert step.script == script
    assert [(f, n) for f, n, _ in walk.path()] == [("alpha", "first"), ("beta", outcome)]
    # The walk started in alpha and still says so.
    assert walk.flow is alpha
    # Back from beta's outcome is alpha's question again.
    assert walk.back()
    assert walk.current_flow is alpha
    assert isinstance(walk.current, Question) and walk.current.node.id == "first"


def test_beta_alone_asks_for_what_alpha_would_have_told_it(beta: Flow) -> None:
    # Walked on its own, nothing has set `colour`: beta's route falls back to asking.
    walk = Walk(beta)
    step = walk.current
    assert isinstance(step, Question) and step.text == "Which colour is it?"
    assert walk.reply("Blue").accepted
    step = walk.current
    assert isinstance(step, Advice) and step.node.id == "blue-end"


def test_the_library_resolver_finds_the_other_flow(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, alpha: Flow
) -> None:
    # beta in a HANGUP_GUIDE_FLOWS folder: the library's resolver finds it by id.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv(FLOWS_ENV, str(LINKS))
    walk = Walk(alpha, library.scan().resolver())
    assert walk_answers(walk, ["1"]) is None
    assert walk.current_flow.id == "beta"
    assert walk.facts == {"colour": "red"}


def test_a_link_to_a_flow_nobody_provides_is_a_walk_error(alpha: Flow) -> None:
    # Without a resolver the other flow is not there: the walk says so, as a WalkError
    # (the flow is broken underneath), and stays at the question.
    walk = Walk(alpha)
    with pytest.raises(WalkError, match="the flow `beta` is not available"):
        walk.reply("1")
    assert walk.depth == 0


# --- the command line --------------------------------------------------------------------------


@pytest.fixture
def apart(tmp_path: Path) -> tuple[Path, Path]:
    """alpha.yaml and beta.yaml copied into two different folders: (alpha's file, beta's folder)."""
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    shutil.copy(BETA, there / "beta.yaml")
    return Path(shutil.copy(ALPHA, here / "alpha.yaml")), there


# (answers, the outcome's title in beta, the words filled in from alpha's fact)
PLAIN = [
    # Through the option's `next:`.
    pytest.param("1", "Go with red", "It was red, so red it is.", id="by-next"),
    # Through the `goto:`.
    pytest.param("2", "Go with blue", "It was blue, so blue it is.", id="by-goto"),
]


@pytest.mark.parametrize(("answers", "title", "script"), PLAIN)
def test_answers_walk_into_beta_found_in_a_flows_folder(
    env: dict[str, str], apart: tuple[Path, Path], answers: str, title: str, script: str
) -> None:
    alpha_file, beta_folder = apart
    env[FLOWS_ENV] = str(beta_folder)
    done = guide(env, "--flow", alpha_file, "--plain", "--answers", answers)
    assert done.returncode == 0, done.stderr
    assert "Which way shall we go?" in done.stdout
    assert f"NEXT STEP: {title}" in done.stdout
    assert script in done.stdout


def test_answers_json_show_the_walk_crossing_flows(
    env: dict[str, str], apart: tuple[Path, Path]
) -> None:
    alpha_file, beta_folder = apart
    env[FLOWS_ENV] = str(beta_folder)
    done = guide(env, "--flow", alpha_file, "--plain", "--answers", "1", "--json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["flow"] == "alpha"
    assert record["outcome"] == "red-end"
    assert [(s["flow"], s["node"]) for s in record["path"]] == [
        ("alpha", "first"),
        ("beta", "red-end"),
    ]
    assert record["facts"] == {"colour": "red"}
    assert record["advice"]["script"] == "It was red, so red it is."


def test_alpha_by_name_when_both_are_in_flows_folders(
    env: dict[str, str], apart: tuple[Path, Path]
) -> None:
    alpha_file, beta_folder = apart
    env[FLOWS_ENV] = os.pathsep.join([str(alpha_file.parent), str(beta_folder)])
    done = guide(env, "--flow", "alpha", "--plain", "--answers", "2")
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Go with blue" in done.stdout


def test_a_flow_file_finds_the_flow_it_links_to_beside_it(env: dict[str, str]) -> None:
    # No flows folder at all: tests/fixtures/links/alpha.yaml, named by its path, finds
    # `beta` as beta.yaml in the same folder.
    done = guide(env, "--flow", ALPHA, "--plain", "--answers", "1")
    assert done.returncode == 0, done.stderr
    assert "NEXT STEP: Go with red" in done.stdout


def test_without_beta_anywhere_alpha_does_not_open(
    env: dict[str, str], apart: tuple[Path, Path]
) -> None:
    # beta is in no folder the library reads, nor beside alpha: opening alpha names the
    # link that cannot be followed, located, and exits 1 before asking anything.
    alpha_file, _ = apart
    done = guide(env, "--flow", alpha_file, "--plain", "--answers", "1")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    line, col = place_of(alpha_file, "next: beta:start")
    assert f"{alpha_file}:{line}:{col + 6}: error: there is no flow `beta`" in done.stderr


# --- the bundled main flow hands over to sales and contact-centre --------------------------------

BUNDLED = {path.stem: path for path in bundled_flows()}


def _crossing_examples() -> list[tuple[str, str]]:
    """(example name, the flow it ends in) for the main flow's examples that end at an
    outcome of another bundled flow."""
    main = load(BUNDLED["hang-up"])
    others = {name: load(path) for name, path in BUNDLED.items() if name != "hang-up"}
    found = []
    for example in main.examples:
        if example.outcome not in main.nodes:
            [owner] = [
                n for n, f in others.items() if isinstance(f.nodes.get(example.outcome), Outcome)
            ]
            found.append((example.name, owner))
    return found


CROSSING = [
    pytest.param(name, owner, id=f"{owner}: {name}") for name, owner in _crossing_examples()
]


def test_the_main_flow_has_examples_into_sales_and_contact_centre() -> None:
    assert {owner for _, owner in _crossing_examples()} == {"sales", "contact-centre"}


@pytest.fixture
def own_folders_empty(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The library sees the bundled flows only."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(FLOWS_ENV, raising=False)


@pytest.mark.parametrize(("example_name", "owner"), CROSSING)
def test_main_flow_examples_reach_the_other_flows_outcome(
    own_folders_empty: None, example_name: str, owner: str
) -> None:
    found = library.scan()
    main = found.flows["hang-up"]
    example = next(e for e in main.examples if e.name == example_name)
    result = run_example(main, example, found.resolver())
    assert result.failure is None, result.failure
    assert result.reached == example.outcome
    # Walked again by hand: the walk ends in the other flow, with the facts promised.
    walk = Walk(main, found.resolver())
    assert walk_answers(walk, example.answers) is None
    assert walk.finished
    assert walk.current_flow.id == owner
    assert walk.path()[0][0] == "hang-up"
    for fact, value in example.facts.items():
        assert walk.facts[fact] == value


@pytest.mark.parametrize(("example_name", "owner"), CROSSING)
def test_main_flow_examples_into_other_flows_from_the_command_line(
    env: dict[str, str], example_name: str, owner: str
) -> None:
    main = load(BUNDLED["hang-up"])
    example = next(e for e in main.examples if e.name == example_name)
    node = load(BUNDLED[owner]).nodes[example.outcome]
    assert isinstance(node, Outcome)
    done = guide(env, "--plain", "--answers", ",".join(example.answers))
    assert done.returncode == 0, done.stderr
    # a title may show a figure the walk worked out (the abandonment rate)
    assert f"NEXT STEP: {fill(node.title, example.facts)}\n" in done.stdout
