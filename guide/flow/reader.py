"""Typed reading of YAML tree values, reporting located problems instead of raising.

The flow language decides every type: a scalar is text until a field says it
is a number, a boolean or a name, and this is where that happens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from guide.flow.problems import Mark, Problem, Severity
from guide.flow.suggest import did_you_mean
from guide.flow.yamltree import CONTROL, MapNode, Scalar, SeqNode, YNode

T = TypeVar("T")

# Exactly the spellings YAML 1.1 resolves to booleans and null (not every casing).
YAML11_BOOLS = frozenset(
    v
    for w in ("y", "n", "yes", "no", "on", "off", "true", "false")
    for v in (w, w.title(), w.upper())
)
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class FieldReader:
    """Reads values of one file, collecting `problems` as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def report(self, mark: Mark, code: str, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(mark, severity, code, message))

    def fields(
        self,
        node: YNode,
        where: str,
        required: tuple[str, ...],
        optional: tuple[str, ...],
    ) -> dict[str, YNode] | None:
        """The keys of a mapping, checked: duplicates, unknown keys, missing keys."""
        if not isinstance(node, MapNode):
            self.report(node.mark, "wrong-type", f"{where} must be a mapping of keys to values")
            return None
        known = required + optional
        seen: dict[str, YNode] = {}
        first: dict[str, Mark] = {}
        for key, value in node.items:
            self.check_bool_trap(key)
            if self.has_control(key, "a key"):
                continue
            if key.value in seen:
                self.report(
                    key.mark,
                    "duplicate-key",
                    f"duplicate key `{key.value}` in {where} (first at line {first[key.value].line})",
                )
            elif key.value not in known:
                self.report(
                    key.mark,
                    "unknown-key",
                    f"unknown key `{key.value}` in {where}{did_you_mean(key.value, known)}",
                )
            else:
                seen[key.value] = value
                first[key.value] = key.mark
        for name in required:
            if name not in seen:
                self.report(node.mark, "missing-key", f"{where} needs `{name}`")
        return seen

    def has_control(self, scalar: Scalar, where: str) -> bool:
        """Report (once) a scalar carrying control characters or escape codes."""
        bad = CONTROL.search(scalar.value)
        if bad:
            self.report(
                scalar.mark,
                "control-character",
                f"{where} contains control character U+{ord(bad.group()):04X}; flows hold plain text",
            )
        return bad is not None

    def check_bool_trap(self, scalar: Scalar) -> None:
        if scalar.plain and scalar.value in YAML11_BOOLS:
            self.report(
                scalar.mark,
                "yaml11-boolean",
                f"unquoted `{scalar.value}` is read as true/false by YAML 1.1 tools and editors;"
                f' quote it: "{scalar.value}"',
                "warning",
            )

    def text(self, node: YNode, where: str, allow_empty: bool = False) -> str | None:
        """A text value; None (reported) when it is missing, not text, or unsafe."""
        if not isinstance(node, Scalar):
            kind = "a list" if isinstance(node, SeqNode) else "a mapping"
            self.report(node.mark, "wrong-type", f"{where} must be text, not {kind}")
            return None
        if node.plain and node.value in NULLS:
            if allow_empty:
                return ""
            self.report(node.mark, "empty", f"{where} has no value")
            return None
        self.check_bool_trap(node)
        if self.has_control(node, where):
            return None
        if not allow_empty and not node.value.strip():
            self.report(node.mark, "empty", f"{where} is empty")
            return None
        return node.value

    def pattern(self, node: YNode, where: str, regex: re.Pattern[str], rule: str) -> str | None:
        value = self.text(node, where)
        if value is not None and not regex.match(value):
            self.report(node.mark, "bad-name", f"{where} `{value}` is not valid: {rule}")
            return None
        return value

    def integer(self, node: YNode, where: str, minimum: int | None = None) -> int | None:
        value = self.text(node, where)
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            self.report(
                node.mark,
                "wrong-type",
                f"{where} must be a whole number, not `{value}`",
            )
            return None
        if minimum is not None and number < minimum:
            self.report(node.mark, "out-of-range", f"{where} must be at least {minimum}")
            return None
        return number

    def number(self, node: YNode, where: str) -> float | None:
        value = self.text(node, where)
        if value is None:
            return None
        try:
            return float(value)
        except ValueError:
            self.report(node.mark, "wrong-type", f"{where} must be a number, not `{value}`")
            return None

    def boolean(self, node: YNode, where: str) -> bool | None:
        if isinstance(node, Scalar) and node.value in ("true", "false"):
            return node.value == "true"
        self.report(node.mark, "wrong-type", f"{where} must be `true` or `false`")
        return None

    def items(self, node: YNode, where: str, minimum: int = 0) -> list[YNode]:
        if not isinstance(node, SeqNode):
            self.report(node.mark, "wrong-type", f"{where} must be a list")
            return []
        if len(node.items) < minimum:
            self.report(node.mark, "too-few", f"{where} needs at least {minimum} item(s)")
        return node.items

    def texts(self, node: YNode, where: str) -> tuple[str, ...]:
        values = (self.text(item, f"an item of {where}") for item in self.items(node, where))
        return tuple(v for v in values if v is not None)

    def mapping_of(
        self,
        node: YNode,
        where: str,
        key_regex: re.Pattern[str],
        key_rule: str,
        value: Callable[[YNode, str], T | None],
    ) -> dict[str, T]:
        """A mapping with free keys (facts, node ids, sources), each key checked."""
        result: dict[str, T] = {}
        if not isinstance(node, MapNode):
            self.report(node.mark, "wrong-type", f"{where} must be a mapping")
            return result
        first: dict[str, int] = {}
        for key, item in node.items:
            if self.has_control(key, "a key"):
                continue
            name = self.pattern(key, f"the name in {where}", key_regex, key_rule)
            if name is None:
                continue
            if name in first:
                self.report(
                    key.mark,
                    "duplicate-key",
                    f"duplicate key `{name}` in {where} (first at line {first[name]})",
                )
                continue
            first[name] = key.mark.line
            built = value(item, f"`{name}`")
            if built is not None:
                result[name] = built
        return result
