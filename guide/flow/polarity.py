"""Yes and no in their common forms, for questions whose answers read as yes and no.

An answer reads as yes when its label opens with "yes" (or a word like it) or it has the
alias "yes"; as no when it opens with "no", "not yet", "not really" (or has the alias
"no"). Typed text says yes or no by its first words: "yeah sure", "yep", "of course",
"I did", "nope", "nah", "no, I haven't warned them yet", "not yet", "I don't think so".
Doubt is neither: "not sure", "no idea".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from guide.flow.tokens import NEGATORS, UNCERTAIN, Token, wordset

Polarity = Literal["yes", "no"]

YES = wordset(
    "yes yeah yea yeh yep yup ya yah yass yess aye sure okay correct definitely"
    " absolutely certainly indeed affirmative totally y"
)
NO = wordset("no nope nah naw nay na negative never not n")
HEDGED = wordset("not never")
"""No only alone or before `NO_THEN`: "not yet", "never did"; "not waiting" is no answer."""
NO_THEN = wordset("yet really now quite exactly today anymore did have ever thanks")
NO_THEN_TWO = frozenset({"at all", "so far", "right now"})
ANSWERS = wordset("yes yeah yea yeh yep yup ya yah yass yess aye y no nope nah naw nay na n")
"""Words that are an answer alone, and nothing else: as an alias, they count only as
the answer ("no" in "no problem" is not the answer "no")."""
FILLERS = wordset("well um umm erm uh uhh hmm oh ah so honestly actually already and")
"""Words before the answer that say nothing ("well, yes", "um no")."""
PERSONS = wordset("i we they he she it you")
AUXILIARIES = wordset("do did does have has had can could will")
"""After a person, these answer: "I did", "they have", "I can" yes, "I haven't" no
("I was…", "I'm going to…" tell a story instead)."""
AFTER = 2
"""Words at most after "I did", for it to be read as an answer rather than a story."""


def said(found: Sequence[Token]) -> Polarity | None:
    """Whether the text answers yes or no (None: neither, or doubt)."""
    words = [t.word for t in found]
    at = 0
    while at < len(words) - 1 and words[at] in FILLERS:
        at += 1
    if at >= len(words):
        return None
    first, after = words[at], words[at + 1 : at + 2]
    if after and after[0] in UNCERTAIN and first in NEGATORS:
        return None
    if words[at : at + 2] == ["of", "course"] or words[at : at + 3] == ["i", "think", "so"]:
        return "yes"
    if "not think so" in " ".join(words[at : at + 5]):
        return "no"
    if first in YES:
        return "yes"
    if first in NO and (first not in HEDGED or _hedge_ends(words[at + 1 :])):
        return "no"
    if first in PERSONS and after:
        return _person(words[at + 1 :])
    return None


def _hedge_ends(rest: list[str]) -> bool:
    """Is "not" or "never" followed by nothing, or by words that keep it an answer?"""
    return not rest or rest[0] in NO_THEN or " ".join(rest[:2]) in NO_THEN_TWO


def _person(words: list[str]) -> Polarity | None:
    """After "I", "they"…: "did", "have", "can now" say yes; "did not", "haven't called
    back", "have nothing" say no; "don't know" neither."""
    if words[0] not in AUXILIARIES:
        return None
    if words[1:2] and words[1] in NEGATORS:  # "they haven't called back", not a story
        doubt = words[2:3] and words[2] in UNCERTAIN
        return None if doubt or len(words) > AFTER + 2 else "no"
    if len(words) > AFTER + 1 or (words[1:2] and words[1] in UNCERTAIN):
        return None
    return "yes"


def of_option(label: Sequence[Token], aliases: Sequence[Sequence[Token]]) -> Polarity | None:
    """Whether an answer reads as yes or as no, from its label's first words or an alias
    that is just "yes" or "no"."""
    if label:
        first, second = label[0].word, label[1].word if len(label) > 1 else ""
        if first in YES:
            return "yes"
        if first in NO and second not in UNCERTAIN:
            return "no"
    alone = {a[0].word for a in aliases if len(a) == 1}
    if "yes" in alone and "no" not in alone:
        return "yes"
    if "no" in alone and "yes" not in alone:
        return "no"
    return None
