"""Where the guide keeps things (`guide.places`): `HANGUP_GUIDE_HOME` moves all of it
(saved walks, settings, the person's flows, translations), so a test or a portable
install is one variable; without it, the system's data and config folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide import places
from guide.history.store import FILE_NAME, default_path
from guide.i18n.translation import strings_dir
from guide.library.flows import FLOWS_ENV, user_dirs
from guide.library.settings import settings_path
from tests.helpers import guide, lines

REPO = Path(__file__).resolve().parents[1]
TINY = REPO / "tests" / "fixtures" / "valid" / "tiny.yaml"


def test_the_home_holds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "portable"
    monkeypatch.setenv("HANGUP_GUIDE_HOME", str(home))
    monkeypatch.delenv(FLOWS_ENV, raising=False)
    assert default_path() == home / FILE_NAME
    assert settings_path() == home / "settings.toml"
    assert user_dirs() == [home / "flows"]
    assert strings_dir() == home / "strings"


def test_without_a_home_the_system_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANGUP_GUIDE_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(FLOWS_ENV, raising=False)
    config = tmp_path / "config" / "hangup-guide"
    assert default_path() == tmp_path / "data" / "hangup-guide" / FILE_NAME
    assert settings_path() == config / "settings.toml"
    assert user_dirs() == [config / "flows"]
    assert strings_dir() == config / "strings"


def test_a_home_of_tilde_is_the_persons_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANGUP_GUIDE_HOME", "~/guide-here")
    assert places.config_dir() == places.data_dir() == Path.home() / "guide-here"


def test_only_places_asks_platformdirs() -> None:
    askers = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "guide").rglob("*.py")
        if "platformdirs" in path.read_text(encoding="utf-8")
    )
    assert askers == ["guide/places.py"]


def test_one_variable_moves_flows_settings_translations_and_walks(tmp_path: Path) -> None:
    home = tmp_path / "portable"
    (home / "flows").mkdir(parents=True)
    (home / "strings").mkdir()
    (home / "flows" / "tiny.yaml").write_bytes(TINY.read_bytes())
    (home / "settings.toml").write_text('language = "xx"\n', encoding="utf-8")
    (home / "strings" / "xx.toml").write_text('plain_commands = "XX commands"\n', encoding="utf-8")
    env = {
        **{k: v for k, v in os.environ.items() if k not in (FLOWS_ENV, "COLUMNS")},
        "HANGUP_GUIDE_HOME": str(home),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    listed = guide(env, "flows")
    assert listed.returncode == 0, listed.stderr
    assert f"Your own flows go in: {home / 'flows'} " in listed.stderr
    walked = guide(env, "--flow", "tiny", "--plain", stdin=lines("1"))
    assert walked.returncode == 0, walked.stderr
    assert "XX commands" in walked.stdout  # settings.toml and strings/ read from the home
    assert "NEXT STEP" in walked.stdout  # the flow found in home/flows
    assert (home / FILE_NAME).is_file()  # the walk kept there
    assert not (tmp_path / "config").exists() and not (tmp_path / "data").exists()
