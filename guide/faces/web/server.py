"""The web server behind `hangup-guide serve`: textual-serve's, made for its owner.

textual-serve 1.1 takes a websocket from any page, with no login; each one starts an
app process, and each process outlived its socket (measured: 40 connections started
40 processes, about 850 MB, that lingered some 40 s after their sockets closed). Here:

- the page and the websocket need the server's random token (`guide.faces.web.guard`), and
  a websocket must come from the server's own page (Origin);
- at most `max_sessions` at once; a session with no input for `idle_seconds` ends;
- a session's app process ends as soon as its socket closes: asked to quit, then
  terminated, then killed (`AppSession.end`);
- the page is our own (guide/faces/web/page/), and loads nothing from another host.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import signal
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server

from guide.faces.web.apps import QUIT_GRACE_S, TERM_GRACE_S, AppSession
from guide.faces.web.guard import Guard, clamp, page_headers
from guide.i18n.strings import S

log = logging.getLogger("hangup-guide.serve")

PAGE_DIR = Path(__file__).parent / "page"
HEARTBEAT_S = 15.0
"""A browser that vanished without closing its socket is noticed within about this."""
CLOSED = (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR)


class GuideServer(Server):
    """textual-serve's server with the token, the Origin rule, the session cap, the idle
    timeout and our own page."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        max_sessions: int,
        idle_seconds: float,
        token: str | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title=S.app_title, templates_path=PAGE_DIR)
        self.guard = Guard.for_address(host, port, token)
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.live = 0
        """Sessions counted against the cap: from the accepted handshake until the app
        process is gone."""
        self.sessions: dict[web.WebSocketResponse, AppSession] = {}

    def initialize_logging(self) -> None:
        logging.basicConfig(level="WARNING", format="hangup-guide serve: %(message)s")

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/ws", self.handle_websocket),  # no token: refused, saying why
                web.get("/ws/{token:.*}", self.handle_websocket),
                # The app's downloads (a screenshot): each key is a random uuid4 that only
                # the tab whose app made it is told.
                web.get("/download/{key}", self.handle_download),
                web.static("/static", self.statics_path, show_index=False),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def run(self, announce: Callable[[], None]) -> None:
        """Serve until Ctrl+C or SIGTERM; `announce` once listening. Raises OSError when
        it cannot listen (a port taken, an address not of this machine)."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *_: announce(),
            access_log=None,  # its lines would hold the token
            shutdown_timeout=TERM_GRACE_S + QUIT_GRACE_S + 1,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        """Stopping the server ends every session and its app."""
        await asyncio.gather(
            *(socket.close(code=WSCloseCode.GOING_AWAY) for socket in list(self.sessions)),
            *(session.end() for session in list(self.sessions.values())),
            return_exceptions=True,
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if not self.guard.token_ok(request.query.get("token")):
            return refusal(403, S.serve_no_token)
        if self.live >= self.max_sessions:
            return refusal(503, S.serve_busy.format(count=self.max_sessions))
        nonce = secrets.token_urlsafe(16)
        context = {
            "title": S.app_title,
            "starting": S.serve_page_starting,
            "start": S.serve_page_start,
            "ended": S.serve_page_ended,
            "restart": S.serve_page_restart,
            "static_url": "/static/",
            "websocket_path": f"/ws/{self.guard.token}",
            "font_size": clamp(request.query.get("fontsize", "16"), 6, 64, 16),
            "nonce": nonce,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers.update(page_headers(nonce))
        return response

    def _refuse_socket(self, request: web.Request) -> web.Response | None:
        if not self.guard.token_ok(request.match_info.get("token")):
            return refusal(403, S.serve_no_token)
        if not self.guard.origin_ok(request.headers.get("Origin"), request.host):
            return refusal(403, S.serve_wrong_origin)
        if self.live >= self.max_sessions:
            return refusal(503, S.serve_busy.format(count=self.max_sessions))
        return None

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]  # textual-serve declares a narrower return
        refused = self._refuse_socket(request)
        if refused is not None:
            return refused
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_S)
        if not websocket.can_prepare(request).ok:
            return refusal(400, S.serve_socket_only)
        self.live += 1
        session: AppSession | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            session = AppSession(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
            )
            self.sessions[websocket] = session
            width = clamp(request.query.get("width"), 10, 500, 80)
            height = clamp(request.query.get("height"), 5, 200, 24)
            await session.start(width, height)
            await self._pump(websocket, session)
        except Exception:
            log.exception("a browser session failed")
        finally:
            self.sessions.pop(websocket, None)
            try:
                if session is not None:
                    await session.end()
            finally:
                self.live -= 1  # the app is gone: its place is free before the socket's close
            with suppress(Exception):
                await websocket.close()
        return websocket

    async def _pump(self, websocket: web.WebSocketResponse, session: AppSession) -> None:
        """Pass the browser's messages to the app until the socket closes or the
        session has had no input for `idle_seconds`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.idle_seconds
        while not websocket.closed:
            try:
                # never 0: aiohttp reads a timeout of 0 as "no timeout"
                message = await websocket.receive(timeout=max(0.01, deadline - loop.time()))
            except TimeoutError:
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"idle")
                return
            if message.type in CLOSED:
                return
            if message.type == WSMsgType.TEXT and await _dispatch(websocket, session, message.data):
                deadline = loop.time() + self.idle_seconds


async def _dispatch(websocket: web.WebSocketResponse, session: AppSession, data: str) -> bool:
    """One message from textual-serve's page to the app; True if it was input (a key,
    a click). A message that is not of the protocol is ignored."""
    try:
        envelope = json.loads(data)
    except ValueError:
        return False
    if not isinstance(envelope, list) or not envelope:
        return False
    kind, body = envelope[0], (envelope[1] if len(envelope) > 1 else None)
    if kind == "stdin" and isinstance(body, str):
        await session.send_bytes(body.encode("utf-8", "replace"))
        return True
    if kind == "resize" and isinstance(body, dict):
        width = clamp(body.get("width"), 10, 500, 80)
        height = clamp(body.get("height"), 5, 200, 24)
        await session.set_terminal_size(width, height)
    elif kind == "ping" and isinstance(body, str):
        await websocket.send_json(["pong", body[:64]])
    elif kind == "blur":
        await session.blur()
    elif kind == "focus":
        await session.focus()
    return False


def refusal(status: int, message: str) -> web.Response:
    """A short plain answer a person can read in the browser."""
    return web.Response(
        status=status,
        text=message + "\n",
        content_type="text/plain",
        charset="utf-8",
        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
    )
