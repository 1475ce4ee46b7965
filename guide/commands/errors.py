"""How a command ends in failure: one `CommandError` that `guide.cli.main` prints, and
the exit codes every command shares (README and docs/security.md document them)."""

from __future__ import annotations

EXIT_OK = 0
"""Done; also a walk or a practice round the person ended, and nothing to report."""
EXIT_PROBLEMS = 1
"""Problems found (`check`, `test`, `strings FILE`), nothing there (no walk with that
id, no saved advice to read back), or refused (a file would be replaced, the store
cannot be used, `wipe` with no one to ask)."""
EXIT_UNREADABLE = 2
"""What was given cannot be read or used: a file or flow that does not open, a name or
value that is not one, no terminal for the app, a server that cannot listen. argparse
uses the same code for its usage errors."""
EXIT_INTERRUPTED = 130
"""Ctrl+C, as shells report a SIGINT."""


class CommandError(Exception):
    """The command cannot go on: `message` (one line, without the `hangup-guide:`
    prefix) goes to stderr once, and the process exits with `exit_code`."""

    def __init__(self, message: str, exit_code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
