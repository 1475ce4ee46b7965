"""Translations of the guide's own strings: one TOML file per language.

```toml
# ~/.config/hangup-guide/i18n/strings/fr.toml
key_back = "Retour"
chat_went_back = "Vous êtes revenu en arrière pour changer une réponse."
```

`language = "fr"` in settings.toml picks `strings/fr.toml` in the config folder.
Each string is checked against the English catalogue (`guide.i18n.strings`): an
unknown name, a value that is not text, or a `{placeholder}` the English does
not have is a problem at its line, and that string stays in English. A file
that cannot be read at all leaves everything in English.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from guide import places
from guide.flow.files import read_capped
from guide.flow.limits import CONTROL
from guide.flow.problems import FlowError, visible
from guide.flow.records import record
from guide.flow.suggest import did_you_mean
from guide.i18n.strings import ENGLISH, names, use

LANGUAGE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")
PLACEHOLDER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@record
class Catalogue:
    """What a translation file gave: the strings that can be used, and its problems."""

    strings: dict[str, str]
    problems: list[str]
    """`file:line:col: message`, one per problem."""
    readable: bool = True
    """False when the file could not be read at all."""


def strings_dir() -> Path:
    """Where translations are looked for: `strings/` where the guide keeps things."""
    return places.strings_dir()


def placeholders(text: str) -> set[str]:
    """The `{name}`s of a string; ValueError when its braces do not pair up."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def read_catalogue(path: Path) -> Catalogue:
    """Read and check one translation file (regular files only, at most 1 MiB)."""
    try:
        text = read_capped(path).decode("utf-8")
    except FlowError as exc:  # a FIFO, a device, a file over 1 MiB: located already
        return Catalogue({}, [str(exc.problems[0])], readable=False)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Catalogue({}, [f"{visible(str(path))}: cannot be read: {reason}"], readable=False)
    import tomllib  # when a translation is read: most starts read none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        place = _toml_place(str(exc), text)
        return Catalogue({}, [f"{path}:{place}: error: {_toml_reason(exc)}"])
    known = set(names())
    strings: dict[str, str] = {}
    problems: list[str] = []
    for name, value in data.items():
        where = f"{visible(str(path))}:{_line_of(text, name)}"
        if name not in known:
            hint = did_you_mean(name, known)
            problems.append(f"{where}: error: no string is called `{visible(name)}`{hint}")
        elif not isinstance(value, str):
            problems.append(f"{where}: error: `{name}` must be text in quotes")
        else:
            problem = _placeholder_problem(name, value)
            if problem:
                problems.append(f"{where}: error: {problem}")
            else:
                strings[name] = value
    return Catalogue(strings, problems)


def _placeholder_problem(name: str, value: str) -> str | None:
    bad = CONTROL.search(value)
    if bad:  # an escape code here reached the terminal (a clipboard write, a clear screen)
        return f"`{name}`: control character U+{ord(bad.group()):04X} is not allowed"
    wanted = placeholders(getattr(ENGLISH, name))
    try:
        found = placeholders(value)
        odd = _odd_placeholder(value)
    except ValueError:
        return f"`{name}`: a {{ or }} does not pair up (write {{{{ or }}}} for a brace itself)"
    if odd is not None:
        bare = re.split(r"[.\[!:]", odd, maxsplit=1)[0]
        like = bare if PLACEHOLDER.match(bare) else min(wanted, default="name")
        return (
            f"`{name}`: {{{visible(odd)}}} is not allowed; a placeholder is a bare name,"
            f" such as {{{like}}}"
        )
    if found - wanted:
        extra = ", ".join(f"{{{p}}}" for p in sorted(found - wanted))
        have = ", ".join(f"{{{p}}}" for p in sorted(wanted)) or "none"
        return f"`{name}`: {extra} is not filled in here (this string has: {have})"
    return None


def _odd_placeholder(text: str) -> str | None:
    """The first placeholder that is more than a bare `{name}`: a format (`{time:d}`
    crashed the first wait step; `{n:>300000000}` wrote 300 MB a line), a conversion
    (`{x!r}`), an attribute or index (`{a.b}`, `{a[0]}`), or no name (`{}`, `{0}`)."""
    for _, field, spec, conversion in string.Formatter().parse(text):
        if field is None:
            continue
        if spec or conversion or not PLACEHOLDER.match(field):
            return field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
    return None


def _line_of(text: str, name: str) -> str:
    """`line:col` of the key `name` (bare or quoted) in the TOML text."""
    pattern = re.compile(rf"^([ \t]*)(?:{re.escape(name)}|\"{re.escape(name)}\")[ \t]*=", re.M)
    found = pattern.search(text)
    if found is None:
        return "1:1"
    line = text.count("\n", 0, found.start()) + 1
    return f"{line}:{len(found.group(1)) + 1}"


def _toml_place(message: str, text: str) -> str:
    """`line:col` from tomllib's message ("at end of document": the last line)."""
    found = re.search(r"line (\d+), column (\d+)", message)
    if found:
        return f"{found.group(1)}:{found.group(2)}"
    lines = text.rstrip("\n").split("\n")
    return f"{len(lines)}:{len(lines[-1]) + 1}"


def _toml_reason(exc: ValueError) -> str:
    return re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)$", "", str(exc))


def apply_language(language: str | None, folder: Path | None = None) -> list[str]:
    """Use the translation named `language` (None: English); returns what to tell
    the person about it (a missing file, its problems)."""
    use({})
    if not language:
        return []
    if not LANGUAGE_NAME.match(language):
        return [f"settings: `language` must be a short name such as fr or pt-BR, not {language!r}"]
    path = (folder or strings_dir()) / f"{language}.toml"
    if not path.exists():  # a FIFO or a folder there is refused, unopened, by read_catalogue
        return [f"no translation for `{language}`: {path} does not exist; using English"]
    catalogue = read_catalogue(path)
    use(catalogue.strings)
    return catalogue.problems


def template() -> str:
    """The English catalogue as a TOML file: the start of a new translation."""
    lines = [
        "# Hang-up Guide's own strings, in English. To translate them, save this file as",
        f"# {strings_dir() / 'LANG.toml'} (LANG: fr, pt-BR, ...), translate the text",
        '# in quotes, and put language = "LANG" in settings.toml beside that folder.',
        "# Leave out a line to keep it in English. Keep each {name} as it is: the guide",
        "# fills it in. Check your file with: hangup-guide strings FILE",
    ]
    group = ""
    for name in names():
        prefix = name.split("_", 1)[0]
        if prefix != group:
            lines.append("")
            group = prefix
        value = json.dumps(getattr(ENGLISH, name), ensure_ascii=False)
        lines.append(f"{name} = {value}")
    return "\n".join(lines) + "\n"


def coverage(catalogue: Catalogue) -> tuple[int, int]:
    """How many strings the translation gives, of how many there are."""
    return len(catalogue.strings), len(names())
