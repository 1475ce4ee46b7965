"""`hangup-guide check-in [ID]`: ask now how a saved walk's advice went.

With no ID, the latest check-in due. Line by line when given `--answers` (the first is
the check-in's answer, the rest walk the follow-up flow after "did-not-work") or when
the input is not a terminal; `--json` prints what was kept and any follow-up outcome.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime

from guide.checkin.asking import Settled, due_check_in, settle, utc_now
from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.commands.history import open_store
from guide.commands.opening import need_a_terminal
from guide.faces.plain.guide import PlainIO, outcome_lines
from guide.faces.plain.scripted import answers_failure, walk_record
from guide.flow.problems import visible
from guide.flow.steps import Advice
from guide.history.checkins import Answer, CheckIn, answer_of
from guide.history.store import Store, StoreUnavailable
from guide.i18n.strings import S
from guide.library.flows import scan


def run_check_in(args: argparse.Namespace) -> int:
    """Run the check-in of walk ID (else the latest due) now."""
    script = _script(args.answers)
    if args.json and script is None:
        raise CommandError("--json needs --answers (it prints, it does not ask)", EXIT_UNREADABLE)
    store = open_store()
    try:
        now = utc_now()
        check_in = _chosen(store, args.session, now)
        if script is None:
            return _asked(store, check_in, now)
        return _scripted(store, check_in, script, now, as_json=args.json)
    finally:
        store.close()


def _script(given: str | None) -> tuple[Answer, list[str]] | None:
    """`--answers`: the check-in's answer and the follow-up's; CommandError (exit 2)
    when they cannot be used, before anything is opened or kept."""
    if given is None:
        return None
    answers = [a.strip() for a in given.split(",")] if given.strip() else [""]
    answer, rest = _answer(answers[0]), answers[1:]
    if rest and answer != "did-not-work":
        raise CommandError(
            "only did-not-work goes on to more answers (the follow-up's)", EXIT_UNREADABLE
        )
    return answer, rest


def _chosen(store: Store, session_id: int | None, now: datetime) -> CheckIn:
    """Walk `session_id`'s open check-in, else the latest due; CommandError when none."""
    if session_id is None:
        due = due_check_in(store, now)
        if due is None:
            raise CommandError(S.check_in_none_due)
        return due
    try:
        check_in = store.check_in(session_id)
    except KeyError:
        shown = str(session_id)
        shown = shown if len(shown) <= 20 else shown[:20] + "…"
        try:
            store.session(session_id)
        except KeyError:
            raise CommandError(S.history_no_walk.format(id=shown)) from None
        raise CommandError(S.check_in_no_walk.format(id=shown)) from None
    if not check_in.open:
        raise CommandError(S.check_in_answered.format(id=session_id, answer=check_in.answer))
    return check_in


def _answer(typed: str) -> Answer:
    answer = answer_of(typed)
    if answer is None:
        raise CommandError(S.check_in_bad_answer.format(answer=visible(typed)), EXIT_UNREADABLE)
    return answer


def _scripted(
    store: Store,
    check_in: CheckIn,
    script: tuple[Answer, list[str]],
    now: datetime,
    *,
    as_json: bool,
) -> int:
    """`--answers`: the check-in's answer, then the follow-up's; nothing is asked."""
    answer, rest = script
    settled = _settle(store, check_in, answer, now)
    failure: str | None = None
    walk = settled.follow_up
    if walk is not None:  # with no answers for it, the follow-up is left where it starts
        failure = answers_failure(walk, rest, must_finish=bool(rest))
    if as_json:
        record = {
            "walk": check_in.session_id,
            "check_in": asdict(settled.check_in),
            "said": settled.said,
            "follow_up": walk_record(walk, failure) if walk is not None else None,
        }
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        print(settled.said)
        if walk is not None and isinstance(walk.current, Advice):
            print("\n".join(outcome_lines(walk.current, walk)))
    if failure:
        print(f"hangup-guide: {failure}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _settle(store: Store, check_in: CheckIn, answer: Answer, now: datetime) -> Settled:
    def tell(why: str) -> None:
        print(f"hangup-guide: {why}", file=sys.stderr)

    try:
        return settle(store, check_in, answer, library=scan(), now=now, tell=tell)
    except StoreUnavailable as exc:
        raise CommandError(str(exc)) from None


def _asked(store: Store, check_in: CheckIn, now: datetime) -> int:
    """No `--answers`: ask in the app at a terminal, else line by line."""
    try:
        need_a_terminal("hangup-guide check-in --answers A,B")
    except CommandError:
        return _asked_line_by_line(store, check_in, now)
    from guide.commands.opening import open_for_command
    from guide.commands.walk import use_language
    from guide.faces.tui.app import make_app
    from guide.flow.engine import Walk

    use_language()  # before the screens are built: their keys' names are fixed then
    flow, library = open_for_command("hang-up")  # the emergency steps are never behind it
    app = make_app(Walk(flow, library.resolver()), store=store, library=library, check_in=check_in)
    app.run()
    if app.said:
        print(app.said)
    return EXIT_OK


def _asked_line_by_line(store: Store, check_in: CheckIn, now: datetime) -> int:
    """Ask line by line (the follow-up walk too)."""
    from guide.faces.plain.checkin import ask_about
    from guide.faces.plain.guide import run_interactive

    io = PlainIO.console()
    after = ask_about(store, check_in, scan(), io, now)
    if after == "emergency":
        return _emergency(io)
    return EXIT_OK if after is None else run_interactive(after, io)


def _emergency(io: PlainIO) -> int:
    """`!` at the check-in: the emergency steps of the main flow, at once."""
    from guide.commands.opening import open_for_command
    from guide.faces.plain.guide import run_interactive
    from guide.flow.engine import Walk

    flow, library = open_for_command("hang-up")
    walk = Walk(flow, library.resolver())
    walk.escape()
    return run_interactive(walk, io)
