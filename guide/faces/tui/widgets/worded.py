"""Keys named in the person's language when a screen or widget is built, not when its
module is first imported: `Worded`, the one place that gives a node its own keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import BindingsMap, BindingType


class Worded:
    """A screen, widget or app whose keys come from `key_bindings()`, asked anew for
    each instance, so their names are the strings in use when it is built (a test
    can build the app in one language, then in another, in one process).

    Put it first among the bases (`class X(Worded, Dialog[None])`): it is not a
    Textual node itself, so Textual's CSS type names are those of the other bases.
    A class that uses it declares no `BINDINGS` of its own (they would be named
    once, at import); Textual's own keys (Tab, Ctrl+Q...) stay as they are."""

    if TYPE_CHECKING:
        _bindings: BindingsMap

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "BINDINGS" in cls.__dict__:  # named once, at import, and bound as well as ours
            raise TypeError(f"{cls.__name__}.BINDINGS → key_bindings()")

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        """This class's keys, worded from `S` now. A subclass adds its own to its
        parent's (`[*super().key_bindings(), ...]`), bound over Textual's own keys."""
        return []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Textual merges `BINDINGS` once, when the class is created, and gives each
        # node a copy in the private `_bindings` (DOMNode.__init__); it has no public
        # way to give one instance keys of its own. This is the only place that touches
        # it, keeping Textual's keys and putting ours over them as its merge would (a
        # key bound again replaces the base's); tests/tui/test_worded.py fails if
        # Textual changes that.
        ours = BindingsMap(self.key_bindings()).key_to_bindings
        self._bindings = BindingsMap.from_keys({**self._bindings.key_to_bindings, **ours})
