"""Practice: decks, judging a walk against the expert path, progress over time."""
