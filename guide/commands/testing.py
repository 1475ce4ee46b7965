"""`hangup-guide test`: walk every flow's examples; `--coverage` says what none reaches."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from guide.flow.coverage import Coverage, coverage
from guide.flow.loader import read_flow
from guide.flow.model import Flow
from guide.flow.problems import FlowError, visible
from guide.flow.validate import validate
from guide.library.flows import Library, bundled_flows, scan


def run_test(args: argparse.Namespace) -> int:
    paths: list[Path] = args.files or bundled_flows()
    library = scan(paths)
    reports: list[Coverage] = []
    code = EXIT_OK
    for path in paths:
        flow = _testable(path, library)
        if flow is None:
            code = EXIT_UNREADABLE
            continue
        reports.append(coverage(flow, library.resolver()))
    if getattr(args, "json", False):
        print(json.dumps([_record(r) for r in reports], indent=2, ensure_ascii=False))
    else:
        for report in reports:
            _print(report, args.coverage)
    if any(r.failed for r in reports):
        code = max(code, EXIT_PROBLEMS)
    return code


def _testable(path: Path, library: Library) -> Flow | None:
    """The flow, if nothing but its examples is wrong (those are what `test` reports)."""
    try:
        loaded = read_flow(path)
    except OSError as exc:
        print(
            f"{visible(str(path))}: error: cannot read the file: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return None
    except FlowError as exc:  # located already
        print(exc, file=sys.stderr)
        return None
    if loaded.flow is None:
        print("\n".join(str(p) for p in loaded.problems), file=sys.stderr)
        return None
    others = {flow_id: list(flow.nodes) for flow_id, flow in library.flows.items()}
    # `coverage` walks the examples next; walking them here too doubled the time.
    found = validate(loaded.flow, loaded.broken, others, library.resolver(), examples=False)
    errors = [p for p in [*loaded.problems, *found] if p.severity == "error"]
    if errors:
        print("\n".join(str(p) for p in errors), file=sys.stderr)
        print(f"{path}: fix these first (hangup-guide check)", file=sys.stderr)
        return None
    return loaded.flow


def _print(report: Coverage, with_coverage: bool) -> None:
    for result in report.results:
        if result.failure is None:
            print(f"PASS {report.flow}: {result.example.name}")
        else:
            mark = result.example.mark
            print(f"FAIL {report.flow}: {result.example.name} ({mark}): {result.failure}")
    passed = len(report.results) - report.failed
    print(f"{report.flow}: {passed} of {len(report.results)} example(s) passed")
    if with_coverage:
        for what, (hit, total), missed in (
            ("nodes", report.nodes, report.missed_nodes),
            ("answers", report.options, report.missed_options),
            ("outcomes", report.outcomes, report.missed_outcomes),
        ):
            share = f"{hit / total:.0%}" if total else "-"
            print(f"  {what:<9} {hit:>4} / {total:<4} {share:>5}")
            for item in missed:
                print(f"    not reached: {item}")


def _record(report: Coverage) -> dict[str, object]:
    return {
        "flow": report.flow,
        "examples": [
            {
                "name": r.example.name,
                "passed": r.failure is None,
                "failure": r.failure,
                "reached": r.reached,
            }
            for r in report.results
        ],
        "coverage": {
            "nodes": list(report.nodes),
            "answers": list(report.options),
            "outcomes": list(report.outcomes),
            "missed_nodes": list(report.missed_nodes),
            "missed_answers": list(report.missed_options),
            "missed_outcomes": list(report.missed_outcomes),
        },
    }
