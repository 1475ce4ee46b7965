"""Asked at start when a walk was left unfinished: go on with it, or start afresh."""

from __future__ import annotations

from guide.faces.tui.screens.yes_no import YesNoScreen
from guide.history.store import Session
from guide.i18n.strings import S
from guide.i18n.timewords import steps, when


class ResumeScreen(YesNoScreen):
    """True (the default: `y`, the focused button) to resume the saved walk, False to
    start a new one."""

    YES_ID = "resume"
    NO_ID = "fresh"
    DEFAULT = True

    @classmethod
    def key_words(cls) -> tuple[str, str]:
        return S.key_go_on, S.key_start_afresh

    def __init__(self, session: Session) -> None:
        detail = S.resume_detail.format(
            flow=session.flow_title, done=steps(session.steps), when=when(session.updated)
        )
        lines = [detail, S.resume_question]
        super().__init__(S.resume_title, lines, S.resume_go_on, S.resume_fresh, S.resume_hint)
        self.session = session
