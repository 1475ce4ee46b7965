"""The check-in in the app (issue 19): asked before the walk when one is due, each
answer by its key, skipped with one key, the emergency exit never behind it, and a
quiet notice (then F6) when one comes due while the app is open. The app's clock is
set by the test; nothing waits for real time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

import pytest
from textual.widgets import OptionList, Static

from guide.faces.tui.app import GuideApp
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.screens.check_in import CheckInScreen
from guide.faces.tui.screens.history import HistoryScreen
from guide.faces.tui.screens.transcript import TranscriptScreen
from guide.faces.tui.widgets.bubble import Bubble
from guide.flow.engine import Walk
from guide.history.store import Store
from tests.checkins import TO_CALL_BACK, TO_CALL_WORK, later, library, saved_walk
from tests.tui.conftest import Chat, running_app


@asynccontextmanager
async def app_at(
    store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[Chat]:
    """The app on the fixture flow, saving to `store`, its clock standing at `now`."""
    monkeypatch.setattr(GuideApp, "clock", staticmethod(lambda: now))
    found = library()
    walk = Walk(found.flows["checkin-walk"], found.resolver())
    async with running_app(walk, size, store=store, library=found) as chat:
        yield chat


def dialog_text(chat: Chat) -> str:
    screen = chat.app.screen
    assert isinstance(screen, CheckInScreen)
    texts = [str(s.render()) for s in screen.query(Static)]
    answers = screen.query_one(OptionList)
    labels = [str(answers.get_option_at_index(i).prompt) for i in range(answers.option_count)]
    return "\n".join(texts + labels)


@pytest.mark.parametrize(("size"), [(80, 24), (60, 20)])
async def test_asked_first_with_the_advice_and_the_name(
    store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=2), monkeypatch, size) as chat:
        shown = dialog_text(chat)
        assert "How did it go?" in shown
        assert "Last time the advice about Sam was: Call them back" in shown
        for words in ("It worked", "It didn't work", "I haven't done it yet", "Don't ask"):
            assert words in shown
        assert "s or Escape skips for now" in shown


async def test_not_due_yet_nothing_is_asked(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=1), monkeypatch) as chat:
        assert isinstance(chat.app.screen, ChatScreen)
        assert chat.asked()[-1] == "Take one breath first."


@pytest.mark.parametrize(
    ("key", "answer", "said"),
    [
        ("1", "worked", "Good to hear"),
        ("4", "dont-ask", "will not ask about this one again"),
    ],
)
async def test_an_answer_is_kept_then_the_walk_begins(
    store: Store, monkeypatch: pytest.MonkeyPatch, key: str, answer: str, said: str
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=3), monkeypatch) as chat:
        await chat.press(key)
        assert isinstance(chat.app.screen, ChatScreen)
        assert chat.asked()[-1] == "Take one breath first."
        assert any(said in n for n in chat.said())
    assert store.check_in(sid).answer == answer


async def test_enter_on_the_highlighted_answer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=3), monkeypatch) as chat:
        await chat.press("down", "enter")  # the second: it didn't work
        assert chat.walk.flow.id == "follow-up"
    assert store.check_in(sid).answer == "did-not-work"


async def test_not_yet_asks_again_an_interval_later(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = saved_walk(store, TO_CALL_WORK)
    now = later(store, sid, days=1)
    async with app_at(store, now, monkeypatch) as chat:
        await chat.press("3")
        assert any("ask again later" in n for n in chat.said())
    kept = store.check_in(sid)
    assert kept.open and kept.due_time() == now + timedelta(days=1)


async def test_it_did_not_work_goes_straight_on_to_the_follow_up(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=3), monkeypatch) as chat:
        await chat.press("2")
        assert chat.walk.flow.id == "follow-up"
        assert chat.asked()[-1] == "What happened?"
        await chat.press("1")
        assert "Send a short message" in chat.card_text("title")
    follow_up = next(s for s in store.sessions() if s.flow_id == "follow-up")
    assert follow_up.outcome == "send-a-message"


@pytest.mark.parametrize("key", ["s", "escape"])
async def test_one_key_skips_it_for_now(
    store: Store, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=3), monkeypatch) as chat:
        await chat.press(key)
        assert chat.asked()[-1] == "Take one breath first."
    assert store.check_in(sid).open


@pytest.mark.parametrize("key", ["exclamation_mark", "ctrl+e"])
async def test_the_emergency_exit_is_never_behind_it(
    store: Store, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=3), monkeypatch) as chat:
        await chat.press(key)
        await chat.until(lambda: chat.walk.finished)
        assert "Treat it as an emergency" in chat.card_text("title")
    assert store.check_in(sid).open  # asked another time


async def test_one_coming_due_while_open_is_noticed_then_f6_asks_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    opened = later(store, sid, hours=1, minutes=50)
    async with app_at(store, opened, monkeypatch) as chat:
        assert isinstance(chat.app.screen, ChatScreen)
        chat.app.look_for_check_ins()
        assert not any("check-in is due" in n for n in chat.said())
        monkeypatch.setattr(GuideApp, "clock", staticmethod(lambda: opened + timedelta(minutes=15)))
        chat.app.look_for_check_ins()
        chat.app.look_for_check_ins()  # once each
        await chat.pilot.pause()
        came = [n for n in chat.said() if "check-in is due" in n]
        assert came == ["A check-in is due: how did “Call them back” go? Press F6 to answer."]
        await chat.press("f6")
        assert isinstance(chat.app.screen, CheckInScreen)
        await chat.press("1")
        assert isinstance(chat.app.screen, ChatScreen)
    assert store.check_in(sid).answer == "worked"


async def test_the_history_view_shows_how_it_went(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = saved_walk(store, TO_CALL_BACK)
    async with app_at(store, later(store, sid, hours=3), monkeypatch) as chat:
        await chat.press("1")
        chat.app.action_history()
        await chat.pilot.pause()
        screen = chat.app.screen
        assert isinstance(screen, HistoryScreen)
        rows = screen.query_one(OptionList)
        shown = " ".join(str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count))
        assert "how it went: it worked" in shown
        await chat.press("enter")  # the walk, read-only
        assert isinstance(chat.app.screen, TranscriptScreen)
        notes = [str(b.content) for b in chat.app.screen.query(Bubble)]
        assert any("how it went: it worked" in n for n in notes)
