"""Practice decks: the format, read from YAML. Pure.

A deck names a flow and lists scenarios; each has the answers an expert gives,
the outcome they reach, a reason at the decisive steps, and other outcomes that
are also safe. `validate` checks a deck against its flow, `expert` walks the
expert's path, `judging` compares a learner's walk with it and `round` plays a
round of scenarios.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from guide.flow.files import read_capped
from guide.flow.problems import NOWHERE, Mark, Problem
from guide.flow.reader import FieldReader
from guide.flow.yamltree import DEFAULT_LIMITS, YNode, decode, parse_tree

ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class Scenario:
    """One situation and how an expert walks it."""

    id: str
    situation: str
    expert: tuple[str, ...]
    outcome: str
    reasons: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    also_fine: tuple[str, ...] = ()
    mark: Mark = NOWHERE
    answer_marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    flow: str
    title: str
    scenarios: tuple[Scenario, ...]
    path: str = "<deck>"
    flow_mark: Mark = NOWHERE

    def shuffled(self, seed: int | None = None) -> list[Scenario]:
        """The scenarios in a random order; the same `seed` gives the same order."""
        order = list(self.scenarios)
        random.Random(seed).shuffle(order)
        return order


def is_deck(data: bytes) -> bool:
    """Whether a YAML file is a practice deck (it has a top-level `deck:` key)."""
    return re.search(rb"(?m)^deck\s*:", data[:4096]) is not None


def load_deck(data: bytes, file: str = "<deck>") -> tuple[Deck | None, list[Problem]]:
    """Bytes → a deck and the problems found on the way; `FlowError` when unreadable."""
    tree = parse_tree(decode(data, file, DEFAULT_LIMITS), file, DEFAULT_LIMITS)
    reader = _DeckReader(file)
    deck = reader.deck(tree)
    return deck, reader.problems


def read_deck(path: Path) -> tuple[Deck | None, list[Problem]]:
    """A deck file, read as flows are: regular files only, at most 1 MiB."""
    return load_deck(read_capped(path), str(path))


class _DeckReader(FieldReader):
    def deck(self, tree: YNode) -> Deck | None:
        got = self.fields(tree, "the deck", ("deck", "flow", "title", "scenarios"), ())
        if got is None or any(k not in got for k in ("deck", "flow", "title", "scenarios")):
            return None
        deck_id = self.pattern(got["deck"], "`deck`", ID, "lower-case letters, digits and -")
        flow_id = self.pattern(got["flow"], "`flow`", ID, "lower-case letters, digits and -")
        title = self.text(got["title"], "`title`")
        scenarios = [self.scenario(item) for item in self.items(got["scenarios"], "`scenarios`", 1)]
        if deck_id is None or flow_id is None or title is None:
            return None
        found = tuple(s for s in scenarios if s is not None)
        return Deck(deck_id, flow_id, title, found, self.file, got["flow"].mark)

    def scenario(self, node: YNode) -> Scenario | None:
        required = ("id", "situation", "expert", "outcome")
        got = self.fields(node, "a scenario", required, ("reasons", "also_fine"))
        if got is None or any(k not in got for k in required):
            return None
        scenario_id = self.pattern(got["id"], "`id`", ID, "lower-case letters, digits and -")
        situation = self.text(got["situation"], "`situation`")
        answers = self.items(got["expert"], "`expert`", 1)
        expert = [self.text(a, "an expert answer", allow_empty=True) for a in answers]
        outcome = self.pattern(got["outcome"], "`outcome`", ID, "a node id")
        reasons: dict[str, str] = {}
        if "reasons" in got:
            reasons = self.mapping_of(got["reasons"], "`reasons`", ID, "a node id", self.text)
        also = self.texts(got["also_fine"], "`also_fine`") if "also_fine" in got else ()
        if None in (scenario_id, situation, outcome) or None in expert:
            return None
        assert scenario_id and situation and outcome
        return Scenario(
            scenario_id,
            situation,
            tuple(a for a in expert if a is not None),
            outcome,
            MappingProxyType(reasons),
            also,
            node.mark,
            tuple(a.mark for a in answers),
        )
