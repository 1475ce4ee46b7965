"""What the app remembers and how it tells the time: a theme chosen in the palette is
in settings.toml (with the person's other settings and comments kept) and the next
start uses it; saved walks show local time in words and "1 step", "2 steps", in the
app, in `hangup-guide history` and in an export."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import OptionList

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.history import HistoryScreen
from guide.faces.tui.screens.resume import ResumeScreen
from guide.faces.tui.screens.transcript import TranscriptScreen
from guide.flow.engine import Walk
from guide.flow.model import Flow
from guide.history.store import Store
from guide.library.flows import Library, resolver
from tests.helpers import config_dir
from tests.helpers import guide as run_guide

from .conftest import Chat, saved_walk
from .test_small_screens import visible

REPO = Path(__file__).resolve().parents[2]
ZONE = "Asia/Kathmandu"
"""UTC+05:45: no clock time there is ever the same as in UTC."""
FINISHED = ("", "2", "1", "1", "1", "1")
"""Continue, in anger, family, nothing tried, not urgent, still shaken: an outcome."""

SETTINGS = """\
# My settings, written by hand.
save = true   # keep my walks
language = ""
"""


@pytest.fixture
def in_kathmandu(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZoneInfo]:
    """The local time zone is UTC+05:45 for this test (and its subprocesses)."""
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()
    yield ZoneInfo(ZONE)
    monkeypatch.undo()
    time.tzset()


def clocks(stamp: str, zone: ZoneInfo) -> tuple[str, str]:
    """A stored time as a local clock and as a UTC clock (never the same here)."""
    moment = datetime.fromisoformat(stamp)
    return moment.astimezone(zone).strftime("%H:%M"), moment.strftime("%H:%M")


def day_word(stamp: str, zone: ZoneInfo) -> str:
    local = datetime.fromisoformat(stamp).astimezone(zone).date()
    return "today" if local == datetime.now(zone).date() else "yesterday"


# --- the theme ----------------------------------------------------------------------------


async def choose_theme(pilot: Pilot[None], name: str) -> None:
    """Ctrl+P, "theme", Enter, the theme's name, Enter: as a person picks one."""
    await pilot.press("ctrl+p")
    await pilot.press(*"theme")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_theme_chosen_in_the_palette_is_used_next_time(hang_up: Flow) -> None:
    settings = config_dir(os.environ) / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(SETTINGS, encoding="utf-8")
    app = make_app(Walk(hang_up, resolver([hang_up])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme != "nord"
        await choose_theme(pilot, "nord")
        assert not isinstance(app.screen, CommandPalette)
        assert app.theme == "nord"
    written = settings.read_text(encoding="utf-8")
    assert written == SETTINGS + 'theme = "nord"\n'  # the rest as the person wrote it
    again = make_app(Walk(hang_up, resolver([hang_up])))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
        await choose_theme(pilot, "gruvbox")
        assert again.theme == "gruvbox"
    assert settings.read_text(encoding="utf-8") == SETTINGS + 'theme = "gruvbox"\n'


async def test_a_settings_file_that_cannot_be_read_is_left_alone(hang_up: Flow) -> None:
    """A file with a mistake in it is not overwritten: the theme works for this run,
    and the person is told it could not be remembered."""
    settings = config_dir(os.environ) / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("save = tru\n", encoding="utf-8")
    told: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            told.append(message.notification.message)

    app = make_app(Walk(hang_up, resolver([hang_up])))
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        await choose_theme(pilot, "nord")
        assert app.theme == "nord"
        assert any(t.startswith("The theme could not be remembered: ") for t in told), told
    assert settings.read_text(encoding="utf-8") == "save = tru\n"


# --- times and counts ---------------------------------------------------------------------


@pytest.mark.parametrize(("replies", "done"), [(("",), "1 step"), (("", "2"), "2 steps")])
async def test_the_resume_dialog_says_steps_and_local_time(
    hang_up: Flow, library: Library, in_kathmandu: ZoneInfo, replies: tuple[str, ...], done: str
) -> None:
    store = Store.open(Path(os.environ["HANGUP_GUIDE_HOME"]) / "s.db")
    try:
        sid = saved_walk(store, hang_up, library, *replies)
        updated = store.session(sid).updated
        local, utc = clocks(updated, in_kathmandu)
        app = make_app(Walk(hang_up, library.resolver()), store=store, library=library)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ResumeScreen)
            when = f"{day_word(updated, in_kathmandu)}, {local}"
            assert f"Someone hung up on me: {done} done so far, last {when}." in visible(app)
            assert utc not in visible(app) and "UTC" not in visible(app)
            assert "step(s)" not in visible(app)
    finally:
        store.close()


async def test_history_and_a_saved_walk_show_local_time(
    hang_up: Flow, library: Library, tmp_path: Path, in_kathmandu: ZoneInfo
) -> None:
    store = Store.open(tmp_path / "s.db")
    try:
        sid = saved_walk(store, hang_up, library, *FINISHED)
        session = store.session(sid)
        app = make_app(Walk(hang_up, library.resolver()), store=store, library=library)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            c = Chat(app, pilot)
            app.action_history()
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            local, utc = clocks(session.updated, in_kathmandu)
            rows = app.screen.query_one(OptionList)
            shown = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
            row = next(r for r in shown if "· finished" in r)  # (the walk just begun is first)
            assert row.startswith(f"{day_word(session.updated, in_kathmandu)}, {local}  "), row
            assert utc not in row
            await c.press(*["down"] * shown.index(row), "enter")
            assert isinstance(app.screen, TranscriptScreen)
            local, utc = clocks(session.started, in_kathmandu)
            started = f"started {day_word(session.started, in_kathmandu)}, {local} · finished"
            assert started in visible(app)
            assert utc not in visible(app) and "UTC" not in visible(app)
    finally:
        store.close()


def test_the_history_command_and_export_show_local_time(
    hang_up: Flow, library: Library, tmp_path: Path, in_kathmandu: ZoneInfo
) -> None:
    """`hangup-guide history` and `export --format md` in a terminal set to UTC+05:45."""
    home = tmp_path / "home"
    home.mkdir()
    store = Store.open(home / "sessions.db")
    try:
        sid = saved_walk(store, hang_up, library, *FINISHED)
        session = store.session(sid)
    finally:
        store.close()
    env = {**os.environ, "HANGUP_GUIDE_HOME": str(home), "PYTHONPATH": str(REPO)}

    def guide(*args: str) -> str:
        done = run_guide(env, *args)
        assert done.returncode == 0, done.stderr
        return done.stdout

    listed = guide("history")
    header, row = listed.splitlines()
    assert header.split()[:2] == ["ID", "WHEN"] and "(UTC)" not in header
    local, utc = clocks(session.updated, in_kathmandu)
    assert f"{day_word(session.updated, in_kathmandu)}, {local}" in row
    assert utc not in row
    exported = guide("export", str(sid), "--format", "md")
    started = datetime.fromisoformat(session.started).astimezone(in_kathmandu)
    when = f"{started.day} {started:%b %Y, %H:%M}"  # a date, not "today" (C locale here)
    assert f"Walk {sid}, started {when}, finished." in exported
    # programs still get the exact time, in UTC
    assert f'"started": "{session.started}"' in guide("export", str(sid), "--format", "json")
