""" "Did you mean: X? (y/n)": one answer offered back, and the yes or no typed to it.

When typed words point at one answer but not clearly enough to take it, the walk
asks about that answer alone. The next reply at the same step is read first as a
yes or no to it ("y", "yes", "yeah", "n", "nope", "no, not that"): yes takes the
answer, no asks the question again; anything else is matched as usual. The offer
lasts until the walk moves (an answer, back, restart).
"""

from __future__ import annotations

from typing import Literal

from guide.flow import polarity
from guide.flow.match import Choice, Match, match
from guide.flow.records import record
from guide.flow.steps import Question
from guide.flow.tokens import tokens

SHORT = 4
"""Words at most in a yes or no to the offer ("no, not that one")."""


@record
class Offer:
    """The one answer asked about, and the step (a frame of the walk) it was asked at."""

    at: object
    choice: Choice


def settle(offered: Offer | None, here: object, text: str) -> Choice | Literal["no"] | None:
    """What the reply `text` makes of the offer: the answer taken, "no", or None (no
    offer here, or the reply is neither yes nor no: match it as usual)."""
    if offered is None or offered.at is not here:
        return None
    found = tokens(text[: 40 * SHORT])
    if not found or len(found) > SHORT:
        return None
    said = polarity.said(found)
    if said == "yes":
        return offered.choice
    return "no" if said == "no" else None


def answer(
    offered: Offer | None, here: object, text: str, question: Question
) -> tuple[Match | None, Offer | None]:
    """The reply matched at `question` (a frame `here`), the offer taken into account
    (None for "no" to it), and the offer to make now: the one answer suggested, if so."""
    settled = settle(offered, here, text)
    if settled == "no":
        return None, None
    found = Match(settled) if settled else match(text, question.choices, question.text)
    one = found.picked is None and len(found.suggestions) == 1  # "Did you mean: X? (y/n)"
    return found, Offer(here, found.suggestions[0]) if one else None
