"""`hangup-guide new NAME`: a small, valid, commented starter flow to build on."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_UNREADABLE, CommandError
from guide.flow.files import refuse_odd_name
from guide.flow.problems import FlowError, visible
from guide.library.flows import user_dirs

STARTER = """\
# yaml-language-server: $schema={schema}
# A starter flow: change the words, add questions and outcomes, then run
#   hangup-guide check {file}      (problems, with their line)
#   hangup-guide test {file}       (the examples below still reach their outcomes)
# The flow language: docs/writing-flows.md
flow: {name}
title: {title}
version: 1
lang: en
description: "What this flow is for, in one sentence."
start: first-question
sources:
  own:
    title: Our own guidance
escape:                      # offered at every question: the emergency exit
  - label: This could be an emergency
    key: "!"
    # words of danger ("hurt", "she took pills") take it without aliases: docs/safety.md
    next: emergency
nodes:
  first-question:
    ask: Did the call end by accident, or on purpose?
    help: The answer decides whether to call back now or give it time.
    options:
      - label: By accident (the line dropped)
        aliases: [dropped, signal, battery]
        set: {{intent: accidental}}
        next: second-question
      - label: On purpose
        aliases: [angry, deliberate]
        set: {{intent: deliberate}}
        next: give-it-time
  second-question:
    ask: Can you call them back now?
    options:
      - label: "Yes"                 # quoted: unquoted Yes is a true/false to YAML 1.1 tools
        next: their-name
      - label: "Not right now"
        next: give-it-time
  their-name:
    input: What is their first name?
    fact: name                 # used as {{name}} in the words below
    required: false
    next: call-back
  call-back:
    outcome: Call them back
    steps:
      - Ring them once, and say the line dropped.
      - If nobody answers, leave a short message.
    why: A dropped line is nobody's fault, and a quick call back picks up where you were.
    script: "Hi {{name|there}}, we got cut off. Is now still a good time?"
    source: {{article: own, section: Calling back}}
  give-it-time:
    outcome: Give it time
    steps:
      - Wait until you both feel calm.
      - Then send a short, friendly message.
    why: A call that ended badly seldom goes better if it starts again at once.
    text: "Hi {{name|there}}, I'd like to talk when it suits you."
    source: {{article: own, section: Waiting}}
  emergency:
    outcome: Treat it as an emergency
    emergency: true
    steps:
      - "If anyone may be in danger, call your local emergency number now."
      - Then call the person back.
    why: Safety comes before everything else.
    source: {{article: own, section: Emergencies}}
examples:                    # walked by `hangup-guide test`: answers in order, and where they lead
  - name: the line dropped and I can call back
    answers: ["1", "1", "Sam"]
    outcome: call-back
"""

NAME = re.compile(r"^[a-z][a-z0-9-]*$")
BAD_NAME = (
    "the name is not UTF-8 or holds a control character; choose another (nothing was written)"
)


def schema_path() -> Path:
    """The installed flow schema, for editors (yaml-language-server reads local paths)."""
    return Path(__file__).resolve().parents[1] / "flow" / "schema.json"


def starter(name: str, file: str) -> str:
    title = name.replace("-", " ").capitalize()
    return STARTER.format(name=name, title=title, file=file, schema=schema_path())


def run_new(args: argparse.Namespace) -> int:
    name = args.name
    if not NAME.match(name):
        raise CommandError(
            f"`{visible(name)}` is not a flow name: use lower-case letters, digits and -",
            EXIT_UNREADABLE,
        )
    path: Path = args.output or user_dirs()[0] / f"{name}.yaml"
    shown = visible(str(path))
    try:
        refuse_odd_name(path)
    except FlowError:
        raise CommandError(f"cannot write {shown}: {BAD_NAME}", EXIT_UNREADABLE) from None
    data = starter(name, path.name).encode("utf-8")  # before the file exists: never empty
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as handle:  # "x": never over a file that appeared meanwhile
            handle.write(data)
    except FileExistsError:
        raise CommandError(f"{shown} already exists; nothing was written") from None
    except OSError as exc:
        raise CommandError(f"cannot write {shown}: {exc.strerror or exc}") from None
    print(f"wrote {shown}; open it with: hangup-guide --flow {name}", file=sys.stderr)
    return EXIT_OK
