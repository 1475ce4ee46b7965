"""The `stats` command: how the saved walks went, as a table or as JSON."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace

from guide.commands.errors import EXIT_OK
from guide.commands.history import open_store
from guide.flow.typed import clean
from guide.history.checkin_stats import count_check_ins
from guide.history.stats import Stats, compute_stats


def run_stats(args: argparse.Namespace) -> int:
    """`stats [FLOW] [--json]`: answers by question, outcomes, backs and stops."""
    store = open_store()
    try:
        sessions = store.sessions()
        events = {s.id: store.events(s.id) for s in sessions}
        check_ins = store.check_ins()
    finally:
        store.close()
    wanted = clean(args.stats_flow) if args.stats_flow else None  # it is shown back
    stats = compute_stats(sessions, events, wanted)
    stats = replace(stats, check_ins=count_check_ins(sessions, check_ins, wanted))
    if args.json:
        print(stats.to_json())
    else:
        print(render(stats), end="")
    return EXIT_OK


def render(stats: Stats) -> str:
    """The statistics as a plain table for the terminal."""
    if not stats.walks:
        where = f" of `{stats.flow}`" if stats.flow else ""
        return f"No saved walks{where} yet: walk a flow, and its answers are counted here.\n"
    flows = {q.flow for q in stats.questions} | {o.flow for o in stats.outcomes}
    flows |= {b.flow for b in stats.went_back} | {s.flow for s in stats.stopped}

    def tag(flow: str) -> str:
        return f"[{flow}] " if len(flows) > 1 else ""

    walks = "walk" if stats.walks == 1 else "walks"
    lines = [
        "Walks" + (f" of {stats.flow}" if stats.flow else ""),
        f"  {stats.walks} {walks}: {stats.finished} finished, {stats.unfinished} unfinished"
        + (f" ({stats.set_aside} set aside)" if stats.set_aside else ""),
        "",
        "Answers by question",
    ]
    for question in stats.questions:
        lines.append(f"  {tag(question.flow)}{question.question}  ({question.total} answered)")
        lines += [f"    {a.count:>5}  {a.percent:5.1f}%  {a.label}" for a in question.answers]
    if not stats.questions:
        lines.append("  (no question answered yet)")
    lines += ["", "Outcomes reached"]
    lines += [
        f"  {o.count:>5}  {o.percent:5.1f}%  {tag(o.flow)}{o.title} ({o.outcome})"
        for o in stats.outcomes
    ]
    if not stats.outcomes:
        lines.append("  (none yet)")
    lines += ["", "Went back to"]
    lines += [f"  {b.count:>5}  {tag(b.flow)}{b.question}" for b in stats.went_back]
    if not stats.went_back:
        lines.append("  (nobody went back)")
    lines += ["", "Stopped at"]
    for stop in stats.stopped:
        where = stop.node if stop.node else "the first step, before any answer"
        text = f": {stop.step}" if stop.step else ""
        lines.append(f"  {stop.count:>5}  {stop.percent:5.1f}%  {tag(stop.flow)}{where}{text}")
    if not stats.stopped:
        lines.append("  (every walk was finished)")
    lines += ["", "How the advice went (check-ins)", *_check_in_lines(stats, tag)]
    return "\n".join(lines) + "\n"


def _check_in_lines(stats: Stats, tag: Callable[[str], str]) -> list[str]:
    """Per outcome: worked, did not work, not tried yet, waiting, not to be asked."""
    if not stats.check_ins:
        return ["  (no advice with a check-in yet)"]
    lines = []
    for c in stats.check_ins:
        lines.append(f"  {tag(c.flow)}{c.title} ({c.outcome}): {c.check_ins} asked about")
        lines.append(
            f"    {c.worked} worked, {c.did_not_work} did not work, {c.not_tried} not tried yet,"
            f" {c.waiting} not answered yet, {c.dont_ask} not to be asked"
        )
    return lines
