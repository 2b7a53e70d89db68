"""Writing and reading whole graphs: /rdf-graphs (the Graph Store Protocol, indirect identification) and
POST /documents (a document through the whole ingest pipeline). Every write needs the update token.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from extract.errors import SuanliError
from kg.graph.store import LocalStore, join_updates
from kg.graph.summary import add_update, remove_update, scratch_graph_iri
from kg.web.protocol import Operation, ProtocolError, result_type
from kg.web.service import Service, State, budget
from kg.web.transport import error, read_body, refused

router = APIRouter()
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md", ".text", ".xhtml")


@router.api_route("/rdf-graphs", methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"],
                  dependencies=[Depends(budget)], include_in_schema=False)
async def graph_store(request: Request, state: State) -> Response:
    """Graph Store Protocol (indirect identification): GET/HEAD read; PUT, POST, DELETE with the token."""
    try:
        graph = _graph_named(request, state.summary)
        if request.method in ("GET", "HEAD"):
            return await _read_graph(request, state, graph)
        if request.method not in ("PUT", "POST", "DELETE"):
            raise ProtocolError(405, f"{request.method} is not a Graph Store Protocol method",
                                {"Allow": "GET, HEAD, PUT, POST, DELETE"})
        state.check_token(request)
        if state.derived(graph):
            raise ProtocolError(403, f"<{graph}> is derived from the documents (summary, reference, reports) and is "
                                     "written only by ingest; write a document's own graph instead")
        return await _write_graph(request, state, graph)
    except ProtocolError as exc:
        return refused(exc)
    except SuanliError as exc:
        return error(400, exc.message)


def _graph_named(request: Request, summary: str) -> str:
    """The graph `?graph=IRI` names, or the summary for `?default`; 400 unless exactly one is given."""
    params = request.query_params
    if ("graph" in params) == ("default" in params):
        raise ProtocolError(400, "name one graph: ?graph=IRI or ?default")
    if "graph" in params and not params["graph"]:
        raise ProtocolError(400, "?graph= names no graph; give an IRI, or ?default for the summary graph")
    graph = params.get("graph") or summary
    try:
        return ox.NamedNode(graph).value
    except ValueError:
        raise ProtocolError(400, f"not an IRI: {graph[:200]}") from None


async def _read_graph(request: Request, state: Service, graph: str) -> Response:
    """A graph's triples in the negotiated RDF format, uncapped; 404 when the dataset has no such graph."""
    media = result_type("construct", request.headers.get("accept"), tuple(request.query_params.getlist("format")))
    op = Operation("query", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", form="construct")
    if not (await state.graph_exists(graph)):
        raise ProtocolError(404, f"no graph <{graph}> in this dataset")
    return await state.query(request, op, media, cap=2**62)


async def _write_graph(request: Request, state: Service, graph: str) -> Response:
    """PUT replaces the graph, POST adds to it, DELETE drops it (404 when it is not there).

    The summary moves in the same update, as ingest moves it: what the graph brought comes out before the
    write, what it brings after goes in (a DELETE only lets other sources be quoted again).
    """
    existed = await state.graph_exists(graph)
    if request.method == "DELETE":
        if not existed:
            raise ProtocolError(404, f"no graph <{graph}> in this dataset")
        await state.update(_with_summary(state, graph, existed, f"DROP GRAPH <{graph}>"))
        return Response(status_code=204)
    body = await read_body(request, state.limits.max_body_bytes, state.limits.body_timeout)
    ntriples = parse_upload(body, request.headers.get("content-type"))
    clear = f"DROP SILENT GRAPH <{graph}>" if request.method == "PUT" else ""
    insert = f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}"
    await state.update(_with_summary(state, graph, existed, clear, insert))
    return Response(status_code=204 if existed else 201)


def _with_summary(state: Service, graph: str, existed: bool, *write: str) -> str:
    """A graph write as one update that keeps the summary in step (kg.graph.summary), when the graph feeds it."""
    if not state.summarised(graph):
        return join_updates(*write)
    pending = scratch_graph_iri(state.settings.base)
    before = remove_update(state.settings.base, [graph], pending) if existed else ""
    return join_updates(before, *write, add_update(state.settings.base, graph, pending))


def parse_upload(body: bytes, content_type: str | None) -> str:
    """An uploaded graph as N-Triples, or 415/400 with the parser's reason."""
    media = (content_type or "").split(";")[0].strip().lower()
    try:
        fmt = ox.RdfFormat.from_media_type(media) if media else None
    except ValueError:
        fmt = None
    if fmt is None:
        raise ProtocolError(415, f"Content-Type {media or '(none)'} is not an RDF format")
    try:
        triples = [q.triple for q in ox.parse(body, format=fmt)]
    except SyntaxError as exc:
        raise ProtocolError(400, f"the uploaded graph does not parse: {exc}") from None
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


@router.post("/documents")
async def add_document(request: Request, state: State,
                       name: Annotated[str, Query(max_length=200)] = "document.txt") -> Response:
    """Add or replace one document (text or HTML in the body) through the whole pipeline, with the update token.

    The same `suanli ingest` runs in a process of its own while queries wait; the summary and /ask see the
    document as soon as this answers. An unchanged document changes nothing.
    """
    try:
        state.check_budget(request)  # here, not as a dependency: a refused `name` costs nothing
        state.check_token(request)
        safe = re.sub(r"[^\w.\-]+", "_", name).strip("._") or "document.txt"
        if not safe.lower().endswith(DOCUMENT_SUFFIXES):
            safe += ".txt"
        body = await read_body(request, state.limits.max_body_bytes, state.limits.body_timeout)
        if not body.strip():
            raise ProtocolError(400, "the document is empty")
        outcome = await ingest_document(state, safe, body)
    except ProtocolError as exc:
        return refused(exc)
    status = 201 if outcome["status"] in ("added", "replaced") else 200
    return JSONResponse(outcome, status_code=status)


async def ingest_document(state: Service, name: str, body: bytes) -> dict[str, Any]:
    """`suanli ingest` over one document in a process of its own, alone on an embedded store; its outcome."""
    state.dumps.invalidate()
    seconds = state.limits.timeout * 4
    with tempfile.TemporaryDirectory(prefix="suanli-doc-") as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        command = [sys.executable, "-m", "kg", "ingest", str(path), "--format", "json", "--jobs", "1"]
        env = {**os.environ, "SUANLI_SERVICE_WRITE": "1"}
        if not isinstance(state.db, LocalStore):
            done = await run_in_threadpool(_run, command, env, seconds)
        else:
            async with state.gate.write(), state.pool.paused():
                with state.db.closed():
                    done = await run_in_threadpool(_run, [*command, "--store", str(state.db.path)], env, seconds)
    if done is None:
        raise ProtocolError(503, "the document took too long to read; nothing was written")
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ProtocolError(400, (reason[-1] if reason else "the document could not be read").removeprefix("suanli: "))
    outcome = json.loads(done.stdout)[0]
    outcome["path"] = name
    return dict(outcome)


def _run(command: list[str], env: dict[str, str], seconds: float) -> subprocess.CompletedProcess[bytes] | None:
    """A command's outcome, or None when it ran past `seconds` (it is killed)."""
    try:
        return subprocess.run(command, env=env, capture_output=True, timeout=seconds, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
