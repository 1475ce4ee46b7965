"""The JSON Schema editors use: it accepts every bundled flow and the doc's example,
and rejects the mistakes `check` also catches."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from guide.library.flows import bundled_flows

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "guide" / "flow" / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
DOC_EXAMPLE: dict[str, Any] = yaml.safe_load(
    re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "writing-flows.md").read_text(), re.S)[0]
)


def errors(instance: object) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(instance)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_property_has_a_description() -> None:
    """Editors show these as tooltips; an undocumented key is a dead end for authors."""
    missing: list[str] = []

    def visit(node: object, path: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if isinstance(sub, dict) and "description" not in sub:
                    missing.append(f"{path}/properties/{name}")
            for key, value in node.items():
                visit(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                visit(item, f"{path}/{i}")

    visit(SCHEMA, "#")
    assert missing == []


@pytest.mark.parametrize("path", bundled_flows(), ids=lambda p: p.name)
def test_bundled_flows_validate(path: Path) -> None:
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_bundled_flows_point_editors_at_the_schema() -> None:
    for path in bundled_flows():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path


def test_the_docs_example_validates() -> None:
    assert errors(DOC_EXAMPLE) == []


def _mutate(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    flow = copy.deepcopy(DOC_EXAMPLE)
    change(flow)
    return flow


BROKEN: dict[str, Callable[[dict[str, Any]], object]] = {
    # a key the language does not have
    "unknown top-level key": lambda f: f.update(author="me"),
    # a node is exactly one kind
    "ask and outcome in one node": lambda f: f["nodes"]["first"].update(outcome="X"),
    # every outcome says why
    "outcome without why": lambda f: f["nodes"]["call-back"].pop("why"),
    # an option goes somewhere
    "option without next": lambda f: f["nodes"]["first"]["options"][0].pop("next"),
    # versions are whole numbers from 1
    "version is text": lambda f: f.update(version="x"),
    "version zero": lambda f: f.update(version=0),
    # `all` takes a list of conditions
    "all with a string": lambda f: f["nodes"]["first"]["options"][0].update(when={"all": "x"}),
    # durations are 30s / 5m / 1h30m
    "wait in words": lambda f: f["nodes"].update(w={"wait": "5 minutes", "next": "first"}),
    # ids are lower-case
    "flow id with capitals": lambda f: f.update(flow="Tiny"),
    # a question needs two options
    "one option": lambda f: f["nodes"]["first"]["options"].pop(),
    # unquoted No in YAML 1.1 is a boolean, not a label
    "label that became a boolean": lambda f: f["nodes"]["first"]["options"][0].update(label=False),
    # escape codes in text
    "control character": lambda f: f["nodes"]["call-back"].update(why="x\x1b[31m"),
    # the last branch is the fallback
    "route without fallback": lambda f: f["nodes"].update(
        r={"route": [{"when": {"a": "b"}, "next": "first"}]}
    ),
    # numbers are given in order; keys are words
    "digit key": lambda f: f["escape"][0].update(key="3"),
    # examples name themselves
    "example without name": lambda f: f["examples"][0].pop("name"),
    # matching a typed answer stays cheap: 30 aliases of 80 characters at most
    "31 aliases": lambda f: f["escape"][0].update(aliases=[f"word{n}" for n in range(31)]),
    "an 81-character alias": lambda f: f["escape"][0].update(aliases=["a" * 81]),
}


@pytest.mark.parametrize("change", BROKEN.values(), ids=list(BROKEN))
def test_the_schema_rejects_broken_flows(change: Callable[[dict[str, Any]], object]) -> None:
    assert errors(_mutate(change)) != []
