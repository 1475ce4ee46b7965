"""The flow library as a person with flows of their own meets it: `hangup-guide flows`
lists the bundled flows and theirs, each with whether it opens; `--flow NAME` opens
theirs by name; broken files and duplicate ids are named and located, never a crash.

Nothing depends on the real home folder: `HANGUP_GUIDE_HOME` points at a temp
folder, so the folder of flows is `<tmp>/home/flows/` (`XDG_CONFIG_HOME`, which
platformdirs honours on Linux, points at another, unused while the home is set), and
`HANGUP_GUIDE_FLOWS` at temp copies of
tests/fixtures/library/extra-a (and extra-b):

    config/my-flow.yaml          flow: my-flow       good
    config/broken.yaml           (not YAML)          broken, line 9
    config/my-hang-up.yaml       flow: hang-up       duplicate of the bundled hang-up
    extra-a/my-flow-copy.yaml    flow: my-flow       duplicate of config/my-flow.yaml
    extra-b/second.yaml          flow: second-flow   good
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.flow.loader import read_flow
from guide.library import flows as library
from guide.library.flows import FLOWS_ENV, bundled_flows
from tests.helpers import config_dir, refused
from tests.helpers import guide as run_guide

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "library"
BUNDLED = {path.stem: path for path in bundled_flows()}

# `file:line:col: error: ...`, as every located problem is printed.
LOCATED = r":(\d+):(\d+): error: "


@dataclass(frozen=True)
class Folders:
    """Where the person's flows are for one test, and the environment that says so."""

    config: Path
    """`<HANGUP_GUIDE_HOME>/flows`."""
    extra_a: Path
    extra_b: Path
    env: dict[str, str]

    @property
    def my_flow(self) -> Path:
        return self.config / "my-flow.yaml"

    @property
    def broken(self) -> Path:
        return self.config / "broken.yaml"

    @property
    def my_hang_up(self) -> Path:
        return self.config / "my-hang-up.yaml"

    @property
    def my_flow_copy(self) -> Path:
        return self.extra_a / "my-flow-copy.yaml"

    @property
    def second(self) -> Path:
        return self.extra_b / "second.yaml"


def make_folders(tmp_path: Path, extra: str) -> Folders:
    """Copy the fixture folders to `tmp_path`; `extra` is "a" or "a+b" for HANGUP_GUIDE_FLOWS."""
    config_home = tmp_path / "config"
    extra_a = shutil.copytree(FIXTURES / "extra-a", tmp_path / "extra-a")
    extra_b = shutil.copytree(FIXTURES / "extra-b", tmp_path / "extra-b")
    folders = [extra_a] if extra == "a" else [extra_a, extra_b]
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(config_home),
        FLOWS_ENV: os.pathsep.join(map(str, folders)),
        "HANGUP_GUIDE_HOME": str(tmp_path / "home"),
        "PYTHONIOENCODING": "utf-8",
        "NO_COLOR": "1",
    }
    config = config_dir(env) / "flows"
    shutil.copytree(FIXTURES / "config", config)
    return Folders(config, Path(extra_a), Path(extra_b), env)


@pytest.fixture
def one(tmp_path: Path) -> Folders:
    """The config folder, and one folder in HANGUP_GUIDE_FLOWS."""
    return make_folders(tmp_path, "a")


@pytest.fixture
def two(tmp_path: Path) -> Folders:
    """The config folder, and two folders in HANGUP_GUIDE_FLOWS, separated by os.pathsep."""
    return make_folders(tmp_path, "a+b")


def guide(folders: Folders, *args: str) -> subprocess.CompletedProcess[str]:
    return run_guide(folders.env, *args)


def row(out: str, name: str) -> str:
    """The line of `flows` whose NAME column is `name` and that is not a duplicate
    (exactly one: a duplicate of it is listed under the same name, marked so)."""
    found = [
        line
        for line in out.splitlines()
        if line.split(" ", 1)[0] == name and "duplicate:" not in line
    ]
    assert len(found) == 1, (name, out)
    return found[0]


def row_of_file(out: str, path: Path) -> str:
    """The row of a flow of the person's own: the line above its file's path."""
    lines = out.splitlines()
    under = [n for n, line in enumerate(lines) if line.strip() == str(path)]
    assert len(under) == 1, (path, out)
    assert under[0] > 0 and not lines[under[0] - 1].startswith(" "), out
    return lines[under[0] - 1]


# --- `hangup-guide flows` -------------------------------------------------------------------


def test_flows_lists_the_bundled_flows_first_with_their_sizes(two: Folders) -> None:
    done = guide(two, "flows")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["NAME", "TITLE", "NODES", "OUTCOMES", "STATUS"]
    # The default flow first, then the other bundled ones by name, before any of the
    # person's own.
    names = [line.split(" ", 1)[0] for line in lines[1:] if not line.startswith(" ")]
    assert names[: len(BUNDLED)] == list(BUNDLED)
    assert names[0] == "hang-up"
    for name, path in BUNDLED.items():
        flow = read_flow(path).flow
        assert flow is not None
        line = row(done.stdout, name)
        # Title, nodes, outcomes, status, in that order.
        assert flow.title[:36] in line
        assert line.split()[-3:] == [str(len(flow.nodes)), str(len(flow.outcomes())), "ok"]


# (the file, what its status starts with, what else the status says)
USER_ROWS = [
    # The good flow in the config folder opens.
    pytest.param("my_flow", "ok", (), id="good"),
    # The good flow in the second HANGUP_GUIDE_FLOWS folder opens too.
    pytest.param("second", "ok", (), id="good-second-folder"),
    # The file that is not YAML: "broken:", then where, as `file:line:col: error:`.
    pytest.param("broken", "broken: ", ("{broken}:9:", "error: YAML syntax"), id="broken"),
    # `flow: hang-up` again: a duplicate, naming the id and the bundled file that has it.
    pytest.param(
        "my_hang_up", "duplicate", ("`hang-up`", "{bundled_hang_up}"), id="duplicate-of-bundled"
    ),
    # `flow: my-flow` again, in a later folder: named with the file that provides it.
    pytest.param("my_flow_copy", "duplicate", ("`my-flow`", "{my_flow}"), id="duplicate-of-own"),
]


@pytest.mark.parametrize(("file", "status", "says"), USER_ROWS)
def test_flows_lists_each_of_the_persons_flows_with_its_status(
    two: Folders, file: str, status: str, says: tuple[str, ...]
) -> None:
    done = guide(two, "flows")
    assert done.returncode == 0, done.stderr
    # Each of the person's flows has its file on the line under its row.
    line = row_of_file(done.stdout, getattr(two, file))
    shown = [part.strip() for part in line.split("  ") if part.strip()]
    assert shown[-1].startswith(status), line
    places = {
        "broken": two.broken,
        "bundled_hang_up": BUNDLED["hang-up"],
        "my_flow": two.my_flow,
    }
    for fragment in says:
        assert fragment.format(**places) in shown[-1], line


def test_flows_good_rows_show_title_and_sizes(two: Folders) -> None:
    done = guide(two, "flows")
    line = row_of_file(done.stdout, two.my_flow)
    assert line.startswith("my-flow ")
    assert "My own little flow" in line
    # 4 nodes (first, mine, theirs, emergency), 3 of them outcomes.
    assert line.split()[-3:] == ["4", "3", "ok"]


def test_flows_broken_status_points_at_the_line_of_the_mistake(two: Folders) -> None:
    done = guide(two, "flows")
    line = row_of_file(done.stdout, two.broken)
    found = re.search(re.escape(str(two.broken)) + LOCATED, line)
    assert found is not None, line
    # Line 9: `ask: Is this a question: or not?`; column 28 is its second `: `.
    assert found.groups() == ("9", "28")


def test_flows_says_where_your_own_flows_go(two: Folders) -> None:
    done = guide(two, "flows")
    assert f"Your own flows go in: {two.config}, " in done.stderr
    assert two.config == Path(two.env["HANGUP_GUIDE_HOME"]) / "flows"
    for folder in (two.config, two.extra_a, two.extra_b):
        assert str(folder) in done.stderr


def test_flows_with_one_extra_folder_leaves_out_the_other(one: Folders) -> None:
    # Only extra-a is listed in HANGUP_GUIDE_FLOWS: second-flow (in extra-b) is not found.
    done = guide(one, "flows")
    assert done.returncode == 0, done.stderr
    assert str(one.second) not in done.stdout
    assert "The second folder's flow" not in done.stdout
    row_of_file(done.stdout, one.my_flow_copy)
    assert str(one.extra_b) not in done.stderr


def test_flows_json(two: Folders) -> None:
    done = guide(two, "flows", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    for entry in rows:
        assert set(entry) == {"name", "title", "nodes", "outcomes", "status", "origin", "path"}
    by_path = {entry["path"]: entry for entry in rows}
    # Every bundled flow, first, with its size and "ok".
    assert [entry["path"] for entry in rows[: len(BUNDLED)]] == [str(p) for p in BUNDLED.values()]
    for name, path in BUNDLED.items():
        flow = read_flow(path).flow
        assert flow is not None
        assert by_path[str(path)] == {
            "name": name,
            "title": flow.title,
            "nodes": len(flow.nodes),
            "outcomes": len(flow.outcomes()),
            "status": "ok",
            "origin": "bundled",
            "path": str(path),
        }
    # The person's good flow: whole.
    assert by_path[str(two.my_flow)] == {
        "name": "my-flow",
        "title": "My own little flow",
        "nodes": 4,
        "outcomes": 3,
        "status": "ok",
        "origin": "user",
        "path": str(two.my_flow),
    }
    # The ones that do not open: no title or size, and a status that says why.
    for path, start in (
        (two.broken, "broken: "),
        (two.my_hang_up, "duplicate"),
        (two.my_flow_copy, "duplicate"),
    ):
        entry = by_path[str(path)]
        assert entry["origin"] == "user"
        assert entry["title"] == ""
        assert entry["nodes"] is None and entry["outcomes"] is None
        assert entry["status"].startswith(start), entry
    assert str(two.broken) + ":9:28: error: YAML syntax" in by_path[str(two.broken)]["status"]


# --- `--flow NAME` ----------------------------------------------------------------------------


def test_the_persons_flow_opens_by_name(two: Folders) -> None:
    done = guide(two, "--flow", "my-flow", "--plain", "--answers", "1")
    assert done.returncode == 0, done.stderr
    # The config folder's my-flow, not the later copy with the same id.
    assert "Is this flow one of your own?\n  → Yes, I wrote it" in done.stdout
    assert "copy of my flow" not in done.stdout
    assert "NEXT STEP: Keep using your own flow" in done.stdout


def test_a_flow_in_the_second_extra_folder_opens_by_name(two: Folders) -> None:
    done = guide(two, "--flow", "second-flow", "--plain", "--answers", "2")
    assert done.returncode == 0, done.stderr
    assert "Did this come from the second folder?" in done.stdout
    assert "NEXT STEP: Ask whoever wrote it" in done.stdout


def test_the_broken_flow_by_name_exits_1_pointing_at_the_mistake(two: Folders) -> None:
    done = guide(two, "--flow", "broken", "--plain", "--answers", "1")
    refused(done, 1)
    assert done.stdout == ""
    # Where the mistake is, as `file:line:col: error:`, then what to do.
    assert f"{two.broken}:9:28: error: YAML syntax" in done.stderr
    assert "hangup-guide: the flow has problems; fix them first" in done.stderr


def test_the_bundled_hang_up_still_opens_not_the_duplicate(two: Folders) -> None:
    done = guide(two, "--flow", "hang-up", "--plain", "--answers", "1,1,1,Sam")
    assert done.returncode == 0, done.stderr
    assert "Do you know why the call ended?" in done.stdout
    assert "Is this the copy of hang-up?" not in done.stdout
    assert "NEXT STEP: Pick up where you left off" in done.stdout


def test_a_name_that_is_no_flow_lists_the_ones_there_are(two: Folders) -> None:
    done = guide(two, "--flow", "no-such-flow", "--plain", "--answers", "1")
    refused(done, 2)
    assert "hangup-guide: no flow named `no-such-flow`" in done.stderr
    for name in [*BUNDLED, "my-flow", "second-flow"]:
        assert name in done.stderr


def test_a_duplicate_file_named_by_its_path_walks_that_file(two: Folders) -> None:
    # `check` finds nothing wrong with it...
    checked = guide(two, "check", str(two.my_hang_up))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # ...so naming the file itself walks that file. (Its id is taken by the bundled
    # flow, which is what `--flow hang-up` opens; a path names one file.) Refusing
    # with "the flow has problems; fix them first (see `hangup-guide check`)" sends the
    # author to a check that says there are none.
    done = guide(two, "--flow", str(two.my_hang_up), "--plain", "--answers", "1")
    assert done.returncode == 0, done.stderr
    assert "Is this the copy of hang-up?" in done.stdout
    assert "NEXT STEP: Keep using your own flow" in done.stdout


# --- library.scan(), in process ----------------------------------------------------------------


def test_scan_gives_each_file_its_status(monkeypatch: pytest.MonkeyPatch, two: Folders) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", two.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("HANGUP_GUIDE_HOME", two.env["HANGUP_GUIDE_HOME"])
    monkeypatch.setenv(FLOWS_ENV, two.env[FLOWS_ENV])
    assert library.user_dirs() == [two.config, two.extra_a, two.extra_b]
    found = library.scan()
    entries = {entry.path: entry for entry in found.entries}
    # Bundled first, in their order, then the config folder by file name, then the
    # HANGUP_GUIDE_FLOWS folders in the order given.
    assert [e.path for e in found.entries] == [
        *BUNDLED.values(),
        two.broken,
        two.my_flow,
        two.my_hang_up,
        two.my_flow_copy,
        two.second,
    ]
    for path in BUNDLED.values():
        assert entries[path].status == "ok"
        assert entries[path].origin == "bundled"
    for path in (two.my_flow, two.second):
        assert entries[path].status == "ok"
        assert entries[path].origin == "user"
    broken = entries[two.broken]
    assert broken.flow is None
    assert broken.status.startswith(f"broken: {two.broken}:9:28: error: YAML syntax")
    assert entries[two.my_hang_up].duplicate_of == BUNDLED["hang-up"]
    assert entries[two.my_flow_copy].duplicate_of == two.my_flow
    # Only what opens, and each id once: the first file that has it.
    assert set(found.flows) == {*BUNDLED, "my-flow", "second-flow"}
    assert found.flows["hang-up"].path == str(BUNDLED["hang-up"])
    assert found.flows["my-flow"].path == str(two.my_flow)
    assert found.resolver()("my-flow") is found.flows["my-flow"]
    assert found.resolver()("broken-flow") is None


# (the file, the status the person reads)
DUPLICATE_STATUS = [
    # The bundled flow already has the id `hang-up`: the status names that id.
    pytest.param("my_hang_up", "hang-up", "bundled_hang_up", id="of-bundled"),
    # config/my-flow.yaml already has `my-flow`.
    pytest.param("my_flow_copy", "my-flow", "my_flow", id="of-own"),
]


@pytest.mark.parametrize(("file", "flow_id", "first"), DUPLICATE_STATUS)
def test_a_duplicate_status_names_the_id_and_the_file_that_has_it(
    monkeypatch: pytest.MonkeyPatch, two: Folders, file: str, flow_id: str, first: str
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", two.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("HANGUP_GUIDE_HOME", two.env["HANGUP_GUIDE_HOME"])
    monkeypatch.setenv(FLOWS_ENV, two.env[FLOWS_ENV])
    places = {
        "my_hang_up": two.my_hang_up,
        "my_flow_copy": two.my_flow_copy,
        "my_flow": two.my_flow,
        "bundled_hang_up": BUNDLED["hang-up"],
    }
    [entry] = [e for e in library.scan().entries if e.path == places[file]]
    # The id in the file, not the file's name: `my-hang-up` is no flow id anywhere.
    assert entry.status == f"duplicate: `{flow_id}` is already {places[first]}"


def test_scan_with_one_extra_folder(monkeypatch: pytest.MonkeyPatch, one: Folders) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", one.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("HANGUP_GUIDE_HOME", one.env["HANGUP_GUIDE_HOME"])
    monkeypatch.setenv(FLOWS_ENV, one.env[FLOWS_ENV])
    found = library.scan()
    assert set(found.flows) == {*BUNDLED, "my-flow"}
    assert one.second not in {e.path for e in found.entries}


def test_scan_without_any_folders_of_ones_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A config folder with no `flows/` in it, and no HANGUP_GUIDE_FLOWS: the bundled flows.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty"))
    monkeypatch.setenv("HANGUP_GUIDE_HOME", str(tmp_path / "empty"))
    monkeypatch.delenv(FLOWS_ENV, raising=False)
    found = library.scan()
    assert [e.path for e in found.entries] == list(BUNDLED.values())
    assert all(e.status == "ok" for e in found.entries)
