"""Every YAML snippet in the docs is real: whole flows load and check clean, node
snippets are valid nodes of the language, and the practice deck example fits its flow."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from guide.flow.loader import load_flow
from guide.flow.validate import validate
from guide.library.flows import scan
from guide.practice.deck import load_deck
from guide.practice.validate import validate_deck

DOCS = Path(__file__).resolve().parents[1] / "docs"
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "guide" / "flow" / "schema.json").read_text()
)


def snippets(name: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", (DOCS / name).read_text(encoding="utf-8"), re.S)


WRITING = snippets("writing-flows.md")


def test_the_docs_have_snippets() -> None:
    assert len(WRITING) >= 8


def test_the_whole_flow_in_the_docs_loads_and_checks_clean() -> None:
    whole = WRITING[0]
    loaded = load_flow(whole.encode(), "writing-flows.md")
    assert loaded.flow is not None
    problems = [*loaded.problems, *validate(loaded.flow, loaded.broken)]
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("snippet", WRITING[1:], ids=lambda s: s.strip().splitlines()[0][:30])
def test_every_other_snippet_is_valid_flow_language(snippet: str) -> None:
    """A node snippet is a valid node; an `examples:` snippet is a valid examples list."""
    data = yaml.safe_load(textwrap.dedent(snippet))
    assert isinstance(data, dict)
    if "examples" in data:
        schema = {"$defs": SCHEMA["$defs"], "type": "array", "items": {"$ref": "#/$defs/example"}}
        jsonschema.validate(data["examples"], schema)
        return
    node_schema = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/node"}
    for node in data.values():
        jsonschema.validate(node, node_schema)


def test_the_deck_example_fits_its_flow() -> None:
    [deck_text] = snippets("practice.md")
    deck, problems = load_deck(deck_text.encode(), "practice.md")
    assert deck is not None and problems == []
    assert validate_deck(deck, scan().flows) == []


def test_the_translation_example_reads_clean(tmp_path: Path) -> None:
    from guide.i18n.translation import read_catalogue

    [example] = re.findall(
        r"```toml\n(.*?)```", (DOCS / "writing-flows.md").read_text(encoding="utf-8"), re.S
    )
    path = tmp_path / "fr.toml"
    path.write_text(example, encoding="utf-8")
    catalogue = read_catalogue(path)
    assert catalogue.problems == []
    assert len(catalogue.strings) == example.count(" = ")
