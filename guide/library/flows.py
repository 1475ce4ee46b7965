"""The flow library: the bundled flows, and the person's own folders of flows.

Where flows come from, in order of precedence:
1. the flows shipped with the package;
2. `flows/` where the guide keeps things (`guide.places`): `$HANGUP_GUIDE_HOME/flows/`,
   else the user config folder's, e.g. `~/.config/hangup-guide/flows/` on Linux;
3. every folder listed in `HANGUP_GUIDE_FLOWS` (separated like PATH).

A flow id seen twice keeps its first place; the later file is listed as a
duplicate. A broken flow is listed with its first problem and cannot be
opened; the others are not affected.

Every file is read and checked once, and the verdict kept in the flow cache
(`guide.library.cache`) with what the list shows of each flow (`About`). While no
file of the library changes, a scan reads none of them: a flow is built from the
cache when it is opened, and a linked flow when the walk reaches the link.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from guide.flow.files import is_regular, special_kind
from guide.flow.model import Flow, successors
from guide.flow.problems import visible
from guide.library.cache import FlowCache, files_of
from guide.library.entries import Entry, FlowNotFound, Flows, Library, Origin, origin_of
from guide.library.folders import (
    DEFAULT_FLOW,
    FLOWS_ENV,
    bundled_decks,
    bundled_dir,
    bundled_flows,
    library_files,
    user_dirs,
)
from guide.library.readings import About, Result, errors_of, load, read_file
from guide.library.verdicts import from_verdict, plain_entry

TYPE_CHECKING = False  # typing's: the walk is imported by whoever walks a flow
if TYPE_CHECKING:
    from guide.flow.steps import FlowResolver

__all__ = ["DEFAULT_FLOW", "FLOWS_ENV", "bundled_decks", "bundled_dir", "bundled_flows"]
__all__ += ["Entry", "FlowNotFound", "FlowOpenError", "Library", "find_flow", "open_flow"]
__all__ += ["resolver", "scan", "user_dirs"]

CHANGED = "the file changed as it was being opened, and now has problems: run `check` on it"


class FlowOpenError(Exception):
    """A flow that cannot be walked: unreadable, or with errors (one per line)."""


def scan(extra: Collection[Path] = (), preloaded: Mapping[Path, Result] | None = None) -> Library:
    """Find every flow, and check the ones that changed since the cache last saw them
    (plus `extra` files, e.g. from the command line).

    A flow given in `extra` may link to flows beside it: `next: team:start`
    finds `team.yaml` in the same folder when no flow `team` is known.
    `preloaded` holds files the caller has read already (a `Loaded`, or the line of
    the `FlowError` that stopped it): a 1 MB flow takes a second or more to parse.
    """
    found = library_files([])
    within = {path for path, _ in found}
    found += [(Path(p), "user") for p in extra if Path(p) not in within]
    extras = [Path(p) for p in extra]
    cache = FlowCache.load()
    # Links from a file outside the library reach for files beside it: such a scan is
    # checked afresh (from the files' cached readings), and its verdict is not kept.
    alone = len(found) == len(within) and not preloaded
    files = files_of([path for path, _ in found]) if alone else []
    kept = cache.verdict("libraries", files) if alone else None
    library = from_verdict(kept, found, cache) if kept is not None else None
    if library is None:
        library = _checked(found, extras, cache, dict(preloaded or {}))
        if alone:
            cache.keep_verdict("libraries", files, [plain_entry(e) for e in library.entries])
    cache.save()
    return library


def _checked(
    found: list[tuple[Path, str]], extras: list[Path], cache: FlowCache, done: dict[Path, Result]
) -> Library:
    """Read (or take from the cache) every file, and check each flow against the others."""
    loaded: list[tuple[Path, Origin, Result]] = [
        (path, origin_of(origin), done[path] if path in done else read_file(path, cache))
        for path, origin in found
    ]
    looked: list[Path] = []
    loaded += _neighbours(loaded, extras, cache, looked)
    first: dict[str, Path] = {}
    for path, _, result in loaded:
        if not isinstance(result, str) and result.flow is not None:
            first.setdefault(result.flow.id, path)
    known = {
        r.flow.id: r.flow
        for p, _, r in loaded
        if not isinstance(r, str) and r.flow is not None and first[r.flow.id] == p
    }
    others = {flow_id: list(flow.nodes) for flow_id, flow in known.items()}
    entries = [_entry(p, o, r, first=first, others=others, resolve=known.get) for p, o, r in loaded]
    return Library(entries, Flows(entries), looked)


def _neighbours(
    loaded: list[tuple[Path, Origin, Result]],
    extra: list[Path],
    cache: FlowCache,
    looked: list[Path],
) -> list[tuple[Path, Origin, Result]]:
    """Flows beside the `extra` files that their links name and nothing else provides."""
    ids = {r.flow.id for _, _, r in loaded if not isinstance(r, str) and r.flow}
    paths = {p for p, _, _ in loaded}
    added: list[tuple[Path, Origin, Result]] = []
    todo = [(p, r) for p, _, r in loaded if p in extra]
    while todo:
        path, result = todo.pop()
        if isinstance(result, str) or result.flow is None:
            continue
        for node in result.flow.nodes.values():
            for target in successors(node):
                beside = path.parent / f"{target.flow}.yaml"
                if not target.flow or target.flow in ids or beside in paths:
                    continue
                looked.append(beside)  # there or not, `check`'s report depends on it
                if is_regular(beside):
                    paths.add(beside)
                    ids.add(target.flow)
                    found = read_file(beside, cache)
                    added.append((beside, "user", found))
                    todo.append((beside, found))
    return added


def _entry(
    path: Path,
    origin: Origin,
    result: Result,
    *,
    first: Mapping[str, Path],
    others: Mapping[str, list[str]],
    resolve: FlowResolver,
) -> Entry:
    if isinstance(result, str):
        return Entry(path, origin, problems=(result,))
    flow = result.flow
    if flow is None:
        return Entry(path, origin, problems=tuple(str(p) for p in result.problems))
    about = About.of(flow)
    if first[flow.id] != path:
        return Entry(path, origin, about, duplicate_of=first[flow.id], flow_id=flow.id)
    errors = errors_of(result, others, resolve)
    return Entry(path, origin, about, errors, flow_id=flow.id, opener=lambda: flow)


def find_flow(name: str, library: Library | None = None) -> Path:
    """A flow file from a path, or from a flow's name (`hang-up`, `sales`, your own)."""
    as_path = Path(name).expanduser()
    if as_path.suffix in (".yaml", ".yml") or "/" in name or is_regular(as_path):
        if is_regular(as_path):
            return as_path
        kind = special_kind(as_path)
        if kind is not None:
            raise FlowNotFound(f"{visible(name)} is {kind}, not a flow file")
        known = ", ".join(e.name for e in (library or scan()).entries if e.opens)
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
            flow = entry.flow
            if flow is None and entry.opens:
                raise FlowOpenError(f"{visible(str(path))}:1:1: error: {CHANGED}")
            if flow is None:
                raise FlowOpenError("\n".join(entry.problems) or entry.status)
            return flow
    return open_flow(path, scan([path]))  # pragma: no cover - scan always lists `path`


def _open_duplicate(entry: Entry, library: Library) -> Flow:
    """A file named by its path opens even when another file has its id first."""
    result = load(entry.path)
    if isinstance(result, str):
        raise FlowOpenError(result)
    errors = errors_of(result, library.nodes(), library.flows.get)
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
