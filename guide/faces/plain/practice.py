"""Practice in the line-by-line face: a round of scenarios, then how each compared."""

from __future__ import annotations

from guide.faces.plain.guide import PlainIO, answer, show_step
from guide.flow.model import Flow
from guide.flow.reserved import Command, plain_command
from guide.history.store import PracticeResult, Store, StoreUnavailable
from guide.i18n.strings import S
from guide.library.flows import Library
from guide.practice.deck import Deck
from guide.practice.judging import Judgement, score_words
from guide.practice.round import (
    Judged,
    Round,
    RoundListener,
    State,
    Summary,
    Unscored,
    Walking,
    summary_words,
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
    game = Round(deck, flow, scenarios, library.resolver(), saver(store, io))
    state: State = game.current
    while not isinstance(state, Summary):
        if isinstance(state, Walking):
            io.say("")
            io.say(RULE)
            io.say(S.practice_scenario.format(number=state.number, total=state.total))
            io.say(state.scenario.situation)
            state = play(game, io)
        else:
            shown = verdict_lines(state.verdict) if isinstance(state, Judged) else None
            io.say("\n".join(shown) if shown else S.practice_not_scored)
            state = game.next()
    if state.stopped:
        io.say("\n" + summary_words(state))
    else:
        io.say(f"\n{RULE}\n" + summary_words(state))
    return 0


def play(game: Round, io: PlainIO) -> Judged | Unscored | Summary:
    """The learner walks the scenario at hand until it is judged, or they stop."""
    state: State = game.current
    while isinstance(state, Walking):
        io.say("")
        show_step(game.walk, io)
        try:
            line = io.ask().strip()
        except EOFError:
            return game.stop()
        command = plain_command(line)
        if command is Command.QUIT:
            return game.stop()
        if command is Command.BACK:
            if not game.back():  # past what the round passed itself, to the learner's answer
                io.say(S.first_question)
        elif command is Command.EMERGENCY:
            game.walk.escape()
        else:
            answer(game.walk, line, io)
        state = game.settle()
    return state


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


def saver(store: Store | None, io: PlainIO) -> RoundListener | None:
    """Keeps each judged scenario in the store; says so on stderr when it cannot."""
    if store is None:
        return None

    def save(result: PracticeResult) -> None:
        try:
            store.add_result(result)
        except StoreUnavailable as exc:
            io.tell(S.not_saved.format(problem=exc))

    return save
