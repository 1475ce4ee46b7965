"""Free text → one of the offered choices, or the two closest to ask about.

Order of trust: a number, a key, the exact label, then aliases found in the
text, then fuzzy similarity. Anything short of a clear winner becomes "did you
mean …?" with the two closest: a wrong silent pick is worse than a question.

The cost of one reply is bounded: the typed text is at most `typed.MAX_REPLY`
characters, an option's normalised label and aliases are computed once (`forms`),
and only the first `MAX_ALIASES` aliases of an option, `MAX_QUESTION_ALIASES` of a
question, each cut to `MAX_ALIAS_CHARS`, are looked at (`check` reports a flow
that has more: see `guide.flow.aliaslimits`). Fuzzy scores are difflib's
`SequenceMatcher.ratio`, as ever, but only where they can change the answer:
rapidfuzz's Indel similarity is never below it and costs a hundredth, so it rules
out the many texts that cannot come close first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

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
MAX_ALIASES = 30
"""Aliases of one option that matching looks at (the bundled flows have at most 12)."""
MAX_QUESTION_ALIASES = 300
"""Aliases of one question's options together (the bundled flows have at most 44)."""
MAX_ALIAS_CHARS = 80
"""Characters of an alias that matching looks at (the bundled flows' longest is 20): a
131 KB flow of 156-character aliases made each typed answer cost about a second."""
TYPO = 0.85  # a word this alike to an alias counts as that alias
EPSILON = 1e-6  # rapidfuzz's float rounding, so its bound stays a bound
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
        if typed and typed == forms(choice.option).label:
            return Match(choice)
    if raw.isdigit():  # a number that names nothing: offer the first two
        return Match(None, tuple(choices[:2]))
    hits = _alias_hits(typed, choices)
    if len(hits) == 1:
        return Match(hits[0])
    mine = set(typed.split()) - STOPWORDS
    typos = _typos(mine, choices)
    exact = {id(c) for c in hits}  # ranked among themselves, so scored exactly
    scores = {id(c): _similarity(typed, mine, c, id(c) in typos, id(c) in exact) for c in choices}
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


@dataclass(frozen=True, slots=True)
class Forms:
    """An option's texts as matching compares them: lower-case words joined by spaces."""

    label: str
    label_words: frozenset[str]
    """The label's words but the stopwords."""
    phrases: tuple[str, ...]
    """The aliases (the first `MAX_ALIASES`, each cut to `MAX_ALIAS_CHARS`); none empty."""


@lru_cache(maxsize=1 << 16)
def forms(option: Option) -> Forms:
    """The option's `Forms`, computed once per option rather than at every reply."""
    label = words(option.label)
    phrases = (" ".join(words(a[:MAX_ALIAS_CHARS])) for a in option.aliases[:MAX_ALIASES])
    return Forms(" ".join(label), frozenset(label) - STOPWORDS, tuple(p for p in phrases if p))


def _phrases(choices: Sequence[Choice]) -> list[tuple[str, Choice]]:
    """Every alias phrase of the choices, with its choice, up to `MAX_QUESTION_ALIASES`."""
    found = [(p, c) for c in choices for p in forms(c.option).phrases]
    return found[:MAX_QUESTION_ALIASES]


def _alias_hits(typed: str, choices: Sequence[Choice]) -> list[Choice]:
    """Choices with an alias found as a whole word or phrase, not right after a negation."""
    hits: list[Choice] = []
    padded = f" {typed} "
    for phrase, choice in _phrases(choices):
        if hits and hits[-1] is choice:
            continue
        at = padded.find(f" {phrase} ")
        if at < 0:
            continue
        before = padded[:at].split()[-2:]
        if not NEGATIONS.intersection(before):
            hits.append(choice)
    return hits


def _typos(mine: set[str], choices: Sequence[Choice]) -> set[int]:
    """ids of the choices with an alias that a typed word (over 3 letters) nearly spells."""
    from rapidfuzz import fuzz, process  # only once words are typed: 10 ms of every start

    found = _phrases(choices)
    texts = [phrase for phrase, _ in found]
    near: set[int] = set()
    for word in mine:
        if len(word) > 3 and texts:
            for phrase, _, index in process.extract(
                word, texts, scorer=fuzz.ratio, score_cutoff=100 * (TYPO - EPSILON), limit=None
            ):
                if SequenceMatcher(None, word, phrase).ratio() >= TYPO:
                    near.add(id(found[index][1]))
    return near


def _label_score(typed: str, label: str, exact: bool) -> float:
    """`SequenceMatcher.ratio` of the text and a label, where it matters.

    Below `CLOSE` a score only ranks a choice that is neither picked nor suggested, so
    there rapidfuzz's bound (never lower, a hundred times faster) stands in for it.
    """
    from rapidfuzz import fuzz  # see `_typos`

    bound = fuzz.ratio(typed, label) / 100
    if bound < CLOSE - EPSILON and not exact:  # rapidfuzz says 44.999… for 0.45
        return bound
    return SequenceMatcher(None, typed, label).ratio()


def _similarity(typed: str, mine: set[str], choice: Choice, typo: bool, exact: bool) -> float:
    """How alike the text (`mine`: its words but stopwords) and a choice are, 0..1, from
    the label, its words, and a typo of an alias."""
    form = forms(choice.option)
    score = _label_score(typed, form.label, exact)
    theirs = form.label_words
    if mine and theirs:
        score = max(score, len(mine & theirs) / len(mine | theirs) + 0.2 * bool(mine & theirs))
    if typo:
        score = max(score, 0.9)
    return min(score, 1.0)
