"""The condition language: data, never code. `{fact: value}`, lists, all/any/not."""

from __future__ import annotations

from collections.abc import Iterator

from guide.flow.model import AllOf, AnyOf, Condition, FactIs, Facts, Not


def holds(condition: Condition | None, facts: Facts) -> bool:
    """Whether `condition` holds for `facts`; no condition always holds."""
    if condition is None:
        return True
    if isinstance(condition, FactIs):
        return facts.get(condition.fact) in condition.values
    if isinstance(condition, AllOf):
        return all(holds(item, facts) for item in condition.items)
    if isinstance(condition, AnyOf):
        return any(holds(item, facts) for item in condition.items)
    return not holds(condition.item, facts)


def tests_in(condition: Condition | None) -> Iterator[FactIs]:
    """Every `{fact: value}` test inside a condition, for the validator."""
    if condition is None:
        return
    if isinstance(condition, FactIs):
        yield condition
    elif isinstance(condition, Not):
        yield from tests_in(condition.item)
    else:
        for item in condition.items:
            yield from tests_in(item)
