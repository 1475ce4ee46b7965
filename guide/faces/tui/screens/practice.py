"""Practice in the app: a situation, your walk without hints, then how it compared."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from guide.faces.tui.screens.chat import ChatScreen
from guide.flow.model import Flow
from guide.flow.steps import Advice
from guide.history.store import PracticeResult, Store, StoreUnavailable
from guide.i18n.strings import S
from guide.library.flows import Library
from guide.practice.deck import Deck, Scenario
from guide.practice.judging import Judgement, score_words
from guide.practice.round import Judged, Round, State, Summary, Unscored, Walking, summary_words

HINTS = frozenset({"why", "question_help", "copy", "note", "flows", "map", "present"})
"""Actions practice leaves out: the learner answers without the expert's hints. The
map (and presenter mode's map) shows every outcome and could start a walk at one:
a round is scored on the learner's answers only."""


class PracticeScreen(ChatScreen):
    """One round of a deck; each scenario is a walk judged against the expert's."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [*super().key_bindings(), Binding("enter", "next_scenario", S.key_next, show=False)]

    def __init__(
        self,
        deck: Deck,
        flow: Flow,
        library: Library,
        store: Store | None,
        scenarios: list[Scenario],
    ) -> None:
        self.deck, self.results_store = deck, store
        self.round = Round(deck, flow, scenarios, library.resolver(), self.keep)
        super().__init__(self.round.walk, None)
        self.shown: State | None = None
        """The state last shown, so a re-render (a resize) does not show a verdict twice."""

    @property
    def total(self) -> float:
        """The round's score so far."""
        return self.round.score

    def begin(self) -> None:
        self.title = S.practice_title.format(deck=self.deck.title)
        self.begin_scenario()

    def begin_scenario(self) -> None:
        """Show the scenario the round is at: its number, its situation, the question."""
        state = self.round.current
        if not isinstance(state, Walking):
            return
        self.walk = self.round.walk
        self.clear_transcript()
        scenario = S.practice_scenario.format(number=state.number, total=state.total)
        self.say(scenario, "note", keep=True)  # in view all through the scenario
        self.say(state.scenario.situation, "guide", keep=True)
        self.show_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in HINTS:
            return False
        if action in ("emergency", "back", "restart") and not isinstance(
            self.round.current, Walking
        ):
            return False  # the verdict is given: "next" is the way on, not a second try
        if action == "back":
            return self.round.can_go_back()  # not to the scenario's opening, passed on its own
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        """Back to the learner's last answer, past the steps the round passes itself."""
        moves = self.walk.moves
        if self.round.back():
            self.show_went_back(moves[self.walk.depth])

    def show_step(self) -> None:
        """Names are filled in and timers skipped (the round does it): practice is about
        judgement."""
        self.round.settle()
        super().show_step()

    def show_outcome(self, advice: Advice) -> None:
        state = self.round.current
        if state is self.shown or not isinstance(state, (Judged, Unscored)):
            return  # shown again (a resize, a re-render): judged and counted once only
        self.shown = state
        if isinstance(state, Unscored):
            self.say(S.practice_not_scored, "note")
        else:
            transcript = self.transcript_view
            transcript.anchor(False)
            missed = " -missed" if state.verdict.missed_emergency else ""
            card = Static(verdict_content(state.verdict), classes="verdict" + missed)
            transcript.mount(card)
            self.call_after_refresh(card.scroll_visible, top=True, animate=False)
        self.offer_next(state.last)

    def offer_next(self, last: bool) -> None:
        """The way on after a scenario: the next one, or the round's score."""
        label = S.practice_see_score if last else S.practice_next
        self.choice_list.offer((), (("next_scenario", f"{label}  (Enter)"),))

    def keep(self, result: PracticeResult) -> None:
        """The round's listener: a judged scenario goes to the store, if there is one."""
        if self.results_store is None:
            return
        try:
            self.results_store.add_result(result)
        except StoreUnavailable as exc:
            self.notify(str(exc), severity="warning", markup=False)

    def action_next_scenario(self) -> None:
        if not isinstance(self.round.current, (Judged, Unscored)):
            return
        state = self.round.next()
        if isinstance(state, Summary):
            self.show_summary(state)
        else:
            self.begin_scenario()

    def show_summary(self, summary: Summary) -> None:
        """The round's score, that results are kept, and a way to practise again."""
        self.clear_transcript()
        self.say(summary_words(summary), "guide")
        self.say(S.practice_kept, "note")
        self.choice_list.offer((), (("restart_round", S.practice_again),))

    def action_restart_round(self) -> None:
        self.round.again()
        self.begin_scenario()

    def start_from(self, node_id: str | None) -> None:
        """Never in practice: a walk begun part-way would be scored on answers not given."""
        if node_id is not None:
            self.notify(S.practice_map_off, markup=False)

    def action_restart(self) -> None:
        if not isinstance(self.round.current, Walking):
            return  # already scored: go on with "next", not a second try at the same one
        self.round.retry()
        self.begin_scenario()


def verdict_content(verdict: Judgement) -> Content:
    """The learner's outcome beside the expert's, where they parted, and the score."""
    mine, expert = S.verdict_yours, S.verdict_experts
    width = max(len(mine), len(expert)) + 2
    parts: list[Content | str | tuple[str, str]] = [
        (mine.ljust(width), "bold"),
        verdict.yours,
        "\n",
        (expert.ljust(width), "bold"),
        verdict.experts,
        "\n",
    ]
    if verdict.missed_emergency:
        parts += ["\n", (S.verdict_missed, "bold reverse"), f" {S.verdict_missed_detail}\n"]
    if verdict.parting:
        p = verdict.parting
        labels = (S.verdict_you, S.verdict_expert, S.verdict_why)
        width = max(len(label) for label in labels) + 1
        you, them, why = (f"  {label.ljust(width)}" for label in labels)
        parts += ["\n", (f"{S.verdict_parted} ", "bold"), p.asked, "\n"]
        parts += [you, p.yours, "\n", them, p.experts, "\n"]
        if p.reason:
            parts += [why, p.reason, "\n"]
    parts += ["\n", (f"{S.verdict_score}  ", "bold"), score_words(verdict.score)]
    return Content.assemble(*parts)
