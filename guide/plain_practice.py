"""Practice in the line-by-line face: a round of scenarios, then how each compared."""

from __future__ import annotations

from guide.flow.engine import Walk
from guide.flow.model import Flow, Input, Say, Wait
from guide.library import Library
from guide.plain import PlainIO, answer, show_step
from guide.practice import (
    Deck,
    Judgement,
    Scenario,
    expert_inputs,
    expert_walk,
    judge,
    result_of,
)
from guide.store import Store, StoreUnavailable

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
    io.say(f"Practice: {deck.title} ({len(scenarios)} scenarios)")
    io.say("Answer as you think best. b back · ! emergency · q stop")
    total = 0.0
    for number, scenario in enumerate(scenarios, 1):
        io.say("")
        io.say(RULE)
        io.say(f"Scenario {number} of {len(scenarios)}")
        io.say(scenario.situation)
        learner = play(flow, scenario, library, io)
        if learner is None:
            io.say(f"\nStopped. Score so far: {total:g} / {number - 1}")
            return 0
        expert, _ = expert_walk(flow, scenario, library.resolver())
        verdict = judge(scenario, learner, expert)
        total += verdict.score
        io.say("\n".join(verdict_lines(verdict)))
        save(store, deck, verdict, io)
    io.say(f"\n{RULE}\nRound done: {total:g} / {len(scenarios)}")
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
        if line.lower() in ("q", "quit"):
            return None
        if line.lower() in ("b", "back"):
            walk.back()
        elif line.lower() in ("!", "emergency"):
            walk.escape()
        else:
            answer(walk, line, io)
    return walk


def verdict_lines(verdict: Judgement) -> list[str]:
    lines = ["", f"Your outcome:     {verdict.yours}", f"Expert's outcome: {verdict.experts}"]
    if verdict.missed_emergency:
        lines.append("!! MISSED EMERGENCY: this situation called for the emergency steps.")
    parting = verdict.parting
    if parting:
        lines += [
            f"Your path parted from the expert's at: {parting.asked}",
            f"  you answered:    {parting.yours}",
            f"  expert answered: {parting.experts}",
        ]
        if parting.reason:
            lines.append(f"  why: {parting.reason}")
    score = {1.0: "1 (the expert's outcome)", 0.5: "½ (a safe outcome, not the best)"}
    lines.append(f"Score: {score.get(verdict.score, '0')}")
    return lines


def save(store: Store | None, deck: Deck, verdict: Judgement, io: PlainIO) -> None:
    if store is None:
        return
    result = result_of(deck, verdict)
    try:
        store.add_result(result)
    except StoreUnavailable as exc:
        io.err.write(f"hangup-guide: not saved: {exc}\n")
