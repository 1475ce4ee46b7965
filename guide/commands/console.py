"""A console that cannot crash on an odd encoding: what the command line sets up before
anything else (light: the standard library's `codecs`, `io` and `sys` only)."""

from __future__ import annotations

import codecs
import io
import sys

# What the guide's own typography becomes on a console that cannot show it (ASCII,
# Latin-1); anything else it cannot show becomes "?".
PLAIN_LOOKALIKES = {
    "\u2192": "->",
    "\u2190": "<-",
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2500": "-",
    "\u2014": "--",
    "\u2013": "-",
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": "-",
    "\u25b8": ">",
    "\u00a0": " ",
}
LOOKALIKE_ERRORS = "hangup-guide-lookalike"


def _lookalike(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    shown = error.object[error.start : error.end]
    return "".join(PLAIN_LOOKALIKES.get(char, "?") for char in shown), error.end


codecs.register_error(LOOKALIKE_ERRORS, _lookalike)


def tolerant_console() -> None:
    """Never crash on the console's encoding: on one that is not UTF (PYTHONIOENCODING=
    latin-1, ascii) what it cannot show is written as a lookalike or "?", and bytes typed
    that are not in its encoding are read as U+FFFD instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _is_utf(stream.encoding):
            stream.reconfigure(errors=LOOKALIKE_ERRORS)
    if isinstance(sys.stdin, io.TextIOWrapper) and sys.stdin.errors == "strict":
        sys.stdin.reconfigure(errors="replace")


def _is_utf(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False
