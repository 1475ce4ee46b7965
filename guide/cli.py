"""The command line: parses arguments and hands over to a face or a command.

No logic of its own, and no Textual import unless the full-screen app is asked
for, so `check`, `--plain` and `--help` start fast. Only the subcommand named on the
command line gets its arguments (`wanted`): `--help` lists every command by its one
line of help, and nothing of the flow language is imported here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from guide import __version__
from guide.commands.arguments import COMMANDS, DEFAULT_FLOW, NESTED, WALK
from guide.commands.console import tolerant_console
from guide.commands.errors import EXIT_INTERRUPTED, EXIT_OK, CommandError
from guide.commands.parser import SafeParser, visible

VALUE_OPTIONS = ("--flow", "--answers", "--start", "--fact")
"""The top-level options that take a value: the word after one is not a command."""


def first_word(argv: Sequence[str]) -> str | None:
    """The first word of `argv` that is neither an option nor the value of one, as
    argparse finds it (`--flow check` walks a flow named check): the subcommand, if any."""
    after_value = False
    for word in argv:
        if after_value:
            after_value = False
        elif word == "--":
            return None
        elif word.startswith("-"):
            after_value = "=" not in word and any(
                option.startswith(word) for option in VALUE_OPTIONS if len(word) > 2
            )
        else:
            return word
    return None


def wanted(argv: Sequence[str]) -> str | None:
    """The subcommand named in `argv`, if it names one."""
    word = first_word(argv)
    return word if word in COMMANDS else None


def asks_help(argv: Sequence[str]) -> bool:
    """`-h`, `--help` or an abbreviation of it (argparse takes `--he`)."""
    return any(word == "-h" or (len(word) > 2 and "--help".startswith(word)) for word in argv)


def build_parser(
    named: str | None = None, every: bool = True, commands: bool = True
) -> argparse.ArgumentParser:
    """The parser; with `every`, each subcommand's arguments, else only `named`'s; without
    `commands`, no subcommand at all (a walk: each costs argparse a few lookups)."""
    parser: argparse.ArgumentParser = SafeParser(
        prog="hangup-guide",
        description="What to do after someone hangs up on you: a few questions, one next step.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _walk_options(parser)
    if commands:
        _subcommands(parser, named, every)
    else:
        parser.set_defaults(command=None)
    return parser


def _walk_options(parser: argparse.ArgumentParser) -> None:
    """The options of a walk, which runs when no subcommand is given."""
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


def _subcommands(parser: argparse.ArgumentParser, named: str | None, every: bool) -> None:
    """Every subcommand with its line of help; the arguments of `named` (or of all)."""
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.help)
        if every or name == named:
            command.arguments(sub)


def parse(argv: Sequence[str]) -> tuple[argparse.Namespace, str]:
    """The arguments, and `module:function` to run them: a two-word command
    (`practice export`) has a parser of its own; any other, only its own arguments."""
    nested = NESTED.get((argv[0], argv[1])) if len(argv) >= 2 else None
    if nested is None:
        commands = first_word(argv) is not None or asks_help(argv)
        args = build_parser(wanted(argv), every=False, commands=commands).parse_args(argv)
        return args, COMMANDS[args.command].runner if args.command else WALK
    parser = SafeParser(prog=f"hangup-guide {argv[0]} {argv[1]}", description=nested.help)
    nested.arguments(parser)
    return parser.parse_args(argv[2:]), nested.runner


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_console()
    args, runner = parse(list(sys.argv[1:] if argv is None else argv))
    try:
        module, function = runner.split(":")
        run: Callable[[argparse.Namespace], int] = getattr(import_module(module), function)
        return run(args)
    except CommandError as error:  # one line, whatever the message holds
        print(f"hangup-guide: {visible(error.message)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `hangup-guide ... | head`: the reader left; leave quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
