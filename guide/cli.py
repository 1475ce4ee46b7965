"""The command line: parses arguments and hands over to a face or a command.

No logic of its own, and no Textual import unless the full-screen app is asked
for, so `check`, `--plain` and `--help` start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from guide import __version__
from guide.flow.engine import Walk
from guide.flow.loader import Loaded, read_flow
from guide.flow.model import FlowError, Problem
from guide.flow.validate import validate
from guide.library import (
    DEFAULT_FLOW,
    FLOWS_ENV,
    FlowNotFound,
    FlowOpenError,
    bundled_flows,
    find_flow,
    open_flow,
    scan,
    user_dirs,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hangup-guide",
        description="What to do after someone hangs up on you: a few questions, one next step.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--flow",
        default=DEFAULT_FLOW,
        metavar="NAME|PATH",
        help="a bundled flow's name or a flow file (default: %(default)s)",
    )
    parser.add_argument(
        "--plain", action="store_true", help="line by line on stdin/stdout (screen readers, pipes)"
    )
    parser.add_argument(
        "--answers",
        metavar="A,B,...",
        help="walk with these answers, comma-separated, without asking",
    )
    parser.add_argument(
        "--json", action="store_true", help="with --answers: print the finished walk as JSON"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    flows = commands.add_parser("flows", help="list the flows: bundled and your own")
    flows.add_argument("--json", action="store_true", help="print the list as JSON")
    check = commands.add_parser("check", help="check flow files and point at each problem")
    check.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="flow files (default: every bundled flow)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args.files or bundled_flows())
        if args.command == "flows":
            return run_flows(args.json)
        return run_walk(args)
    except KeyboardInterrupt:
        return 130


def run_check(paths: Sequence[Path]) -> int:
    """`hangup-guide check`: every problem of every file, one line each, on stdout."""
    problems: list[Problem] = []
    results: list[Loaded] = []
    unreadable = False
    for path in paths:
        try:
            results.append(read_flow(path))
        except OSError as exc:  # not a problem in a file: there is no file to point into
            unreadable = True
            print(f"{path}: error: cannot read the file: {exc.strerror or exc}", file=sys.stderr)
        except FlowError as exc:
            problems += exc.problems
    known = dict(scan(paths).flows)
    known.update({r.flow.id: r.flow for r in results if r.flow})
    others = {flow_id: list(flow.nodes) for flow_id, flow in known.items()}
    for loaded in results:
        problems += loaded.problems
        if loaded.flow is not None:
            problems += validate(loaded.flow, loaded.broken, others, known.get)
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
        {
            "name": entry.name,
            "title": entry.flow.title if entry.flow else "",
            "nodes": len(entry.flow.nodes) if entry.flow else None,
            "outcomes": len(entry.flow.outcomes()) if entry.flow else None,
            "status": entry.status,
            "origin": entry.origin,
            "path": str(entry.path),
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
    folders = ", ".join(str(d) for d in user_dirs())
    print(f"\nYour own flows go in: {folders} (or folders listed in ${FLOWS_ENV})", file=sys.stderr)
    return EXIT_OK


def run_walk(args: argparse.Namespace) -> int:
    """A walk: the full-screen app, or the plain face with `--plain` or `--answers`."""
    try:
        path = find_flow(args.flow)
        library = scan([path])
        flow = open_flow(path, library)
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
    walk = Walk(flow, library.resolver())
    if not (args.plain or args.answers is not None):
        from guide.tui.app import make_app

        make_app(walk).run()
        return EXIT_OK
    from guide.plain import PlainIO, run_answers, run_interactive

    io = PlainIO(read=input, out=sys.stdout)
    if args.answers is not None:
        answers = [a.strip() for a in args.answers.split(",")] if args.answers.strip() else []
        return run_answers(walk, answers, io, args.json)
    return run_interactive(walk, io)
