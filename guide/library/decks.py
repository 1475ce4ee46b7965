"""Finding practice decks: the bundled ones and those in the person's flow folders."""

from __future__ import annotations

from pathlib import Path

from guide.flow.files import is_regular
from guide.flow.problems import FlowError
from guide.library.flows import Library, bundled_decks, user_dirs
from guide.practice.deck import Deck, read_deck
from guide.practice.validate import validate_deck


def deck_paths() -> list[Path]:
    """Bundled decks, then those in a `practice/` folder of each of the person's flow folders."""
    paths = bundled_decks()
    for folder in user_dirs():
        paths += sorted((folder / "practice").glob("*.yaml"))
    return paths


def load_decks(library: Library) -> tuple[list[Deck], list[str]]:
    """Every deck that loads and fits its flow, and a line for each one that does not."""
    decks: list[Deck] = []
    broken: list[str] = []
    for path in deck_paths():
        try:
            deck, problems = read_deck(path)
        except OSError as exc:
            broken.append(f"{path}: cannot read the file: {exc.strerror or exc}")
            continue
        except FlowError as exc:  # its problem says where already
            broken.append(str(exc.problems[0]))
            continue
        if deck is not None:
            problems += validate_deck(deck, library.flows)
        errors = [str(p) for p in problems if p.severity == "error"]
        if deck is None or errors:
            broken.append(errors[0] if errors else f"{path}: not a deck")
        else:
            decks.append(deck)
    return decks, broken


def find_deck(name: str, decks: list[Deck], library: Library | None = None) -> Deck | None:
    """A deck by id, or from a file (which must load and fit its flow)."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") and is_regular(path):
        try:
            deck, problems = read_deck(path)
        except (OSError, FlowError):
            return None
        if deck is not None and library is not None:
            problems += validate_deck(deck, library.flows)
        return deck if deck and not [p for p in problems if p.severity == "error"] else None
    return next((d for d in decks if name in (d.id, Path(d.path).stem)), None)
