"""The `wait` step: a countdown the person starts, snoozes or skips."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Static

from guide.faces.tui.widgets.countdown import SNOOZE, Countdown, clock
from guide.flow.model import Flow, Wait

from .conftest import Chat, ChatFactory, fixture_flow

CALLED_BACK = "Did they call you back?"


def countdown(c: Chat) -> Countdown:
    return c.app.screen.query_one(Countdown)


def clock_text(c: Chat) -> str:
    return str(countdown(c).query_one("#clock", Static).render())


def ring_counter(c: Chat, monkeypatch: pytest.MonkeyPatch) -> list[None]:
    """Count `app.bell()` calls instead of ringing."""
    rings: list[None] = []
    monkeypatch.setattr(c.app, "bell", lambda: rings.append(None))
    return rings


async def reach_the_wait(c: Chat) -> None:
    """Continue, "1" (it looked like an accident), "1" (only just): the wait for a call back."""
    await c.press("enter", "1", "1")
    assert isinstance(c.walk.current, Wait)


async def test_wait_shows_a_stopped_clock(chat: ChatFactory, hang_up: Flow) -> None:
    """The accident branch shows the wait's text, a 5:00 clock not yet running, and the
    Start, Snooze and Skip buttons; the answer list is hidden."""
    async with chat(hang_up) as c:
        await reach_the_wait(c)
        assert c.asked()[-1].startswith("If the line simply dropped")
        assert clock_text(c) == "⏱ 5:00   (not started)"
        buttons = [str(b.label) for b in c.app.screen.query(Button)]
        assert buttons == ["Start  (space)", "Snooze +2 min  (z)", "Skip  (s)"]
        assert not c.choices.display
        assert c.app.focused is c.app.screen.query_one("#start")


async def test_skip_asks_the_next_question(
    chat: ChatFactory, hang_up: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "s" skips the wait: the next question is asked at once, with no bell and no
    "time is up"."""
    async with chat(hang_up) as c:
        rings = ring_counter(c, monkeypatch)
        await reach_the_wait(c)
        await c.press("s")
        assert c.asked()[-1] == CALLED_BACK
        assert c.labels()[:2] == ["They called back", "Not yet"]
        assert not c.app.screen.query(Countdown)
        assert c.choices.display
        assert rings == []
        assert c.said() == []


async def test_skip_button_click(chat: ChatFactory, hang_up: Flow) -> None:
    """Clicking the Skip button does the same as "s"."""
    async with chat(hang_up) as c:
        await reach_the_wait(c)
        assert await c.pilot.click("#skip")
        await c.pilot.pause()
        assert c.asked()[-1] == CALLED_BACK


async def test_start_runs_the_clock(chat: ChatFactory, hang_up: Flow) -> None:
    """Space starts the clock; each second it ticks the shown time goes down."""
    async with chat(hang_up) as c:
        await reach_the_wait(c)
        await c.press("space")
        timer = countdown(c)
        assert timer.running
        # The button says so, and keeps focus: a second Enter does not snooze.
        start = c.app.screen.query_one("#start", Button)
        assert str(start.label) == "Running…"
        assert start.has_focus
        await c.press("enter")
        assert timer.remaining == timer.seconds
        # Drive the ticks by hand rather than waiting seconds for the real timer.
        before = timer.remaining
        for _ in range(3):
            timer.tick()
        assert timer.remaining == before - 3
        assert clock_text(c) == f"⏱ {clock(before - 3)}   (running)"
        assert clock(before - 3) < "5:00"


async def test_snooze_adds_two_minutes(chat: ChatFactory, hang_up: Flow) -> None:
    """ "z" adds two minutes and starts the clock."""
    async with chat(hang_up) as c:
        await reach_the_wait(c)
        await c.press("z")
        timer = countdown(c)
        assert timer.running
        assert timer.remaining in (300 + SNOOZE, 300 + SNOOZE - 1)  # a real tick may land
        assert clock_text(c) == f"⏱ {clock(timer.remaining)}   (running)"


async def test_time_up_rings_and_asks(
    chat: ChatFactory, hang_up: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the clock runs out the bell rings once, a notification says time is up, and
    the next question is asked."""
    async with chat(hang_up) as c:
        rings = ring_counter(c, monkeypatch)
        await reach_the_wait(c)
        await c.press("space")
        timer = countdown(c)
        while timer.remaining > 0:
            timer.tick()
        await c.pilot.pause()
        assert rings == [None]
        assert any(note.startswith("Time is up") for note in c.said())
        assert c.asked()[-1] == CALLED_BACK
        assert not c.app.screen.query(Countdown)


async def test_real_clock_runs_out(chat: ChatFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a one-second wait and the real timer: start, and a second later the bell rings
    and the next question is asked."""
    async with chat(fixture_flow("wait")) as c:
        rings = ring_counter(c, monkeypatch)
        assert clock_text(c) == "⏱ 0:01   (not started)"
        await c.press("space")
        await c.until(lambda: bool(c.asked()) and c.asked()[-1] == CALLED_BACK, timeout=3)
        # The notice is a message of its own: under load it can land a moment later.
        await c.until(lambda: bool(c.notes), timeout=3)
        assert rings == [None]
        assert [n.title for n in c.notes] == ["Wait over"]


async def test_restart_at_a_wait(chat: ChatFactory) -> None:
    """In a flow that starts with a wait, "r" at that wait shows one fresh, stopped clock
    (the old countdown must be gone before the new one is mounted)."""
    async with chat(fixture_flow("wait")) as c:
        await c.press("space")
        await c.press("ctrl+r", "y")
        assert c.app.is_running
        assert len(c.app.screen.query(Countdown)) == 1
        assert clock_text(c) == "⏱ 0:01   (not started)"
        assert c.asked() == ["Give them a second to ring back."]


async def test_wait_after_a_wait(chat: ChatFactory) -> None:
    """Skipping the first of two waits in a row shows the second wait's clock."""
    async with chat(fixture_flow("two-waits")) as c:
        assert clock_text(c) == "⏱ 1:00   (not started)"
        await c.press("s")
        assert c.app.is_running
        assert c.asked()[-1] == "Wait two more minutes."
        assert len(c.app.screen.query(Countdown)) == 1
        assert clock_text(c) == "⏱ 2:00   (not started)"
        await c.press("s")
        assert c.asked()[-1] == CALLED_BACK


async def test_number_keys_do_nothing_during_a_wait(chat: ChatFactory, hang_up: Flow) -> None:
    """During the countdown no answers are shown, so "2" must not pick anything: no
    "You" bubble, no error, the wait goes on."""
    async with chat(hang_up) as c:
        await reach_the_wait(c)
        before = c.bubbles()
        await c.press("2")
        assert c.bubbles() == before, "a stale answer of the previous question was picked"
        assert c.said("error") == []
        assert isinstance(c.walk.current, Wait)
