"""Saved walks: the store, the recorder that saves a walk as it goes, stats, export."""
