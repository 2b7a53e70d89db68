"""The state every route shares, built once per app and kept on `app.state.service`: the store, the query
workers, the guards (budget, fair shares, read/write gate), the settings and the dump cache.

Routes reach it as FastAPI dependencies: `State` (`Depends(service)`) for the state, `Depends(budget)` to
charge the client one request first (429 when its budget is spent). A route whose query parameters FastAPI
validates calls `check_budget` itself, since FastAPI runs dependencies before it validates parameters and
a refused parameter costs nothing; the update token (`check_token`) is checked where the protocol says,
after the request's own 400s.
"""

from __future__ import annotations

import asyncio
import hmac
import math
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kg.graph.query_text import from_graphs, names_dataset, reads_named_graphs
from kg.graph.store import LocalStore, RemoteStore, open_store
from kg.graph.summary import summary_graph_iri
from kg.web import linked
from kg.web.executor import BusyError, Pool, QueryTimeoutError, WorkerFailedError, update_in_process
from kg.web.guards import FairShares, Gate, RateLimiter
from kg.web.protocol import Operation, ProtocolError
from kg.web.settings import Limits, Settings
from kg.web.transport import CAP_HEADERS, address, client_of


class DumpCache:
    """The dataset dumps by media type, written once per state of the store; a write empties the cache.

    The generation before a write stays on disk until the next write, for downloads still in flight.
    """

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="suanli-dump-")
        self.dumps: dict[str, linked.Dump] = {}
        self.stale: list[Path] = []
        self.lock = asyncio.Lock()

    def invalidate(self) -> None:
        """Forget the dumps before a write: the previous stale generation goes, the current one becomes stale."""
        for old in self.stale:
            old.unlink(missing_ok=True)
        self.stale[:] = [dump.path for dump in self.dumps.values()]
        self.dumps.clear()

    async def get(self, media: str, write: Callable[[str, Path], Awaitable[linked.Dump]]) -> linked.Dump:
        """The dump in `media`, written by `write(media, folder)` into a fresh folder when not cached."""
        async with self.lock:
            if media not in self.dumps:
                folder = Path(self.folder.name) / str(time.monotonic_ns())
                folder.mkdir()
                self.dumps[media] = await write(media, folder)
            return self.dumps[media]

    def cleanup(self) -> None:
        self.folder.cleanup()


@dataclass
class Service:
    """One service's shared state and the store operations every route goes through."""

    settings: Settings
    limits: Limits
    db: LocalStore | RemoteStore
    pool: Pool
    summary: str  # the default graph's name
    gate: Gate = field(default_factory=Gate)
    dumps: DumpCache = field(default_factory=DumpCache)
    limiter: RateLimiter = field(init=False)
    shares: FairShares = field(init=False)
    description: bytes = field(init=False)  # the SPARQL service description (Turtle, relative to the endpoint)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.limits.rate, self.limits.burst)
        self.shares = FairShares(self.pool.size, self.limits.timeout)
        self.description = files("kg.web").joinpath("static/service-description.ttl").read_bytes()

    @classmethod
    def open(cls, *, store: str | None, endpoint: str | None, backend: LocalStore | RemoteStore | None,
             limits: Limits | None) -> Service:
        """The state over an embedded store directory, a remote endpoint, or an open store (workers not started)."""
        settings = Settings.from_env()
        limits = limits or Limits.from_env()
        summary = str(summary_graph_iri(settings.base))
        db = backend or open_store(path=store, endpoint=endpoint, update_endpoint=settings.update_endpoint,
                                   read_only=True, default_graph=summary)
        remote = isinstance(db, RemoteStore)
        where = db.query_endpoint if isinstance(db, RemoteStore) else str(db.path)
        config = {"default_graph": summary, "row_cap": limits.row_cap, "max_bytes": limits.max_result_bytes,
                  "memory_quads": limits.memory_quads, "endpoint": where if remote else None,
                  "store": None if remote else where}
        pool = Pool(config, size=limits.worker_count(remote=remote), timeout=limits.timeout)
        return cls(settings=settings, limits=limits, db=db, pool=pool, summary=summary)

    @property
    def remote(self) -> bool:
        return isinstance(self.db, RemoteStore)

    @property
    def where(self) -> str:
        return self.db.query_endpoint if isinstance(self.db, RemoteStore) else str(self.db.path)

    async def start(self) -> None:
        """Start the query workers and say over what they run (the one line `suanli serve` prints)."""
        await self.pool.start()
        memory = "held in memory" if self.pool.in_memory else "read from disk"
        source = f"the remote store {self.where}" if self.remote else f"the store {self.where} {memory}"
        print(f"suanli serve: {self.pool.size} query workers over {source}", file=sys.stderr, flush=True)

    async def stop(self) -> None:
        await self.pool.stop()
        self.dumps.cleanup()

    def check_budget(self, request: Request) -> None:
        """Charge the client one request; 429 with Retry-After when its budget is spent."""
        client = client_of(request)
        if wait := self.limiter.take(client):
            raise ProtocolError(429, f"too many requests from {client}; retry in {math.ceil(wait)} s",
                                {"Retry-After": str(math.ceil(wait))})

    def check_token(self, request: Request) -> None:
        """403 when no update token is configured, 401 when the request does not carry it."""
        if not self.limits.token:
            raise ProtocolError(403, "this endpoint is read-only; updates need a token configured on the server")
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {self.limits.token}".encode()):
            raise ProtocolError(401, "an update needs 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"})

    def derived(self, graph: str) -> bool:
        """The graphs ingest derives from the documents; a direct write would leave them out of step."""
        base = self.settings.base
        return graph in (self.summary, f"{base}graph/reference", f"{base}graph/ontology") or \
            graph.startswith(f"{base}report/")

    def summarised(self, graph: str) -> bool:
        """A graph the summary merges (kg.graph.summary reads every graph but itself, quarantines and reports)."""
        return not self.derived(graph) and not graph.startswith(f"{self.settings.base}quarantine/")

    async def read(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A store read off the event loop, waiting for any write to finish."""
        async with self.gate.read():
            return await run_in_threadpool(function, *args, **kwargs)

    async def graph_exists(self, graph: str) -> bool:
        result = await self.read(self.db.select, f"ASK {{ GRAPH <{graph}> {{ }} }}")
        return bool(result.boolean)

    async def dump(self, media: str) -> linked.Dump:
        """The whole dataset in `media`, written once per state of the store."""
        return await self.dumps.get(media, lambda kind, folder: self.read(linked.write_dump, self.db, kind, folder))

    async def query(self, request: Request, op: Operation, media: str, *, cap: int | None = None) -> Response:
        """One query run by a worker within the client's share; failures come as ProtocolError.

        A query that runs to the timeout costs its client the requests it could have made meanwhile.
        """
        job = {"text": op.text, "base": address(request), "default": list(op.default_graphs),
               "named": list(op.named_graphs), "from": list(from_graphs(op.text)),
               "has_from": names_dataset(op.text), "has_graph": reads_named_graphs(op.text), "form": op.form, "type": media}
        if cap is not None:
            job["cap"] = cap
        timeout = self.limits.timeout
        async with self.shares.held(client_of(request)):
            try:
                async with self.gate.read():
                    head, body = await self.pool.run(job)
            except QueryTimeoutError:
                self.limiter.charge(client_of(request), timeout * self.limiter.rate)
                raise ProtocolError(503, f"query timeout: stopped after {timeout:g} s",
                                    {"Suanli-Timeout": f"{timeout:g}"}) from None
            except BusyError:
                raise ProtocolError(503, "every query worker is busy; retry shortly", {"Retry-After": "1"}) from None
            except WorkerFailedError:
                raise ProtocolError(400, "the query could not be run (its worker died and was replaced); simplify it") from None
        if head["status"] != 200:
            raise ProtocolError(head["status"], head["error"])
        headers = {"Vary": "Accept", CAP_HEADERS[0]: str(cap or self.limits.row_cap),
                   CAP_HEADERS[1]: "true" if head["truncated"] else "false"}
        media_type = head["type"] + ("; charset=utf-8" if head["type"].startswith("text/") else "")
        return Response(b"" if request.method == "HEAD" else body, media_type=media_type, headers=headers)

    async def update(self, text: str, base: str | None = None) -> None:
        """One SPARQL Update, alone on the store: queries wait, workers close their read-only handles."""
        self.dumps.invalidate()
        if isinstance(self.db, RemoteStore):
            await run_in_threadpool(self.db.update, text, base)
            return
        async with self.gate.write(), self.pool.paused():
            with self.db.closed():
                reason = await run_in_threadpool(update_in_process, str(self.db.path), text, base, self.limits.timeout)
        if reason:
            raise ProtocolError(400, f"bad update: {reason}")


def service(request: Request) -> Service:
    """The app's shared state (a dependency)."""
    state: Service = request.app.state.service
    return state


State = Annotated[Service, Depends(service)]


def budget(request: Request, state: State) -> None:
    """Charge the client one request before the route runs (a dependency); 429 when its budget is spent."""
    state.check_budget(request)

