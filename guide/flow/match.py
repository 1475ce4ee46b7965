"""Free text → one of the offered choices, or the two closest to ask about.

Order of trust: a number, a key, the exact label, then aliases found in the
text, then fuzzy similarity. Anything short of a clear winner becomes "did you
mean …?" with the two closest: a wrong silent pick is worse than a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from guide.flow.model import Option

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
NEGATIONS = frozenset({"not", "no", "never", "isn't", "wasn't", "don't", "didn't", "nothing"})
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "i'm",
        "im",
        "it",
        "it's",
        "is",
        "was",
        "were",
        "be",
        "been",
        "to",
        "of",
        "on",
        "in",
        "at",
        "for",
        "and",
        "or",
        "but",
        "my",
        "me",
        "they",
        "them",
        "their",
        "he",
        "she",
        "his",
        "her",
        "we",
        "you",
        "your",
        "that",
        "this",
        "just",
        "think",
        "maybe",
        "so",
    ]
)
SURE = 0.78  # a fuzzy score this high, clearly ahead of the next, picks
AHEAD = 0.15
CLOSE = 0.45  # below this nothing is worth suggesting


@dataclass(frozen=True, slots=True)
class Choice:
    """An option as offered: its number (1, 2, … or None) and its key."""

    option: Option
    number: int | None
    key: str | None

    @property
    def handle(self) -> str:
        """What the person types to pick it: the number, else the key."""
        return str(self.number) if self.number is not None else (self.key or "")


@dataclass(frozen=True, slots=True)
class Match:
    """`picked` when the text clearly names one choice, else up to two `suggestions`."""

    picked: Choice | None
    suggestions: tuple[Choice, ...] = ()


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes kept inside words."""
    return WORD.findall(text.lower().replace("\u2019", "'"))


def match(text: str, choices: Sequence[Choice]) -> Match:
    """Which choice `text` names; see the module docstring for the order of trust."""
    typed = " ".join(words(text))
    raw = text.strip().lower()
    if not raw or not choices:
        return Match(None, ())
    for choice in choices:
        if raw in (choice.handle.lower(), (choice.key or "").lower()):
            return Match(choice)
        if typed and typed == " ".join(words(choice.option.label)):
            return Match(choice)
    if raw.isdigit():  # a number that names nothing: offer the first two
        return Match(None, tuple(choices[:2]))
    hits = _alias_hits(typed, choices)
    if len(hits) == 1:
        return Match(hits[0])
    scores = {id(c): _similarity(typed, c) for c in choices}
    ranked = sorted(choices, key=lambda c: scores[id(c)], reverse=True)
    if hits:
        return Match(None, tuple(sorted(hits, key=ranked.index)[:2]))
    # The escape is always on offer by its key; fuzzy guesses never suggest it.
    ranked = [c for c in ranked if not c.option.is_escape]
    if not ranked:
        return Match(None, ())
    best = scores[id(ranked[0])]
    runner_up = scores[id(ranked[1])] if len(ranked) > 1 else 0.0
    if best >= SURE and best - runner_up >= AHEAD:
        return Match(ranked[0])
    return Match(None, tuple(c for c in ranked[:2] if scores[id(c)] >= CLOSE))


def _alias_hits(typed: str, choices: Sequence[Choice]) -> list[Choice]:
    """Choices with an alias found as a whole word or phrase, not right after a negation."""
    hits: list[Choice] = []
    padded = f" {typed} "
    for choice in choices:
        for alias in choice.option.aliases:
            phrase = " ".join(words(alias))
            at = padded.find(f" {phrase} ") if phrase else -1
            if at < 0:
                continue
            before = padded[:at].split()[-2:]
            if not NEGATIONS.intersection(before):
                hits.append(choice)
                break
    return hits


def _similarity(typed: str, choice: Choice) -> float:
    """How alike the text and a choice are, 0..1, from labels, aliases and typos."""
    option = choice.option
    label = " ".join(words(option.label))
    score = SequenceMatcher(None, typed, label).ratio()
    mine = set(words(typed)) - STOPWORDS
    theirs = set(words(label)) - STOPWORDS
    if mine and theirs:
        score = max(score, len(mine & theirs) / len(mine | theirs) + 0.2 * bool(mine & theirs))
    for alias in option.aliases:
        phrase = " ".join(words(alias))
        for word in mine:
            if len(word) > 3 and SequenceMatcher(None, word, phrase).ratio() >= 0.85:
                score = max(score, 0.9)
    return min(score, 1.0)
