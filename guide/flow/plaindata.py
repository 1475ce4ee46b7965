"""A flow as plain data (lists, dicts, strings, numbers) and back: what the flow cache
keeps in JSON, so that a start can skip reading the YAML (`guide.library.cache`).

Only the model's own classes can come back, each built by its constructor from
values read as JSON: nothing is imported, evaluated or unpickled, whatever the
data holds, and no text with a control character (the loader lets none through,
so such a cache was not written by us) reaches a terminal from it. Data that does not fit raises `ValueError` (`NotPlain`), which the
cache takes as "no entry".

The shapes: a model object is `{"$": "Ask", "v": [field values in order]}`, a tuple
a JSON list, a mapping `{"m": [[key, value], ...]}` (the model's mappings are
read-only views, and keys keep their order), a frozenset `{"s": [...]}`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from guide.flow import model, problems
from guide.flow.limits import CONTROL
from guide.flow.records import Record

CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        problems.Mark,
        problems.Problem,
        model.FactIs,
        model.AllOf,
        model.AnyOf,
        model.Not,
        model.Target,
        model.Option,
        model.Branch,
        model.Source,
        model.SourceInfo,
        model.Ask,
        model.Say,
        model.Wait,
        model.Input,
        model.Route,
        model.Goto,
        model.Compute,
        model.Outcome,
        model.Example,
        model.Flow,
    )
}
"""Every class a flow is made of, by name: nothing else can be built from plain data."""


class NotPlain(ValueError):
    """Plain data that is not a flow's (another version's, or damaged)."""


def _names(cls: type) -> tuple[str, ...]:
    names: tuple[str, ...] = cls.__match_args__  # type: ignore[attr-defined]  # every record has them
    return names


def to_plain(value: Any) -> Any:
    """A model object (or a value inside one) as JSON-able plain data."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, frozenset):
        return {"s": sorted(to_plain(item) for item in value)}
    if isinstance(value, MappingProxyType | dict):
        return {"m": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    cls = type(value)
    if isinstance(value, Record) and CLASSES.get(cls.__name__) is cls:
        return {"$": cls.__name__, "v": [to_plain(getattr(value, n)) for n in _names(cls)]}
    raise NotPlain(f"cannot keep a {cls.__name__} as plain data")


def from_plain(data: Any) -> Any:
    """What `to_plain` made, built again; `NotPlain` when `data` is not such a thing."""
    try:
        return _built(data)
    except (TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise NotPlain(f"not a flow's plain data: {type(exc).__name__}") from None


def _built(data: Any) -> Any:
    if isinstance(data, str):
        if CONTROL.search(data):  # the loader lets none through: this was not ours
            raise NotPlain("a control character")
        return data
    if data is None or isinstance(data, bool | int | float):
        return data
    if isinstance(data, list):
        return tuple(_built(item) for item in data)
    if not isinstance(data, dict) or len(data) > 2:
        raise NotPlain("an object of an unknown shape")
    if "$" in data:
        cls = CLASSES[data["$"]]
        values = data["v"]
        if not isinstance(values, list) or len(values) != len(_names(cls)):
            raise NotPlain(f"a {cls.__name__} with the wrong number of fields")
        return cls(*(_built(v) for v in values))
    if "m" in data:
        return MappingProxyType({_built(k): _built(v) for k, v in data["m"]})
    if "s" in data:
        return frozenset(_built(item) for item in data["s"])
    raise NotPlain("an object of an unknown shape")
