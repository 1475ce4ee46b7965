"""The flow commands: `check` (problems, located) and `flows` (the library)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.flow.files import is_regular, open_regular
from guide.flow.loader import Loaded, read_flow
from guide.flow.problems import FlowError, Problem, visible
from guide.flow.validate import validate
from guide.library.flows import (
    FLOWS_ENV,
    FlowNotFound,
    Library,
    bundled_decks,
    bundled_flows,
    scan,
    user_dirs,
)
from guide.practice.deck import Deck, is_deck, read_deck
from guide.practice.validate import validate_deck


def run_check(paths: Sequence[Path]) -> int:
    """`hangup-guide check`: every problem of every file, one line each, on stdout."""
    problems: list[Problem] = []
    results: list[Loaded] = []
    read: dict[Path, Loaded | str] = {}  # each file is parsed once, here
    decks: list[Deck] = []
    unreadable = False
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
            unreadable = True
            shown = visible(str(path))
            print(f"{shown}: error: cannot read the file: {exc.strerror or exc}", file=sys.stderr)
        except FlowError as exc:
            problems += exc.problems
            read[path] = str(exc.problems[0])
    known = dict(scan(paths, read).flows)
    known.update({r.flow.id: r.flow for r in results if r.flow})
    others = {flow_id: list(flow.nodes) for flow_id, flow in known.items()}
    for loaded in results:
        problems += loaded.problems
        if loaded.flow is not None:
            problems += validate(loaded.flow, loaded.broken, others, known.get)
    for deck in decks:
        problems += validate_deck(deck, known)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(
        f"checked {len(paths)} file(s): {errors} error(s), {len(problems) - errors} warning(s)",
        file=sys.stderr,
    )
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_PROBLEMS if problems else EXIT_OK


def run_flows(as_json: bool) -> int:
    """`hangup-guide flows`: every flow found, with its size and whether it opens."""
    library = scan()
    rows = [
        {  # names and paths escaped: a file's name may hold any byte but / and NUL
            "name": visible(entry.name),
            "title": entry.flow.title if entry.flow else "",
            "nodes": len(entry.flow.nodes) if entry.flow else None,
            "outcomes": len(entry.flow.outcomes()) if entry.flow else None,
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
    with open_regular(path) as handle:  # a FIFO would wait for a writer for ever
        return handle.read(4096)


def run_check_command(args: argparse.Namespace) -> int:
    """`hangup-guide check [FILE|NAME...]`: the files or flows named, or every bundled
    flow and deck."""
    return run_check(_by_name(args.files) or [*bundled_flows(), *bundled_decks()])


def _by_name(given: list[Path]) -> list[Path]:
    """Each file as given; a flow's name that is not a file here, as that flow's file
    (bundled or the person's own, broken or not); CommandError for an unknown name."""
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
