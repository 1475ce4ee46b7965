"""`hangup-guide serve`: the same app in a web browser, through textual-serve.

textual-serve starts one copy of the app per browser tab and has no login, so
it listens on 127.0.0.1 unless the person asks for another address.
"""

from __future__ import annotations

import argparse
import shlex
import sys

EXIT_OK, EXIT_MISSING = 0, 2


def serve_command(args: argparse.Namespace) -> str:
    """The command each browser tab runs: this Python, this package, the same flow."""
    parts = [sys.executable, "-m", "guide", "--flow", args.flow]
    if args.present:
        parts.append("--present")
    if args.no_save or not args.save:  # visitors never see each other's walks
        parts.append("--no-save")
    return shlex.join(parts)


def run_serve(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "hangup-guide: serving in a browser needs the `serve` extra:"
            " pip install 'hangup-guide[serve]'",
            file=sys.stderr,
        )
        return EXIT_MISSING
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"hangup-guide: note: listening on {args.host}; anyone who can reach it can open"
            " the guide (there is no login)",
            file=sys.stderr,
        )
    print(f"Open http://{args.host}:{args.port} in your browser (Ctrl+C stops).", file=sys.stderr)
    Server(serve_command(args), host=args.host, port=args.port, title="Hang-up Guide").serve()
    return EXIT_OK
