"""Practice in the line-by-line face: a round of scenarios, then how each compared."""

from __future__ import annotations

from guide.faces.plain.guide import PlainIO, answer, show_step
from guide.flow.engine import Walk
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.reserved import Command, plain_command
from guide.history.store import Store, StoreUnavailable
from guide.i18n.strings import S
from guide.library.flows import Library
from guide.practice.deck import (
    Deck,
    Judgement,
    Scenario,
    expert_inputs,
    expert_walk,
    judge,
    result_of,
)

RULE = "═" * 60


def run_round(
    deck: Deck,
    flow: Flow,
    library: Library,
    io: PlainIO,
    *,
    seed: int | None,
    count: int | None,
    store: Store | None,
) -> int:
    """Practise the deck's scenarios in shuffled order; returns the exit code."""
    scenarios = deck.shuffled(seed)[: count or None]
    io.say(S.practice_heading.format(deck=deck.title, count=len(scenarios)))
    io.say(S.practice_rules)
    total = 0.0
    for number, scenario in enumerate(scenarios, 1):
        io.say("")
        io.say(RULE)
        io.say(S.practice_scenario.format(number=number, total=len(scenarios)))
        io.say(scenario.situation)
        learner = play(flow, scenario, library, io)
        if learner is None:
            io.say("\n" + S.practice_stopped.format(score=f"{total:g}", done=number - 1))
            return 0
        expert, _ = expert_walk(flow, scenario, library.resolver())
        verdict = judge(scenario, learner, expert)
        total += verdict.score
        io.say("\n".join(verdict_lines(verdict)))
        save(store, deck, verdict, io)
    io.say(f"\n{RULE}\n" + S.practice_round_done.format(score=f"{total:g}", total=len(scenarios)))
    return 0


def play(flow: Flow, scenario: Scenario, library: Library, io: PlainIO) -> Walk | None:
    """The learner walks the flow; None when they stop. Names are filled in for them."""
    walk = Walk(flow, library.resolver())
    typed = expert_inputs(flow, scenario, library.resolver())
    while not walk.finished:
        step = walk.current
        if isinstance(step, (Say, Wait)):
            walk.proceed()
            continue
        if isinstance(step, Input):
            walk.enter(typed.get(step.id, ""))
            continue
        io.say("")
        show_step(walk, io)
        try:
            line = io.ask().strip()
        except EOFError:
            return None
        command = plain_command(line)
        if command is Command.QUIT:
            return None
        if command is Command.BACK:
            walk.back()
        elif command is Command.EMERGENCY:
            walk.escape()
        else:
            answer(walk, line, io)
    return walk


def verdict_lines(verdict: Judgement) -> list[str]:
    """How the learner's outcome compared with the expert's, labels lined up."""
    mine, expert = f"{S.verdict_yours}:", f"{S.verdict_experts}:"
    width = max(len(mine), len(expert)) + 1
    lines = ["", mine.ljust(width) + verdict.yours, expert.ljust(width) + verdict.experts]
    if verdict.missed_emergency:
        lines.append(f"!! {S.verdict_missed} {S.verdict_missed_detail}")
    parting = verdict.parting
    if parting:
        you, they = S.plain_verdict_you, S.plain_verdict_expert
        width = max(len(you), len(they)) + 1
        lines += [
            S.plain_verdict_parted.format(asked=parting.asked),
            "  " + you.ljust(width) + parting.yours,
            "  " + they.ljust(width) + parting.experts,
        ]
        if parting.reason:
            lines.append(f"  {S.verdict_why} {parting.reason}")
    lines.append(f"{S.verdict_score}: {score_words(verdict.score)}")
    return lines


def score_words(score: float) -> str:
    """A scenario's score as shown: 1 or ½ with what it means, or 0."""
    return {1.0: S.verdict_full, 0.5: S.verdict_half}.get(score, "0")


def save(store: Store | None, deck: Deck, verdict: Judgement, io: PlainIO) -> None:
    if store is None:
        return
    result = result_of(deck, verdict)
    try:
        store.add_result(result)
    except StoreUnavailable as exc:
        io.err.write(f"hangup-guide: {S.not_saved.format(problem=exc)}\n")
