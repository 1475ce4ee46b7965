"""Saved walks as documents: Markdown for people, JSON for programs."""

from __future__ import annotations

import json
from typing import Any

from guide.history.recorder import transcript
from guide.history.store import Event, Session
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


def outcome_of(session: Session) -> dict[str, Any] | None:
    """The outcome as it was shown, if the walk reached one and it can be read back
    (a record cut short on disk, or changed by hand, gives None: see `advice_damaged`)."""
    if not session.finished or not session.outcome_json:
        return None
    try:
        shown = json.loads(session.outcome_json)
    except ValueError:
        return None
    return shown if _is_advice(shown) else None


def advice_damaged(session: Session) -> bool:
    """True when the walk reached advice but what was saved of it cannot be read back."""
    return session.finished and bool(session.outcome_json) and outcome_of(session) is None


def _is_advice(shown: object) -> bool:
    """The shape `guide.history.recorder` saves: title, why and source as text, steps a list
    of text, script and text as text or missing."""
    if not isinstance(shown, dict):
        return False
    texts = all(isinstance(shown.get(key), str) for key in ("title", "why", "source"))
    steps = shown.get("steps")
    listed = isinstance(steps, list) and all(isinstance(step, str) for step in steps)
    extras = all(isinstance(shown.get(key, ""), str | None) for key in ("script", "text"))
    return texts and listed and extras


def to_json(session: Session, events: list[Event]) -> str:
    steps, changed = transcript(events)
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
        "advice": outcome_of(session),
        "note": session.note,
    }
    return json.dumps(record, indent=2, ensure_ascii=False)


def to_markdown(session: Session, events: list[Event]) -> str:
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
    if session.note:
        lines += ["", "## My note", "", md(session.note)]
    return "\n".join(lines) + "\n"


def _advice_lines(advice: dict[str, Any]) -> list[str]:
    """The outcome as shown, its text from the flow and the facts escaped (as the
    handout does): a `<script>` or `[x](javascript:…)` in a flow is written inert."""
    lines = ["", f"## Next step: {md(advice['title'])}", "", f"Why: {md(advice['why'])}"]
    lines += [""] + [f"{i}. {md(step)}" for i, step in enumerate(advice["steps"], 1)]
    if advice.get("script"):
        lines += ["", "What to say:", "", f"> {md(advice['script'])}"]
    if advice.get("text"):
        lines += ["", "A message you can send:", "", f"> {md(advice['text'])}"]
    return [*lines, "", f"Source: {md(advice['source'])}"]
