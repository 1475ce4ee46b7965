"""A check-in in words, where history, export and the app's history view show it."""

from __future__ import annotations

from guide.history.checkins import CheckIn
from guide.i18n.strings import S
from guide.i18n.timewords import count, when


def check_in_words(check_in: CheckIn) -> str:
    """ "it worked", "it didn't work", "not asked", "check-in due today, 14:05" (with how
    many times it was put off, when it was)."""
    match check_in.answer:
        case "worked":
            return S.check_in_status_worked
        case "did-not-work":
            return S.check_in_status_did_not_work
        case "dont-ask":
            return S.check_in_status_dont_ask
        case "not-yet" | None:
            due = S.check_in_status_open.format(when=when(check_in.due))
            if check_in.asked:
                put_off = count(check_in.asked, S.check_in_put_off_one, S.check_in_put_off_other)
                return f"{due}, {put_off}"
            return due


def check_in_record(check_in: CheckIn | None) -> dict[str, object] | None:
    """The check-in for JSON: its answer (None while open), when it is or was due,
    the interval in seconds and how often it was put off."""
    if check_in is None:
        return None
    return {
        "outcome": check_in.outcome,
        "answer": check_in.answer,
        "answered": check_in.answered,
        "due": check_in.due,
        "every": check_in.every,
        "put_off": check_in.asked,
    }
