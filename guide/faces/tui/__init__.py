"""The full-screen face: a Textual app over the same `Walk` as the plain interface."""
