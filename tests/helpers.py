"""What the command-line tests share: running `python -m guide` as a person would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 60


def guide(
    env: dict[str, str],
    *args: str,
    stdin: str | None = "",
    options: tuple[str, ...] = (),
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """`python [options] -m guide args` in the checkout, with `env`, typing `stdin`."""
    return subprocess.run(
        [sys.executable, *options, "-m", "guide", *args],
        cwd=REPO,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        check=False,
    )


def lines(*typed: str) -> str:
    """What a person types, one line each."""
    return "".join(f"{line}\n" for line in typed)


def config_dir(env: Mapping[str, str]) -> Path:
    """Where the guide run with `env` keeps settings, flows and translations
    (`guide.places`): `HANGUP_GUIDE_HOME` when set, else the config folder."""
    home = env.get("HANGUP_GUIDE_HOME")
    if home:
        return Path(home).expanduser()
    return Path(env["XDG_CONFIG_HOME"]) / "hangup-guide"
