"""The theme the person chose (Ctrl+P → Theme), remembered in settings.toml."""

from __future__ import annotations

from typing import Any

from textual.app import App

from guide.i18n.strings import S
from guide.library.settings import load_settings, remember


class RemembersTheme(App[Any]):
    """An app that starts in the theme chosen last time and remembers a new choice.

    Call `use_remembered_theme()` first thing in `on_mount`. A theme the app does
    not know (a name from a newer Textual, a typo) is left alone: the default is used
    and the file is not touched until the person picks another."""

    remembered_theme: str | None = None
    """The theme settings.toml names; a choice equal to it is not written again."""
    theme_ready = False
    """Set once the remembered theme is in use: changes before that are the app's own."""

    def use_remembered_theme(self) -> None:
        settings, _ = load_settings()  # a problem with the file is told where it is read
        self.remembered_theme = settings.theme
        if settings.theme and settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_ready = True

    def watch_theme(self, name: str) -> None:
        """Keep a new choice of theme for next time."""
        if not self.theme_ready or name == self.remembered_theme:
            return
        problem = remember("theme", name)
        if problem:
            self.notify(S.theme_not_saved.format(problem=problem), severity="warning", markup=False)
        else:
            self.remembered_theme = name
