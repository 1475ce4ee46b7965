"""Random flows built as graphs, for the property tests.

`flow_graphs()` draws a valid flow as Python data: nodes of every walkable kind (ask,
say, wait, input, route, outcome) joined by a random spanning tree from `start` (so every
node is reachable), every node with an edge to a later node (so every node can reach an
outcome), and extra edges on top: questions may lead back to earlier nodes (loops a
person can leave), routes branch on facts that some answer sets. `MUTATIONS` then break
one thing on purpose, each naming the problem `check` must report and the text it must
point at.
"""

from __future__ import annotations

import copy
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import strategies as st

from guide.flow.yamltree import CONTROL

ESCAPE_LABEL = "This could be an emergency"
ALARM = ("alarm", "raised")
"""A fact the escape sets, so a route always has something to branch on."""

# `y` and `n` are booleans to YAML 1.1 tools, and PyYAML writes them unquoted.
NODE_ID = st.from_regex(r"\A[a-z][a-z0-9]{0,6}\Z").filter(lambda name: name not in ("y", "n"))
FACT = st.sampled_from(["intent", "mood", "who", "when_", "plan", "x1"])
VALUE = st.sampled_from(["a", "b", "yes", "No", "012", "12:30", "off", "~", "é", "日本"])


def _ok_text(value: str) -> bool:
    return (
        bool(value.strip())
        and not CONTROL.search(value)
        and "{" not in value
        and "}" not in value
        and value.strip().lower() != ESCAPE_LABEL.lower()
        and value not in ("y", "Y", "n", "N")  # YAML 1.1 booleans PyYAML leaves unquoted
    )


TEXT = st.one_of(
    st.sampled_from(["No", "yes", "012", "null", "~", "[x]", "a: b", "- dash", "# hash", "é"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=16),
).filter(_ok_text)
WORD = st.text(string.ascii_lowercase, min_size=4, max_size=8)

KINDS = ["ask", "ask", "ask", "say", "wait", "input", "route"]
SINGLE_NEXT = ("say", "wait", "input")


@st.composite
def flow_graphs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid flow: every node reachable, every node with a way to an outcome."""
    n_inner = draw(st.integers(min_value=1, max_value=7))
    n_outcomes = draw(st.integers(min_value=1, max_value=3))
    ids = draw(st.lists(NODE_ID, min_size=n_inner + n_outcomes + 1, unique=True))
    order, emergency = ids[: n_inner + n_outcomes], ids[n_inner + n_outcomes]
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(n_inner)]
    last = len(order) - 1
    # A spanning tree from the start: each later node hangs under an earlier inner node
    # that still has room (a say, wait or input has exactly one `next`).
    children: list[list[int]] = [[] for _ in order]
    for k in range(1, len(order)):
        room = [i for i in range(min(k, n_inner)) if kinds[i] not in SINGLE_NEXT or not children[i]]
        if not room:
            kinds[0] = "ask"
            room = [0]
        children[draw(st.sampled_from(room))].append(k)
    # Every inner node also gets a way forward, so every node can reach an outcome.
    for i in range(n_inner):
        if not children[i]:
            children[i].append(draw(st.integers(min_value=i + 1, max_value=last)))
    pairs: list[tuple[str, str]] = [ALARM]
    nodes: dict[str, Any] = {}
    for i in range(n_inner):
        nodes[order[i]] = _inner(draw, kinds[i], [order[c] for c in children[i]], order, i)
        for option in nodes[order[i]].get("options", []):
            pairs += list(option.get("set", {}).items())
    for i in range(n_inner):  # routes last: they branch on facts the answers set
        if kinds[i] == "route":
            targets = [order[c] for c in children[i]]
            targets += draw(st.lists(st.sampled_from(order[i + 1 :]), max_size=2))
            nodes[order[i]] = {"route": _branches(draw, targets, pairs)}
    for i in range(n_inner, len(order)):
        nodes[order[i]] = _outcome(draw)
    nodes[emergency] = {**_outcome(draw), "emergency": "true"}
    return {
        "flow": draw(NODE_ID),
        "title": draw(TEXT),
        "version": str(draw(st.integers(min_value=1, max_value=999))),
        "start": order[0],
        "sources": {"000": {"title": draw(TEXT)}},
        "escape": [{"label": ESCAPE_LABEL, "key": "!", "set": dict([ALARM]), "next": emergency}],
        "nodes": nodes,
    }


def _inner(
    draw: st.DrawFn, kind: str, targets: list[str], order: list[str], at: int
) -> dict[str, Any]:
    if kind == "say":
        return {"say": draw(TEXT), "next": targets[0]}
    if kind == "wait":
        return {"wait": draw(st.sampled_from(["30s", "5m", "1h30m"])), "next": targets[0]}
    if kind == "input":
        return {"input": draw(TEXT), "fact": "name", "required": "false", "next": targets[0]}
    if kind == "route":
        return {}  # filled in once every answer's facts are known
    # A question: the tree's children, then maybe a way back (a loop the person can leave).
    targets = list(targets)
    while len(targets) < 2 or draw(st.integers(0, 3)) == 0:
        targets.append(draw(st.sampled_from(order)))
        if len(targets) >= 5:
            break
    labels = draw(
        st.lists(
            TEXT,
            min_size=len(targets),
            max_size=len(targets),
            unique_by=lambda label: label.strip().lower(),
        )
    )
    aliases = draw(st.lists(WORD, min_size=len(targets), max_size=len(targets), unique=True))
    options = []
    for target, label, alias in zip(targets, labels, aliases, strict=True):
        option: dict[str, Any] = {"label": label, "next": target}
        if draw(st.booleans()):
            option["aliases"] = [alias]
        if draw(st.booleans()):
            option["set"] = {draw(FACT): draw(VALUE)}
        options.append(option)
    return {"ask": draw(TEXT), "options": options}


def _branches(
    draw: st.DrawFn, targets: list[str], pairs: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    branches: list[dict[str, Any]] = []
    for target in targets[:-1]:
        fact, value = draw(st.sampled_from(pairs))
        when: dict[str, Any] = {fact: value}
        shape = draw(st.integers(0, 3))
        if shape == 1:
            when = {"not": when}
        elif shape == 2:
            other = draw(st.sampled_from(pairs))
            when = {draw(st.sampled_from(["all", "any"])): [when, dict([other])]}
        branches.append({"when": when, "next": target})
    branches.append({"next": targets[-1]})
    return branches


def _outcome(draw: st.DrawFn) -> dict[str, Any]:
    outcome: dict[str, Any] = {
        "outcome": draw(TEXT),
        "steps": draw(st.lists(TEXT, min_size=1, max_size=3)),
        "why": draw(TEXT),
        "source": {"article": "000", "section": draw(TEXT)},
    }
    if draw(st.booleans()):
        outcome["script"] = draw(TEXT) + " {alarm|there}"
    return outcome


def dump(data: dict[str, Any], flow_style: bool, unicode: bool) -> str:
    return yaml.safe_dump(
        data, allow_unicode=unicode, default_flow_style=flow_style, sort_keys=False, width=60
    )


# --- slightly broken flows -------------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    """One thing broken on purpose: the code `check` must report, and where.

    `marker` is text the mutation puts into the flow; the problem must point at the
    line where it is (and, when `at_column`, at its column, or the opening quote just
    before it). None when the problem is on a node as a whole.
    """

    name: str
    code: str
    change: Callable[[dict[str, Any]], None]
    marker: str | None
    at_column: bool = True
    severity: str = "error"


def _asks(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in data["nodes"].values() if "ask" in node]


def _first_option(data: dict[str, Any]) -> dict[str, Any]:
    asks = _asks(data)
    if asks:
        option: dict[str, Any] = asks[0]["options"][0]
        return option
    return data["escape"][0]  # type: ignore[no-any-return]  # generated data is plain YAML values


def _first_outcome(data: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in data["nodes"].values() if "outcome" in n and "emergency" not in n)


def _unknown_target(data: dict[str, Any]) -> None:
    _first_option(data)["next"] = "zzmark-nowhere"


def _unknown_start(data: dict[str, Any]) -> None:
    data["start"] = "zzmark-nowhere"


def _misspelt_key(data: dict[str, Any]) -> None:
    option = _first_option(data)
    option["lable"] = option.pop("label")


def _missing_why(data: dict[str, Any]) -> None:
    del _first_outcome(data)["why"]


def _unreachable(data: dict[str, Any]) -> None:
    data["nodes"]["zz-orphan"] = {
        "outcome": "Orphaned-zzmark",
        "steps": ["x"],
        "why": "y",
        "source": {"article": "000"},
    }


def _cycle(data: dict[str, Any]) -> None:
    data["nodes"]["zz-round"] = {"say": "Round-zzmark", "next": "zz-about"}
    data["nodes"]["zz-about"] = {"say": "About", "next": "zz-round"}
    _first_option(data)["next"] = "zz-round"


def _route_loop(data: dict[str, Any]) -> None:
    fact, value = ALARM
    data["nodes"]["zz-one"] = {
        "route": [{"when": {fact: value}, "next": data["escape"][0]["next"]}, {"next": "zz-two"}]
    }
    data["nodes"]["zz-two"] = {"route": [{"next": "zz-one"}]}
    _first_option(data)["next"] = "zz-one"


def _duplicate_label(data: dict[str, Any]) -> None:
    data["nodes"]["zz-dup"] = {
        "ask": "Which one?",
        "options": [
            {"label": "zz same", "next": data["start"]},
            {"label": "ZZ same", "next": data["start"]},
        ],
    }
    data["start"] = "zz-dup"


def _escape_code(data: dict[str, Any]) -> None:
    data["title"] = "zzmark\x1b[2J\x1b]0;pwned\x07"


def _unknown_source(data: dict[str, Any]) -> None:
    _first_outcome(data)["source"] = {"article": "zzmark9"}


def _bad_duration(data: dict[str, Any]) -> None:
    data["nodes"]["zz-wait"] = {"wait": "zzmark-minutes", "next": data["start"]}
    data["start"] = "zz-wait"


def _no_fallback(data: dict[str, Any]) -> None:
    fact, value = ALARM
    data["nodes"]["zz-route"] = {"route": [{"when": {fact: value}, "next": data["start"]}]}
    data["start"] = "zz-route"


def _fact_never_set(data: dict[str, Any]) -> None:
    data["nodes"]["zz-route"] = {
        "route": [{"when": {"zzmark_fact": "a"}, "next": data["start"]}, {"next": data["start"]}]
    }
    data["start"] = "zz-route"


def _hidden_escape(data: dict[str, Any]) -> None:
    data["nodes"]["zz-ask"] = {
        "ask": "Hidden-zzmark?",
        "escape": "false",
        "options": [
            {"label": "zz go", "next": data["start"]},
            {"label": "zz stay", "next": "zz-ask"},
        ],
    }
    data["start"] = "zz-ask"


def _steps_not_a_list(data: dict[str, Any]) -> None:
    _first_outcome(data)["steps"] = {"zzmark": "x"}


MUTATIONS = [
    Mutation("unknown-target", "unknown-target", _unknown_target, "zzmark-nowhere"),
    Mutation("unknown-start", "unknown-target", _unknown_start, "zzmark-nowhere"),
    Mutation("misspelt-key", "unknown-key", _misspelt_key, "lable"),
    Mutation("missing-why", "missing-key", _missing_why, None),
    Mutation("unreachable", "unreachable", _unreachable, "Orphaned-zzmark", False, "warning"),
    Mutation("cycle", "cycle", _cycle, "Round-zzmark", False),
    Mutation("route-loop", "route-loop", _route_loop, None),
    Mutation("duplicate-label", "duplicate-option", _duplicate_label, None),
    Mutation("escape-code", "control-character", _escape_code, "zzmark"),
    Mutation("unknown-source", "unknown-source", _unknown_source, "zzmark9"),
    Mutation("bad-duration", "bad-duration", _bad_duration, "zzmark-minutes"),
    Mutation("no-fallback", "no-fallback", _no_fallback, None),
    Mutation("fact-never-set", "fact-never-set", _fact_never_set, "zzmark_fact"),
    Mutation("hidden-escape", "escape-not-offered", _hidden_escape, "Hidden-zzmark?", False),
    Mutation("steps-not-a-list", "wrong-type", _steps_not_a_list, "zzmark", False),
]


def broken(data: dict[str, Any], mutation: Mutation) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    mutation.change(changed)
    return changed
