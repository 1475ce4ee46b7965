"""Does typed text say someone may be in danger now? `crisis(text)` names the kind.

The words live in `guide.flow.lexicon` (one reviewed list, with how to add to
it); this module only reads them: it mends the text (`normalise`), finds the
first pattern that matches whole words, and drops a match that sits inside an
everyday idiom or right after a negation. Crisis lines and mental-health apps
do the same with risk language in free text; a miss costs far more than a
false alarm, so uncertainty ("not sure if he's breathing") still alarms.

Cost: the patterns are compiled once, on first use, and are bounded (no `.*`);
only the first `MAX_SCAN` characters are read. 500 characters take well under
a millisecond.
"""

from __future__ import annotations

import re
from functools import cache

from guide.flow.lexicon import FUZZY, IDIOMS, LEXICON, MACROS, TYPOS, Category
from guide.flow.records import record

MAX_SCAN = 2000
"""Characters read; a crisis said past this in a pasted essay is not looked for."""
WINDOW = 3
"""Words before a match in which a negation cancels it."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATORS = _words(
    "not never isnt wasnt arent werent dont doesnt didnt hasnt havent hadnt wont wouldnt"
    " shouldnt nobody nothing none neither nor no non without"
)
"""Words that cancel a match in the few words before it: "he is not badly hurt"."""
NOT_NEGATING_AFTER = _words(
    # "not sure if", "don't know whether": uncertainty, which still alarms;
    # "won't stop", "not answering", "never thought": about something else
    "know knowing sure idea certain clear stop stopped stopping stops answer answering"
    " answered replying reply replied respond responding picking pick calling well okay ok"
    " thought imagined expected believed dreamed dreamt realised realized knew"
)
NOT_NEGATING_NO = _words("he she they i we it my his her their someone somebody the")
"""After these, "no" answers a question ("no he collapsed") and negates nothing."""
CLAUSE = _words(
    "| and but so because cause then though although however if whether when while after"
    " before until or now yet"
)
"""Where a negation stops reaching: "he's not answering and he took pills"."""

_AUXILIARY = re.compile(
    r"\b(do|does|did|is|was|are|were|has|have|had|would|should|could|will|can) not\b"
)
_CONTRACTED = {"will": "wont", "can": "cant"}
_JOINED = (
    (re.compile(r"\bany more\b"), "anymore"),
    (re.compile(r"\bno one\b"), "nobody"),
    (re.compile(r"\bsome (one|body)\b"), r"some\1"),
    (re.compile(r"\bgood bye\b"), "goodbye"),
    (re.compile(r"\b(my|him|her|them|your) ?(self|selves)\b"), r"\1\2"),
    (re.compile(r"\bself harm"), "self harm"),
)
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"/\\\n\r\t…–—]+")  # noqa: RUF001
_OVERDOSED = re.compile(r"\bo\.?d'd\b|\bo\.d\.")
_NOT_WORD = re.compile(r"[^a-z0-9|]+")


@record
class Hit:
    """What was found: the kind of danger and the words that said it."""

    category: Category
    words: str


def crisis(text: str) -> Category | None:
    """The kind of danger `text` speaks of, or None (also for idioms and negations)."""
    hit = find(text)
    return hit.category if hit else None


def find(text: str) -> Hit | None:
    """The first crisis phrase in `text` that is neither inside an idiom nor negated."""
    mended = normalise(text)
    if not re.search("[a-z]", mended):  # "1", "!", "": nothing to read, nothing to compile
        return None
    idioms = [m.span() for m in _idioms().finditer(mended)]
    for category, pattern in _patterns():  # each pattern alone: none shadows another
        for found in pattern.finditer(mended):
            start, end = found.span()
            if any(a <= start and end <= b for a, b in idioms):
                continue
            if _negated(mended[:start].split(), found.group().split()[0]):
                continue
            return Hit(category, found.group())
    return None


def normalise(text: str) -> str:
    """Lower case, one spelling per word, `|` where a clause broke: what patterns read."""
    text = text[:MAX_SCAN].lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _OVERDOSED.sub(" overdosed ", text).replace("&", " and ")
    text = _CLAUSE_BREAK.sub(" | ", text).replace("'", "")
    words = [_mend(word) for word in _NOT_WORD.sub(" ", text).split()]
    text = _AUXILIARY.sub(lambda m: _CONTRACTED.get(m[1], m[1] + "nt"), " ".join(words))
    for pattern, replacement in _JOINED:
        text = pattern.sub(replacement, text)
    return re.sub(r"(?:\| )+\|", "|", text).strip(" |")


def _mend(word: str) -> str:
    if word in TYPOS:
        return TYPOS[word]
    if len(word) >= 6:
        for target in FUZZY:
            if word != target and _one_slip(word, target):
                return target
    return word


def _one_slip(a: str, b: str) -> bool:
    """True when `a` is `b` with one letter added, dropped, changed, or two swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        i = diffs[0] if diffs else 0
        return len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _negated(before: list[str], first: str) -> bool:
    """Is there a negation in the last few words of the clause before a match
    (whose first word is `first`)?"""
    clause: list[str] = []
    for word in reversed(before):
        if word in CLAUSE or len(clause) == WINDOW:
            break
        clause.insert(0, word)
    for word, after in zip(clause, [*clause[1:], first], strict=False):
        if word not in NEGATORS or after in NOT_NEGATING_AFTER:
            continue
        if word == "no" and after in NOT_NEGATING_NO:
            continue
        return True
    return False


def _expand(pattern: str) -> str:
    """`{name}` → the macro's group, and the whole pattern held to whole words."""
    body = pattern
    for _ in range(3):  # a macro may use another ({obj} holds {kin})
        body = re.sub(r"\{([a-z]+)\}", lambda m: MACROS.get(m[1], m[0]), body)
    return rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"


@cache
def _patterns() -> tuple[tuple[Category, re.Pattern[str]], ...]:
    return tuple(
        (category, re.compile(_expand(p)))
        for category, patterns in LEXICON.items()
        for p in patterns
    )


@cache
def _idioms() -> re.Pattern[str]:
    return re.compile("|".join(_expand(p) for p in IDIOMS))
