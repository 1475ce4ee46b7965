"""The words to use (a message or a call script): copied, shown, and saved on request.

`c` on the outcome card or on a saved walk opens this dialog. It sends the words to
the terminal's clipboard (OSC 52) and runs the system's clipboard tool in a thread,
then says which of them was confirmed. Whatever happened, the words are on screen to
select with the mouse, and `s` saves them to a private file.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from guide.faces import clipboard
from guide.faces.clipboard import Copied
from guide.faces.tui.screens.dialog import Dialog
from guide.faces.tui.widgets.worded import Worded
from guide.i18n.strings import S


def copy_notice(result: Copied) -> str:
    """What the person is told about a copy: only a tool's word counts as confirmed."""
    if result.how == "failed":
        return S.words_failed
    if result.how == "terminal":
        return S.words_unconfirmed
    if "system" not in result.places:
        return S.words_copied_tmux
    if "tmux" in result.places:
        return f"{S.chat_copied} {S.words_also_tmux}"
    return S.chat_copied


def save_folders() -> list[Path]:
    """Where saved words go: the home folder, else the folder the guide was started in."""
    folders = []
    with suppress(RuntimeError):  # no home known
        folders.append(Path.home())
    return [*folders, Path.cwd()]


class WordsScreen(Worded, Dialog[None]):
    """Copies `words` when shown; closes with Escape, Enter or `q`."""

    @classmethod
    def key_bindings(cls) -> list[BindingType]:
        return [
            Binding("s", "save", S.key_save_words, id="save"),
            Binding("escape,enter,q", "close", S.key_close, id="close"),
        ]

    def __init__(self, words: str) -> None:
        super().__init__()
        self.words = words
        self.notice = S.words_copying
        """What is known about the copy so far."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Content(S.words_title), classes="dialog-title")
            yield Static(Content(self.words), id="words")
            yield Static(Content(self.notice), id="words-notice")
            yield Static(Content(S.words_fallback), id="words-fallback")
            yield Button(Content(S.words_save_button), id="words-save", compact=True)
            yield Static(id="words-saved")
            yield Static(Content(S.words_hint), classes="hint")

    def on_mount(self) -> None:
        self.app.copy_to_clipboard(self.words)
        self.copy_with_tools(self.app)

    @work(thread=True, exit_on_error=False)
    def copy_with_tools(self, app: App[object]) -> None:
        """The system's clipboard tool, off the main thread: a hung tool takes
        `clipboard.TIMEOUT` seconds and the app goes on meanwhile. (`app` is taken on
        the main thread: once the dialog has closed, `self.app` cannot be found here.)"""
        result = clipboard.copy(self.words, terminal=True)
        with suppress(RuntimeError):  # the app has closed meanwhile
            app.call_from_thread(self.copied, app, result)

    def copied(self, app: App[object], result: Copied) -> None:
        """Say how the copy went: here, or as a notice if the dialog has gone."""
        self.notice = copy_notice(result)
        if self.is_attached and not self.closing:
            self.query_one("#words-notice", Static).update(Content(self.notice))
        else:
            app.notify(self.notice, markup=False)

    @on(Button.Pressed, "#words-save")
    def save_pressed(self) -> None:
        """The button does what `s` does."""
        self.action_save()

    def action_save(self) -> None:
        """Write the words to a new file that only this user can read; say where."""
        path, problem = clipboard.save_somewhere(self.words, save_folders())
        if path is not None:
            said = S.words_saved.format(path=path)
        else:
            said = S.words_not_saved.format(problem=problem)
        saved = self.query_one("#words-saved", Static)
        saved.update(Content(said))
        saved.add_class("-shown")
        saved.scroll_visible(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
