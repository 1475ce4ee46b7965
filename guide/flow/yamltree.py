"""Bytes → a small tree of located YAML nodes, safely.

We never let PyYAML build objects: it turns `No` into False and `012` into 10,
keeps the last of two duplicate keys, and its composers recurse (the C one
crashes the interpreter on deep nesting). Instead we read the parser's event
stream, which is not recursive, and build the tree ourselves with an explicit
stack, enforcing the limits as we go. Every scalar stays the raw text the
author wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

import yaml

from guide.flow.limits import CONTROL, DEFAULT_LIMITS, Limits, located, too_large
from guide.flow.problems import FlowError, Mark

__all__ = ["CONTROL", "DEFAULT_LIMITS", "Limits", "located", "too_large"]
__all__ += ["MapNode", "Scalar", "SeqNode", "YNode", "decode", "parse_tree"]

try:  # libyaml's parser when PyYAML was built with it, else the pure one
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]  # same interface, pure Python


@dataclass(slots=True)
class Scalar:
    """A scalar exactly as written. `plain` is True when it was not quoted."""

    value: str
    mark: Mark
    plain: bool


@dataclass(slots=True)
class MapNode:
    """A mapping; keys stay in file order, duplicates included (the loader reports them)."""

    mark: Mark
    items: list[tuple[Scalar, YNode]] = field(default_factory=list)


@dataclass(slots=True)
class SeqNode:
    """A sequence."""

    mark: Mark
    items: list[YNode] = field(default_factory=list)


YNode: TypeAlias = Scalar | MapNode | SeqNode


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(data: bytes, file: str, limits: Limits) -> str:
    """UTF-8 bytes → text, or a located `FlowError` saying what is wrong with them."""
    if len(data) > limits.max_bytes:
        raise too_large(file, len(data), limits)
    if b"\x00" in data[:8192]:
        raise located(file, 1, 1, "binary", "this is a binary file, not a YAML flow")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", "replace")
        line, col = _position(prefix, len(prefix))
        raise located(
            file,
            line,
            col,
            "not-utf8",
            f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8",
        ) from None
    text = text.removeprefix("\ufeff")
    bad = CONTROL.search(text)
    if bad:
        line, col = _position(text, bad.start())
        raise located(
            file,
            line,
            col,
            "control-character",
            f"control character U+{ord(bad.group()):04X} is not allowed in a flow",
        )
    if not text.strip():
        raise located(file, 1, 1, "empty", "the file is empty; a flow is a YAML mapping")
    return text


def _mark(file: str, event: yaml.Event) -> Mark:
    line, col = _line_col(event)
    return Mark(file, line, col)


def _line_col(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _syntax_error(file: str, text: str, exc: yaml.YAMLError) -> FlowError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    began = getattr(exc, "context_mark", None)
    if context and began is not None and began.line + 1 != line:
        context += f" that began at line {began.line + 1}"
    message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if line <= len(lines) else ""
    if "tab" in problem or at == "\t":
        message += "; indent with spaces, not tabs"
    return located(file, line, col, "yaml-syntax", message)


def parse_tree(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YNode:
    """Text → one document's tree. Raises `FlowError` for anything a flow never needs."""
    try:
        builder = _build(text, file, limits, _EventLoader)
    except yaml.YAMLError as exc:
        if not _is_depth_limit(exc):
            raise _syntax_error(file, text, exc) from None
        # libyaml (PyYAML >= 6.0.4) has its own nesting limit, and its scanner
        # looks far enough ahead to hit it before our builder sees the depth we
        # refuse. Read again with the pure parser, which streams: the builder
        # then stops at our own limit, at the bracket that crossed it.
        try:
            builder = _build(text, file, limits, yaml.SafeLoader)
        except yaml.YAMLError as again:
            raise _too_deep(file, again, limits) from None
    if builder.root is None:
        raise located(file, 1, 1, "empty", "the file has no content; a flow is a YAML mapping")
    return builder.root


def _build(text: str, file: str, limits: Limits, loader: type) -> _TreeBuilder:
    builder = _TreeBuilder(file, limits)
    for event in yaml.parse(text, Loader=loader):
        builder.feed(event)
    return builder


def _is_depth_limit(exc: yaml.YAMLError) -> bool:
    """True for a parser's own nesting limit (libyaml: "exceeded maximum nesting depth")."""
    return "nesting depth" in (getattr(exc, "problem", None) or str(exc))


def _too_deep(file: str, exc: yaml.YAMLError, limits: Limits) -> FlowError:
    mark = getattr(exc, "problem_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return located(file, line, col, "too-deep", _deep_message(limits))


def _deep_message(limits: Limits) -> str:
    return f"nesting deeper than {limits.max_depth} levels; a flow never needs that"


class _TreeBuilder:
    """Builds the tree from parser events with an explicit stack (no recursion)."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.stack: list[MapNode | SeqNode] = []
        self.keys: list[Scalar | None] = []
        self.root: YNode | None = None
        self.documents = 0
        self.count = 0

    def fail(self, event: yaml.Event, code: str, message: str) -> FlowError:
        return located(self.file, *_line_col(event), code, message)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event,
                    "multiple-documents",
                    "a flow is one YAML document; remove the second `---`",
                )
        elif isinstance(event, yaml.AliasEvent):
            raise self.fail(
                event,
                "alias",
                f"aliases (`*{event.anchor}`) are not allowed in a flow; write the text out",
            )
        elif isinstance(event, yaml.NodeEvent):
            self.check_node(event)
            if isinstance(event, yaml.ScalarEvent):
                self.attach(Scalar(event.value, _mark(self.file, event), not event.style))
            else:
                self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            self.keys.pop()

    def check_node(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            raise self.fail(
                event, "anchor", f"anchors (`&{event.anchor}`) are not allowed in a flow"
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(
                event, "tag", f"tags (`{shown}`) are not allowed; types come from the flow language"
            )
        self.count += 1
        if self.count > self.limits.max_yaml_nodes:
            raise self.fail(
                event,
                "too-many-nodes",
                f"the file has more than {self.limits.max_yaml_nodes:,} values",
            )

    def open(self, event: yaml.NodeEvent) -> None:
        if len(self.stack) >= self.limits.max_depth:
            raise self.fail(event, "too-deep", _deep_message(self.limits))
        mark = _mark(self.file, event)
        node: MapNode | SeqNode = (
            MapNode(mark) if isinstance(event, yaml.MappingStartEvent) else SeqNode(mark)
        )
        self.attach(node)
        self.stack.append(node)
        self.keys.append(None)

    def attach(self, node: YNode) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, SeqNode):
            parent.items.append(node)
            return
        key = self.keys[-1]
        if key is not None:
            parent.items.append((key, node))
            self.keys[-1] = None
        elif isinstance(node, Scalar):
            self.keys[-1] = node
        else:
            raise located(
                self.file,
                node.mark.line,
                node.mark.col,
                "complex-key",
                "a key must be plain text, not a list or a mapping",
            )
