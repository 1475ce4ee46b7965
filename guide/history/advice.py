"""The advice a walk ended on, as it was shown: kept with the walk as JSON, read back
once into `SavedAdvice` (or `DamagedAdvice`, saying what is wrong), so history never
needs the flow again and nothing reads the record back by string keys."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from guide.i18n.strings import S

__all__ = ["DamagedAdvice", "SavedAdvice", "read_advice"]


@dataclass(frozen=True, slots=True)
class SavedAdvice:
    """The outcome as shown: its title, steps, why, call script, message and source."""

    title: str
    steps: tuple[str, ...]
    why: str
    script: str
    text: str
    source: str
    """The article (and section) the advice comes from, as shown."""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "steps": list(self.steps)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @property
    def words(self) -> str:
        """The words to copy: the message, else the call script; "" when neither."""
        return self.text or self.script


@dataclass(frozen=True, slots=True)
class DamagedAdvice:
    """What was saved of the advice cannot be read back (cut short on disk, or changed
    by hand)."""

    problem: str
    """What is wrong, naming the field or the place in the JSON."""
    title: str = ""
    """The title, when that much could still be read."""


_TEXTS = ("title", "why", "source")
_OPTIONAL = ("script", "text")


def read_advice(saved: str) -> SavedAdvice | DamagedAdvice:
    """Read the stored JSON once: the advice, or what is wrong with it."""
    try:
        shown = json.loads(saved)
    except ValueError as exc:
        return DamagedAdvice(S.advice_not_json.format(error=exc))
    if not isinstance(shown, dict):
        return DamagedAdvice(S.advice_not_object)
    title = shown.get("title")
    readable = title if isinstance(title, str) else ""
    for key in _TEXTS:
        if not isinstance(shown.get(key), str):
            return DamagedAdvice(S.advice_not_text.format(key=key), readable)
    steps = shown.get("steps")
    if not isinstance(steps, list):
        return DamagedAdvice(S.advice_steps_not_list, readable)
    for number, step in enumerate(steps, 1):
        if not isinstance(step, str):
            return DamagedAdvice(S.advice_step_not_text.format(number=number), readable)
    for key in _OPTIONAL:
        if not isinstance(shown.get(key, ""), str | None):
            return DamagedAdvice(S.advice_not_text.format(key=key), readable)
    return SavedAdvice(
        shown["title"],
        tuple(steps),
        shown["why"],
        shown.get("script") or "",
        shown.get("text") or "",
        shown["source"],
    )
