"""What a start imports (issue 18): the costly modules stay off the start path, so a
change that pulls one back in fails here rather than only in a benchmark.

Each case runs in a fresh interpreter, after one run that fills the flow cache."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO

LOADED = """
import io, sys
from guide.cli import main
out, sys.stdout = sys.stdout, io.StringIO()
main(sys.argv[1:])
sys.stdout = out
print(" ".join(sorted(sys.modules)))
"""


def modules_after(argv: list[str], env: dict[str, str]) -> set[str]:
    for _ in range(2):  # the first run fills the flow cache; the second is measured
        done = subprocess.run(
            [sys.executable, "-c", LOADED, *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=False,
            timeout=60,
        )
        assert done.returncode in (0, 1), done.stderr
    return set(done.stdout.split())


# (the command line, modules it must not import: why)
NEVER = {
    "yaml": "the flow is built from the cache, not read",
    "guide.flow.loader": "the YAML reader",
    "guide.flow.validate": "the verdict is kept",
    "dataclasses": "records, not dataclasses (dataclasses imports inspect)",
    "sqlite3": "nothing is saved",
    "textual": "the plain face",
    "shutil": "imports bz2 and lzma",
    "tomllib": "no settings file",
}


def test_a_plain_walk_from_the_cache_imports_none_of_the_costly_modules(
    env: dict[str, str],
) -> None:
    loaded = modules_after(["--answers", "!", "--no-save"], env)
    assert "guide.flow.engine" in loaded  # it did walk
    assert {name: why for name, why in NEVER.items() if name in loaded} == {}


def test_a_kept_check_imports_no_flow_language(env: dict[str, str]) -> None:
    loaded = modules_after(["check"], env)
    assert "guide.commands.checked" in loaded  # it did check
    assert not [name for name in loaded if name.startswith(("guide.flow", "yaml"))]


SCREENS = ("decks", "practice", "history", "map", "picker", "keys", "why", "note", "words")


def test_the_app_imports_only_the_chat_before_its_first_frame() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, guide.faces.tui.app; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        timeout=60,
    )
    loaded = set(done.stdout.split())
    assert "guide.faces.tui.screens.chat" in loaded
    early = [s for s in SCREENS if f"guide.faces.tui.screens.{s}" in loaded]
    assert early == []
    assert "yaml" not in loaded and "guide.checkin.asking" not in loaded
    assert "guide.history.store" not in loaded  # only a walk that is kept needs the store
