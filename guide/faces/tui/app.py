"""GuideApp: the Textual app. Thin: it holds the chat screen and the palette commands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from guide.faces.tui.check_ins import AsksCheckIns
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.theme import RemembersTheme
from guide.flow.engine import Walk
from guide.flow.startpoints import needed_facts
from guide.i18n.strings import S

# Only the chat is needed for the first frame: every other screen, the store and the
# decks are imported when first used (they cost the first question about 25 ms).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from guide.history.checkins import CheckIn
    from guide.history.store import Event, Session, Store
    from guide.library.flows import Library
    from guide.practice.deck import Deck

PALETTE = (
    "emergency",
    "back",
    "restart",
    "why",
    "question_help",
    "copy",
    "note",
    "flows",
    "map",
    "history",
    "practice",
    "keys",
)
"""The actions in the command palette, in order; each is named by `S.palette_<action>`
and described by `S.palette_<action>_help`."""


class GuideApp(AsksCheckIns, RemembersTheme):
    """The chat over one `Walk`, saved to `store` when there is one; styles in app.tcss."""

    CSS_PATH = "app.tcss"

    def __init__(
        self,
        walk: Walk,
        *,
        store: Store | None = None,
        library: Library | None = None,
        notes: Sequence[str] = (),
        presenting: bool = False,
        watching: Path | None = None,
        check_in: CheckIn | None = None,
    ) -> None:
        super().__init__()
        self.title = S.app_title
        self.check_in_now = check_in
        """`hangup-guide check-in` at a terminal: ask this one, then close (unless its
        answer leads to a walk)."""
        self.walk = walk
        self.presenting = presenting
        self.watching = watching
        self.store = store
        """Where walks are saved; None when not saving (--no-save, or unavailable)."""
        self.library = library
        self.notes = list(notes)

    def on_mount(self) -> None:
        self.use_remembered_theme()
        for note in self.notes:
            self.notify(note, title=S.app_title, severity="warning", timeout=10, markup=False)
        if self.check_in_now is not None:
            self.ask_check_in(self.check_in_now, self.exit)
            return
        if self.walk.start is not None:
            self.ask_start_facts()
            return
        self.ask_check_in_first(self.offer_resume)

    def offer_resume(self) -> None:
        """Offer the walk left unfinished, if there is one; else begin this one."""
        if self.store is None or self.library is None:
            self.begin(self.walk)
            return
        from guide.faces.tui.screens.resume import ResumeScreen
        from guide.history.recorder import pending, resume, set_aside

        left = pending(self.store, self.library.flows)
        if left is None:
            self.begin(self.walk)
            return
        session, flow = left

        def answered(go_on: bool | None) -> None:
            assert self.store is not None and self.library is not None
            if not go_on:
                set_aside(self.store, session.id, self.warn)
                self.begin(self.walk)
                return
            back = resume(session, flow, self.store, self.library.resolver(), self.warn)
            if back.flow_changed:
                changed = S.flow_changed.format(kept=back.applied, total=back.total)
                self.notify(changed, markup=False, timeout=10)
            self.push_screen(ChatScreen(back.walk, self.store, replayed=True))

        self.push_screen(ResumeScreen(session), answered)

    def warn(self, message: str) -> None:
        """Tell the person something went wrong with saving; the walk goes on."""
        self.notify(message, title=S.app_title, severity="warning", timeout=10, markup=False)

    def ask_start_facts(self) -> None:
        """`--start NODE`: ask for the facts its branch depends on that were not given."""
        walk = self.walk
        assert walk.start is not None
        missing = {
            fact: values
            for fact, values in needed_facts(walk.flow, walk.start).items()
            if fact not in walk.given
        }
        if not missing:
            self.begin(walk)
            return

        def chosen(facts: dict[str, str] | None) -> None:
            given = {**walk.given, **(facts or {})}
            self.begin(Walk(walk.flow, walk.resolve, start=walk.start, given=given))

        from guide.faces.tui.screens.facts import FactsScreen

        self.push_screen(FactsScreen(walk.flow, walk.start, missing), chosen)

    def begin(self, walk: Walk) -> None:
        """A new walk on the chat screen, saved from its first step."""
        if self.store is not None and walk.listener is None:
            from guide.history.recorder import start_saving

            start_saving(walk, self.store, self.warn)
        self.push_screen(
            ChatScreen(walk, self.store, presenting=self.presenting, watching=self.watching)
        )

    def action_history(self) -> None:
        presenting = isinstance(self.screen, ChatScreen) and self.screen.presenting
        if self.presenting or presenting:
            self.notify(S.chat_history_hidden, markup=False)
        elif self.store is not None:
            from guide.faces.tui.screens.history import HistoryScreen

            self.push_screen(HistoryScreen(self.store))
        else:
            self.notify(S.chat_history_off, markup=False)

    def action_practice(self) -> None:
        """Pick a deck and practise, from inside the guide."""
        from guide.faces.tui.screens.decks import DeckScreen
        from guide.faces.tui.screens.practice import PracticeScreen
        from guide.library.decks import load_decks
        from guide.library.flows import scan

        library = self.library or scan()
        decks, _ = load_decks(library)

        def start(deck: Deck | None) -> None:
            if deck is not None:
                flow = library.flows[deck.flow]
                self.push_screen(PracticeScreen(deck, flow, library, self.store, deck.shuffled()))

        self.push_screen(DeckScreen(decks), start)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from guide.faces.tui.screens.practice import PracticeScreen

        yield from super().get_system_commands(screen)
        if isinstance(screen, ChatScreen) and not isinstance(screen, PracticeScreen):
            for action in PALETTE:
                title = getattr(S, f"palette_{action}")
                help_text = getattr(S, f"palette_{action}_help")
                if action in ("history", "practice"):
                    yield SystemCommand(title, help_text, getattr(self, f"action_{action}"))
                elif screen.check_action(action, ()):
                    yield SystemCommand(title, help_text, getattr(screen, f"action_{action}"))
            if self.asks_check_ins():
                yield SystemCommand(
                    S.palette_check_in, S.palette_check_in_help, self.action_check_in
                )


class TranscriptApp(RemembersTheme):
    """`hangup-guide history ID`: one saved walk, read-only."""

    CSS_PATH = "app.tcss"

    def __init__(
        self, session: Session, events: list[Event], check_in: CheckIn | None = None
    ) -> None:
        super().__init__()
        self.title = S.app_title
        self.session = session
        self.events = events
        self.check_in = check_in

    def on_mount(self) -> None:
        from guide.faces.tui.screens.transcript import TranscriptScreen

        self.use_remembered_theme()
        self.push_screen(TranscriptScreen(self.session, self.events, self.check_in))


class PracticeApp(RemembersTheme):
    """`hangup-guide practice`: pick a deck (unless one was named), then a round."""

    CSS_PATH = "app.tcss"

    def __init__(
        self,
        decks: list[Deck],
        library: Library,
        store: Store | None,
        *,
        deck: str | None,
        seed: int | None,
        count: int | None,
    ) -> None:
        super().__init__()
        self.title = S.app_practice_title
        self.decks, self.library, self.store = decks, library, store
        self.wanted, self.seed, self.count = deck, seed, count

    def on_mount(self) -> None:
        self.use_remembered_theme()
        from guide.faces.tui.screens.decks import DeckScreen

        chosen = next((d for d in self.decks if self.wanted in (d.id, d.path)), None)
        if chosen is not None:
            self.start(chosen)
        else:
            self.push_screen(DeckScreen(self.decks), self.start)

    def start(self, deck: Deck | None) -> None:
        if deck is None:
            self.exit()
            return
        from guide.faces.tui.screens.practice import PracticeScreen

        scenarios = deck.shuffled(self.seed)[: self.count or None]
        flow = self.library.flows[deck.flow]
        self.push_screen(PracticeScreen(deck, flow, self.library, self.store, scenarios))


def make_practice_app(
    decks: list[Deck],
    library: Library,
    store: Store | None,
    *,
    deck: str | None = None,
    seed: int | None = None,
    count: int | None = None,
) -> PracticeApp:
    return PracticeApp(decks, library, store, deck=deck, seed=seed, count=count)


make_app = GuideApp
"""The one factory the CLI and the tests use: the app itself, so its arguments are
written once (they were copied here, and each new one had to be added twice)."""


def make_transcript_app(
    session: Session, events: list[Event], check_in: CheckIn | None = None
) -> TranscriptApp:
    return TranscriptApp(session, events, check_in)
