"""`hangup-guide practice`: pick a deck, practise a round, see your progress."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import UTC, datetime

from guide.commands.errors import EXIT_OK, EXIT_UNREADABLE, CommandError
from guide.commands.opening import need_a_terminal
from guide.commands.walk import open_store
from guide.flow.problems import visible
from guide.history.store import Store
from guide.i18n.strings import S
from guide.library.decks import find_deck, load_decks
from guide.library.flows import Library, scan
from guide.practice.deck import Deck
from guide.practice.leitner import boxes_lines, due_cards, next_due, schedule
from guide.practice.progress import progress_lines, summarise


def run_practice(args: argparse.Namespace) -> int:
    store, notes = open_store(args.no_save)
    for note in notes:
        print(f"hangup-guide: {note}", file=sys.stderr)
    if args.progress:
        results = store.results() if store else []
        lines = progress_lines(summarise(results))
        if results:  # with none yet, the line above says how to start
            cards = list(schedule(results).values())
            lines += ["", *boxes_lines(cards, datetime.now(UTC))]
        print("\n".join(lines))
        return EXIT_OK
    library = scan()
    decks, broken = load_decks(library)
    for line in broken:
        print(f"hangup-guide: a deck cannot be used: {line}", file=sys.stderr)
    if args.deck:
        named = find_deck(args.deck, decks, library)
        if named is None:
            raise _no_deck(args.deck, decks)
        decks = [named, *(d for d in decks if d is not named)]
        args.deck = named.id
    if args.missed:
        due = _missed(decks, store, args.deck)
        if due is None:
            return EXIT_OK
        decks, args.deck = [due], due.id
    if not args.plain:
        need_a_terminal("hangup-guide practice --plain")
        from guide.faces.tui.app import make_practice_app

        make_practice_app(
            decks, library, store, deck=args.deck, seed=args.seed, count=args.count
        ).run()
        return EXIT_OK
    return _plain(args, decks, library, store)


def _plain(args: argparse.Namespace, decks: list[Deck], library: Library, store: object) -> int:
    from guide.faces.plain.guide import PlainIO
    from guide.faces.plain.practice import run_round

    io = PlainIO.console()
    try:
        wanted = args.deck or _choose(decks, io)
    except EOFError:  # Ctrl+D, or a script's input ran out, at "Which deck?"
        io.say("")
        print("hangup-guide: no deck was chosen: the input ended", file=sys.stderr)
        return EXIT_OK
    deck = find_deck(wanted, decks) if wanted else None
    if deck is None:
        raise _no_deck(wanted, decks)
    flow = library.flows[deck.flow]
    saving = store if isinstance(store, Store) else None
    return run_round(deck, flow, library, io, seed=args.seed, count=args.count, store=saving)


def _missed(decks: list[Deck], store: Store | None, wanted: str | None) -> Deck | None:
    """The deck (`wanted`, else the one of the scenario most due) cut down to its missed
    scenarios due today; None, after saying when the next is due, when there are none."""
    now = datetime.now(UTC)
    cards = schedule(store.results() if store else []).values()
    due = [c for c in due_cards(cards, now) if wanted in (None, c.deck)]
    by_id = {d.id: d for d in decks}
    for card in due:
        deck = by_id.get(card.deck)
        wanted_ids = {c.scenario for c in due if c.deck == card.deck}
        scenarios = tuple(s for s in deck.scenarios if s.id in wanted_ids) if deck else ()
        if deck and scenarios:
            return replace(deck, scenarios=scenarios)
    if due:  # due, but its deck (or the scenario in it) is no longer there
        gone = ", ".join(visible(f"{c.deck} / {c.scenario}") for c in due)
        print(f"hangup-guide: due, but not in any deck now: {gone}", file=sys.stderr)
    print(S.missed_none_due)
    upcoming = next_due(cards, now)
    if upcoming is not None:
        print(S.missed_next_due.format(day=upcoming.isoformat()))
    return None


def _no_deck(wanted: str, decks: list[Deck]) -> CommandError:
    names = ", ".join(d.id for d in decks)
    return CommandError(
        f"no usable deck `{visible(wanted)}`; the decks are: {names}", EXIT_UNREADABLE
    )


def _choose(decks: list[Deck], io: object) -> str:
    """The deck the person picks, as its id or what they typed; EOFError when the input
    ends first."""
    from guide.faces.plain.guide import PlainIO

    assert isinstance(io, PlainIO)
    if not decks:
        return ""
    io.say("Which deck?")
    for number, deck in enumerate(decks, 1):
        io.say(f"  {number}) {deck.title} ({len(deck.scenarios)} scenarios)")
    picked = io.ask().strip()
    if picked.isdigit() and 1 <= int(picked) <= len(decks):
        return decks[int(picked) - 1].id
    return picked
