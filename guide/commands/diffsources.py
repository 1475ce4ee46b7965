"""The two versions `hangup-guide diff` compares: a file, or `REV:path` read from git,
each checked, with the flows it links to found beside it (at the same revision), else
among the bundled and your own flows."""

from __future__ import annotations

import posixpath
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guide.commands.errors import EXIT_UNREADABLE, CommandError
from guide.compare.report import linked
from guide.flow.files import is_regular, read_capped, special_kind
from guide.flow.loader import Loaded, load_flow
from guide.flow.model import Flow
from guide.flow.problems import FlowError, Problem, visible
from guide.flow.validate import validate
from guide.flow.yamltree import DEFAULT_LIMITS, too_large
from guide.library.flows import Library, scan

GIT_TIMEOUT = 60
"""Seconds one `git cat-file` may take."""

Beside = Callable[[str], tuple[str, bytes] | None]
"""A linked flow's id → (where it was read, its bytes), or None when it is not beside."""


@dataclass(frozen=True, slots=True)
class Version:
    """One side of the comparison: what was given, the checked flow, the flows it links to."""

    given: str
    flow: Flow
    flows: dict[str, Flow]

    def resolve(self, flow_id: str) -> Flow | None:
        return self.flows.get(flow_id)


def open_version(given: str) -> Version:
    """The flow at `given` (a file, or `REV:path` in git) with its linked flows; after
    printing its located errors, CommandError (exit 2) when it cannot be compared."""
    path = Path(given).expanduser()
    beside: Beside
    if is_regular(path):
        data = _read(path)
        beside = lambda flow_id: _beside_file(path.parent / f"{flow_id}.yaml")  # noqa: E731
    elif ":" in given and special_kind(path) is None:
        revision, inside = given.split(":", 1)
        data = git_blob(revision, inside)
        folder = posixpath.dirname(inside)
        beside = lambda flow_id: _beside_blob(revision, posixpath.join(folder, f"{flow_id}.yaml"))  # noqa: E731
    else:
        kind = special_kind(path)
        what = f"{visible(given)} is {kind}" if kind else f"there is no file {visible(given)}"
        raise CommandError(f"{what}; give a flow file, or REV:path for one in git", EXIT_UNREADABLE)
    flow, broken = _loaded(data, given)
    flows = linked(flow, _finder(beside))
    others = {flow_id: list(other.nodes) for flow_id, other in flows.items()}
    _stop_on_errors(validate(flow, broken, others, flows.get, examples=False), given)
    return Version(given, flow, flows)


def _finder(beside: Beside) -> Callable[[str], Flow | None]:
    """Finds a linked flow beside the version, else among the library's flows."""
    library: list[Library] = []

    def find(flow_id: str) -> Flow | None:
        found = beside(flow_id)
        if found is not None:
            where, data = found
            return _loaded(data, where)[0]
        if not library:
            library.append(scan())
        return library[0].flows.get(flow_id)

    return find


def _loaded(data: bytes, where: str) -> tuple[Flow, frozenset[str]]:
    """The flow in `data`, or its errors printed and CommandError."""
    try:
        loaded: Loaded = load_flow(data, where)
    except FlowError as exc:
        _stop_on_errors(exc.problems, where)
        raise  # pragma: no cover - a FlowError always holds an error
    _stop_on_errors(list(loaded.problems), where)
    if loaded.flow is None:
        raise CommandError(f"{visible(where)} is not a flow", EXIT_UNREADABLE)
    return loaded.flow, loaded.broken


def _stop_on_errors(problems: list[Problem], where: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print("\n".join(str(p) for p in errors), file=sys.stderr)
        raise CommandError(
            f"{visible(where)} has errors; fix them first (hangup-guide check)", EXIT_UNREADABLE
        )


def _read(path: Path) -> bytes:
    try:
        return read_capped(path)
    except OSError as exc:
        shown = visible(str(path))
        raise CommandError(
            f"{shown}: cannot read the file: {exc.strerror or exc}", EXIT_UNREADABLE
        ) from None
    except FlowError as exc:
        _stop_on_errors(exc.problems, str(path))
        raise  # pragma: no cover


def _beside_file(path: Path) -> tuple[str, bytes] | None:
    return (str(path), _read(path)) if is_regular(path) else None


def _beside_blob(revision: str, path: str) -> tuple[str, bytes] | None:
    data = _git_blob(revision, path, needed=False)
    return None if data is None else (f"{revision}:{path}", data)


def git_blob(revision: str, path: str) -> bytes:
    """The bytes of `path` at `revision`; CommandError when git cannot give them."""
    data = _git_blob(revision, path, needed=True)
    assert data is not None
    return data


def _git_blob(revision: str, path: str, needed: bool) -> bytes | None:
    """The bytes of `path` at `revision`, read with `git cat-file` (never a shell, never a
    textconv driver); None when it is not there and not `needed`, else CommandError."""
    given = f"{revision}:{path}"
    if revision.startswith("-"):  # git would read it as an option
        raise CommandError(f"{visible(given)}: a revision cannot start with -", EXIT_UNREADABLE)
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", given],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise CommandError(
            f"{visible(given)} names a file in git, but `git` is not installed", EXIT_UNREADABLE
        ) from None
    except (OSError, ValueError) as exc:  # a NUL in the name, a name the system refuses
        raise CommandError(f"git cannot read {visible(given)}: {exc}", EXIT_UNREADABLE) from None
    except subprocess.TimeoutExpired:
        raise CommandError(f"git took too long to read {visible(given)}", EXIT_UNREADABLE) from None
    if done.returncode != 0:
        if not needed:
            return None
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = visible(why[-1]) if why else f"git exited with {done.returncode}"
        raise CommandError(f"git cannot read {visible(given)}: {reason}", EXIT_UNREADABLE)
    if len(done.stdout) > DEFAULT_LIMITS.max_bytes:
        _stop_on_errors(too_large(given, len(done.stdout), DEFAULT_LIMITS).problems, given)
    return done.stdout
