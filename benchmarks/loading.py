"""Load and check: generated flows through the loader and `validate`, against PyYAML.

The anchor is `yaml.load(data, Loader=yaml.CSafeLoader)` on the same bytes: libyaml
parsing and PyYAML building plain dicts and lists, with none of our checks. Both
run in this process with the garbage collector as it normally is, alternately,
after a `gc.collect()`. The flow's size limits (1 MiB, 250,000 values) are lifted
for these files: they exist to refuse such files in real use, and here the point
is how the cost grows.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from benchmarks.figures import Row, median, row
from benchmarks.flowgen import generated_flow
from guide.flow.loader import load_flow
from guide.flow.validate import validate
from guide.flow.yamltree import Limits

UNLIMITED = Limits(max_bytes=1 << 40, max_yaml_nodes=1 << 40)
ANCHOR = "yaml.load, CSafeLoader"


@dataclass(frozen=True)
class LoadPlan:
    sizes: tuple[int, ...]
    """Node counts; the last is ten times the one before (the linearity figure)."""
    repeats: tuple[int, ...]
    """Timed runs per size."""


def load_and_check(data: bytes) -> int:
    """What `check` does with one flow file: load it, then validate it. Problems found."""
    loaded = load_flow(data, "generated.yaml", UNLIMITED)
    assert loaded.flow is not None
    return len(loaded.problems) + len(validate(loaded.flow, loaded.broken))


def c_load(data: bytes) -> int:
    document = yaml.load(data, Loader=yaml.CSafeLoader)
    return len(document["nodes"])


def _seconds(work: Callable[[bytes], int], data: bytes) -> float:
    gc.collect()
    started = time.perf_counter()
    work(data)
    return time.perf_counter() - started


def _peak(work: Callable[[bytes], int], data: bytes) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        work(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def loading(plan: LoadPlan) -> list[Row]:
    rows: list[Row] = []
    ours: dict[int, float] = {}
    bare: dict[int, float] = {}
    for size, repeats in zip(plan.sizes, plan.repeats, strict=True):
        text, nodes = generated_flow(size)
        data = text.encode("utf-8")
        if load_and_check(data):
            raise AssertionError(f"the generated flow of {nodes} nodes has problems")
        took: dict[str, list[float]] = {"guide": [], "anchor": []}
        for _ in range(repeats):
            took["guide"].append(_seconds(load_and_check, data) * 1e3)
            took["anchor"].append(_seconds(c_load, data) * 1e3)
        ours[nodes], bare[nodes] = median(took["guide"]), median(took["anchor"])
        rows.append(
            row(
                f"load + check, {nodes:,} nodes",
                ours[nodes],
                bare[nodes],
                "ms",
                ANCHOR,
                target=2.5,
                note=f"{len(data) / 1e6:.1f} MB file; median of {repeats} run(s)",
                samples=took,
            )
        )
        ours_peak, anchor_peak = _peak(load_and_check, data), _peak(c_load, data)
        rows.append(
            row(
                f"memory per node, {nodes:,} nodes",
                ours_peak / nodes,
                anchor_peak / nodes,
                "bytes",
                ANCHOR,
                note="tracemalloc peak during load + check, divided by the nodes; reported only",
            )
        )
    rows += _linearity(ours, bare)
    return rows


def _linearity(ours: dict[int, float], bare: dict[int, float]) -> list[Row]:
    """The two largest sizes: our growth, against the size's own growth and against
    the bare loader's growth over the same files in the same run (issue 18)."""
    (mid, mid_ms), (big, big_ms) = list(ours.items())[-2:]
    grown = (big - 1) / (mid - 1)
    return [
        row(
            f"linearity: {big:,} against {mid:,} nodes",
            big_ms,
            mid_ms,
            "ms",
            f"load + check of {mid:,} nodes",
            target=round(1.05 * grown, 2),
            note=f"{grown:g}x the nodes may cost at most 1.05 times that",
        ),
        row(
            f"linearity against the bare loader's: {big:,} against {mid:,} nodes",
            big_ms / mid_ms,
            bare[big] / bare[mid],
            "x",
            f"{ANCHOR}: {big:,} against {mid:,} nodes",
            target=1.0,
            note="our growth from the smaller file to the larger, over the anchor's",
        ),
    ]
