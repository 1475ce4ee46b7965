"""The line-by-line face: one question at a time on stdin/stdout.

For screen readers, pipes and scripts. It renders `Walk.current` as text and
hands typed lines back to the walk; everything else lives in the engine."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO, assert_never

from guide.faces.plain.text import as_shown, line_width, wrap, wrap_prompt
from guide.faces.plain.timer import format_duration, run_countdown
from guide.faces.plain.typed import console_lines
from guide.flow.crisis import crisis
from guide.flow.engine import Walk
from guide.flow.model import Input, Say, Wait
from guide.flow.reserved import PLAIN_AT_WAIT, Command, plain_command
from guide.flow.shown import listed, quiet_escape
from guide.flow.steps import Advice, Question, WalkError, Why
from guide.i18n.strings import S
from guide.i18n.wording import answer_words, refusal_words, source_line

RULE = "─" * 60


class PlainIO:
    """Where the plain face reads and writes, how it waits and how wide its lines are
    (tests pass fakes for all of them). A plain class: see `guide.flow.records`."""

    def __init__(  # each a stand-in a test may pass
        self,
        read: Callable[[], str],
        out: TextIO,
        *,
        err: TextIO | None = None,
        sleep: Callable[[float], None] = time.sleep,
        poll: Callable[[float], str | None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        width: Callable[[TextIO], int | None] = line_width,
    ) -> None:
        self.read = read
        """Returns the next line without its newline; raises EOFError at the end."""
        self.out = out
        self.err = sys.stderr if err is None else err
        self.sleep = sleep
        self.poll = poll
        """Waits up to that many seconds for a typed line and returns it, or None if none
        came. None here: typing cannot be watched, so a running countdown sleeps instead."""
        self.clock = clock
        self.width = width
        """How wide `out`'s lines may be, asked at each line (a resized terminal is
        followed); None: not wrapped."""

    @classmethod
    def console(cls) -> PlainIO:
        """Standard input and output, with typing watched where the system allows."""
        read, poll = console_lines()
        return cls(read=read, out=sys.stdout, poll=poll)

    def say(self, text: str = "") -> None:
        self.out.write(wrap(as_shown(text, self.out), self.width(self.out)) + "\n")
        self.out.flush()

    def say_as_is(self, text: str) -> None:
        """Text that must keep its lines as they are (JSON)."""
        self.out.write(text + "\n")
        self.out.flush()

    def tell(self, why: str) -> None:
        """A note beside the walk (a saving problem, a failure): one line on stderr."""
        self.err.write(f"hangup-guide: {why}\n")

    def ask(self, prompt: str = "> ") -> str:
        self.out.write(wrap_prompt(as_shown(prompt, self.out), self.width(self.out)))
        self.out.flush()
        return self.read()


def run_interactive(walk: Walk, io: PlainIO) -> int:
    """Walk with a person until the outcome, `q`, or the end of input. Returns the exit code."""
    io.say(walk.flow.title)
    io.say(S.plain_commands)
    asking = False  # "Did you mean: …? (y/n)" waits for its answer: no question again
    while True:
        if not asking:
            io.say()
            show_step(walk, io)
        asking = False
        if walk.finished:
            return 0
        waiting = isinstance(walk.current, Wait)
        try:
            line = io.ask(S.plain_wait_prompt if waiting else "> ").strip()
        except EOFError:
            io.say()
            return 0
        if plain_command(line) is Command.QUIT:
            return 0
        if run_command(walk, line, io):
            continue
        if waiting:
            run_wait(walk, line, io)
        else:
            asking = answer(walk, line, io)


def run_command(walk: Walk, line: str, io: PlainIO) -> bool:
    """The walk commands (back, restart, why, emergency); False when the line is an answer."""
    match plain_command(line):
        case Command.BACK:
            if not walk.back():
                io.say(S.first_question)
        case Command.RESTART:
            restart(walk, io)
        case Command.WHY:
            io.say("\n".join(explain(walk.why())))
        case Command.EMERGENCY:
            walk.escape()
        case Command.HELP:
            io.say(S.plain_commands)
        case _:
            return False
    return True


def restart(walk: Walk, io: PlainIO) -> None:
    """Start again, asking first when there are answers to lose (the default is no)."""
    if walk.moves:
        try:
            sure = io.ask(S.plain_restart_question).strip().lower()
        except EOFError:
            sure = ""
        if sure not in ("y", "yes"):
            io.say(S.plain_restart_kept)
            return
    walk.restart()
    io.say(S.plain_starting_again)


def answer(walk: Walk, line: str, io: PlainIO) -> bool:
    """Hand a typed line to the walk and say what became of it; True when it asked
    "Did you mean: …? (y/n)" and the next line answers that."""
    step = walk.current
    try:
        reply = walk.reply(line)
    except WalkError as exc:
        io.say(S.plain_cannot_go_on.format(problem=exc))
        return False
    if reply.urgent:
        io.say(S.reply_urgent)
    elif reply.accepted and isinstance(step, Question):
        taken_as(step, line, walk.moves[-1].label, io)
    elif len(reply.suggestions) == 1:
        io.say(S.plain_did_you_mean_one.format(answer=reply.suggestions[0].option.label))
        return True
    elif reply.suggestions:
        io.say(S.plain_not_sure)
        for choice in reply.suggestions:
            io.say(f"  {choice.handle}) {choice.option.label}")
        io.say(S.plain_say_again)
    elif reply.reason is not None:
        words = refusal_words(reply.reason)
        io.say(words[:1].upper() + words[1:] + ".")
    return False


def taken_as(step: Question, line: str, label: str, io: PlainIO) -> None:
    """Say which answer typed words were taken as, so a wrong guess can be taken back;
    not for an answer's own number or key."""
    typed = line.strip().lower()
    chosen = next((c for c in step.choices if c.option.label == label), None)
    if chosen is None or typed not in (chosen.handle.lower(), (chosen.key or "").lower()):
        io.say(S.plain_taken_as.format(answer=label))


def run_wait(walk: Walk, line: str, io: PlainIO) -> None:
    """At a countdown: Enter starts it, `s` skips it; while it runs, `s` or Ctrl-C
    cuts it short and `!` goes to the emergency steps."""
    step = walk.current
    assert isinstance(step, Wait)
    if PLAIN_AT_WAIT.get(line.lower()) is Command.SKIP:
        walk.proceed()
        return
    if crisis(line):  # words of danger take the escape here too
        answer(walk, line, io)
        return
    if line:
        io.say(S.plain_wait_start)
        return
    if run_countdown(step.seconds, io) == "emergency":
        walk.escape()
    else:
        walk.proceed()


def show_step(walk: Walk, io: PlainIO) -> None:
    step = walk.current
    match step:
        case Question():
            io.say(step.text)
            for choice in listed(step.choices, walk.current_flow):
                io.say(f"  {choice.handle}) {choice.option.label}")
            if quiet := quiet_escape(step.choices, walk.current_flow):
                io.say(S.plain_escape_line.format(key=quiet.handle, label=quiet.option.label))
        case Input():
            io.say(step.text + ("" if step.required else " " + S.plain_enter_to_skip))
        case Say():
            io.say(step.text)
            io.say(S.plain_enter_to_go_on)
        case Wait():
            io.say(step.text or S.wait_default)
            io.say(S.plain_suggested_wait.format(time=format_duration(step.seconds)))
        case Advice():
            io.say("\n".join(outcome_lines(step, walk)))
        case _:
            assert_never(step)


def outcome_lines(advice: Advice, walk: Walk) -> list[str]:
    """The outcome as plain text: the step, why, the steps, the words, the source."""
    node = advice.node
    lines = [RULE, f"{S.card_next_step}: {advice.title}", "", f"{S.card_why}: {advice.why}", ""]
    lines += [f"{S.card_steps}:", *(f"  {i}. {step}" for i, step in enumerate(node.steps, 1))]
    if advice.script:
        lines += ["", f"{S.card_script}:", f"  {advice.script}"]
    if advice.text:
        lines += ["", f"{S.card_message}:", f"  {advice.text}"]
    lines += ["", source_line(advice, walk.current_flow), RULE]
    return lines


def explain(why: Why) -> list[str]:
    """ "Why am I asked this?" in plain words."""
    lines = [S.why_plain_help.format(help=why.help)] if why.help else []
    if why.trail:
        lines.append(S.so_far)
        lines += [f"  - {r.asked} → {answer_words(r.answered)}" for r in why.trail]
    else:
        lines.append(S.first_question)
    return lines
