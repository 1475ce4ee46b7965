"""Where the guide keeps things: every platformdirs call, and `HANGUP_GUIDE_HOME`.

With `HANGUP_GUIDE_HOME` set, that one folder holds everything the guide keeps,
so a test or a portable install is one variable:

    $HANGUP_GUIDE_HOME/sessions.db     saved walks (and their journals)
    $HANGUP_GUIDE_HOME/settings.toml   settings
    $HANGUP_GUIDE_HOME/flows/          the person's own flows and decks
    $HANGUP_GUIDE_HOME/strings/        translations
    $HANGUP_GUIDE_HOME/cache/          flows already read and checked (`guide.library.cache`)

Without it, saved walks (and the flow cache) go in the user data folder and the rest
in the user config folder, as the system expects (platformdirs names both; it is
imported only when asked, as a start with the home set never needs it).

A layer of its own, below the packages that keep things (i18n, history,
library) and above the flow language, which does no I/O.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "HANGUP_GUIDE_HOME"
APP_NAME = "hangup-guide"
CACHE_FOLDER = "cache"


def home() -> Path | None:
    """The folder named by `HANGUP_GUIDE_HOME`, or None when it is not set."""
    named = os.environ.get(HOME_ENV)
    return Path(named).expanduser() if named else None


def data_dir() -> Path:
    """Where saved walks live: `HANGUP_GUIDE_HOME`, else the user data folder."""
    if (named := home()) is not None:
        return named
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Where settings, the person's flows and translations live:
    `HANGUP_GUIDE_HOME`, else the user config folder."""
    if (named := home()) is not None:
        return named
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def flows_dir() -> Path:
    """The person's own flows (and practice decks)."""
    return config_dir() / "flows"


def strings_dir() -> Path:
    """Translations of the guide's own strings, one `LANG.toml` each."""
    return config_dir() / "strings"


def cache_dir() -> Path:
    """Flows already read and checked, kept to start faster: in the data folder, beside
    the saved walks (`$HANGUP_GUIDE_HOME/cache/` when the home is set)."""
    return data_dir() / CACHE_FOLDER
