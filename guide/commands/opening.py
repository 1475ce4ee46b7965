"""What the commands share: opening a flow named on the command line, or saying why not,
and whether the full-screen app can run (a console that cannot crash on an odd encoding
is `guide.commands.console`, re-exported here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from guide.commands.console import LOOKALIKE_ERRORS, PLAIN_LOOKALIKES, tolerant_console
from guide.commands.errors import EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.flow.files import is_regular
from guide.flow.model import Flow
from guide.library.flows import FlowNotFound, FlowOpenError, Library, find_flow, open_flow, scan

__all__ = ["LOOKALIKE_ERRORS", "PLAIN_LOOKALIKES", "need_a_terminal", "open_for_command"]
__all__ += ["tolerant_console"]


def need_a_terminal(plain_command: str) -> None:
    """CommandError, saying why and what to run instead, when the full-screen app cannot
    run here: it reads keys from stdin and draws on stderr, so both must be a terminal
    that can move the cursor (not TERM=dumb). In a browser tab (textual-serve sets
    TEXTUAL_DRIVER) there is no terminal, and none is needed."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return
    if not _is_terminal(sys.stdin):
        why = "the input is not a terminal"
    elif not _is_terminal(sys.stderr):
        why = "the error output, where it draws, is not a terminal"
    elif os.environ.get("TERM") == "dumb":
        why = "this terminal (TERM=dumb) cannot draw it"
    else:
        return
    raise CommandError(
        f"the full-screen app needs a terminal, but {why}."
        f" For the line-by-line guide, which works anywhere: {plain_command}",
        EXIT_UNREADABLE,
    )


def _is_terminal(stream: object) -> bool:
    try:
        return stream is not None and bool(stream.isatty())  # type: ignore[attr-defined]  # any stream object may stand in for stdin
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def open_for_command(name: str) -> tuple[Flow, Library]:
    """The flow `name` (a flow id or a file) and the library around it; CommandError,
    after the flow's problems if it has any, when it cannot be opened."""
    try:
        # One scan: every flow is loaded and checked (links need them), which is most
        # of the start-up time; a file named on the command line joins that scan.
        given = Path(name).expanduser()
        library = scan([given]) if is_regular(given) else scan()
        path = find_flow(name, library)
        return open_flow(path, library), library
    except FlowNotFound as exc:
        raise CommandError(str(exc), EXIT_UNREADABLE) from None
    except FlowOpenError as exc:
        print(exc, file=sys.stderr)  # the problems, one located line each
        raise CommandError(
            "the flow has problems; fix them first (see `hangup-guide check`)", EXIT_PROBLEMS
        ) from None
