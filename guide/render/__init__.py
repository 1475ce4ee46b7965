"""A flow drawn or printed: Mermaid and DOT diagrams, Markdown handouts."""
