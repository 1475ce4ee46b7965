"""The phrasing corpus (issue 17): how often typed words are understood at once.

tests/corpus/phrasings/<flow-id>.yaml maps each question id of a bundled flow to a list
of entries, `{says: what a person types, means: the answer's label}` (or `means:
emergency`, for words that must take the flow's escape). Each entry is walked
in-process to its question, by the answers of one of the flow's examples that passes
it (else from the question itself), and typed there through `Walk.reply`:

- understood: the meant answer was taken at once (for `emergency`, the flow's escape);
- asked back: "did you mean …?", or nothing matched;
- wrongly picked: another answer was taken, which a person may not notice.

Both tests/corpus/test_phrasings.py and `python -m benchmarks` use this module.
`HANGUP_GUIDE_PHRASINGS` points at another folder of corpus files (for trying a change).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from benchmarks.figures import Row, row
from guide.flow.engine import Walk
from guide.flow.examples import walk_answers
from guide.flow.loader import read_flow
from guide.flow.model import Ask, Flow
from guide.flow.steps import Question
from guide.library.flows import bundled_flows

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "phrasings"
ENV = "HANGUP_GUIDE_PHRASINGS"
EMERGENCY = "emergency"
"""`means: emergency`: the text must take the flow's escape (words of danger)."""
GOALS = {"understood": 0.90, "asked": 0.08}
"""Understood at once at least, asked back at most; wrongly picked must be none."""
MINIMUM = 300
"""Entries the corpus holds at least, over every file."""

Kind = Literal["understood", "asked", "wrong"]


class CorpusError(Exception):
    """A corpus file or entry that cannot be used, naming the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What a person types at a question and the answer it means."""

    file: str
    node: str
    number: int
    """The entry's place in its question's list, from 1."""
    says: str
    means: str

    @property
    def flow_id(self) -> str:
        return Path(self.file).stem

    def __str__(self) -> str:
        return f"{self.file}: {self.node} #{self.number} ({self.says!r} → {self.means!r})"


@dataclass(frozen=True, slots=True)
class Verdict:
    entry: Entry
    kind: Kind
    got: str
    """What the guide did: the answer taken, or the suggestions (or nothing)."""


@dataclass(frozen=True, slots=True)
class Rates:
    total: int
    understood: int
    asked: int
    wrong: int

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0

    def line(self) -> str:
        return (
            f"phrasings: {self.total} — understood {100 * self.share(self.understood):.1f}%,"
            f" asked back {100 * self.share(self.asked):.1f}%, wrongly picked {self.wrong}"
        )


def folder() -> Path:
    """The corpus folder: `HANGUP_GUIDE_PHRASINGS`, else tests/corpus/phrasings."""
    chosen = os.environ.get(ENV, "").strip()
    return Path(chosen).expanduser() if chosen else CORPUS


def bundled() -> dict[str, Flow]:
    """The bundled flows by id."""
    flows = {}
    for path in bundled_flows():
        loaded = read_flow(path)
        if loaded.flow is None:
            raise CorpusError(f"{path.name}: the bundled flow does not load")
        flows[loaded.flow.id] = loaded.flow
    return flows


def load(where: Path | None = None) -> list[Entry]:
    """Every entry of every corpus file, in file order; `CorpusError` for a malformed one."""
    entries: list[Entry] = []
    for path in sorted((where or folder()).glob("*.yaml")):
        entries += read(path.name, path.read_text(encoding="utf-8"))
    return entries


def read(name: str, text: str) -> list[Entry]:
    """The entries of one corpus file (`name` for messages)."""
    document = yaml.safe_load(text) or {}
    if not isinstance(document, dict):
        raise CorpusError(f"{name}: a corpus file maps question ids to lists of entries")
    entries = []
    for node, items in document.items():
        if not isinstance(items, list):
            raise CorpusError(f"{name}: {node}: a list of {{says, means}} entries is expected")
        for number, item in enumerate(items, 1):
            fields = item if isinstance(item, dict) else {}
            says, means = fields.get("says"), fields.get("means")
            if set(fields) != {"says", "means"} or not isinstance(says, str) or not means:
                raise CorpusError(
                    f"{name}: {node} #{number}: an entry is {{says, means}}: {item!r}"
                )
            entries.append(Entry(name, str(node), number, says, str(means)))
    return entries


def problems(entries: Iterable[Entry], flows: Mapping[str, Flow]) -> list[str]:
    """Entries naming a flow, question or answer that does not exist, one line each."""
    found = []
    for entry in entries:
        flow = flows.get(entry.flow_id)
        node = flow.nodes.get(entry.node) if flow else None
        if flow is None:
            found.append(f"{entry}: there is no bundled flow `{entry.flow_id}`")
        elif not isinstance(node, Ask):
            found.append(f"{entry}: `{entry.node}` is not a question of `{flow.id}`")
        elif entry.means == EMERGENCY:
            if not flow.escape:
                found.append(f"{entry}: `{flow.id}` has no escape to mean")
        elif entry.means not in {o.label for o in node.options}:
            labels = "; ".join(o.label for o in node.options)
            found.append(f"{entry}: `{entry.node}` has no answer so labelled (it has: {labels})")
    return found


def routes(flows: Mapping[str, Flow]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(flow id, question id) → the answers that reach it from the flow's start, taken
    from the flows' examples (every bundled flow's examples visit every question)."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for flow in flows.values():
        for example in flow.examples:
            walk = Walk(flow, flows.get)
            for taken in range(len(example.answers) + 1):
                if walk_answers(walk, example.answers[taken - 1 : taken] if taken else ()):
                    break
                step = walk.current
                if isinstance(step, Question) and walk.current_flow is flow:
                    found.setdefault((flow.id, step.node.id), example.answers[:taken])
    return found


def classify(
    entry: Entry, flows: Mapping[str, Flow], reach: Mapping[tuple[str, str], tuple[str, ...]]
) -> Verdict:
    """Walk to the entry's question and type its words there."""
    flow = flows[entry.flow_id]
    answers = reach.get((flow.id, entry.node))
    walk = Walk(flow, flows.get, start=None if answers is not None else entry.node)
    walk_answers(walk, answers or ())
    before = len(walk.moves)
    reply = walk.reply(entry.says)
    if reply.accepted and len(walk.moves) > before:
        move = walk.moves[before]
        escaped = move.kind == "escape" or move.label in {o.label for o in flow.escape}
        taken = EMERGENCY if escaped or reply.urgent else move.label
        return Verdict(entry, "understood" if taken == entry.means else "wrong", taken)
    offered = " | ".join(c.option.label for c in reply.suggestions)
    return Verdict(entry, "asked", f"did you mean: {offered}" if offered else "no match")


def run(where: Path | None = None) -> list[Verdict]:
    """Every entry of the corpus, classified; `CorpusError` lists the bad entries."""
    flows = bundled()
    entries = load(where)
    bad = problems(entries, flows)
    if bad:
        raise CorpusError("\n".join(bad))
    reach = routes(flows)
    return [classify(entry, flows, reach) for entry in entries]


def rates(verdicts: Iterable[Verdict]) -> Rates:
    kinds = [v.kind for v in verdicts]
    return Rates(len(kinds), kinds.count("understood"), kinds.count("asked"), kinds.count("wrong"))


def rows(where: Path | None = None) -> list[Row]:
    """The corpus's rates as benchmark figures: each a share of the entries, with the
    issue's goal as its target (understood at once is reported as its complement)."""
    found = rates(run(where))
    total = found.total
    note = f"understood at once {100 * found.share(found.understood):.1f}% (goal ≥ 90%)"
    return [
        row(
            "phrasings: not understood at once",
            total - found.understood,
            total,
            "entries",
            "entries in the corpus",
            target=1 - GOALS["understood"],
            note=note,
        ),
        row(
            "phrasings: asked back",
            found.asked,
            total,
            "entries",
            "entries in the corpus",
            target=GOALS["asked"],
            note="did you mean, or no match",
        ),
        row(
            "phrasings: wrongly picked",
            found.wrong,
            total,
            "entries",
            "entries in the corpus",
            target=0.0,
            note="another answer taken at once",
        ),
    ]
