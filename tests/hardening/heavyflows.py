"""Flows that are heavy to match against: many long aliases, long example answers.

`alias_heavy_flow()` with its defaults is the 131 KB flow of issue 15 (30 options of
25 aliases each, 10 examples of long answers): before examples became `check`'s job
alone, putting it in the flow folder made every start walk its examples (19 s for
`--answers '!'`). `scaled_alias_heavy_flow()` grows the same shape to about 1 MB, and
`example_heavy_flow()` keeps to the alias limits and fills the megabyte with examples.
"""

from __future__ import annotations

import random

WORDS = [
    "caller",
    "line",
    "dropped",
    "signal",
    "sorry",
    "rude",
    "angry",
    "quiet",
    "voice",
    "message",
    "ring",
    "back",
    "later",
    "office",
    "manager",
    "account",
    "billing",
    "refund",
    "complaint",
    "network",
    "tunnel",
    "battery",
    "screen",
    "thanks",
    "again",
    "please",
    "maybe",
    "never",
    "always",
    "often",
    "morning",
    "evening",
    "weekend",
    "holiday",
]


def _sentence(rng: random.Random, length: int) -> str:
    """Words joined, `length` characters at most but close to it, no YAML-special
    characters."""
    text = ""
    while True:
        word = rng.choice(WORDS) + str(rng.randrange(1000))
        longer = f"{text} {word}" if text else word
        if len(longer) > length:
            return text or word[:length]
        text = longer


def alias_heavy_flow(
    *,
    options: int = 30,
    aliases: int = 25,
    alias_length: int = 156,
    examples: int = 10,
    answers: int = 1,
    answer_length: int = 480,
    seed: int = 15,
) -> str:
    """A valid flow whose one question has many long aliases, with long example answers
    that name no option (so each is matched all the way down to the fuzzy scores)."""
    rng = random.Random(seed)
    lines = [
        "flow: heavy",
        "title: Heavy",
        "version: 1",
        "start: q",
        "sources:",
        "  notes: {title: Notes}",
        "nodes:",
        "  q:",
        "    ask: Which one?",
        "    options:",
    ]
    for number in range(options):
        lines.append(f"      - label: Choice number {number}")
        lines.append("        next: done")
        lines.append("        aliases:")
        lines += [f"          - {_sentence(rng, alias_length)}" for _ in range(aliases)]
    lines += [
        "  done:",
        "    outcome: Done",
        "    steps: [Stop.]",
        "    why: Because.",
        "    source: {article: notes}",
    ]
    lines += ["examples:"] if examples else []
    for number in range(examples):
        lines.append(f"  - name: long {number}")
        lines.append("    outcome: done")
        lines.append("    answers:")
        lines += [f"      - {_sentence(rng, answer_length)}" for _ in range(answers)]
    return "\n".join(lines) + "\n"


def scaled_alias_heavy_flow() -> str:
    """The same shape at just under 1 MiB: more options, more examples, five answers
    each. Its aliases are over the limits, so `check` reports those and walks nothing."""
    return alias_heavy_flow(options=140, aliases=40, examples=40, answers=5)


def example_heavy_flow() -> str:
    """Just under 1 MiB within the alias limits (20 options of 15 aliases of 60
    characters), nearly all of it examples: 2,000 answers of 480 characters."""
    return alias_heavy_flow(options=20, aliases=15, alias_length=60, examples=400, answers=5)
