"""The flow model: frozen dataclasses built by the loader and read by everyone else.

Nothing here does I/O or knows about YAML or Textual. Every part of a flow that
a person can get wrong carries a `Mark` (from `guide.flow.problems`), so a
problem can point at its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias, assert_never, get_args

from guide.flow.problems import NOWHERE, Mark
from guide.flow.records import field, record

InputType = Literal["text", "number", "integer"]
EscapeShown = Literal["answer", "line"]
ESCAPE_SHOWN: tuple[EscapeShown, ...] = ("answer", "line")
"""The values a flow's `escape_shown` may take, the default first."""
Facts: TypeAlias = Mapping[str, str]


# --- conditions -------------------------------------------------------------


@record
class FactIs:
    """Holds when fact `fact` has one of `values`. A fact never set holds nothing."""

    fact: str
    values: tuple[str, ...]
    mark: Mark = NOWHERE


@record
class AllOf:
    """Holds when every item holds (an empty `all` always holds)."""

    items: tuple[Condition, ...]
    mark: Mark = NOWHERE


@record
class AnyOf:
    """Holds when at least one item holds (an empty `any` never holds)."""

    items: tuple[Condition, ...]
    mark: Mark = NOWHERE


@record
class Not:
    """Holds when `item` does not."""

    item: Condition
    mark: Mark = NOWHERE


Condition: TypeAlias = FactIs | AllOf | AnyOf | Not


# --- targets and options ------------------------------------------------------


@record
class Target:
    """Where an option, a route branch or a `next` leads.

    `flow` is None for a node of the same flow, else the id of another flow
    (written `other-flow:node`).
    """

    node: str
    flow: str | None = None
    mark: Mark = NOWHERE

    def __str__(self) -> str:
        return f"{self.flow}:{self.node}" if self.flow else self.node


@record
class Option:
    """One answer offered at a question."""

    label: str
    next: Target
    key: str | None = None
    aliases: tuple[str, ...] = ()
    sets: Facts = field(default_factory=lambda: MappingProxyType({}), hash=False)
    when: Condition | None = None
    is_escape: bool = False
    """True for the flow's escape options, which every question offers."""
    mark: Mark = NOWHERE


@record
class Branch:
    """One branch of a `route`; `when` None is the fallback."""

    next: Target
    when: Condition | None = None
    mark: Mark = NOWHERE


@record
class Source:
    """Where an outcome's advice comes from: a source id of the flow, and a section."""

    article: str
    section: str = ""
    mark: Mark = NOWHERE


@record
class SourceInfo:
    """A source named at the top of a flow (`sources:`)."""

    title: str
    url: str = ""
    note: str = ""


# --- nodes --------------------------------------------------------------------


@record
class Ask:
    """A question with options. `offers_escape` False hides the flow's escape here."""

    id: str
    text: str
    options: tuple[Option, ...]
    help: str = ""
    offers_escape: bool = True
    mark: Mark = NOWHERE


@record
class Say:
    """A piece of information, then on to `next`."""

    id: str
    text: str
    next: Target
    mark: Mark = NOWHERE


@record
class Wait:
    """A countdown of `seconds` the person can start, skip or snooze; then `next`."""

    id: str
    seconds: int
    text: str
    next: Target
    mark: Mark = NOWHERE


@record
class Input:
    """Asks for a value and stores it as fact `fact`.

    `required` False lets the person leave it empty (the fact is then not set).
    `minimum`/`maximum` apply to `number` and `integer`; None means no bound.
    """

    id: str
    text: str
    fact: str
    next: Target
    type: InputType = "text"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    mark: Mark = NOWHERE


@record
class Route:
    """Branches on facts without asking; the last branch is the fallback."""

    id: str
    branches: tuple[Branch, ...]
    mark: Mark = NOWHERE


@record
class Goto:
    """Continues at a node of another flow (or of this one)."""

    id: str
    target: Target
    mark: Mark = NOWHERE


@record
class Compute:
    """Runs a named function from the registry on facts and stores what it gives.

    `inputs` maps each of the function's inputs to the fact holding it; an
    input not listed is read from the fact of the same name.
    """

    id: str
    function: str
    fact: str
    next: Target
    inputs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    mark: Mark = NOWHERE


@record
class Outcome:
    """The recommended next step: what to do, in order, why, the words, the source."""

    id: str
    title: str
    steps: tuple[str, ...]
    why: str
    source: Source
    script: str = ""
    text: str = ""
    emergency: bool = False
    mark: Mark = NOWHERE
    script_mark: Mark = NOWHERE
    text_mark: Mark = NOWHERE
    check_in: int | None = None
    """Seconds after the walk to ask how the advice went (`check_in: 2h`); None: never."""
    check_in_mark: Mark = NOWHERE


Node: TypeAlias = Ask | Say | Wait | Input | Route | Goto | Compute | Outcome
"""Every kind of node: a branch on the kind is a `match` ending in `assert_never`, so a
new kind added here is caught by mypy at every place that must handle it."""
NodeKind = Literal["ask", "say", "wait", "input", "route", "goto", "compute", "outcome"]
"""The key that gives a node its kind in a flow file."""
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)


@record
class Example:
    """A walk the flow promises: these answers reach `outcome` (and these facts)."""

    name: str
    answers: tuple[str, ...]
    outcome: str
    facts: Facts = field(default_factory=lambda: MappingProxyType({}), hash=False)
    mark: Mark = NOWHERE


@record
class Flow:
    """A whole flow file. `nodes` keeps the order of the file."""

    id: str
    title: str
    version: int
    start: str
    nodes: Mapping[str, Node]
    escape: tuple[Option, ...] = ()
    escape_shown: EscapeShown = "answer"
    """How a face shows the escape at a question: as an answer after the question's own
    (`answer`), or as one quiet line under them (`line`); see `guide.flow.shown`."""
    sources: Mapping[str, SourceInfo] = field(default_factory=lambda: MappingProxyType({}))
    description: str = ""
    lang: str = "en"
    examples: tuple[Example, ...] = ()
    path: str = "<flow>"
    digest: str = ""
    """sha256 of the file's bytes: tells a saved walk whether its flow changed."""
    start_mark: Mark = NOWHERE

    def outcomes(self) -> list[Outcome]:
        """Every outcome node, in file order."""
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]


def successors(node: Node) -> list[Target]:
    """Every target a node can lead to (all options and branches, escapes excluded)."""
    match node:
        case Ask():
            return [o.next for o in node.options]
        case Route():
            return [b.next for b in node.branches]
        case Goto():
            return [node.target]
        case Outcome():
            return []
        case Say() | Wait() | Input() | Compute():
            return [node.next]
        case _:
            assert_never(node)
