"""Every document of the public yaml-test-suite through the flow loader and `check`.

None of them is a valid flow. Each must load to a `Loaded` or raise a `FlowError` whose
problems are located (line and column from 1): never another exception, never a hang.
A document the suite marks invalid (an `error` file) must never be accepted.

The corpus lives beside the checkout, at ../shared/corpora/yaml-test-suite/. When it is
missing the tests skip, unless HANGUP_GUIDE_REQUIRE_CORPUS=1 says it must be there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.flow.loader import Loaded, load_flow
from guide.flow.problems import FlowError
from guide.flow.validate import validate

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "yaml-test-suite"
REQUIRED = os.environ.get("HANGUP_GUIDE_REQUIRE_CORPUS") == "1"

# Invalid documents (they have an `error` file) that libyaml's parser accepts. PyYAML's
# event API is the only parser we have, so the loader inherits libyaml's leniency here;
# none of these is a flow, and each still fails later as "not a flow". Listed one by one
# so any other invalid document that gets through is caught.
LIBYAML_ACCEPTS = {
    # flow sequence continued at column 1, below its key's indentation
    "9C9N": "Wrong indented flow sequence",
    # `#` right after `]` with no space is taken as a comment
    "9JBA": "Invalid comment after end of flow sequence",
    # `#` right after `,` with no space is taken as a comment
    "CVW2": "Invalid comment after comma",
    # a tab at the start of a continuation line of a quoted scalar
    "DK95/01": "Tabs that look like indentation",
    # `-` alone as a plain scalar inside a flow sequence
    "G5U8": "Plain dashes in flow sequence",
    # `%YAML 1.1#...`: a comment with no space after a directive
    "MUS6/00": "Directive variants",
    # a quoted scalar's continuation lines not indented
    "QB6E": "Wrong indented multiline quoted scalar",
    # a block scalar whose leading empty line is indented more than its content
    "S98Z": "Block scalar with more spaces than first content line",
    # `#` right after a closing quote with no space
    "SU5Z": "Comment without whitespace after doublequoted scalar",
    # `>#` with no space after the block scalar indicator
    "X4QW": "Comment without whitespace after block scalar indicator",
    # a tab as indentation inside a flow sequence
    "Y79Y/003": "Tabs in various contexts",
    # `[-]`: a lone dash in a flow sequence
    "YJV2": "Dash in flow sequence",
}


DOCUMENTS = sorted(CORPUS.rglob("in.yaml")) if CORPUS.is_dir() else []
MISSING = [pytest.param(None, id="corpus-missing")]
CASES = [pytest.param(p, id=p.parent.relative_to(CORPUS).as_posix()) for p in DOCUMENTS] or MISSING
INVALID = [
    pytest.param(p, id=p.parent.relative_to(CORPUS).as_posix())
    for p in DOCUMENTS
    if (p.parent / "error").exists()
] or MISSING


def _require_corpus() -> None:
    """Skip when the corpus is missing, or fail when HANGUP_GUIDE_REQUIRE_CORPUS=1."""
    if not DOCUMENTS:
        reason = f"the yaml-test-suite corpus is not at {CORPUS}"
        if REQUIRED:
            pytest.fail(f"{reason}, and HANGUP_GUIDE_REQUIRE_CORPUS=1 requires it")
        pytest.skip(reason)


def _need_corpus(document: Path | None) -> Path:
    _require_corpus()
    assert document is not None
    return document


def _case_id(document: Path) -> str:
    return document.parent.relative_to(CORPUS).as_posix()


@pytest.mark.parametrize("document", CASES)
def test_every_document_loads_or_fails_with_a_located_flow_error(document: Path | None) -> None:
    document = _need_corpus(document)
    data = document.read_bytes()
    try:
        loaded = load_flow(data, str(document))
    except FlowError as exc:
        assert exc.problems, "a FlowError always carries at least one problem"
        assert any(p.mark.line >= 1 and p.mark.col >= 1 for p in exc.problems)
        for problem in exc.problems:
            assert problem.mark.file == str(document)
            assert problem.severity == "error"
        return
    assert isinstance(loaded, Loaded)
    for problem in loaded.problems:
        assert problem.mark.line >= 1 and problem.mark.col >= 1
    if loaded.flow is not None:
        validate(loaded.flow, loaded.broken)  # must not raise either


@pytest.mark.parametrize("document", INVALID)
def test_invalid_yaml_is_never_accepted(document: Path | None) -> None:
    document = _need_corpus(document)
    data = document.read_bytes()
    if _case_id(document) in LIBYAML_ACCEPTS:
        # libyaml parses it; it must still never become a flow that can be opened.
        try:
            loaded = load_flow(data, str(document))
        except FlowError:
            return
        assert not loaded.ok
        return
    with pytest.raises(FlowError) as info:
        load_flow(data, str(document))
    problem = info.value.problems[0]
    assert problem.mark.line >= 1 and problem.mark.col >= 1


def test_the_libyaml_exceptions_are_real_invalid_cases() -> None:
    """Each exception names an existing case that the suite really marks invalid."""
    _require_corpus()
    for case in LIBYAML_ACCEPTS:
        assert (CORPUS / case / "in.yaml").is_file(), case
        assert (CORPUS / case / "error").exists(), case


def test_check_survives_the_whole_corpus() -> None:
    _require_corpus()
    documents = [str(p) for p in DOCUMENTS]
    result = subprocess.run(
        [sys.executable, "-m", "guide", "check", *documents],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    assert f"checked {len(documents)} file(s)" in result.stderr
