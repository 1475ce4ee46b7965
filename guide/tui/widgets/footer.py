"""The footer of keys, without the leak of Textual 8's own."""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's `Footer`, which builds its keys anew whenever the keys that can be
    used change. Each key it builds asks the footer to tell it of changes to its
    `compact` setting, and the footer keeps that request after the key is gone (it
    only clears them when the setting changes, which it never does here), so every
    key ever shown stayed in memory: a few hundred KB a step. Before building new
    keys, this one forgets the requests of keys that are no longer on screen."""

    async def recompose(self) -> None:
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for requests in watchers.values():
            requests[:] = [
                (node, callback)
                for node, callback in requests
                if getattr(node, "is_attached", True) and not getattr(node, "_closing", False)
            ]
        await super().recompose()
