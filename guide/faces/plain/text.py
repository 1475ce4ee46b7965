"""Lines of the plain face fitted to the terminal: wrapped between words, with a
hanging indent under numbered and bulleted items.

How wide: a terminal's own width (`COLUMNS` first, as `shutil.get_terminal_size`
reads it), kept between MIN_WIDTH and MAX_WIDTH. Output that is not a terminal (a
pipe, a file) is not wrapped unless `COLUMNS` is set: whatever reads it (grep, a
script, an editor, a screen reader's review of a log) is better served by one line
per sentence and re-wraps to its own width anyway.

Widths are counted in characters (textwrap's way): a line of wide characters (CJK,
emoji) can come out wider on screen, and the terminal folds it.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import textwrap
from typing import TextIO

MIN_WIDTH = 20
"""Below this a numbered item's hanging indent leaves too little room for words; a
narrower terminal folds the lines itself."""
MAX_WIDTH = 100
"""Long lines are hard to follow back to the next line's start; 100 still fits every
line the guide writes on an 80-column terminal unbroken."""

# The start of an item whose continuation lines hang under its text: an indent, then
# a number ("1." "12)"), a key ("a)" "!)"), or a bullet ("-" "•" "→"), then spaces.
ITEM = re.compile(r"( *)(?:(?:\d{1,3}[.)]|[^\s\d]\)|[-•*→])(?= ))? *")


def line_width(stream: TextIO) -> int | None:
    """The width to wrap `stream`'s lines to, or None not to wrap (see the module's doc)."""
    if not os.environ.get("COLUMNS") and not _is_terminal(stream):
        return None
    return max(MIN_WIDTH, min(MAX_WIDTH, terminal_columns()))


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, read the same way (`COLUMNS`, else stdout's
    terminal, else 80) without importing shutil, which imports bz2 and lzma: a few
    milliseconds of every start, which the command line's help asks for too."""
    try:
        found = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        found = 0
    if found <= 0:
        try:
            found = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # no stdout: caught below
        except (AttributeError, ValueError, OSError):
            found = 0
    return found or 80


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def wrap(text: str, width: int | None) -> str:
    """`text` with each of its lines wrapped to `width` (None: as it is). Blank lines
    stay; an item's continuation lines line up under its text, other lines under
    their own indent. A word longer than the width is left whole on a line of its
    own (a URL cut in two no longer works when copied); the terminal folds it."""
    if width is None:
        return text
    return "\n".join(_wrap_line(line, width) for line in text.split("\n"))


def _wrap_line(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    if _is_rule(line):
        return line[:width]
    start = ITEM.match(line)
    head = start.group(0) if start else ""
    body = line[len(head) :]
    if not body.strip() or len(head) > width // 2:  # an indent too deep to hang from
        head, body = head[: len(head) - len(head.lstrip(" "))], line.lstrip(" ")
    return "\n".join(
        textwrap.wrap(
            body,
            width,
            initial_indent=head,
            subsequent_indent=" " * len(head),
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def _is_rule(line: str) -> bool:
    """A line drawn with one character ("────"): cut to the width, never wrapped."""
    return len(set(line)) == 1 and not line[0].isalnum()


def wrap_prompt(prompt: str, width: int | None) -> str:
    """A prompt wrapped so that its last line, where the typing starts, keeps its
    trailing space and leaves the cursor inside the width."""
    words = prompt.rstrip(" ")
    if width is None or len(prompt) <= width:
        return prompt
    trail = prompt[len(words) :]
    return wrap(words, max(1, width - len(trail))) + trail


def as_shown(text: str, stream: TextIO) -> str:
    """`text` as `stream` will show it: on a console that is not UTF the guide's
    typography becomes lookalikes ("→" is "->"), so lines are measured after that."""
    encoding = getattr(stream, "encoding", None)
    errors = getattr(stream, "errors", None) or "strict"
    try:
        if not encoding or codecs.lookup(encoding).name.startswith("utf"):
            return text
        return text.encode(encoding, errors).decode(encoding, "replace")
    except (UnicodeError, LookupError):  # an unknown encoding, or one it cannot show
        return text
