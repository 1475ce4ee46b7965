"""Practice rounds."""

from __future__ import annotations


class PracticeWords:
    """Practice rounds. Each attribute is the English string."""

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
    practice_no_answer: str = "(no answer)"
    practice_asked_else: str = "(you were asked something else: {asked})"
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
    # issue 20 (practice for a class): export's name, asked once; --missed
    export_name_prompt: str = "Your name, as your trainer's report will show it: "
    export_name_kept: str = "Your name is kept for next time ({path})."
    missed_none_due: str = "No missed scenario is due today."
    missed_next_due: str = "The next one is due on {day}."
