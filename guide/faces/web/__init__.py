"""`serve`: the Textual app in a browser, for its owner only."""
