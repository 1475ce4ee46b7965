"""Places in a flow file and the located problems that point at them.

`Problem` is one thing wrong, worded and coded; `FlowError` carries the
problems of a flow that cannot be read at all. Nothing here does I/O.
"""

from __future__ import annotations

import re
from typing import Literal

from guide.flow.records import record

Severity = Literal["error", "warning"]


@record
class Mark:
    """A place in a flow file; `line` and `col` count from 1, as editors do."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{visible(self.file)}:{self.line}:{self.col}"


NOWHERE = Mark("<flow>", 1, 1)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """Text safe to print on one terminal line: controls and line breaks as `\\xNN` escapes,
    and a byte that was not UTF-8 (in a file name: a lone surrogate) as `\\xNN` too."""
    return _UNPRINTABLE.sub(_escaped, text)


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    if "\udc80" <= char <= "\udcff":  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{ord(char) - 0xDC00:02x}"
    return repr(char)[1:-1]


@record
class Problem:
    """One thing wrong with a flow, located and worded for the person who wrote it.

    `code` is a stable short name (`unknown-key`, `dead-end`, ...) for tests and
    tools; `message` is the sentence a person reads.
    """

    mark: Mark
    severity: Severity
    code: str
    message: str

    def __post_init__(self) -> None:
        # Messages quote what the author wrote; printed as-is, an escape code in
        # a key would reach the terminal, and a line break would split the line.
        object.__setattr__(self, "message", visible(self.message))

    def __str__(self) -> str:
        return f"{self.mark}: {self.severity}: {self.message}"


class FlowError(Exception):
    """A flow that cannot be read at all (bad bytes, bad YAML, over a limit).

    Carries the located problems; `str()` gives them one per line, ready to print.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
