"""The footer of keys, without the leak of Textual 8's own, with "Keys" always in view."""

from __future__ import annotations

from collections import defaultdict

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

PINNED = "keys"
"""The action kept at the right of the footer at every width: the keys screen it opens
lists Ctrl+Q (quit) and Ctrl+P (the palette) first, so both can always be found."""

Shown = tuple[str, str, str, str]
"""What a footer key shows and does: its key, what the key is shown as, its words and
its action."""


class KeysFooter(Footer):
    """Textual's `Footer`, which builds its keys anew whenever the keys that can be
    used change. Each key it builds asks the footer to tell it of changes to its
    `compact` setting, and the footer keeps that request after the key is gone (it
    only clears them when the setting changes, which it never does here), so every
    key ever shown stayed in memory: a few hundred KB a step. Before building new
    keys, this one forgets the requests of keys that are no longer on screen.

    Building keys is also most of a step's memory (each key is a widget, freed only
    by a full garbage collection): when the keys to show are keys it already has, in
    the same order, this footer hides, shows and dims them in place instead
    (`show_in_place`). The chat's keys change at nearly every step (Back and Undo
    come and go), so after a step or two it builds no more keys.

    On a narrow screen the keys that do not fit are cut off at the right; the one
    for the keys screen is docked there instead (`-pinned`, in app.tcss)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if getattr(widget, "action", None) == PINNED:  # a FooterKey (not public in Textual 8)
                widget.add_class("-pinned")
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        ready = self._bindings_ready and self.app.app_focus and self.is_attached
        if ready and screen is self.screen:
            self.call_after_refresh(self.show_keys)  # as Textual's: after the frame
        else:
            super().bindings_changed(screen)

    async def show_keys(self) -> None:
        """The screen's keys now: in place if the footer has them, else built anew."""
        if self.is_attached and not self.show_in_place(self.screen):
            await self.recompose()

    def show_in_place(self, screen: Screen[object]) -> bool:
        """Show the screen's keys with the footer's own: False when it lacks one of
        them, or has them in another order, and must be built again."""
        wanted = wanted_keys(screen)
        if wanted is None:
            return False
        keys = [child for child in self.children if isinstance(getattr(child, "action", None), str)]
        on_show = iter(wanted)
        want = next(on_show, None)
        plan: list[tuple[Widget, bool | None]] = []  # each key: hidden, or enabled or not
        for key in keys:
            if want is not None and shown_by(key) == want[0]:
                plan.append((key, want[1]))
                want = next(on_show, None)
            else:
                plan.append((key, None))
        if want is not None:
            return False  # a key to show that the footer has not got, or not in this order
        for key, enabled in plan:
            key.display = enabled is not None
            if enabled is not None:
                key.set_class(not enabled, "-disabled")
                key._disabled = not enabled  # type: ignore[attr-defined]  # FooterKey's own flag: a click on a dimmed key rings the bell
        return True

    async def recompose(self) -> None:
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for requests in watchers.values():
            requests[:] = [
                (node, callback)
                for node, callback in requests
                if getattr(node, "is_attached", True) and not getattr(node, "_closing", False)
            ]
        await super().recompose()


def wanted_keys(screen: Screen[object]) -> list[tuple[Shown, bool]] | None:
    """The keys Textual's footer would build for `screen`, in its order, with whether
    each can be used now; None when it would group some (not done in place)."""
    by_action: defaultdict[str, list[tuple[Shown, bool]]] = defaultdict(list)
    app = screen.app
    for _, binding, enabled, tooltip in screen.active_bindings.values():
        if not binding.show:
            continue
        if binding.group is not None or tooltip:
            return None
        shown = (binding.key, app.get_key_display(binding), binding.description, binding.action)
        by_action[binding.action].append((shown, enabled))
    return [keys[0] for keys in by_action.values()]


def shown_by(key: Widget) -> Shown:
    """What a FooterKey shows and does (its attributes are set when it is built)."""
    return (
        getattr(key, "key", ""),
        getattr(key, "key_display", ""),
        getattr(key, "description", ""),
        getattr(key, "action", ""),
    )
