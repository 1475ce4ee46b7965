"""The loader, as a flow author meets it: each mistake in a file gives a located problem
with a stable code, a readable message and the right line, and hostile files fail fast
with a `FlowError` instead of a hang, a crash or a traceback.

Most fixtures under tests/fixtures/broken/ are tests/fixtures/valid/tiny.yaml with one
thing wrong; line 1 of each says what.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from guide.flow.loader import load_flow, read_flow
from guide.flow.model import Ask, Input, Outcome, Route, Say, Wait
from guide.flow.problems import FlowError, Problem
from guide.flow.validate import validate
from guide.flow.yamltree import CONTROL, Limits
from tests.flow.reported import BROKEN, PROBLEM_LINE, VALID, assert_reported_once, everything


def fatal(data: bytes, limits: Limits | None = None) -> tuple[Problem, float]:
    """The first problem of the `FlowError` that `data` must raise, and how long it took."""
    start = time.perf_counter()
    with pytest.raises(FlowError) as info:
        load_flow(data, "hostile.yaml", limits or Limits())
    elapsed = time.perf_counter() - start
    assert info.value.problems, "a FlowError always carries at least one problem"
    return info.value.problems[0], elapsed


def fatal_file(name: str) -> Problem:
    path = BROKEN / name
    with pytest.raises(FlowError) as info:
        read_flow(path)
    problem = info.value.problems[0]
    assert problem.mark.file == str(path)
    return problem


# --- the valid flow ---------------------------------------------------------------


def test_minimal_flow_loads_and_validates_without_any_problem() -> None:
    loaded = read_flow(VALID / "minimal.yaml")
    assert loaded.ok
    assert loaded.problems == ()
    assert loaded.broken == frozenset()
    assert loaded.flow is not None
    assert validate(loaded.flow, loaded.broken) == []


def test_minimal_flow_builds_every_node_kind_with_the_values_written() -> None:
    loaded = read_flow(VALID / "minimal.yaml")
    flow = loaded.flow
    assert flow is not None
    assert (flow.id, flow.title, flow.version, flow.start) == (
        "minimal",
        "A minimal flow",
        1,
        "first",
    )
    kinds = {node_id: type(node) for node_id, node in flow.nodes.items()}
    assert kinds == {
        "first": Ask,
        "breathe": Say,
        "pause": Wait,
        "their-name": Input,
        "which-way": Route,
        "call-back": Outcome,
        "give-it-time": Outcome,
        "emergency": Outcome,
    }
    first = flow.nodes["first"]
    assert isinstance(first, Ask)
    assert [o.label for o in first.options] == ["The line dropped", "They ended it"]
    assert dict(first.options[0].sets) == {"intent": "accidental"}
    pause = flow.nodes["pause"]
    assert isinstance(pause, Wait) and pause.seconds == 300
    assert [(e.key, e.label, str(e.next)) for e in flow.escape] == [
        ("!", "This could be an emergency", "emergency")
    ]
    assert flow.sources["000"].title == "When Someone Hangs Up on You"
    assert [e.name for e in flow.examples] == ["a dropped line", "ended on purpose", "the escape"]


@pytest.mark.parametrize(
    "name",
    [
        # The flow the broken fixtures start from.
        "tiny.yaml",
        # "No", "yes", "on", "off" quoted: plain text, no YAML 1.1 warning.
        "yaml11-quoted.yaml",
    ],
)
def test_other_valid_fixtures_have_no_problem(name: str) -> None:
    loaded = read_flow(VALID / name)
    assert everything(loaded) == []


@pytest.mark.parametrize(
    "path",
    [
        # Quoted: plain text, no warning.
        VALID / "yaml11-quoted.yaml",
        # Unquoted: warned about (see LOADER_CASES), and still the text written.
        BROKEN / "yaml11-booleans.yaml",
    ],
    ids=["quoted", "unquoted"],
)
def test_yaml11_words_stay_the_text_written(path: Path) -> None:
    flow = read_flow(path).flow
    assert flow is not None
    first = flow.nodes["first"]
    assert isinstance(first, Ask)
    assert [o.label for o in first.options] == ["No", "yes"]
    assert first.options[0].aliases == ("on", "off")


def test_a_utf8_bom_is_accepted_and_does_not_shift_columns() -> None:
    clean = (VALID / "minimal.yaml").read_bytes()
    loaded = load_flow(b"\xef\xbb\xbf" + clean)
    assert everything(loaded) == []
    broken = (BROKEN / "unknown-target.yaml").read_bytes()
    without = everything(load_flow(broken))
    with_bom = everything(load_flow(b"\xef\xbb\xbf" + broken))
    assert [(p.code, p.mark.line, p.mark.col) for p in with_bom] == [
        (p.code, p.mark.line, p.mark.col) for p in without
    ]


def test_windows_line_endings_change_no_line_number() -> None:
    assert (
        everything(load_flow((VALID / "minimal.yaml").read_bytes().replace(b"\n", b"\r\n"))) == []
    )
    data = (BROKEN / "duplicate-key.yaml").read_bytes().replace(b"\n", b"\r\n")
    [problem] = everything(load_flow(data))
    assert (problem.code, problem.mark.line, problem.mark.col) == ("duplicate-key", 27, 5)


# --- one mistake per fixture: problems the loader collects -------------------------

# (fixture, code, severity, line, col, fragments of the message, other codes the
# same mistake may also cause: the missing `label` after a misspelt `lable`, or
# `unreachable` warnings for the nodes after a node the loader could not build)
LOADER_CASES = [
    pytest.param(
        # `lable` is not a key of an option; it is close to `label`.
        "unknown-key-label.yaml",
        "unknown-key",
        "error",
        20,
        9,
        ("unknown key `lable`", "did you mean `label`?"),
        {"missing-key", "unreachable"},
        id="unknown-key-lable",
    ),
    pytest.param(
        # ... and the option then has no label at all.
        "unknown-key-label.yaml",
        "missing-key",
        "error",
        20,
        9,
        ("needs `label`",),
        {"unknown-key", "unreachable"},
        id="missing-label-after-lable",
    ),
    pytest.param(
        # `optins` is not a key of a question; it is close to `options`.
        "unknown-key-options.yaml",
        "unknown-key",
        "error",
        16,
        5,
        ("unknown key `optins`", "did you mean `options`?"),
        {"missing-key", "unreachable"},
        id="unknown-key-optins",
    ),
    pytest.param(
        # `steps` written as a mapping instead of a list.
        "wrong-type-steps.yaml",
        "wrong-type",
        "error",
        25,
        12,
        ("`steps` must be a list",),
        {"too-few"},
        id="wrong-type-steps",
    ),
    pytest.param(
        # `version: two` is not a whole number.
        "wrong-type-version.yaml",
        "wrong-type",
        "error",
        4,
        10,
        ("`version` must be a whole number", "`two`"),
        set(),
        id="wrong-type-version",
    ),
    pytest.param(
        # An outcome without `why`: reported at the outcome (its first key, line 34).
        "missing-key.yaml",
        "missing-key",
        "error",
        34,
        5,
        ("node `emergency` needs `why`",),
        set(),
        id="outcome-without-why",
    ),
    pytest.param(
        # `why` twice in one outcome; the message names the first one's line.
        "duplicate-key.yaml",
        "duplicate-key",
        "error",
        27,
        5,
        ("duplicate key `why`", "first at line 26"),
        set(),
        id="duplicate-key",
    ),
    pytest.param(
        # A node with both `ask` and `say`.
        "two-kinds.yaml",
        "node-kind",
        "error",
        15,
        5,
        ("both `ask` and `say`", "exactly one kind"),
        {"unreachable"},
        id="two-kinds",
    ),
    pytest.param(
        # `aks` instead of `ask`: no kind at all, and a suggestion.
        "no-kind.yaml",
        "node-kind",
        "error",
        15,
        5,
        ("node `first` has no kind", "did you mean `ask`?"),
        {"unreachable"},
        id="no-kind-aks",
    ),
    pytest.param(
        # An option key that is a number: numbers are given in order.
        "bad-key-digit.yaml",
        "bad-key",
        "error",
        18,
        14,
        ("option key `3`", "not a number"),
        set(),
        id="option-key-digit",
    ),
    pytest.param(
        # `b` is the interface's "back" key.
        "bad-key-reserved.yaml",
        "reserved-key",
        "error",
        18,
        14,
        ("option key `b`", "taken by the interface", "back in --plain"),
        set(),
        id="option-key-reserved",
    ),
    pytest.param(
        # `wait: 5 minutes` is not a duration.
        "bad-duration.yaml",
        "bad-duration",
        "error",
        24,
        11,
        ("`wait` must be a duration", "`5 minutes`"),
        {"unreachable"},
        id="bad-duration",
    ),
    pytest.param(
        # `"\e[31m..."`: a double-quoted escape puts ESC into the text.
        "control-escape.yaml",
        "control-character",
        "error",
        26,
        10,
        ("`why`", "U+001B"),
        set(),
        id="control-character-escape",
    ),
    pytest.param(
        # Unquoted `No` as a label.
        "yaml11-booleans.yaml",
        "yaml11-boolean",
        "warning",
        17,
        16,
        ("unquoted `No`", 'quote it: "No"'),
        {"yaml11-boolean"},
        id="yaml11-No",
    ),
    pytest.param(
        # Unquoted `on` as an alias.
        "yaml11-booleans.yaml",
        "yaml11-boolean",
        "warning",
        18,
        19,
        ("unquoted `on`", 'quote it: "on"'),
        {"yaml11-boolean"},
        id="yaml11-on",
    ),
    pytest.param(
        # Unquoted `off` as an alias.
        "yaml11-booleans.yaml",
        "yaml11-boolean",
        "warning",
        18,
        23,
        ("unquoted `off`", 'quote it: "off"'),
        {"yaml11-boolean"},
        id="yaml11-off",
    ),
    pytest.param(
        # Unquoted `yes` as a label.
        "yaml11-booleans.yaml",
        "yaml11-boolean",
        "warning",
        21,
        16,
        ("unquoted `yes`", 'quote it: "yes"'),
        {"yaml11-boolean"},
        id="yaml11-yes",
    ),
]


@pytest.mark.parametrize(
    ("name", "code", "severity", "line", "col", "fragments", "also"), LOADER_CASES
)
def test_each_mistake_is_reported_where_it_is(
    *,
    name: str,
    code: str,
    severity: str,
    line: int,
    col: int,
    fragments: tuple[str, ...],
    also: set[str],
) -> None:
    path = BROKEN / name
    problems = everything(read_flow(path))
    assert_reported_once(problems, path, (code, severity, line, col), fragments, also)


# --- files that cannot be read at all: FlowError with a place ----------------------

FATAL_CASES = [
    pytest.param(
        # `[Ring them once.` is never closed (line 25); libyaml notices on the next line.
        "yaml-syntax.yaml",
        "yaml-syntax",
        26,
        8,
        ("YAML syntax", "flow sequence"),
        id="unclosed-bracket",
    ),
    pytest.param(
        # A tab indents `why`: the hint says to use spaces.
        "tab-indent.yaml",
        "yaml-syntax",
        26,
        1,
        ("YAML syntax", "indent with spaces"),
        id="tab-indentation",
    ),
    pytest.param(
        # An anchor `&ring` on `steps`.
        "anchor.yaml",
        "anchor",
        25,
        12,
        ("anchors", "`&ring`"),
        id="anchor",
    ),
    pytest.param(
        # An alias `*ring` (with no anchor: rejected before anything resolves it).
        "alias.yaml",
        "alias",
        30,
        12,
        ("aliases", "`*ring`"),
        id="alias",
    ),
    pytest.param(
        # A `!!str` tag on `why`.
        "tag.yaml",
        "tag",
        26,
        10,
        ("tags", "not allowed"),
        id="tag",
    ),
    pytest.param(
        # A second document after `---` on line 38.
        "two-documents.yaml",
        "multiple-documents",
        38,
        1,
        ("one YAML document", "`---`"),
        id="second-document",
    ),
    pytest.param(
        # Nothing at all.
        "empty.yaml",
        "empty",
        1,
        1,
        ("empty",),
        id="empty-file",
    ),
    pytest.param(
        # Only comments and blank lines.
        "comments-only.yaml",
        "empty",
        1,
        1,
        ("no content",),
        id="comments-only",
    ),
    pytest.param(
        # A PNG header: NUL bytes.
        "binary.yaml",
        "binary",
        1,
        1,
        ("binary file",),
        id="binary",
    ),
    pytest.param(
        # Latin-1 `é` (0xE9) after "title: Caf" on line 3.
        "not-utf8.yaml",
        "not-utf8",
        3,
        11,
        ("0xe9", "UTF-8"),
        id="invalid-utf8",
    ),
    pytest.param(
        # The billion laughs: stopped at its first anchor.
        "billion-laughs.yaml",
        "anchor",
        2,
        4,
        ("`&a`",),
        id="billion-laughs",
    ),
]


@pytest.mark.parametrize(("name", "code", "line", "col", "fragments"), FATAL_CASES)
def test_files_that_cannot_be_read_raise_a_located_flow_error(
    name: str, code: str, line: int, col: int, fragments: tuple[str, ...]
) -> None:
    start = time.perf_counter()
    problem = fatal_file(name)
    assert time.perf_counter() - start < 1.0
    assert (problem.code, problem.severity) == (code, "error")
    assert (problem.mark.line, problem.mark.col) == (line, col)
    for fragment in fragments:
        assert fragment in problem.message
    assert PROBLEM_LINE.match(str(problem))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # A list of mappings at the top.
        ("top-level-list.yaml", "not a list"),
        # One plain value at the top.
        ("top-level-scalar.yaml", "not a single value"),
    ],
)
def test_a_document_that_is_not_a_mapping_is_no_flow(name: str, kind: str) -> None:
    loaded = read_flow(BROKEN / name)
    assert loaded.flow is None
    assert not loaded.ok
    [problem] = loaded.problems
    assert (problem.code, problem.severity) == ("wrong-type", "error")
    assert (problem.mark.line, problem.mark.col) == (2, 1)
    assert "must be a YAML mapping" in problem.message
    assert kind in problem.message


# --- hostile inputs: each fails fast with a located FlowError ------------------------


def _nested_block_mappings(depth: int) -> bytes:
    return "".join(" " * i + "a:\n" for i in range(depth)).encode()


HOSTILE_CASES = [
    pytest.param(
        # 100,000 open brackets: the C composer would segfault; we stop at depth 64.
        b"[" * 100_000,
        None,
        "too-deep",
        1,
        65,
        id="deep-open-brackets",
    ),
    pytest.param(
        # The same, closed again.
        b"[" * 100_000 + b"]" * 100_000,
        None,
        "too-deep",
        1,
        65,
        id="deep-closed-brackets",
    ),
    pytest.param(
        # 100,000 nested flow mappings `{a: {a: ...`: the 65th opens at column 257.
        b"{a: " * 100_000,
        None,
        "too-deep",
        1,
        257,
        id="deep-flow-mappings",
    ),
    pytest.param(
        # 1,000 nested block mappings: the 65th is on line 65.
        _nested_block_mappings(1_000),
        None,
        "too-deep",
        65,
        65,
        id="deep-block-mappings",
    ),
    pytest.param(
        # `- - - - ...`: compact nested block sequences.
        b"- " * 100_000 + b"x\n",
        None,
        "too-deep",
        1,
        129,
        id="deep-compact-sequences",
    ),
    pytest.param(
        # 50 MB against the default 1 MiB limit: refused before parsing.
        b"x" * 50_000_000,
        None,
        "too-large",
        1,
        1,
        id="50MB",
    ),
    pytest.param(
        # A small limit: 200 bytes is over 100.
        b"a: " + b"b" * 197,
        Limits(max_bytes=100),
        "too-large",
        1,
        1,
        id="over-small-size-limit",
    ),
    pytest.param(
        # 100 values against a limit of 50: the 51st value is at column 100.
        b"[" + b"1," * 100 + b"]",
        Limits(max_yaml_nodes=50),
        "too-many-nodes",
        1,
        100,
        id="too-many-values",
    ),
    pytest.param(
        # A raw ESC byte in the file (not an escape): refused where it is.
        b"flow: x\ntitle: \x1b[2J\n",
        None,
        "control-character",
        2,
        8,
        id="raw-control-character",
    ),
    pytest.param(
        # `&x [*x]`: an alias that would make a cycle.
        b"a: &x [*x]\n",
        None,
        "anchor",
        1,
        4,
        id="self-referencing-alias",
    ),
]


@pytest.mark.parametrize(("data", "limits", "code", "line", "col"), HOSTILE_CASES)
def test_hostile_input_fails_fast_with_a_located_error(
    data: bytes, limits: Limits | None, code: str, line: int, col: int
) -> None:
    problem, elapsed = fatal(data, limits)
    # A correctness bound against hangs, not a benchmark.
    assert elapsed < 1.0
    assert (problem.code, problem.severity) == (code, "error")
    assert (problem.mark.file, problem.mark.line, problem.mark.col) == ("hostile.yaml", line, col)
    assert PROBLEM_LINE.match(str(problem))


def test_size_limit_boundary() -> None:
    data = (VALID / "minimal.yaml").read_bytes()
    # Exactly at the limit: accepted.
    assert load_flow(data, limits=Limits(max_bytes=len(data))).ok
    # One byte over: refused, and the message gives both sizes.
    problem, _ = fatal(data, Limits(max_bytes=len(data) - 1))
    assert problem.code == "too-large"
    assert f"{len(data):,} bytes" in problem.message
    assert f"at most {len(data) - 1:,} bytes" in problem.message


def test_depth_limit_boundary() -> None:
    # 64 levels are allowed (a wrong-type problem, not a FlowError); 65 are not.
    loaded = load_flow(b"[" * 64 + b"]" * 64)
    assert loaded.flow is None
    assert [p.code for p in loaded.problems] == ["wrong-type"]
    problem, _ = fatal(b"[" * 65 + b"]" * 65)
    assert (problem.code, problem.mark.col) == ("too-deep", 65)


@pytest.mark.parametrize("depth", [65, 1_001, 10_000])
def test_too_deep_whichever_parser_notices_first(depth: int) -> None:
    # libyaml (PyYAML 6.0.4) refuses 1,000 levels in its scanner, ahead of our
    # builder; the person still gets our code at the bracket that crossed 64.
    problem, elapsed = fatal(b"[" * depth + b"]" * depth)
    assert (problem.code, problem.mark.line, problem.mark.col) == ("too-deep", 1, 65)
    assert elapsed < 1.0


def test_too_deep_when_every_parser_refuses_first(monkeypatch: pytest.MonkeyPatch) -> None:
    # A parser whose own limit is below ours: its error is still read as ours,
    # at the mark it gives, never as a YAML syntax error.
    import yaml

    from guide.flow import yamltree

    class Shallow(yaml.SafeLoader):
        def fetch_flow_collection_start(self, token_class: type) -> None:
            if self.flow_level >= 3:
                raise yaml.scanner.ScannerError(
                    "while increasing flow level",
                    None,
                    "exceeded maximum nesting depth",
                    self.get_mark(),
                )
            super().fetch_flow_collection_start(token_class)  # type: ignore[misc]  # PyYAML's scanner is untyped

    monkeypatch.setattr(yamltree, "_EventLoader", Shallow)
    monkeypatch.setattr(yaml, "SafeLoader", Shallow)
    problem, _ = fatal(b"a: [[[[1]]]]")
    assert (problem.code, problem.mark.line, problem.mark.col) == ("too-deep", 1, 7)


def test_read_flow_refuses_a_huge_file_without_reading_it_and_says_its_real_size(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    start = time.perf_counter()
    with pytest.raises(FlowError) as info:
        read_flow(path)
    assert time.perf_counter() - start < 1.0
    [problem] = info.value.problems
    assert (problem.code, problem.mark.line, problem.mark.col) == ("too-large", 1, 1)
    # The message must not state a wrong size: the file is 50,000,000 bytes, not
    # the 1,048,577 bytes read_flow stopped reading at.
    stated = re.search(r"the file is ([\d,]+) bytes", problem.message)
    assert stated is None or stated.group(1) == "50,000,000", problem.message


# --- problem messages are one clean line ------------------------------------------------


def test_a_key_with_control_characters_is_refused_where_it_is_and_never_echoed() -> None:
    # A double-quoted key made of terminal escape codes (retitle the window, clear the
    # screen): `check` prints messages to the terminal, so they must not carry them.
    problems = everything(read_flow(BROKEN / "control-in-key.yaml"))
    for problem in problems:
        assert not CONTROL.search(str(problem)), repr(str(problem))
    assert any(
        p.code == "control-character" and (p.mark.line, p.mark.col) == (5, 1) for p in problems
    ), problems


def test_a_multi_line_value_gives_a_one_line_message() -> None:
    # `version: |` with two lines: the message quotes the value, and a problem is
    # one line `file:line:col: error: message`, or editors lose the rest.
    problems = everything(read_flow(BROKEN / "multiline-value.yaml"))
    [problem] = problems
    assert (problem.code, problem.mark.line, problem.mark.col) == ("wrong-type", 4, 10)
    assert "\n" not in str(problem), str(problem)
    assert PROBLEM_LINE.match(str(problem))


def test_a_tag_with_escaped_control_characters_is_not_echoed() -> None:
    # `!<%1b%5b2J>` is a verbatim tag whose %-escapes decode to ESC [ 2 J.
    problem, _ = fatal(b"flow: x\ntitle: !<%1b%5b2J> X\n")
    assert (problem.code, problem.mark.line, problem.mark.col) == ("tag", 2, 8)
    assert not CONTROL.search(str(problem)), repr(str(problem))


# --- conditions ---------------------------------------------------------------------------


def test_one_fact_twice_in_a_condition_is_a_duplicate_key() -> None:
    # `when: {intent: accidental, intent: deliberate}` can never hold; like every
    # other mapping, a condition must not repeat a key.
    path = BROKEN / "duplicate-key-condition.yaml"
    problems = everything(read_flow(path))
    found = [p for p in problems if p.code == "duplicate-key"]
    assert len(found) == 1, problems
    assert (found[0].severity, found[0].mark.line, found[0].mark.col) == ("error", 42, 36)
    assert "`intent`" in found[0].message
    assert "first at line 42" in found[0].message


@pytest.mark.parametrize(
    ("name", "line"),
    [
        # `when: {intent: []}` on a route branch: the route is silently dropped,
        # and walking to it fails with "no node `which-way`".
        ("empty-condition-route.yaml", 42),
        # `when: {intent: []}` on an option: the condition is silently dropped and
        # the option is always offered.
        ("empty-condition-option.yaml", 21),
    ],
)
def test_a_condition_with_no_values_is_an_error(name: str, line: int) -> None:
    loaded = read_flow(BROKEN / name)
    problems = everything(loaded)
    located = [p for p in problems if p.severity == "error" and p.mark.line == line]
    assert located, problems
    assert "intent" in located[0].message
    assert located[0].mark.col in (16, 24)  # at the fact `intent` or at its empty `[]`


@pytest.fixture
def pure_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load as if PyYAML had been built without libyaml."""
    import yaml

    from guide.flow import yamltree

    monkeypatch.setattr(yamltree, "_EventLoader", yaml.SafeLoader)


def test_the_pure_parser_gives_the_same_flow_as_the_c_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # Where libyaml is missing the loader falls back to PyYAML's pure parser:
    # same nodes at the same marks, and no problems.
    import yaml

    from guide.flow import yamltree

    path = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "minimal.yaml"
    with_c = read_flow(path).flow
    monkeypatch.setattr(yamltree, "_EventLoader", yaml.SafeLoader)
    pure = read_flow(path)
    assert pure.ok and pure.problems == ()
    assert pure.flow is not None and with_c is not None
    assert [(k, n.mark) for k, n in pure.flow.nodes.items()] == [
        (k, n.mark) for k, n in with_c.nodes.items()
    ]


@pytest.mark.usefixtures("pure_parser")
@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"[" * 100_000, "too-deep"),  # the pure parser would hit RecursionError when composing
        (b"a: &x [1]\nb: *x\n", "anchor"),
        (b"a: [1, 2\n", "yaml-syntax"),
    ],
    ids=["deep", "anchor", "syntax"],
)
def test_the_pure_parser_fails_the_same_way(data: bytes, code: str) -> None:
    with pytest.raises(FlowError) as caught:
        load_flow(data, "pure.yaml")
    assert caught.value.problems[0].code == code
