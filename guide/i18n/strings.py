"""Every fixed string the guide shows a person, in English: the one place to translate.

The chat, its dialogs, the line-by-line face and practice all take their words
from `S`. A translation is one TOML file with some or all of these names as
keys (`hangup-guide strings` prints this catalogue in that form to start
from); `guide.i18n.translation` reads it and puts its strings into `S`. A name left
out stays in English. `{name}` marks a value filled in when the string is
shown: a translation keeps the same ones, in any order.

What is not here: the words of the flows themselves (a flow is translated by
writing it in the other language, with `lang:`), the keys (`b`, `!`, `1`…),
and the messages of the authoring commands (`check`, `test`, `graph`,
`stats`), which are for flow writers and stay in English.

Names start with where the string is shown: `key_` the footer and the keys
screen, `palette_` the command palette, `chat_` the chat, `card_` the outcome
card, `plain_` the line-by-line face, `practice_` practice, and so on.
This module imports nothing of the guide's, so the engine can use it too.
"""

from __future__ import annotations

from guide.i18n.catalogue.chat import ChatWords
from guide.i18n.catalogue.dialogs import DialogWords
from guide.i18n.catalogue.plain import PlainWords
from guide.i18n.catalogue.practice import PracticeWords
from guide.i18n.catalogue.saved import SavedWords
from guide.i18n.catalogue.serve import ServeWords
from guide.i18n.catalogue.titles import TitleWords


class Strings(
    TitleWords,
    ChatWords,
    DialogWords,
    SavedWords,
    PracticeWords,
    PlainWords,
    ServeWords,
):
    """The whole catalogue: each attribute is a string's English text, and an instance
    may hold other words in its place (`use`)."""

    def __eq__(self, other: object) -> bool:
        """The same words under every name."""
        if not isinstance(other, Strings):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in names())

    __hash__ = None  # type: ignore[assignment]  # words in use change: never a dict key


ENGLISH = Strings()
"""The catalogue as written in the parts; never changed."""

S = Strings()
"""The strings in use. `guide.i18n.translation.use` puts a translation's strings here."""


def names() -> list[str]:
    """Every string's name, in catalogue order."""
    return [name for part in Strings.__mro__[1:-1] for name in part.__annotations__]


def use(values: dict[str, str]) -> None:
    """Show these strings from now on (names not given go back to English)."""
    known = names()
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise TypeError(f"unknown strings: {', '.join(unknown)}")
    for name in known:
        setattr(S, name, values.get(name, getattr(ENGLISH, name)))
