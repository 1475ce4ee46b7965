"""Reading the small parts of a flow: targets, conditions, options and sources."""

from __future__ import annotations

import re
from types import MappingProxyType

from guide.flow.model import (
    AllOf,
    AnyOf,
    Condition,
    FactIs,
    Not,
    Option,
    Source,
    SourceInfo,
    Target,
)
from guide.flow.reader import FieldReader
from guide.flow.reserved import taken
from guide.flow.yamltree import MapNode, SeqNode, YNode

NODE_ID = re.compile(r"^[a-z][a-z0-9-]*$")
FACT = re.compile(r"^[a-z_][a-z0-9_]*$")
TARGET = re.compile(r"^(?:([a-z][a-z0-9-]*):)?([a-z][a-z0-9-]*)$")
OPTION_KEYS = ("label", "next", "key", "aliases", "set", "when")


class PartsReader(FieldReader):
    """Reads the parts nodes are made of, noting problems as `FieldReader` does."""

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
