"""Close-match suggestions ("did you mean ...?") shared by the loader and the validator."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The `n` candidates most like `word`, best first; none when nothing is close."""
    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`"; did you mean `x`?"` for the closest candidate, or "" when none is close."""
    match = closest(word, candidates)
    return f"; did you mean `{match[0]}`?" if match else ""
