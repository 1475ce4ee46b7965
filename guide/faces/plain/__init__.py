"""The line-by-line face: one question at a time, for screen readers and pipes."""
