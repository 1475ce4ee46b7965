"""Every subcommand's arguments, and the function that runs it, in one table.

Light on purpose: `guide.cli` builds its parser from this table on every start, and
imports a command's module only when that command runs (a walk, or `--help`, should
not wait for the modules of the other twelve)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from guide.commands.parser import at_least_one
from guide.commands.serve import minutes, port_number, session_count

DEFAULT_FLOW = "hang-up"
"""`guide.library.folders.DEFAULT_FLOW`, spelled again: parsing imports no library."""

Arguments = Callable[[argparse.ArgumentParser], None]


def _json(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=what)


def _flows(parser: argparse.ArgumentParser) -> None:
    _json(parser, "print the list as JSON")


def _check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="flow files, or flows' names (default: every bundled flow)",
    )


def _history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", nargs="?", type=int, metavar="ID", help="open this walk")
    _json(parser, "print the list as JSON")
    parser.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the walk instead of opening it",
    )


def _export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=int, metavar="ID")
    parser.add_argument("--format", choices=("md", "json"), default="md")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="default: stdout (a file: yours only)"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _check_in(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "session", nargs="?", type=int, metavar="ID", help="this walk (default: the latest due)"
    )
    parser.add_argument(
        "--answers",
        metavar="A,B,...",
        help="worked, did-not-work, not-yet or dont-ask (or 1-4); after did-not-work, the"
        " follow-up's answers",
    )
    _json(parser, "print the result and any follow-up outcome as JSON (with --answers)")


def _note(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=int, metavar="ID")
    parser.add_argument("text", help="what you did, how it went")


def _practice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", nargs="?", metavar="DECK", help="a deck's name or file")
    parser.add_argument("--seed", type=int, help="the same seed gives the same order")
    parser.add_argument(
        "--count", type=at_least_one, help="how many scenarios, 1 or more (default: all)"
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="line by line (screen readers)",
    )
    parser.add_argument(
        "--progress", action="store_true", help="show your progress so far, and what is due"
    )
    parser.add_argument(
        "--missed",
        action="store_true",
        help="replay the scenarios you scored below 1 on that are due (spaced over days)",
    )
    parser.epilog = (
        "For a class: `practice export` writes your results for your trainer;"
        " `practice report FILE...` gathers a class's (see their --help)."
    )


def _practice_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", help="your name on the file (kept for next time; asked once otherwise)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="default: stdout (a file: yours only)"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _practice_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="learners' `practice export` files"
    )
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="the report as JSON, for tools")
    shape.add_argument(
        "--format",
        choices=("text", "md"),
        default="text",
        help="text, or a Markdown handout for the debrief (default: text)",
    )


def _test(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="default: bundled flows"
    )
    parser.add_argument("--coverage", action="store_true", help="nodes, answers, outcomes reached")
    _json(parser, "results as JSON")


def _new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the new flow's name (lower-case letters, digits, -)")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="PATH", help="default: your flow folder"
    )


def _serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=port_number, default=8000, help="port, 1-65535 (default: %(default)s)"
    )
    parser.add_argument(
        "--max-sessions",
        type=session_count,
        default=4,
        metavar="N",
        help="browser tabs at once (default: %(default)s)",
    )
    parser.add_argument(
        "--idle-timeout",
        type=minutes,
        default=30,
        metavar="MINUTES",
        help="end a tab's session after this long with no input (default: %(default)s)",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="keep walks and show history, as on your own machine: only for serving to"
        " yourself (by default a served guide saves nothing)",
    )


def _stats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "stats_flow", nargs="?", metavar="FLOW", help="only walks started on this flow id"
    )
    _json(parser, "print the statistics as JSON")


def _graph(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph_flow",
        nargs="?",
        default=DEFAULT_FLOW,
        metavar="FLOW",
        help="a flow's name or file (default: %(default)s)",
    )
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot", "md", "html"),
        default="md",
        help="a Mermaid flowchart, a Graphviz DOT graph, a Markdown handout, or a printable"
        " HTML handout (default: md)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    parser.add_argument("--force", action="store_true", help="with -o: replace an existing file")


def _strings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a translation to check")


def _diff(parser: argparse.ArgumentParser) -> None:
    for name, which in (("old", "the version before"), ("new", "the version after")):
        parser.add_argument(
            name, metavar=name.upper(), help=f"{which}: a flow file, or REV:path in git"
        )
    _json(parser, "the comparison as JSON (docs/diff.md)")


def _wipe(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true", help="do not ask first")


class Command:
    """One subcommand: its one-line help, its arguments, and `module:function` to run it.

    A plain class: a dataclass would import `dataclasses` (and `inspect` with it, about
    5 ms) on every start, before any command runs."""

    __slots__ = ("arguments", "help", "runner")

    def __init__(self, help: str, arguments: Arguments, runner: str) -> None:
        self.help = help
        self.arguments = arguments
        self.runner = runner


WALK = "guide.commands.walk:run_walk"
"""What runs when no command is given: a walk (its options are the top-level ones)."""

COMMANDS: dict[str, Command] = {
    "flows": Command(
        "list the flows: bundled and your own", _flows, "guide.commands.flows:run_flows_command"
    ),
    "check": Command(
        "check flow files and point at each problem",
        _check,
        "guide.commands.flows:run_check_command",
    ),
    "history": Command(
        "your saved walks; with an id, open one", _history, "guide.commands.history:run_history"
    ),
    "export": Command(
        "write a saved walk as Markdown or JSON", _export, "guide.commands.history:run_export"
    ),
    "note": Command(
        "attach a private note to a saved walk", _note, "guide.commands.history:run_note"
    ),
    "check-in": Command(
        "how did the advice go? answer a saved walk's check-in now",
        _check_in,
        "guide.commands.checkin:run_check_in",
    ),
    "practice": Command(
        "practise judgement on scenarios", _practice, "guide.commands.practice:run_practice"
    ),
    "test": Command(
        "walk each flow's examples; --coverage for gaps", _test, "guide.commands.testing:run_test"
    ),
    "new": Command(
        "write a small starter flow to build on", _new, "guide.commands.starter:run_new"
    ),
    "serve": Command(
        "the app in a web browser (the serve extra)", _serve, "guide.commands.serve:run_serve"
    ),
    "stats": Command(
        "how often each answer was chosen, and more", _stats, "guide.commands.stats:run_stats"
    ),
    "graph": Command(
        "a flow as a diagram (Mermaid, DOT) or a handout", _graph, "guide.commands.graph:run_graph"
    ),
    "strings": Command(
        "the guide's own words as a file to translate; FILE: check a translation",
        _strings,
        "guide.commands.strings:run_strings",
    ),
    "wipe": Command("delete every saved walk", _wipe, "guide.commands.history:run_wipe"),
    "diff": Command(
        "what two versions of a flow do differently",
        _diff,
        "guide.commands.diff:run_diff",
    ),
}
"""In the order `--help` lists them."""

NESTED: dict[tuple[str, str], Command] = {
    ("practice", "export"): Command(
        "write your practice results as a file for your trainer",
        _practice_export,
        "guide.commands.classwork:run_practice_export",
    ),
    ("practice", "report"): Command(
        "gather a class's practice export files into one report",
        _practice_report,
        "guide.commands.classwork:run_practice_report",
    ),
}
"""Commands two words long (`practice export`): a deck may be named by the second word
anywhere else, so these are picked by the first two arguments before parsing."""
