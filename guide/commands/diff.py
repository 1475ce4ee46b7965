"""`hangup-guide diff OLD NEW [--json]`: what changed between two versions of a flow,
by behaviour first. Exit 0 when it behaves the same (wording may differ), 1 when it
does not, 2 when a version cannot be read or has errors (see docs/diff.md)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator

from guide.commands.diffsources import Version, open_version
from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CommandError
from guide.compare.paths import ChangedPath
from guide.compare.report import FlowDiff, compare
from guide.compare.sides import Answer, End
from guide.flow.problems import visible
from guide.flow.steps import WalkError

JSON_FORMAT = "hangup-guide-diff/1"
"""The `format` of `--json` output; bumped when a field changes meaning or goes."""
SHOWN_ENDS = 4
"""Outcomes listed for each version where they part; the rest are counted."""
BY_WORDS = {"both": "", "old": " (only before)", "new": " (only now)"}


def run_diff(args: argparse.Namespace) -> int:
    old, new = open_version(args.old), open_version(args.new)
    try:
        diff = compare(old.flow, new.flow, old.resolve, new.resolve)
    except WalkError as exc:
        raise CommandError(f"cannot walk the flows: {visible(str(exc))}", EXIT_UNREADABLE) from None
    if getattr(args, "json", False):
        print(json.dumps(record(diff, old, new), indent=2, ensure_ascii=False))
    else:
        print("\n".join(visible_lines(report_lines(diff, old, new))))
    return EXIT_OK if diff.same_behaviour else EXIT_PROBLEMS


def visible_lines(lines: Iterator[str]) -> Iterator[str]:
    """Each line with anything a terminal would act on shown as an escape instead."""
    return (visible(line) for line in lines)


# --- in words ----------------------------------------------------------------------


def report_lines(diff: FlowDiff, old: Version, new: Version) -> Iterator[str]:
    yield f"Comparing {old.flow.id} ({old.given}) with {new.flow.id} ({new.given})"
    yield ""
    yield f"Paths whose outcome changed: {len(diff.changed)}"
    for number, path in enumerate(diff.changed, 1):
        yield from _path_lines(number, path, new.flow.id)
    yield ""
    yield f"Nodes and answers added, removed or changed: {len(diff.structure)}"
    for change in diff.structure:
        yield f"  {_where(change.flow, change.node, new.flow.id)}: {change.change}: {change.detail}"
    yield ""
    yield f"Wording changed: {len(diff.wording)}"
    for words in diff.wording:
        yield f"  {_where(words.flow, words.node, new.flow.id)} ({words.field}): {words.words}"
    yield ""
    walked = f"{diff.paths.walked:,} path(s) compared"
    if diff.paths.capped:
        walked += f"; stopped early: {diff.paths.capped}, so some paths were not compared"
    yield walked + "."
    if diff.same_behaviour:
        scope = " on the paths compared" if diff.paths.capped else ""
        yield f"Same behaviour{scope}" + (" (only the wording changed)." if diff.wording else ".")
    else:
        yield "Behaviour differs."


def _path_lines(number: int, path: ChangedPath, main: str) -> Iterator[str]:
    lead = f"  {number}. "
    for answer in path.answers or (Answer("(the first step)", "", "both"),):
        yield f"{lead}{_answer(answer)}"
        lead = " " * len(lead)
    if path.parted is None:
        yield f"{lead}{_end(path.old[0], main)} → {_end(path.new[0], main)}"
    else:
        before, now = path.parted
        yield f"{lead}here the versions part: before, “{before}” came next; now, “{now}”"
        yield f"{lead}outcomes before: {_ends(path.old, main)}"
        yield f"{lead}outcomes now: {_ends(path.new, main)}"
    if path.similar:
        yield f"{lead}(and {path.similar} other path(s) that change the same way)"


def _answer(answer: Answer) -> str:
    said = f": {answer.answer}" if answer.answer else ""
    return f"{answer.asked}{said}{BY_WORDS[answer.by]}"


def _where(flow: str, node: str, main: str) -> str:
    where = node or "(flow)"
    return where if flow == main else f"{flow}:{where}"


def _end(end: End, main: str) -> str:
    where = _where(end.flow, end.node, main)
    match end.kind:
        case "outcome":
            sign = " [emergency]" if end.emergency else ""
            return f"{end.title} ({where}){sign}"
        case "not_offered":
            return f"“{end.detail}” is not offered at “{end.title}” ({where})"
        case "refused":
            return f"the value is refused at “{end.title}” ({where}): {end.detail}"
        case "broken":
            return f"the walk breaks at “{end.title}” ({where}): {end.detail}"


def _ends(ends: tuple[End, ...], main: str) -> str:
    if not ends:
        return "none"
    shown = "; ".join(_end(e, main) for e in ends[:SHOWN_ENDS])
    more = len(ends) - SHOWN_ENDS
    return shown + (f"; and {more} more" if more > 0 else "")


# --- for tools ---------------------------------------------------------------------


def record(diff: FlowDiff, old: Version, new: Version) -> dict[str, object]:
    """The `--json` document: its shape is documented in docs/diff.md."""
    return {
        "format": JSON_FORMAT,
        "old": _version(old),
        "new": _version(new),
        "same_behaviour": diff.same_behaviour,
        "compared": diff.paths.walked,
        "capped": diff.paths.capped,
        "paths": [_path(p) for p in diff.changed],
        "structure": [
            {"flow": c.flow, "node": c.node, "change": c.change, "detail": c.detail}
            for c in diff.structure
        ],
        "wording": [
            {
                "flow": w.flow,
                "node": w.node,
                "field": w.field,
                "old": w.old,
                "new": w.new,
                "words": w.words,
            }
            for w in diff.wording
        ],
    }


def _version(version: Version) -> dict[str, object]:
    return {"given": version.given, "flow": version.flow.id, "version": version.flow.version}


def _path(path: ChangedPath) -> dict[str, object]:
    parted = None if path.parted is None else {"old": path.parted[0], "new": path.parted[1]}
    return {
        "answers": [{"asked": a.asked, "answer": a.answer, "by": a.by} for a in path.answers],
        "old": [_end_record(e) for e in path.old],
        "new": [_end_record(e) for e in path.new],
        "parted": parted,
        "similar": path.similar,
    }


def _end_record(end: End) -> dict[str, object]:
    return {
        "kind": end.kind,
        "flow": end.flow,
        "node": end.node,
        "title": end.title,
        "detail": end.detail,
        "emergency": end.emergency,
    }
