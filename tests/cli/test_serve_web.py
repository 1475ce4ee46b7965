"""`hangup-guide serve` is for its owner: a real server, a real websocket client.

Only whoever has the printed address (its token) gets the page, a websocket must come
from the server's own page, at most --max-sessions run at once, an app process ends
with its socket, and the page needs nothing from the internet.
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from guide.i18n.strings import ENGLISH

from .serving import GONE_S, Served, alive, connect, first_screen, serving, wait_until

pytestmark = pytest.mark.slow  # a real server and real app processes

pytest.importorskip("textual_serve")

CAP = 2


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve"), "--max-sessions", str(CAP)) as running:
        yield running


async def closed_by_server(socket_: aiohttp.ClientWebSocketResponse, within: float) -> bool:
    """Read (and drop) the app's screen until the server closes the socket."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            message = await socket_.receive(timeout=max(0.1, deadline - time.monotonic()))
        except TimeoutError:
            return False
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            return True
    return False


async def status_and_text(http: aiohttp.ClientSession, url: str) -> tuple[int, str]:
    async with http.get(url) as reply:
        return reply.status, await reply.text()


@pytest.mark.parametrize("query", ["", "?token=", "?token=not-the-token"])
async def test_the_page_needs_the_token(served: Served, query: str) -> None:
    async with aiohttp.ClientSession() as http:
        status, text = await status_and_text(http, f"{served.origin}/{query}")
    assert status == 403
    assert text.strip() == ENGLISH.serve_no_token


async def test_the_page_at_the_printed_address_runs_the_app(served: Served) -> None:
    async with aiohttp.ClientSession() as http, http.get(served.url) as reply:
        assert reply.status == 200
        page = await reply.text()
        policy = reply.headers["Content-Security-Policy"]
    assert "textual.js" in page and f"/ws/{served.token}" in page
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy


LINKS = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)""")
COMMENTS = re.compile(r"/\*.*?\*/", re.DOTALL)
ELSEWHERE = re.compile(r"https?://|(?<![:\w])//[\w.-]+\.\w")


async def test_the_page_loads_nothing_from_another_host(served: Served) -> None:
    """Every address in the page is a path on this server, and no file it loads names
    another host (comments aside: they load nothing)."""
    async with aiohttp.ClientSession() as http:
        status, page = await status_and_text(http, served.url)
        assert status == 200
        assert not ELSEWHERE.search(page), ELSEWHERE.search(page)
        links = [a or b for a, b in LINKS.findall(page)]
        assert {link.rsplit("/", 1)[-1] for link in links} >= {"textual.js", "xterm.css"}
        for link in links:
            assert link.startswith("/") and not link.startswith("//"), link
            async with http.get(served.origin + link) as reply:
                assert reply.status == 200, link
                body = await reply.read()
            if link.endswith((".js", ".css")):
                text = COMMENTS.sub("", body.decode("utf-8"))
                assert not ELSEWHERE.search(text), (link, ELSEWHERE.search(text))


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",  # a page on another site, in the same browser
        "http://127.0.0.1:1",  # another program on this machine
        "null",  # a sandboxed frame or a file:// page
        None,  # no Origin at all: not a browser on our page
    ],
)
async def test_a_socket_from_another_page_is_refused(served: Served, origin: str | None) -> None:
    before = served.apps()
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await connect(http, served, origin=origin)
    assert refused.value.status == 403
    assert served.apps() == before  # no app was started for it


async def test_the_socket_address_is_not_a_page(served: Served) -> None:
    """Opened as a page (no websocket handshake), even with the token: 400, saying why."""
    async with aiohttp.ClientSession() as http:
        headers = {"Origin": served.origin}
        async with http.get(served.socket_url(), headers=headers) as reply:
            assert (reply.status, (await reply.text()).strip()) == (
                400,
                ENGLISH.serve_socket_only,
            )
    assert "Traceback" not in served.err.read_text()


@pytest.mark.parametrize("token", ["", "not-the-token", "x" * 43])
async def test_a_socket_without_the_token_is_refused(served: Served, token: str) -> None:
    before = served.apps()
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await connect(http, served, token=token)
        async with http.get(f"{served.origin}/ws", headers={"Origin": served.origin}) as reply:
            assert reply.status == 403
    assert refused.value.status == 403
    assert served.apps() == before


async def test_the_owner_gets_the_app_and_closing_ends_it(served: Served) -> None:
    """The right Origin and token: the app's first screen arrives; closing the socket
    ends that app's process within a few seconds."""
    before = served.apps()
    async with aiohttp.ClientSession() as http:
        socket_ = await connect(http, served)
        await first_screen(socket_)
        started = served.apps() - before
        assert len(started) == 1
        await socket_.close()
    assert wait_until(lambda: not any(alive(pid) for pid in started), GONE_S)
    assert served.apps() == before


async def test_no_more_sessions_than_the_cap(served: Served) -> None:
    """With --max-sessions 2: a third socket is refused (503) and the page says why;
    when one closes, a new one is taken again."""
    async with aiohttp.ClientSession() as http:
        sockets = [await connect(http, served) for _ in range(CAP)]
        await asyncio.gather(*(first_screen(s) for s in sockets))
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await connect(http, served)
        assert refused.value.status == 503
        status, text = await status_and_text(http, served.url)
        assert (status, text.strip()) == (503, ENGLISH.serve_busy.format(count=CAP))
        await sockets.pop().close()
        assert wait_until(lambda: len(served.apps()) < CAP, GONE_S)
        # The server frees the place once it has seen the app end, a moment after the
        # process is gone: a new socket is taken again within the same bound.
        deadline = asyncio.get_running_loop().time() + GONE_S
        while (await status_and_text(http, served.url))[0] == 503:
            assert asyncio.get_running_loop().time() < deadline, "the place was never freed"
            await asyncio.sleep(0.05)
        sockets.append(await connect(http, served))
        await first_screen(sockets[-1])
        for socket_ in sockets:
            await socket_.close()
    assert wait_until(lambda: not served.apps(), GONE_S)


async def test_an_idle_session_ends_and_stopping_ends_the_rest(tmp_path: Path) -> None:
    """--idle-timeout: input keeps a session; none for that long ends it and its app.
    Ctrl+C on the server ends every session's app too."""
    with serving(tmp_path, "--idle-timeout", "0.04") as idle:  # 2.4 s
        async with aiohttp.ClientSession() as http:
            quiet = await connect(http, idle)
            await first_screen(quiet)
            (app,) = idle.apps()
            for _ in range(8):  # 4 s of mouse moves: input, so the session stays
                await quiet.send_json(["stdin", "\x1b[<35;5;5M"])
                await asyncio.sleep(0.5)
            assert not quiet.closed and alive(app)
            assert await closed_by_server(quiet, within=10)  # then none: it ends
            assert wait_until(lambda: not alive(app), GONE_S)
            busy = await connect(http, idle)
            await first_screen(busy)
            (other,) = idle.apps()
            idle.process.send_signal(signal.SIGINT)
            assert idle.process.wait(timeout=10) == 0
    assert wait_until(lambda: not alive(other), GONE_S)


async def test_an_app_does_not_outlive_a_killed_server(tmp_path: Path) -> None:
    """Even `kill -9` of the server (no chance to end its sessions) ends their apps."""
    with serving(tmp_path) as doomed:
        async with aiohttp.ClientSession() as http:
            socket_ = await connect(http, doomed)
            await first_screen(socket_)
            (app,) = doomed.apps()
            doomed.process.kill()
            doomed.process.wait(timeout=10)
            assert wait_until(lambda: not alive(app), GONE_S)
