"""Saved walks as documents: Markdown for people, JSON for programs."""

from __future__ import annotations

import json

from guide.history.advice import SavedAdvice
from guide.history.checkin_words import check_in_record, check_in_words
from guide.history.checkins import CheckIn
from guide.history.events import Event, transcript
from guide.history.store import Session
from guide.i18n.strings import S
from guide.i18n.timewords import count, on_date
from guide.render.markdown import md


def status_of(
    session: Session,
    finished: str = "finished",
    set_aside: str = "set aside",
    unfinished: str = "unfinished",
) -> str:
    """Where a walk stands, in these words (the defaults are the codes JSON carries)."""
    if session.finished:
        return finished
    return set_aside if session.abandoned else unfinished


def outcome_of(session: Session) -> SavedAdvice | None:
    """The outcome as it was shown, if the walk reached one and it can be read back
    (a record cut short on disk, or changed by hand, gives None: `Session.advice`
    then says what is wrong)."""
    return session.advice if isinstance(session.advice, SavedAdvice) else None


def to_json(session: Session, events: list[Event], check_in: CheckIn | None = None) -> str:
    steps, changed = transcript(events)
    advice = outcome_of(session)
    record = {
        "id": session.id,
        "started": session.started,
        "updated": session.updated,
        "flow": session.flow_id,
        "flow_title": session.flow_title,
        "status": status_of(session),
        "answers": [{"asked": s.asked, "answer": s.answer} for s in steps if s.kind != "proceed"],
        "answers_changed": changed,
        "outcome": session.outcome,
        "advice": advice.to_dict() if advice else None,
        "note": session.note,
        "check_in": check_in_record(check_in),
    }
    return json.dumps(record, indent=2, ensure_ascii=False)


def to_markdown(session: Session, events: list[Event], check_in: CheckIn | None = None) -> str:
    steps, changed = transcript(events)
    lines = [
        f"# {md(session.flow_title)}",
        "",
        f"Walk {session.id}, started {on_date(session.started)}, {status_of(session)}.",
        "",
        "## What was asked and answered",
        "",
    ]
    answered = [s for s in steps if s.kind != "proceed"]
    lines += [f"{i}. **{md(s.asked)}** {md(s.answer)}" for i, s in enumerate(answered, 1)]
    if not answered:
        lines.append("(nothing answered yet)")
    if changed:
        said = count(changed, S.transcript_changed_one, S.transcript_changed_other)
        lines += ["", f"({said})"]
    advice = outcome_of(session)
    if advice:
        lines += _advice_lines(advice)
    if check_in is not None:
        said = check_in_words(check_in)
        lines += ["", "## How it went", "", md(said[:1].upper() + said[1:]) + "."]
    if session.note:
        lines += ["", "## My note", "", md(session.note)]
    return "\n".join(lines) + "\n"


def _advice_lines(advice: SavedAdvice) -> list[str]:
    """The outcome as shown, its text from the flow and the facts escaped (as the
    handout does): a `<script>` or `[x](javascript:…)` in a flow is written inert."""
    lines = ["", f"## Next step: {md(advice.title)}", "", f"Why: {md(advice.why)}"]
    lines += [""] + [f"{i}. {md(step)}" for i, step in enumerate(advice.steps, 1)]
    if advice.script:
        lines += ["", "What to say:", "", f"> {md(advice.script)}"]
    if advice.text:
        lines += ["", "A message you can send:", "", f"> {md(advice.text)}"]
    return [*lines, "", f"Source: {md(advice.source)}"]
