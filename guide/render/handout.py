"""A flow as a Markdown handout: every question with its answers, every outcome with
its steps, why and source, in reading order, with a table of contents.

Pure: takes a `Flow`, returns text. Flow text is escaped so it never becomes
Markdown syntax.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import assert_never

from guide.flow.model import (
    Ask,
    Compute,
    Flow,
    Goto,
    Input,
    Node,
    Outcome,
    Route,
    Say,
    Target,
    Wait,
)
from guide.i18n.wording import describe
from guide.render.diagram import distinct, duration, here, offers_escape, reading_order
from guide.render.markdown import md


def _code(text: str) -> str:
    """`text` as inline code; one with a backtick in it needs a longer fence."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def anchors(flow: Flow) -> dict[str, str]:
    """A stable anchor for each node: the slug of its id, distinct."""
    used: set[str] = set()
    return {
        node_id: distinct(re.sub(r"[^a-z0-9-]+", "-", node_id.lower()).strip("-") or "node", used)
        for node_id in flow.nodes
    }


def heading(node: Node) -> str:
    """A node's heading in the handout, as plain text."""
    match node:
        case Ask():
            return f"Question: {node.text}"
        case Outcome():
            return f"{'Emergency outcome' if node.emergency else 'Outcome'}: {node.title}"
        case Say():
            return f"Note: {textwrap.shorten(node.text, 60, placeholder=' …')}"
        case Wait():
            return f"Wait {duration(node.seconds)}"
        case Input():
            return f"Fill in: {node.text}"
        case Route():
            return f"Route: {node.id}"
        case Compute():
            return f"Work out: {node.function}"
        case Goto():
            return f"Go to {node.target}"
        case _:
            assert_never(node)


@dataclass(frozen=True, slots=True)
class _Handout:
    """What every section needs to link to the others."""

    flow: Flow
    number: dict[str, int]
    anchor: dict[str, str]

    def link(self, target: Target) -> str:
        if not here(self.flow, target):
            return f"the {_code(target.flow or '')} flow, at {_code(target.node)}"
        if target.node not in self.flow.nodes:
            return f"{_code(target.node)} (missing)"
        title = md(heading(self.flow.nodes[target.node]))
        return f"[{self.number[target.node]}. {title}](#{self.anchor[target.node]})"


def to_handout(flow: Flow) -> str:
    """The flow as a Markdown handout: every step in reading order, with a table of contents."""
    order = reading_order(flow)
    doc = _Handout(flow, {n: i for i, n in enumerate(order, 1)}, anchors(flow))
    lines = [f"# {md(flow.title)}", ""]
    lines += [md(flow.description), ""] if flow.description else []
    size = f"{len(order)} steps, {len(flow.outcomes())} outcomes"
    lines += [f"*Flow {_code(flow.id)}, version {flow.version}: {size}. It starts at step 1.*", ""]
    for option in flow.escape if offers_escape(flow) else ():
        key = f" (key {_code(option.key)})" if option.key else ""
        goes = f"→ goes to: {doc.link(option.next)}"
        lines += [f"At every question: **{md(option.label)}**{key} {goes}", ""]
    lines += ["## Contents", ""]
    lines += [f"{doc.number[n]}. [{md(heading(flow.nodes[n]))}](#{doc.anchor[n]})" for n in order]
    for node_id in order:
        node = flow.nodes[node_id]
        title = f"{doc.number[node_id]}. {md(heading(node))}"
        lines += ["", f'## <a id="{doc.anchor[node_id]}"></a>{title}', ""]
        lines += _section(doc, node)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(doc: _Handout, node: Node) -> list[str]:
    match node:
        case Ask():
            return _ask_section(doc, node)
        case Outcome():
            return _outcome_section(doc.flow, node)
        case Route():
            return [
                f"- if {md(describe(b.when))} → {doc.link(b.next)}"
                if b.when
                else f"- otherwise → {doc.link(b.next)}"
                for b in node.branches
            ]
        case Goto():
            return [f"→ continues at: {doc.link(node.target)}"]
        case Say():
            lines = _said(node.text)
        case Wait():
            timer = f"A timer of {duration(node.seconds)} that can be started, skipped or snoozed."
            lines = [*_said(node.text), timer, ""]
        case Input():
            lines = [f"*{md(node.help)}*", ""] if node.help else []
            lines += [f"The answer is kept as {_code(node.fact)} ({_input_kind(node)}).", ""]
        case Compute():
            given = ", ".join(
                f"{_code(name)} from {_code(fact)}" for name, fact in node.inputs.items()
            )
            done = f"Works out {_code(node.function)}{f' ({given})' if given else ''}"
            lines = [f"{done} and keeps the result as {_code(node.fact)}.", ""]
        case _:
            assert_never(node)
    return [*lines, f"→ next: {doc.link(node.next)}"]


def _said(text: str) -> list[str]:
    """A step's own words as a paragraph (none when it has none)."""
    return [md(text), ""] if text else []


def _input_kind(node: Input) -> str:
    parts = [{"text": "text", "number": "a number", "integer": "a whole number"}[node.type]]
    if node.minimum is not None:
        parts.append(f"at least {node.minimum:g}")
    if node.maximum is not None:
        parts.append(f"at most {node.maximum:g}")
    parts.append("required" if node.required else "may be left empty")
    return ", ".join(parts)


def _ask_section(doc: _Handout, node: Ask) -> list[str]:
    lines = [f"*{md(node.help)}*", ""] if node.help else []
    for number, option in enumerate(node.options, 1):
        key = f" (key {_code(option.key)})" if option.key else ""
        lines.append(f"{number}. {md(option.label)}{key} → goes to: {doc.link(option.next)}")
        if option.when:
            lines.append(f"   - only offered if {md(describe(option.when))}")
    if doc.flow.escape and not node.offers_escape:
        lines += ["", "The escape is not offered at this question."]
    return lines


def _outcome_section(flow: Flow, node: Outcome) -> list[str]:
    lines = ["**Steps:**", ""]
    lines += [f"{number}. {md(step)}" for number, step in enumerate(node.steps, 1)]
    lines += ["", f"**Why:** {md(node.why)}", ""]
    if node.script:
        lines += ["**What to say:**", "", f"> {md(node.script)}", ""]
    if node.text:
        lines += ["**Message to send:**", "", f"> {md(node.text)}", ""]
    info = flow.sources.get(node.source.article)
    where = f"*{md(info.title)}*" if info else f"source {_code(node.source.article)}"
    where += f", section “{md(node.source.section)}”" if node.source.section else ""
    where += f" ({md(info.url)})" if info and info.url else ""
    return [*lines, f"**Source:** {where}."]
