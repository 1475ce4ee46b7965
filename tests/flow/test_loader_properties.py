"""Properties of the loader over generated input.

(a) any bytes and (b) any YAML-ish text load to a `Loaded` or raise a located
`FlowError`, nothing else; (c) a flow built as Python data and dumped by
`yaml.safe_dump` loads back with the same node ids and every value kept exactly as the
string it was (so "No", "012", "12:30" stay strings); (d) small edits of a valid flow
never make the loader or the validator raise anything but `FlowError`.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.flow.loader import Loaded, load_flow
from guide.flow.model import Ask, Outcome
from guide.flow.problems import FlowError, Problem
from guide.flow.template import PLACEHOLDER
from guide.flow.validate import validate
from guide.flow.yamltree import CONTROL

MINIMAL = (Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "minimal.yaml").read_bytes()

QUICK = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _located(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        assert problem.mark.line >= 1 and problem.mark.col >= 1, problem
        assert problem.severity in ("error", "warning")
        assert problem.code and problem.message


def load_or_flow_error(data: bytes) -> Loaded | None:
    """Loads (and validates) `data`; a FlowError is fine, anything else fails the test."""
    try:
        loaded = load_flow(data, "generated.yaml")
    except FlowError as exc:
        assert exc.problems
        _located(exc.problems)
        return None
    assert isinstance(loaded, Loaded)
    _located(loaded.problems)
    if loaded.flow is not None:
        _located(validate(loaded.flow, loaded.broken))
        # A node the loader dropped is always explained by an error.
        if loaded.broken:
            assert any(p.severity == "error" for p in loaded.problems), loaded.broken
    return loaded


# --- (a) and (b): anything in, Loaded or FlowError out -------------------------------------


@QUICK
@given(st.binary(max_size=400))
def test_any_bytes_load_or_raise_flow_error(data: bytes) -> None:
    load_or_flow_error(data)


YAMLISH = string.ascii_letters[:8] + "01 :-[]{}&*!|>'\"#,?%@`\n\t\\~"


@QUICK
@given(st.text(alphabet=YAMLISH, max_size=200))
def test_any_yamlish_text_loads_or_raises_flow_error(text: str) -> None:
    load_or_flow_error(text.encode())


@QUICK
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(MINIMAL)),
            st.text(alphabet=YAMLISH, min_size=0, max_size=6),
            st.integers(min_value=0, max_value=4),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_small_edits_of_a_valid_flow_load_or_raise_flow_error(
    edits: list[tuple[int, str, int]],
) -> None:
    # (d) Insert some YAML-ish text at a place and delete a few characters after it.
    text = MINIMAL.decode()
    for place, insert, delete in edits:
        at = min(place, len(text))
        text = text[:at] + insert + text[at + delete :]
    load_or_flow_error(text.encode())


# --- (c): generated flows keep every value as the string it was -------------------------

# Strings YAML 1.1 or 1.2 would read as something else if written unquoted.
TRICKY = [
    "No",
    "no",
    "Yes",
    "yes",
    "on",
    "OFF",
    "true",
    "False",
    "012",
    "0x1F",
    "0o17",
    "12:30",
    "1e3",
    "1_000",
    ".5",
    "-.inf",
    ".NaN",
    "null",
    "Null",
    "~",
    "2001-12-14",
    "=",
    "<<",
    "- dash",
    "# hash",
    "a: b",
    "[x]",
    "{y}",
    "'single'",
    '"double"',
    "trailing space ",
    " leading space",
    "@at",
    "`tick`",
    "%percent",
    "!bang",
    "&amp",
    "*star",
    "|pipe",
    ">fold",
    "?q",
    "ünïcödé",
    "日本語",
]


def _ok_text(value: str) -> bool:
    return bool(value.strip()) and not CONTROL.search(value)


TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20
    ).filter(_ok_text),
)
# An outcome's title and why may name facts (`{rate}`), like its script: no placeholders.
WORDS = TEXT.filter(lambda value: PLACEHOLDER.search(value) is None)
NODE_ID = st.from_regex(r"\A[a-z][a-z0-9-]{0,8}\Z")
FACT = st.from_regex(r"\A[a-z_][a-z0-9_]{0,8}\Z")


def _unique_labels(labels: list[str]) -> bool:
    folded = [label.strip().lower() for label in labels]
    return len(set(folded)) == len(folded)


@st.composite
def flows(draw: st.DrawFn) -> dict[str, Any]:
    """A valid flow as Python data: a chain of questions, then outcomes."""
    ids = draw(st.lists(NODE_ID, min_size=3, max_size=8, unique=True))
    n_asks = draw(st.integers(min_value=1, max_value=len(ids) - 2))
    asks, outcomes = ids[:n_asks], ids[n_asks:]
    nodes: dict[str, Any] = {}
    for index, node_id in enumerate(asks):
        labels = draw(
            st.lists(TEXT, min_size=2, max_size=4)
            .filter(_unique_labels)
            .filter(
                lambda ls: all(
                    label.strip().lower() != "this could be an emergency" for label in ls
                )
            )
        )
        later = asks[index + 1 :] + outcomes
        options = []
        for position, label in enumerate(labels):
            # The first option goes on to the next node, so every node is reachable.
            target = later[0] if position == 0 else draw(st.sampled_from(later))
            option: dict[str, Any] = {"label": label, "next": target}
            if draw(st.booleans()):
                option["set"] = {draw(FACT): draw(TEXT)}
            options.append(option)
        nodes[node_id] = {"ask": draw(TEXT), "options": options}
    for node_id in outcomes:
        nodes[node_id] = {
            "outcome": draw(WORDS),
            "steps": draw(st.lists(TEXT, min_size=1, max_size=3)),
            "why": draw(WORDS),
            "source": {"article": "000", "section": draw(TEXT)},
        }
    return {
        "flow": draw(NODE_ID),
        "title": draw(TEXT),
        "version": draw(st.integers(min_value=1, max_value=10**6)),
        "start": asks[0],
        "sources": {"000": {"title": draw(TEXT)}},
        "escape": [{"label": "This could be an emergency", "key": "!", "next": outcomes[-1]}],
        "nodes": nodes,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flows(), st.booleans(), st.booleans())
def test_a_dumped_flow_loads_back_with_every_value_unchanged(
    data: dict[str, Any], unicode: bool, flow_style: bool
) -> None:
    dumped = yaml.safe_dump(
        data, allow_unicode=unicode, default_flow_style=flow_style, sort_keys=False
    )
    loaded = load_or_flow_error(dumped.encode())
    assert loaded is not None, dumped
    flow = loaded.flow
    assert flow is not None
    errors = [p for p in loaded.problems if p.severity == "error"]
    assert errors == [], dumped
    assert (flow.id, flow.title, flow.version, flow.start) == (
        data["flow"],
        data["title"],
        data["version"],
        data["start"],
    )
    assert list(flow.nodes) == list(data["nodes"])
    assert flow.sources["000"].title == data["sources"]["000"]["title"]
    for node_id, written in data["nodes"].items():
        node = flow.nodes[node_id]
        if "ask" in written:
            assert isinstance(node, Ask)
            assert node.text == written["ask"]
            assert [o.label for o in node.options] == [o["label"] for o in written["options"]]
            assert [str(o.next) for o in node.options] == [o["next"] for o in written["options"]]
            assert [dict(o.sets) for o in node.options] == [
                o.get("set", {}) for o in written["options"]
            ]
        else:
            assert isinstance(node, Outcome)
            assert (node.title, node.steps, node.why) == (
                written["outcome"],
                tuple(written["steps"]),
                written["why"],
            )
            assert node.source.section == written["source"]["section"]
    assert [p for p in validate(flow, loaded.broken) if p.severity == "error"] == []
