"""Finding flows: the ones shipped with the package, and files named on the command line."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from guide.flow.engine import FlowResolver
from guide.flow.loader import Loaded, read_flow
from guide.flow.model import Flow, FlowError
from guide.flow.validate import validate

DEFAULT_FLOW = "hang-up"


class FlowNotFound(LookupError):
    """No flow by that name or path; the message lists what there is."""


class FlowOpenError(Exception):
    """A flow that cannot be walked: unreadable, or with errors (one per line)."""


def open_flow(path: Path) -> Flow:
    """Load and validate a flow for walking; `FlowOpenError` lists its errors."""
    try:
        loaded = read_flow(path)
    except OSError as exc:
        raise FlowOpenError(f"{path}: error: cannot read the file: {exc.strerror or exc}") from None
    except FlowError as exc:
        raise FlowOpenError(str(exc)) from None
    if loaded.flow is None:
        raise FlowOpenError("\n".join(str(p) for p in loaded.problems))
    problems = [*loaded.problems, *validate(loaded.flow, loaded.broken)]
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        raise FlowOpenError("\n".join(errors))
    return loaded.flow


def bundled_dir() -> Path:
    """The folder of bundled flows: inside the installed package, else the checkout's.

    A wheel carries `flows/` as `guide/flows`; an editable install maps only the
    package folder, so there we fall back to `flows/` beside it.
    """
    packaged = Path(str(resources.files("guide").joinpath("flows")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "flows"


def bundled_flows() -> list[Path]:
    """Every bundled flow file: the default flow first, then by name."""
    return sorted(bundled_dir().glob("*.yaml"), key=lambda p: (p.stem != DEFAULT_FLOW, p.name))


def find_flow(name: str) -> Path:
    """A flow file from a path, or from a bundled flow's name (`hang-up`, `sales`)."""
    as_path = Path(name).expanduser()
    if as_path.suffix in (".yaml", ".yml") or "/" in name or as_path.is_file():
        if as_path.is_file():
            return as_path
        raise FlowNotFound(f"no flow file at {name}")
    for path in bundled_flows():
        if path.stem == name:
            return path
    known = ", ".join(p.stem for p in bundled_flows())
    raise FlowNotFound(f"no flow named `{name}`; the bundled flows are: {known}")


@cache
def _load_bundled(path: Path) -> Loaded | None:
    try:
        return read_flow(path)
    except (OSError, FlowError):
        return None


def linkable_flows() -> dict[str, list[str]]:
    """Node ids of every bundled flow that loads, by flow id: what `flow:node` links may name."""
    found: dict[str, list[str]] = {}
    for path in bundled_flows():
        loaded = _load_bundled(path)
        if loaded is not None and loaded.flow is not None:
            found.setdefault(loaded.flow.id, list(loaded.flow.nodes))
    return found


def resolver(extra: list[Flow] | None = None) -> FlowResolver:
    """Finds flows by id for `other-flow:node` links: `extra` first, then bundled ones."""
    by_id = {flow.id: flow for flow in extra or []}

    def resolve(flow_id: str) -> Flow | None:
        if flow_id in by_id:
            return by_id[flow_id]
        for path in bundled_flows():
            loaded = _load_bundled(path)
            if loaded is not None and loaded.ok and loaded.flow and loaded.flow.id == flow_id:
                by_id[flow_id] = loaded.flow
                return loaded.flow
        return None

    return resolve
