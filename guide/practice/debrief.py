"""A class report as a Markdown handout for the debrief. Pure.

Every name, answer and question comes from files learners handed in: each is escaped
with `guide.render.markdown.md`, so none becomes a link, an image, HTML or a table cell.
"""

from __future__ import annotations

from guide.practice.classreport import ClassReport, ScenarioRow
from guide.render.markdown import md


def to_debrief(report: ClassReport) -> str:
    """The report as a Markdown handout: the scenarios, then the missed emergencies."""
    scenarios = len(report.scenarios)
    lines = [
        "# Practice debrief",
        "",
        f"{len(report.learners)} learner(s), {scenarios} scenario(s).",
        "",
        "## Scenario by scenario",
        "",
    ]
    if not report.scenarios:
        lines += ["No practice results in these files.", ""]
    for row in report.scenarios:
        lines += _scenario(row)
    lines += ["## Missed emergencies", ""]
    if not report.missed:
        lines.append("None: every emergency was recognised.")
    by_learner: dict[str, list[str]] = {}
    for item in report.missed:
        by_learner.setdefault(item.learner, []).append(
            f"  - {md(item.deck)} / {md(item.scenario)}: reached {md(item.outcome)},"
            f" not {md(item.expert_outcome)} ({md(item.at)})"
        )
    for learner, items in by_learner.items():
        lines += [f"- **{md(learner)}**", *items]
    return "\n".join(lines).rstrip("\n") + "\n"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _scenario(row: ScenarioRow) -> list[str]:
    lines = [
        f"### {md(row.deck)} / {md(row.scenario)}",
        "",
        f"- Tried by {row.learners} learner(s), {row.attempts} attempt(s)",
        f"- Mean score: {row.mean_score:.0%}",
    ]
    if row.parted_at is None:
        return [*lines, "- Nobody parted from the expert's path.", ""]
    asked = f": “{md(row.asked)}”" if row.asked else ""
    lines.append(
        f"- Most often parted from the expert at {md(row.parted_at)}{asked}"
        f" ({_times(row.parted_count)})"
    )
    lines.append("- What they chose there:")
    lines += [f"  - {md(answer)}: {_times(count)}" for answer, count in row.chosen]
    return [*lines, ""]
