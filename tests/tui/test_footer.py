"""The footer shows the keys that can be used now, and builds them once: it hides,
shows and dims the keys it has in place (`KeysFooter.show_in_place`), because each
key built anew is a widget only a full garbage collection frees (issue 18)."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.widgets._footer import FooterKey

from guide.faces.tui.widgets.footer import KeysFooter
from guide.flow.model import Flow

from .conftest import ChatFactory


def bottom_line(app: App[Any]) -> str:
    return app.screen._compositor.render_strips()[-1].text


@pytest.fixture
def keys_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The description of every FooterKey built from now on."""
    built: list[str] = []
    original = FooterKey.__init__

    def counting(self: FooterKey, key: str, display: str, description: str, *a: Any, **k: Any):  # type: ignore[no-untyped-def]  # FooterKey's own signature
        built.append(description)
        original(self, key, display, description, *a, **k)

    monkeypatch.setattr(FooterKey, "__init__", counting)
    return built


async def test_back_and_undo_come_and_go_without_new_keys(
    chat: ChatFactory, hang_up: Flow, keys_built: list[str]
) -> None:
    async with chat(hang_up) as c:
        await c.press("enter")
        await c.pilot.pause()
        first = bottom_line(c.app)
        assert "Emergency" in first and "Undo" not in first
        for _ in range(3):
            await c.press("2")
            await c.pilot.pause()
            answered = bottom_line(c.app)
            assert "Back" in answered and "Undo" not in answered
            await c.press("ctrl+b")
            await c.pilot.pause()
            assert "Undo" in bottom_line(c.app)
        built = len(keys_built)
        for _ in range(5):
            await c.press("2", "ctrl+b")
        await c.pilot.pause()
        assert len(keys_built) == built, keys_built[built:]
        assert "Undo" in bottom_line(c.app)


class Toggles(App[None]):
    """Two keys: `b` is shown, dimmed (check_action None) or hidden (False)."""

    BINDINGS: ClassVar = [("a", "first", "First"), ("b", "second", "Second")]

    def __init__(self) -> None:
        super().__init__()
        self.second: bool | None = True

    def compose(self) -> ComposeResult:
        yield KeysFooter(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.second if action == "second" else True

    def set_second(self, state: bool | None) -> None:
        self.second = state
        self.refresh_bindings()


async def test_a_key_is_dimmed_hidden_and_shown_again_in_place(keys_built: list[str]) -> None:
    app = Toggles()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        assert "First" in bottom_line(app) and "Second" in bottom_line(app)
        built = len(keys_built)
        second = next(k for k in app.query(FooterKey) if k.description == "Second")
        app.set_second(None)
        await pilot.pause()
        assert "Second" in bottom_line(app) and second.has_class("-disabled")
        app.set_second(False)
        await pilot.pause()
        assert "Second" not in bottom_line(app) and "First" in bottom_line(app)
        app.set_second(True)
        await pilot.pause()
        assert "Second" in bottom_line(app) and not second.has_class("-disabled")
        assert len(keys_built) == built


async def test_a_key_the_footer_has_not_got_is_built(keys_built: list[str]) -> None:
    app = Toggles()
    app.second = False
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        assert "Second" not in bottom_line(app)
        app.set_second(True)
        await pilot.pause()
        assert "Second" in bottom_line(app)
        assert keys_built.count("Second") == 1
