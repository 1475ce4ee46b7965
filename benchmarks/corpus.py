"""`check` over the public yaml-test-suite: how long it takes, and that nothing crashes.

The corpus lives beside the checkout, at ../shared/corpora/yaml-test-suite/; when it
is missing the figures are left out with a note saying so. The time is one
`python -m guide check` over every document, against a child that only reads the
same files with PyYAML's C loader. Tracebacks are counted twice over: in that
run's output (or a crash), and document by document through the loader and
`validate` in this process, where anything but a located `FlowError` counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmarks.figures import Row, median, row
from benchmarks.processes import ROOT, Sandbox
from guide.flow.loader import load_flow
from guide.flow.problems import FlowError
from guide.flow.validate import validate

CORPUS = ROOT.parent / "shared" / "corpora" / "yaml-test-suite"
TRACEBACK = "Traceback (most recent call last)"

C_LOAD_EVERY_FILE = """\
import sys, yaml
for name in sys.argv[1:]:
    try:
        with open(name, "rb") as handle:
            list(yaml.load_all(handle.read(), Loader=yaml.CSafeLoader))
    except Exception:
        pass
"""


@dataclass(frozen=True)
class CorpusPlan:
    runs: int
    limit: int | None
    """Documents to check (None: all of them)."""


def documents(limit: int | None) -> list[Path]:
    found = sorted(CORPUS.rglob("in.yaml")) if CORPUS.is_dir() else []
    return found[:limit] if limit is not None else found


def unexpected(paths: list[Path]) -> list[str]:
    """The documents whose load or check raises anything but a located `FlowError`."""
    crashed: list[str] = []
    for path in paths:
        try:
            loaded = load_flow(path.read_bytes(), str(path))
            if loaded.flow is not None:
                validate(loaded.flow, loaded.broken)
        except FlowError:
            continue
        except Exception as exc:
            crashed.append(f"{path.parent.name}: {type(exc).__name__}: {exc}")
    return crashed


def corpus(sandbox: Sandbox, plan: CorpusPlan) -> tuple[list[Row], str]:
    """The corpus rows, and a note (why they are missing, or what crashed)."""
    paths = documents(plan.limit)
    if not paths:
        return [], f"corpus figures skipped: the yaml-test-suite is not at {CORPUS}"
    names = [str(p) for p in paths]
    took: dict[str, list[float]] = {"guide": [], "anchor": []}
    tracebacks = 0
    notes: list[str] = []
    for _ in range(plan.runs):
        checked = sandbox.run(["-m", "guide", "check", *names])
        took["guide"].append(checked.seconds)
        took["anchor"].append(sandbox.run_ok(["-c", C_LOAD_EVERY_FILE, *names]).seconds)
        found = checked.stderr.count(TRACEBACK)
        if found == 0 and checked.returncode not in (0, 1, 2):
            found = 1  # killed by a signal: a crash with no traceback to count
        if f"checked {len(names)} file(s)" not in checked.stderr:
            notes.append("`check` did not finish every document")
        tracebacks = max(tracebacks, found)
    crashed = unexpected(paths)
    notes += crashed[:5]
    return [
        row(
            f"corpus: `check` over {len(paths)} documents",
            median(took["guide"]),
            median(took["anchor"]),
            "s",
            "C-loading the same files",
            note=f"one child process each, median of {plan.runs} run(s); reported only",
            samples=took,
        ),
        row(
            "corpus: tracebacks",
            tracebacks + len(crashed),
            len(paths),
            "documents",
            "documents checked",
            target=0.0,
            note="tracebacks in `check`'s output, plus documents whose load or check"
            " raised anything but a located FlowError",
        ),
    ], "; ".join(notes)
