"""The Markdown export of a saved walk escapes flow text and typed words the way the
handout does: `<script>`, `<img onerror>` and `[x](javascript:…)` from a flow or a
person are written inert, and read back by a Markdown parser as the same text.

Before: they were written verbatim.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from .common import clean_env, no_traceback, run

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
HOSTILE = f"{SCRIPT} {IMAGE} {LINK}"

FLOW = f"""\
flow: hostile-md
title: "Title {HOSTILE}"
version: 1
start: first
sources: {{own: {{title: "Notes {HOSTILE}"}}}}
escape:
  - {{label: This could be an emergency, key: "!", next: done}}
nodes:
  first:
    ask: "Asked {HOSTILE}"
    options:
      - {{label: "Picked {HOSTILE}", next: name}}
      - {{label: Other, next: done}}
  name:
    input: "Their name {HOSTILE}"
    fact: name
    next: done
  done:
    outcome: "Outcome {HOSTILE}"
    steps: ["Step {HOSTILE}", "1. not a list item"]
    why: "Why {HOSTILE}"
    script: "Hi {{name|there}}"
    text: "# not a heading {HOSTILE}"
    source: {{article: own, section: "Part {HOSTILE}"}}
"""


def test_the_export_of_a_hostile_walk_is_inert(tmp_path: Path) -> None:
    path = tmp_path / "hostile-md.yaml"
    path.write_text(FLOW, encoding="utf-8")
    env = clean_env(tmp_path)
    typed = f"1\n{LINK} {IMAGE}\n".encode()
    walked = run(env, "--plain", "--flow", str(path), stdin=typed)
    no_traceback(walked)
    assert walked.returncode == 0, walked.stderr
    noted = run(env, "note", "1", f"note {HOSTILE}")
    assert noted.returncode == 0, noted.stderr
    done = run(env, "export", "1")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    html = MarkdownIt("commonmark").render(text)
    for raw in ("<script", "<img", 'href="javascript'):
        assert raw not in html, (raw, html)
    tokens = [t for block in MarkdownIt("commonmark").parse(text) for t in (block.children or [])]
    assert not [t for t in tokens if t.type in ("link_open", "image", "html_inline")]
    # What a reader sees is the text as written, every part of it.
    seen = "".join(t.content for t in tokens if t.type == "text")
    for part in (
        f"Title {HOSTILE}",
        f"Asked {HOSTILE}",
        f"Picked {HOSTILE}",
        f"Their name {HOSTILE}",
        f"{LINK} {IMAGE}",
        f"Outcome {HOSTILE}",
        f"Step {HOSTILE}",
        "1. not a list item",
        f"Why {HOSTILE}",
        f"Hi {LINK} {IMAGE}",
        f"# not a heading {HOSTILE}",
        f"note {HOSTILE}",
    ):
        assert part in seen, part
