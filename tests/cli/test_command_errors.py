"""Every way a command ends in failure: one `hangup-guide: ...` line on stderr, and the
exit code the README and docs/security.md give (1: problems, nothing there, refused;
2: what was given cannot be read or used).

Each case runs through `guide.cli.main`, as the `hangup-guide` script does, with its
input at its end (no terminal) and a store of its own."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

import guide.commands.walk
from guide.cli import main
from guide.commands.errors import EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError

ESC = "\x1b"

# (arguments, exit code, what the one line says); {tmp} is a folder of the test's own,
# holding `taken.yaml` (a file) and `folder` (a folder).
CASES: list[tuple[list[str], int, str]] = [
    (["--flow", "no-such-flow"], EXIT_UNREADABLE, "no flow named `no-such-flow`"),
    (["--flow", f"{{tmp}}/no{ESC}[2J.yaml"], EXIT_UNREADABLE, "no flow file at"),
    (["--flow", "hang-up"], EXIT_UNREADABLE, "the full-screen app needs a terminal"),
    (["--plain", "--fact", "no-equals"], EXIT_UNREADABLE, "--fact wants NAME=VALUE"),
    (["--plain", "--start", "nowhere"], EXIT_UNREADABLE, "nowhere"),
    (["graph", "no-such-flow"], EXIT_UNREADABLE, "no flow named `no-such-flow`"),
    (["graph", "hang-up", "-o", "{tmp}/taken.yaml"], EXIT_PROBLEMS, "already exists"),
    (["graph", "hang-up", "-o", "{tmp}/folder"], EXIT_PROBLEMS, "it is a folder"),
    (["graph", "hang-up", "-o", "{tmp}/missing/x.md"], EXIT_PROBLEMS, "cannot write"),
    (["new", f"Bad{ESC}Name"], EXIT_UNREADABLE, "is not a flow name"),
    (["new", "fine", "-o", "{tmp}/taken.yaml"], EXIT_PROBLEMS, "already exists"),
    (["history", "99"], EXIT_PROBLEMS, "there is no saved walk 99"),
    (["export", "99"], EXIT_PROBLEMS, "there is no saved walk 99"),
    (["note", "99", "called back"], EXIT_PROBLEMS, "there is no saved walk 99"),
    (["wipe"], EXIT_PROBLEMS, "wipe asks before it deletes; add --yes in scripts"),
    (["practice", f"no-deck{ESC}]0;x"], EXIT_UNREADABLE, "no usable deck"),
    (["practice", "--plain", "no-deck"], EXIT_UNREADABLE, "no usable deck `no-deck`"),
    (["practice"], EXIT_UNREADABLE, "the full-screen app needs a terminal"),
]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr("sys.stdin", io.StringIO(""))
        patch.delenv("TEXTUAL_DRIVER", raising=False)
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    (tmp_path / "taken.yaml").write_text("mine\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    assert run(["history"])[0] == 0  # a store on disk: `wipe` has something to ask about
    return tmp_path


@pytest.mark.parametrize(
    ("argv", "code", "says"), CASES, ids=[" ".join(c[0]).replace(ESC, "ESC") for c in CASES]
)
def test_an_error_is_one_line_and_its_documented_code(
    tmp: Path, argv: list[str], code: int, says: str
) -> None:
    got, _, err = run([a.replace("{tmp}", str(tmp)) for a in argv])
    assert got == code
    assert err.endswith("\n")
    assert err.startswith("hangup-guide: ")
    assert says in err
    assert err.count("hangup-guide:") == 1, err  # said once, not once per layer
    assert err.count("\n") == 1, err
    assert ESC not in err  # what was typed comes back escaped
    assert (tmp / "taken.yaml").read_text(encoding="utf-8") == "mine\n"  # never replaced


def test_main_prints_any_command_error_escaped_on_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever a message holds (a file's name, a server's words), the terminal gets one
    line without control characters, and the exit code the command chose."""

    def failing(args: object) -> int:
        raise CommandError(f"first\nsecond{ESC}[2J\u202e", 7)

    monkeypatch.setattr(guide.commands.walk, "run_walk", failing)
    code, out, err = run(["--plain"])
    assert (code, out) == (7, "")
    assert err == "hangup-guide: first\\nsecond\\x1b[2J\\u202e\n"
