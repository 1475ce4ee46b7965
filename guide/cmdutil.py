"""What the commands share: opening a flow named on the command line, or saying why not."""

from __future__ import annotations

import sys

from guide.flow.model import Flow
from guide.library import FlowNotFound, FlowOpenError, Library, find_flow, open_flow, scan

EXIT_PROBLEMS, EXIT_UNREADABLE = 1, 2


def open_for_command(name: str) -> tuple[Flow, Library] | int:
    """The flow `name` (a flow id or a file) and the library around it, or the exit code
    after telling the person why it cannot be opened."""
    try:
        path = find_flow(name)
        library = scan([path])
        return open_flow(path, library), library
    except FlowNotFound as exc:
        print(f"hangup-guide: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except FlowOpenError as exc:
        print(exc, file=sys.stderr)
        print(
            "hangup-guide: the flow has problems; fix them first (see `hangup-guide check`)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
