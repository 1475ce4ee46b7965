"""What a person types: cleaning it, and reading an input's value from it."""

from __future__ import annotations

import math
import re

from guide.flow.limits import CONTROL
from guide.flow.model import Input
from guide.flow.refusals import Invalid, InvalidInput, Unfit

MAX_INPUT = 200
"""Longest value an `input` keeps, in characters (a name, a number)."""
MAX_REPLY = 500
"""Longest typed answer matched against the choices: an answer is a few words, and fuzzy
matching a pasted megabyte took ten seconds."""
SURROGATES = re.compile("[\ud800-\udfff]")
"""Lone surrogates: undecodable bytes read with `surrogateescape`; no file, terminal or
database takes them."""


def clean(text: str) -> str:
    """Text typed or pasted by a person, with control and escape characters and lone
    surrogates removed."""
    text = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?", "", text)
    return SURROGATES.sub("", CONTROL.sub("", text))


def parse_input(node: Input, value: str) -> str | None:
    """The value to store as text, None to leave the fact unset, or `InvalidInput`."""
    if not value:
        if node.required:
            raise InvalidInput(Invalid("required"))
        return None
    if node.type == "text":
        return value
    digits = value.replace(",", "").replace("_", "").replace(" ", "")
    try:
        number = float(digits) if node.type == "number" else int(digits)
    except ValueError:
        wanted: Unfit = "number" if node.type == "number" else "whole_number"
        raise InvalidInput(Invalid(wanted)) from None
    if not math.isfinite(number):
        raise InvalidInput(Invalid("finite"))
    if node.minimum is not None and number < node.minimum:
        raise InvalidInput(Invalid("at_least", f"{node.minimum:g}"))
    if node.maximum is not None and number > node.maximum:
        raise InvalidInput(Invalid("at_most", f"{node.maximum:g}"))
    if isinstance(number, float) and not (number.is_integer() and abs(number) < 1e15):
        return repr(number)
    return str(int(number))
