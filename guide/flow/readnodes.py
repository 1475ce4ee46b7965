"""Building each kind of node from its YAML mapping."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import assert_never

from guide.flow.model import (
    NODE_KINDS,
    Ask,
    Branch,
    Compute,
    Goto,
    Input,
    InputType,
    Node,
    NodeKind,
    Outcome,
    Route,
    Say,
    Wait,
)
from guide.flow.problems import Mark
from guide.flow.readparts import FACT, PartsReader
from guide.flow.suggest import did_you_mean
from guide.flow.yamltree import MapNode, YNode

DURATION = re.compile(r"^(?=\d)(?:()(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
"""A wait: hours, minutes, seconds (the empty first group stands for days, which a wait has not)."""
CHECK_IN = re.compile(r"^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?()$")
"""A check-in: days, hours, minutes (the empty last group stands for seconds)."""
LONGEST_CHECK_IN = 366 * 24 * 3600
"""A year and a day: later than that, nobody remembers the advice."""

KIND_FIELDS: dict[NodeKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required keys, optional keys)
    "ask": (("ask", "options"), ("help", "escape")),
    "say": (("say", "next"), ()),
    "wait": (("wait", "next"), ("say",)),
    "input": (("input", "fact", "next"), ("type", "required", "min", "max", "help")),
    "route": (("route",), ()),
    "goto": (("goto",), ()),
    "compute": (("compute", "fact", "next"), ("with",)),
    "outcome": (
        ("outcome", "steps", "why", "source"),
        ("script", "text", "emergency", "check_in"),
    ),
}


class NodeReader(PartsReader):
    """Reads the nodes of a flow, one kind at a time; `broken` names those it could not build."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.broken: set[str] = set()

    def node(self, node_id: str, node: YNode) -> Node | None:
        where = f"node `{node_id}`"
        if not isinstance(node, MapNode):
            self.report(node.mark, "wrong-type", f"{where} must be a mapping")
            return None
        kind = self.kind(node, where)
        if kind is None:
            return None
        if kind != "outcome":
            node = self.without_check_in(node, where)
        required, optional = KIND_FIELDS[kind]
        got = self.fields(node, where, required, optional)
        if got is None or any(name not in got for name in required):
            for name, value in (got or {}).items():  # still report problems inside
                if name in ("next", "goto"):
                    self.target(value, f"`{name}`")
            return None
        return self.build(kind, node_id, got, node.mark)

    def kind(self, node: MapNode, where: str) -> NodeKind | None:
        """The one kind key of a node (`wait` wins: it may come with `say`)."""
        keys = [k.value for k, _ in node.items]
        kinds: list[NodeKind] = ["wait"] if "wait" in keys else [k for k in NODE_KINDS if k in keys]
        if len(kinds) == 1:
            return kinds[0]
        if not kinds:
            hint = next(
                (did_you_mean(k, NODE_KINDS) for k in keys if did_you_mean(k, NODE_KINDS)),
                "",
            )
            message = f"{where} has no kind: give it one of {', '.join(NODE_KINDS)}{hint}"
        else:
            message = f"{where} has both `{kinds[0]}` and `{kinds[1]}`; a node is exactly one kind"
        self.report(node.mark, "node-kind", message)
        return None

    def build(self, kind: NodeKind, node_id: str, got: dict[str, YNode], mark: Mark) -> Node | None:
        """The node of `kind` from its fields (all required ones present)."""
        match kind:
            case "ask":
                return self.build_ask(node_id, got, mark)
            case "say":
                return self.build_say(node_id, got, mark)
            case "wait":
                return self.build_wait(node_id, got, mark)
            case "input":
                return self.build_input(node_id, got, mark)
            case "route":
                return self.build_route(node_id, got, mark)
            case "goto":
                return self.build_goto(node_id, got, mark)
            case "compute":
                return self.build_compute(node_id, got, mark)
            case "outcome":
                return self.build_outcome(node_id, got, mark)
            case _:
                assert_never(kind)

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

    def duration(
        self, node: YNode, name: str = "wait", pattern: re.Pattern[str] = DURATION
    ) -> int | None:
        """Seconds, from a duration such as `1h30m` (`pattern` says which units)."""
        value = self.text(node, f"`{name}`")
        found = pattern.match(value) if value else None
        if value is not None and not found:
            examples = "30s, 5m or 1h30m" if pattern is DURATION else "30m, 2h or 1d"
            self.report(
                node.mark,
                "bad-duration",
                f"`{name}` must be a duration such as {examples}, not `{value}`",
            )
        if not found:
            return None
        days, hours, minutes, seconds = (int(g) if g else 0 for g in found.groups())
        return days * 86400 + hours * 3600 + minutes * 60 + seconds

    def check_in(self, node: YNode) -> int | None:
        """`check_in:` of an outcome, in seconds: more than none, at most a year and a day."""
        seconds = self.duration(node, "check_in", CHECK_IN)
        if seconds is not None and not 0 < seconds <= LONGEST_CHECK_IN:
            self.report(
                node.mark,
                "bad-duration",
                "`check_in` must be between 1m and 366d: when to ask how the advice went",
            )
            return None
        return seconds

    def without_check_in(self, node: MapNode, where: str) -> MapNode:
        """A node that is not an outcome, its `check_in:` reported and left out."""
        kept = []
        for key, value in node.items:
            if key.value == "check_in":
                self.report(
                    key.mark,
                    "misplaced-key",
                    f"`check_in` belongs on an outcome, not on {where}: it says when to ask"
                    " how the advice went",
                )
            else:
                kept.append((key, value))
        return MapNode(node.mark, kept) if len(kept) < len(node.items) else node

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
        check_in = self.check_in(got["check_in"]) if "check_in" in got else None
        if None in (title, why, source, script, message, emergency) or not steps:
            return None
        if "check_in" in got and check_in is None:
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
            check_in,
            got["check_in"].mark if "check_in" in got else mark,
        )
