"""What a flow file may ask of us, and the located errors past it: the part of the YAML
reader that opening a file, reading settings or a translation need, without importing
PyYAML (about 20 ms of a start that builds its flow from the cache)."""

from __future__ import annotations

import re

from guide.flow.problems import FlowError, Mark, Problem
from guide.flow.records import record


@record
class Limits:
    """How much a flow file may ask of us; past any of them, a clear error."""

    max_bytes: int = 1_048_576
    """A 4 MB flow took 6-15 s to parse: flows are far smaller than 1 MiB."""
    max_depth: int = 64
    max_yaml_nodes: int = 250_000


DEFAULT_LIMITS = Limits()


# C0/C1 controls (but tab, LF, CR), DEL, and the bidi overrides that can make
# text read differently from what it is.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def located(file: str, line: int, col: int, code: str, message: str) -> FlowError:
    """A fatal error at one place."""
    return FlowError([Problem(Mark(file, line, col), "error", code, message)])


def too_large(file: str, size: int, limits: Limits) -> FlowError:
    return located(
        file,
        1,
        1,
        "too-large",
        f"the file is {size:,} bytes; a flow may be at most {limits.max_bytes:,} bytes",
    )
