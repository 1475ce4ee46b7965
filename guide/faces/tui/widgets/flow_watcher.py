"""--watch: an unseen widget that looks at the flow file each second and says when
it changed; what a change means (load it again, carry the walk over) is the screen's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message
from textual.widget import Widget

CHECK_EVERY = 1.0
"""Seconds between two looks at the file."""


def stamp(path: Path) -> tuple[float, int] | None:
    """When a file last changed, and its size; None while it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime, info.st_size


class FlowWatcher(Widget):
    """Posts `FlowWatcher.Changed` when the file's time or size is not as last seen."""

    @dataclass
    class Changed(Message):
        """The watched flow file was saved (or removed, or put back)."""

        path: Path

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.display = False
        self.path = path
        self.seen = stamp(path)
        """The file's time and size when last looked at."""

    def on_mount(self) -> None:
        self.set_interval(CHECK_EVERY, self.check)

    def check(self) -> None:
        """Look at the file now; post `Changed` if it is not as last seen."""
        now = stamp(self.path)
        if now != self.seen:
            self.seen = now
            self.post_message(self.Changed(self.path))
