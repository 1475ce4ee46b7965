"""The faces over the same engine: the line-by-line guide, the Textual app, the web page."""
