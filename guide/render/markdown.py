"""Text from a flow or a person, written into Markdown so that it shows as exactly that
text: never a link, an image, HTML, emphasis, a heading or a list.

The handout (`guide.render.handout`) and the Markdown export of a saved walk
(`guide.history.export`) both write flow text and typed words this way.
"""

from __future__ import annotations

import re

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_MD_LINE_START = re.compile(r"^(?:([+\-=])|(\d+)([.)]))")


def md(text: str) -> str:
    """Text as Markdown that shows exactly that text, on one line."""
    flat = " ".join(text.split())
    flat = re.sub(r"&(?=#?\w+;)", "&amp;", flat)
    flat = _MD_INLINE.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", flat)
