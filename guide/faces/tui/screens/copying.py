"""The key that copies the words to use, in a module of its own: the chat's keys need
it before the first frame, and the words screen (with the clipboard) only when shown."""

from __future__ import annotations

from textual.binding import Binding

from guide.i18n.strings import S


def copy_binding() -> Binding:
    """The key that copies the words to use, on the outcome card and on a saved walk."""
    return Binding("c", "copy", S.key_copy, id="copy")
