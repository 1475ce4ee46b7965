"""Practice with the contact-centre deck: the verdict shows the outcome titles as the
learner and the expert saw them, with the abandonment rate each worked out (issue 17)."""

from __future__ import annotations

from guide.flow.engine import Walk
from guide.flow.examples import walk_answers
from guide.library.flows import bundled_decks, find_flow, open_flow, resolver
from guide.practice.deck import read_deck
from guide.practice.expert import expert_walk
from guide.practice.judging import NONE, judge


def test_the_verdict_names_both_rates() -> None:
    flow = open_flow(find_flow("contact-centre"))
    path = next(p for p in bundled_decks() if p.stem == "contact-centre")
    deck, problems = read_deck(path)
    assert deck is not None and problems == []
    case = next(s for s in deck.scenarios if s.id == "five-second-rule")
    expert, failure = expert_walk(flow, case, resolver([flow]))
    assert failure is None
    # The learner counts every abandoned call: 190 of 2,050 is 9.3%, above the range.
    mine = Walk(flow, resolver([flow]))
    assert walk_answers(mine, ["2", "2", "last week", "2", "2050", "190"]) is None
    verdict = judge(case, mine, expert)
    assert verdict.score == NONE
    assert verdict.yours.startswith("Your abandonment rate is 9.3%: above")
    assert verdict.experts == "Your abandonment rate is 7.0%: within the usual 5-8%"
