"""Where flow files are found: the bundled folder and the person's own folders.

Light on purpose (the standard library and `guide.places`): a start that finds
everything it needs in the flow cache reads no flow and imports no flow language.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from guide import places

DEFAULT_FLOW = "hang-up"
FLOWS_ENV = "HANGUP_GUIDE_FLOWS"


def bundled_dir() -> Path:
    """The folder of bundled flows: inside the installed package, else the checkout's.

    A wheel carries `flows/` as `guide/flows`; an editable install maps only the
    package folder, so there we fall back to `flows/` beside it. (The package's own
    folder, not `importlib.resources`: the flows are read as files anyway, and
    importing `importlib.resources` cost about 8 ms of every start.)
    """
    packaged = Path(__file__).resolve().parents[1] / "flows"
    if packaged.is_dir():
        return packaged
    return packaged.parents[1] / "flows"


def bundled_flows() -> list[Path]:
    """Every bundled flow file: the default flow first, then by name."""
    return sorted(bundled_dir().glob("*.yaml"), key=lambda p: (p.stem != DEFAULT_FLOW, p.name))


def bundled_decks() -> list[Path]:
    """Every bundled practice deck (`flows/practice/*.yaml`)."""
    return sorted((bundled_dir() / "practice").glob("*.yaml"))


def user_dirs() -> list[Path]:
    """The person's flow folders, in order: `flows/` where the guide keeps things
    (`guide.places`), then `HANGUP_GUIDE_FLOWS`."""
    folders = [places.flows_dir()]
    extra = os.environ.get(FLOWS_ENV, "")
    folders += [Path(part).expanduser() for part in extra.split(os.pathsep) if part.strip()]
    return folders


def is_folder(path: Path) -> bool:
    """`guide.flow.files.is_folder`, without importing the YAML reader that module needs:
    True for a folder (or a symlink to one); never raises."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def library_files(extra: list[Path]) -> list[tuple[Path, str]]:
    """Every flow file of the library with its origin ("bundled" or "user"), in order of
    precedence, then the `extra` files that are not among them."""
    found: list[tuple[Path, str]] = [(p, "bundled") for p in bundled_flows()]
    for folder in user_dirs():
        if is_folder(folder):
            found += [(p, "user") for p in sorted(folder.glob("*.yaml"))]
    known = {path for path, _ in found}
    found += [(p, "user") for p in extra if p not in known]
    return found
