"""How requests come in and answers go out, below the routes: the /sparql fast path, uvicorn's HTTP
protocol with a header deadline, bounded request bodies, one-line plain-text errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from kg.web.protocol import ProtocolError

CAP_HEADERS = ("Suanli-Row-Cap", "Suanli-Truncated")
EXPOSED_HEADERS = (*CAP_HEADERS, "Retry-After", "Suanli-Timeout")  # what a page from another origin may read


class FastPath:
    """The service as uvicorn sees it: one path answered here, everything else by the FastAPI app (`.app`).

    A small query's cost is mostly the web stack; /sparql skips every FastAPI and Starlette layer
    (routing, middleware, error and telemetry wrappers) and sets its CORS headers here (preflight
    requests still go to the CORS middleware).
    """

    def __init__(self, app: Any, path: str, handler: Callable[[Request], Awaitable[Response]]) -> None:
        self.app, self.path, self.handler = app, path, handler

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        response = await self.handler(request)
        if "origin" in request.headers:
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
        await response(scope, receive, send)


def guarded_http(header_timeout: float) -> type:
    """uvicorn's HTTP protocol with a deadline on each request's line and headers.

    uvicorn times out an idle keep-alive connection but not one that never finishes its headers:
    2,000 such connections stayed open for good. Here a request whose headers are not complete
    `header_timeout` seconds after its first byte (or after the connection opens) closes the connection.
    """
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class GuardedHttp(HttpToolsProtocol):
        deadline: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            if self.deadline is None:
                self.deadline = self.loop.call_later(header_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
                self.deadline = None

        def _too_slow(self) -> None:
            self.deadline = None
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return GuardedHttp


def address(request: Request) -> str:
    """The request's URL without its query string (the base IRI of a query), read from the scope.

    Starlette's `request.url` parses the whole URL again: 3 % of the front's time on a small query.
    """
    scope = request.scope
    host = request.headers.get("host") or (f"{scope['server'][0]}:{scope['server'][1]}" if scope.get("server") else "localhost")
    return f"{scope['scheme']}://{host}{scope.get('root_path', '')}{scope['path']}"


def client_of(request: Request) -> str:
    """The address a request's budget and worker share are counted under."""
    return request.client.host if request.client else "?"


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A refusal as one line of plain text: what curl users and SPARQL clients print as it is."""
    return Response(message.rstrip() + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=headers)


def refused(exc: ProtocolError) -> Response:
    """A ProtocolError as the plain-text answer it stands for."""
    return error(exc.status, exc.message, exc.headers)


async def read_body(request: Request, limit: int, seconds: float = 30.0) -> bytes:
    """The request body, refused with 413 past `limit` bytes (before reading it when Content-Length says so),
    and with 408 when the client takes more than `seconds` to send it (a Content-Length larger than the body)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise ProtocolError(413, f"the request body is larger than {limit} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise ProtocolError(408, f"the request body did not arrive within {seconds:g} s", {"Connection": "close"}) from None
    return b"".join(chunks)
