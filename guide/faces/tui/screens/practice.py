"""Practice in the app: a situation, your walk without hints, then how it compared."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from guide.faces.plain.practice import score_words
from guide.faces.tui.screens.chat import ChatScreen
from guide.faces.tui.widgets.choices import Choices
from guide.flow.engine import Advice, Walk
from guide.flow.model import Flow, Say, Wait
from guide.flow.model import Input as InputNode
from guide.history.store import Store, StoreUnavailable
from guide.i18n.strings import S
from guide.library.flows import Library
from guide.practice.deck import (
    Deck,
    Judgement,
    NotJudged,
    Scenario,
    expert_inputs,
    expert_walk,
    judge,
    result_of,
)

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
        super().__init__(Walk(flow, library.resolver()), None)
        self.deck, self.flow, self.library = deck, flow, library
        self.results_store = store
        self.scenarios = scenarios
        self.index = 0
        self.judged = -1
        """The scenario last judged, so each is scored once."""
        self.total = 0.0
        self.expert_typed: dict[str, str] = {}

    def begin(self) -> None:
        self.title = S.practice_title.format(deck=self.deck.title)
        self.begin_scenario()

    def begin_scenario(self) -> None:
        scenario = self.scenarios[self.index]
        self.walk = Walk(self.flow, self.library.resolver())
        self.expert_typed = expert_inputs(self.flow, scenario, self.library.resolver())
        self.clear_transcript()
        self.say(
            S.practice_scenario.format(number=self.index + 1, total=len(self.scenarios)), "note"
        )
        self.say(scenario.situation, "guide")
        self.show_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in HINTS:
            return False
        if action in ("emergency", "back") and self.judged == self.index:
            return False  # the verdict is given: "next" is the way on
        return super().check_action(action, parameters)

    def show_step(self) -> None:
        """Names are filled in and timers skipped: practice is about judgement."""
        step = self.walk.current
        if isinstance(step, InputNode):
            self.walk.enter(self.expert_typed.get(step.id, ""))
            self.show_step()
        elif isinstance(step, (Say, Wait)):
            self.walk.proceed()
            self.show_step()
        else:
            super().show_step()

    def show_outcome(self, advice: Advice) -> None:
        if self.judged == self.index:
            return  # shown again (a resize, a re-render): judged and counted once only
        self.judged = self.index
        scenario = self.scenarios[self.index]
        expert, _ = expert_walk(self.flow, scenario, self.library.resolver())
        try:
            verdict = judge(scenario, self.walk, expert)
        except NotJudged:
            self.say(S.practice_not_scored, "note")
            self.offer_next()
            return
        self.total += verdict.score
        self.keep(verdict)
        transcript = self.query_one("#transcript", VerticalScroll)
        transcript.anchor(False)
        card = Static(
            verdict_content(verdict),
            classes="verdict" + (" -missed" if verdict.missed_emergency else ""),
        )
        transcript.mount(card)
        self.call_after_refresh(card.scroll_visible, top=True, animate=False)
        self.offer_next()

    def offer_next(self) -> None:
        """The way on after a scenario: the next one, or the round's score."""
        last = self.index + 1 >= len(self.scenarios)
        label = S.practice_see_score if last else S.practice_next
        self.query_one(Choices).offer((), (("next_scenario", f"{label}  (Enter)"),))

    def keep(self, verdict: Judgement) -> None:
        if self.results_store is None:
            return
        result = result_of(self.deck, verdict)
        try:
            self.results_store.add_result(result)
        except StoreUnavailable as exc:
            self.notify(str(exc), severity="warning", markup=False)

    def action_next_scenario(self) -> None:
        if not self.walk.finished:
            return
        self.index += 1
        if self.index < len(self.scenarios):
            self.begin_scenario()
            return
        self.clear_transcript()
        done = S.practice_round_done.format(score=f"{self.total:g}", total=len(self.scenarios))
        self.say(done, "guide")
        self.say(S.practice_kept, "note")
        self.query_one(Choices).offer((), (("restart_round", S.practice_again),))

    def action_restart_round(self) -> None:
        self.index, self.total, self.judged = 0, 0.0, -1
        self.begin_scenario()

    def start_from(self, node_id: str | None) -> None:
        """Never in practice: a walk begun part-way would be scored on answers not given."""
        if node_id is not None:
            self.notify(S.practice_map_off, markup=False)

    def action_restart(self) -> None:
        if self.judged == self.index:
            return  # already scored: go on with "next", not a second try at the same one
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
