"""The flow cache (issue 18): a start reads only what changed, and the cache is never
trusted past a doubt. Each test has a HANGUP_GUIDE_HOME of its own (tests/conftest.py),
so the cache is `<home>/cache/flows.json`; the person's flow is `<home>/flows/mine.yaml`.

"Read" below means the YAML was read: `guide.library.readings.load` is counted.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide import places
from guide.commands import checked
from guide.commands.flows import run_check
from guide.flow import limits
from guide.flow.loader import read_flow
from guide.flow.plaindata import NotPlain, from_plain, to_plain
from guide.history.store import Store
from guide.library import cache, readings
from guide.library.flows import FlowOpenError, bundled_flows, open_flow, scan

TINY = Path(__file__).parent / "fixtures" / "valid" / "tiny.yaml"
LONG_AGO = 1_600_000_000_000_000_000
"""An mtime (ns) well in the past: the cache keeps only files settled for two seconds."""


@pytest.fixture
def mine() -> Path:
    """The person's own flow, written a while ago."""
    folder = places.flows_dir()
    folder.mkdir(parents=True)
    path = folder / "mine.yaml"
    path.write_bytes(TINY.read_bytes())
    os.utime(path, ns=(LONG_AGO, LONG_AGO))
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the flow files read from their YAML, in order."""
    read: list[str] = []
    real = readings.load

    def counting(path: Path) -> readings.Result:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(readings, "load", counting)
    yield read


def cache_file() -> Path:
    return places.cache_dir() / cache.FILE_NAME


def title_of(path: Path) -> str:
    [entry] = [e for e in scan().entries if e.path == path]
    assert entry.about is not None
    return entry.about.title


def test_a_second_start_reads_no_flow_and_opens_the_one_asked_for(
    mine: Path, reads: list[str]
) -> None:
    first = scan()
    assert sorted(reads) == sorted([*(p.name for p in bundled_flows()), "mine.yaml"])
    assert cache_file().is_file()
    reads.clear()
    again = scan()
    assert reads == []  # a hit: every file unchanged
    assert [e.status for e in again.entries] == [e.status for e in first.entries]
    assert again.flows["tiny"] == first.flows["tiny"]  # built from the cache, the same flow
    assert open_flow(mine, again).title == "A tiny flow"
    assert reads == []


def test_the_cache_is_private_and_in_the_home(mine: Path) -> None:
    scan()
    home = places.home()
    assert home is not None and cache_file() == home / "cache" / "flows.json"
    assert stat.S_IMODE(cache_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_file().parent.stat().st_mode) == 0o700


def test_a_moved_home_has_a_cache_of_its_own(
    mine: Path, reads: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan()
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv(places.HOME_ENV, str(elsewhere))
    reads.clear()
    scan()
    assert sorted(reads) == sorted(p.name for p in bundled_flows())  # nothing kept there yet
    assert (elsewhere / "cache" / "flows.json").is_file()


# (how the file changes, as an editor might leave it)
CHANGES = [
    # Same size, another mtime: "A tiny flow" becomes "A tidy flow".
    pytest.param(b"A tidy flow", LONG_AGO + 10**9, id="same-size-new-mtime"),
    # Same mtime (set back, as `touch -d` or a copy keeping times does), another size.
    pytest.param(b"A tiny flow, longer", LONG_AGO, id="same-mtime-new-size"),
]


@pytest.mark.parametrize(("title", "mtime"), CHANGES)
def test_a_changed_file_is_read_again(
    mine: Path, reads: list[str], title: bytes, mtime: int
) -> None:
    assert title_of(mine) == "A tiny flow"
    mine.write_bytes(TINY.read_bytes().replace(b"A tiny flow", title))
    os.utime(mine, ns=(mtime, mtime))
    reads.clear()
    assert title_of(mine) == title.decode()
    assert reads == ["mine.yaml"]  # only the file that changed


def test_a_file_changed_just_now_is_not_kept(mine: Path, reads: list[str]) -> None:
    # Within the file system's clock tick another change could keep size and mtime.
    mine.touch()
    scan()
    reads.clear()
    scan()
    assert reads == ["mine.yaml"]


def test_a_new_file_in_the_folder_is_listed(mine: Path) -> None:
    scan()
    other = mine.with_name("other.yaml")
    other.write_bytes(TINY.read_bytes().replace(b"flow: tiny", b"flow: other"))
    assert "other" in scan().flows


def test_another_version_of_the_guide_ignores_the_cache(
    mine: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    scan()
    monkeypatch.setattr(cache, "__version__", "99.0")
    reads.clear()
    scan()
    assert "mine.yaml" in reads
    assert json.loads(cache_file().read_text(encoding="utf-8"))["stamp"].startswith("99.0/")


# (what the cache file holds instead of JSON the guide wrote)
DAMAGE = [
    pytest.param(b"{not json", id="not-json"),
    pytest.param(b"\xff\xfe\x00", id="not-utf8"),
    pytest.param(b"[1, 2]", id="not-an-object"),
    pytest.param(b"[" * 100_000, id="deeply-nested"),
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_cache_is_ignored_and_replaced(
    mine: Path, reads: list[str], damage: bytes
) -> None:
    scan()
    cache_file().write_bytes(damage)
    reads.clear()
    assert scan().flows["tiny"].title == "A tiny flow"
    assert "mine.yaml" in reads
    assert json.loads(cache_file().read_text(encoding="utf-8"))["files"]  # written again


def test_a_cache_of_the_right_shape_with_wrong_contents_is_read_past(
    mine: Path, reads: list[str]
) -> None:
    scan()
    document = json.loads(cache_file().read_text(encoding="utf-8"))
    for kept in document["files"].values():  # a class the model does not have
        kept["read"]["flow"] = {"$": "os.system", "v": ["echo hi"]}
    document["libraries"] = []
    cache_file().write_text(json.dumps(document), encoding="utf-8")
    reads.clear()
    assert scan().flows["tiny"].title == "A tiny flow"
    assert "mine.yaml" in reads


def test_a_cache_other_accounts_could_write_is_not_read(mine: Path, reads: list[str]) -> None:
    scan()
    cache_file().chmod(0o666)
    reads.clear()
    scan()
    assert "mine.yaml" in reads


def test_a_folder_that_cannot_be_written_leaves_the_guide_uncached(
    mine: Path, reads: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    places.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    places.cache_dir().write_text("a file where the cache folder would be", encoding="utf-8")
    assert scan().flows["tiny"].title == "A tiny flow"
    reads.clear()
    assert run_check([mine]) == 0
    assert scan().flows["tiny"].title == "A tiny flow"
    assert "mine.yaml" in reads  # nothing was kept, and nothing went wrong
    assert "Traceback" not in capsys.readouterr().err


def test_check_prints_the_same_from_the_cache_and_again_after_a_change(
    mine: Path,
    reads: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = TINY.read_bytes().replace(b"next: give-it-time", b"next: give-it-tim")
    mine.write_bytes(broken)
    os.utime(mine, ns=(LONG_AGO, LONG_AGO))
    assert run_check([mine]) == 1
    first = capsys.readouterr()
    assert "error: there is no node `give-it-tim`" in first.out
    monkeypatch.setattr("guide.flow.loader.read_flow", _must_not_read)
    assert run_check([mine]) == 1  # from the cache: nothing is read
    assert capsys.readouterr() == first
    monkeypatch.undo()
    mine.write_bytes(TINY.read_bytes())
    assert run_check([mine]) == 0
    assert "0 error(s)" in capsys.readouterr().err


def _must_not_read(path: Path, *_: object) -> None:
    raise AssertionError(f"{path} was read")


@pytest.mark.parametrize("path", bundled_flows(), ids=lambda p: p.stem)
def test_a_flow_as_plain_data_comes_back_the_same(path: Path) -> None:
    loaded = read_flow(path)
    kept = json.loads(json.dumps(to_plain(loaded.flow)))
    assert from_plain(kept) == loaded.flow


@pytest.mark.parametrize(
    "data",
    [
        {"$": "Flow", "v": []},  # the wrong number of fields
        {"$": "Path", "v": ["/"]},  # not a class of the model
        {"x": 1},  # no shape of ours
        "an escape \x1b]0;retitled\x07",  # text the loader would have refused
    ],
)
def test_plain_data_that_is_no_flow_is_refused(data: object) -> None:
    with pytest.raises(NotPlain):
        from_plain(data)


def test_a_broken_flow_gives_its_located_errors_from_the_cache_too(
    mine: Path, reads: list[str]
) -> None:
    mine.write_bytes(TINY.read_bytes().replace(b"next: give-it-time", b"next: give-it-tim"))
    os.utime(mine, ns=(LONG_AGO, LONG_AGO))
    scan()
    reads.clear()
    library = scan()
    assert reads == []
    with pytest.raises(FlowOpenError) as opening:
        open_flow(mine, library)
    line = TINY.read_text(encoding="utf-8").splitlines().index("        next: give-it-time")
    assert str(opening.value).startswith(f"{mine}:{line + 1}:15: error: there is no node")


def test_a_file_changed_between_the_scan_and_opening_it_is_checked_again(mine: Path) -> None:
    scan()
    library = scan()  # from the cache
    mine.write_bytes(TINY.read_bytes().replace(b"next: give-it-time", b"next: give-it-tim"))
    with pytest.raises(FlowOpenError, match="the file changed as it was being opened"):
        open_flow(mine, library)
    mine.write_bytes(TINY.read_bytes().replace(b"A tiny flow", b"A new title"))
    assert open_flow(mine, scan()).title == "A new title"


def test_the_cache_keeps_the_files_read_most_lately(
    mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "KEPT_FILES", 2)
    scan()
    kept = json.loads(cache_file().read_text(encoding="utf-8"))["files"]
    assert list(kept) == [str(p) for p in [*bundled_flows(), mine][-2:]]


def test_a_data_folder_the_cache_makes_is_as_private_as_the_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cache may be the first thing kept: the store, opened after, must find its
    # folder already private (else it tells the person their walks were readable).
    home = tmp_path / "new" / "home"
    monkeypatch.setenv(places.HOME_ENV, str(home))
    scan()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert not Store.open().tightened


def test_check_sees_a_file_appear_where_a_link_looked_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    links = Path(__file__).parent / "fixtures" / "links"
    alpha = tmp_path / "alpha.yaml"
    alpha.write_bytes((links / "alpha.yaml").read_bytes())
    os.utime(alpha, ns=(LONG_AGO, LONG_AGO))
    assert run_check([alpha]) == 1  # beta is nowhere: its links are errors
    assert "there is no flow `beta`" in capsys.readouterr().out
    beta = tmp_path / "beta.yaml"
    beta.write_bytes((links / "beta.yaml").read_bytes())
    os.utime(beta, ns=(LONG_AGO, LONG_AGO))
    assert run_check([alpha]) == 0  # the kept report is not used: beta came
    assert "0 error(s)" in capsys.readouterr().err


def test_kept_text_with_a_control_character_is_not_shown(
    mine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A cache the guide did not write (what it keeps never holds one): the library and
    # check work it out again rather than show an escape code.
    scan()
    assert run_check([mine]) == 0
    capsys.readouterr()
    document = json.loads(cache_file().read_text(encoding="utf-8"))
    for verdict in document["libraries"]:
        for entry in verdict["value"]:
            if entry["about"]:
                entry["about"][0] = "\x1b]0;retitled\x07"
    for report in document["checks"]:
        report["value"]["lines"] = ["\x1b[2J"]
        report["value"]["errors"] = 1
    cache_file().write_text(json.dumps(document), encoding="utf-8")
    titles = {e.about.title for e in scan().entries if e.about}  # checked again
    assert "A tiny flow" in titles and not [t for t in titles if "\x1b" in t]
    assert run_check([mine]) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_check_spells_the_loaders_control_characters() -> None:
    assert checked.CONTROL.pattern == limits.CONTROL.pattern
