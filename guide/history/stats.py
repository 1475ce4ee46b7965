"""Answer statistics from the saved walks: pure computation, no I/O.

What is counted, from the sessions and their events as `Store` gives them:

- walks: every saved session, finished (it stands on an outcome) or not, and how
  many of the unfinished ones were set aside;
- answers by question: the answers that stand at the end of each walk (an answer
  taken back with `back`, or cleared by `restart`, is not counted; see "went
  back to" for those). Only steps where someone picked an option or took the
  emergency exit are listed; at those steps every standing answer counts, so
  the percentages add up: "(went on)" for going on from a message, and
  "(typed an answer)" or "(left empty)" for a typed value, which is never shown
  (it may be a name);
- outcomes reached: the outcome of each finished walk, with the title it was
  shown under (from the saved advice);
- went back to: every `back` event, by the step returned to;
- stopped at: for each unfinished walk, the step it was left on, by node id.
  Its text is added when some saved event shows it: a move away from that node
  (its `asked`), or a `back` onto it. A walk with no events stopped at the
  first step, whose node id the store does not keep: `node` is None.

Each question, back and stop is keyed by (flow, text or node), where the flow
is the one the step belongs to: an event's `flow_id` and `node` tell where the
walk stands after it, so the step an event answered is where the one before
left it (the walk's own flow for the first). A walk that links into another
flow has that flow's questions listed under its id.

`flow_id` keeps only walks started on that flow (`Session.flow_id`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from guide.flow.steps import LEFT_EMPTY
from guide.history.checkin_stats import CheckInCount
from guide.history.events import MOVES, WENT_ON, Event, fold
from guide.history.store import Session

CHOICES = frozenset({"choose", "escape"})
"""Moves that make a step count as a question."""
TYPED = "(typed an answer)"


@dataclass(frozen=True, slots=True)
class AnswerCount:
    label: str
    count: int
    percent: float
    """Of the answers standing at this question, rounded to one decimal."""


@dataclass(frozen=True, slots=True)
class QuestionStats:
    flow: str
    question: str
    total: int
    answers: tuple[AnswerCount, ...]
    """Most chosen first."""


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    flow: str
    outcome: str
    """The outcome's node id."""
    title: str
    count: int
    percent: float
    """Of the finished walks."""


@dataclass(frozen=True, slots=True)
class BackCount:
    flow: str
    question: str
    """The text of the step returned to."""
    count: int


@dataclass(frozen=True, slots=True)
class StopCount:
    flow: str
    node: str | None
    """The node id of the step left on; None for the first step of a walk with no events."""
    step: str
    """That step's text, when a saved event shows it; else ""."""
    count: int
    percent: float
    """Of the unfinished walks."""


@dataclass(frozen=True, slots=True)
class Stats:
    flow: str | None
    """The flow the walks were filtered on, if any."""
    walks: int
    finished: int
    unfinished: int
    set_aside: int
    """Unfinished walks the person chose not to resume (counted in `unfinished`)."""
    questions: tuple[QuestionStats, ...]
    outcomes: tuple[OutcomeCount, ...]
    went_back: tuple[BackCount, ...]
    stopped: tuple[StopCount, ...]
    check_ins: tuple[CheckInCount, ...] = ()
    """How each outcome's advice went, per its check-ins (`checkin_stats`)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def percent(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def compute_stats(
    sessions: Sequence[Session],
    events_by_session: Mapping[int, Sequence[Event]],
    flow_id: str | None = None,
) -> Stats:
    """The statistics of these walks (of those started on `flow_id`, when given)."""
    chosen = [s for s in sessions if flow_id is None or s.flow_id == flow_id]
    tally = _Tally()
    for session in chosen:
        tally.add(session, events_by_session.get(session.id, ()))
    finished = sum(s.finished for s in chosen)
    unfinished = len(chosen) - finished
    return Stats(
        flow=flow_id,
        walks=len(chosen),
        finished=finished,
        unfinished=unfinished,
        set_aside=sum(s.abandoned and not s.finished for s in chosen),
        questions=tally.questions(),
        outcomes=tally.outcomes(finished),
        went_back=tally.went_back(),
        stopped=tally.stopped(_step_texts(sessions, events_by_session), unfinished),
    )


@dataclass(slots=True)
class _Tally:
    """The counts gathered walk by walk, each keyed by (flow, text or node)."""

    answers: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    asked: set[tuple[str, str]] = field(default_factory=set)
    """The steps that count as questions (someone picked an option or escaped there)."""
    reached: Counter[tuple[str, str]] = field(default_factory=Counter)
    titles: dict[tuple[str, str], str] = field(default_factory=dict)
    backs: Counter[tuple[str, str]] = field(default_factory=Counter)
    stops: Counter[tuple[str, str | None]] = field(default_factory=Counter)

    def add(self, session: Session, events: Sequence[Event]) -> None:
        """Count one walk: its standing answers, its backs, and where it ended or stopped."""
        for (flow, asked), kind, label in _standing(session, events):
            self.answers.setdefault((flow, asked), Counter())[label] += 1
            if kind in CHOICES:
                self.asked.add((flow, asked))
        for event in events:
            if event.kind == "back":
                self.backs[(event.flow_id or session.flow_id, event.asked)] += 1
        last = events[-1] if events else None
        if session.finished and session.outcome:
            key = (last.flow_id if last and last.flow_id else session.flow_id, session.outcome)
            self.reached[key] += 1
            self.titles.setdefault(key, _title(session) or session.outcome)
        elif not session.finished:
            stop = (last.flow_id or session.flow_id, last.node) if last else (session.flow_id, None)
            self.stops[stop] += 1

    def questions(self) -> tuple[QuestionStats, ...]:
        """Most answered first."""
        ranked = sorted(self.asked, key=lambda k: (-sum(self.answers[k].values()), k))
        return tuple(_question(key, self.answers[key]) for key in ranked)

    def outcomes(self, finished: int) -> tuple[OutcomeCount, ...]:
        return tuple(
            OutcomeCount(flow, outcome, self.titles[(flow, outcome)], n, percent(n, finished))
            for (flow, outcome), n in sorted(self.reached.items(), key=_most)
        )

    def went_back(self) -> tuple[BackCount, ...]:
        return tuple(
            BackCount(flow, asked, n) for (flow, asked), n in sorted(self.backs.items(), key=_most)
        )

    def stopped(
        self, texts: Mapping[tuple[str, str], str], unfinished: int
    ) -> tuple[StopCount, ...]:
        ranked = sorted(self.stops.items(), key=lambda i: (-i[1], i[0][0], i[0][1] or ""))
        return tuple(
            StopCount(
                flow, node, texts.get((flow, node), "") if node else "", n, percent(n, unfinished)
            )
            for (flow, node), n in ranked
        )


def _most(item: tuple[tuple[str, str], int]) -> tuple[int, str, str]:
    (first, second), count = item
    return (-count, first, second)


def _question(key: tuple[str, str], counts: Counter[str]) -> QuestionStats:
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    return QuestionStats(
        key[0],
        key[1],
        total,
        tuple(AnswerCount(label, n, percent(n, total)) for label, n in ranked),
    )


def _standing(session: Session, events: Sequence[Event]) -> list[tuple[tuple[str, str], str, str]]:
    """The answers that stand after these events: ((flow, asked), kind, label) each."""
    return [
        ((s.flow or session.flow_id, s.event.asked), s.event.kind, _label(s.event))
        for s in fold(events).standing
    ]


def _label(event: Event) -> str:
    if event.kind == "proceed":
        return WENT_ON
    if event.kind == "enter":
        return TYPED if event.value else LEFT_EMPTY
    return event.label or event.value


def _step_texts(
    sessions: Sequence[Session], events_by_session: Mapping[int, Sequence[Event]]
) -> dict[tuple[str, str], str]:
    """(flow, node id) -> the step's text, wherever a saved event shows both (newest walks first)."""
    texts: dict[tuple[str, str], str] = {}
    for session in sessions:
        before: Event | None = None
        for event in events_by_session.get(session.id, ()):
            if event.kind == "back" and event.node and event.asked:
                texts.setdefault((event.flow_id or session.flow_id, event.node), event.asked)
            elif event.kind in MOVES and before is not None and before.node and event.asked:
                texts.setdefault((before.flow_id or session.flow_id, before.node), event.asked)
            before = event
    return texts


def _title(session: Session) -> str:
    """The outcome's title as it was shown, even from damaged saved advice; "" when missing."""
    return session.advice.title if session.advice else ""
