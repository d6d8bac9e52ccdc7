"""Response headers that keep hostile scraped text inert: a strict CSP on every response.

The app's own pages load nothing but same-origin CSS and never run a script; stored snapshots
get a harder policy of their own (`SNAPSHOT_CSP`): sandboxed, no scripts, nothing loaded from
anywhere, so a page as it was fetched can be read without it reaching out or running code.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

APP_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SNAPSHOT_CSP = ("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                "font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'")
COMMON = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]],
                    Callable[[Message], Awaitable[None]]], Awaitable[None]]


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task overhead): adds the headers a route did not
    set itself, so the snapshot route's own CSP and frame policy win."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.decode("latin-1").lower() for k, _ in headers}
                extra = {**COMMON, "content-security-policy": APP_CSP, "x-frame-options": "DENY"}
                for key, value in extra.items():
                    if key not in present:
                        headers.append((key.encode("latin-1"), value.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
