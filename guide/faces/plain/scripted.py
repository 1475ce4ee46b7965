"""`--answers`: a walk given its answers up front, as scripts and tests run it, its
outcome printed (or the walk as JSON) and nothing asked."""

from __future__ import annotations

import json

from guide.faces.plain.guide import PlainIO, outcome_lines
from guide.flow.engine import Walk
from guide.flow.examples import walk_answers
from guide.flow.steps import Advice, WalkError
from guide.i18n.strings import S
from guide.i18n.wording import answer_words


def run_answers(walk: Walk, answers: list[str], io: PlainIO, as_json: bool) -> int:
    """Walk with the given answers and no questions asked; exit 1 when they do not fit."""
    failure = answers_failure(walk, answers)
    if as_json:
        io.say_as_is(json.dumps(walk_record(walk, failure), indent=2, ensure_ascii=False))
    else:
        for reason in walk.why().trail:
            io.say(f"{reason.asked}\n  → {answer_words(reason.answered)}")
        if walk.finished:
            step = walk.current
            assert isinstance(step, Advice)
            io.say("\n".join(outcome_lines(step, walk)))
    if failure:
        io.tell(failure)
        return 1
    return 0


def answers_failure(walk: Walk, answers: list[str], *, must_finish: bool = True) -> str | None:
    """What went wrong with these answers, or None (running out too, if `must_finish`)."""
    try:
        failure = walk_answers(walk, answers)
    except WalkError as exc:
        failure = str(exc)
    if failure is None and must_finish and not walk.finished:
        failure = S.plain_answers_ran_out.format(step=walk.path()[-1][1])
    return failure


def walk_record(walk: Walk, failure: str | None = None) -> dict[str, object]:
    """The walk as JSON-ready data: path, facts, outcome."""
    step = walk.current
    record: dict[str, object] = {
        "flow": walk.flow.id,
        "finished": walk.finished,
        "outcome": step.node.id if isinstance(step, Advice) else None,
        "path": [
            {
                "flow": flow,
                "node": node,
                "answer": move.label if move and move.kind != "proceed" else None,
            }
            for flow, node, move in walk.path()
        ],
        "facts": dict(walk.facts),
    }
    if isinstance(step, Advice):
        record["advice"] = {
            "title": step.title,
            "steps": list(step.node.steps),
            "why": step.why,
            "script": step.script,
            "text": step.text,
            "source": {"article": step.node.source.article, "section": step.node.source.section},
        }
    if failure:
        record["error"] = failure
    return record
