"""Practice: decks, checking them, judging a walk against the expert path, the round
stepper, progress over time."""
