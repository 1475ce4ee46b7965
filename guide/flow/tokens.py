"""Typed text as matching reads it: words mended and cut to their stems, in clauses.

"I didn't", "idk", "her phone probably died" and an alias "phone dies" must meet, so
both sides go through `tokens`: lower case; contractions and short forms spelled out
("didn't" → "did not", "idk" → "i do not know"); each word cut to a stem by a few
suffix rules and a short table of irregular forms ("died", "dying", "dead" → "die";
"hung" → "hang"). A stem only has to be the same on both sides, not a real word.

Punctuation and joining words ("and", "but", "because"…) start a new clause: a
negation reaches only the next few words of its own clause, so "not sure, but he was
busy" still says busy. The cost is linear in the text, which `engine.MAX_REPLY` bounds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from guide.flow.records import record

_PIECE = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.,;:!?()\[\]\"/…–—]")  # noqa: RUF001
_PUNCTUATION = frozenset('.,;:!?()[]"/…–—')  # noqa: RUF001


def wordset(text: str) -> frozenset[str]:
    """The words of a text, as a set: how the word lists below are written."""
    return frozenset(text.split())


NEGATORS = wordset("not no never nothing nobody none neither nor without hardly barely nowhere")
"""Words that cancel a cue in the few words after them, in their clause."""
NO_AS_ANSWER = wordset("i i'm we they he she it my his her their the you that this")
"""After these, "no" answers a question ("no I haven't", "no they were busy") and negates
nothing."""
UNCERTAIN = wordset("sure certain idea clue know clear tell")
"""After these a negation speaks of doubt ("not sure", "no idea"), not of the cue."""
GOES_ON = wordset("stop stopping help")
"""After these a negation says the rest goes on: "I can't stop going over it"."""
CLAUSE_WORDS = wordset(
    "and but so because cause then though although however if whether when while"
    " after before until or since yet"
)
"""Words that start a new clause; "yet" as in "not yet" is handled where it is read."""
HELPERS = frozenset(["do", "does", "did", "have", "has", "had"])
NOT_ANY = {"any": "no", "anyone": "nobody", "anybody": "nobody", "anything": "nothing"}
"""After "not" (or "not have"), these say the same as the word they stand for here."""
NEGATION_REACH = 5
"""Words after a negation that it cancels, in its clause."""

# fmt: off
_SHORT: dict[str, str] = {
    "idk": "i do not know", "dunno": "do not know", "dno": "do not know",
    "cant": "can not", "cannot": "can not", "wont": "will not", "aint": "is not",
    "dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not",
    "wasnt": "was not", "arent": "are not", "werent": "were not", "havent": "have not",
    "hasnt": "has not", "hadnt": "had not", "wouldnt": "would not", "couldnt": "could not",
    "shouldnt": "should not", "im": "i am", "ive": "i have", "youre": "you are",
    "theyre": "they are", "theyve": "they have", "weve": "we have", "id": "i would",
    "u": "you", "ur": "your", "r": "are", "cuz": "because", "coz": "because", "cos": "because",
    "bc": "because", "tho": "though", "thru": "through", "prob": "probably",
    "probs": "probably", "def": "definitely", "defo": "definitely", "rn": "right now",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tomoz": "tomorrow", "2moro": "tomorrow",
    "pls": "please", "plz": "please", "msg": "message", "txt": "text", "ppl": "people",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of",
    "sorta": "sort of", "bf": "boyfriend", "gf": "girlfriend", "mins": "minutes",
    "min": "minute", "hrs": "hours", "hr": "hour", "convo": "conversation", "ok": "okay",
    "k": "okay", "kk": "okay", "alright": "all right",
}
"""Short forms and contractions typed without their apostrophe, spelled out."""
_ENDINGS = (("n't", " not"), ("'m", " am"), ("'re", " are"), ("'ve", " have"),
            ("'ll", " will"), ("'d", " would"), ("'s", ""), ("s'", "s"))
_IRREGULAR: dict[str, str] = {
    "died": "die", "dies": "die", "dying": "die", "dead": "die", "hung": "hang",
    "rang": "ring", "rung": "ring", "fought": "fight", "said": "say", "says": "say",
    "went": "go", "gone": "go", "goes": "go", "got": "get", "gotten": "get",
    "thought": "think", "felt": "feel", "told": "tell", "left": "leave", "spoke": "speak",
    "spoken": "speak", "heard": "hear", "took": "take", "taken": "take", "was": "be",
    "were": "be", "is": "be", "are": "be", "am": "be", "been": "be", "being": "be",
    "has": "have", "had": "have", "having": "have", "cut": "cut", "anger": "angry",
    "angrily": "angry", "angrier": "angry", "children": "child", "kids": "kid",
    "calmer": "calm", "calmed": "calm", "busier": "busy", "men": "man", "women": "woman",
    "knew": "know", "known": "know", "lost": "lose", "sent": "send",
    "texted": "text", "texting": "text", "texts": "text", "worse": "bad", "better": "good",
    "mom": "mum", "mommy": "mum", "mummy": "mum", "mother": "mum", "ma": "mum",
}
# fmt: on
"""Forms the suffix rules would miss or mangle."""
_KEEP = wordset("this his was has is us yes bus news less lens gas kiss boss class")


@record
class Token:
    """One word as typed (mended) with its stem and the clause it stands in."""

    word: str
    stem: str
    clause: int


def spelled_out(word: str) -> list[str]:
    """A typed word with its contraction or short form spelled out, as words."""
    word = word.strip("'")
    if word in _SHORT:
        return _SHORT[word].split()
    if word in ("can't", "won't"):
        return [word[:2] + ("n" if word[0] == "c" else "ll"), "not"]
    for ending, instead in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            return (word[: -len(ending)] + instead).split()
    return [word] if word else []


@lru_cache(maxsize=1 << 14)
def stem(word: str) -> str:
    """A crude stem: the same for "call", "calls", "called", "calling"."""
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or word in _KEEP or not word.isalpha():
        return word
    for suffix, instead in (("ies", "y"), ("ied", "y"), ("ily", "y")):
        if word.endswith(suffix) and len(word) > 4:
            return word[: -len(suffix)] + instead
    for suffix in ("ing", "ed", "ment", "es", "s", "ly", "e"):
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3 or not re.search("[aeiouy]", base):
            continue
        if suffix in ("es", "s") and word.endswith(("ss", "us", "is")):
            return word
        if suffix == "es" and not base.endswith(("sh", "ch", "x", "z", "s")):
            continue
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
            base = base[:-1]  # stopped → stop, but called → call
        return base[:-1] if base.endswith("e") and len(base) > 3 else base
    return word


def tokens(text: str) -> tuple[Token, ...]:
    """The words of `text`, spelled out and stemmed, with their clause numbers."""
    found: list[Token] = []
    clause = 0
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    for piece in _PIECE.findall(text):
        if piece in _PUNCTUATION:
            clause += 1
            continue
        for word in spelled_out(piece):
            if word in CLAUSE_WORDS and not (
                word == "yet" and found[-1:] and found[-1].word == "not"
            ):
                clause += 1
            found.append(Token(word, stem(word), clause))
            _no_for_not_any(found)
    return tuple(found)


def _no_for_not_any(found: list[Token]) -> None:
    """ "not any" as "no", one way of saying it: "there isn't any signal" is "there is no
    signal", "we don't have any friends in common" is "we have no friends in common",
    "I haven't got any" is "I got no" (the helping verb goes with "not")."""
    last = found[-1]
    if last.word not in NOT_ANY:
        return
    between = next((n for n in (1, 2) if len(found) > n and found[-1 - n].word == "not"), None)
    if between is None or (between == 2 and found[-2].word not in ("have", "got")):
        return  # "don't count anything" keeps its "don't count"
    kept = found[-between:-1]  # the verb between "not" and "any", if one
    del found[-1 - between :]
    if kept and found and found[-1].word in HELPERS:
        found.pop()
    no = NOT_ANY[last.word]
    found += [*kept, Token(no, stem(no), last.clause)]


def negated(found: tuple[Token, ...], at: int, spent: frozenset[int] = frozenset()) -> bool:
    """Does a negation in the few words before `found[at]`, in its clause, cancel it?
    Negations at `spent` places are part of a phrase already ("don't count")."""
    opens = at and found[at].word in CLAUSE_WORDS  # "not before I…": the clause before
    clause = found[at - 1 if opens else at].clause
    for back in range(max(0, at - NEGATION_REACH), at):
        token = found[back]
        if token.clause != clause or token.word not in NEGATORS or back in spent:
            continue
        after = found[back + 1]
        opens = back == 0 or found[back - 1].clause != clause
        if token.word == "no" and opens and after.word in NO_AS_ANSWER:
            continue  # "no I was at work": an answer
        if after.word in UNCERTAIN | GOES_ON and back + 1 != at:
            continue  # "not sure he was angry" still says angry; "not sure" is no "sure"
        return True
    return False
