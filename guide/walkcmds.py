"""Walking a flow from the command line: the app, or the plain face; saving and resuming."""

from __future__ import annotations

import argparse
import sys

from guide.flow.engine import Walk
from guide.library import FlowNotFound, FlowOpenError, Library, find_flow, open_flow, scan
from guide.session import pending, resume, start_saving
from guide.settings import load_settings
from guide.store import Store, StoreUnavailable

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def open_store(no_save: bool) -> tuple[Store | None, list[str]]:
    """The store for this run, or None (not saving), with what to tell the person."""
    settings, problem = load_settings()
    notes = [problem] if problem else []
    if no_save or not settings.save:
        return None, notes
    try:
        return Store.open(), notes
    except StoreUnavailable as exc:
        return None, [*notes, f"Not saving: {exc}"]


def run_walk(args: argparse.Namespace) -> int:
    """A walk: the full-screen app, or the plain face with `--plain` or `--answers`."""
    try:
        path = find_flow(args.flow)
        library = scan([path])
        flow = open_flow(path, library)
    except FlowNotFound as exc:
        print(f"hangup-guide: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except FlowOpenError as exc:
        print(exc, file=sys.stderr)
        print(
            "hangup-guide: the flow has problems; fix them first (see `hangup-guide check`)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    walk = Walk(flow, library.resolver())
    if args.answers is not None:  # a script: nothing is saved
        from guide.plain import PlainIO, run_answers

        answers = [a.strip() for a in args.answers.split(",")] if args.answers.strip() else []
        return run_answers(walk, answers, PlainIO(read=input, out=sys.stdout), args.json)
    store, notes = open_store(args.no_save)
    if not args.plain:
        from guide.tui.app import make_app

        make_app(walk, store=store, library=library, notes=notes).run()
        return EXIT_OK
    return run_plain(walk, store, library, notes)


def run_plain(walk: Walk, store: Store | None, library: Library, notes: list[str]) -> int:
    from guide.plain import PlainIO, run_interactive

    io = PlainIO(read=input, out=sys.stdout)
    for note in notes:
        io.err.write(f"hangup-guide: {note}\n")
    if store is not None:
        walk = offer_resume(store, library, io) or walk
        if walk.listener is None:
            start_saving(walk, store)
    return run_interactive(walk, io)


def offer_resume(store: Store, library: Library, io: object) -> Walk | None:
    """Ask whether to go on with the walk left unfinished; None to start afresh."""
    from guide.plain import PlainIO

    assert isinstance(io, PlainIO)
    left = pending(store, library.flows)
    if left is None:
        return None
    session, flow = left
    io.say(
        f"You left a walk unfinished ({session.flow_title}, {session.steps} step(s) done,"
        f" last {session.updated.replace('T', ' ')[:16]} UTC)."
    )
    try:
        answer = io.ask("Go on where you stopped? [Y/n] ").strip().lower()
    except EOFError:
        answer = "n"
    if answer not in ("", "y", "yes"):
        store.abandon(session.id)
        io.say("Starting a new walk. The old one stays in your history.")
        return None
    back = resume(session, flow, store, library.resolver())
    if back.flow_changed:
        io.say(
            f"The flow has changed since then: {back.applied} of {back.total} saved steps"
            " still fitted and were kept."
        )
    return back.walk
