"""`graph` without a flow (the main one), `graph --format html` (a printable page that
needs nothing from outside), and `check NAME` (a flow's name instead of its file)."""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guide.flow.records import replace
from guide.library.flows import open_flow
from guide.render.html import to_html
from tests.helpers import guide, guide_env, refused

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "fixtures" / "graph" / "hostile.yaml"
BROKEN = REPO / "tests" / "fixtures" / "broken" / "unknown-target.yaml"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return guide(env or {**os.environ, "PYTHONIOENCODING": "utf-8"}, *args)


def test_graph_without_a_flow_draws_the_main_one() -> None:
    plain = run("graph")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == run("graph", "hang-up").stdout
    assert plain.stdout.startswith("# Someone hung up on me")
    assert (
        run("graph", "--format", "mermaid").stdout
        == run("graph", "hang-up", "--format", "mermaid").stdout
    )


class Tags(HTMLParser):
    """Every tag and attribute of a page, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_html_is_one_page_that_needs_nothing_from_outside() -> None:
    done = run("graph", str(HOSTILE), "--format", "html")
    assert done.returncode == 0, done.stderr
    page = done.stdout
    assert page.startswith("<!DOCTYPE html>")
    tags = parsed(page)
    names = {tag for tag, _ in tags.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base"}
    for tag, attrs in tags.tags:
        assert "src" not in attrs and not any(k.startswith("on") for k in attrs), tag
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    assert not re.search(r"@import|url\(|@font-face", page)
    anchors = {attrs["id"] for _, attrs in tags.tags if "id" in attrs}
    targets = {(attrs.get("href") or "")[1:] for _, attrs in tags.tags if attrs.get("href")}
    assert targets <= anchors  # every contents link lands in the page


def test_html_shows_flow_text_as_text() -> None:
    page = run("graph", str(HOSTILE), "--format", "html").stdout
    text = "".join(parsed(page).text)
    assert "<script>alert(1)</script>" in text  # shown, never run
    assert "<b>bold</b>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[not](a link)" in text  # flow text never becomes a link
    assert "https://example.invalid/a_b?c=[d]" in text  # a source's address, printed


def test_html_strips_control_characters() -> None:
    flow = replace(open_flow(HOSTILE), title="Esc\x1b[2Jape\x07", description="a\x9bb")
    page = to_html(flow)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", page)
    assert "<title>Esc[2Jape</title>" in page


def test_html_to_a_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    assert run("graph", "--format", "html", "-o", str(out)).returncode == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "already exists" in refused(run("graph", "--format", "html", "-o", str(out)), 1)


@pytest.mark.parametrize("name", ["sales", "hang-up"])
def test_check_takes_a_bundled_flows_name(name: str) -> None:
    done = run("check", name)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "checked 1 file(s): 0 error(s)" in done.stderr


def test_check_takes_your_own_flows_name_and_shows_its_problems(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "flows").mkdir(parents=True)
    (home / "flows" / "mine.yaml").write_bytes(BROKEN.read_bytes())
    done = run("check", "mine", env=guide_env(home))
    assert done.returncode == 1
    assert "error: there is no node `cal-back`" in done.stdout


def test_check_an_unknown_name_lists_the_flows() -> None:
    stderr = refused(run("check", "no-such-flow"), 2)
    assert "no flow named `no-such-flow`; the flows are: hang-up" in stderr
