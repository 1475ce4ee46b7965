"""The line-by-line face, and what the walk says of a typed answer it cannot take."""

from __future__ import annotations


class PlainWords:
    """The line-by-line face, and what the walk says of a typed answer it cannot take. Each attribute is the English string."""

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
    # issue 17 (professional flows): the escape as a quiet line under the answers
    plain_escape_line: str = "  ({key} at any time: {label})"

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
    # issue 17 (typed words): "no" to the one answer offered back, that one answer asked
    # about as a yes/no question, and the answer typed words were taken as
    reply_not_that: str = "then type the number of the answer you meant, or say it another way"
    plain_did_you_mean_one: str = "Did you mean: {answer}? (y/n)"
    plain_taken_as: str = "Taken as: {answer}"
