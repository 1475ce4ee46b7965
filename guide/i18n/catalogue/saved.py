"""Saved walks: the history list and one walk read-only."""

from __future__ import annotations


class SavedWords:
    """Saved walks: the history list and one walk read-only. Each attribute is the English string."""

    # --- saved walks: the history list and one walk read-only ------------------------------
    history_title: str = "Your saved walks"
    history_empty: str = "No saved walks yet."
    history_hint: str = "Enter opens one (read-only) · Escape closes"
    history_note: str = "note: {note}"
    status_finished: str = "finished"
    status_set_aside: str = "set aside"
    status_unfinished: str = "unfinished"
    transcript_title: str = "{flow} (saved walk)"
    transcript_header: str = "Walk {id} · started {when} · {status} (read-only)"
    transcript_note: str = "Your note: {note}"
    # issue 14 part 6: saved times in local time ({time} is 24-hour HH:MM; time_months is
    # the twelve month names, separated by spaces), counts with a singular and a plural
    # (`{n}` is the number; `_one` is used for exactly 1, `_other` for any other number),
    # the facts dialog's hint, Enter on the transcript, and a theme not remembered.
    time_today: str = "today, {time}"
    time_yesterday: str = "yesterday, {time}"
    time_date: str = "{day} {month} {year}, {time}"
    time_months: str = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
    count_steps_one: str = "{n} step"
    count_steps_other: str = "{n} steps"
    transcript_changed_one: str = "{n} answer was changed along the way."
    transcript_changed_other: str = "{n} answers were changed along the way."
    facts_hint: str = "Enter starts · Escape cancels"
    key_pick: str = "Pick the highlighted row"
    theme_not_saved: str = "The theme could not be remembered: {problem}"

    # issue 15 parts 1, 2, 6, 7 (privacy): the saved walks' files and their commands
    store_made_private: str = (
        "Your saved walks in {folder} could be read by other accounts on this machine;"
        " now only you can read them."
    )
    history_no_walk: str = "there is no saved walk {id} (see `hangup-guide history`)"
    history_advice_damaged: str = (
        "walk {id}: what was saved of its advice is damaged ({problem}), so it is shown without it"
    )
    note_not_text: str = (
        "the note holds bytes that are not UTF-8 text; nothing was saved"
        " (type it again, or set a UTF-8 locale)"
    )
    export_exists: str = "{path} already exists; nothing was written (--force replaces it)"
    wipe_nothing_deleted: str = "Nothing was deleted."
    # saved advice read back (issue 16, typed records): what is wrong with a damaged one
    advice_not_json: str = "not JSON: {error}"
    advice_not_object: str = "not a JSON object"
    advice_not_text: str = "`{key}` is not text"
    advice_steps_not_list: str = "`steps` is not a list"
    advice_step_not_text: str = "`steps` item {number} is not text"
