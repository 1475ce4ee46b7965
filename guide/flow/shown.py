"""Which of a question's choices a face lists, and the escape it shows as a quiet line.

A flow's `escape_shown` says how its escape is offered at each question: `answer`
(the default) lists it after the question's own answers, by its key; `line` leaves
it out of the list and shows it as one quiet line beneath, for professional flows
where an emergency answer under every question reads oddly. Either way the escape
stays one key away (`!`, Ctrl+E, typed words of danger, `--answers "!"`): only
where it is drawn changes.
"""

from __future__ import annotations

from guide.flow.match import Choice
from guide.flow.model import Flow


def listed(choices: tuple[Choice, ...], flow: Flow) -> tuple[Choice, ...]:
    """The choices a face lists as answers: all, or all but the escape when it is a line."""
    if flow.escape_shown == "line":
        return tuple(c for c in choices if not c.option.is_escape)
    return choices


def quiet_escape(choices: tuple[Choice, ...], flow: Flow) -> Choice | None:
    """The escape to show as one quiet line under the answers, if the flow asks for that
    and the escape is on offer at this question."""
    if flow.escape_shown != "line":
        return None
    return next((c for c in choices if c.option.is_escape), None)
