"""The one fold of saved-walk events: what it gives is the walk a real `Walk` is on.

Walks are driven on tests/fixtures/store/small.yaml, and on tests/fixtures/links/alpha.yaml
(which hands over to beta.yaml, so an answer can belong to another flow), by drawn
actions (answer, type, go on, take the emergency exit, back, restart); the changes
the walk tells its listener are saved as `Event`s the way the recorder saves them.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from guide.flow.engine import Input, Walk
from guide.flow.model import Flow
from guide.flow.steps import Advice, Change, FlowResolver, Question
from guide.history.events import KINDS, Event, fold, steps_of, transcript
from guide.history.recorder import apply_events
from guide.library.flows import open_flow, scan

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "store" / "small.yaml"
ALPHA, BETA = FIXTURES / "links" / "alpha.yaml", FIXTURES / "links" / "beta.yaml"
LINKED = scan([ALPHA, BETA])
FLOWS: dict[str, tuple[Flow, FlowResolver | None]] = {
    "small": (open_flow(SMALL, scan([SMALL])), None),
    "alpha": (open_flow(ALPHA, LINKED), LINKED.resolver()),
}
flows = st.sampled_from(sorted(FLOWS))

Action = tuple[str, int]
actions = st.lists(
    st.tuples(
        st.sampled_from(["answer", "answer", "answer", "back", "restart", "escape"]),
        st.integers(0, 5),
    ),
    max_size=30,
)
kinds = st.sampled_from(sorted(KINDS))
any_events = st.lists(
    st.builds(lambda k, a: Event(0, "t", k, asked=a), kinds, st.sampled_from(["Q1?", "Q2?"])),
    max_size=40,
)


def walked(name: str, drawn: list[Action]) -> tuple[Walk, list[Event]]:
    """A real walk driven by the drawn actions, and the events it told its listener."""
    saved: list[Event] = []

    def listen(change: Change, walk: Walk) -> None:
        flow_id, node, _ = walk.path()[-1]
        move = change.move
        value, label = (move.value, move.label) if move else ("", "")
        saved.append(
            Event(len(saved) + 1, "t", change.kind, value, label, change.asked, flow_id, node)
        )

    walk = Walk(*FLOWS[name])
    walk.listener = listen
    for action, pick in drawn:
        step = walk.current
        if action == "back":
            walk.back()
        elif action == "restart":
            walk.restart()
        elif action == "escape":
            walk.escape()
        elif isinstance(step, Question):
            walk.choose(step.choices[pick % len(step.choices)])
        elif isinstance(step, Input):
            walk.enter(["Sam", "", "Jo"][pick % 3])
        elif not isinstance(step, Advice):
            walk.proceed()
    return walk, saved


@settings(max_examples=150, deadline=None)
@given(flows, actions)
def test_the_fold_is_the_walk_as_it_stands(name: str, drawn: list[Action]) -> None:
    walk, events = walked(name, drawn)
    folded = fold(events)
    assert folded.steps == walk.depth == steps_of(events)
    stood = [s.event for s in folded.standing]
    assert [(e.kind, e.value, e.label) for e in stood] == [
        (m.kind, m.value, m.label) for m in walk.moves
    ]
    # each standing answer is keyed by the flow of the step it answered
    assert [s.flow or walk.flow.id for s in folded.standing] == [f for f, _, _ in walk.path()[:-1]]
    # the transcript lists the same answers, and counts the backs that took one away
    answered, changed = transcript(events)
    assert [a.kind for a in answered] == [e.kind for e in stood]
    assert changed == folded.taken_back


@settings(max_examples=150, deadline=None)
@given(flows, actions)
def test_replaying_the_events_on_a_fresh_walk_gives_the_same_walk(
    name: str, drawn: list[Action]
) -> None:
    walk, events = walked(name, drawn)
    rebuilt = Walk(*FLOWS[name])
    assert apply_events(rebuilt, events) == len(events)
    assert rebuilt.path() == walk.path()
    assert rebuilt.depth == fold(events).steps


@given(any_events)
def test_steps_are_never_negative_nor_more_than_the_moves(events: list[Event]) -> None:
    for end in range(len(events) + 1):
        folded = fold(events[:end])
        moves = sum(e.kind not in ("back", "restart") for e in events[:end])
        assert 0 <= folded.steps <= moves
        assert folded.taken_back <= sum(e.kind == "back" for e in events[:end])


@given(any_events, any_events)
def test_a_restart_empties_the_walk(before: list[Event], after: list[Event]) -> None:
    restart = Event(0, "t", "restart")
    assert fold([*before, restart]).steps == 0
    assert [s.event for s in fold([*before, restart, *after]).standing] == [
        s.event for s in fold(after).standing
    ]


def test_a_back_at_the_first_step_takes_nothing_away() -> None:
    back = Event(0, "t", "back")
    answer = Event(0, "t", "choose", "1", "Yes", "Q?")
    assert fold([back, back]).steps == 0
    assert fold([back, answer]).steps == 1
    assert fold([answer, back, back]).taken_back == 1
