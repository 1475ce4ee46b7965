"""Free text → one of the offered choices, or the closest to ask about.

Order of trust: a number ("2", "option 2"), a key, the exact label; then the cues
found in the text (`guide.flow.cues`): aliases, clauses and distinctive words of the
labels, and yes or no at a question whose answers read so, all compared by word
stems, so whole sentences ("her phone probably died") are read, not only short
paraphrases; then, with no cue at all, fuzzy similarity to the labels. A choice is
picked only when its cues weigh at least an alias and no other choice has that much:
anything short of a clear winner becomes "did you mean …?" with the closest first,
since a wrong silent pick is worse than a question. A cue right after a negation in
its clause does not count.

The cost of one reply is bounded: the typed text is at most `typed.MAX_REPLY`
characters, an option's normalised label and aliases are computed once (`forms`), a
question's cues once (`cues.index`), and only the first `MAX_ALIASES` aliases of an
option, `MAX_QUESTION_ALIASES` of a question, each cut to `MAX_ALIAS_CHARS`, are looked
at (`check` reports a flow that has more: see `guide.flow.aliaslimits`). Cues are
found through a table by their first word, and a typed word is compared for typos
only with the question's cue words, by rapidfuzz. Fuzzy scores are difflib's
`SequenceMatcher.ratio`, as ever, but only where they can change the answer:
rapidfuzz's Indel similarity is never below it and costs a hundredth, so it rules
out the many texts that cannot come close first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from guide.flow import cues
from guide.flow.model import Option
from guide.flow.records import record
from guide.flow.tokens import tokens

NUMBERED = re.compile(r"(?:option|answer|number|no\.|#)?\s*(\d{1,3})\s*[.)]?")
""""2", "2.", "option 2", "#2": the answer numbered 2."""
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
EPSILON = 1e-6  # rapidfuzz's float rounding, so its bound stays a bound
SURE = 0.78  # a fuzzy score this high, clearly ahead of the next, picks
AHEAD = 0.15
CLOSE = 0.45  # below this nothing is worth suggesting


@record
class Choice:
    """An option as offered: its number (1, 2, … or None) and its key."""

    option: Option
    number: int | None
    key: str | None

    @property
    def handle(self) -> str:
        """What the person types to pick it: the number, else the key."""
        return str(self.number) if self.number is not None else (self.key or "")


@record
class Match:
    """`picked` when the text clearly names one choice, else up to two `suggestions`."""

    picked: Choice | None
    suggestions: tuple[Choice, ...] = ()


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes kept inside words."""
    return WORD.findall(text.lower().replace("\u2019", "'"))


def match(text: str, choices: Sequence[Choice], asked: str = "") -> Match:
    """Which choice `text` names; see the module docstring for the order of trust.
    `asked` is the question: its words tell no answer apart ("call" in "did the call
    drop?")."""
    typed = " ".join(words(text))
    raw = text.strip().lower()
    if not raw or not choices:
        return Match(None, ())
    number = NUMBERED.fullmatch(raw)
    handle = number[1] if number else raw
    for choice in choices:
        if handle in (choice.handle.lower(), (choice.key or "").lower()):
            return Match(choice)
        if typed and typed == forms(choice.option).label:
            return Match(choice)
    if handle.isdigit():  # a number that names nothing: offer the first two
        return Match(None, tuple(choices[:2]))
    options = tuple(c.option for c in choices)
    at = cues.index(options, asked[: cues.MAX_ASKED])
    found = cues.evidence(cues.mend(tokens(text), at), at, len(choices))
    ranked = sorted(range(len(choices)), key=lambda n: found[n].score, reverse=True)
    ranked = [n for n in ranked if found[n].score > 0]
    if ranked:
        best = found[ranked[0]].score
        runner_up = found[ranked[1]].score if len(ranked) > 1 else 0.0
        clear = runner_up < cues.ALIAS and best - runner_up >= cues.LABEL
        if best >= cues.STEMMED and clear and not found[ranked[0]].denied:
            return Match(choices[ranked[0]])
        return Match(None, tuple(choices[n] for n in ranked[:2]))
    return _fuzzy(typed, choices, {id(choices[n]) for n, f in enumerate(found) if f.denied})


def _fuzzy(typed: str, choices: Sequence[Choice], denied: set[int]) -> Match:
    """No cue found: how alike the text and each label are, as a whole (never picking an
    answer whose cue was negated: "not they picked up")."""
    mine = set(typed.split()) - STOPWORDS
    scores = {id(c): _similarity(typed, mine, c) for c in choices}
    # The escape is always on offer by its key; fuzzy guesses never suggest it.
    ranked = sorted(
        (c for c in choices if not c.option.is_escape), key=lambda c: scores[id(c)], reverse=True
    )
    if not ranked:
        return Match(None, ())
    best = scores[id(ranked[0])]
    runner_up = scores[id(ranked[1])] if len(ranked) > 1 else 0.0
    if best >= SURE and best - runner_up >= AHEAD and id(ranked[0]) not in denied:
        return Match(ranked[0])
    return Match(None, tuple(c for c in ranked[:2] if scores[id(c)] >= CLOSE))


@record
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


def _label_score(typed: str, label: str) -> float:
    """`SequenceMatcher.ratio` of the text and a label, where it matters.

    Below `CLOSE` a score only ranks a choice that is neither picked nor suggested, so
    there rapidfuzz's bound (never lower, a hundred times faster) stands in for it.
    """
    from rapidfuzz import fuzz  # only once words are typed: 10 ms of every start

    bound = fuzz.ratio(typed, label) / 100
    if bound < CLOSE - EPSILON:  # rapidfuzz says 44.999… for 0.45
        return bound
    return SequenceMatcher(None, typed, label).ratio()


def _similarity(typed: str, mine: set[str], choice: Choice) -> float:
    """How alike the text (`mine`: its words but stopwords) and a choice's label are, 0..1."""
    form = forms(choice.option)
    score = _label_score(typed, form.label)
    theirs = form.label_words
    if mine and theirs:
        score = max(score, len(mine & theirs) / len(mine | theirs) + 0.2 * bool(mine & theirs))
    return min(score, 1.0)
