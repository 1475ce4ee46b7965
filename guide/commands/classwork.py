"""`hangup-guide practice export` (a learner's results as a file for their trainer) and
`practice report FILE...` (a class's files gathered into one report)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.commands.graph import write_stdout
from guide.commands.history import open_store, write_export
from guide.flow.files import open_regular
from guide.flow.problems import FlowError, visible
from guide.flow.typed import clean
from guide.history.store import now
from guide.i18n.strings import S
from guide.library.settings import load_settings, remember, settings_path
from guide.practice.classfile import MAX_BYTES, BadExport, LearnerFile, export_document, read_export
from guide.practice.classreport import gather, report_lines, report_record
from guide.practice.debrief import to_debrief

MAX_NAME = 100
"""Longest learner name kept, in characters."""


def run_practice_export(args: argparse.Namespace) -> int:
    """`practice export [--name NAME] [-o FILE] [--force]`."""
    name = learner_name(args.name)
    store = open_store()
    try:
        text = export_document(name, now(), store.results())
    finally:
        store.close()
    if args.output is None:
        write_stdout(text)
        return EXIT_OK
    shown = write_export(args.output, text, force=args.force)
    print(f"hangup-guide: wrote {shown}", file=sys.stderr)
    return EXIT_OK


def learner_name(given: str | None) -> str:
    """The learner's name: `--name` (then kept), the one kept in settings, or asked once
    at a terminal (then kept); CommandError when there is none and no one to ask."""
    if given is None:
        kept = load_settings()[0].name
        if kept:
            return _usable(kept, "the name in settings")
        if not sys.stdin.isatty():
            raise CommandError(
                "no learner name yet, and no terminal to ask it at: give it once with"
                " --name NAME (it is kept for next time)",
                EXIT_UNREADABLE,
            )
        sys.stderr.write(S.export_name_prompt)
        sys.stderr.flush()
        given = sys.stdin.readline()
    name = _usable(given, "the name")
    problem = remember("name", name)
    if problem:
        print(f"hangup-guide: {problem}", file=sys.stderr)
    else:
        print(f"hangup-guide: {S.export_name_kept.format(path=settings_path())}", file=sys.stderr)
    return name


def _usable(text: str, what: str) -> str:
    name = " ".join(clean(text).split())
    if not name:
        raise CommandError(f"{what} is empty: give one with --name NAME", EXIT_UNREADABLE)
    if len(name) > MAX_NAME:
        raise CommandError(f"{what} is longer than {MAX_NAME} characters", EXIT_UNREADABLE)
    return name


def run_practice_report(args: argparse.Namespace) -> int:
    """`practice report FILE... [--json | --format md]`: exit 0 when every file was used,
    1 when some could not be (the report covers the others), 2 when none could."""
    good: list[LearnerFile] = []
    bad: list[BadExport] = []
    for path in args.files:
        try:
            good.append(read_export(_read(path), visible(str(path))))
        except BadExport as exc:
            bad.append(exc)
    for problem in bad:
        print(f"hangup-guide: left out: {problem}", file=sys.stderr)
    if not good:
        raise CommandError("no usable practice export file: nothing to report", EXIT_UNREADABLE)
    report = gather(good)
    if args.json:
        record = report_record(report)
        record["left_out"] = [{"file": b.file, "field": b.where, "problem": b.problem} for b in bad]
        write_stdout(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "md":
        write_stdout(to_debrief(report))
    else:
        write_stdout("\n".join(report_lines(report)) + "\n")
    return EXIT_PROBLEMS if bad else EXIT_OK


def _read(path: Path) -> bytes:
    """A regular file's bytes, no more than one past an export's largest size (the
    size check is `read_export`'s); else `BadExport`."""
    shown = visible(str(path))
    try:
        with open_regular(path) as handle:  # a FIFO would wait for a writer for ever
            return handle.read(MAX_BYTES + 1)
    except FlowError as exc:
        raise BadExport(shown, "", exc.problems[0].message) from None
    except OSError as exc:
        raise BadExport(shown, "", f"cannot read the file: {exc.strerror or exc}") from None
