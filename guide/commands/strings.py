"""`hangup-guide strings`: the guide's own strings as a file to translate, or a check
of a translation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from guide.i18n.translation import coverage, read_catalogue, strings_dir, template


def run_strings(args: argparse.Namespace) -> int:
    """No file: print the English catalogue as TOML. A file: check it as a translation."""
    path: Path | None = args.file
    if path is None:
        sys.stdout.write(template())
        return EXIT_OK
    catalogue = read_catalogue(path)
    for problem in catalogue.problems:
        print(problem)
    if not catalogue.readable:
        return EXIT_UNREADABLE
    given, total = coverage(catalogue)
    summary = f"{path}: {given} of {total} strings translated"
    if given < total:
        summary += "; the rest stay in English"
    if catalogue.problems:
        summary += f"; {len(catalogue.problems)} problem(s)"
    print(summary, file=sys.stderr)
    if path.parent.resolve() != strings_dir().resolve():
        print(
            f"to use it: copy it to {strings_dir()}/ and set"
            f' language = "{path.stem}" in settings.toml',
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if catalogue.problems else EXIT_OK
