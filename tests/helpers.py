"""What the command-line tests share: running `python -m guide` as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 60


def guide(
    env: Mapping[str, str],
    *args: str | Path,
    stdin: str | None = "",
    options: tuple[str, ...] = (),
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """`python [options] -m guide args` in the checkout, with `env`, typing `stdin`."""
    return subprocess.run(
        [sys.executable, *options, "-m", "guide", *map(str, args)],
        cwd=REPO,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=dict(env),
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


def guide_env(home: Path, *, config: Path | None = None, color: bool = False) -> dict[str, str]:
    """This process's environment for a guide keeping everything in `home`, with UTF-8
    output, no colour unless `color`, and neither the person's own flow folders
    (HANGUP_GUIDE_FLOWS) nor a width to wrap to (COLUMNS); `config` as XDG_CONFIG_HOME."""
    dropped = {"HANGUP_GUIDE_FLOWS", "COLUMNS"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env["HANGUP_GUIDE_HOME"] = str(home)
    if config is not None:
        env["XDG_CONFIG_HOME"] = str(config)
    env["PYTHONIOENCODING"] = "utf-8"
    if not color:
        env["NO_COLOR"] = "1"
    return env
