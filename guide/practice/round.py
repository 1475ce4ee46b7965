"""A practice round as a stepper, like `Walk`: typed states out, moves in. Pure.

`Round.current` is what a face shows: a scenario to walk (`Walking`, whose walk
the face moves as it would any walk, then calls `settle`), a scenario judged
(`Judged`) or not scored (`Unscored`), or the round's `Summary`. Names the
expert typed are filled in and waits passed by, so only the learner's judgement
is asked for. A judged scenario is handed to the listener as the store keeps it;
saving it is the face's business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from guide.flow.engine import Walk
from guide.flow.model import Flow, Input, Say, Wait
from guide.flow.refusals import InvalidInput
from guide.flow.steps import FlowResolver
from guide.history.store import PracticeResult
from guide.i18n.strings import S
from guide.practice.deck import Deck, Scenario
from guide.practice.expert import PathStep, expert_walk, path_of, typed_on
from guide.practice.judging import Judgement, NotJudged, judge, result_of

RoundListener = Callable[[PracticeResult], None]
"""Told of each judged scenario once, as the store keeps it (unscored ones are not told),
after the round has moved to `Judged`; what it raises comes out of `settle`."""


@dataclass(frozen=True, slots=True)
class Walking:
    """Scenario `number` of `total` (from 1) is being walked: the round's walk stands
    at a question, never at a name to type or a wait."""

    number: int
    total: int
    scenario: Scenario


@dataclass(frozen=True, slots=True)
class Judged:
    """The learner reached an outcome and it was scored once; the walk moves no more."""

    number: int
    total: int
    verdict: Judgement
    """The score, a missed emergency, where the paths parted."""
    yours: tuple[PathStep, ...]
    """The learner's answers, in order."""
    experts: tuple[PathStep, ...]
    """The expert's answers, in order."""
    score: float
    """The round's score so far, this scenario included."""

    @property
    def last(self) -> bool:
        return self.number == self.total


@dataclass(frozen=True, slots=True)
class Unscored:
    """The walk reached an outcome, but not on answers alone from the flow's first
    step (a walk started from the map), so it scores nothing and is not kept."""

    number: int
    total: int
    scenario: Scenario

    @property
    def last(self) -> bool:
        return self.number == self.total


@dataclass(frozen=True, slots=True)
class Summary:
    """The round is over: every scenario played, or the learner stopped."""

    score: float
    """The sum of the scenarios' scores: 1, ½ or 0 each."""
    played: int
    """Scenarios that reached an outcome."""
    total: int
    """Scenarios in the round."""
    stopped: bool
    """The learner stopped before the end (then `played` may be less than `total`)."""


State = Walking | Judged | Unscored | Summary


@dataclass
class Round:
    """One round of a deck's scenarios, in the order given; starts at the first (a round
    of none is its `Summary` at once)."""

    deck: Deck
    flow: Flow
    scenarios: Sequence[Scenario]
    resolve: FlowResolver | None = None
    listener: RoundListener | None = None
    walk: Walk = field(init=False)
    """The learner's walk of the scenario at hand (a new one for each scenario)."""
    current: State = field(init=False)
    score: float = field(init=False, default=0.0)
    """The round's score so far."""
    _index: int = field(init=False, default=0)
    _expert: Walk = field(init=False)
    _typed: dict[str, str] = field(init=False)
    _settled: set[int] = field(init=False, default_factory=set)
    """The depths of the moves `settle` made on its own (a say passed, a name filled)."""

    def __post_init__(self) -> None:
        self.scenarios = tuple(self.scenarios)
        self._begin(0)

    def _fill(self, walk: Walk, step: Input) -> bool:
        """Enter the value the expert typed at this input; False when there is none to
        give (the expert never came this way) and the input needs one, or it does not
        fit here."""
        value = self._typed.get(step.id)
        if value is None and step.required:
            return False
        try:
            walk.enter(value or "")
        except InvalidInput:
            return False
        return True

    def settle(self) -> State:
        """After a move on `walk`: fill in names and pass waits, and judge the scenario
        when the walk reaches an outcome (once; later calls change nothing)."""
        if not isinstance(self.current, Walking):
            return self.current
        walk = self.walk
        while isinstance(walk.current, (Input, Say, Wait)):
            step, depth = walk.current, walk.depth
            if not isinstance(step, Input):
                walk.proceed()
            elif not self._fill(walk, step):
                break  # a value only the learner's own path asks for: they type it
            self._settled.add(depth)
        if walk.finished:
            self.current = self._judged(self.current)
            if isinstance(self.current, Judged) and self.listener is not None:
                judged = self.current
                self.listener(result_of(self.deck, judged.verdict, judged.yours))
        return self.current

    def can_go_back(self) -> bool:
        """Whether the learner has answered anything that Back could take back."""
        return isinstance(self.current, Walking) and any(
            depth not in self._settled for depth in range(self.walk.depth)
        )

    def back(self) -> bool:
        """Back to the learner's last answer, past the steps `settle` passed on its own
        (going back to a `say` would only pass it again); False, with nothing changed,
        when the learner has answered nothing yet or the scenario is judged."""
        if not self.can_go_back():
            return False
        walk = self.walk
        while walk.back() and walk.depth in self._settled:
            pass
        self._settled = {depth for depth in self._settled if depth < walk.depth}
        return True

    def next(self) -> State:
        """After a scenario reached its outcome: the next scenario, or the summary."""
        if isinstance(self.current, (Judged, Unscored)):
            if self._index + 1 < len(self.scenarios):
                self._begin(self._index + 1)
            else:
                self.current = Summary(self.score, len(self.scenarios), len(self.scenarios), False)
        return self.current

    def stop(self) -> Summary:
        """The learner stops: the score so far, over the scenarios that were played."""
        if isinstance(self.current, Summary):
            return self.current
        played = self._index + (0 if isinstance(self.current, Walking) else 1)
        self.current = Summary(self.score, played, len(self.scenarios), True)
        return self.current

    def retry(self) -> State:
        """The scenario at hand from its first question, unless it is already judged:
        a verdict stands, and a second try would count twice."""
        if isinstance(self.current, Walking):
            self._begin(self._index)
        return self.current

    def again(self) -> State:
        """The whole round over, from the first scenario and a score of nothing."""
        self.score = 0.0
        self._begin(0)
        return self.current

    def _begin(self, index: int) -> None:
        self._index = index
        if index >= len(self.scenarios):  # a round of no scenarios is over at once
            self.walk = self._expert = Walk(self.flow, self.resolve)
            self._typed = {}
            self.current = Summary(self.score, 0, 0, False)
            return
        scenario = self.scenarios[index]
        self._expert, _ = expert_walk(self.flow, scenario, self.resolve)
        self._typed = typed_on(self._expert)
        self.walk = Walk(self.flow, self.resolve)
        self._settled = set()
        self.current = Walking(index + 1, len(self.scenarios), scenario)
        self.settle()

    def _judged(self, walking: Walking) -> Judged | Unscored:
        try:
            verdict = judge(walking.scenario, self.walk, self._expert)
        except NotJudged:
            return Unscored(walking.number, walking.total, walking.scenario)
        self.score += verdict.score
        yours, experts = tuple(path_of(self.walk)), tuple(path_of(self._expert))
        return Judged(walking.number, walking.total, verdict, yours, experts, self.score)


def summary_words(summary: Summary) -> str:
    """The round's score in words: done out of all, or stopped with the score so far."""
    score = f"{summary.score:g}"
    if summary.stopped:
        return S.practice_stopped.format(score=score, done=summary.played)
    return S.practice_round_done.format(score=score, total=summary.total)
