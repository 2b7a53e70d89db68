"""/sparql: the SPARQL 1.1 Protocol, queries for everyone and updates with the token.

Served by `kg.web.transport.FastPath` ahead of every FastAPI layer (a small query's cost is mostly the
web stack), so the handler takes the shared state as an argument instead of a dependency.
"""

from __future__ import annotations

from importlib.resources import files

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from extract.errors import SuanliError
from kg.graph.query_text import refusal
from kg.web.executor import QueryTimeoutError
from kg.web.protocol import GRAPH_TYPES, Operation, ProtocolError, negotiate, read_operation, result_type
from kg.web.service import Service
from kg.web.transport import address, error, read_body, refused

MAX_URL_QUERY = 32 * 1024  # below the 64 KiB request line the HTTP parser itself refuses (with a bare 400)


async def sparql(state: Service, request: Request) -> Response:
    """One protocol request: a query, an update (with the token) or the service description."""
    limits = state.limits
    try:
        state.check_budget(request)
        if len(request.url.query) > MAX_URL_QUERY:
            raise ProtocolError(414, f"the URL is longer than {MAX_URL_QUERY} bytes; POST the query")
        body = await read_body(request, limits.max_query_bytes, limits.body_timeout) if request.method == "POST" else b""
        op = read_operation(request.method, request.headers.get("content-type"), request.url.query, body)
        if op.kind == "description":
            return description(state, request, op)
        if reason := refusal(op.text):
            raise ProtocolError(400, reason)
        if op.kind == "update":
            state.check_token(request)
            try:
                await state.update(op.text, address(request))
            except QueryTimeoutError:
                return error(503, f"update timeout: stopped after {limits.timeout:g} s; nothing was written",
                             {"Suanli-Timeout": f"{limits.timeout:g}"})
            return Response(status_code=204)
        if not op.form:
            raise ProtocolError(400, "bad query: no SELECT, ASK, CONSTRUCT or DESCRIBE found")
        media = result_type(op.form, request.headers.get("accept"), op.formats)
        return await state.query(request, op, media)
    except ProtocolError as exc:
        return refused(exc)
    except SuanliError as exc:  # an update the store refused
        return error(400, exc.message)


def description(state: Service, request: Request, op: Operation) -> Response:
    """The query form for a browser, else the service description in the RDF format asked for."""
    html = negotiate(request.headers.get("accept"), (*GRAPH_TYPES, "text/html")) == "text/html"
    if html and not op.formats:
        return HTMLResponse(files("kg.web").joinpath("static/sparql.html").read_text(encoding="utf-8"),
                            headers={"Vary": "Accept"})
    media = result_type("describe", request.headers.get("accept"), op.formats)
    graph = ox.parse(state.description, format=ox.RdfFormat.TURTLE, base_iri=address(request))
    body = ox.serialize((q.triple for q in graph), format=ox.RdfFormat.from_media_type(media))
    return Response(body, media_type=media, headers={"Vary": "Accept"})
