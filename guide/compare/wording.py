"""Wording changed per node, word by word: `[-removed words-]` and `{+inserted words+}`,
as `git diff --word-diff=plain` marks them. Flow text is never parsed, only split on
spaces, and control characters are stripped first."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest

from guide.compare.pairing import pair_options
from guide.flow.model import Ask, Flow, Input, Node, Outcome, Say, Wait
from guide.flow.typed import clean


@dataclass(frozen=True, slots=True)
class WordChange:
    """One text of one node that reads differently: `words` marks what changed."""

    flow: str
    node: str
    field: str
    old: str
    new: str
    words: str


def word_diff(old: str, new: str) -> str:
    """`new` with the words `old` had and it lacks as `[-…-]`, its own new words as `{+…+}`."""
    was, now = clean(old).split(), clean(new).split()
    parts: list[str] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, was, now, autojunk=False).get_opcodes():
        if op == "equal":
            parts += now[b1:b2]
            continue
        if a2 > a1:
            parts.append("[-" + " ".join(was[a1:a2]) + "-]")
        if b2 > b1:
            parts.append("{+" + " ".join(now[b1:b2]) + "+}")
    return " ".join(parts)


def wording_changes(pairs: Sequence[tuple[Flow | None, Flow | None]]) -> list[WordChange]:
    """Every text that changed, in nodes both versions have (by flow, then file order)."""
    found: list[WordChange] = []
    for old, new in pairs:
        if old is None or new is None:
            continue
        texts = [("title", old.title, new.title), ("description", old.description, new.description)]
        found += _changed(new.id, "(flow)", texts)
        for node_id, node in new.nodes.items():
            was = old.nodes.get(node_id)
            if was is not None:
                found += _changed(new.id, node_id, list(_texts(was, node)))
    return found


def _changed(flow: str, node: str, texts: list[tuple[str, str, str]]) -> list[WordChange]:
    return [
        WordChange(flow, node, field, clean(old), clean(new), word_diff(old, new))
        for field, old, new in texts
        if " ".join(clean(old).split()) != " ".join(clean(new).split())
    ]


def _texts(old: Node, new: Node) -> Iterator[tuple[str, str, str]]:
    """(field, old text, new text) of every text two nodes of one kind both have."""
    if isinstance(old, (Ask, Say, Wait, Input)) and isinstance(new, (Ask, Say, Wait, Input)):
        yield "text", old.text, new.text
    if isinstance(old, (Ask, Input)) and isinstance(new, (Ask, Input)):
        yield "help", old.help, new.help
    if isinstance(old, Ask) and isinstance(new, Ask):
        for was, now in pair_options(old.options, new.options):
            if was is not None and now is not None:
                yield f"answer “{was.label}”", was.label, now.label
    if isinstance(old, Outcome) and isinstance(new, Outcome):
        yield "title", old.title, new.title
        yield from _steps(old.steps, new.steps)
        yield "why", old.why, new.why
        yield "script", old.script, new.script
        yield "text", old.text, new.text
        yield "source", _source(old), _source(new)


def _steps(old: Sequence[str], new: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """Steps lined up as lists, so one step put in the middle reads as one inserted step,
    not as every later step reworded. Numbered as now; a step gone, as it was before."""
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = zip_longest(old[a1:a2], new[b1:b2], fillvalue="")
        for k, (before, after) in enumerate(pairs):
            field = f"step {b1 + k + 1}" if after else f"step {a1 + k + 1} before"
            yield field, before, after


def _source(node: Outcome) -> str:
    return f"{node.source.article} {node.source.section}".strip()
