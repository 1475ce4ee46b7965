"""The history commands: list saved walks, open or export one, add a note, wipe them all."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.commands.opening import need_a_terminal
from guide.flow.problems import visible
from guide.flow.typed import clean
from guide.history.advice import DamagedAdvice
from guide.history.checkin_words import check_in_record, check_in_words
from guide.history.checkins import CheckIn
from guide.history.export import outcome_of, status_of, to_json, to_markdown
from guide.history.ownership import remove_lock_files
from guide.history.private import write_private
from guide.history.store import Session, Store, StoreUnavailable, default_path
from guide.i18n.strings import S
from guide.i18n.timewords import when
from guide.library.cache import forget


def open_store() -> Store:
    """The store, saying so if its folder had to be made private; CommandError if it
    cannot be used."""
    try:
        store = Store.open()
    except StoreUnavailable as exc:
        raise CommandError(str(exc)) from None
    if store.tightened:
        _say(S.store_made_private.format(folder=store.path.parent))
    return store


def _say(message: str) -> None:
    """A note that does not end the command."""
    print(f"hangup-guide: {message}", file=sys.stderr)


def _no_walk(session_id: int) -> CommandError:
    shown = str(session_id)
    return CommandError(
        S.history_no_walk.format(id=shown if len(shown) <= 20 else shown[:20] + "…")
    )


def _damaged(sessions: list[Session]) -> int:
    """Say which walks' saved advice cannot be read back; EXIT_PROBLEMS if any."""
    found = [(s.id, s.advice) for s in sessions if isinstance(s.advice, DamagedAdvice)]
    for walk, damaged in found:
        _say(S.history_advice_damaged.format(id=walk, problem=damaged.problem))
    return EXIT_PROBLEMS if found else EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    """`history`: the saved walks, newest first; `history ID` opens one, read-only."""
    store = open_store()
    if args.session is not None:
        return _open(store, args.session, args.plain)
    sessions = store.sessions()
    check_ins = {c.session_id: c for c in store.check_ins()}
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
                "check_in": check_in_record(check_ins.get(s.id)),
            }
            for s in sessions
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return _damaged(sessions)
    if not sessions:
        print("No saved walks yet.")
        return EXIT_OK
    times = [when(s.updated) for s in sessions]  # local time, in words
    width = max(len("WHEN"), *(len(t) for t in times))
    print(f"{'ID':>4}  {'WHEN':<{width}}  {'FLOW':<16} {'STATUS':<11} OUTCOME")
    for s, last in zip(sessions, times, strict=True):
        advice = outcome_of(s)
        outcome = advice.title if advice else ""
        print(f"{s.id:>4}  {last:<{width}}  {s.flow_id:<16} {status_of(s):<11} {outcome}")
        if s.id in check_ins:
            print(f"{'':>6}{S.check_in_line.format(status=check_in_words(check_ins[s.id]))}")
        if s.note:
            print(f"{'':>6}note: {s.note}")
    return _damaged(sessions)


def _open(store: Store, session_id: int, plain: bool) -> int:
    try:
        session = store.session(session_id)
    except KeyError:
        raise _no_walk(session_id) from None
    events = store.events(session_id)
    if plain:
        print(to_markdown(session, events, _check_in(store, session_id)), end="")
        return _damaged([session])
    need_a_terminal(f"hangup-guide history {session_id} --plain")
    from guide.commands.walk import use_language

    use_language()  # before the screens are built: their keys' names are fixed then
    from guide.faces.tui.app import make_transcript_app

    make_transcript_app(session, events, _check_in(store, session_id)).run()
    return EXIT_OK


def _check_in(store: Store, session_id: int) -> CheckIn | None:
    try:
        return store.check_in(session_id)
    except KeyError:
        return None


def run_export(args: argparse.Namespace) -> int:
    """`export ID --format md|json [-o FILE]`."""
    store = open_store()
    try:
        session = store.session(args.session)
    except KeyError:
        raise _no_walk(args.session) from None
    events = store.events(args.session)
    check_in = _check_in(store, args.session)
    text = (
        to_json(session, events, check_in) + "\n"
        if args.format == "json"
        else to_markdown(session, events, check_in)
    )
    if args.output is None:
        sys.stdout.write(text)
        return _damaged([session])
    print(f"wrote {write_export(args.output, text, force=args.force)}", file=sys.stderr)
    return _damaged([session])


def run_note(args: argparse.Namespace) -> int:
    """`note ID "text"`: a private note on a walk (what you did, how it went)."""
    store = open_store()
    note = " ".join(args.text.split())
    try:
        note.encode("utf-8")
    except UnicodeEncodeError:  # bytes the locale could not read, kept as surrogates
        raise CommandError(S.note_not_text, EXIT_UNREADABLE) from None
    try:
        store.set_note(args.session, " ".join(clean(note).split()))  # as typed answers are
    except KeyError:
        raise _no_walk(args.session) from None
    except StoreUnavailable as exc:
        raise CommandError(str(exc)) from None
    return EXIT_OK


def store_files(path: Path) -> list[Path]:
    """The store and everything beside it that holds saved walks (journals, damaged copies,
    the copies kept before an update)."""
    names = [path.name, f"{path.name}-wal", f"{path.name}-shm"]
    found = [path.with_name(n) for n in names if path.with_name(n).exists()]
    found += sorted(path.parent.glob(f"{path.name}.corrupt-*"))
    found += sorted(path.parent.glob(f"{path.name}.v*.bak"))
    return found


def run_wipe(args: argparse.Namespace) -> int:
    """`wipe`: delete every saved walk, after asking (or with --yes)."""
    path = default_path()
    files = store_files(path)
    if not files:
        forget()  # the flow cache holds nothing of a walk, but a wipe leaves no trace
        remove_lock_files(path.parent)
        print("There are no saved walks.")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError("wipe asks before it deletes; add --yes in scripts")
        try:
            reply = input(
                f"Delete every saved walk and practice result in {path.parent}? "
                "This cannot be undone. Type yes to go on: "
            )
        except EOFError:  # Ctrl+D: no
            reply = ""
            print()
        if reply.strip().lower() != "yes":
            print(S.wipe_nothing_deleted)
            return EXIT_OK
    for file in files:
        try:
            file.unlink()
        except OSError as exc:
            raise CommandError(f"cannot delete {file}: {exc.strerror or exc}") from None
    forget()
    remove_lock_files(path.parent)
    deleted = f"{len(files)} file" if len(files) == 1 else f"{len(files)} files"
    print(f"Deleted {deleted}: nothing of your walks is left.")
    return EXIT_OK


def write_export(path: Path, text: str, *, force: bool) -> str:
    """Write `text` to a file only its owner can read, not over another file unless
    `force`; the file's name as it may be shown (a name may hold an escape code)."""
    shown = visible(str(path))
    try:
        write_private(path, text.encode("utf-8"), force=force)
    except FileExistsError:
        raise CommandError(S.export_exists.format(path=shown)) from None
    except OSError as exc:
        raise CommandError(f"cannot write {shown}: {exc.strerror or exc}") from None
    return shown
