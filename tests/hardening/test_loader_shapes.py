"""Random YAML documents in the shape of a flow, with every value of any shape.

tests/flow/test_loader_properties.py feeds the loader random bytes, YAML-ish text and
valid flows. What it leaves out is the space between: well-formed YAML whose keys are
the flow language's own (`nodes`, `options`, `when`, `all`, `route`, ...) but whose values
are anything at all (a list where a mapping goes, a mapping as a label, `when: [1]`,
`nodes: ~`). Each must give a `Loaded` whose problems are located, or a located
`FlowError`; and a flow that comes out clean must walk without the engine failing.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.flow.engine import Walk
from guide.flow.loader import TOP_KEYS, load_flow
from guide.flow.model import Input
from guide.flow.problems import FlowError
from guide.flow.readnodes import KIND_FIELDS
from guide.flow.readparts import OPTION_KEYS
from guide.flow.refusals import InvalidInput
from guide.flow.steps import Advice, Question
from guide.flow.validate import validate

from .test_generated_flows import assert_located

WORDS = sorted(
    {
        *TOP_KEYS,
        *OPTION_KEYS,
        *(key for required, optional in KIND_FIELDS.values() for key in (*required, *optional)),
        "all",
        "any",
        "not",
        "article",
        "section",
        "title",
        "000",
        "a",
        "b",
        "start",
        "!",
        "5m",
        "true",
        "No",
    }
)
SCALAR = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=6),
    st.integers(-3, 3),
    st.booleans(),
    st.none(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(WORDS), inner, max_size=4),
    ),
    max_leaves=20,
)


@st.composite
def flow_shaped(draw: st.DrawFn) -> dict[str, Any]:
    """A document with the flow's top keys; nodes of the right kinds, wrong insides."""
    doc: dict[str, Any] = draw(
        st.dictionaries(st.sampled_from(list(TOP_KEYS)), VALUE, min_size=2, max_size=6)
    )
    if draw(st.booleans()):
        nodes: dict[str, Any] = {}
        for name in draw(st.lists(st.sampled_from(["a", "b", "start", "x1"]), max_size=4)):
            kind = draw(st.sampled_from(list(KIND_FIELDS)))
            required, optional = KIND_FIELDS[kind]
            keys = draw(st.lists(st.sampled_from([*required, *optional]), max_size=5))
            nodes[name] = {kind: draw(VALUE), **{key: draw(VALUE) for key in keys}}
        doc["nodes"] = nodes
    return doc


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flow_shaped(), st.booleans())
def test_any_flow_shaped_document_loads_with_located_problems(
    doc: dict[str, Any], flow_style: bool
) -> None:
    text = yaml.safe_dump(doc, default_flow_style=flow_style, allow_unicode=True)
    try:
        loaded = load_flow(text.encode(), "shaped.yaml")
    except FlowError as exc:
        assert_located(list(exc.problems), text)
        return
    problems = list(loaded.problems)
    if loaded.flow is not None:
        problems += validate(loaded.flow, loaded.broken)
    assert_located(problems, text)
    if loaded.flow is None or any(p.severity == "error" for p in problems):
        return
    # It came out clean: a walk along the first answers must not fail.
    walk = Walk(loaded.flow)
    for _ in range(20):
        step = walk.current
        if isinstance(step, Advice):
            break
        if isinstance(step, Question):
            walk.choose(step.choices[0])
        elif isinstance(step, Input):
            try:
                walk.enter("1")
            except InvalidInput:
                break
        else:
            walk.proceed()
