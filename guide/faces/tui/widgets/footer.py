"""The footer of keys, without the leak of Textual 8's own, with "Keys" always in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

PINNED = "keys"
"""The action kept at the right of the footer at every width: the keys screen it opens
lists Ctrl+Q (quit) and Ctrl+P (the palette) first, so both can always be found."""


class KeysFooter(Footer):
    """Textual's `Footer`, which builds its keys anew whenever the keys that can be
    used change. Each key it builds asks the footer to tell it of changes to its
    `compact` setting, and the footer keeps that request after the key is gone (it
    only clears them when the setting changes, which it never does here), so every
    key ever shown stayed in memory: a few hundred KB a step. Before building new
    keys, this one forgets the requests of keys that are no longer on screen.

    On a narrow screen the keys that do not fit are cut off at the right; the one
    for the keys screen is docked there instead (`-pinned`, in app.tcss)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if getattr(widget, "action", None) == PINNED:  # a FooterKey (not public in Textual 8)
                widget.add_class("-pinned")
            yield widget

    async def recompose(self) -> None:
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for requests in watchers.values():
            requests[:] = [
                (node, callback)
                for node, callback in requests
                if getattr(node, "is_attached", True) and not getattr(node, "_closing", False)
            ]
        await super().recompose()
