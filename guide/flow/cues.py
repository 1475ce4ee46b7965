"""What in typed text points at which answer of a question, and how strongly.

An answer's cues are its aliases (a phrase: all its words, in order), each clause of
its label and each run of three of a clause's words, and the distinctive words of its
label (a word no other answer has, and not a word of the question). Typed words and
cues are compared by their stems (`guide.flow.tokens`): "her phone probably died"
finds the alias "phone died", as an alias's words may stand a word apart in one
clause. A typed word nearly spelling a cue word ("batery") counts as that word
(rapidfuzz's Indel ratio, same first letter). At a question whose answers read as yes
and no, "yeah", "nope", "I haven't" count too (`guide.flow.polarity`).

An alias or a label's clause or run found as written weighs 1, by its stems only 0.9,
a yes or no 1; a label word 1/2, or 1 when the label's words are all that was typed
("accident"). Of two cues in the same words, of different answers, the longer wins.
A cue right after a negation in its clause, or ending on a helping verb that "not"
follows, does not count and marks its answer as denied; a negation inside an answer's
own cue ("don't count") leaves that answer's other cues standing. The escape is found
by its aliases only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from guide.flow import polarity
from guide.flow.model import Option
from guide.flow.records import field, mutable_record, record
from guide.flow.tokens import NEGATORS, Token, negated, tokens, wordset

ALIAS = 1.0
STEMMED = 0.9
"""An alias found by its stems only, not as written."""
LABEL = 0.5
GAP = 1
"""Words that may stand between two words of an alias."""
RUN = 3
"""Words of a label's clause, one after another, that count as much as an alias."""
AUXILIARY = wordset(
    "do does did have has had can could will would should must might is are was were am be"
)
"""Helping verbs, which "not" after them negates: "we do" in "we don't"."""
SOFTENERS = wordset("really quite too that so very even exactly totally entirely all")
"""Words that may stand between a negation and the rest of its alias."""
TYPO = 85.0
"""rapidfuzz ratio (0..100) from which a typed word counts as a cue word it nearly spells."""
MAX_ASKED = 500
"""Characters of the question read for its words."""
TYPO_LENGTH = 5
"""Shorter typed words are never taken for a misspelling ("calm" is not "call")."""
PLAIN = wordset(
    "a an the i i'm im it is was were be to of on in at for and or but my me they them"
    " their he she his her we you your that this just think maybe so what why how who"
    " with about from up out off into over then there here one all some very really"
    " am are do did does have has had can could would will should got get go"
    " like because if when as by any our us"
)
"""Words too plain to tell answers apart by: never a label's cue, never mended."""


@record
class Cue:
    stems: tuple[str, ...]
    option: int
    """The answer's place among the options given to `index`."""
    weight: float
    words: tuple[str, ...] = ()
    """The words as written: found so, the cue weighs a little more than by its stems
    ("complaints" is rather the alias "complaints" than "complaint")."""


@record
class Index:
    """A question's cues by their first stem, and the words typos are mended to."""

    first: Mapping[str, tuple[Cue, ...]]
    mendable: tuple[str, ...]
    """Cue words (as written) a typed word may be a slip of; the escape's are not."""
    stem_of: Mapping[str, str]
    polar: Mapping[str, tuple[int, ...]]
    """"yes"/"no" → the answers that read so: one takes a bare "yes", several are asked
    about."""


@mutable_record
class Found:
    """What one answer's cues found in the text."""

    score: float = 0.0
    covered: set[int] = field(default_factory=set)
    labels: int = 0
    denied: bool = False
    """A cue of the answer stood right after a negation: "it wasn't an accident"."""


@lru_cache(maxsize=1 << 12)
def option_tokens(option: Option) -> tuple[tuple[Token, ...], tuple[tuple[Token, ...], ...]]:
    """The label's tokens and each alias's (the aliases as `match.forms` keeps them)."""
    from guide.flow.match import forms  # match imports this module

    form = forms(option)
    return tokens(option.label), tuple(t for t in (tokens(p) for p in form.phrases) if t)


@lru_cache(maxsize=256)
def index(options: tuple[Option, ...], asked: str = "") -> Index:
    """The cues of a question's options, worked out once per question; the words of
    the question `asked` are no label's cue."""
    from guide.flow.match import MAX_QUESTION_ALIASES

    found = _Gathering(frozenset(t.stem for t in tokens(asked)))
    room = MAX_QUESTION_ALIASES
    for n, option in enumerate(options):
        label, aliases = option_tokens(option)
        aliases, room = aliases[: max(room, 0)], room - len(aliases)
        found.aliases(n, option, aliases)
        found.labels.append(set())
        if not option.is_escape:
            found.label(n, label)
            said = polarity.of_option(label, aliases)
            if said:
                found.polar[said].append(n)
    return found.index()


@mutable_record
class _Gathering:
    """A question's cues as they are gathered, option by option."""

    question: frozenset[str]
    cues: list[Cue] = field(default_factory=list)
    labels: list[set[str]] = field(default_factory=list)
    everyone: dict[str, set[int]] = field(default_factory=dict)
    """Stem → the options with it in a cue (a label word is a cue only if it is one's)."""
    stem_of: dict[str, str] = field(default_factory=dict)
    polar: dict[str, list[int]] = field(default_factory=lambda: {"yes": [], "no": []})
    clauses: dict[tuple[tuple[str, ...], tuple[str, ...]], set[int]] = field(default_factory=dict)

    def aliases(self, n: int, option: Option, aliases: tuple[tuple[Token, ...], ...]) -> None:
        for alias in aliases:
            if len(alias) > 1 or alias[0].word not in polarity.ANSWERS:  # "no": as an answer
                stems, words = tuple(t.stem for t in alias), tuple(t.word for t in alias)
                self.cues.append(Cue(stems, n, ALIAS, words))
            for t in alias:
                self.everyone.setdefault(t.stem, set()).add(n)
                if not option.is_escape and t.word not in PLAIN:
                    self.stem_of[t.word] = t.stem

    def label(self, n: int, label: tuple[Token, ...]) -> None:
        usable = {
            t.stem: t.word
            for i, t in enumerate(label)
            if _telling(t.word) and t.stem not in self.question and not negated(label, i)
        }
        self.labels[n] = set(usable)
        for stem, word in usable.items():
            self.everyone.setdefault(stem, set()).add(n)
            self.stem_of.setdefault(word, stem)
        for clause in _clauses(label):
            self.clauses.setdefault(clause, set()).add(n)

    def index(self) -> Index:
        cues = [*self.cues]
        cues += [Cue(c, min(ns), ALIAS, w) for (c, w), ns in self.clauses.items() if len(ns) == 1]
        for n, words in enumerate(self.labels):
            cues += [Cue((s,), n, LABEL) for s in sorted(words) if self.everyone[s] == {n}]
        first: dict[str, list[Cue]] = {}
        for cue in cues:
            first.setdefault(cue.stems[0], []).append(cue)
        return Index(
            {k: tuple(v) for k, v in first.items()},
            tuple(self.stem_of),
            self.stem_of,
            {k: tuple(v) for k, v in self.polar.items() if v},
        )


def _clauses(label: tuple[Token, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The stems and words of each clause of a label (two words or more, a telling word
    in it): "It can't wait (a deadline…)" has "it can not wait"; and of each run of `RUN`
    words or more of a clause ending in a telling word, neither cut off before a negation
    nor after one: "had to rush" of "They had to rush off", but not "I could ask" of
    "nobody I could ask"."""
    found = []
    for clause in sorted({t.clause for t in label}):
        part = [t for t in label if t.clause == clause]
        if len(part) > 1 and any(_telling(t.word) for t in part):
            found.append(part)
        negation = next((i for i, t in enumerate(part) if t.word in NEGATORS), len(part))
        for end in range(RUN, len(part) + 1):
            cut = end < len(part) and part[end].word in NEGATORS
            if _telling(part[end - 1].word) and not cut:  # none after a negation it leaves out
                found += [part[i:end] for i in range(min(end - RUN, negation) + 1)]
    return [(tuple(t.stem for t in f), tuple(t.word for t in f)) for f in found]


def _telling(word: str) -> bool:
    return len(word) > 2 and word not in PLAIN and word not in NEGATORS and word.isalpha()


def mend(found: tuple[Token, ...], at: Index) -> tuple[Token, ...]:
    """Typed words that nearly spell a cue word, taken as that word."""
    from rapidfuzz import fuzz, process  # only once words are typed: 10 ms of every start

    known = set(at.first) | {s for cues in at.first.values() for c in cues for s in c.stems}
    mended = []
    for token in found:
        if token.stem in known or len(token.word) < TYPO_LENGTH or token.word in PLAIN:
            mended.append(token)
            continue
        near = process.extractOne(
            token.word, at.mendable, scorer=fuzz.ratio, score_cutoff=TYPO, processor=None
        )
        if near is not None and near[0][0] == token.word[0]:
            mended.append(Token(token.word, at.stem_of[near[0]], token.clause))
        else:
            mended.append(token)
    return tuple(mended)


def evidence(found: tuple[Token, ...], at: Index, options: int) -> list[Found]:
    """For each option, the cues found in the typed tokens and their weight."""
    results = [Found() for _ in range(options)]
    if at.polar and found and found[0].word == "no":  # "no, still open": an answer
        found = (Token("no", "no", -1), *found[1:])
    hits = sorted(_hits(found, at), key=lambda hit: (-len(hit[1]), min(hit[1])))  # longest first
    spent = [  # each answer's own "don't count" leaves its other cues standing
        frozenset(p for c, ps in hits if c.option == n for p in ps if found[p].word in NEGATORS)
        for n in range(options)
    ]
    for cue, places in hits:
        if any(places < other for c, other in hits if c.option != cue.option):
            continue  # inside a longer cue of another answer: "hung up on me" is not "hang up on"
        result = results[cue.option]
        if places & result.covered:  # one answer's cues overlapping count once
            continue
        if negated(found, min(places), spent[cue.option]) or _then_not(found, max(places)):
            result.denied = True
            continue
        result.covered |= places
        exact = [found[p].word for p in sorted(places)] == list(cue.words)
        result.score += cue.weight if exact or cue.weight < ALIAS else STEMMED
        result.labels += cue.weight < ALIAS
    said = polarity.said(found)
    for n in at.polar.get(said or "", ()):  # one answer reads so: it; several: ask which
        results[n].score += ALIAS if len(at.polar[said or ""]) == 1 else LABEL
    content = {n for n, t in enumerate(found) if _telling(t.word)}
    for result in results:
        if result.labels and content and content <= result.covered:
            result.score = max(result.score, ALIAS)
    return results


def _then_not(found: tuple[Token, ...], last: int) -> bool:
    """Does the cue end on a helping verb that "not" follows: "i have" in "I haven't"?"""
    after = found[last + 1 : last + 2]
    return found[last].word in AUXILIARY and bool(after) and after[0].word == "not"


def _hits(found: tuple[Token, ...], at: Index) -> list[tuple[Cue, set[int]]]:
    """Every cue found in the tokens, with the places of its words, in reading order."""
    hits = []
    for start, token in enumerate(found):
        for cue in at.first.get(token.stem, ()):
            places = _find(found, start, cue.stems)
            if places is not None:
                hits.append((cue, places))
    return hits


def _find(found: Sequence[Token], start: int, stems: tuple[str, ...]) -> set[int] | None:
    """Where the cue's stems stand in order from `start`, each at most `GAP` words after
    the last, in its clause, with no negation skipped and none after a negation of the
    cue's own but a softener ("no fit" is not "no good fit", "not sure" is "not really
    sure"); None when they do not."""
    places = {start}
    last = start
    for stem in stems[1:]:
        after_negation = found[last].word in NEGATORS
        for at in range(last + 1, min(last + 2 + GAP, len(found))):
            if after_negation and at > last + 1 and found[at - 1].word not in SOFTENERS:
                return None
            if found[at].stem == stem and (
                at == last + 1 or found[at].clause == found[last].clause
            ):
                if any(found[k].word in NEGATORS for k in range(last + 1, at)):
                    return None
                places.add(at)
                last = at
                break
        else:
            return None
    return places
