"""The flow picker over a library with flows of the person's own: "f" lists them after
the bundled ones, marked as theirs; a file that cannot be opened is listed, greyed out,
with its problem; picking one of theirs starts a walk of it.

The person's folders are temp copies of tests/fixtures/library/ (see
tests/cli/test_library.py): `HANGUP_GUIDE_HOME` (set for each test by conftest) holds
the folder of flows and `HANGUP_GUIDE_FLOWS` names one more, both before the app is built.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList

from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.picker import PickerScreen
from guide.flow.model import Flow
from guide.library.flows import FLOWS_ENV, bundled_flows
from tests.helpers import config_dir

from .conftest import ChatFactory

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"


@pytest.fixture
def own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The person's config folder of flows, with extra-a in HANGUP_GUIDE_FLOWS."""
    config = config_dir(os.environ) / "flows"
    shutil.copytree(LIBRARY / "config", config)
    extra = shutil.copytree(LIBRARY / "extra-a", tmp_path / "extra-a")
    monkeypatch.setenv(FLOWS_ENV, str(extra))
    return config


def rows(flows: OptionList) -> list[tuple[str, bool]]:
    """Each row of the picker as shown, and whether it is greyed out."""
    return [
        (str(flows.get_option_at_index(i).prompt), flows.get_option_at_index(i).disabled)
        for i in range(flows.option_count)
    ]


async def test_the_picker_lists_your_flows_and_the_broken_one(
    chat: ChatFactory, hang_up: Flow, own: Path
) -> None:
    async with chat(hang_up) as c:
        await c.press("ctrl+o")
        assert isinstance(c.app.screen, PickerScreen)
        shown = rows(c.app.screen.query_one("#flow-list", OptionList))
        bundled = len(bundled_flows())
        # The bundled flows first, none of them marked as the person's.
        assert all(not disabled and "your flow" not in text for text, disabled in shown[:bundled])
        assert shown[0][0].startswith("Someone hung up on me  (hang-up)")
        # The good flow: title, id, "your flow", and its description; it can be picked.
        [mine] = [row for row in shown if "(my-flow)" in row[0]]
        text, disabled = mine
        assert text.startswith("My own little flow  (my-flow)  · your flow")
        assert "A flow of my own, to try the library." in text
        assert not disabled
        # The broken file: by its file name, greyed out, with where it goes wrong.
        [broken] = [row for row in shown if row[0].startswith("broken.yaml")]
        text, disabled = broken
        assert disabled
        assert "your flow" in text
        assert f"cannot be opened: broken: {own / 'broken.yaml'}:9:28: error: YAML syntax" in text
        # The two duplicates are greyed out too, each saying it is one.
        duplicates = [row for row in shown if "cannot be opened: duplicate" in row[0]]
        assert len(duplicates) == 2
        assert all(disabled for _, disabled in duplicates)
        await c.press("escape")
        assert isinstance(c.app.screen, ChatScreen)


async def test_picking_your_flow_starts_a_walk_of_it(
    chat: ChatFactory, hang_up: Flow, own: Path
) -> None:
    async with chat(hang_up) as c:
        await c.press("ctrl+o")
        picker = c.app.screen
        assert isinstance(picker, PickerScreen)
        flows = picker.query_one("#flow-list", OptionList)
        assert c.app.focused is flows
        target = next(i for i, (text, _) in enumerate(rows(flows)) if "(my-flow)" in text)
        # Down the list as a person would; the greyed-out broken row is passed over.
        for _ in range(flows.option_count):
            if flows.highlighted == target:
                break
            await c.press("down")
            assert not flows.get_option_at_index(flows.highlighted or 0).disabled
        assert flows.highlighted == target
        await c.press("enter")
        assert isinstance(c.app.screen, ChatScreen)
        assert c.walk.flow.id == "my-flow"
        assert c.walk.flow.path == str(own / "my-flow.yaml")
        assert c.screen.title == "My own little flow"
        # Its first question, with its answers.
        assert c.asked() == ["Is this flow one of your own?"]
        assert c.labels()[:2] == ["Yes, I wrote it", "No, someone else did"]
        # And it walks: "1" reaches its outcome.
        await c.press("1")
        await c.until(lambda: c.walk.finished)
        assert "Keep using your own flow" in c.card_text("title")
