"""Diagrams and handouts of flows: every bundled flow, and one whose every text is hostile.

The Mermaid is read back by a small structural checker (every line a node, an arrow,
a class or a comment; ids defined once; labels that cannot end early); the DOT by
pydot, and drawn by Graphviz's `dot` where it is installed; the handout by
markdown-it (the parser Rich uses), so what is checked is what a reader sees.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pydot
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from guide.flow.model import Ask, Flow, Outcome, Say, Wait, successors
from guide.library.flows import bundled_flows, open_flow
from guide.render.diagram import ESCAPE_HUB, diagram, duration, reading_order
from guide.render.dot import dot_string, to_dot
from guide.render.handout import heading, md, to_handout
from guide.render.mermaid import mermaid_label, to_mermaid

# pydot's parser still calls pyparsing's camelCase names, deprecated since pyparsing 3.3.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot.dot_parser")
HOSTILE = Path(__file__).parent / "fixtures" / "graph" / "hostile.yaml"
FLOW_FILES = [*bundled_flows(), HOSTILE]
IDS = [path.stem for path in FLOW_FILES]


@pytest.fixture(scope="module", params=FLOW_FILES, ids=IDS)
def flow(request: pytest.FixtureRequest) -> Flow:
    return open_flow(request.param)


def flat(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Expected:
    """What any drawing of a flow must hold, worked out from the model alone."""

    boxes: int
    arrows: int
    hub: bool


def expected(flow: Flow) -> Expected:
    others: set[str] = set()
    arrows = 0
    targets = [t for node in flow.nodes.values() for t in successors(node)]
    hub = bool(flow.escape) and any(
        isinstance(n, Ask) and n.offers_escape for n in flow.nodes.values()
    )
    if hub:
        targets += [o.next for o in flow.escape]
    for target in targets:
        arrows += 1
        if target.flow not in (None, flow.id):
            others.add(str(target))
    return Expected(len(flow.nodes) + len(others) + hub, arrows, hub)


# --- Mermaid: a structural checker ----------------------------------------------------

MERMAID_ID = r"[A-Za-z][A-Za-z0-9_]*"
SHAPES = {"{{": "}}", "{": "}", "[[": "]]", "([": "])", "[": "]", ">": "]"}
NODE_LINE = re.compile(
    rf'^  (?P<id>{MERMAID_ID})(?P<open>\{{\{{|\{{|\[\[|\(\[|\[|>)"(?P<label>[^"]*)"(?P<close>[\]\}})]+)$'
)
ARROW_LINE = re.compile(
    rf'^  (?P<source>{MERMAID_ID}) (?P<link>-->|-\.->)(?:\|"(?P<label>[^"]*)"\|)? (?P<target>{MERMAID_ID})$'
)
CLASSDEF_LINE = re.compile(r"^  classDef \w+ [\w#:,.\- ]+$")
CLASS_LINE = re.compile(rf"^  class {MERMAID_ID}(?:,{MERMAID_ID})* \w+$")
ENTITY = re.compile(r"#(\w+);")
NAMED = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
# Words Mermaid's flowchart grammar reserves; an id equal to one breaks the chart.
RESERVED = {"end", "graph", "flowchart", "subgraph", "style", "class", "classDef", "click"}


@dataclass
class Chart:
    """A Mermaid flowchart read back: node labels by id, and arrows."""

    labels: dict[str, str]
    arrows: list[tuple[str, str, str, bool]]
    classes: dict[str, set[str]]


def unescape_mermaid(label: str) -> str:
    """A label as Mermaid shows it: entities decoded, `<br/>` as a space."""
    text = label.replace("<br/>", " ")
    return ENTITY.sub(lambda m: NAMED.get(m[1]) or chr(int(m[1])), text)


def check_label(label: str) -> None:
    """Nothing in a label can end it, open a shape or become markup (`<br/>` aside)."""
    bare = ENTITY.sub("", label.replace("<br/>", ""))
    assert not set(bare) & set('"[]{}|<>#&`\\'), label


def read_mermaid(text: str) -> Chart:
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    chart = Chart({}, [], {})
    for line in lines[1:]:
        if line.startswith("  %%") or CLASSDEF_LINE.match(line):
            continue
        if (m := CLASS_LINE.match(line)) is not None:
            ids, name = line.split()[1:]
            chart.classes.setdefault(name, set()).update(ids.split(","))
        elif (m := NODE_LINE.match(line)) is not None:
            assert SHAPES[m["open"]] == m["close"], line
            assert m["id"] not in chart.labels, f"defined twice: {line}"
            assert m["id"] not in RESERVED
            check_label(m["label"])
            chart.labels[m["id"]] = unescape_mermaid(m["label"])
        elif (m := ARROW_LINE.match(line)) is not None:
            check_label(m["label"] or "")
            label = unescape_mermaid(m["label"] or "")
            chart.arrows.append((m["source"], m["target"], label, m["link"] == "-.->"))
        else:
            pytest.fail(f"not a line of a flowchart: {line!r}")
    for source, target, _, _ in chart.arrows:
        assert source in chart.labels and target in chart.labels, (source, target)
    for members in chart.classes.values():
        assert members <= set(chart.labels)
    return chart


def test_mermaid_is_well_formed(flow: Flow) -> None:
    chart = read_mermaid(to_mermaid(flow))
    want = expected(flow)
    assert len(chart.labels) == want.boxes
    assert len(chart.arrows) == want.arrows
    assert {f"n_{node_id.replace('-', '_')}" for node_id in flow.nodes} <= set(chart.labels)


def test_mermaid_keeps_every_text(flow: Flow) -> None:
    """Escaping loses nothing: the labels read back are the flow's own words."""
    chart = read_mermaid(to_mermaid(flow))
    labels = set(chart.labels.values())
    arrow_labels = {label for _, _, label, _ in chart.arrows}
    for node in flow.nodes.values():
        if isinstance(node, Ask):
            assert flat(node.text) in labels
            for option in node.options:
                assert any(label.startswith(flat(option.label)) for label in arrow_labels)
        if isinstance(node, Outcome):
            assert flat(node.title) in labels


def test_mermaid_draws_the_escape_once(flow: Flow) -> None:
    chart = read_mermaid(to_mermaid(flow))
    dashed = [(s, t) for s, t, _, is_dashed in chart.arrows if is_dashed]
    assert len(dashed) == (len(flow.escape) if expected(flow).hub else 0)
    assert all(source == "any_question" for source, _ in dashed)
    emergencies = {f"n_{o.id.replace('-', '_')}" for o in flow.outcomes() if o.emergency}
    assert chart.classes.get("emergency", set()) == emergencies


def test_mermaid_links_to_other_flows_end_there() -> None:
    chart = read_mermaid(to_mermaid(open_flow(bundled_flows()[0])))
    assert chart.labels["ext_sales_start"] == "→ sales: start"
    assert not [a for a in chart.arrows if a[0] == "ext_sales_start"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a quote would end the label
        ('say "hi"', "say #quot;hi#quot;"),
        # brackets, braces and pipes would open a shape or an edge label
        ("[x] {y} | z", "#91;x#93; #123;y#125; #124; z"),
        # tags are shown, not obeyed; the hash of an entity code is escaped first
        ("<b>#1 &amp;", "#lt;b#gt;#35;1 #38;amp;"),
        # an arrow stays text; a backslash is escaped, or Mermaid would break the line at `\n`
        ("a --> b \\n", "a --#gt; b #92;n"),
        # long text is wrapped with <br/> before Mermaid's own wrapping would break it
        ("word " * 10, "word word word word word<br/>word word word word word"),
        # line breaks and runs of spaces become one space
        ("one\n two\t three", "one two three"),
    ],
)
def test_mermaid_label(text: str, label: str) -> None:
    assert mermaid_label([text]) == label


# --- DOT: pydot reads it, Graphviz draws it --------------------------------------------


def read_dot(text: str) -> pydot.Dot:
    graphs = pydot.graph_from_dot_data(text)
    assert graphs is not None and len(graphs) == 1
    return graphs[0]


def dot_nodes(graph: pydot.Dot) -> list[pydot.Node]:
    """The nodes declared, without the `node [...]` default statement pydot lists as one."""
    return [n for n in graph.get_nodes() if n.get_name() not in ("node", "edge", "graph")]


def unescape_dot(quoted: str) -> str:
    assert quoted.startswith('"') and quoted.endswith('"'), quoted
    body = quoted[1:-1]
    return re.sub(r"\\(.)", lambda m: " " if m[1] == "n" else m[1], body)


def test_dot_parses(flow: Flow) -> None:
    graph = read_dot(to_dot(flow))
    want = expected(flow)
    nodes = dot_nodes(graph)
    assert len(nodes) == want.boxes
    assert len(graph.get_edges()) == want.arrows
    names = {unescape_dot(n.get_name()) for n in nodes}
    assert set(flow.nodes) <= names
    assert (ESCAPE_HUB in names) == want.hub
    labels = {unescape_dot(n.get_name()): unescape_dot(n.get_label()) for n in nodes}
    for node in flow.nodes.values():
        if isinstance(node, Ask):
            assert labels[node.id] == flat(node.text)
        if isinstance(node, Outcome):
            assert labels[node.id] == flat(node.title)


def test_dot_shapes_and_dashes(flow: Flow) -> None:
    graph = read_dot(to_dot(flow))
    shapes = {unescape_dot(n.get_name()): n.get_shape() for n in dot_nodes(graph)}
    for node in flow.outcomes():
        assert shapes[node.id] == ("doubleoctagon" if node.emergency else "ellipse")
    dashed = [e for e in graph.get_edges() if e.get_style() == "dashed"]
    assert {unescape_dot(e.get_source()) for e in dashed} <= {ESCAPE_HUB}
    assert len(dashed) == (len(flow.escape) if expected(flow).hub else 0)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's `dot` is not installed")
def test_dot_renders(flow: Flow, tmp_path: Path) -> None:
    source = tmp_path / f"{flow.id}.dot"
    source.write_text(to_dot(flow), encoding="utf-8")
    drawn = subprocess.run(
        ["dot", "-Tsvg", str(source)], capture_output=True, text=True, timeout=60, check=False
    )
    assert drawn.returncode == 0, drawn.stderr
    assert "<svg" in drawn.stdout
    assert "Warning" not in drawn.stderr and "Error" not in drawn.stderr


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # plain text is just quoted
        ("plain", '"plain"'),
        # quotes and backslashes are escaped, backslash first
        ('say "hi" \\ there', '"say \\"hi\\" \\\\ there"'),
        # a backslash at the very end cannot swallow the closing quote
        ("end\\", '"end\\\\"'),
        # line breaks become \n, never a raw line break
        ("one\ntwo", '"one\\ntwo"'),
        # DOT's own escapes (\N, \G, \l) in flow text are shown, not obeyed
        ("\\N \\G \\l", '"\\\\N \\\\G \\\\l"'),
    ],
)
def test_dot_string(text: str, quoted: str) -> None:
    assert dot_string(text) == quoted


# --- the handout, as markdown-it reads it -------------------------------------------------


@dataclass
class Handout:
    """A handout read back: headings, plain text, link targets, and what HTML it holds."""

    headings: list[tuple[str, str]]
    text: str
    hrefs: dict[str, list[str]]
    """Link targets by the `##` section they are in ("" before the first)."""
    html: list[str]
    anchors: list[str]


def _words(tokens: list[Token]) -> str:
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline"))


def read_handout(text: str) -> Handout:
    tokens = MarkdownIt("commonmark").parse(text)
    read = Handout([], "", {}, [], [])
    blocks: list[str] = []
    section = ""
    for at, token in enumerate(tokens):
        if token.type == "html_block":
            read.html.append(token.content)
        if token.type != "inline" or token.children is None:
            continue
        children = token.children
        blocks.append(_words(children))
        if tokens[at - 1].type == "heading_open" and tokens[at - 1].tag == "h2":
            section = _words(children)
        hrefs = [str(c.attrs["href"]) for c in children if c.type == "link_open"]
        read.hrefs.setdefault(section, []).extend(hrefs)
        html = [c.content for c in children if c.type == "html_inline"]
        read.html += [h for h in html if not re.fullmatch(r'<a id="[a-z0-9-]+">|</a>', h)]
        read.anchors += [re.findall(r'id="([^"]+)"', h)[0] for h in html if "id=" in h]
        if tokens[at - 1].type == "heading_open":
            read.headings.append((tokens[at - 1].tag, _words(children)))
    read.text = "\n".join(blocks)
    return read


def test_handout_holds_every_node(flow: Flow) -> None:
    read = read_handout(to_handout(flow))
    order = reading_order(flow)
    assert read.headings[0] == ("h1", flat(flow.title))
    sections = [text for tag, text in read.headings if tag == "h2"]
    assert sections == ["Contents"] + [
        f"{number}. {flat(heading(flow.nodes[node_id]))}" for number, node_id in enumerate(order, 1)
    ]
    assert read.anchors == order  # node ids are already slugs
    assert not read.html, "flow text became HTML"
    every = {href for hrefs in read.hrefs.values() for href in hrefs}
    assert every <= {f"#{node_id}" for node_id in flow.nodes}
    assert read.hrefs["Contents"] == [f"#{node_id}" for node_id in order]


def test_handout_holds_every_text(flow: Flow) -> None:
    read = read_handout(to_handout(flow))
    blocks = set(read.text.splitlines())
    headings = {text for _, text in read.headings}
    for node in flow.nodes.values():
        if isinstance(node, Say | Wait):
            assert flat(node.text) in blocks
        if isinstance(node, Ask):
            assert any(h.endswith(f"Question: {flat(node.text)}") for h in headings)
            for option in node.options:
                assert any(b.startswith(flat(option.label) + " ") for b in blocks), option.label
            if node.help:
                assert flat(node.help) in blocks
        if isinstance(node, Outcome):
            for step in node.steps:
                assert flat(step) in blocks
            assert f"Why: {flat(node.why)}" in blocks
            for words in (node.script, node.text):
                assert not words or flat(words) in blocks
            source = flow.sources[node.source.article].title
            assert any(b.startswith(f"Source: {flat(source)}") for b in blocks)
            assert flat(node.source.section) in read.text


def test_reading_order(flow: Flow) -> None:
    """Start first; every node once; a node after each that leads to it, loops aside."""
    order = reading_order(flow)
    assert order[0] == flow.start
    assert sorted(order) == sorted(flow.nodes)
    place = {node_id: at for at, node_id in enumerate(order)}

    def reaches(a: str, b: str) -> bool:
        todo, seen = [a], set()
        while todo:
            here = todo.pop()
            if here == b:
                return True
            if here in seen or here not in flow.nodes:
                continue
            seen.add(here)
            todo += [t.node for t in successors(flow.nodes[here]) if t.flow in (None, flow.id)]
        return False

    for node_id, node in flow.nodes.items():
        for target in successors(node):
            if target.node in place and target.flow is None and not reaches(target.node, node_id):
                assert place[node_id] < place[target.node], (node_id, target.node)
    from_start = [n for n in order if reaches(flow.start, n)]
    assert order[: len(from_start)] == from_start


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        # a leading hash would be a heading; a hash anywhere may close one
        ("# not a heading #", "\\# not a heading \\#"),
        # a leading number and dot, or a dash, would start a list
        ("1. first", "1\\. first"),
        ("- item", "\\- item"),
        # pipes, brackets, stars and underscores would make tables, links, emphasis
        ("a | b [c](d) *e* _f_", "a \\| b \\[c\\](d) \\*e\\* \\_f\\_"),
        # tags and entities are shown as written
        ("<b> &amp;", "\\<b\\> &amp;amp;"),
        # a plain ampersand needs nothing
        ("Q & A", "Q & A"),
        # a backslash and a backtick are escaped too
        ("\\ `x`", "\\\\ \\`x\\`"),
    ],
)
def test_md(text: str, markdown: str) -> None:
    assert md(text) == markdown


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(30, "30s"), (300, "5m"), (90, "1m30s"), (3600, "1h"), (5400, "1h30m"), (0, "0s")],
)
def test_duration(seconds: int, text: str) -> None:
    assert duration(seconds) == text


def test_hostile_flow_links_out_and_computes() -> None:
    """The hostile fixture covers every node kind, so each is drawn somewhere above."""
    flow = open_flow(HOSTILE)
    kinds = {type(node).__name__ for node in flow.nodes.values()}
    assert kinds == {"Say", "Ask", "Wait", "Route", "Input", "Compute", "Goto", "Outcome"}
    boxes, _ = diagram(flow)
    assert {box.shape for box in boxes} >= {"ask", "route", "step", "compute", "goto", "other"}
