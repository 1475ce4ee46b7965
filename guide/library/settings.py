"""The person's settings: `settings.toml` in the user config folder.

```toml
save = false        # do not keep walks (the same as --no-save every time)
language = "fr"     # the guide's own words from strings/fr.toml (see guide/i18n/translation.py)
theme = "nord"      # the app's colours; set by choosing a theme in the app (Ctrl+P → Theme)
name = "Sam"        # your name on `practice export` files; asked once, or set with --name
```

The app writes `theme` and `practice export` writes `name` itself (`remember`), changing only that line: the other
settings and the comments stay as the person wrote them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from guide import places
from guide.flow.files import read_capped
from guide.flow.limits import Limits
from guide.flow.problems import FlowError
from guide.flow.records import record


@record
class Settings:
    save: bool = True
    """Keep every walk in the session store (history, resume)."""
    language: str | None = None
    """The translation of the guide's own strings to use; None for English."""
    theme: str | None = None
    """The app's theme, by Textual's name for it; None for the default."""
    name: str | None = None
    """The learner's name on practice exports; None until it is first given."""


def settings_path() -> Path:
    return places.settings_file()


SETTINGS_LIMITS = Limits(max_bytes=65_536)
"""A settings file is a few lines; past this it is not ours to read."""


def _read_text(path: Path) -> str:
    """The file's text, if it is a regular file of reasonable size: a named pipe put in
    its place would otherwise hang every start. Problems are `OSError`s, in words."""
    try:
        return read_capped(path, SETTINGS_LIMITS).decode("utf-8")
    except FlowError as exc:
        raise OSError(exc.problems[0].message) from None


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings, and a message when the file has a problem (defaults are used then)."""
    path = path or settings_path()
    try:
        text = _read_text(path)
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"{path}: ignored: {exc}"
    import tomllib  # only with a file to read: most starts have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(), f"{path}: ignored: {exc}"
    save = data.get("save", True)
    if not isinstance(save, bool):
        return Settings(), f"{path}: ignored: `save` must be true or false"
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        return Settings(), f'{path}: ignored: `language` must be text, such as "fr"'
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        return Settings(), f'{path}: ignored: `theme` must be text, such as "nord"'
    name = data.get("name")
    if name is not None and not isinstance(name, str):
        return Settings(), f'{path}: ignored: `name` must be text, such as "Sam"'
    chosen = Settings(save, language or None, theme or None, name or None)
    return chosen, None


def remember(key: str, value: str, path: Path | None = None) -> str | None:
    """Set one top-level text setting in settings.toml, keeping every other line as it
    was (comments too), and write the file whole or not at all. Returns a problem, or
    None when it was written."""
    path = path or settings_path()
    try:
        text = _read_text(path)
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path}: {exc}"
    import tomllib

    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return f"{path}: not changed, as it cannot be read: {exc}"
    changed = _with_setting(text, key, value)
    after = tomllib.loads(changed) if changed is not None else None
    if after != {**before, key: value}:  # never lose or garble another setting
        return f"{path}: not changed, as `{key}` could not be set there safely"
    try:
        _write_whole(path.resolve(), changed or "")  # through a symlink: dotfiles stay linked
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    return None


def _with_setting(text: str, key: str, value: str) -> str | None:
    """The text with `key = "value"` in place of the key's old line (its comment kept),
    or added before the first [table]; None when the key's old line is not a simple one."""
    line = f"{key} = {_quoted(value)}"
    lines = text.splitlines(keepends=True)
    first_table = next((i for i, t in enumerate(lines) if t.lstrip().startswith("[")), len(lines))
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=\s*(\"(?:[^\"\\]|\\.)*\"|'[^']*')\s*(#.*)?$")
    for index, old in enumerate(lines[:first_table]):
        if re.match(rf"^\s*{re.escape(key)}\s*=", old):
            found = pattern.match(old.rstrip("\r\n"))
            if found is None:
                return None
            comment = f"  {found.group(2)}" if found.group(2) else ""
            lines[index] = f"{line}{comment}\n"
            return "".join(lines)
    if lines[:first_table] and not lines[first_table - 1].endswith("\n"):
        lines[first_table - 1] += "\n"
    lines.insert(first_table, f"{line}\n")
    return "".join(lines)


def _quoted(value: str) -> str:
    """A TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def _write_whole(path: Path, text: str) -> None:
    """Write through a temporary file beside `path`, then put it in place in one step."""
    import tempfile  # imports shutil and random: only when a setting is written

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
