"""Walking two versions side by side over every answer path, and where they end apart.

Both versions take the same answers while they stand at the same step (answers paired
by label, see `pairing`). A version standing at a step the other does not have, or
whose other side has ended, answers alone: a question added or removed is asked on one
side only, and the paths behind it are still compared. Where both stand at different
steps that both have (an answer now leads elsewhere), the version whose way leads on to
the other's step answers alone until they meet; when neither does, the paths part, and
what each can still reach from there is compared as a whole.

Each state of the pair (where each side stands, with its facts) is walked once, so loops
end and a path reaching a state already walked is not walked again. Paths that end the
same two ways are listed once, with how many others do. The limits below
bound the rest; `PathReport.capped` says which one stopped the walk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from guide.compare.pairing import pair_options, shown
from guide.compare.sides import Action, Answer, End, Side, StateKey, asked
from guide.compare.values import StepId
from guide.flow.model import Input, Option
from guide.flow.steps import Question

MAX_PATHS = 20_000
"""Paths whose ends are compared, at most."""
MAX_ANSWERS = 60
"""Answers on one path, at most."""
MAX_MOVES = 400_000
"""Answers given in all (both versions, every path), at most: about ten seconds."""

Values = Mapping[StepId, tuple[str, ...]]
Joint = tuple[Action | None, Action | None, Answer]
"""What the old side does, what the new side does (None: stays), and the answer in words."""


@dataclass(frozen=True, slots=True)
class ChangedPath:
    """Answers after which the versions end differently. `old` and `new` hold one end
    each, or, when the versions `parted` (asked different steps), every end each
    can still reach from there; `parted` then holds the two steps' texts."""

    answers: tuple[Answer, ...]
    old: tuple[End, ...]
    new: tuple[End, ...]
    parted: tuple[str, str] | None = None
    similar: int = 0
    """Other paths that end the same two ways: only the first found is listed."""


@dataclass(frozen=True, slots=True)
class PathReport:
    changed: tuple[ChangedPath, ...]
    walked: int
    """Paths compared."""
    capped: str | None = None
    """The limit that stopped the walk before every path was compared, in words."""


@dataclass
class Explorer:
    """One comparison's walk over the paths of both sides (`report` runs it once); the
    rest of its fields are what it has found and spent so far."""

    old: Side
    new: Side
    old_values: Values
    new_values: Values
    changed: list[ChangedPath] = field(default_factory=list)
    walked: int = 0
    moves: int = 0
    capped: str | None = None
    seen: set[tuple[StateKey, StateKey]] = field(default_factory=set)
    groups: dict[tuple[frozenset[object], frozenset[object]], int] = field(default_factory=dict)
    similar: list[int] = field(default_factory=list)

    def report(self) -> PathReport:
        self.explore([])
        changed = [replace(p, similar=n) for p, n in zip(self.changed, self.similar, strict=True)]
        return PathReport(tuple(changed), self.walked, self.capped)

    def explore(self, answers: list[Answer]) -> None:
        old, new = self.old, self.new
        if self._spent():
            return
        if old.end is not None and new.end is not None:
            self._compare(answers, (old.end,), (new.end,))
            return
        key = (old.state(), new.state())
        if key in self.seen:
            return
        self.seen.add(key)
        if len(answers) >= MAX_ANSWERS:
            self.capped = f"a path of {MAX_ANSWERS} answers was cut there"
            return
        moves = self._moves()
        if not moves:
            parted = (shown(asked(old.step)), shown(asked(new.step)))
            self._compare(answers, self._reach(old, "old"), self._reach(new, "new"), parted)
            return
        for old_action, new_action, answer in moves:
            self.moves += 1
            old.apply(old_action)
            new.apply(new_action)
            answers.append(answer)
            if not _refused_alone(answer, old, new):
                self.explore(answers)
            answers.pop()
            new.undo()
            old.undo()

    def _spent(self) -> bool:
        if self.walked >= MAX_PATHS:
            self.capped = f"{MAX_PATHS:,} paths were compared, the most there is time for"
        elif self.moves >= MAX_MOVES:
            self.capped = f"{MAX_MOVES:,} answers were given, the most there is time for"
        return self.walked >= MAX_PATHS or self.moves >= MAX_MOVES

    def _compare(
        self,
        answers: list[Answer],
        old: tuple[End, ...],
        new: tuple[End, ...],
        parted: tuple[str, str] | None = None,
    ) -> None:
        self.walked += 1
        group = (frozenset(e.key for e in old), frozenset(e.key for e in new))
        if group[0] == group[1]:
            return
        if group in self.groups:
            self.similar[self.groups[group]] += 1
            return
        self.groups[group] = len(self.changed)
        self.changed.append(ChangedPath(tuple(answers), old, new, parted))
        self.similar.append(0)

    def _moves(self) -> list[Joint]:
        """What can be answered next, and by which side (none: the versions parted)."""
        old, new = self.old, self.new
        walking = old.end is None and new.end is None
        if walking and old.at == new.at and type(old.step) is type(new.step):
            return self._together()
        if old.end is None and (new.end is not None or old.at not in new.nodes):
            return [(action, None, answer) for action, answer in self._alone(old, "old")]
        if new.end is None and (old.end is not None or new.at not in old.nodes):
            return [(None, action, answer) for action, answer in self._alone(new, "new")]
        # Both stand at steps both versions have: the one whose way leads on to the
        # other's step answers alone until they meet again (an answer now skips a step,
        # or goes back to an earlier one); when neither leads to the other, they part.
        if old.leads_to(new.at):
            return [(action, None, answer) for action, answer in self._alone(old, "old")]
        if new.leads_to(old.at):
            return [(None, action, answer) for action, answer in self._alone(new, "new")]
        return []

    def _together(self) -> list[Joint]:
        old, new = self.old.step, self.new.step
        text = shown(asked(new))
        if isinstance(old, Question) and isinstance(new, Question):
            olds = [c.option for c in old.choices]
            news = [c.option for c in new.choices]
            moves: list[Joint] = []
            for was, now in pair_options(olds, news):
                label = (now or was or news[0]).label
                by: Literal["both", "old", "new"] = (
                    "old" if now is None else "both" if was else "new"
                )
                answer = Answer(text, shown(label), by)
                moves.append((_choose(was, label), _choose(now, label), answer))
            return moves
        values = [*self.old_values.get(self.old.at, ()), *self.new_values.get(self.new.at, ())]
        return [
            (("enter", v), ("enter", v), Answer(text, _typed(v))) for v in dict.fromkeys(values)
        ]

    def _alone(self, side: Side, by: Literal["old", "new"]) -> list[tuple[Action, Answer]]:
        """What one side can answer by itself. Never the escape: the emergency exit taken
        on one side only would set an emergency against an ordinary outcome of the other
        (where both stand at one step, the escape is compared like any answer)."""
        step = side.step
        text = shown(asked(step))
        if isinstance(step, Question):
            return [
                (("choose", c.option.label), Answer(text, shown(c.option.label), by))
                for c in step.choices
                if not c.option.is_escape
            ]
        assert isinstance(step, Input)
        values = (self.old_values if by == "old" else self.new_values).get(side.at, ())
        return [(("enter", v), Answer(text, _typed(v), by)) for v in values]

    def _reach(self, side: Side, by: Literal["old", "new"]) -> tuple[End, ...]:
        """Every end `side` can reach from where it stands, answering alone."""
        ends: dict[tuple[str, str, str, str], End] = {}
        seen: set[StateKey] = set()

        def go(depth: int) -> None:
            state = side.state()
            if self._spent() or state in seen or depth > MAX_ANSWERS:
                return
            seen.add(state)
            if side.end is not None:
                if side.end.kind != "refused":  # a value that does not fit ends no path
                    ends[side.end.key] = side.end
                return
            for action, _ in self._alone(side, by):
                self.moves += 1
                side.apply(action)
                go(depth + 1)
                side.undo()

        go(0)
        return tuple(sorted(ends.values(), key=lambda e: e.key))


def _refused_alone(answer: Answer, old: Side, new: Side) -> bool:
    """Whether a value typed on one side only was refused: no path goes on from it."""
    side = old if answer.by == "old" else new if answer.by == "new" else None
    return side is not None and side.end is not None and side.end.kind == "refused"


def _choose(option: Option | None, label: str) -> Action:
    """Choose `option` by its own label; without one, the answer is not offered there."""
    return ("choose", option.label) if option is not None else ("missing", label)


def _typed(value: str) -> str:
    return f"“{shown(value)}”" if value else "(left empty)"
