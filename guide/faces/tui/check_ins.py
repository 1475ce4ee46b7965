"""The app's part in check-ins: ask the one due before the walk, notice one that comes
due while the app is open (F6 or the palette answers it), and act on the answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.binding import Binding, BindingType

from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.widgets.worded import Worded
from guide.flow.engine import Walk
from guide.i18n.strings import S

if (
    TYPE_CHECKING
):  # the rest when a walk is kept: the first frame of one that is not waits for none of it
    from guide.faces.tui.screens.check_in import Reply
    from guide.history.checkins import CheckIn
    from guide.history.store import Store
    from guide.library.flows import Library


def utc_now() -> datetime:
    """`guide.checkin.asking.utc_now`, without importing check-ins and the store."""
    return datetime.now(UTC)


LOOK_EVERY = 30.0
"""Seconds between looks for a check-in that has come due while the app is open."""


class AsksCheckIns(Worded):
    """Put first among `GuideApp`'s bases: it gives the app F6 (answer the check-in due)."""

    if TYPE_CHECKING:
        store: Store | None
        library: Library | None
        walk: Walk
        presenting: bool

        def begin(self, walk: Walk) -> None: ...
        def warn(self, message: str) -> None: ...

    clock: Callable[[], datetime] = staticmethod(utc_now)
    """The time now (tests put a clock of their own here; nothing waits for real)."""
    said: str = ""
    """What the last answer brought, in words (the command prints it once the app closes)."""
    looking_since: datetime | None = None
    """When the app began to look for check-ins coming due (None: it does not look)."""

    @property
    def as_app(self) -> App[Any]:
        """This, as the Textual app it is mixed into."""
        return cast(App[Any], self)

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [Binding("f6", "check_in", S.key_check_in, show=False, id="check_in")]

    def asks_check_ins(self) -> bool:
        """Only a walk that saves, on a store, and not in front of a room."""
        return self.store is not None and not self.presenting

    def ask_check_in_first(self, then: Callable[[], None]) -> None:
        """Ask the check-in due, if one is, then `then` (unless it led elsewhere); from
        now on, notice any that comes due while the app is open."""
        if not self.asks_check_ins():
            then()
            return
        self.looking_since = self.clock()
        self.offered: set[int] = set()
        self.as_app.set_interval(LOOK_EVERY, self.look_for_check_ins)
        assert self.store is not None
        from guide.checkin.asking import due_check_in

        due = due_check_in(self.store, self.looking_since)
        if due is None:
            then()
        else:
            self.ask_check_in(due, then)

    def ask_check_in(self, check_in: CheckIn, then: Callable[[], None]) -> None:
        from guide.checkin.asking import finished_at
        from guide.faces.tui.screens.check_in import CheckInScreen

        assert self.store is not None
        finished = finished_at(self.store, check_in)
        self.as_app.push_screen(
            CheckInScreen(check_in, finished), lambda r: self.answered(check_in, r, then)
        )

    def answered(self, check_in: CheckIn, reply: Reply, then: Callable[[], None]) -> None:
        """Keep the answer; the follow-up walk after "It didn't work", the emergency
        steps after `!`, else on to `then`."""
        if reply == "emergency":
            self.emergency_now()
            return
        if reply is None:
            self.as_app.notify(S.check_in_skipped, markup=False)
            then()
            return
        from guide.checkin.asking import settle
        from guide.history.store import StoreUnavailable

        assert self.store is not None
        try:
            settled = settle(
                self.store, check_in, reply, library=self.library, now=self.clock(), tell=self.warn
            )
        except StoreUnavailable as exc:
            self.warn(str(exc))
            then()
            return
        self.said = settled.said
        self.as_app.notify(settled.said, markup=False, timeout=8)
        if settled.follow_up is not None:
            self.as_app.push_screen(ChatScreen(settled.follow_up, self.store))
        else:
            then()

    def emergency_now(self) -> None:
        """The emergency steps at once: in the walk on screen, else in a new one."""
        if not isinstance(self.as_app.screen, ChatScreen):
            self.begin(self.walk)
        chat = self.as_app.screen
        if isinstance(chat, ChatScreen):
            chat.call_after_refresh(chat.action_emergency)

    def look_for_check_ins(self) -> None:
        """A check-in that came due while the app is open: a quiet notice, once each."""
        if self.store is None or self.looking_since is None:
            return
        import sqlite3

        from guide.history.checkins import coming_due

        try:
            came = coming_due(self.store.check_ins(), self.looking_since, self.clock())
        except sqlite3.Error:  # a store another copy is busy with: look again next time
            return
        fresh = [c for c in came if c.session_id not in self.offered]
        if fresh:
            self.offered |= {c.session_id for c in fresh}
            shown = S.check_in_came_due.format(title=fresh[0].title)
            self.as_app.notify(shown, title=S.check_in_title, timeout=30, markup=False)

    def action_check_in(self) -> None:
        """F6, or the palette: answer the check-in due now."""
        from guide.checkin.asking import due_check_in
        from guide.faces.tui.screens.check_in import CheckInScreen

        due = (
            due_check_in(self.store, self.clock()) if self.asks_check_ins() and self.store else None
        )
        if due is None:
            self.as_app.notify(S.check_in_nothing_due, markup=False)
        elif not isinstance(self.as_app.screen, CheckInScreen):
            self.ask_check_in(due, lambda: None)
