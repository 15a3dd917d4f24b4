"""What every request and answer of the server passes through, outside the routes (plain ASGI middleware):

    HostCheck        400 to a request for a host the server does not serve (DNS rebinding)
    BodyLimit        413 to a body over the limit, declared or counted as it arrives (chunked, lying lengths)
    SecurityHeaders  the Content-Security-Policy and its companions on every answer

Their refusals are JSON {"error": "..."}, as every other error of the API.
"""

from __future__ import annotations

import os
from typing import Iterable

from starlette.responses import JSONResponse

# Scripts only from the server's own files (no inline script, no eval: data the page shows cannot run).
# Styles may be inline: plotly sets its styles with style attributes and a <style> element it writes.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")
# Addresses one binds to, never a name a browser should be answered for ("0.0.0.0" reaches loopback on Linux).
WILDCARDS = ("", "0.0.0.0", "::", "[::]")
HOSTS_ENV = "WHOWHOM_ALLOWED_HOSTS"


def refusal(status: int, error: str) -> JSONResponse:
    return JSONResponse({"error": error}, status_code=status)


def allowed_hosts(extra: Iterable[str] = ()) -> set[str]:
    """The Host names answered: the loopback ones, `extra` (such as the address the server is bound to) and
    those in $WHOWHOM_ALLOWED_HOSTS (comma-separated; "*" for any)."""
    names = [*LOOPBACK, *extra, *os.environ.get(HOSTS_ENV, "").split(",")]
    return {_bracketed(n.strip().lower()) for n in names} - set(WILDCARDS)


def host_name(header: str) -> str:
    """A Host header without its port: "example.org:8000" -> "example.org", "[::1]:8000" -> "[::1]"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[:header.find("]") + 1]  # no "]": "", refused
    return header.split(":")[0].rstrip(".")


def _bracketed(host: str) -> str:
    """An IPv6 address as it appears in a Host header."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _header(scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return ""


class HostCheck:
    """Answer only requests whose Host header names a host the server serves: a web page whose domain was
    made to resolve to 127.0.0.1 (DNS rebinding) sends its own name, and is refused."""

    def __init__(self, app, hosts: Iterable[str]):
        self.app, self.hosts = app, set(hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and "*" not in self.hosts and host_name(_header(scope, b"host")) not in self.hosts:
            await refusal(400, f"this server does not answer for that Host (add it to {HOSTS_ENV})")(
                scope, receive, send)
            return
        await self.app(scope, receive, send)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Answer 413 to a request whose body is over `limit` bytes: at once if its Content-Length says so, else
    as soon as the bytes received pass the limit (a chunked body declares no length; a declared one may lie).
    Nothing over the limit is read, so nothing over it is buffered."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        size = _header(scope, b"content-length")
        if size.isdigit() and int(size) > self.limit:
            await self.too_large(scope, receive, send)
            return
        received, refused, started = 0, False, False

        async def counted():
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    if not (refused or started):
                        await self.too_large(scope, receive, send)
                    refused = True
                    raise _TooLarge  # the app stops reading; whatever it answers instead is dropped
            return message

        async def unless_refused(message):
            nonlocal started
            if not refused:
                started = True
                await send(message)

        try:
            await self.app(scope, counted, unless_refused)
        except _TooLarge:
            pass

    async def too_large(self, scope, receive, send):
        await refusal(413, f"request body over {self.limit} bytes")(scope, receive, send)


class SecurityHeaders:
    """Add HEADERS to every answer that passes through (the app's last-resort 500 answer adds them itself)."""

    def __init__(self, app):
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), *self.headers]}
            await send(message)

        await self.app(scope, receive, with_headers)
