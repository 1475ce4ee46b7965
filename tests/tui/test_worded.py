"""`Worded` gives each screen keys named when it is built. Textual has no public way
to do that, so these tests pin the behaviour of Textual's it relies on: bindings merged
once per class, and a private per-node copy that `active_bindings` (the footer, the
keys screen) reads. If a Textual upgrade changes either, they fail here first."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from guide.faces.tui.widgets.worded import Worded
from guide.i18n.strings import ENGLISH, S, use


class Probe(Worded, Screen[None]):
    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("x", "noop", S.key_close, id="close"), Binding("tab", "noop", S.key_next)]


class ProbeApp(App[None]):
    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.probe = screen

    def on_mount(self) -> None:
        self.push_screen(self.probe)


async def names_of(screen: Screen[None]) -> dict[str, str]:
    """Key -> its name, as the footer reads them, with the screen on top."""
    app = ProbeApp(screen)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen is screen
        return {key: active.binding.description for key, active in screen.active_bindings.items()}


@pytest.fixture(autouse=True)
def _english_again() -> Any:
    yield
    use({})


async def test_keys_are_named_with_the_strings_in_use_when_built() -> None:
    use({"key_close": "Fermer", "key_next": "Suivant"})
    french = Probe()
    use({})
    english = Probe()
    assert (await names_of(french))["x"] == "Fermer"
    assert (await names_of(english))["x"] == ENGLISH.key_close


async def test_textual_merges_nothing_of_ours_and_our_key_wins_over_its_own() -> None:
    assert Probe._merged_bindings is not None
    assert "x" not in Probe._merged_bindings.key_to_bindings  # so nothing is bound twice
    assert "tab" in Probe._merged_bindings.key_to_bindings  # Screen's own: focus next
    names = await names_of(Probe())
    assert names["tab"] == ENGLISH.key_next  # bound again: ours, as Textual's merge does
    assert "shift+tab" in names  # Textual's other keys stay


def test_a_worded_class_cannot_declare_bindings_at_import() -> None:
    with pytest.raises(TypeError, match="key_bindings"):

        class Frozen(Worded, Screen[None]):
            BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "noop", "Close")]
