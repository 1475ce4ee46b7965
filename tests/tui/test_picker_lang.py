"""The flow picker groups flows by language (`lang:`) when there is more than one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.picker import PickerScreen, grouped
from guide.flow.engine import Walk
from guide.library.flows import open_flow, scan

GERMAN = """\
flow: aufgelegt
title: Jemand hat aufgelegt
version: 1
lang: de
start: frage
sources: {eigen: {title: Eigene Hinweise}}
escape:
  - {label: Das könnte ein Notfall sein, key: "!", next: notfall}
nodes:
  frage:
    ask: War es ein Versehen?
    options:
      - {label: "Ja", next: anrufen}
      - {label: "Nein", next: warten}
  anrufen:
    outcome: Zurückrufen
    steps: [Einmal anrufen.]
    why: Ein abgebrochenes Gespräch ist niemandes Schuld.
    source: {article: eigen}
  warten:
    outcome: Abwarten
    steps: [Später schreiben.]
    why: Im Ärger hilft ein zweiter Anruf selten.
    source: {article: eigen}
  notfall:
    outcome: Notfall
    steps: [Den Notruf wählen, wenn jemand in Gefahr sein könnte.]
    why: Sicherheit geht vor.
    source: {article: eigen}
"""


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "aufgelegt.yaml").write_text(GERMAN, encoding="utf-8")
    monkeypatch.setenv("HANGUP_GUIDE_FLOWS", str(folder))
    return folder / "aufgelegt.yaml"


def test_one_language_needs_no_headings() -> None:
    entries = scan().entries
    assert grouped(entries) == entries


def test_two_languages_are_grouped_under_headings(german: Path) -> None:
    rows = grouped(scan().entries)
    headings = [r for r in rows if isinstance(r, str)]
    assert headings == ["— en —", "— de —"]
    german_at = rows.index("— de —")
    assert [getattr(r, "name", r) for r in rows[german_at + 1 :]] == ["aufgelegt"]


async def test_the_picker_shows_the_headings_and_opens_a_flow_under_one(german: Path) -> None:
    flow = open_flow(german)
    app = make_app(Walk(flow))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("ctrl+o")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        options = picker.query_one("#flow-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0] == "— en —"
        assert options.get_option_at_index(0).disabled
        index = prompts.index("— de —") + 1
        assert prompts[index].startswith("Jemand hat aufgelegt")
        options.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.walk.flow.id == "aufgelegt"  # type: ignore[attr-defined]  # the chat screen is showing
