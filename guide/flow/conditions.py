"""The condition language: data, never code. `{fact: value}`, lists, all/any/not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from guide.flow.model import AllOf, AnyOf, Condition, FactIs, Facts, Not


def holds(condition: Condition | None, facts: Facts) -> bool:
    """Whether `condition` holds for `facts`; no condition always holds."""
    if condition is None:
        return True
    match condition:
        case FactIs():
            return facts.get(condition.fact) in condition.values
        case AllOf():
            return all(holds(item, facts) for item in condition.items)
        case AnyOf():
            return any(holds(item, facts) for item in condition.items)
        case Not():
            return not holds(condition.item, facts)
        case _:
            assert_never(condition)


def tests_in(condition: Condition | None) -> Iterator[FactIs]:
    """Every `{fact: value}` test inside a condition, for the validator."""
    if condition is None:
        return
    match condition:
        case FactIs():
            yield condition
        case Not():
            yield from tests_in(condition.item)
        case AllOf() | AnyOf():
            for item in condition.items:
                yield from tests_in(item)
        case _:
            assert_never(condition)
