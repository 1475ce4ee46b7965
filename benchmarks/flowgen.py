"""Valid flows of any size, in the flow language, for the load-and-check benchmark.

A flow is a chain of blocks of five nodes, every kind a real flow leans on: a
question (two options with aliases and facts), a `say`, an `input`, a `route` on
the fact the question set, and an outcome with steps, why and source. The route's
fallback leads to the next block's question, so every node is reachable and every
path ends at an outcome; one more outcome is the escape every question offers.
`check` finds no problem in it (the benchmark asserts that).
"""

from __future__ import annotations

HEAD = """\
# A generated flow of {nodes} nodes (benchmarks/flowgen.py)
flow: generated
title: A generated flow of {nodes} nodes
version: 1
start: q0
sources:
  "000":
    title: A generated source
escape:
  - label: This could be an emergency
    key: "!"
    aliases: [emergency, danger]
    next: emergency
nodes:
  emergency:
    outcome: Treat it as an emergency
    steps: ["If anyone may be in danger, call your local emergency number now."]
    why: Safety comes before everything else.
    source: {{article: "000", section: Emergency}}
"""

BLOCK = """\
  q{k}:
    ask: "Question {k}: did the line just drop, or did they end the call?"
    help: A drop is usually a signal problem; an ending is a choice.
    options:
      - label: The line dropped
        aliases: [dropped, signal, battery]
        set: {{intent: accidental}}
        next: s{k}
      - label: They ended it
        aliases: [ended, angry, "on purpose"]
        set: {{intent: deliberate}}
        next: i{k}
  s{k}:
    say: Take one slow breath before step {k}.
    next: r{k}
  i{k}:
    input: What is their first name?
    fact: name
    required: false
    next: r{k}
  r{k}:
    route:
      - when: {{intent: deliberate}}
        next: o{k}
      - next: {fallback}
  o{k}:
    outcome: Give it time ({k})
    steps: [Wait until you both feel calm., "Then call back, {{name|there}}."]
    why: A call ended in anger rarely goes better if it is restarted at once.
    script: "Hi {{name|there}}, I'm sorry about earlier."
    source: {{article: "000", section: Block {k}}}
"""

NODES_PER_BLOCK = 5


def generated_flow(nodes: int) -> tuple[str, int]:
    """The text of a valid flow of about `nodes` nodes, and its exact node count."""
    blocks = max(1, nodes // NODES_PER_BLOCK)
    count = blocks * NODES_PER_BLOCK + 1
    parts = [HEAD.format(nodes=count)]
    for k in range(blocks):
        fallback = f"q{k + 1}" if k + 1 < blocks else f"o{k}"
        parts.append(BLOCK.format(k=k, fallback=fallback))
    return "".join(parts), count
