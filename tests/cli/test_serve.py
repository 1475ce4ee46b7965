"""`hangup-guide serve` from the command line: what it prints, its flags, and one clear
line (exit 2) when it cannot listen or lacks the extra. The page and the websocket are
tested in test_serve_web.py."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from guide.faces.web.guard import Guard, page_url
from guide.i18n.strings import ENGLISH

from ..helpers import REPO, guide, refused
from .serving import free_port, serving


def test_serve_listens_on_localhost_with_a_small_cap_unless_asked() -> None:
    """By default: 127.0.0.1, 4 sessions at once, 30 minutes without input."""
    from guide.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.max_sessions, args.idle_timeout) == (
        "127.0.0.1",
        8000,
        4,
        30,
    )


def test_serve_prints_an_address_with_a_fresh_token(tmp_path: Path) -> None:
    """The address holds a random token (43 URL-safe characters), new at every start."""
    pytest.importorskip("textual_serve")
    tokens = []
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        with serving(tmp_path / run) as served:
            printed = served.out.read_text()
            tokens.append(served.token)
        assert served.process.returncode == 0  # Ctrl+C stops it cleanly
        assert f"Open {served.url} in your browser" in printed
        assert ENGLISH.serve_token_is_key in printed
        assert "Traceback" not in served.err.read_text()
    assert all(len(token) == 43 for token in tokens) and tokens[0] != tokens[1]


def test_listening_beyond_this_machine_warns_whoever_can_reach_it(tmp_path: Path) -> None:
    """--host other than 127.0.0.1/localhost/::1: a note that anyone who can reach the
    port can try the guide, that the token is still needed, and that nothing is encrypted.
    (127.0.0.2 is still this machine, so the test opens nothing to the network.)"""
    pytest.importorskip("textual_serve")
    with serving(tmp_path, "--host", "127.0.0.2") as served:
        note = served.err.read_text()
    assert "listening on 127.0.0.2" in note and "anyone who can reach port" in note
    assert "token" in note and "not encrypted" in note
    assert len(note.strip().splitlines()) == 1


def test_a_taken_port_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "HANGUP_GUIDE_HOME": str(tmp_path)}
        done = guide(env, "serve", "--port", str(port), timeout=30)
    assert done.returncode == 2
    assert done.stderr == (
        f"hangup-guide: cannot listen on 127.0.0.1 port {port}:"
        " another program is using it; try another --port\n"
    )
    assert "token=" not in done.stdout  # no address for a server that is not there


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--port", "0"),  # below the range
        ("--port", "65536"),  # above it
        ("--port", "-80"),
        ("--port", "eighty"),  # not a number
        ("--max-sessions", "0"),
        ("--idle-timeout", "0"),
        ("--idle-timeout", "nan"),
        ("--idle-timeout", "inf"),
    ],
)
def test_a_bad_number_is_one_usage_error(tmp_path: Path, flag: str, value: str) -> None:
    env = {**os.environ, "HANGUP_GUIDE_HOME": str(tmp_path)}
    done = guide(env, "serve", f"{flag}={value}", timeout=30)
    refused(done, 2)
    assert f"argument {flag}:" in done.stderr


def test_serve_without_the_extra_says_how_to_get_it(tmp_path: Path) -> None:
    """Without textual-serve installed: a clear message naming the extra, exit 2."""
    blocker = tmp_path / "block" / "textual_serve"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(blocker.parent), str(REPO)]),
        "HANGUP_GUIDE_HOME": str(tmp_path),
    }
    done = guide(env, "serve")
    refused(done, 2)
    assert "pip install 'hangup-guide[serve]'" in done.stderr


# --- the rules themselves (guide.faces.web.guard), without a server -----------------------------


def test_on_this_machine_only_its_own_page_addresses_may_connect() -> None:
    guard = Guard.for_address("127.0.0.1", 8000, token="t")
    for origin in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        assert guard.origin_ok(origin, "127.0.0.1:8000")
    # a rebound name (DNS rebinding): the browser says evil.example, whatever the Host
    assert not guard.origin_ok("http://evil.example:8000", "evil.example:8000")
    assert not guard.origin_ok("http://127.0.0.1:8001", "127.0.0.1:8000")
    assert not guard.origin_ok("https://127.0.0.1:8000", "127.0.0.1:8000")
    assert not guard.origin_ok(None, "127.0.0.1:8000")


def test_on_every_address_the_page_must_be_the_one_the_browser_asked_for() -> None:
    guard = Guard.for_address("0.0.0.0", 8000, token="t")
    assert guard.origin_ok("http://192.168.1.5:8000", "192.168.1.5:8000")
    assert not guard.origin_ok("http://evil.example", "192.168.1.5:8000")
    assert page_url("0.0.0.0", 8000, "t") == "http://127.0.0.1:8000/?token=t"
    assert page_url("::1", 8000, "t") == "http://[::1]:8000/?token=t"


def test_the_token_must_match_exactly() -> None:
    guard = Guard.for_address("127.0.0.1", free_port())
    assert guard.token_ok(guard.token)
    for wrong in (None, "", guard.token[:-1], guard.token + "x", "é" * 43):
        assert not guard.token_ok(wrong)
