"""Saved walks as documents: Markdown for people, JSON for programs."""

from __future__ import annotations

import json
from typing import Any

from guide.session import transcript
from guide.store import Event, Session
from guide.strings import S
from guide.timewords import count, on_date


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
    """The outcome as it was shown, if the walk reached one."""
    if not session.finished or not session.outcome_json:
        return None
    shown = json.loads(session.outcome_json)
    return shown if isinstance(shown, dict) else None


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
        f"# {session.flow_title}",
        "",
        f"Walk {session.id}, started {on_date(session.started)}, {status_of(session)}.",
        "",
        "## What was asked and answered",
        "",
    ]
    answered = [s for s in steps if s.kind != "proceed"]
    lines += [f"{i}. **{s.asked}** {s.answer}" for i, s in enumerate(answered, 1)]
    if not answered:
        lines.append("(nothing answered yet)")
    if changed:
        said = count(changed, S.transcript_changed_one, S.transcript_changed_other)
        lines += ["", f"({said})"]
    advice = outcome_of(session)
    if advice:
        lines += ["", f"## Next step: {advice['title']}", "", f"Why: {advice['why']}", ""]
        lines += [f"{i}. {step}" for i, step in enumerate(advice["steps"], 1)]
        if advice.get("script"):
            lines += ["", "What to say:", "", f"> {advice['script']}"]
        if advice.get("text"):
            lines += ["", "A message you can send:", "", f"> {advice['text']}"]
        lines += ["", f"Source: {advice['source']}"]
    if session.note:
        lines += ["", "## My note", "", session.note]
    return "\n".join(lines) + "\n"
