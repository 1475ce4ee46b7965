"""The command line builds only the subcommand it runs, and imports nothing else first:
`--help` and `--version` load no flow language, and a command's module is imported
when that command runs (issue 18: every start paid for the whole parser tree)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from guide import cli
from guide.library.flows import DEFAULT_FLOW

# (the words typed, the subcommand argparse will run)
WANTED = [
    pytest.param([], None, id="nothing"),
    pytest.param(["check"], "check", id="a-command"),
    pytest.param(["--plain", "flows", "--json"], "flows", id="after-a-flag"),
    # The value of an option is not a command, even when it is a command's name...
    pytest.param(["--flow", "check", "--plain"], None, id="value-of-flow"),
    # ...nor when the option is abbreviated, as argparse allows.
    pytest.param(["--fl", "check"], None, id="abbreviated-option"),
    pytest.param(["--flow=check", "graph", "x"], "graph", id="value-joined-by-equals"),
    pytest.param(["--answers", "1", "stats"], "stats", id="after-a-value"),
    pytest.param(["nonsense"], None, id="unknown-word"),
]


@pytest.mark.parametrize(("argv", "command"), WANTED)
def test_the_command_is_found_as_argparse_finds_it(argv: list[str], command: str | None) -> None:
    assert cli.wanted(argv) == command


# (the words typed, whether they ask for help)
HELP = [
    pytest.param(["--help"], True, id="help"),
    pytest.param(["-h"], True, id="h"),
    pytest.param(["--he"], True, id="abbreviated"),
    pytest.param(["--plain"], False, id="another-option"),
    pytest.param(["--"], False, id="two-dashes"),
]


@pytest.mark.parametrize(("argv", "asks"), HELP)
def test_help_is_seen_as_argparse_sees_it(argv: list[str], asks: bool) -> None:
    assert cli.asks_help(argv) is asks


def test_a_walk_parses_without_subcommands_and_a_stray_word_is_still_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = cli.build_parser(commands=False).parse_args(["--plain"])
    assert (args.command, args.plain) == (None, True)
    with pytest.raises(SystemExit):
        cli.main(["--plain", "nonsense"])
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err


def test_the_default_flow_is_the_librarys() -> None:
    assert cli.DEFAULT_FLOW == DEFAULT_FLOW


def test_a_command_parsed_alone_gets_its_own_arguments() -> None:
    args = cli.build_parser("graph", every=False).parse_args(["graph", "sales", "--format", "dot"])
    assert (args.graph_flow, args.format) == ("sales", "dot")


LOADED = """
import sys
from guide.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted(m for m in sys.modules if m.startswith("guide"))))
"""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["check", "--help"]])
def test_help_and_version_load_no_flow_language_and_no_command(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *argv], capture_output=True, text=True, check=True
    )
    loaded = done.stdout.splitlines()[-1].split()  # after whatever --help printed
    assert not [m for m in loaded if m.startswith(("guide.flow", "guide.library"))], loaded
    assert "guide.commands.flows" not in loaded and "guide.commands.walk" not in loaded
