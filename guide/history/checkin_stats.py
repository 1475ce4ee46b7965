"""How each outcome's advice went, from the check-ins: the first evidence of what helps.

For every outcome that asked for check-ins: how many walks reached it with one, and of
those how often the person said it worked, it did not, they had not tried it yet
("not yet", still open), they were not asked yet (still open, never answered), or
asked not to be asked. Pure computation, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from guide.history.checkins import CheckIn
from guide.history.reading import Session


@dataclass(frozen=True, slots=True)
class CheckInCount:
    flow: str
    """The flow the walks were started on."""
    outcome: str
    """The outcome's node id."""
    title: str
    check_ins: int
    """Walks that reached it and were given a check-in."""
    worked: int
    did_not_work: int
    not_tried: int
    """Said "not yet" (and not answered since)."""
    waiting: int
    """Not answered yet at all (due, or not due yet)."""
    dont_ask: int


def count_check_ins(
    sessions: Sequence[Session], check_ins: Iterable[CheckIn], flow_id: str | None = None
) -> tuple[CheckInCount, ...]:
    """Per outcome, most check-ins first (of walks started on `flow_id`, when given)."""
    started = {s.id: s.flow_id for s in sessions if flow_id is None or s.flow_id == flow_id}
    tally: dict[tuple[str, str], list[CheckIn]] = {}
    for check_in in check_ins:
        flow = started.get(check_in.session_id)
        if flow is not None:
            tally.setdefault((flow, check_in.outcome), []).append(check_in)
    counts = [_count(flow, outcome, found) for (flow, outcome), found in tally.items()]
    return tuple(sorted(counts, key=lambda c: (-c.check_ins, c.flow, c.outcome)))


def _count(flow: str, outcome: str, found: list[CheckIn]) -> CheckInCount:
    answers = [c.answer for c in found]
    return CheckInCount(
        flow,
        outcome,
        max(found, key=lambda c: c.session_id).title,  # as the newest walk showed it
        len(found),
        answers.count("worked"),
        answers.count("did-not-work"),
        sum(c.open and c.asked > 0 for c in found),
        sum(c.open and c.asked == 0 for c in found),
        answers.count("dont-ask"),
    )
