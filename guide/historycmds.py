"""The history commands: list saved walks, open or export one, add a note, wipe them all."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guide.cmdutil import EXIT_UNREADABLE, no_terminal_for_the_app
from guide.export import outcome_of, status_of, to_json, to_markdown
from guide.store import Store, StoreUnavailable, default_path
from guide.timewords import when

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _store() -> Store | None:
    try:
        return Store.open()
    except StoreUnavailable as exc:
        print(f"hangup-guide: {exc}", file=sys.stderr)
        return None


def run_history(args: argparse.Namespace) -> int:
    """`history`: the saved walks, newest first; `history ID` opens one, read-only."""
    store = _store()
    if store is None:
        return EXIT_PROBLEMS
    if args.session is not None:
        return _open(store, args.session, args.plain)
    sessions = store.sessions()
    if args.json:
        rows = [
            {
                "id": s.id,
                "started": s.started,
                "updated": s.updated,
                "flow": s.flow_id,
                "outcome": s.outcome,
                "status": status_of(s),
                "answers": s.steps,
                "note": s.note,
            }
            for s in sessions
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not sessions:
        print("No saved walks yet.")
        return EXIT_OK
    times = [when(s.updated) for s in sessions]  # local time, in words
    width = max(len("WHEN"), *(len(t) for t in times))
    print(f"{'ID':>4}  {'WHEN':<{width}}  {'FLOW':<16} {'STATUS':<11} OUTCOME")
    for s, last in zip(sessions, times, strict=True):
        advice = outcome_of(s)
        outcome = str(advice["title"]) if advice else ""
        print(f"{s.id:>4}  {last:<{width}}  {s.flow_id:<16} {status_of(s):<11} {outcome}")
        if s.note:
            print(f"{'':>6}note: {s.note}")
    return EXIT_OK


def _open(store: Store, session_id: int, plain: bool) -> int:
    try:
        session = store.session(session_id)
    except KeyError:
        print(
            f"hangup-guide: there is no saved walk {session_id} (see `hangup-guide history`)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    events = store.events(session_id)
    if plain:
        print(to_markdown(session, events), end="")
        return EXIT_OK
    if no_terminal_for_the_app(f"hangup-guide history {session_id} --plain"):
        return EXIT_UNREADABLE
    from guide.walkcmds import use_language

    use_language()  # before the screens are built: their keys' names are fixed then
    from guide.tui.app import make_transcript_app

    make_transcript_app(session, events).run()
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`export ID --format md|json [-o FILE]`."""
    store = _store()
    if store is None:
        return EXIT_PROBLEMS
    try:
        session = store.session(args.session)
    except KeyError:
        print(f"hangup-guide: there is no saved walk {args.session}", file=sys.stderr)
        return EXIT_PROBLEMS
    events = store.events(args.session)
    text = (
        to_json(session, events) + "\n" if args.format == "json" else to_markdown(session, events)
    )
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"hangup-guide: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def run_note(args: argparse.Namespace) -> int:
    """`note ID "text"`: a private note on a walk (what you did, how it went)."""
    store = _store()
    if store is None:
        return EXIT_PROBLEMS
    try:
        store.set_note(args.session, " ".join(args.text.split()))
    except KeyError:
        print(f"hangup-guide: there is no saved walk {args.session}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def store_files(path: Path) -> list[Path]:
    """The store and everything beside it that holds saved walks (journals, damaged copies)."""
    names = [path.name, f"{path.name}-wal", f"{path.name}-shm"]
    found = [path.with_name(n) for n in names if path.with_name(n).exists()]
    found += sorted(path.parent.glob(f"{path.name}.corrupt-*"))
    return found


def run_wipe(args: argparse.Namespace) -> int:
    """`wipe`: delete every saved walk, after asking (or with --yes)."""
    path = default_path()
    files = store_files(path)
    if not files:
        print("There are no saved walks.")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                "hangup-guide: wipe asks before it deletes; add --yes in scripts", file=sys.stderr
            )
            return EXIT_PROBLEMS
        reply = input(
            f"Delete every saved walk and practice result in {path.parent}? "
            "This cannot be undone. Type yes to go on: "
        )
        if reply.strip().lower() != "yes":
            print("Nothing was deleted.")
            return EXIT_OK
    for file in files:
        try:
            file.unlink()
        except OSError as exc:
            print(f"hangup-guide: cannot delete {file}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    deleted = f"{len(files)} file" if len(files) == 1 else f"{len(files)} files"
    print(f"Deleted {deleted}: nothing of your walks is left.")
    return EXIT_OK
