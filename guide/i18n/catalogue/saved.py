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

    # check-ins (issue 19): "How did it go?", asked when the guide starts once a walk's
    # advice is due a check-in; its answers, where history, export and stats show them.
    check_in_title: str = "How did it go?"
    check_in_advice: str = "Last time the advice was: {title}"
    check_in_advice_name: str = "Last time the advice about {name} was: {title}"
    check_in_when: str = "(walk {id}, {when})"
    check_in_worked: str = "It worked"
    check_in_did_not_work: str = "It didn't work"
    check_in_not_yet: str = "I haven't done it yet (ask again later)"
    check_in_dont_ask: str = "Don't ask about this one"
    check_in_hint: str = "1-4 answers · s or Escape skips for now · ! emergency"
    check_in_plain_hint: str = "Type 1-4. Enter skips it for now; ! goes to the emergency steps."
    check_in_thanks_worked: str = "Good to hear. That is noted with the walk."
    check_in_thanks_not_yet: str = "All right: the guide will ask again later."
    check_in_thanks_dont_ask: str = "All right: it will not ask about this one again."
    check_in_follow_up: str = "Sorry it didn't work. Let's look at what happened."
    check_in_no_follow_up: str = (
        "The follow-up guide (`follow-up`) cannot be found, so there is nothing more to walk"
        " through; your answer is kept."
    )
    check_in_skipped: str = "Skipped for now."
    check_in_not_understood: str = "Please type a number from 1 to 4, or press Enter to skip."
    check_in_nothing_due: str = "No check-in is due now."
    check_in_came_due: str = "A check-in is due: how did “{title}” go? Press F6 to answer."
    key_check_in: str = "How did it go?"
    key_skip_for_now: str = "Skip for now"
    palette_check_in: str = "How did it go?"
    palette_check_in_help: str = "Answer the check-in that is due on earlier advice"
    check_in_status_open: str = "check-in due {when}"
    check_in_status_worked: str = "it worked"
    check_in_status_did_not_work: str = "it didn't work"
    check_in_status_dont_ask: str = "not asked"
    check_in_put_off_one: str = "put off once"
    check_in_put_off_other: str = "put off {n} times"
    check_in_line: str = "how it went: {status}"
    check_in_no_walk: str = "walk {id} has no check-in (its advice did not ask for one)"
    check_in_none_due: str = "no check-in is due (see `hangup-guide history`)"
    check_in_answered: str = "walk {id}'s check-in was answered already: {answer}"
    check_in_bad_answer: str = (
        "`{answer}` is not a check-in answer: use 1-4 or worked, did-not-work, not-yet, dont-ask"
    )
    check_in_saving_off: str = "check-ins need saved walks, and saving is off in settings.toml"
