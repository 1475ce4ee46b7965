"""The flow library: the bundled flows, and the person's own folders of flows.

Where flows come from, in order of precedence:
1. the flows shipped with the package;
2. `flows/` where the guide keeps things (`guide.places`): `$HANGUP_GUIDE_HOME/flows/`,
   else the user config folder's, e.g. `~/.config/hangup-guide/flows/` on Linux;
3. every folder listed in `HANGUP_GUIDE_FLOWS` (separated like PATH).

A flow id seen twice keeps its first place; the later file is listed as a
duplicate. A broken flow is listed with its first problem and cannot be
opened; the others are not affected.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from guide import places
from guide.flow.files import is_folder, is_regular, special_kind
from guide.flow.loader import Loaded, read_flow
from guide.flow.model import Flow, successors
from guide.flow.problems import FlowError, visible
from guide.flow.steps import FlowResolver
from guide.flow.validate import validate

DEFAULT_FLOW = "hang-up"
FLOWS_ENV = "HANGUP_GUIDE_FLOWS"
Origin = Literal["bundled", "user"]


class FlowNotFound(LookupError):
    """No flow by that name or path; the message lists what there is."""


class FlowOpenError(Exception):
    """A flow that cannot be walked: unreadable, or with errors (one per line)."""


def bundled_dir() -> Path:
    """The folder of bundled flows: inside the installed package, else the checkout's.

    A wheel carries `flows/` as `guide/flows`; an editable install maps only the
    package folder, so there we fall back to `flows/` beside it.
    """
    packaged = Path(str(resources.files("guide").joinpath("flows")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "flows"


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


@dataclass(frozen=True, slots=True)
class Entry:
    """One flow file of the library and whether it can be opened."""

    path: Path
    origin: Origin
    flow: Flow | None = None
    """The validated flow; None when it cannot be opened."""
    problems: tuple[str, ...] = ()
    """Its errors, one `file:line:col: error: message` each, when it cannot be opened."""
    duplicate_of: Path | None = None
    """The file that already provides this flow id, for a duplicate."""
    flow_id: str = ""
    """The `flow:` id the file declares, when it could be read that far."""

    @property
    def name(self) -> str:
        return self.flow_id or self.path.stem

    @property
    def status(self) -> str:
        if self.duplicate_of is not None:
            return f"duplicate: `{self.name}` is already {self.duplicate_of}"
        if self.flow is None:
            return "broken: " + (self.problems[0] if self.problems else "cannot be read")
        return "ok"


@dataclass
class Library:
    """Every flow that can be found, and the ones that can be opened, by id."""

    entries: list[Entry] = field(default_factory=list)
    flows: dict[str, Flow] = field(default_factory=dict)

    def resolver(self) -> FlowResolver:
        return self.flows.get

    def find(self, name: str) -> Entry:
        """An entry by flow id or file name; `FlowNotFound` lists the names there are."""
        for entry in self.entries:
            if entry.duplicate_of is None and name in (entry.name, entry.path.stem):
                return entry
        known = ", ".join(e.name for e in self.entries if e.flow is not None)
        raise FlowNotFound(f"no flow named `{visible(name)}`; the flows are: {known}")


def scan(
    extra: Collection[Path] = (), preloaded: Mapping[Path, Loaded | str] | None = None
) -> Library:
    """Find, load and check every flow (plus `extra` files, e.g. from the command line).

    A flow given in `extra` may link to flows beside it: `next: team:start`
    finds `team.yaml` in the same folder when no flow `team` is known.
    `preloaded` holds files the caller has read already (a `Loaded`, or the line of
    the `FlowError` that stopped it): a 1 MB flow takes a second or more to parse.
    """
    done = dict(preloaded or {})
    found: list[tuple[Path, Origin]] = [(p, "bundled") for p in bundled_flows()]
    for folder in user_dirs():
        if is_folder(folder):
            found += [(p, "user") for p in sorted(folder.glob("*.yaml"))]
    found += [(Path(p), "user") for p in extra if Path(p) not in {f for f, _ in found}]
    loaded = [(path, origin, done[path] if path in done else _load(path)) for path, origin in found]
    loaded += _neighbours(loaded, [Path(p) for p in extra])
    first: dict[str, Path] = {}
    for path, _, result in loaded:
        if isinstance(result, Loaded) and result.flow is not None:
            first.setdefault(result.flow.id, path)
    known = {
        r.flow.id: r.flow
        for p, _, r in loaded
        if isinstance(r, Loaded) and r.flow is not None and first[r.flow.id] == p
    }
    library = Library()
    for path, origin, result in loaded:
        library.entries.append(_entry(path, origin, result, first, known))
    library.flows = {e.flow.id: e.flow for e in library.entries if e.flow is not None}
    return library


def _neighbours(
    loaded: list[tuple[Path, Origin, Loaded | str]], extra: list[Path]
) -> list[tuple[Path, Origin, Loaded | str]]:
    """Flows beside the `extra` files that their links name and nothing else provides."""
    ids = {r.flow.id for _, _, r in loaded if isinstance(r, Loaded) and r.flow}
    paths = {p for p, _, _ in loaded}
    added: list[tuple[Path, Origin, Loaded | str]] = []
    todo = [(p, r) for p, _, r in loaded if p in extra]
    while todo:
        path, result = todo.pop()
        if not isinstance(result, Loaded) or result.flow is None:
            continue
        for node in result.flow.nodes.values():
            for target in successors(node):
                beside = path.parent / f"{target.flow}.yaml"
                if (
                    target.flow
                    and target.flow not in ids
                    and beside not in paths
                    and is_regular(beside)
                ):
                    paths.add(beside)
                    ids.add(target.flow)
                    found = _load(beside)
                    added.append((beside, "user", found))
                    todo.append((beside, found))
    return added


def _load(path: Path) -> Loaded | str:
    try:
        return read_flow(path)
    except OSError as exc:
        return f"{visible(str(path))}: error: cannot read the file: {exc.strerror or exc}"
    except FlowError as exc:
        return str(exc.problems[0])


def _entry(
    path: Path,
    origin: Origin,
    result: Loaded | str,
    first: Mapping[str, Path],
    known: Mapping[str, Flow],
) -> Entry:
    if isinstance(result, str):
        return Entry(path, origin, problems=(result,))
    flow = result.flow
    if flow is None:
        return Entry(path, origin, problems=tuple(str(p) for p in result.problems))
    if first[flow.id] != path:
        return Entry(path, origin, duplicate_of=first[flow.id], flow_id=flow.id)
    errors = _errors(result, known)
    return Entry(path, origin, None if errors else flow, errors, flow_id=flow.id)


def _errors(loaded: Loaded, known: Mapping[str, Flow]) -> tuple[str, ...]:
    assert loaded.flow is not None
    others = {flow_id: list(flow.nodes) for flow_id, flow in known.items()}
    # Examples are `check`'s and `test`'s work: walking them made every start slow.
    found = validate(loaded.flow, loaded.broken, others, known.get, examples=False)
    problems = [*loaded.problems, *found]
    return tuple(str(p) for p in problems if p.severity == "error")


def find_flow(name: str, library: Library | None = None) -> Path:
    """A flow file from a path, or from a flow's name (`hang-up`, `sales`, your own)."""
    as_path = Path(name).expanduser()
    if as_path.suffix in (".yaml", ".yml") or "/" in name or is_regular(as_path):
        if is_regular(as_path):
            return as_path
        kind = special_kind(as_path)
        if kind is not None:
            raise FlowNotFound(f"{visible(name)} is {kind}, not a flow file")
        known = ", ".join(e.name for e in (library or scan()).entries if e.flow is not None)
        raise FlowNotFound(f"no flow file at {visible(name)}; the flows are: {known}")
    return (library or scan()).find(name).path


def open_flow(path: Path, library: Library | None = None) -> Flow:
    """Load and validate a flow for walking, links to other flows included.

    `FlowOpenError` lists its errors, one per line.
    """
    library = library or scan([path])
    for entry in library.entries:
        if entry.path == path or _same(entry.path, path):
            if entry.duplicate_of is not None:
                return _open_duplicate(entry, library)
            if entry.flow is None:
                raise FlowOpenError("\n".join(entry.problems) or entry.status)
            return entry.flow
    return open_flow(path, scan([path]))  # pragma: no cover - scan always lists `path`


def _open_duplicate(entry: Entry, library: Library) -> Flow:
    """A file named by its path opens even when another file has its id first."""
    result = _load(entry.path)
    if isinstance(result, str):
        raise FlowOpenError(result)
    errors = _errors(result, library.flows)
    if errors or result.flow is None:
        raise FlowOpenError("\n".join(errors))
    return result.flow


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:  # pragma: no cover - resolve rarely fails
        return False


def resolver(extra: list[Flow] | None = None) -> FlowResolver:
    """Finds flows by id for `other-flow:node` links: `extra` first, then the library."""
    by_id = {flow.id: flow for flow in extra or []}
    library: Library | None = None

    def resolve(flow_id: str) -> Flow | None:
        nonlocal library
        if flow_id not in by_id:
            library = library or scan()
            if flow_id in library.flows:
                by_id[flow_id] = library.flows[flow_id]
        return by_id.get(flow_id)

    return resolve
