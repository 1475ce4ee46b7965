"""A flow's steps, facts and conditions in the words a person saw, never its ids.

Ids (`why-ended`, `callback: came`) are for flow writers. Where a person reads
about a step (the map, the note "Started at …", the facts asked before starting
part-way), a step is what it asks or says, a fact is the question that sets it,
and a value is the answer that gave it: `{callback: came}` reads “They called
back”.
"""

from __future__ import annotations

from typing import assert_never

from guide.flow.model import (
    AllOf,
    Ask,
    Compute,
    Condition,
    FactIs,
    Flow,
    Goto,
    Input,
    Node,
    Not,
    Outcome,
    Route,
    Say,
    Wait,
)
from guide.flow.refusals import Invalid, Refusal
from guide.flow.steps import LEFT_EMPTY, Advice
from guide.i18n.strings import S

LONGEST = 30
"""Characters of an answer quoted in a condition; longer ones are cut with "…"."""


def step_words(node: Node) -> str:
    """What a step asks, says or advises; a step the person never sees, in general words."""
    if isinstance(node, Outcome):
        return node.title
    if isinstance(node, (Ask, Input, Say, Wait)) and node.text:
        return node.text
    if isinstance(node, Route):
        return S.map_route
    if isinstance(node, Compute):
        return S.map_compute
    if isinstance(node, Goto):
        return S.map_goto
    return S.wait_default if isinstance(node, Wait) else S.map_step


def answers_setting(flow: Flow, fact: str, value: str) -> list[str]:
    """The labels of the answers that set `fact` to `value`, in the flow's order."""
    options = [o for n in flow.nodes.values() if isinstance(n, Ask) for o in n.options]
    labels = [o.label for o in (*options, *flow.escape) if o.sets.get(fact) == value]
    return list(dict.fromkeys(labels))


def fact_words(flow: Flow, fact: str) -> str:
    """A fact as the question that sets it, or its name in plain words."""
    for node in flow.nodes.values():
        if isinstance(node, Ask) and any(fact in o.sets for o in node.options):
            return node.text
        if isinstance(node, Input) and node.fact == fact:
            return node.text
    return _plain(fact)


def value_words(flow: Flow, fact: str, value: str) -> str:
    """A fact's value as the answer that gives it, or the value in plain words."""
    labels = answers_setting(flow, fact, value)
    return S.condition_or.join(labels) if labels else _plain(value)


def condition_words(condition: Condition, flow: Flow) -> str:
    """A condition as the answers it depends on, quoted: “They called back” or “…”."""
    if isinstance(condition, FactIs):
        labels = [a for v in condition.values for a in answers_setting(flow, condition.fact, v)]
        if labels:
            return S.condition_or.join(f"“{_short(a)}”" for a in dict.fromkeys(labels))
        values = S.condition_or.join(_plain(v) for v in condition.values)
        return S.condition_is.format(fact=_plain(condition.fact), values=values)
    if isinstance(condition, Not):
        return S.condition_not.format(condition=condition_words(condition.item, flow))
    joiner = S.condition_and if isinstance(condition, AllOf) else S.condition_or
    return joiner.join(condition_words(item, flow) for item in condition.items)


def _short(text: str) -> str:
    return text if len(text) <= LONGEST else text[: LONGEST - 1].rstrip() + "…"


def _plain(name: str) -> str:
    return name.replace("_", " ").replace("-", " ")


def describe(condition: Condition) -> str:
    """A condition in plain words, for "why am I asked this?"."""
    if isinstance(condition, FactIs):
        return S.condition_is.format(
            fact=condition.fact, values=S.condition_or.join(condition.values)
        )
    if isinstance(condition, Not):
        return S.condition_not.format(condition=describe(condition.item))
    joiner = S.condition_and if isinstance(condition, AllOf) else S.condition_or
    return joiner.join(describe(item) for item in condition.items)


def source_line(advice: Advice, flow: Flow) -> str:
    """ "Source: “title”, section “…”": the article an outcome's advice comes from."""
    source = advice.node.source
    known = flow.sources.get(source.article)
    title = known.title if known else source.article
    if source.section:
        return S.card_source_section.format(title=title, section=source.section)
    return S.card_source.format(title=title)


def refusal_words(reason: Refusal) -> str:
    """Why a reply was not taken, in the catalogue's words ("that does not match any
    answer here"); each face capitalises and stops it as it shows it."""
    match reason:
        case "empty":
            return S.reply_empty
        case "too_long":
            return S.reply_too_long
        case "did_you_mean":
            return S.reply_did_you_mean
        case "no_match":
            return S.reply_no_match
        case "not_that":
            return S.reply_not_that
        case "finished":
            return S.reply_finished
        case Invalid():
            return _invalid_words(reason)
        case _:
            assert_never(reason)


def _invalid_words(invalid: Invalid) -> str:
    match invalid.kind:
        case "required":
            return S.input_required
        case "number":
            return S.input_number
        case "whole_number":
            return S.input_whole_number
        case "finite":
            return S.input_finite
        case "at_least":
            return S.input_at_least.format(minimum=invalid.detail)
        case "at_most":
            return S.input_at_most.format(maximum=invalid.detail)
        case "compute":
            return invalid.detail  # the calculation's own problem, in flow writers' words
        case _:
            assert_never(invalid.kind)


def answer_words(label: str) -> str:
    """A saved answer's label as shown: an input left empty in the catalogue's words."""
    return S.answer_left_empty if label == LEFT_EMPTY else label
