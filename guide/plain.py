"""The line-by-line face: one question at a time on stdin/stdout.

For screen readers, pipes and scripts. It renders `Walk.current` as text and
hands typed lines back to the walk; everything else lives in the engine.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from guide.flow.crisis import crisis
from guide.flow.engine import Advice, Question, Walk, WalkError, Why
from guide.flow.examples import walk_answers
from guide.flow.model import Flow, Input, Say, Wait
from guide.strings import S

RULE = "─" * 60


@dataclass
class PlainIO:
    """Where the plain face reads and writes, and how it sleeps (tests pass fakes)."""

    read: Callable[[], str]
    """Returns the next line without its newline; raises EOFError at the end."""
    out: TextIO
    err: TextIO = sys.stderr
    sleep: Callable[[float], None] = time.sleep

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def ask(self, prompt: str = "> ") -> str:
        self.out.write(prompt)
        self.out.flush()
        return self.read()


def run_interactive(walk: Walk, io: PlainIO) -> int:
    """Walk with a person until the outcome, `q`, or the end of input. Returns the exit code."""
    io.say(walk.flow.title)
    io.say(S.plain_commands)
    while True:
        io.say()
        show_step(walk, io)
        if walk.finished:
            return 0
        waiting = isinstance(walk.current, Wait)
        try:
            line = io.ask(S.plain_wait_prompt if waiting else "> ").strip()
        except EOFError:
            io.say()
            return 0
        if line.lower() in ("q", "quit", "exit"):
            return 0
        if run_command(walk, line, io):
            continue
        if waiting:
            run_wait(walk, line, io)
        else:
            answer(walk, line, io)


def run_command(walk: Walk, line: str, io: PlainIO) -> bool:
    """The walk commands (back, restart, why, emergency); False when the line is an answer."""
    command = line.lower()
    if command in ("b", "back"):
        if not walk.back():
            io.say(S.first_question)
    elif command in ("r", "restart"):
        walk.restart()
        io.say(S.plain_starting_again)
    elif command in ("?", "why"):
        io.say("\n".join(explain(walk.why())))
    elif command in ("!", "emergency"):
        walk.escape()
    elif command in ("h", "help"):
        io.say(S.plain_commands)
    else:
        return False
    return True


def answer(walk: Walk, line: str, io: PlainIO) -> None:
    try:
        reply = walk.reply(line)
    except WalkError as exc:
        io.say(S.plain_cannot_go_on.format(problem=exc))
        return
    if reply.urgent:
        io.say(S.reply_urgent)
    elif reply.suggestions:
        io.say(S.plain_not_sure)
        for choice in reply.suggestions:
            io.say(f"  {choice.handle}) {choice.option.label}")
        io.say(S.plain_say_again)
    elif not reply.accepted:
        io.say(reply.message[:1].upper() + reply.message[1:] + ".")


def run_wait(walk: Walk, line: str, io: PlainIO) -> None:
    """At a countdown: Enter starts it, `s` skips it; Ctrl-C cuts a running one short."""
    step = walk.current
    assert isinstance(step, Wait)
    if line.lower() in ("s", "skip"):
        walk.proceed()
        return
    if crisis(line):  # words of danger take the escape here too
        answer(walk, line, io)
        return
    if line:
        io.say(S.plain_wait_start)
        return
    try:
        for remaining in countdown(step.seconds):
            io.say("  " + S.plain_time_left.format(time=format_duration(remaining)))
            io.sleep(min(remaining, 60 if remaining > 60 else 10))
        io.say("\a" + S.plain_time_up)
    except KeyboardInterrupt:
        io.say(S.plain_timer_stopped)
    walk.proceed()


def countdown(seconds: int) -> Iterator[int]:
    """The remaining times to announce: every minute, then every ten seconds."""
    remaining = seconds
    while remaining > 0:
        yield remaining
        remaining -= min(remaining, 60 if remaining > 60 else 10)


def format_duration(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    parts = [
        S.duration_hours.format(n=hours) if hours else "",
        S.duration_minutes.format(n=minutes) if minutes else "",
        S.duration_seconds.format(n=secs) if secs else "",
    ]
    return " ".join(p for p in parts if p) or S.duration_seconds.format(n=0)


def show_step(walk: Walk, io: PlainIO) -> None:
    step = walk.current
    if isinstance(step, Question):
        io.say(step.text)
        for choice in step.choices:
            io.say(f"  {choice.handle}) {choice.option.label}")
    elif isinstance(step, Input):
        io.say(step.text + ("" if step.required else " " + S.plain_enter_to_skip))
    elif isinstance(step, Say):
        io.say(step.text)
        io.say(S.plain_enter_to_go_on)
    elif isinstance(step, Wait):
        io.say(step.text or S.wait_default)
        io.say(S.plain_suggested_wait.format(time=format_duration(step.seconds)))
    else:
        io.say("\n".join(outcome_lines(step, walk)))


def outcome_lines(advice: Advice, walk: Walk) -> list[str]:
    """The outcome as plain text: the step, why, the steps, the words, the source."""
    node = advice.node
    lines = [RULE, f"{S.card_next_step}: {node.title}", "", f"{S.card_why}: {node.why}", ""]
    lines += [f"{S.card_steps}:", *(f"  {i}. {step}" for i, step in enumerate(node.steps, 1))]
    if advice.script:
        lines += ["", f"{S.card_script}:", f"  {advice.script}"]
    if advice.text:
        lines += ["", f"{S.card_message}:", f"  {advice.text}"]
    lines += ["", source_line(advice, walk.current_flow), RULE]
    return lines


def source_line(advice: Advice, flow: Flow) -> str:
    """ "Source: “title”, section “…”": the article an outcome's advice comes from."""
    source = advice.node.source
    known = flow.sources.get(source.article)
    title = known.title if known else source.article
    if source.section:
        return S.card_source_section.format(title=title, section=source.section)
    return S.card_source.format(title=title)


def explain(why: Why) -> list[str]:
    """ "Why am I asked this?" in plain words."""
    lines = [S.why_plain_help.format(help=why.help)] if why.help else []
    if why.trail:
        lines.append(S.so_far)
        lines += [f"  - {r.asked} → {r.answered}" for r in why.trail]
    else:
        lines.append(S.first_question)
    return lines


def run_answers(walk: Walk, answers: list[str], io: PlainIO, as_json: bool) -> int:
    """Walk with the given answers and no questions asked; exit 1 when they do not fit."""
    try:
        failure = walk_answers(walk, answers)
    except WalkError as exc:
        failure = str(exc)
    if failure is None and not walk.finished:
        step_id = walk.path()[-1][1]
        failure = S.plain_answers_ran_out.format(step=step_id)
    if as_json:
        io.say(json.dumps(walk_record(walk, failure), indent=2, ensure_ascii=False))
    else:
        for reason in walk.why().trail:
            io.say(f"{reason.asked}\n  → {reason.answered}")
        if walk.finished:
            step = walk.current
            assert isinstance(step, Advice)
            io.say("\n".join(outcome_lines(step, walk)))
    if failure:
        io.err.write(f"hangup-guide: {failure}\n")
        return 1
    return 0


def walk_record(walk: Walk, failure: str | None = None) -> dict[str, object]:
    """The walk as JSON-ready data: path, facts, outcome."""
    step = walk.current
    record: dict[str, object] = {
        "flow": walk.flow.id,
        "finished": walk.finished,
        "outcome": step.node.id if isinstance(step, Advice) else None,
        "path": [
            {
                "flow": flow,
                "node": node,
                "answer": move.label if move and move.kind != "proceed" else None,
            }
            for flow, node, move in walk.path()
        ],
        "facts": dict(walk.facts),
    }
    if isinstance(step, Advice):
        record["advice"] = {
            "title": step.node.title,
            "steps": list(step.node.steps),
            "why": step.node.why,
            "script": step.script,
            "text": step.text,
            "source": {"article": step.node.source.article, "section": step.node.source.section},
        }
    if failure:
        record["error"] = failure
    return record
