"""`hangup-guide test`: walk every flow's examples; `--coverage` says what none reaches."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guide.commands.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from guide.flow.coverage import Coverage, coverage
from guide.flow.loader import read_flow
from guide.flow.model import Flow, Outcome
from guide.flow.problems import FlowError, visible
from guide.flow.validate import validate
from guide.history.checkins import as_written
from guide.library.flows import Library, bundled_flows, scan


def run_test(args: argparse.Namespace) -> int:
    paths: list[Path] = args.files or bundled_flows()
    library = scan(paths)
    reports: list[Coverage] = []
    asks: dict[str, dict[str, str]] = {}
    code = EXIT_OK
    for path in paths:
        flow = _testable(path, library)
        if flow is None:
            code = EXIT_UNREADABLE
            continue
        reports.append(coverage(flow, library.resolver()))
        asks[flow.id] = check_ins(flow)
    if getattr(args, "json", False):
        records = [_record(r, asks.get(r.flow, {})) for r in reports]
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        for report in reports:
            _print(report, args.coverage, asks.get(report.flow, {}))
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


def check_ins(flow: Flow) -> dict[str, str]:
    """Outcome id -> its `check_in:` as written (`2h`), for the outcomes that have one."""
    return {
        node.id: as_written(node.check_in)
        for node in flow.nodes.values()
        if isinstance(node, Outcome) and node.check_in is not None
    }


def _print(report: Coverage, with_coverage: bool, asks: dict[str, str]) -> None:
    for result in report.results:
        if result.failure is None:
            after = asks.get(result.reached or "")
            then = f" (asks how it went after {after})" if after else ""
            print(f"PASS {report.flow}: {result.example.name}{then}")
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


def _record(report: Coverage, asks: dict[str, str]) -> dict[str, object]:
    return {
        "flow": report.flow,
        "examples": [
            {
                "name": r.example.name,
                "passed": r.failure is None,
                "failure": r.failure,
                "reached": r.reached,
                "check_in": asks.get(r.reached or ""),
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
