"""A flow as a printable HTML handout: the Markdown handout's content in one
self-contained page. Pure: takes a `Flow`, returns text.

Nothing outside the page: the styles are inline, and there are no scripts, fonts,
images or links to other sites. The handout's Markdown is rendered with raw HTML
turned off, so flow text (already escaped by `guide.render.markdown.md`) comes out
as text; the only markup kept is the handout's own anchors for its contents links.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from guide.flow.model import Flow
from guide.flow.yamltree import CONTROL
from guide.render.handout import to_handout

STYLE = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 42em;
       margin: 2em auto; padding: 0 1em; color: #111; background: #fff; }
h1 { font-size: 1.7em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #999; }
code { font-family: "Courier New", monospace; font-size: .95em; }
blockquote { margin: .5em 0; padding: .2em 1em; border-left: 3px solid #999; }
a { color: inherit; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  li, blockquote { break-inside: avoid; }
  a { text-decoration: none; }
}
"""

_ESCAPED_ANCHOR = re.compile(r"&lt;a id=&quot;([a-z0-9-]+)&quot;&gt;&lt;/a&gt;")
"""The handout's `<a id="…"></a>` in a heading, as the renderer (raw HTML off) escaped it."""


def to_html(flow: Flow) -> str:
    """The flow's handout as one printable HTML page with no outside assets."""
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False})
    body = renderer.render(to_handout(flow))
    body = _ESCAPED_ANCHOR.sub(r'<a id="\1"></a>', body)
    body = re.sub(r'href="(?!#)[^"]*"', 'href="#"', body)  # only links within the page
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{html.escape(flow.title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            body.rstrip("\n"),
            "</body>",
            "</html>",
        ]
    )
    return CONTROL.sub("", page) + "\n"
