"""`hangup-guide graph [FLOW]`: the flow (the main one when none is named) as a Mermaid or
DOT diagram, or a Markdown or printable HTML handout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from guide.commands.errors import EXIT_OK, CommandError
from guide.commands.opening import open_for_command
from guide.flow.model import Flow
from guide.flow.problems import visible
from guide.render.dot import to_dot
from guide.render.handout import to_handout
from guide.render.mermaid import to_mermaid


def _html(flow: Flow) -> str:
    """The printable page; its Markdown renderer is loaded only when asked for."""
    from guide.render.html import to_html

    return to_html(flow)


FORMATS: dict[str, tuple[str, Callable[[Flow], str]]] = {
    "mermaid": ("Mermaid flowchart", to_mermaid),
    "dot": ("Graphviz DOT graph", to_dot),
    "md": ("Markdown handout", to_handout),
    "html": ("printable HTML handout", _html),
}


def run_graph(args: argparse.Namespace) -> int:
    """Draw `args.graph_flow` in `args.format`, to stdout or to `args.output`."""
    flow, _ = open_for_command(args.graph_flow)
    what, render = FORMATS[args.format]
    text = render(flow)
    if args.output is None:
        write_stdout(text)
        return EXIT_OK
    return _write_file(args.output, text, f"the {what} of `{flow.id}`", args.force)


def write_stdout(text: str) -> None:
    """UTF-8 whatever the terminal's encoding: the output is a file format, not a message."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream, e.g. one a test put in place
        sys.stdout.write(text)
        return
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _write_file(path: Path, text: str, what: str, force: bool) -> int:
    """Write `text` to `path`; an existing file only with `force` (as `new -o` does)."""
    shown = visible(str(path))
    data = text.encode("utf-8")
    try:
        with path.open("wb" if force else "xb") as handle:
            handle.write(data)
    except FileExistsError:
        if path.is_dir():
            raise CommandError(f"cannot write {shown}: it is a folder") from None
        raise CommandError(
            f"{shown} already exists; nothing was written (--force replaces it)"
        ) from None
    except OSError as exc:
        raise CommandError(f"cannot write {shown}: {exc.strerror or exc}") from None
    print(f"hangup-guide: wrote {what} to {shown}", file=sys.stderr)
    return EXIT_OK
