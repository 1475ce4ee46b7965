"""The app figures: start-up, steps, the long walk and memory, guide against bare Textual.

Each figure comes from child processes (benchmarks.runner), the guide's and the
anchor's run alternately so that whatever else the machine is doing falls on both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from benchmarks.figures import Row, median, p95, row
from benchmarks.processes import Finished, Sandbox

BARE = "bare Textual app"
KINDS = ("guide", "bare")


@dataclass(frozen=True)
class AppPlan:
    startups: int
    """Start-ups per kind."""
    step_runs: int
    """Processes per kind for the step and memory figures..."""
    steps: int
    """...and the steps each one times."""
    long_runs: int
    long_steps: int
    """The long walk: processes, and steps in each."""
    window: int
    """Steps at each end of the long walk that are compared."""


def _runner(sandbox: Sandbox, *args: str) -> tuple[dict[str, object], Finished]:
    out = sandbox.path / "result.json"
    out.unlink(missing_ok=True)
    finished = sandbox.run_ok(["-m", "benchmarks.runner", *args, str(out)], terminal=True)
    return json.loads(out.read_text(encoding="utf-8")), finished


PLAIN = ["-m", "guide", "--answers", "!", "--no-save"]
"""`start-up (plain)`: a one-answer walk of the main flow on the line-by-line face."""
CHECK = ["-m", "guide", "check"]
"""`start-up (check)`: `check` of the bundled flows and decks."""


def startup(sandbox: Sandbox, plan: AppPlan) -> list[Row]:
    """Process start to the first question painted, guide against the bare app; and the
    CPU time of the plain guide and of `check`, against the same bare app's."""
    for kind in KINDS:  # fill the bytecode cache and the file cache; not timed
        _runner(sandbox, "startup", kind)
    for args in (PLAIN, CHECK):  # ...and the flow cache, as any start after the first
        sandbox.run_ok(args)
    took: dict[str, list[float]] = {kind: [] for kind in KINDS}
    cpu: dict[str, list[float]] = {"plain": [], "check": [], "bare": []}
    for _ in range(plan.startups):
        for kind in KINDS:
            result, finished = _runner(sandbox, "startup", kind)
            shown = result["shown_ns"]
            assert isinstance(shown, int), "the runner saw no question"
            took[kind].append((shown - finished.started_ns) / 1e6)
            if kind == "bare":
                cpu["bare"].append(finished.cpu_seconds * 1e3)
        cpu["plain"].append(sandbox.run_ok(PLAIN).cpu_seconds * 1e3)
        cpu["check"].append(sandbox.run_ok(CHECK).cpu_seconds * 1e3)
    return [
        row(
            "start-up to first question",
            median(took["guide"]),
            median(took["bare"]),
            "ms",
            BARE,
            target=1.25,
            note=f"median of {plan.startups} runs each; process spawn to the first frame"
            " showing the first question (80x24, headless)",
            samples=took,
        ),
        *_cpu_rows(cpu, plan.startups),
    ]


def _cpu_rows(cpu: dict[str, list[float]], runs: int) -> list[Row]:
    """The plain guide's and `check`'s CPU time against the bare app's start-up."""
    how = (
        f"CPU time (user + system, wait4) of the whole process, median of {runs} runs each;"
        " the anchor is the bare app's start-up to its first question; bytecode and the"
        " flow cache warm, as on any start after the first"
    )
    return [
        row(
            name,
            median(cpu[side]),
            median(cpu["bare"]),
            "ms",
            f"{BARE}, CPU",
            target=0.3,
            note=f"`python {' '.join(args[1:])}`: {how}",
            samples={side: cpu[side], "bare": cpu["bare"]},
        )
        for name, side, args in (
            ("start-up (plain)", "plain", PLAIN),
            ("start-up (check)", "check", CHECK),
        )
    ]


def steps(sandbox: Sandbox, plan: AppPlan) -> list[Row]:
    """Key press to the next question painted, and the peak RSS of the same runs."""
    took: dict[str, list[float]] = {kind: [] for kind in KINDS}
    rss: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for _ in range(plan.step_runs):
        for kind in KINDS:
            result, finished = _runner(sandbox, "steps", kind, str(plan.steps))
            took[kind] += [s * 1e3 for s in _floats(result["steps"])]
            rss[kind].append(finished.max_rss_kib / 1024)
    how = f"{plan.step_runs} run(s) x {plan.steps} steps each, keys 2 and b in turn"
    return [
        row(
            "step: key to next question, median",
            median(took["guide"]),
            median(took["bare"]),
            "ms",
            BARE,
            target=1.5,
            note=how,
            samples=took,
        ),
        row(
            "step: key to next question, p95",
            p95(took["guide"]),
            p95(took["bare"]),
            "ms",
            BARE,
            target=1.5,
            note=how,
        ),
        row(
            f"memory: peak RSS, start-up + {plan.steps} steps",
            median(rss["guide"]),
            median(rss["bare"]),
            "MiB",
            BARE,
            target=1.2,
            note=f"ru_maxrss of each child (wait4), median of {plan.step_runs} run(s)",
            samples=rss,
        ),
    ]


def long_walk(sandbox: Sandbox, plan: AppPlan) -> list[Row]:
    """The last steps of a long walk against its first: no growth with the transcript."""
    early: list[float] = []
    late: list[float] = []
    for _ in range(plan.long_runs):
        result, _ = _runner(sandbox, "steps", "guide", str(plan.long_steps))
        took = [s * 1e3 for s in _floats(result["steps"])]
        early += took[: plan.window]
        late += took[-plan.window :]
    first, last = plan.window, plan.long_steps
    return [
        row(
            f"step {last} of a long walk vs step 5",
            median(late),
            median(early),
            "ms",
            f"steps 1-{first} of the same walk",
            target=1.2,
            note=f"median of steps {last - first + 1}-{last} against steps 1-{first},"
            f" {plan.long_runs} walk(s) of {last} steps (answer, back, answer, …)",
            samples={"early": early, "late": late},
        )
    ]


def _floats(value: object) -> list[float]:
    assert isinstance(value, list)
    return [float(v) for v in value]
