"""The keys and words the faces keep for themselves, as data: one list for the
loader's check and for every face, so a flow cannot give an answer a key that a
face takes for something else (`h` in `--plain` shows the commands).

`--answers` has no commands: every line is an answer. Keys are compared without
case, as the faces read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Command(StrEnum):
    """What a reserved key or word does instead of picking an answer."""

    BACK = "back"
    RESTART = "restart"
    WHY = "why"
    EMERGENCY = "emergency"
    HELP = "help"
    QUIT = "quit"
    SKIP = "skip"


PLAIN: Mapping[str, Command] = MappingProxyType(
    {
        "b": Command.BACK,
        "back": Command.BACK,
        "r": Command.RESTART,
        "restart": Command.RESTART,
        "?": Command.WHY,
        "why": Command.WHY,
        "!": Command.EMERGENCY,
        "emergency": Command.EMERGENCY,
        "h": Command.HELP,
        "help": Command.HELP,
        "q": Command.QUIT,
        "quit": Command.QUIT,
        "exit": Command.QUIT,
    }
)
"""A line typed in `--plain` (in any case), and what it does at every step."""

PLAIN_AT_WAIT: Mapping[str, Command] = MappingProxyType({"s": Command.SKIP, "skip": Command.SKIP})
"""Taken by `--plain` only at a countdown, where there are no answers to give a key."""

APP: Mapping[str, Command] = MappingProxyType({"!": Command.EMERGENCY, "?": Command.HELP})
"""A character typed on the app's empty answer box (`?` opens the keys). A digit
there picks the answer with that number; a key is never a number."""


def plain_command(line: str) -> Command | None:
    """What a line typed in `--plain` does, or None when it is an answer."""
    return PLAIN.get(line.strip().lower())


def app_command(character: str) -> Command | None:
    """What a character typed on the app's empty answer box does, or None."""
    return APP.get(character)


def taken(key: str, *, escape: bool = False) -> str | None:
    """What the faces do with `key` instead of picking an answer, worded for a
    flow's author; None when an answer may have it. An escape option may have the
    emergency keys (`!`): typing them does what the option does."""
    word = key.lower()
    uses = {
        face: table[word] for face, table in (("--plain", PLAIN), ("the app", APP)) if word in table
    }
    if not uses or (escape and set(uses.values()) == {Command.EMERGENCY}):
        return None
    return ", ".join(f"{command} in {face}" for face, command in uses.items())
