"""Figures: one row per measurement, with its anchor, and how they are shown and saved."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Row:
    """One figure: the guide's number beside its anchor's, from the same run.

    `ratio` is value / anchor. `target` is the highest ratio the issue asks for, and
    `met` says whether the ratio is within it; both are None for a figure that is
    only reported (the issue sets it no target).
    """

    name: str
    value: float
    anchor: float
    ratio: float
    target: float | None
    met: bool | None
    unit: str
    anchor_is: str
    """What the anchor is, in a few words."""
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)
    """The raw measurements the medians came from, per side."""


def row(
    name: str,
    value: float,
    anchor: float,
    unit: str,
    anchor_is: str,
    *,
    target: float | None = None,
    note: str = "",
    samples: dict[str, list[float]] | None = None,
) -> Row:
    """A row, its ratio and whether it meets `target` worked out here, the one place."""
    ratio = value / anchor if anchor else (0.0 if value == 0 else math.inf)
    met = None if target is None else ratio <= target
    return Row(name, value, anchor, ratio, target, met, unit, anchor_is, note, samples or {})


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile, by the nearest-rank method (a value that was measured)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _number(value: float, unit: str) -> str:
    if unit in ("ms", "s"):
        return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    if unit == "MiB":
        return f"{value:,.1f} {unit}"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:,.0f} {unit}"


def _target(r: Row) -> str:
    if r.target is None:
        return "—"
    return "0" if r.target == 0 else f"≤ {r.target:g}x"


def _met(r: Row) -> str:
    return "—" if r.met is None else ("yes" if r.met else "NO")


def table(rows: Sequence[Row]) -> str:
    """The rows as a plain-text table for the terminal."""
    cells = [
        (
            r.name,
            _number(r.value, r.unit),
            _number(r.anchor, r.unit),
            f"{r.ratio:.2f}x",
            _target(r),
            _met(r),
            r.anchor_is,
        )
        for r in rows
    ]
    head = ("figure", "value", "anchor", "ratio", "target", "met", "the anchor is")
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]
    return "\n".join(
        "  ".join(
            c.rjust(w) if 1 <= i <= 3 else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in [head, *cells]
    )


def markdown(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table (for the README)."""
    lines = [
        "| figure | value | anchor | ratio | target | met |",
        "| --- | ---: | --- | ---: | ---: | :---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {_number(r.value, r.unit)} | {_number(r.anchor, r.unit)}"
            f" ({r.anchor_is}) | {r.ratio:.2f}x | {_target(r)} | {_met(r)} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    versions = {}
    for package in ("textual", "rich", "pyyaml"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:  # pragma: no cover - they are dependencies
            versions[package] = "?"
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        **versions,
    }


def commit(root: Path) -> str:
    """The checkout's commit, with "-dirty" when tracked files differ from it."""
    try:
        head = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head.stdout.strip() or "unknown"


def save(
    path: Path,
    rows: Sequence[Row],
    *,
    quick: bool,
    seconds: float,
    root: Path,
    load_before: tuple[float, float, float],
) -> None:
    document = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(root),
        "quick": quick,
        "seconds": round(seconds, 1),
        "machine": machine(),
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "rows": [asdict(r) for r in rows],
    }
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def update(path: Path, rows: Sequence[Row], what: str, root: Path) -> None:
    """Put `rows` into a saved results file in place of the rows of the same names,
    keeping the others, and note when and at which commit `what` was measured."""
    document = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"rows": []}
    names = {r.name for r in rows}
    kept = [r for r in document.get("rows", []) if r.get("name") not in names]
    document["rows"] = kept + [asdict(r) for r in rows]
    measured = datetime.now(UTC).isoformat(timespec="seconds")
    document.setdefault("updated", {})[what] = {"measured": measured, "commit": commit(root)}
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: Path) -> list[Row]:
    """The rows of a saved results file."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return [Row(**r) for r in document["rows"]]
