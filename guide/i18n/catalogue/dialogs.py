"""Dialogs: the flow picker, resume, note, facts and the map."""

from __future__ import annotations


class DialogWords:
    """Dialogs: the flow picker, resume, note, facts and the map. Each attribute is the English string."""

    # --- dialogs: the flow picker, resume, note, facts, map ---------------------------------
    picker_title: str = "Open a flow"
    picker_hint: str = "Enter opens · Escape closes"
    picker_yours: str = "your flow"
    picker_cannot_open: str = "cannot be opened: {problem}"
    picker_cannot_open_heading: str = "cannot be opened"
    resume_title: str = "You left a walk unfinished"
    resume_detail: str = "{flow}: {done} done so far, last {when}."
    resume_question: str = "Go on where you stopped?"
    resume_go_on: str = "Go on  (y)"
    resume_fresh: str = "Start afresh  (n)"
    resume_hint: str = "Starting afresh keeps the old walk in your history."
    note_title: str = "A note for yourself"
    note_question: str = "What did you do, and how did it go? Kept on this machine only."
    note_placeholder: str = "Type your note, then Enter"
    note_hint: str = "Enter saves · Escape cancels"
    facts_title: str = "Start at “{node}”"
    facts_intro: str = "The steps ahead depend on these. Choose what is already known:"
    facts_not_set: str = "(not set)"
    facts_start: str = "Start here"
    map_title: str = "Map of “{flow}”"
    map_hint: str = "● you are here · ✓ on your path · Enter starts from a step · Escape closes"
    map_shown_above: str = "(shown elsewhere on the map)"
    map_otherwise: str = "otherwise"
    condition_is: str = "{fact} is {values}"
    condition_or: str = " or "
    condition_and: str = " and "
    condition_not: str = "not ({condition})"
    # issue 14 part 4: the words to use, copied and shown to select or save (`c`)
    key_save_words: str = "Save to a file"
    words_title: str = "The words to use"
    words_copying: str = "Copying…"
    words_copied_tmux: str = (
        "Copied to tmux's paste buffer (in tmux: your prefix key, then ]). Also sent to "
        "your terminal's clipboard, which could not be confirmed."
    )
    words_also_tmux: str = "It is in tmux's paste buffer too (your prefix key, then ])."
    words_unconfirmed: str = "Sent to your terminal's clipboard, but it could not be confirmed."
    words_failed: str = "The words could not be copied."
    words_fallback: str = (
        "If it does not paste, select the words with the mouse (hold Shift while you "
        "drag), or save them to a file:"
    )
    words_save_button: str = "Save to a file  (s)"
    words_saved: str = "Saved to {path} (only you can read it)."
    words_not_saved: str = "The words could not be saved: {problem}"
    words_hint: str = "Escape closes"

    # issue 14 part 7: the map in words (no ids), and practice without the map.
    map_if: str = "if {condition}"
    map_route: str = "(depends on your answers so far)"
    map_compute: str = "(worked out from your answers)"
    map_goto: str = "(goes on)"
    map_step: str = "(a step)"
    map_link: str = "in “{flow}”: {step}"
    map_another_guide: str = "another guide"
    practice_map_off: str = "The map is off in practice: a round is scored on your answers."
    practice_not_scored: str = "This walk did not begin at the first question, so it is not scored."
