"""Who may use a served guide: the token, the Origin rule, and the page's headers.

Pure functions and one frozen value, no aiohttp: `guide.faces.web.server` applies them to
each request. The token is the lock (a page elsewhere in the same browser cannot
know it); the Origin rule is a second one, against a page that somehow learned it.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

LOOPBACK = ("127.0.0.1", "localhost", "::1")
"""Addresses only this machine can reach: a page must then come from one of them."""
ANY_ADDRESS = ("0.0.0.0", "::", "")
"""Listening on every address of the machine; the printed address then uses 127.0.0.1."""


def url_host(host: str) -> str:
    """A host as it is written in a URL: IPv6 addresses go in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def clamp(value: object, low: int, high: int, default: int) -> int:
    """A whole number from the browser, kept between `low` and `high` (a terminal of
    10^9 columns would make the app allocate without end); `default` if it is none."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))


@dataclass(frozen=True, slots=True)
class Guard:
    """The checks for one running server."""

    token: str
    """Random, made when the server starts; in the printed address and the websocket path."""
    origins: frozenset[str] | None
    """The page addresses a websocket may come from; None: the address the browser used
    for this server (its `Host`), when it listens beyond this machine and the names
    others reach it by cannot be known."""

    @classmethod
    def for_address(cls, host: str, port: int, token: str | None = None) -> Guard:
        if host not in LOOPBACK:
            return cls(token or secrets.token_urlsafe(32), None)
        origins = {f"http://{url_host(name)}:{port}" for name in LOOPBACK}
        if port == 80:  # a browser leaves the default port out of Origin
            origins |= {f"http://{url_host(name)}" for name in LOOPBACK}
        return cls(token or secrets.token_urlsafe(32), frozenset(origins))

    def token_ok(self, given: str | None) -> bool:
        """The right token, compared in constant time."""
        if not given:
            return False
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())

    def origin_ok(self, origin: str | None, request_host: str) -> bool:
        """A websocket from the server's own page. Browsers always send Origin on a
        websocket, so a connection without one is not from our page: refused too."""
        if not origin:
            return False
        origin = origin.lower()
        if self.origins is not None:
            return origin in self.origins
        return origin in (f"http://{request_host.lower()}", f"https://{request_host.lower()}")


def page_url(host: str, port: int, token: str) -> str:
    """The address `serve` prints: the page, with the token."""
    shown = "127.0.0.1" if host in ANY_ADDRESS else host
    return f"http://{url_host(shown)}:{port}/?token={token}"


def page_headers(nonce: str) -> dict[str, str]:
    """Headers for the page: it may load only from this server (the browser enforces
    "no internet needed" too), run only its own scripts, and sit in no other page's frame;
    its address (with the token) is never sent on as a Referer."""
    policy = "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",  # xterm.js sets styles from script
            "font-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )
    return {
        "Content-Security-Policy": policy,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-store",
    }
