"""`hangup-guide serve`: the same app in a web browser, through textual-serve.

It listens on 127.0.0.1 unless the person asks for another address, and only
whoever has the printed address (with its random token) can use it; the server
itself is in `guide.faces.web.server`. This module stays light: the parser imports its
argument types.
"""

from __future__ import annotations

import argparse
import errno
import shlex
import sys

from guide.commands.errors import EXIT_OK, EXIT_UNREADABLE, CommandError
from guide.commands.parser import at_least_one

MAX_PORT = 65535


def port_number(text: str) -> int:
    """--port: a whole number from 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"a port is from 1 to {MAX_PORT}, not {port}")
    return port


def session_count(text: str) -> int:
    """--max-sessions: a whole number of at least 1."""
    return at_least_one(text, " session")


def minutes(text: str) -> float:
    """--idle-timeout: minutes, more than 0 (fractions allowed)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"more than 0 minutes, not {text}")
    return value


def serve_command(args: argparse.Namespace) -> str:
    """The command each browser tab runs: this Python, this package, the same flow."""
    parts = [sys.executable, "-m", "guide", "--flow", args.flow]
    if args.present:
        parts.append("--present")
    if args.no_save or not args.save:  # visitors never see each other's walks
        parts.append("--no-save")
    return shlex.join(parts)


def run_serve(args: argparse.Namespace) -> int:
    from guide.i18n.strings import S

    try:
        from guide.faces.web.server import GuideServer
    except ImportError:
        raise CommandError(S.serve_needs_extra, EXIT_UNREADABLE) from None
    from guide.faces.web.guard import LOOPBACK, page_url

    server = GuideServer(
        serve_command(args),
        host=args.host,
        port=args.port,
        max_sessions=args.max_sessions,
        idle_seconds=args.idle_timeout * 60,
    )

    def announce() -> None:
        print(S.serve_open_at.format(url=page_url(args.host, args.port, server.guard.token)))
        print(S.serve_token_is_key)
        if args.host not in LOOPBACK:
            note = S.serve_open_host.format(host=args.host, port=args.port)
            print(f"hangup-guide: {note}", file=sys.stderr)
        sys.stdout.flush()

    try:
        server.run(announce)
    except OSError as exc:
        reason = S.serve_port_taken if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        message = S.serve_cannot_listen.format(host=args.host, port=args.port, reason=reason)
        raise CommandError(message, EXIT_UNREADABLE) from None
    return EXIT_OK
