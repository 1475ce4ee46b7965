"""`python -m benchmarks [--quick] [--output FILE]`: run every figure, print, save JSON.

`--phrasings` works out only the phrasing corpus's rates (in-process, a second) and
puts their rows into the saved file beside the others."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.apps import AppPlan, long_walk, startup, steps
from benchmarks.corpus import CorpusPlan, corpus
from benchmarks.figures import Row, load, markdown, save, table, update
from benchmarks.loading import LoadPlan, loading
from benchmarks.phrasings import rows as phrasings
from benchmarks.processes import ROOT, Sandbox

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Plan:
    apps: AppPlan
    load: LoadPlan
    corpus: CorpusPlan


FULL = Plan(
    AppPlan(startups=15, step_runs=3, steps=60, long_runs=2, long_steps=500, window=10),
    LoadPlan(sizes=(1_000, 10_000, 100_000), repeats=(7, 5, 3)),
    CorpusPlan(runs=3, limit=None),
)
QUICK = Plan(
    AppPlan(startups=1, step_runs=1, steps=6, long_runs=1, long_steps=12, window=3),
    LoadPlan(sizes=(50, 100, 1_000), repeats=(1, 1, 1)),
    CorpusPlan(runs=1, limit=20),
)
"""Only shows that every figure can be made: its numbers mean little."""


def run(plan: Plan, say: Callable[[str], object] = print) -> tuple[list[Row], list[str]]:
    """Every figure, in the order of the table, and notes on anything left out."""
    rows: list[Row] = []
    notes: list[str] = []
    sandbox = Sandbox()
    try:
        sections: list[tuple[str, Callable[[], list[Row]]]] = [
            ("start-up", lambda: startup(sandbox, plan.apps)),
            ("steps and memory", lambda: steps(sandbox, plan.apps)),
            ("long walk", lambda: long_walk(sandbox, plan.apps)),
            ("load and check", lambda: loading(plan.load)),
            ("phrasings", phrasings),
        ]
        for name, section in sections:
            began = time.perf_counter()
            rows += section()
            say(f"{name}: {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        found, note = corpus(sandbox, plan.corpus)
        rows += found
        notes += [note] if note else []
        say(f"corpus: {time.perf_counter() - began:.1f} s")
    finally:
        sandbox.close()
    return rows, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="The guide's speed and memory as ratios to anchors measured in the same run.",
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes, few repeats (seconds)")
    parser.add_argument(
        "--output",
        type=Path,
        default=RESULTS,
        help="where to write the JSON (default: %(default)s)",
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        metavar="RESULTS",
        help="print a saved results file as a Markdown table, and run nothing",
    )
    parser.add_argument(
        "--phrasings",
        action="store_true",
        help="only the phrasing corpus's rates: update their rows in the JSON, keep the rest",
    )
    args = parser.parse_args(argv)
    if args.markdown is not None:
        print(markdown(load(args.markdown)))
        return 0
    if args.phrasings:
        found = phrasings()
        print(table(found))
        update(args.output, found, "phrasings", ROOT)
        print(f"updated in {args.output}")
        return 0
    began, load_before = time.perf_counter(), os.getloadavg()
    rows, notes = run(QUICK if args.quick else FULL, lambda text: print(text, file=sys.stderr))
    seconds = time.perf_counter() - began
    print(table(rows))
    for note in notes:
        print(f"note: {note}")
    missed = [r.name for r in rows if r.met is False]
    print(f"\n{len(rows)} figures in {seconds:.0f} s; targets missed: {len(missed)}")
    loads = ", ".join(f"{a:.2f}" for a in (*load_before, *os.getloadavg()))
    print(f"load average (1, 5, 15 min) before, then after: {loads}")
    save(args.output, rows, quick=args.quick, seconds=seconds, root=ROOT, load_before=load_before)
    print(f"written to {args.output}")
    return 0
