"""One browser tab's app process for `hangup-guide serve` (`guide.faces.web.server`).

textual-serve starts the app through a shell and, when the socket closes, only asks
it to quit and waits: measured, processes lingered some 40 s. Here the app is started
without a shell, and `AppSession.end` asks it to quit, then terminates it, then kills
it, within about three seconds; on Linux it also dies with the server (kill -9).
"""

from __future__ import annotations

import asyncio
import ctypes
import shlex
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual_serve.app_service import AppService

QUIT_GRACE_S = 1.0
"""How long an app asked to quit may take before it is terminated."""
TERM_GRACE_S = 2.0
"""How long a terminated app may take before it is killed."""


def _parent_death_signal() -> Callable[[], None] | None:
    """On Linux, a way for an app process to get SIGTERM if the server dies without
    ending it (kill -9): the app does not end on its own when its input closes.
    Looked up before any fork, so the child only makes one call."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    set_death_signal, term = 1, int(signal.SIGTERM)  # PR_SET_PDEATHSIG

    def die_with_parent() -> None:
        prctl(set_death_signal, term)

    return die_with_parent


DIE_WITH_PARENT = _parent_death_signal()


async def _exits_within(process: asyncio.subprocess.Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except TimeoutError:
        return False
    return True


class AppSession(AppService):
    """One browser tab's app process, started without a shell (so that ending it
    ends the app itself) and always ended with its socket."""

    _ending: asyncio.Future[None] | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            preexec_fn=DIE_WITH_PARENT,
        )
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def run(self) -> None:
        """Relay the app's output; when the app ends (quit or crash), end the page's socket."""
        await super().run()
        with suppress(Exception):
            await self.remote_close()

    async def end(self) -> None:
        """End the app, once, however many callers ask (the socket's own handler and a
        server shutting down); a caller cancelled meanwhile does not stop the ending."""
        if self._ending is None:
            self._ending = asyncio.ensure_future(self._end())
        await asyncio.shield(self._ending)

    async def _end(self) -> None:
        process = self._process
        if process is None:
            return
        with suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
            if not await _exits_within(process, QUIT_GRACE_S):
                with suppress(ProcessLookupError):
                    process.terminate()
                if not await _exits_within(process, TERM_GRACE_S):
                    with suppress(ProcessLookupError):
                        process.kill()
                    await process.wait()
        task, self._task = self._task, None
        if task is not None:
            done, _ = await asyncio.wait([task], timeout=1.0)
            if not done:
                task.cancel()
            with suppress(BaseException):
                await task
