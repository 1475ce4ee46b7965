"""A class's practice gathered from its learners' export files: per scenario how many
tried it, the mean score, the step where learners most often parted from the expert and
what they chose there; and every missed emergency by learner. Pure.

`debrief` writes the same report as a Markdown handout.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from guide.history.store import PracticeResult
from guide.practice.classfile import LearnerFile

NO_ANSWER = "(no answer kept)"
"""What a learner chose at the parting step, when their file does not say."""


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    """One scenario across the class."""

    deck: str
    scenario: str
    learners: int
    """Learners (export files) with at least one attempt."""
    attempts: int
    mean_score: float
    """Over every attempt, 0..1."""
    parted_at: str | None
    """The step where attempts most often parted from the expert; None when none did."""
    parted_count: int
    asked: str
    """The question at that step, as the learners saw it ("" when not known)."""
    chosen: tuple[tuple[str, int], ...]
    """What was answered there, most often first, with how often."""


@dataclass(frozen=True, slots=True)
class MissedEmergency:
    learner: str
    deck: str
    scenario: str
    at: str
    outcome: str
    """The outcome the learner reached instead."""
    expert_outcome: str


@dataclass(frozen=True, slots=True)
class ClassReport:
    learners: tuple[str, ...]
    """Each file's learner, in the order given (a name shared by two files names its file)."""
    scenarios: tuple[ScenarioRow, ...]
    """By deck, then scenario."""
    missed: tuple[MissedEmergency, ...]
    """By learner, then time."""


def learner_labels(files: Sequence[LearnerFile]) -> list[str]:
    """Each file's learner name; a name two files share is told apart by its file name."""
    names = Counter(f.learner for f in files)
    return [
        f.learner if names[f.learner] == 1 else f"{f.learner} ({PurePath(f.file).name})"
        for f in files
    ]


def gather(files: Sequence[LearnerFile]) -> ClassReport:
    """The class report from every learner's file."""
    labels = learner_labels(files)
    tried: dict[tuple[str, str], list[tuple[int, PracticeResult]]] = defaultdict(list)
    missed: list[MissedEmergency] = []
    for number, learner in enumerate(files):
        for result in learner.results:
            tried[(result.deck, result.scenario)].append((number, result))
            if result.missed_emergency:
                missed.append(
                    MissedEmergency(
                        labels[number],
                        result.deck,
                        result.scenario,
                        result.at,
                        result.outcome,
                        result.expert_outcome,
                    )
                )
    rows = tuple(_row(key, attempts) for key, attempts in sorted(tried.items()))
    missed.sort(key=lambda m: (labels.index(m.learner), m.at))
    return ClassReport(tuple(labels), rows, tuple(missed))


def _row(key: tuple[str, str], attempts: list[tuple[int, PracticeResult]]) -> ScenarioRow:
    results = [result for _, result in attempts]
    mean = sum(r.score for r in results) / len(results)
    partings = Counter(r.parted_at for r in results if r.parted_at)
    if not partings:
        return ScenarioRow(*key, len({n for n, _ in attempts}), len(results), mean, None, 0, "", ())
    node, count = partings.most_common(1)[0]
    chosen: Counter[str] = Counter()
    asked = ""
    for result in results:
        if result.parted_at != node:
            continue
        there = next((a for a in result.answers if a.node == node), None)
        chosen[there.answer if there else NO_ANSWER] += 1
        asked = asked or (there.asked if there else "")
    learners = len({n for n, _ in attempts})
    return ScenarioRow(
        *key, learners, len(results), mean, node, count, asked, tuple(chosen.most_common())
    )


def report_lines(report: ClassReport) -> list[str]:
    """The report as plain text (in English, like the other commands' summaries)."""
    lines = [f"{len(report.learners)} learner(s): {', '.join(report.learners)}", ""]
    if not report.scenarios:
        lines.append("No practice results in these files.")
    for row in report.scenarios:
        lines.append(
            f"{row.deck} / {row.scenario}: {row.learners} learner(s), {row.attempts}"
            f" attempt(s), mean score {row.mean_score:.0%}"
        )
        if row.parted_at:
            asked = f" ({row.asked})" if row.asked else ""
            lines.append(f"  most often parted at `{row.parted_at}`{asked}: {row.parted_count}x")
            chosen = ", ".join(f"{answer} ({n}x)" for answer, n in row.chosen)
            lines.append(f"  chosen there: {chosen}")
    lines += ["", "Missed emergencies:" if report.missed else "Missed emergencies: none"]
    for item in report.missed:
        lines.append(
            f"  {item.learner}: {item.deck} / {item.scenario} at {item.at}:"
            f" reached `{item.outcome}`, not `{item.expert_outcome}`"
        )
    return lines


def report_record(report: ClassReport) -> dict[str, object]:
    """The report as JSON-ready data, for tools."""
    return {
        "learners": list(report.learners),
        "scenarios": [
            {
                "deck": row.deck,
                "scenario": row.scenario,
                "learners": row.learners,
                "attempts": row.attempts,
                "mean_score": row.mean_score,
                "parted_at": row.parted_at,
                "parted_count": row.parted_count,
                "asked": row.asked,
                "chosen": [{"answer": answer, "count": n} for answer, n in row.chosen],
            }
            for row in report.scenarios
        ],
        "missed_emergencies": [
            {
                "learner": m.learner,
                "deck": m.deck,
                "scenario": m.scenario,
                "at": m.at,
                "outcome": m.outcome,
                "expert_outcome": m.expert_outcome,
            }
            for m in report.missed
        ],
    }
