"""The flow commands: `check` (problems, located) and `flows` (the library).

`check` of files that have not changed since the last `check` of the same files,
with the same library, prints what it printed then, from the flow cache
(`guide.commands.checked`); only then does it read nothing. The flow language is
imported only when something is read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from guide.commands.checked import Report, checked_before, depends, keep_report
from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.library.folders import FLOWS_ENV, bundled_decks, bundled_flows, user_dirs


def run_check(paths: Sequence[Path]) -> int:
    """`hangup-guide check`: every problem of every file, one line each, on stdout."""
    report = checked_before(paths)
    if report is None:
        before = depends(paths)  # the files' keys before they are read, and after
        report, looked = check_now(paths)
        if depends(paths) == before:
            keep_report(before, looked, report)
    for line in report.unreadable:
        print(line, file=sys.stderr)
    for line in report.lines:
        print(line)
    print(
        f"checked {len(paths)} file(s): {report.errors} error(s), {report.warnings} warning(s)",
        file=sys.stderr,
    )
    if report.unreadable:
        return EXIT_UNREADABLE
    return EXIT_PROBLEMS if report.lines else EXIT_OK


def check_now(paths: Sequence[Path]) -> tuple[Report, list[Path]]:
    """Read and check every file; the report, and the files looked for beside them."""
    from guide.flow.loader import Loaded, read_flow
    from guide.flow.problems import FlowError, Problem, visible
    from guide.flow.validate import validate
    from guide.library.flows import scan
    from guide.library.readings import Result
    from guide.practice.deck import Deck, is_deck, read_deck
    from guide.practice.validate import validate_deck

    problems: list[Problem] = []
    results: list[Loaded] = []
    read: dict[Path, Result] = {}  # each file is parsed once, here
    decks: list[Deck] = []
    unreadable: list[str] = []
    for path in paths:
        try:
            if is_deck(_head(path)):
                deck, found = read_deck(path)
                problems += found
                decks += [deck] if deck else []
                continue
            results.append(read_flow(path))
            read[path] = results[-1]
        except OSError as exc:  # not a problem in a file: there is no file to point into
            shown = visible(str(path))
            unreadable.append(f"{shown}: error: cannot read the file: {exc.strerror or exc}")
        except FlowError as exc:
            problems += exc.problems
            read[path] = str(exc.problems[0])
    library = scan(paths, read)
    known = {i: library.flows[i] for i in library.flows}
    known.update({r.flow.id: r.flow for r in results if r.flow})
    others = {flow_id: list(flow.nodes) for flow_id, flow in known.items()}
    for loaded in results:
        problems += loaded.problems
        if loaded.flow is not None:
            problems += validate(loaded.flow, loaded.broken, others, known.get)
    for deck in decks:
        problems += validate_deck(deck, known)
    errors = sum(p.severity == "error" for p in problems)
    lines = tuple(str(p) for p in problems)
    return Report(lines, errors, len(problems) - errors, tuple(unreadable)), library.looked


def run_flows(as_json: bool) -> int:
    """`hangup-guide flows`: every flow found, with its size and whether it opens."""
    from guide.flow.problems import visible
    from guide.library.flows import scan

    library = scan()
    rows = [
        {  # names and paths escaped: a file's name may hold any byte but / and NUL
            "name": visible(entry.name),
            "title": entry.about.title if entry.opens and entry.about else "",
            "nodes": len(entry.about.nodes) if entry.opens and entry.about else None,
            "outcomes": entry.about.outcomes if entry.opens and entry.about else None,
            "status": visible(entry.status),
            "origin": entry.origin,
            "path": visible(str(entry.path)),
        }
        for entry in library.entries
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{'NAME':<18} {'TITLE':<36} {'NODES':>5} {'OUTCOMES':>8}  STATUS")
    for row in rows:
        nodes = "" if row["nodes"] is None else row["nodes"]
        outcomes = "" if row["outcomes"] is None else row["outcomes"]
        print(
            f"{row['name']:<18} {str(row['title'])[:36]:<36} {nodes:>5} {outcomes:>8}  {row['status']}"
        )
        if row["origin"] == "user":
            print(f"{'':<18} {row['path']}")
    folders = ", ".join(visible(str(d)) for d in user_dirs())
    print(f"\nYour own flows go in: {folders} (or folders listed in ${FLOWS_ENV})", file=sys.stderr)
    return EXIT_OK


def _head(path: Path) -> bytes:
    """The start of a file: enough to tell a deck from a flow."""
    from guide.flow.files import open_regular

    with open_regular(path) as handle:  # a FIFO would wait for a writer for ever
        return handle.read(4096)


def run_check_command(args: argparse.Namespace) -> int:
    """`hangup-guide check [FILE|NAME...]`: the files or flows named, or every bundled
    flow and deck."""
    return run_check(_by_name(args.files) or [*bundled_flows(), *bundled_decks()])


def _by_name(given: list[Path]) -> list[Path]:
    """Each file as given; a flow's name that is not a file here, as that flow's file
    (bundled or the person's own, broken or not); CommandError for an unknown name."""
    if not given:  # every bundled flow: nothing to look up
        return []
    from guide.flow.files import is_regular
    from guide.library.flows import FlowNotFound, Library, scan

    library: Library | None = None
    paths: list[Path] = []
    for path in given:
        text = str(path)
        if is_regular(path) or path.suffix in (".yaml", ".yml") or os.sep in text or "/" in text:
            paths.append(path)
            continue
        library = library or scan()
        try:
            paths.append(library.find(text).path)
        except FlowNotFound as exc:
            raise CommandError(str(exc), EXIT_UNREADABLE) from None
    return paths


def run_flows_command(args: argparse.Namespace) -> int:
    return run_flows(args.json)
