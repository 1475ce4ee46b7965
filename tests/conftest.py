"""Keep every test away from the real home: the user's own flow folders (and
anything else under the config and data folders) are replaced by empty
temporary ones for the whole run, subprocesses included, and no clipboard tool
is found."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.history.store import Store
from guide.library.flows import Library, scan
from tests.helpers import guide_env

_HOME = tempfile.mkdtemp(prefix="hangup-guide-tests-")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
    os.environ.pop("HANGUP_GUIDE_FLOWS", None)
    # No test (nor any program a test starts) may fill the tmux paste buffer or the
    # desktop clipboard of whoever runs the tests: without these, `guide.faces.clipboard`
    # finds no tool to run.
    for name in ("TMUX", "TMUX_PANE", "DISPLAY", "WAYLAND_DISPLAY"):
        os.environ.pop(name, None)
    # pytest-xdist's workers set COLUMNS=80 and LINES=24, which the plain face takes as
    # the width to wrap to: a test (and its subprocesses) sets a width only on purpose.
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _own_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has a HANGUP_GUIDE_HOME of its own, which holds everything the guide
    keeps (`guide.places`): its walks, so none sees another's unfinished walk, and its
    settings.toml, where the app writes the theme it is set to, so a snapshot test's
    light theme is not the next test's. `tests.helpers.config_dir` says where settings
    and flows go. A config folder of its own too, for a test that unsets the home."""
    monkeypatch.setenv("HANGUP_GUIDE_HOME", str(tmp_path_factory.mktemp("store")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The HANGUP_GUIDE_HOME that `env` gives a guide run as a subprocess."""
    return tmp_path / "home"


@pytest.fixture
def env(tmp_path: Path, home: Path) -> dict[str, str]:
    """A person's environment for `tests.helpers.guide`: everything kept in `home`, a
    config folder of its own, UTF-8 output without colour, and no flow folders nor
    width of the person's own (only the bundled flows and the files a test names)."""
    return guide_env(home, config=tmp_path / "config")


@pytest.fixture(scope="module")
def library() -> Library:
    """The bundled flows, read once a test module."""
    return scan()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store of saved walks of the test's own, closed after it."""
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder under /tmp that every account can enter (pytest's own temp folders are
    private to root), removed after the test."""
    folder = Path(tempfile.mkdtemp(prefix="hangup-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # The phrasing corpus's rates (issue 17); here, not in tests/corpus/conftest.py,
    # because under `pytest -n` the controlling process never loads that one.
    from tests.corpus.summary import report

    report(terminalreporter)
