"""Placeholders in scripts and messages: `{name}` and `{name|fallback}`, filled from facts.

A tiny, closed syntax on purpose: no format specs, no attribute access, no code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from guide.flow.model import Facts

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\|([^{}]*))?\}")


def fill(template: str, facts: Facts) -> str:
    """The template with each placeholder replaced by its fact, else its fallback.

    A placeholder with neither stays as written (`{name}`), a visible blank the
    person can fill in themselves.
    """

    def replace(found: re.Match[str]) -> str:
        value = facts.get(found.group(1), "").strip()
        if value:
            return value
        fallback = found.group(2)
        return fallback if fallback is not None else found.group(0)

    return PLACEHOLDER.sub(replace, template)


def placeholders(template: str) -> Iterator[str]:
    """The fact names a template reads."""
    for found in PLACEHOLDER.finditer(template):
        yield found.group(1)
