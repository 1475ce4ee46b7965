"""A library's verdict kept in the flow cache, and the library built back from it: each
entry as the scan that checked it gave it, and each flow built from the cache only
when it is opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guide.flow.model import Flow
from guide.library.cache import FlowCache, key_of
from guide.library.entries import Entry, Flows, Library, Opener, origin_of
from guide.library.readings import About, errors_of, kept_text, load, read_file


def plain_entry(entry: Entry) -> dict[str, Any]:
    return {
        "path": str(entry.path),
        "origin": entry.origin,
        "about": entry.about.plain() if entry.about else None,
        "problems": list(entry.problems),
        "duplicate_of": None if entry.duplicate_of is None else str(entry.duplicate_of),
        "flow_id": entry.flow_id,
    }


def from_verdict(kept: Any, found: list[tuple[Path, str]], cache: FlowCache) -> Library | None:
    """The library as the cache keeps it for these very files; None if it does not fit."""
    try:
        entries = [_kept_entry(plain, cache) for plain in kept]
    except (TypeError, ValueError, KeyError):
        return None
    if [e.path for e in entries] != [path for path, _ in found]:
        return None
    return Library(entries, Flows(entries))


def _kept_entry(plain: dict[str, Any], cache: FlowCache) -> Entry:
    path = Path(kept_text(plain["path"]))
    about = None if plain["about"] is None else About.from_plain(plain["about"])
    problems = tuple(kept_text(p) for p in plain["problems"])
    duplicate = plain["duplicate_of"]
    return Entry(
        path,
        origin_of(plain["origin"]),
        about,
        problems,
        None if duplicate is None else Path(kept_text(duplicate)),
        kept_text(plain["flow_id"]),
        opener=_opener(path, cache),
    )


def _opener(path: Path, cache: FlowCache) -> Opener:
    """Builds the flow the cache keeps for `path` as it was checked. A file changed since
    the scan is read and checked again (links to other flows aside: their verdict was the
    scan's), and opens only without errors."""

    def opened() -> Flow | None:
        if cache.read(path, key_of(path)) is not None:
            result = read_file(path, cache)
            return None if isinstance(result, str) else result.flow
        result = load(path)
        if isinstance(result, str) or result.flow is None or errors_of(result, None, None):
            return None
        return result.flow

    return opened
