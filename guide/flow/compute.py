"""The fixed registry of functions a flow's `compute:` node may name.

A flow never carries code: it names one of these, maps their inputs to facts,
and gets facts back. Every failure is a `ComputeError` worded for the person
at the keyboard, never a crash.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

from guide.flow.records import record


class ComputeError(ValueError):
    """A sum that cannot be done with what was given; the message is for the person."""


@record
class Function:
    """One computable thing: the inputs it needs, the facts it sets, how."""

    name: str
    inputs: tuple[str, ...]
    outputs: Mapping[str, tuple[str, ...]]
    """Fact suffixes it sets ("" is the fact itself), each with its possible
    values, or () when any value is possible."""
    run: Callable[[Mapping[str, float]], dict[str, str]]
    summary: str


TYPICAL_ABANDONMENT = (5.0, 8.0)
"""Per cent of calls abandoned that contact centres commonly see (article 002)."""


def abandonment_rate(values: Mapping[str, float]) -> dict[str, str]:
    """Share of offered calls abandoned before an agent answered, and how it compares."""
    abandoned, offered = values["abandoned"], values["offered"]
    if abandoned < 0 or offered < 0:
        raise ComputeError("call counts cannot be negative")
    if offered == 0:
        raise ComputeError("no calls were offered, so there is no rate to work out")
    if abandoned > offered:
        raise ComputeError("more calls were abandoned than were offered; check both numbers")
    # The band is judged on the figure the person sees, so "5.0%" is never "below 5".
    rate = round(abandoned / offered * 100, 1)
    low, high = TYPICAL_ABANDONMENT
    band = "below" if rate < low else "typical" if rate <= high else "above"
    return {"": f"{rate:.1f}", "_band": band}


def abandonment_rate_less_short(values: Mapping[str, float]) -> dict[str, str]:
    """The abandonment rate with the calls abandoned within the first few seconds left
    out of both counts, as many centres count it, and the counts it was worked on."""
    short = values["short"]
    if short < 0:
        raise ComputeError("call counts cannot be negative")
    if short > values["abandoned"]:
        raise ComputeError("more short abandons than abandoned calls; check both numbers")
    if short >= values["offered"] > 0:
        raise ComputeError("leaving out the short abandons leaves no calls to count")
    counted = {"abandoned": values["abandoned"] - short, "offered": values["offered"] - short}
    return {
        **abandonment_rate(counted),
        "_abandoned": f"{counted['abandoned']:g}",
        "_offered": f"{counted['offered']:g}",
    }


FUNCTIONS: Mapping[str, Function] = MappingProxyType(
    {
        "abandonment_rate": Function(
            "abandonment_rate",
            ("abandoned", "offered"),
            {"": (), "_band": ("below", "typical", "above")},
            abandonment_rate,
            "abandoned / offered * 100, and whether it is below, within or above 5-8%",
        ),
        "abandonment_rate_less_short": Function(
            "abandonment_rate_less_short",
            ("abandoned", "offered", "short"),
            {"": (), "_band": ("below", "typical", "above"), "_abandoned": (), "_offered": ()},
            abandonment_rate_less_short,
            "the same, with `short` (calls abandoned within seconds) taken off both counts",
        ),
    }
)


def run(
    name: str, inputs: Mapping[str, str], facts: Mapping[str, str], fact: str
) -> dict[str, str]:
    """Facts set by function `name`, its inputs read from `facts` through `inputs`."""
    function = FUNCTIONS.get(name)
    if function is None:
        raise ComputeError(f"this flow asks for a calculation (`{name}`) that does not exist")
    numbers: dict[str, float] = {}
    for wanted in function.inputs:
        source = inputs.get(wanted, wanted)
        raw = facts.get(source, "").strip()
        if not raw:
            raise ComputeError(f"the {source.replace('_', ' ')} is missing")
        try:
            number = float(raw.replace(",", ""))
        except ValueError:
            raise ComputeError(
                f"the {source.replace('_', ' ')} must be a number, not “{raw}”"
            ) from None
        if not math.isfinite(number):
            raise ComputeError(f"the {source.replace('_', ' ')} must be a finite number")
        numbers[wanted] = number
    return {fact + suffix: value for suffix, value in function.run(numbers).items()}
