"""The person's settings: `settings.toml` in the user config folder.

```toml
save = false        # do not keep walks (the same as --no-save every time)
language = "fr"     # the guide's own words from strings/fr.toml (see guide/translation.py)
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True, slots=True)
class Settings:
    save: bool = True
    """Keep every walk in the session store (history, resume)."""
    language: str | None = None
    """The translation of the guide's own strings to use; None for English."""


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir("hangup-guide", appauthor=False)) / "settings.toml"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings, and a message when the file has a problem (defaults are used then)."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), f"{path}: ignored: {exc}"
    save = data.get("save", True)
    if not isinstance(save, bool):
        return Settings(), f"{path}: ignored: `save` must be true or false"
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        return Settings(), f'{path}: ignored: `language` must be text, such as "fr"'
    return Settings(save=save, language=language or None), None
