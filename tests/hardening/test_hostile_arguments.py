"""Every subcommand, with hostile arguments, ends in a message and an exit code, never a
traceback.

The commands and their options are read from the argparse tree (`build_parser`), so a
command added later is driven too. Values: numbers past 64 bits, negative numbers,
empty strings, escape codes, bytes that are not UTF-8 (as the shell hands them over,
through surrogateescape), paths to a FIFO, a folder, a device and missing files, and
very long strings. Each run is in this process, through `guide.cli.main`, with the
input at its end, a store and config folders of its own; `serve` is only ever given a
port it refuses, so it never starts.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.cli import build_parser, main
from guide.flow.yamltree import CONTROL

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

Command = str | None


def commands() -> dict[Command, argparse.ArgumentParser]:
    """Every command's parser, by name; None is the walk (no command)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {None: parser, **sub.choices}


def options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    skipped = (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)
    return [a for a in parser._actions if not isinstance(a, skipped)]


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Folders of its own (store, config, flows with a FIFO among them), and one saved walk."""
    root = tmp_path_factory.mktemp("hostile-arguments")
    flows = root / "flows"
    (flows / "practice").mkdir(parents=True)
    os.mkfifo(flows / "pipe.yaml")
    os.mkfifo(flows / "practice" / "pipe.yaml")
    os.mkfifo(root / "fifo.yaml")
    (root / "folder.yaml").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANGUP_GUIDE_HOME", str(root / "home"))
        patch.setenv("XDG_CONFIG_HOME", str(root / "config"))
        patch.setenv("HANGUP_GUIDE_FLOWS", str(flows))
        for name in ("TEXTUAL_DRIVER", "NO_COLOR"):
            patch.delenv(name, raising=False)
        patch.chdir(root)  # relative paths land here
        assert _run(["--plain", "--flow", "hang-up"], "2\nq\n")[0] == 0
        yield root


ROOT = "{root}"  # where `place` is; filled in when the arguments are made
PATHS = [
    f"{ROOT}/fifo.yaml",
    f"{ROOT}/folder.yaml",
    f"{ROOT}/missing/nothing.yaml",
    f"{ROOT}/out.md",
    f"{ROOT}/new.yaml",
    f"{ROOT}/flows/pipe.yaml",
    "/dev/zero",
    "/dev/null",
]
WORDS = ["hang-up", "sales", "contact-centre", "1", "2", "!", "md", "json", "dot", "mermaid"]
NUMBERS = ["0", "-1", "1", "3", str(2**63), str(2**64), "-" + "9" * 40, "9" * 5000, "1e9", "nan"]
NASTY = [
    "",
    " ",
    "\x1b[2J\x1b]0;pwned\x07",
    "\x1b]52;c;aGk=\x07",
    "a\x00b",
    "\u202eevil",
    "[bold]x[/]",
    "{time:d}",
    os.fsdecode(b"\xff\xfe\xfd"),
    os.fsdecode(b"caf\xe9.yaml"),
    "x" * 100_000,
    "-",
    "--",
    "a=b",
    "=\x1b[31m",
    f"{ROOT}/\x1b[2J.md",
    os.fsdecode(b"{root}/\xff.md"),
]
VALUES = st.one_of(
    st.sampled_from(PATHS + WORDS + NUMBERS + NASTY),
    st.text(max_size=40),
    st.integers().map(str),
)


@st.composite
def invocations(draw: st.DrawFn) -> tuple[Command, list[str]]:
    """A command and hostile arguments for some of its options and positionals."""
    table = commands()
    name = draw(st.sampled_from(list(table)))
    argv: list[str] = [] if name is None else [name]
    for action in options(table[name]):
        if not draw(st.booleans()):
            continue
        if action.option_strings:
            flag = draw(st.sampled_from(action.option_strings))
            takes = action.nargs != 0
            argv += [flag, draw(VALUES)] if takes else [flag]
        else:
            many = {None: 1, "?": draw(st.integers(0, 1)), "*": draw(st.integers(0, 3))}
            argv += [draw(VALUES) for _ in range(many.get(action.nargs, 1))]
    if name is None and "--plain" not in argv and draw(st.booleans()):
        argv.append("--plain")
    if name == "serve":
        argv += ["--port", "70000"]  # refused by its type: the server never starts
    return name, argv


def _run(argv: list[str], typed: str = "") -> tuple[int | str | None, str, str]:
    """`main(argv)` with `typed` as the whole input: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr("sys.stdin", io.StringIO(typed))
        try:
            code: int | str | None = main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(invocation=invocations(), typed=st.sampled_from(["", "\n", "q\n", "\x1b[2J\n", "y\n"]))
def test_no_traceback_whatever_the_arguments(
    place: Path, invocation: tuple[Command, list[str]], typed: str
) -> None:
    _, raw = invocation
    argv = [a.replace(ROOT, str(place)) for a in raw]
    code, out, err = _run(argv, typed)  # any exception but SystemExit fails the test
    assert "Traceback" not in out + err
    assert code in (0, 1, 2, 130, None), (code, err[-500:])
    both = out + err  # nothing typed comes back with what a terminal would act on
    shown = CONTROL.search(both)
    assert shown is None, (shown, both[max(shown.start() - 80, 0) : shown.end() + 80])


def test_every_command_is_driven() -> None:
    """The table comes from the parser: each command has a parser with its options."""
    table = commands()
    assert {"check", "flows", "practice", "serve", "strings", "wipe"} <= set(table)
    assert None in table and all(isinstance(p, argparse.ArgumentParser) for p in table.values())
