"""YAML flow files → the model, collecting every located problem on the way.

Types come from the flow language, not from YAML: every scalar is the raw text
the author wrote, converted here field by field. Problems that stop the file
from being read at all raise `FlowError`; everything else (unknown keys, wrong
types, missing fields) is collected so one `check` run reports them all.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from guide.flow.collector import collector_paused
from guide.flow.files import read_capped
from guide.flow.model import ESCAPE_SHOWN, EscapeShown, Example, Flow, Node
from guide.flow.problems import Problem
from guide.flow.readnodes import NodeReader
from guide.flow.readparts import FACT, NODE_ID
from guide.flow.yamltree import (
    DEFAULT_LIMITS,
    Limits,
    MapNode,
    SeqNode,
    YNode,
    decode,
    parse_tree,
)

TOP_KEYS = (
    "flow",
    "title",
    "version",
    "start",
    "description",
    "lang",
    "sources",
    "escape",
    "escape_shown",
    "nodes",
    "examples",
)


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the loader made of a file.

    `flow` is None when the file is not a flow at all (not a mapping, no nodes).
    `broken` names nodes that exist but could not be built, so links to them
    are not reported a second time as unknown.
    """

    flow: Flow | None
    problems: tuple[Problem, ...]
    broken: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        """True when the flow can be opened (warnings allowed, errors not)."""
        return self.flow is not None and not any(p.severity == "error" for p in self.problems)


def read_flow(path: Path, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Read and load a flow file. `OSError` (missing, unreadable) is left to the caller;
    a FIFO, device or folder is a `FlowError` (`not-a-file`), never opened."""
    return load_flow(read_capped(path, limits), str(path), limits)


def load_flow(data: bytes, file: str = "<flow>", limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Bytes of a flow file → `Loaded`. Raises `FlowError` when it cannot be read at all."""
    with collector_paused():
        tree = parse_tree(decode(data, file, limits), file, limits)
        builder = _Builder(file)
        flow = builder.flow(tree, hashlib.sha256(data).hexdigest())
    problems = sorted(builder.problems, key=lambda p: (p.mark.line, p.mark.col))
    return Loaded(flow, tuple(problems), frozenset(builder.broken))


class _Builder(NodeReader):
    """Walks the YAML tree once, building the model and noting problems."""

    def example(self, node: YNode, where: str) -> Example | None:
        got = self.fields(node, where, ("name", "answers", "outcome"), ("facts",))
        if got is None or any(k not in got for k in ("name", "answers", "outcome")):
            return None
        name = self.text(got["name"], "`name`")
        answers = [
            self.text(a, "an answer", allow_empty=True)
            for a in self.items(got["answers"], "`answers`")
        ]
        outcome = self.pattern(
            got["outcome"], "`outcome`", NODE_ID, "lower-case letters, digits and -"
        )
        facts = (
            self.mapping_of(got["facts"], "`facts`", FACT, "lower_case_with_underscores", self.text)
            if "facts" in got
            else {}
        )
        if name is None or outcome is None or None in answers:
            return None
        return Example(
            name,
            tuple(a for a in answers if a is not None),
            outcome,
            MappingProxyType(facts),
            node.mark,
        )

    def flow(self, tree: YNode, digest: str) -> Flow | None:
        got = self.top(tree)
        if got is None:
            return None
        flow_id = self.name(got, "flow")
        title = self.text(got["title"], "`title`") if "title" in got else None
        version = self.integer(got["version"], "`version`", minimum=1) if "version" in got else None
        start = self.name(got, "start")
        escapes = [
            self.option(item, "an escape option", is_escape=True)
            for item in self.listed(got, "escape")
        ]
        sources = (
            self.mapping_of(
                got["sources"], "`sources`", re.compile(r"^\S+$"), "no spaces", self.source_info
            )
            if "sources" in got
            else {}
        )
        nodes: dict[str, Node] = self.mapping_of(
            got["nodes"],
            "`nodes`",
            NODE_ID,
            "lower-case letters, digits and -, starting with a letter",
            self._node_or_broken,
        )
        examples = [self.example(item, "an example") for item in self.listed(got, "examples")]
        optional = {k: self.text(got[k], f"`{k}`") for k in ("description", "lang") if k in got}
        escape_shown = self.escape_shown(got["escape_shown"]) if "escape_shown" in got else None
        return Flow(
            id=flow_id or Path(self.file).stem,
            title=title or flow_id or Path(self.file).stem,
            version=version or 1,
            start=start or next(iter(nodes), ""),
            nodes=MappingProxyType(nodes),
            escape=tuple(e for e in escapes if e is not None),
            escape_shown=escape_shown or "answer",
            sources=MappingProxyType(sources),
            description=optional.get("description") or "",
            lang=optional.get("lang") or "en",
            examples=tuple(e for e in examples if e is not None),
            path=self.file,
            digest=digest,
            start_mark=got["start"].mark if "start" in got else tree.mark,
        )

    def top(self, tree: YNode) -> dict[str, YNode] | None:
        """The top-level fields of a flow; None when it is no mapping or has no nodes."""
        if not isinstance(tree, MapNode):
            kind = "a list" if isinstance(tree, SeqNode) else "a single value"
            self.report(
                tree.mark,
                "wrong-type",
                f"a flow must be a YAML mapping (flow:, title:, nodes: ...), not {kind}",
            )
            return None
        got = self.fields(
            tree,
            "the flow",
            ("flow", "title", "version", "start", "nodes"),
            TOP_KEYS[4:],
        )
        return got if got is not None and "nodes" in got else None

    def name(self, got: dict[str, YNode], key: str) -> str | None:
        """A top-level field holding a flow or node id, when given."""
        if key not in got:
            return None
        return self.pattern(got[key], f"`{key}`", NODE_ID, "lower-case letters, digits and -")

    def listed(self, got: dict[str, YNode], key: str) -> list[YNode]:
        """The items of an optional top-level list (none when it is not given)."""
        return self.items(got[key], f"`{key}`") if key in got else []

    def escape_shown(self, node: YNode) -> EscapeShown | None:
        """`escape_shown`: answer or line; anything else is a problem where it is written."""
        value = self.text(node, "`escape_shown`")
        for shown in ESCAPE_SHOWN:
            if value == shown:
                return shown
        if value is not None:
            words = " or ".join(ESCAPE_SHOWN)
            self.report(node.mark, "bad-value", f"`escape_shown` must be {words}, not `{value}`")
        return None

    def _node_or_broken(self, node: YNode, where: str) -> Node | None:
        node_id = where.strip("`")
        built = self.node(node_id, node)
        if built is None:
            self.broken.add(node_id)
        return built
