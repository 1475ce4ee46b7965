"""Frozen records: what `@dataclass(frozen=True, slots=True)` gives the model, made in a
tenth of the time.

Every start builds the flow language's classes before the first question: as frozen
slotted dataclasses, about 0.3 ms each (six generated methods compiled one by one,
then the class made again for its slots), 12 ms for the model, its steps and its
problems, and `dataclasses` imports `inspect`, `ast` and `dis` besides. A `record`
compiles only its `__init__`; equality, hashing, `repr` and refusing assignment come
from the `Record` base, and `__match_args__` and `__slots__` from the fields.

What a record keeps of a dataclass: fields in the order written, defaults and
`field(default_factory=...)`, `hash=False`, `compare=False`, `repr=False`,
`__post_init__`, `__match_args__` (for `match`), equality only with the same class,
and assignment refused (`FrozenError`, an `AttributeError`, as dataclasses' is).
Type checkers read `record` as a frozen dataclass (`dataclass_transform`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")
_MISSING: Any = object()


class FrozenError(AttributeError):
    """A record's field cannot be assigned or deleted."""


class Field:
    """What `field()` says of one field: its default (or a factory) and where it counts."""

    __slots__ = ("compare", "default", "factory", "hash", "repr")

    def __init__(
        self, default: Any, factory: Callable[[], Any] | None, compare: bool, hash: bool, repr: bool
    ) -> None:
        self.default, self.factory = default, factory
        self.compare, self.hash, self.repr = compare, hash, repr


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    compare: bool = True,
    hash: bool | None = None,  # dataclasses' word
    repr: bool = True,  # dataclasses' word
) -> Any:
    """A field's default and flags, as `dataclasses.field` takes them."""
    hashed = compare if hash is None else hash
    return Field(default, default_factory, compare, hashed, repr)


class Record:
    """The methods every record shares; `record` sets the field names they read."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()
    _hashed: tuple[str, ...] = ()
    _shown: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._compared)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in self._hashed))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self.__match_args__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__match_args__, state, strict=True):
            object.__setattr__(self, name, value)

    __match_args__: tuple[str, ...] = ()


class MutableRecord(Record):
    """A record whose fields can be set again (`mutable_record`): not hashable, as a
    dataclass that is not frozen is not."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # unhashable, as a mutable dataclass

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        object.__delattr__(self, name)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """`cls` as a frozen record: its annotated fields, in order, become slots set once by
    a compiled `__init__` (see the module's doc)."""
    return _made(cls, Record)


@dataclass_transform(frozen_default=False, field_specifiers=(field,))
def mutable_record(cls: type[T]) -> type[T]:
    """`cls` as a record whose fields can be set again: `@dataclass(slots=True)`."""
    return _made(cls, MutableRecord)


def _made(cls: type[T], base: type[Record]) -> type[T]:
    written = cls.__dict__.get("__annotations__", {})  # noqa: RUF063  # inspect is what we avoid
    names = tuple(n for n, kind in written.items() if _is_field(kind))
    flags: dict[str, Field] = {}
    space: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    params, lines = [], []
    for name in names:
        given = cls.__dict__.get(name, _MISSING)
        spec = given if isinstance(given, Field) else Field(given, None, True, True, True)
        flags[name] = spec
        if spec.factory is not None:
            space[f"_make_{name}"] = spec.factory
            params.append(f"{name}=_MISSING")
            lines.append(f" _set(self, {name!r}, _make_{name}() if {name} is _MISSING else {name})")
            continue
        if spec.default is _MISSING:
            params.append(name)
        else:
            space[f"_default_{name}"] = spec.default
            params.append(f"{name}=_default_{name}")
        lines.append(f" _set(self, {name!r}, {name})")
    if "__post_init__" in cls.__dict__:
        lines.append(" self.__post_init__()")
    exec(
        f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines or [" pass"]), space
    )  # our own source, built from field names
    body = {k: v for k, v in cls.__dict__.items() if k not in (*names, "__dict__", "__weakref__")}
    body.update(
        __init__=space["__init__"],
        __slots__=names,
        __match_args__=names,
        _compared=tuple(n for n in names if flags[n].compare),
        _hashed=tuple(n for n in names if flags[n].hash),
        _shown=tuple(n for n in names if flags[n].repr),
    )
    bases = tuple(b for b in cls.__bases__ if b is not object)
    made: type[T] = type(cls.__name__, bases if Record in cls.__mro__ else (*bases, base), body)
    return made  # the same class, made again with its slots


def _is_field(kind: object) -> bool:
    """Not a ClassVar (annotations are strings here: `from __future__ import annotations`)."""
    return not str(kind).startswith(("ClassVar", "typing.ClassVar"))


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of a record with some fields changed: `dataclasses.replace` for records."""
    names: tuple[str, ...] = type(obj).__match_args__  # type: ignore[attr-defined]  # a record's
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    return type(obj)(**{name: changes.get(name, getattr(obj, name)) for name in names})
