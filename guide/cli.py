"""The command line: parses arguments and hands over to a face or a command.

No logic of its own, and no Textual import unless the full-screen app is asked
for, so `check`, `--plain` and `--help` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from guide import __version__
from guide.commands.opening import tolerant_console
from guide.commands.parser import SafeParser, at_least_one
from guide.commands.serve import minutes, port_number, session_count
from guide.library.flows import DEFAULT_FLOW

RUNNERS = {
    None: "guide.commands.walk:run_walk",
    "check": "guide.commands.flows:run_check_command",
    "flows": "guide.commands.flows:run_flows_command",
    "practice": "guide.commands.practice:run_practice",
    "new": "guide.commands.starter:run_new",
    "test": "guide.commands.testing:run_test",
    "serve": "guide.commands.serve:run_serve",
    "stats": "guide.commands.stats:run_stats",
    "graph": "guide.commands.graph:run_graph",
    "strings": "guide.commands.strings:run_strings",
    "history": "guide.commands.history:run_history",
    "export": "guide.commands.history:run_export",
    "note": "guide.commands.history:run_note",
    "wipe": "guide.commands.history:run_wipe",
}
"""Each command's function, imported only when that command runs: a walk should not
wait for the modules of the other twelve."""


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = SafeParser(
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
    parser.add_argument(
        "--no-save", action="store_true", help="keep nothing of this walk (no history, no resume)"
    )
    parser.add_argument(
        "--start", metavar="NODE", help="begin at this step of the flow (for trainers)"
    )
    parser.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="with --start: a fact already known (repeat for more)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the flow file when it is saved, keeping your place (for authors)",
    )
    parser.add_argument(
        "--present",
        action="store_true",
        help="presenter mode: map beside the chat, answers one by one, nothing saved",
    )
    _add_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def _add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The flow commands; the others are added by `_add_more_commands`."""
    flows = commands.add_parser("flows", help="list the flows: bundled and your own")
    flows.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print the list as JSON"
    )
    check = commands.add_parser("check", help="check flow files and point at each problem")
    check.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="flow files (default: every bundled flow)",
    )
    _add_more_commands(commands)


def _add_more_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """History, practice, trainer and authoring commands."""
    history = commands.add_parser("history", help="your saved walks; with an id, open one")
    history.add_argument("session", nargs="?", type=int, metavar="ID", help="open this walk")
    history.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print the list as JSON"
    )
    history.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the walk instead of opening it",
    )
    export = commands.add_parser("export", help="write a saved walk as Markdown or JSON")
    export.add_argument("session", type=int, metavar="ID")
    export.add_argument("--format", choices=("md", "json"), default="md")
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="default: stdout (a file: yours only)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    note = commands.add_parser("note", help="attach a private note to a saved walk")
    note.add_argument("session", type=int, metavar="ID")
    note.add_argument("text", help="what you did, how it went")
    practice = commands.add_parser("practice", help="practise judgement on scenarios")
    practice.add_argument("deck", nargs="?", metavar="DECK", help="a deck's name or file")
    practice.add_argument("--seed", type=int, help="the same seed gives the same order")
    practice.add_argument(
        "--count", type=at_least_one, help="how many scenarios, 1 or more (default: all)"
    )
    practice.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="line by line (screen readers)",
    )
    practice.add_argument("--progress", action="store_true", help="show your progress so far")
    test = commands.add_parser("test", help="walk each flow's examples; --coverage for gaps")
    test.add_argument("files", nargs="*", type=Path, metavar="FILE", help="default: bundled flows")
    test.add_argument("--coverage", action="store_true", help="nodes, answers, outcomes reached")
    test.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="results as JSON"
    )
    new = commands.add_parser("new", help="write a small starter flow to build on")
    new.add_argument("name", help="the new flow's name (lower-case letters, digits, -)")
    new.add_argument("-o", "--output", type=Path, metavar="PATH", help="default: your flow folder")
    serve = commands.add_parser("serve", help="the app in a web browser (the serve extra)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port", type=port_number, default=8000, help="port, 1-65535 (default: %(default)s)"
    )
    serve.add_argument(
        "--max-sessions",
        type=session_count,
        default=4,
        metavar="N",
        help="browser tabs at once (default: %(default)s)",
    )
    serve.add_argument(
        "--idle-timeout",
        type=minutes,
        default=30,
        metavar="MINUTES",
        help="end a tab's session after this long with no input (default: %(default)s)",
    )
    serve.add_argument(
        "--save",
        action="store_true",
        help="keep walks and show history, as on your own machine: only for serving to"
        " yourself (by default a served guide saves nothing)",
    )
    stats = commands.add_parser("stats", help="how often each answer was chosen, and more")
    stats.add_argument(
        "stats_flow", nargs="?", metavar="FLOW", help="only walks started on this flow id"
    )
    stats.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the statistics as JSON",
    )
    graph = commands.add_parser("graph", help="a flow as a diagram (Mermaid, DOT) or a handout")
    graph.add_argument("graph_flow", metavar="FLOW", help="a flow's name or file")
    graph.add_argument(
        "--format",
        choices=("mermaid", "dot", "md"),
        default="md",
        help="a Mermaid flowchart, a Graphviz DOT graph, or a Markdown handout (default: md)",
    )
    graph.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    graph.add_argument("--force", action="store_true", help="with -o: replace an existing file")
    strings = commands.add_parser(
        "strings", help="the guide's own words as a file to translate; FILE: check a translation"
    )
    strings.add_argument(
        "file", nargs="?", type=Path, metavar="FILE", help="a translation to check"
    )
    wipe = commands.add_parser("wipe", help="delete every saved walk")
    wipe.add_argument("--yes", action="store_true", help="do not ask first")


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_console()
    args = build_parser().parse_args(argv)
    try:
        module, function = RUNNERS[args.command].split(":")
        run: Callable[[argparse.Namespace], int] = getattr(import_module(module), function)
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `hangup-guide ... | head`: the reader left; leave quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
