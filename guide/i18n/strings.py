"""Every fixed string the guide shows a person, in English: the one place to translate.

The chat, its dialogs, the line-by-line face and practice all take their words
from `S`. A translation is one TOML file with some or all of these names as
keys (`hangup-guide strings` prints this catalogue in that form to start
from); `guide.i18n.translation` reads it and puts its strings into `S`. A name left
out stays in English. `{name}` marks a value filled in when the string is
shown: a translation keeps the same ones, in any order.

What is not here: the words of the flows themselves (a flow is translated by
writing it in the other language, with `lang:`), the keys (`b`, `!`, `1`…),
and the messages of the authoring commands (`check`, `test`, `graph`,
`stats`), which are for flow writers and stay in English.

Names start with where the string is shown: `key_` the footer and the keys
screen, `palette_` the command palette, `chat_` the chat, `card_` the outcome
card, `plain_` the line-by-line face, `practice_` practice, and so on.
This module imports nothing of the guide's, so the engine can use it too.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(slots=True)
class Strings:
    """The catalogue. Each field's default is the English string."""

    # --- titles -------------------------------------------------------------------------
    app_title: str = "Hang-up Guide"
    app_practice_title: str = "Hang-up Guide: practice"

    # --- keys: the footer and the keys screen (short) --------------------------------------
    key_emergency: str = "Emergency"
    key_back: str = "Back"
    key_restart: str = "Restart"
    key_why: str = "Why"
    key_help: str = "Help"
    key_copy: str = "Copy"
    key_note: str = "Note"
    key_type: str = "Type an answer"
    key_flows: str = "Flows"
    key_map: str = "Map"
    key_present: str = "Presenter mode"
    key_keys: str = "Keys"
    key_answers: str = "Answers"
    key_clear: str = "Clear the answer box"
    key_space: str = "Start timer / show next answer"
    key_snooze: str = "Snooze"
    key_skip_timer: str = "Skip timer"
    key_answer_n: str = "Answer {number}"
    key_close: str = "Close"
    key_cancel: str = "Cancel"
    key_next: str = "Next"
    key_go_on: str = "Go on"
    key_start_afresh: str = "Start afresh"
    key_undo: str = "Undo back"
    key_yes: str = "Yes"
    key_no: str = "No"

    # --- the command palette (Ctrl+P): a name and a line about it -------------------------
    palette_emergency: str = "Emergency"
    palette_emergency_help: str = "Go to the emergency advice now"
    palette_back: str = "Back"
    palette_back_help: str = "Go back one step to change your answer"
    palette_restart: str = "Restart"
    palette_restart_help: str = "Start the walk again from the first question"
    palette_why: str = "Why am I asked this?"
    palette_why_help: str = "What you said so far, and why this question matters"
    palette_question_help: str = "Help for this question"
    palette_question_help_help: str = "A short note on what the question means"
    palette_copy: str = "Copy the words to use"
    palette_copy_help: str = "Copy the message or call script, or save it to a file"
    palette_note: str = "Add a note"
    palette_note_help: str = "A private note on this walk: what you did, how it went"
    palette_type: str = "Type an answer"
    palette_type_help: str = "Answer in your own words"
    palette_flows: str = "Open another flow"
    palette_flows_help: str = "Pick another guide"
    palette_map: str = "Map"
    palette_map_help: str = "The whole flow as a tree; start from any step"
    palette_history: str = "History"
    palette_history_help: str = "Your saved walks, read-only"
    palette_practice: str = "Practice"
    palette_practice_help: str = "Practise judgement on scenarios"
    palette_keys: str = "Keys"
    palette_keys_help: str = "Every key the chat understands"

    # --- the chat -------------------------------------------------------------------------
    speaker_guide: str = "Guide"
    speaker_you: str = "You"
    chat_words_placeholder: str = "Type in your own words, or a number, then Enter"
    chat_value_placeholder: str = "Type here, then Enter"
    chat_skip_row: str = "Skip this"
    chat_continue_row: str = "Continue"
    chat_reveal_row: str = "Show the next answer  (space, {hidden} more)"
    chat_skipped: str = "(skipped)"
    chat_not_sure: str = "I'm not sure which you meant. Did you mean one of these?"
    chat_none_of_these: str = "None of these: show all answers"
    chat_no_match: str = (
        "I couldn't match that to an answer. Pick one below, or say it another way."
    )
    chat_went_back: str = "You went back to change an answer. Ctrl+Z puts it back."
    chat_undone: str = "Your answer is back: “{answer}”."
    restart_title: str = "Start again?"
    restart_detail: str = (
        "Your answers so far are set aside and a new walk begins. A walk that reached "
        "advice stays in your history as it was."
    )
    restart_yes: str = "Start again"
    restart_no: str = "Keep my answers"
    confirm_hint: str = "y: yes · n or Escape: no"
    chat_no_help: str = "There is no extra help for this step."
    chat_welcome_back: str = "Welcome back: you left off here."
    chat_cannot_go_on: str = "This flow cannot go on"
    chat_time_up: str = "Time is up. Did they call back?"
    chat_time_up_title: str = "Wait over"
    chat_note_saved: str = "Note saved with this walk."
    chat_copied: str = "Copied to the clipboard. Paste it into your message."
    chat_cannot_open: str = "Cannot open that flow"
    chat_started_from_map: str = "Started at “{node}” from the map (this walk is not saved)."
    chat_reload_failed: str = "The flow has problems; fix them and save again:"
    chat_reload_failed_title: str = "Flow not reloaded"
    chat_reloaded: str = "Reloaded {file}: answers kept: {kept} of {total}."
    chat_history_hidden: str = "History is hidden while presenting."
    chat_history_off: str = "Walks are not being saved, so there is no history."
    outcome_copy: str = "Copy the words to use  (c)"
    outcome_note: str = "Add a note for yourself  (n)"
    outcome_restart: str = "Start again  (Ctrl+R)"
    outcome_flows: str = "Open another flow  (Ctrl+O)"

    # --- shared by the chat and the line-by-line face --------------------------------------
    wait_default: str = "Wait a little before you act."
    flow_changed: str = (
        "The flow has changed since then: {kept} of {total} saved steps still fitted and were kept."
    )
    first_question: str = "This is the first question."
    so_far: str = "What you told me so far:"
    not_saving: str = "Not saving: {problem}"
    not_saved: str = "Not saved: {problem}"

    # --- the outcome card (and the outcome in the line-by-line face) -----------------------
    card_next_step: str = "NEXT STEP"
    card_steps: str = "Steps"
    card_why: str = "Why"
    card_script: str = "What to say"
    card_message: str = "A message you can send"
    card_source: str = "Source: “{title}”"
    card_source_section: str = "Source: “{title}”, section “{section}”"
    card_source_saved: str = "Source: {source}"

    # --- the countdown of a wait ----------------------------------------------------------
    timer_start: str = "Start  (space)"
    timer_snooze: str = "Snooze +2 min  (z)"
    timer_skip: str = "Skip  (s)"
    timer_running_button: str = "Running…"
    timer_running: str = "running"
    timer_not_started: str = "not started"
    duration_hours: str = "{n} h"
    duration_minutes: str = "{n} min"
    duration_seconds: str = "{n} s"

    # --- "why am I asked this?" -------------------------------------------------------------
    why_title: str = "Why am I asked this?"
    why_first: str = "This is the first question: nothing is decided yet."
    why_hint: str = "Escape or Enter to go back to the chat"
    why_plain_help: str = "Why this is asked: {help}"

    # --- the keys screen (?) ------------------------------------------------------------
    keys_title: str = "Keys"
    keys_hint: str = "Escape or Enter to close"
    keys_numbers: str = "1 … 9"
    keys_numbers_what: str = (
        "on an empty answer box: pick that answer (so does an answer's own key)"
    )
    keys_typing: str = "letters"
    keys_typing_what: str = "always go into the answer box as words; Enter to answer"
    keys_arrows: str = "↑ ↓  Enter"
    keys_arrows_what: str = "move through the answers; Enter on an empty box picks (or click)"
    keys_escape: str = "Escape"
    keys_escape_what: str = "clear the answer box"
    keys_timer: str = "space  z  s"
    keys_timer_what: str = "start, snooze or skip a countdown"
    keys_palette_what: str = "the command palette: every action by name"
    keys_quit_what: str = "quit"

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

    # --- practice -------------------------------------------------------------------------
    decks_title: str = "Practise with which deck?"
    decks_count: str = "({count} scenarios)"
    decks_empty: str = "There are no practice decks."
    decks_hint: str = "Enter starts · Escape closes"
    practice_title: str = "Practice: {deck}"
    practice_heading: str = "Practice: {deck} ({count} scenarios)"
    practice_rules: str = "Answer as you think best. b back · ! emergency · q stop"
    practice_scenario: str = "Scenario {number} of {total}"
    practice_next: str = "Next scenario"
    practice_see_score: str = "See the round's score"
    practice_round_done: str = "Round done: {score} out of {total}."
    practice_stopped: str = "Stopped. Score so far: {score} out of {done}."
    practice_kept: str = (
        "Your results are kept; `hangup-guide practice --progress` shows how you are doing."
    )
    practice_again: str = "Practise again"
    verdict_yours: str = "Your outcome"
    verdict_experts: str = "Expert's outcome"
    verdict_missed: str = "MISSED EMERGENCY:"
    verdict_missed_detail: str = "this situation called for the emergency steps."
    verdict_parted: str = "Where your path parted:"
    verdict_you: str = "you:"
    verdict_expert: str = "expert:"
    verdict_why: str = "why:"
    verdict_score: str = "Score"
    verdict_full: str = "1 — the expert's outcome"
    verdict_half: str = "½ — safe, but not the best"

    # --- the line-by-line face (--plain) ---------------------------------------------------
    plain_commands: str = (
        "Type a number or your own words · b back · r restart · ? why · ! emergency · q quit"
    )
    plain_wait_prompt: str = "[Enter] start the timer · s skip · b back · ! emergency > "
    plain_starting_again: str = "Starting again."
    plain_restart_question: str = "Start again? Your answers so far are set aside. [y/N] "
    plain_restart_kept: str = "Your answers are kept."
    plain_cannot_go_on: str = "Sorry, this flow cannot go on: {problem}"
    plain_not_sure: str = "I am not sure which you meant. Did you mean:"
    plain_say_again: str = "Type its number, or say it another way."
    plain_wait_start: str = "Press Enter to start the timer, or s to skip it."
    plain_time_left: str = "{time} left"
    plain_time_up: str = "Time is up."
    plain_timer_stopped: str = "Timer stopped."
    plain_enter_to_skip: str = "(Enter to skip)"
    plain_enter_to_go_on: str = "(Enter to go on)"
    plain_suggested_wait: str = "Suggested wait: {time}."
    plain_resume: str = "You left a walk unfinished ({flow}, {done} done, last {when})."
    plain_resume_question: str = "Go on where you stopped? [Y/n] "
    plain_resume_fresh: str = "Starting a new walk. The old one stays in your history."
    plain_verdict_parted: str = "Your path parted from the expert's at: {asked}"
    plain_verdict_you: str = "you answered:"
    plain_verdict_expert: str = "expert answered:"
    plain_answers_ran_out: str = "the answers ran out at `{step}` before an outcome"
    plain_start_fact: str = "Starting part-way: what is known about “{fact}”?"
    plain_not_known: str = "not known"
    # issue 14 part 5: a running countdown says how to skip it
    plain_timer_running: str = "Timer started. To skip it, type s and press Enter."
    plain_timer_running_ctrl_c: str = "Timer started. To skip it, press Ctrl+C."
    plain_timer_still_running: str = (
        "The timer is still running. Type s and press Enter to skip it, or ! for emergency."
    )
    plain_timer_skipped: str = "Timer skipped."

    # --- what the walk says of a typed answer it cannot take -------------------------------
    answer_left_empty: str = "(left empty)"
    reply_empty: str = "type the number of an answer, or say it in a few words"
    reply_did_you_mean: str = "did you mean one of these?"
    reply_no_match: str = "that does not match any answer here"
    reply_finished: str = "the walk is finished"
    reply_too_long: str = "that is too long to match; say it in a few words"
    # crisis words (issue 14, part 3): one calm line before the emergency advice
    reply_urgent: str = "What you describe sounds serious, so here is the emergency advice now."
    input_required: str = "please type an answer"
    input_number: str = "please type a number, such as 42"
    input_whole_number: str = "please type a whole number, such as 42"
    input_finite: str = "please type a finite number"
    input_at_least: str = "please type a number of at least {minimum}"
    input_at_most: str = "please type a number of at most {maximum}"

    # --- serve (issue 15 part 3): the browser page, its refusals, the command's lines ------
    serve_page_starting: str = "Starting…"
    serve_page_start: str = "Start"
    serve_page_ended: str = "This session has ended: it was closed, or left a while with no input."
    serve_page_restart: str = "Start again"
    serve_no_token: str = (
        "This guide opens only at the full address that `hangup-guide serve` printed,"
        " with its ?token=… part. Copy that address from where the guide was started."
    )
    serve_wrong_origin: str = "Refused: this connection did not come from the guide's own page."
    serve_socket_only: str = (
        "This address is the guide page's own connection, not a page: open the address"
        " that `hangup-guide serve` printed."
    )
    serve_busy: str = (
        "The guide already has {count} sessions open, its limit. Close one of its tabs,"
        " then reload this page."
    )
    serve_needs_extra: str = (
        "serving in a browser needs the `serve` extra: pip install 'hangup-guide[serve]'"
    )
    serve_open_at: str = "Open {url} in your browser (Ctrl+C stops)."
    serve_token_is_key: str = (
        "The token in that address is the only key: anyone who has the address can use the"
        " guide while it runs."
    )
    serve_open_host: str = (
        "note: listening on {host}: anyone who can reach port {port} from another machine can"
        " try the guide. They still need the token in the address above, but the connection"
        " is not encrypted, so someone on the network could read it. Use only on a network"
        " you trust."
    )
    serve_port_taken: str = "another program is using it; try another --port"
    serve_cannot_listen: str = "cannot listen on {host} port {port}: {reason}"


ENGLISH = Strings()
"""The catalogue as written above; never changed."""

S = Strings()
"""The strings in use. `guide.i18n.translation.use` puts a translation's strings here."""


def names() -> list[str]:
    """Every string's name, in catalogue order."""
    return [f.name for f in fields(Strings)]


def use(values: dict[str, str]) -> None:
    """Show these strings from now on (names not given go back to English)."""
    fresh = replace(ENGLISH, **values)
    for name in names():
        setattr(S, name, getattr(fresh, name))
