"""The chat, its outcome card, countdown, "why" and keys screens."""

from __future__ import annotations


class ChatWords:
    """The chat, its outcome card, countdown, "why" and keys screens. Each attribute is the English string."""

    # --- the chat -------------------------------------------------------------------------
    speaker_guide: str = "Guide"
    speaker_you: str = "You"
    chat_words_placeholder: str = "Type in your own words and press Enter, or press a number"
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
    # issue 17 (professional flows): the escape as a quiet line under the answers
    chat_escape_line: str = "{key} or Ctrl+E at any time: {label}"
    # issue 17 (typed words): the one closest answer asked about as a yes/no question
    chat_did_you_mean_one: str = "Did you mean: {answer}? (y/n)"

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
