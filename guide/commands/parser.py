"""The command line's parser and its argument types: what a person typed, echoed back
in an error, reaches the terminal without its control characters."""

from __future__ import annotations

import argparse

from guide.faces.plain.text import terminal_columns

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (2 ms a start)

if TYPE_CHECKING:
    from typing import Any, NoReturn


def visible(text: str) -> str:
    """`guide.flow.problems.visible`, imported only when an error is shown: parsing the
    command line imports nothing of the flow language."""
    from guide.flow.problems import visible as shown

    return shown(text)


class Formatter(argparse.HelpFormatter):
    """argparse's help layout, as wide as the terminal (see `terminal_columns`)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or terminal_columns() - 2)


class SafeParser(argparse.ArgumentParser):
    """argparse's parser, but an error shows what was typed escaped: "unrecognized
    arguments: …" echoed an escape code as it was, and bytes that are not UTF-8 made
    the error itself fail with a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))


def at_least_one(text: str, unit: str = "") -> int:
    """A whole number of at least 1 (`practice --count`; `unit` names what is counted,
    as in "at least 1 session")."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"at least 1{unit}, not {number}")
    return number
