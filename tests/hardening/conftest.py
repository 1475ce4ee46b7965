"""The app tests here use the chat fixtures of tests/tui (the app, its pilot, readers)."""

from tests.tui.conftest import chat, hang_up, no_clipboard_tool

__all__ = ["chat", "hang_up", "no_clipboard_tool"]
