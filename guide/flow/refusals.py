"""Why the walk did not take a reply: a closed set of reasons, worded by each face.

The engine says *why* (no match, too long, a number below the least); the words
a person reads come from `guide.i18n.wording.refusal_words`, and the authoring
commands word them for flow writers themselves.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, get_args

from guide.flow.records import record

Unfit: TypeAlias = Literal[
    "required", "number", "whole_number", "finite", "at_least", "at_most", "compute"
]
"""Why a value does not fit an `input` step (or a calculation cannot be done with it)."""


@record
class Invalid:
    """A value the walk cannot take, and the part a face fills into its words: the
    bound for `at_least` and `at_most`, the calculation's own problem for `compute`."""

    kind: Unfit
    detail: str = ""


class InvalidInput(ValueError):
    """An answer the walk cannot take (a value that does not fit, a sum that
    cannot be done with it); `invalid` says why, a face words it for the person,
    and the walk stays where it was."""

    def __init__(self, invalid: Invalid) -> None:
        super().__init__(invalid.kind, invalid.detail)
        self.invalid = invalid


Unmatched: TypeAlias = Literal[
    "empty", "too_long", "did_you_mean", "no_match", "not_that", "finished"
]
"""Why typed words were not taken as an answer (nothing typed, too long, no clear pick,
no pick at all, "no" to the one answer offered back, or the walk is over)."""
Refusal: TypeAlias = Unmatched | Invalid
"""Why a typed reply was not taken: a closed set, each face words it for itself."""
REFUSALS: tuple[Refusal, ...] = (
    *get_args(Unmatched),
    *(Invalid(kind) for kind in get_args(Unfit)),
)
"""Every kind of refusal once, so a test can ask that each has words."""

AUTHOR_WORDS: dict[str, str] = {
    "empty": "type the number of an answer, or say it in a few words",
    "too_long": "that is too long to match; say it in a few words",
    "did_you_mean": "did you mean one of these?",
    "no_match": "that does not match any answer here",
    "not_that": "then type the number of the answer you meant, or say it another way",
    "finished": "the walk is finished",
    "required": "please type an answer",
    "number": "please type a number, such as 42",
    "whole_number": "please type a whole number, such as 42",
    "finite": "please type a finite number",
    "at_least": "please type a number of at least {detail}",
    "at_most": "please type a number of at most {detail}",
    "compute": "{detail}",
}
"""A refusal in English for flow writers (`check`'s examples, `--answers`): the
authoring messages stay English, so these never go through the catalogue."""


def author_words(reason: Refusal) -> str:
    """A refusal in the English of the authoring commands."""
    if isinstance(reason, Invalid):
        return AUTHOR_WORDS[reason.kind].format(detail=reason.detail)
    return AUTHOR_WORDS[reason]
