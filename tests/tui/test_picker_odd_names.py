"""The flow picker lists a flow whose file name is not UTF-8 or holds an escape code
as one that cannot be opened, with the name escaped: no byte of it reaches the screen
as it is (the terminal would act on the escape code; the undecodable byte made the
screen fail to draw)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import OptionList

from guide.faces.tui.screens.picker import PickerScreen
from guide.flow.model import Flow
from guide.flow.yamltree import CONTROL
from guide.library.flows import FLOWS_ENV

from .conftest import ChatFactory

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "tiny.yaml"


async def test_odd_file_names_are_shown_escaped(
    chat: ChatFactory, hang_up: Flow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "flows"
    folder.mkdir()
    for number, name in enumerate((b"\xffodd", b"esc\x1b]0;pwned\x07")):
        path = os.path.join(os.fsencode(folder), name + b".yaml")
        with open(path, "wb") as handle:
            handle.write(TINY.read_bytes().replace(b"flow: tiny", f"flow: odd-{number}".encode()))
    monkeypatch.setenv(FLOWS_ENV, str(folder))
    async with chat(hang_up) as c:
        await c.press("ctrl+o")
        assert isinstance(c.app.screen, PickerScreen)
        flows = c.app.screen.query_one("#flow-list", OptionList)
        shown = [str(flows.get_option_at_index(i).prompt) for i in range(flows.option_count)]
        text = "\n".join(shown)
        assert "\\xffodd.yaml" in text and "esc\\x1b]0;pwned\\x07.yaml" in text
        assert CONTROL.search(text) is None
        assert not any("\ud800" <= char <= "\udfff" for char in text)
        assert "not UTF-8 or holds a control character" in text
        flows.scroll_end(animate=False)  # drawn on the screen too, without failing
        await c.pilot.pause()
        assert c.app.is_running
