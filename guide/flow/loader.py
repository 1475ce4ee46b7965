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
from typing import TypeVar

from guide.flow.collector import collector_paused
from guide.flow.files import read_capped
from guide.flow.model import (
    NODE_KINDS,
    AllOf,
    AnyOf,
    Ask,
    Branch,
    Compute,
    Condition,
    Example,
    FactIs,
    Flow,
    Goto,
    Input,
    InputType,
    Node,
    Not,
    Option,
    Outcome,
    Route,
    Say,
    Source,
    SourceInfo,
    Target,
    Wait,
)
from guide.flow.problems import Mark, Problem
from guide.flow.reader import FieldReader
from guide.flow.reserved import taken
from guide.flow.suggest import did_you_mean
from guide.flow.yamltree import (
    DEFAULT_LIMITS,
    Limits,
    MapNode,
    SeqNode,
    YNode,
    decode,
    parse_tree,
)

T = TypeVar("T")

NODE_ID = re.compile(r"^[a-z][a-z0-9-]*$")
FACT = re.compile(r"^[a-z_][a-z0-9_]*$")
TARGET = re.compile(r"^(?:([a-z][a-z0-9-]*):)?([a-z][a-z0-9-]*)$")
DURATION = re.compile(r"^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")

TOP_KEYS = (
    "flow",
    "title",
    "version",
    "start",
    "description",
    "lang",
    "sources",
    "escape",
    "nodes",
    "examples",
)
OPTION_KEYS = ("label", "next", "key", "aliases", "set", "when")
KIND_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required keys, optional keys)
    "ask": (("ask", "options"), ("help", "escape")),
    "say": (("say", "next"), ()),
    "wait": (("wait", "next"), ("say",)),
    "input": (("input", "fact", "next"), ("type", "required", "min", "max", "help")),
    "route": (("route",), ()),
    "goto": (("goto",), ()),
    "compute": (("compute", "fact", "next"), ("with",)),
    "outcome": (("outcome", "steps", "why", "source"), ("script", "text", "emergency")),
}


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


class _Builder(FieldReader):
    """Walks the YAML tree once, building the model and noting problems."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.broken: set[str] = set()

    # --- flow pieces --------------------------------------------------------------

    def target(self, node: YNode, where: str) -> Target | None:
        value = self.text(node, where)
        if value is None:
            return None
        found = TARGET.match(value)
        if not found:
            self.report(
                node.mark,
                "bad-name",
                f"{where} `{value}` is not a node id (lower-case letters, digits and -,"
                " or `other-flow:node`)",
            )
            return None
        return Target(found.group(2), found.group(1), node.mark)

    def condition(self, node: YNode, where: str) -> Condition | None:
        if not isinstance(node, MapNode) or not node.items:
            self.report(
                node.mark,
                "wrong-type",
                f"{where} must be a condition such as {{fact: value}}",
            )
            return None
        operators = {k.value for k, _ in node.items} & {"all", "any", "not"}
        if operators and len(node.items) > 1:
            self.report(
                node.mark,
                "bad-condition",
                f"`{min(operators)}` must be the only key of its condition in {where}",
            )
            return None
        key, value = node.items[0]
        if key.value in ("all", "any"):
            parts = [
                self.condition(item, where)
                for item in self.items(value, f"`{key.value}`", minimum=1)
            ]
            if not parts or None in parts:
                return None  # each broken part was reported where it is
            items = tuple(p for p in parts if p is not None)
            return AllOf(items, node.mark) if key.value == "all" else AnyOf(items, node.mark)
        if key.value == "not":
            inner = self.condition(value, where)
            return Not(inner, node.mark) if inner is not None else None
        return self.fact_tests(node, where)

    def fact_tests(self, node: MapNode, where: str) -> Condition | None:
        """`{fact: value, other: [a, b]}`: every test must hold."""
        tests: list[Condition] = []
        first: dict[str, int] = {}
        ok = True
        for key, value in node.items:
            fact = self.pattern(key, f"the fact in {where}", FACT, "lower_case_with_underscores")
            if fact is not None and fact in first:
                self.report(
                    key.mark,
                    "duplicate-key",
                    f"duplicate key `{fact}` in {where} (first at line {first[fact]})",
                )
                ok = False
                continue
            values = self.fact_values(value, key.value)
            if fact is None or values is None:
                ok = False
                continue
            first[fact] = key.mark.line
            tests.append(FactIs(fact, values, key.mark))
        if not ok:
            return None
        return tests[0] if len(tests) == 1 else AllOf(tuple(tests), node.mark)

    def fact_values(self, node: YNode, fact: str) -> tuple[str, ...] | None:
        """The value, or list of values, a fact is compared with; None when unusable."""
        if not isinstance(node, SeqNode):
            value = self.text(node, f"`{fact}`")
            return (value,) if value is not None else None
        if not node.items:
            self.report(node.mark, "empty", f"`{fact}` needs at least one value to compare with")
            return None
        values = [self.text(item, f"a value of `{fact}`") for item in node.items]
        if None in values:
            return None
        return tuple(v for v in values if v is not None)

    def option(self, node: YNode, where: str, is_escape: bool = False) -> Option | None:
        got = self.fields(node, where, ("label", "next"), OPTION_KEYS[2:])
        if got is None:
            return None
        label = self.text(got["label"], "`label`") if "label" in got else None
        target = self.target(got["next"], "`next`") if "next" in got else None
        key = self.option_key(got["key"], is_escape) if "key" in got else None
        aliases = self.texts(got["aliases"], "`aliases`") if "aliases" in got else ()
        sets: dict[str, str] = {}
        if "set" in got:
            sets = self.mapping_of(
                got["set"], "`set`", FACT, "lower_case_with_underscores", self.text
            )
        when = self.condition(got["when"], "`when`") if "when" in got else None
        if label is None or target is None:
            return None
        return Option(
            label,
            target,
            key,
            aliases,
            MappingProxyType(sets),
            when,
            is_escape,
            node.mark,
        )

    def option_key(self, node: YNode, is_escape: bool) -> str | None:
        key = self.text(node, "`key`")
        if key is None:
            return None
        if key.isdigit() or any(c.isspace() for c in key):
            self.report(
                node.mark,
                "bad-key",
                f"option key `{key}` must be one word and not a number (numbers are given in order)",
            )
            return None
        uses = taken(key, escape=is_escape)
        if uses is not None:
            self.report(
                node.mark,
                "reserved-key",
                f"option key `{key}` is taken by the interface ({uses}): choose another",
            )
            return None
        return key

    def source(self, node: YNode) -> Source | None:
        got = self.fields(node, "`source`", ("article",), ("section",))
        if got is None or "article" not in got:
            return None
        article = self.text(got["article"], "`article`")
        section = self.text(got["section"], "`section`") if "section" in got else ""
        if article is None:
            return None
        return Source(article, section or "", got["article"].mark)

    def source_info(self, node: YNode, where: str) -> SourceInfo | None:
        got = self.fields(node, f"source {where}", ("title",), ("url", "note"))
        if got is None or "title" not in got:
            return None
        title = self.text(got["title"], "`title`")
        url = self.text(got["url"], "`url`") if "url" in got else ""
        note = self.text(got["note"], "`note`") if "note" in got else ""
        return SourceInfo(title, url or "", note or "") if title else None

    def node(self, node_id: str, node: YNode) -> Node | None:
        where = f"node `{node_id}`"
        if not isinstance(node, MapNode):
            self.report(node.mark, "wrong-type", f"{where} must be a mapping")
            return None
        keys = [k.value for k, _ in node.items]
        kinds = ["wait"] if "wait" in keys else [k for k in NODE_KINDS if k in keys]
        if len(kinds) != 1:
            if not kinds:
                hint = next(
                    (did_you_mean(k, NODE_KINDS) for k in keys if did_you_mean(k, NODE_KINDS)),
                    "",
                )
                message = f"{where} has no kind: give it one of {', '.join(NODE_KINDS)}{hint}"
            else:
                message = (
                    f"{where} has both `{kinds[0]}` and `{kinds[1]}`; a node is exactly one kind"
                )
            self.report(node.mark, "node-kind", message)
            return None
        kind = kinds[0]
        required, optional = KIND_FIELDS[kind]
        got = self.fields(node, where, required, optional)
        if got is None or any(name not in got for name in required):
            for name, value in (got or {}).items():  # still report problems inside
                if name in ("next", "goto"):
                    self.target(value, f"`{name}`")
            return None
        build = getattr(self, f"build_{kind}")
        built: Node | None = build(node_id, got, node.mark)
        return built

    def build_ask(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        text = self.text(got["ask"], "`ask`")
        raw = self.items(got["options"], "`options`", minimum=2)
        options = [self.option(item, f"an option of `{node_id}`") for item in raw]
        help_text = self.text(got["help"], "`help`") if "help" in got else ""
        offers = self.boolean(got["escape"], "`escape`") if "escape" in got else True
        if text is None or None in options or len(options) < 2 or offers is None:
            return None
        return Ask(node_id, text, tuple(o for o in options if o), help_text or "", offers, mark)

    def build_say(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        text = self.text(got["say"], "`say`")
        target = self.target(got["next"], "`next`")
        return Say(node_id, text, target, mark) if text and target else None

    def build_wait(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        seconds = self.duration(got["wait"])
        text = self.text(got["say"], "`say`") if "say" in got else ""
        target = self.target(got["next"], "`next`")
        if seconds is None or text is None or target is None:
            return None
        return Wait(node_id, seconds, text, target, mark)

    def duration(self, node: YNode) -> int | None:
        value = self.text(node, "`wait`")
        found = DURATION.match(value) if value else None
        if value is not None and not found:
            self.report(
                node.mark,
                "bad-duration",
                f"`wait` must be a duration such as 30s, 5m or 1h30m, not `{value}`",
            )
        if not found:
            return None
        hours, minutes, seconds = (int(g) if g else 0 for g in found.groups())
        return hours * 3600 + minutes * 60 + seconds

    def build_input(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        text = self.text(got["input"], "`input`")
        fact = self.pattern(got["fact"], "`fact`", FACT, "lower_case_with_underscores")
        target = self.target(got["next"], "`next`")
        kind = self.text(got["type"], "`type`") if "type" in got else "text"
        if kind not in ("text", "number", "integer", None):
            self.report(
                got["type"].mark,
                "bad-value",
                f"`type` must be text, number or integer, not `{kind}`",
            )
            kind = None
        required = self.boolean(got["required"], "`required`") if "required" in got else True
        low = self.number(got["min"], "`min`") if "min" in got else None
        high = self.number(got["max"], "`max`") if "max" in got else None
        help_text = self.text(got["help"], "`help`") if "help" in got else ""
        if None in (text, fact, target, kind, required) or help_text is None:
            return None
        input_type: InputType = kind  # type: ignore[assignment]  # checked just above
        assert text and fact and target and required is not None
        return Input(
            node_id,
            text,
            fact,
            target,
            input_type,
            required,
            low,
            high,
            help_text,
            mark,
        )

    def build_route(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        branches: list[Branch] = []
        ok = True
        for item in self.items(got["route"], "`route`", minimum=1):
            parts = self.fields(item, f"a branch of `{node_id}`", ("next",), ("when",))
            if parts is None or "next" not in parts:
                ok = False
                continue
            target = self.target(parts["next"], "`next`")
            when = self.condition(parts["when"], "`when`") if "when" in parts else None
            if target is None or ("when" in parts and when is None):
                ok = False
                continue
            branches.append(Branch(target, when, item.mark))
        return Route(node_id, tuple(branches), mark) if ok and branches else None

    def build_goto(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        target = self.target(got["goto"], "`goto`")
        return Goto(node_id, target, mark) if target else None

    def build_compute(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        name = self.text(got["compute"], "`compute`")
        fact = self.pattern(got["fact"], "`fact`", FACT, "lower_case_with_underscores")
        target = self.target(got["next"], "`next`")
        inputs: dict[str, str] = {}
        if "with" in got:
            inputs = self.mapping_of(
                got["with"],
                "`with`",
                FACT,
                "lower_case_with_underscores",
                lambda n, w: self.pattern(n, w, FACT, "a fact name, lower_case_with_underscores"),
            )
        if name is None or fact is None or target is None:
            return None
        return Compute(node_id, name, fact, target, MappingProxyType(inputs), got["compute"].mark)

    def build_outcome(self, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        title = self.text(got["outcome"], "`outcome`")
        steps = self.texts(got["steps"], "`steps`")
        if not steps:
            self.report(
                got["steps"].mark,
                "too-few",
                f"outcome `{node_id}` needs at least one step",
            )
        why = self.text(got["why"], "`why`")
        source = self.source(got["source"])
        script = self.text(got["script"], "`script`") if "script" in got else ""
        message = self.text(got["text"], "`text`") if "text" in got else ""
        emergency = self.boolean(got["emergency"], "`emergency`") if "emergency" in got else False
        if None in (title, why, source, script, message, emergency) or not steps:
            return None
        assert title and why and source and script is not None and message is not None
        marks = {k: got[k].mark for k in ("script", "text") if k in got}
        return Outcome(
            node_id,
            title,
            steps,
            why,
            source,
            script,
            message,
            bool(emergency),
            mark,
            marks.get("script", mark),
            marks.get("text", mark),
        )

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
        if got is None or "nodes" not in got:
            return None
        flow_id = (
            self.pattern(got["flow"], "`flow`", NODE_ID, "lower-case letters, digits and -")
            if "flow" in got
            else None
        )
        title = self.text(got["title"], "`title`") if "title" in got else None
        version = self.integer(got["version"], "`version`", minimum=1) if "version" in got else None
        start = (
            self.pattern(got["start"], "`start`", NODE_ID, "lower-case letters, digits and -")
            if "start" in got
            else None
        )
        escapes = (
            [
                self.option(item, "an escape option", is_escape=True)
                for item in self.items(got["escape"], "`escape`")
            ]
            if "escape" in got
            else []
        )
        sources = (
            self.mapping_of(
                got["sources"],
                "`sources`",
                re.compile(r"^\S+$"),
                "no spaces",
                self.source_info,
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
        examples = (
            [self.example(item, "an example") for item in self.items(got["examples"], "`examples`")]
            if "examples" in got
            else []
        )
        optional = {k: self.text(got[k], f"`{k}`") for k in ("description", "lang") if k in got}
        return Flow(
            id=flow_id or Path(self.file).stem,
            title=title or flow_id or Path(self.file).stem,
            version=version or 1,
            start=start or next(iter(nodes), ""),
            nodes=MappingProxyType(nodes),
            escape=tuple(e for e in escapes if e is not None),
            sources=MappingProxyType(sources),
            description=optional.get("description") or "",
            lang=optional.get("lang") or "en",
            examples=tuple(e for e in examples if e is not None),
            path=self.file,
            digest=digest,
            start_mark=got["start"].mark if "start" in got else tree.mark,
        )

    def _node_or_broken(self, node: YNode, where: str) -> Node | None:
        node_id = where.strip("`")
        built = self.node(node_id, node)
        if built is None:
            self.broken.add(node_id)
        return built
