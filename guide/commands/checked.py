"""`check`'s output kept in the flow cache (`guide.library.cache`), for files that have
not changed since.

What `check` prints about a file depends on the file, on the other files checked with
it, on every flow of the library (links, decks), and on any file its links looked
for beside it. A report is kept with the keys of all of them, and printed again only
while every one is the same: a changed, added or removed file, a file appearing
where a link looked for it, or another version of the guide, and the files are read
and checked afresh. A run that could not read a file is not kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from guide.library.cache import FlowCache, files_of
from guide.library.folders import library_files

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (2 ms a start)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from guide.library.cache import Files

KIND = "checks"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""`guide.flow.limits.CONTROL`, spelled again: a kept check imports no flow language."""


class Report:
    """What `check` prints: the problem lines (stdout), how many are errors and
    warnings, and the files it could not read (stderr). (A plain class: `dataclasses`
    would cost a kept check a fifth of its time.)"""

    __slots__ = ("errors", "lines", "unreadable", "warnings")

    def __init__(
        self,
        lines: tuple[str, ...],
        errors: int,
        warnings: int,
        unreadable: tuple[str, ...] = (),
    ) -> None:
        self.lines = lines
        self.errors = errors
        self.warnings = warnings
        self.unreadable = unreadable


def depends(paths: Sequence[Path]) -> Files:
    """The files a check of `paths` depends on before any is read: the library's, then
    the ones named (in the order given)."""
    return files_of([path for path, _ in library_files([])] + [Path(p) for p in paths])


def checked_before(paths: Sequence[Path]) -> Report | None:
    """The report of an earlier check of the same unchanged files; None when there is none."""
    cache = FlowCache.load()
    kept = cache.verdict(KIND, depends(paths))
    try:
        if kept is None or kept["looked"] != files_of([Path(p) for p, _ in kept["looked"]]):
            return None
        lines = tuple(kept["lines"])
        errors, warnings = int(kept["errors"]), int(kept["warnings"])
    except (TypeError, ValueError, KeyError):
        return None
    if not all(_plain_line(line) for line in lines) or errors + warnings != len(lines):
        return None
    return Report(lines, errors, warnings)


def _plain_line(line: object) -> bool:
    """A line `check` printed: text without a control character."""
    return isinstance(line, str) and not CONTROL.search(line)


def keep_report(files: Files, looked: list[Path], report: Report) -> None:
    """Keep a check's report under the files it depended on (`depends`, taken before
    they were read), unless a file could not be read."""
    if report.unreadable:
        return
    cache = FlowCache.load()
    value = {
        "looked": files_of(looked),
        "lines": list(report.lines),
        "errors": report.errors,
        "warnings": report.warnings,
    }
    cache.keep_verdict(KIND, files, value)
    cache.save()
