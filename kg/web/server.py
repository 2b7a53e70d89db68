"""The HTTP service: /sparql (SPARQL 1.1 Protocol), /rdf-graphs (Graph Store Protocol), /ask, /validation,
linked data (/resource/…, /ontology, /shapes, /.well-known/void, /dump) and the web page.

A query's default graph is the summary graph (kg.graph.summary): each entity and distinct fact once,
never a quarantined fact; every document's facts stay readable as its own named graph.

Safe by default: the store is opened read-only; queries run in worker processes (kg.web.executor) that
are killed past the timeout; SERVICE, LOAD and graphs outside the dataset are refused before
anything runs; answers stop at a row cap (said in `Suanli-Row-Cap` / `Suanli-Truncated`); request
sizes are bounded; each client has a request budget (429 with Retry-After). SPARQL Update and Graph
Store writes need the configured token.

`create_app(store=…)` builds the app; the protocol's rules live in kg.web.protocol.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hmac
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

import pyoxigraph as ox
from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from rdflib import RDF, Graph, URIRef
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from extract.errors import SuanliError
from kg.graph.named import named_queries
from kg.graph.query_text import from_graphs, names_dataset, reads_named_graphs, refusal
from kg.graph.rdf import ontology_graph
from kg.graph.store import LocalStore, RemoteStore, open_store
from kg.graph.summary import summary_graph_iri
from kg.pipeline.validate import stored_results
from kg.qa.ask import ask as answer
from kg.web import linked, pages
from kg.web.executor import BusyError, Pool, QueryTimeoutError, WorkerFailedError, update_in_process
from kg.web.protocol import (
    GRAPH_TYPES,
    Operation,
    ProtocolError,
    negotiate,
    read_operation,
    result_type,
    short,
)
from kg.web.settings import Limits, Settings

CAP_HEADERS = ("Suanli-Row-Cap", "Suanli-Truncated")
MAX_QUESTION_BODY = 64 * 1024  # a question is at most 10,000 characters; its JSON or form wrapping fits in this
MAX_URL_QUERY = 32 * 1024  # below the 64 KiB request line the HTTP parser itself refuses (with a bare 400)


class RateLimiter:
    """A token bucket per client: `rate` requests a second, up to `burst` at once."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, max(burst, 1.0)
        self.buckets: dict[str, tuple[float, float]] = {}

    def take(self, client: str, cost: float = 1.0) -> float:
        """0 when the client may go on, else the seconds until it may (nothing is taken then)."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        tokens, last = self.buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < cost:
            self.buckets[client] = (tokens, now)
            return (cost - tokens) / self.rate
        self.buckets[client] = (tokens - cost, now)
        if len(self.buckets) > 10_000:  # forget clients whose bucket has refilled
            self.buckets = {k: v for k, v in self.buckets.items() if v[0] + (now - v[1]) * self.rate < self.burst}
        return 0.0

    def charge(self, client: str, cost: float) -> None:
        """Take `cost` more from a client (a query that ran to the timeout), even into debt.

        The bucket's clock moves to now without a refill: the seconds the query held a worker earn the client nothing.
        """
        if self.rate > 0:
            now = time.monotonic()
            tokens, _ = self.buckets.get(client, (self.burst, now))
            self.buckets[client] = (tokens - cost, now)


class Gate:
    """Many readers or one writer: a write to the embedded store needs every read handle closed."""

    def __init__(self) -> None:
        self.readers = 0
        self.writing = False
        self.condition = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[None]:
        if not self.writing:  # the common path takes no lock
            self.readers += 1
        else:
            async with self.condition:
                await self.condition.wait_for(lambda: not self.writing)
                self.readers += 1
        try:
            yield
        finally:
            self.readers -= 1
            if self.writing:
                async with self.condition:
                    self.condition.notify_all()

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[None]:
        async with self.condition:
            await self.condition.wait_for(lambda: not self.writing)
            self.writing = True
            await self.condition.wait_for(lambda: self.readers == 0)
        try:
            yield
        finally:
            async with self.condition:
                self.writing = False
                self.condition.notify_all()


class FastPath:
    """The service as uvicorn sees it: one path answered here, everything else by the FastAPI app (`.app`).

    A small query's cost is mostly the web stack; /sparql skips every FastAPI and Starlette layer
    (routing, middleware, error and telemetry wrappers) and sets its CORS headers here (preflight
    requests still go to the CORS middleware).
    """

    def __init__(self, app: Any, path: str, handler: Any) -> None:
        self.app, self.path, self.handler = app, path, handler

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        response = await self.handler(request)
        if "origin" in request.headers:
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Expose-Headers"] = ", ".join((*CAP_HEADERS, "Retry-After", "Suanli-Timeout"))
        await response(scope, receive, send)


def _address(request: Request) -> str:
    """The request's URL without its query string (the base IRI of a query), read from the scope.

    Starlette's `request.url` parses the whole URL again: 3 % of the front's time on a small query.
    """
    scope = request.scope
    host = request.headers.get("host") or (f"{scope['server'][0]}:{scope['server'][1]}" if scope.get("server") else "localhost")
    return f"{scope['scheme']}://{host}{scope.get('root_path', '')}{scope['path']}"


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(message.rstrip() + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=headers)


async def _body(request: Request, limit: int, seconds: float = 30.0) -> bytes:
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


def _run(command: list[str], env: dict[str, str], seconds: float) -> subprocess.CompletedProcess[bytes] | None:
    """A command's outcome, or None when it ran past `seconds` (it is killed)."""
    try:
        return subprocess.run(command, env=env, capture_output=True, timeout=seconds, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None


def read_question(body: bytes, content_type: str | None) -> str:
    """The question in a POST /ask body (JSON {"q": …} or a form), at most 10,000 characters; 400 with one line otherwise."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not UTF-8 (byte {exc.start})") from None
    if (content_type or "").split(";")[0].strip().lower() == "application/json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise ProtocolError(400, "the body is not JSON; send an object {\"q\": \"…\"}") from None
        if not isinstance(data, dict) or not isinstance(data.get("q", ""), str):
            raise ProtocolError(400, "the body must be a JSON object whose 'q' is a string")
        question = data.get("q", "")
    else:
        question = (parse_qs(text).get("q") or [""])[0]
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:
        raise ProtocolError(400, "the question holds a lone surrogate, which is not a character") from None
    return question[:10000]


def create_app(*, store: str | None = None, endpoint: str | None = None,
               backend: LocalStore | RemoteStore | None = None, limits: Limits | None = None) -> FastPath:
    """The service over an embedded store directory, a remote endpoint, or an open store."""
    settings = Settings.from_env()
    limits = limits or Limits.from_env()
    summary = str(summary_graph_iri(settings.base))
    db = backend or open_store(path=store, endpoint=endpoint, update_endpoint=settings.update_endpoint,
                               read_only=True, default_graph=summary)
    remote = isinstance(db, RemoteStore)
    where = db.query_endpoint if isinstance(db, RemoteStore) else str(db.path)
    config = {"default_graph": summary, "row_cap": limits.row_cap, "max_bytes": limits.max_result_bytes,
              "memory_quads": limits.memory_quads, "endpoint": where if remote else None, "store": None if remote else where}
    pool = Pool(config, size=limits.worker_count(remote=remote), timeout=limits.timeout)
    gate = Gate()
    limiter = RateLimiter(limits.rate, limits.burst)
    running: dict[str, list[Any]] = {}  # client address → [its share of the workers, requests holding or awaiting it]
    service_description = files("kg.web").joinpath("static/service-description.ttl").read_bytes()
    dump_folder = tempfile.TemporaryDirectory(prefix="suanli-dump-")
    dumps: dict[str, linked.Dump] = {}  # by media type; emptied by every write
    stale: list[Path] = []  # the generation before, kept until the next write for downloads in flight
    dump_lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        source = f"the remote store {where}" if remote else f"the store {where} {'held in memory' if pool.in_memory else 'read from disk'}"
        print(f"suanli serve: {pool.size} query workers over {source}", file=sys.stderr, flush=True)
        try:
            yield
        finally:
            await pool.stop()
            dump_folder.cleanup()

    app = FastAPI(title="Suanli KG", description="China's computing infrastructure as a knowledge graph", lifespan=lifespan)
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False,
                       allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"], allow_headers=["*"],
                       expose_headers=[*CAP_HEADERS, "Retry-After", "Suanli-Timeout"], max_age=600)

    def derived(graph: str) -> bool:
        """The graphs ingest derives from the documents; a direct write would leave them out of step."""
        return graph in (summary, f"{settings.base}graph/reference", f"{settings.base}graph/ontology") or \
            graph.startswith(f"{settings.base}report/")

    def client_of(request: Request) -> str:
        return request.client.host if request.client else "?"

    def budget(request: Request) -> None:
        if wait := limiter.take(client_of(request)):
            raise ProtocolError(429, f"too many requests from {client_of(request)}; retry in {math.ceil(wait)} s",
                                {"Retry-After": str(math.ceil(wait))})

    def authorised(request: Request) -> None:
        if not limits.token:
            raise ProtocolError(403, "this endpoint is read-only; updates need a token configured on the server")
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {limits.token}".encode()):
            raise ProtocolError(401, "an update needs 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"})

    async def run_query(request: Request, op: Operation, media: str, *, cap: int | None = None) -> Response:
        job = {"text": op.text, "base": _address(request), "default": list(op.default_graphs),
               "named": list(op.named_graphs), "from": list(from_graphs(op.text)),
               "has_from": names_dataset(op.text), "has_graph": reads_named_graphs(op.text), "form": op.form, "type": media}
        if cap is not None:
            job["cap"] = cap
        client = client_of(request)
        # fair shares: one client's queries wait for each other, so one worker is always left for the others
        share = running.setdefault(client, [asyncio.Semaphore(max(1, pool.size - 1)), 0])
        share[1] += 1
        try:
            async with asyncio.timeout(limits.timeout):
                await share[0].acquire()
        except TimeoutError:
            share[1] -= 1
            if not share[1]:
                del running[client]
            return _error(503, "your other queries hold their share of the workers; retry shortly", {"Retry-After": "1"})
        try:
            async with gate.read():
                head, body = await pool.run(job)
        except QueryTimeoutError:
            limiter.charge(client_of(request), limits.timeout * limiter.rate)
            return _error(503, f"query timeout: stopped after {limits.timeout:g} s", {"Suanli-Timeout": f"{limits.timeout:g}"})
        except BusyError:
            return _error(503, "every query worker is busy; retry shortly", {"Retry-After": "1"})
        except WorkerFailedError:
            return _error(400, "the query could not be run (its worker died and was replaced); simplify it")
        finally:
            share[0].release()
            share[1] -= 1
            if not share[1]:
                del running[client]
        if head["status"] != 200:
            return _error(head["status"], head["error"])
        headers = {"Vary": "Accept", CAP_HEADERS[0]: str(cap or limits.row_cap),
                   CAP_HEADERS[1]: "true" if head["truncated"] else "false"}
        media_type = head["type"] + ("; charset=utf-8" if head["type"].startswith("text/") else "")
        return Response(b"" if request.method == "HEAD" else body, media_type=media_type, headers=headers)

    async def run_update(text: str, base: str | None = None) -> None:
        """One SPARQL Update, alone on the store: queries wait, workers close their read-only handles."""
        for old in stale:
            old.unlink(missing_ok=True)
        stale[:] = [dump.path for dump in dumps.values()]
        dumps.clear()
        if remote:
            await run_in_threadpool(db.update, text, base)
            return
        assert isinstance(db, LocalStore)
        async with gate.write(), pool.paused():
            with db.closed():
                reason = await run_in_threadpool(update_in_process, str(db.path), text, base, limits.timeout)
        if reason:
            raise ProtocolError(400, f"bad update: {reason}")

    def description(request: Request, op: Operation) -> Response:
        html = negotiate(request.headers.get("accept"), (*GRAPH_TYPES, "text/html")) == "text/html"
        if html and not op.formats:
            return HTMLResponse(files("kg.web").joinpath("static/sparql.html").read_text(encoding="utf-8"),
                                headers={"Vary": "Accept"})
        media = result_type("describe", request.headers.get("accept"), op.formats)
        endpoint = _address(request)
        graph = ox.parse(service_description, format=ox.RdfFormat.TURTLE, base_iri=endpoint)
        body = ox.serialize((q.triple for q in graph), format=ox.RdfFormat.from_media_type(media))
        return Response(body, media_type=media, headers={"Vary": "Accept"})

    async def sparql(request: Request) -> Response:
        try:
            budget(request)
            if len(request.url.query) > MAX_URL_QUERY:
                raise ProtocolError(414, f"the URL is longer than {MAX_URL_QUERY} bytes; POST the query")
            body = await _body(request, limits.max_query_bytes, limits.body_timeout) if request.method == "POST" else b""
            op = read_operation(request.method, request.headers.get("content-type"), request.url.query, body)
            if op.kind == "description":
                return description(request, op)
            if reason := refusal(op.text):
                raise ProtocolError(400, reason)
            if op.kind == "update":
                authorised(request)
                try:
                    await run_update(op.text, _address(request))
                except QueryTimeoutError:
                    return _error(503, f"update timeout: stopped after {limits.timeout:g} s; nothing was written",
                                  {"Suanli-Timeout": f"{limits.timeout:g}"})
                return Response(status_code=204)
            if not op.form:
                raise ProtocolError(400, "bad query: no SELECT, ASK, CONSTRUCT or DESCRIBE found")
            media = result_type(op.form, request.headers.get("accept"), op.formats)
            return await run_query(request, op, media)
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        except SuanliError as exc:  # an update the store refused
            return _error(400, exc.message)

    async def graph_store(request: Request) -> Response:
        """Graph Store Protocol (indirect identification): GET/HEAD read; PUT, POST, DELETE with the token."""
        try:
            budget(request)
            params = request.query_params
            if ("graph" in params) == ("default" in params):
                raise ProtocolError(400, "name one graph: ?graph=IRI or ?default")
            if "graph" in params and not params["graph"]:
                raise ProtocolError(400, "?graph= names no graph; give an IRI, or ?default for the summary graph")
            graph = params.get("graph") or summary
            try:
                graph = ox.NamedNode(graph).value
            except ValueError:
                raise ProtocolError(400, f"not an IRI: {graph[:200]}") from None
            if request.method in ("GET", "HEAD"):
                media = result_type("construct", request.headers.get("accept"), tuple(params.getlist("format")))
                op = Operation("query", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", form="construct")
                if not (await _graph_exists(graph)):
                    raise ProtocolError(404, f"no graph <{graph}> in this dataset")
                return await run_query(request, op, media, cap=2**62)
            if request.method not in ("PUT", "POST", "DELETE"):
                raise ProtocolError(405, f"{request.method} is not a Graph Store Protocol method",
                                    {"Allow": "GET, HEAD, PUT, POST, DELETE"})
            authorised(request)
            if derived(graph):
                raise ProtocolError(403, f"<{graph}> is derived from the documents (summary, reference, reports) and is "
                                         "written only by ingest; write a document's own graph instead")
            existed = await _graph_exists(graph)
            if request.method == "DELETE":
                if not existed:
                    raise ProtocolError(404, f"no graph <{graph}> in this dataset")
                await run_update(f"DROP GRAPH <{graph}>")
                return Response(status_code=204)
            ntriples = _parse_upload(await _body(request, limits.max_body_bytes, limits.body_timeout), request.headers.get("content-type"))
            clear = f"DROP SILENT GRAPH <{graph}> ; " if request.method == "PUT" else ""
            await run_update(f"{clear}INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}")
            return Response(status_code=204 if existed else 201)
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        except SuanliError as exc:
            return _error(400, exc.message)

    async def _graph_exists(graph: str) -> bool:
        query = f"ASK {{ GRAPH <{graph}> {{ }} }}"
        async with gate.read():
            return bool((await run_in_threadpool(db.select, query)).boolean)

    app.add_route("/rdf-graphs", graph_store, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"])

    @app.post("/documents")
    async def add_document(request: Request, name: Annotated[str, Query(max_length=200)] = "document.txt") -> Response:
        """Add or replace one document (text or HTML in the body) through the whole pipeline, with the update token.

        The same `suanli ingest` runs in a process of its own while queries wait; the summary and /ask see the
        document as soon as this answers. An unchanged document changes nothing.
        """
        try:
            budget(request)
            authorised(request)
            safe = re.sub(r"[^\w.\-]+", "_", name).strip("._") or "document.txt"
            if not safe.lower().endswith((".txt", ".html", ".htm", ".md", ".text", ".xhtml")):
                safe += ".txt"
            body = await _body(request, limits.max_body_bytes, limits.body_timeout)
            if not body.strip():
                raise ProtocolError(400, "the document is empty")
            outcome = await add_documents(safe, body)
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        status = 201 if outcome["status"] in ("added", "replaced") else 200
        return JSONResponse(outcome, status_code=status)

    async def add_documents(name: str, body: bytes) -> dict[str, Any]:
        for old in stale:
            old.unlink(missing_ok=True)
        stale[:] = [dump.path for dump in dumps.values()]
        dumps.clear()
        with tempfile.TemporaryDirectory(prefix="suanli-doc-") as folder:
            path = Path(folder) / name
            path.write_bytes(body)
            command = [sys.executable, "-m", "kg", "ingest", str(path), "--format", "json", "--jobs", "1"]
            env = {**os.environ, "SUANLI_SERVICE_WRITE": "1"}
            if remote:
                done = await run_in_threadpool(_run, command, env, limits.timeout * 4)
            else:
                assert isinstance(db, LocalStore)
                async with gate.write(), pool.paused():
                    with db.closed():
                        done = await run_in_threadpool(_run, [*command, "--store", str(db.path)], env, limits.timeout * 4)
        if done is None:
            raise ProtocolError(503, "the document took too long to read; nothing was written")
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ProtocolError(400, (reason[-1] if reason else "the document could not be read").removeprefix("suanli: "))
        outcome = json.loads(done.stdout)[0]
        outcome["path"] = name
        return dict(outcome)

    @app.get("/ask")
    async def ask_get(request: Request, q: Annotated[str, Query(max_length=10000)] = "") -> Response:
        return await ask_question(request, q)

    @app.post("/ask")
    async def ask_post(request: Request) -> Response:
        """A question as JSON {"q": …} or a form field `q`; the budget is charged and the size checked before reading."""
        try:
            budget(request)
            question = read_question(await _body(request, MAX_QUESTION_BODY, limits.body_timeout), request.headers.get("content-type"))
        except ProtocolError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
        return await ask_question(request, question, charged=True)

    async def ask_question(request: Request, question: str, *, charged: bool = False) -> Response:
        try:
            if not charged:
                budget(request)
            if not question.strip():
                raise ProtocolError(400, "ask a question: ?q=… or a JSON body {\"q\": \"…\"}")
        except ProtocolError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
        async with gate.read():
            return JSONResponse(await run_in_threadpool(answer, question, store=db))

    app.mount("/static", StaticFiles(packages=[("kg.web", "static")]), name="static")

    async def read(function: Any, *args: Any) -> Any:
        """A store read off the event loop, waiting for any write to finish."""
        async with gate.read():
            return await run_in_threadpool(function, *args)

    def describe_as(request: Request, graph: Graph, media: str, html: Any) -> Response:
        """One negotiated answer: the HTML page (built by `html()`) or the graph in an RDF format."""
        headers = {"Vary": "Accept", "Link": ", ".join(
            f'<{request.url.path}?format={code}>; rel="alternate"; type="{kind}"'
            for (_, code), kind in zip(pages.FORMAT_LINKS, linked.RDF_TYPES, strict=True))}
        if media == "text/html":
            return HTMLResponse(html() if request.method == "GET" else "", headers=headers)
        body = linked.serialize(graph, media, context_url=f"{request.base_url}context.jsonld")
        return Response(body if request.method == "GET" else b"", media_type=media, headers=headers)

    def lang_of(request: Request) -> str:
        return pages.ui_language(request.query_params.get("lang"), request.headers.get("accept-language"))

    def negotiated(request: Request) -> str:
        budget(request)
        return linked.page_type(request.headers.get("accept"), tuple(request.query_params.getlist("format")))

    def not_found(request: Request, media: str, what: str) -> Response:
        lang = lang_of(request)
        what = short(what)  # a 30 KB path must not come back thirteen times
        if media == "text/html":
            page = pages.render("graph.html", lang=lang, page={"title": what, "blocks": [], "note": "not_found"},
                                graph=None, path=short(request.url.path))
            return HTMLResponse(page, status_code=404, headers={"Vary": "Accept"})
        return _error(404, f"nothing is known about {what}", {"Vary": "Accept"})

    @app.api_route("/resource/{path:path}", methods=["GET", "HEAD"])
    async def resource(request: Request, path: str) -> Response:
        """A resource IRI dereferenced: HTML for people, Turtle, JSON-LD, N-Triples or RDF/XML for machines."""
        try:
            media = negotiated(request)
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        iri = settings.base + path
        try:
            ox.NamedNode(iri)
        except ValueError:
            return not_found(request, media, iri)
        graph = await read(linked.describe, db, settings.base, iri) if path else Graph()
        if not len(graph):
            if path.startswith("graph/") and await _graph_exists(iri):  # a named graph's name: its contents
                return Response(status_code=303, headers={"Location": f"/rdf-graphs?graph={quote(iri, safe='')}", "Vary": "Accept"})
            return not_found(request, media, iri)
        lang = lang_of(request)
        if media != "text/html":
            return describe_as(request, graph, media, None)
        neighbours = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
        found = await read(linked.labels, db, settings.base, neighbours)
        types = set(graph.objects(URIRef(iri), RDF.type))
        if types & pages.entity_classes():
            found_sources = await read(linked.sources, db, settings.base, iri)
            return describe_as(request, graph, media, lambda: pages.entity_page(
                graph, iri, lang=lang, base=settings.base, found=found, sources=found_sources))
        kept_aside = await read(linked.quarantined, db, settings.base, iri)
        return describe_as(request, graph, media, lambda: pages.graph_page(
            graph, title=None, lang=lang, base=settings.base,
            path=request.url.path, primary=iri, found=found, note="quarantined" if kept_aside else None))

    def fixed_graph(name: str, graph: Graph, title_key: str, primary: str | None) -> None:
        async def handler(request: Request) -> Response:
            try:
                media = negotiated(request)
            except ProtocolError as exc:
                return _error(exc.status, exc.message, exc.headers)
            lang = lang_of(request)
            return describe_as(request, graph, media, lambda: pages.graph_page(
                graph, title=pages.strings()[lang][title_key], lang=lang, base=settings.base, path=name, primary=primary))
        app.add_api_route(name, handler, methods=["GET", "HEAD"], include_in_schema=False)

    fixed_graph("/ontology", ontology_graph(), "ontology", linked.ONTOLOGY_NS.rstrip("#"))
    fixed_graph("/shapes", linked.shapes_graph(), "shapes", None)

    @app.get("/context.jsonld", include_in_schema=False)
    def json_ld_context() -> Response:
        return JSONResponse(linked.context(), media_type="application/ld+json",
                            headers={"Cache-Control": "public, max-age=86400"})

    async def dump_of(media: str) -> linked.Dump:
        """The dump in `media`, written once per state of the store (a write empties the cache)."""
        async with dump_lock:
            if media not in dumps:
                folder = Path(dump_folder.name) / str(time.monotonic_ns())
                folder.mkdir()
                dumps[media] = await read(linked.write_dump, db, media, folder)
            return dumps[media]

    @app.api_route("/.well-known/void", methods=["GET", "HEAD"])
    async def void(request: Request) -> Response:
        """VoID and DCAT: licence, counts, class partitions, the endpoint, the dumps with their SHA-256."""
        try:
            media = negotiated(request)
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        found = [await dump_of(kind) for kind in linked.DUMP_TYPES]
        graph = await read(linked.dataset_description, db, settings.base, str(request.base_url), found)
        lang = lang_of(request)
        return describe_as(request, graph, media, lambda: pages.graph_page(
            graph, title=pages.strings()[lang]["dataset"], lang=lang, base=settings.base, path="/.well-known/void",
            primary=f"{request.base_url}.well-known/void#dataset"))

    @app.api_route("/dump", methods=["GET", "HEAD"])
    @app.api_route("/dump.{extension}", methods=["GET", "HEAD"])
    async def dump(request: Request, extension: str = "") -> Response:
        """The whole dataset in TriG or N-Quads, with its SHA-256 (Repr-Digest, ETag, /dump.EXT.sha256)."""
        try:
            budget(request)
            checksum_only = extension.endswith(".sha256")
            extension = extension.removesuffix(".sha256")
            by_extension = {ext: kind for kind, (ext, _) in linked.DUMP_TYPES.items()}
            if extension and extension not in by_extension:
                raise ProtocolError(404, f"no dump /dump.{extension}; there are /dump.trig and /dump.nq")
            media = by_extension.get(extension) or linked.dump_type(
                request.headers.get("accept"), tuple(request.query_params.getlist("format")))
        except ProtocolError as exc:
            return _error(exc.status, exc.message, exc.headers)
        found = await dump_of(media)
        name = f"suanli.{linked.DUMP_TYPES[media][0]}"
        if checksum_only:
            return Response(f"{found.sha256}  {name}\n", media_type="text/plain; charset=utf-8")
        digest = base64.b64encode(bytes.fromhex(found.sha256)).decode()
        headers = {"ETag": f'"{found.sha256}"', "Repr-Digest": f"sha-256=:{digest}:", "Vary": "Accept",
                   "Content-Disposition": f'attachment; filename="{name}"'}
        if request.headers.get("if-none-match") == headers["ETag"]:
            return Response(status_code=304, headers=headers)
        return FileResponse(found.path, media_type=media, headers=headers)

    @app.get("/app-config.json", include_in_schema=False)
    def app_config() -> Response:
        """What the web page needs: the resource base, the interface strings, the example queries in three scripts."""
        queries = [{"name": q.name, "zh-Hans": q.zh, "zh-Hant": pages.to_traditional(q.zh), "en": q.en, "sparql": q.sparql}
                   for q in named_queries().values()]
        return JSONResponse({"base": settings.base, "strings": pages.strings(), "queries": queries,
                             "questions": pages.example_questions()})

    @app.get("/validation")
    async def validation() -> Response:
        """The latest validation results, as ingest and `suanli validate` stored them (both languages)."""
        async with gate.read():
            results = await run_in_threadpool(stored_results, db, settings.base)
        quarantined = sorted({r["focus"] for r in results if r["quarantined"]})
        return JSONResponse({"conforms": not quarantined, "quarantined": quarantined, "results": results})

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return files("kg.web").joinpath("static/index.html").read_text(encoding="utf-8")

    return FastPath(app, "/sparql", sparql)


def _parse_upload(body: bytes, content_type: str | None) -> str:
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
