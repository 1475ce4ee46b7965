"""Walking a flow from the command line: the app, or the plain face; saving and resuming."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_UNREADABLE, CommandError
from guide.commands.opening import need_a_terminal, open_for_command
from guide.flow.engine import Walk
from guide.flow.problems import visible
from guide.flow.startpoints import needed_facts
from guide.flow.steps import WalkError
from guide.flow.suggest import did_you_mean
from guide.flow.typed import clean
from guide.i18n.strings import S
from guide.i18n.timewords import steps, when
from guide.i18n.translation import apply_language
from guide.library.flows import Library
from guide.library.settings import Settings, load_settings

TYPE_CHECKING = False  # typing's, without importing what only saving needs
if TYPE_CHECKING:
    from guide.faces.plain.guide import PlainIO  # the plain face: imported when it runs
    from guide.history.store import Store


def settings_in_use() -> tuple[Settings, list[str]]:
    """The settings, with their language put to use (before any screen is built, as
    the keys' names are fixed then), and what to tell the person about either."""
    settings, problem = load_settings()
    return settings, ([problem] if problem else []) + apply_language(settings.language)


def open_store(no_save: bool) -> tuple[Store | None, list[str]]:
    """The store for this run, or None (not saving), with what to tell the person."""
    settings, notes = settings_in_use()
    if no_save or not settings.save:
        return None, notes
    from guide.history.store import Store, StoreUnavailable  # only a walk that is kept

    try:
        store = Store.open()
    except StoreUnavailable as exc:
        return None, [*notes, S.not_saving.format(problem=exc)]
    if store.tightened:
        notes = [*notes, S.store_made_private.format(folder=store.path.parent)]
    return store, notes


def use_language() -> None:
    """The settings' language for a command that saves nothing; problems go to stderr."""
    for note in settings_in_use()[1]:
        print(f"hangup-guide: {note}", file=sys.stderr)


def run_walk(args: argparse.Namespace) -> int:
    """A walk: the full-screen app, or the plain face with `--plain` or `--answers`."""
    flow, library = open_for_command(args.flow)
    path = Path(flow.path)
    try:
        given = parse_facts(args.fact)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_UNREADABLE) from None
    try:
        walk = Walk(flow, library.resolver(), start=args.start, given=given)
    except WalkError as exc:
        hint = did_you_mean(args.start or "", flow.nodes)
        raise CommandError(f"{visible(str(exc))}{hint}", EXIT_UNREADABLE) from None
    if args.answers is not None:  # a script: nothing is saved
        from guide.faces.plain.guide import PlainIO
        from guide.faces.plain.scripted import run_answers

        use_language()
        answers = [a.strip() for a in args.answers.split(",")] if args.answers.strip() else []
        return run_answers(walk, answers, PlainIO(read=input, out=sys.stdout), args.json)
    if not args.plain:
        need_a_terminal("hangup-guide --plain")
    # A presentation or a walk begun part-way keeps nothing: no personal data on screen.
    watching = path if args.watch else None
    store, notes = open_store(
        args.no_save or args.present or args.start is not None or watching is not None
    )
    try:
        if args.plain:
            return run_plain(walk, store, library, notes)
        from guide.faces.tui.app import make_app

        app = make_app(
            walk,
            store=store,
            library=library,
            notes=notes,
            presenting=args.present,
            watching=watching,
        )
        app.run()
        return EXIT_OK
    finally:
        if store is not None:
            store.close()  # lets go of the walk: another copy may offer it from now on


def parse_facts(pairs: list[str]) -> dict[str, str]:
    """`--fact intent=deliberate` pairs as facts; ValueError names a malformed one."""
    facts: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = clean(pair).partition("=")  # as typed answers are
        if not sep or not name.strip():
            raise ValueError(f"--fact wants NAME=VALUE, not `{visible(pair)}`")
        facts[name.strip()] = value.strip()
    return facts


def run_plain(walk: Walk, store: Store | None, library: Library, notes: list[str]) -> int:
    from guide.faces.plain.guide import PlainIO, run_interactive
    from guide.history.recorder import start_saving

    io = PlainIO.console()
    for note in notes:
        io.tell(note)
    if walk.start is not None:
        walk = ask_start_facts(walk, io)
    if store is not None and walk.start is None:
        from guide.checkin.asking import utc_now
        from guide.faces.plain.checkin import offer_check_in

        after = offer_check_in(store, library, io, utc_now())
        if isinstance(after, Walk):  # "It didn't work": the follow-up, saved as it goes
            return run_interactive(after, io)
        if after == "emergency":  # the emergency exit is never behind the check-in
            start_saving(walk, store, io.tell)
            walk.escape()
            return run_interactive(walk, io)
    if store is not None:
        walk = offer_resume(store, library, io) or walk
        if walk.listener is None:
            start_saving(walk, store, io.tell)
    return run_interactive(walk, io)


def ask_start_facts(walk: Walk, io: PlainIO) -> Walk:
    """`--start NODE --plain`: ask, one by one, for the facts the branch depends on."""
    assert walk.start is not None
    given = dict(walk.given)
    for fact, values in needed_facts(walk.flow, walk.start).items():
        if fact in given:
            continue
        io.say(S.plain_start_fact.format(fact=fact.replace("_", " ")))
        io.say(f"  0) {S.plain_not_known}")
        for number, value in enumerate(values, 1):
            io.say(f"  {number}) {value}")
        try:
            picked = io.ask().strip()
        except EOFError:
            picked = "0"
        if picked.isdigit() and 1 <= int(picked) <= len(values):
            given[fact] = values[int(picked) - 1]
    return Walk(walk.flow, walk.resolve, start=walk.start, given=given)


def offer_resume(store: Store, library: Library, io: object) -> Walk | None:
    """Ask whether to go on with the walk left unfinished; None to start afresh."""
    from guide.faces.plain.guide import PlainIO
    from guide.history.recorder import pending, resume, set_aside

    assert isinstance(io, PlainIO)
    left = pending(store, library.flows)
    if left is None:
        return None
    session, flow = left
    last, done = when(session.updated), steps(session.steps)
    io.say(S.plain_resume.format(flow=session.flow_title, done=done, when=last))
    try:
        answer = io.ask(S.plain_resume_question).strip().lower()
    except EOFError:
        answer = "n"
    tell = io.tell
    if answer not in ("", "y", "yes"):
        set_aside(store, session.id, tell)
        io.say(S.plain_resume_fresh)
        return None
    back = resume(session, flow, store, library.resolver(), tell)
    if back.flow_changed:
        io.say(S.flow_changed.format(kept=back.applied, total=back.total))
    return back.walk
