"""The HTTP service: /sparql (SPARQL 1.1 Protocol), /rdf-graphs (Graph Store Protocol), /ask, /validation,
linked data (/resource/…, /ontology, /shapes, /.well-known/void, /dump) and the web page.

A query's default graph is the summary graph (kg.graph.summary): each entity and distinct fact once,
never a quarantined fact; every document's facts stay readable as its own named graph.

Safe by default: the store is opened read-only; queries run in worker processes (kg.web.executor) that
are killed past the timeout; SERVICE, LOAD and graphs outside the dataset are refused before
anything runs; answers stop at a row cap (said in `Suanli-Row-Cap` / `Suanli-Truncated`); request
sizes are bounded; each client has a request budget (429 with Retry-After). SPARQL Update and Graph
Store writes need the configured token.

`create_app(store=…)` builds the app: the shared state (kg.web.service) on `app.state.service`, one router
per concern (kg.web.routes), /sparql ahead of them all (kg.web.transport.FastPath). The protocol's
rules live in kg.web.protocol.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from functools import partial

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.middleware.cors import CORSMiddleware

from kg.graph.store import LocalStore, RemoteStore
from kg.web.guards import Gate, RateLimiter
from kg.web.protocol import ProtocolError
from kg.web.routes import graph_store, linked_data, questions, site, sparql
from kg.web.routes.questions import read_question
from kg.web.service import Service
from kg.web.settings import Limits
from kg.web.transport import EXPOSED_HEADERS, FastPath, guarded_http, refused

__all__ = ["FastPath", "Gate", "RateLimiter", "create_app", "guarded_http", "read_question"]


def create_app(*, store: str | None = None, endpoint: str | None = None,
               backend: LocalStore | RemoteStore | None = None, limits: Limits | None = None) -> FastPath:
    """The service over an embedded store directory, a remote endpoint, or an open store."""
    state = Service.open(store=store, endpoint=endpoint, backend=backend, limits=limits)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await state.start()
        try:
            yield
        finally:
            await state.stop()

    app = FastAPI(title="Suanli KG", description="China's computing infrastructure as a knowledge graph", lifespan=lifespan)
    app.state.service = state
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False,
                       allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"], allow_headers=["*"],
                       expose_headers=list(EXPOSED_HEADERS), max_age=600)
    app.add_exception_handler(ProtocolError, _refused)
    for router in (graph_store.router, questions.router, linked_data.router, site.router):
        app.include_router(router)
    return FastPath(app, "/sparql", partial(sparql.sparql, state))


async def _refused(_: Request, exc: Exception) -> Response:
    """A ProtocolError a route or a dependency (the budget) raised, as the plain-text line it stands for."""
    assert isinstance(exc, ProtocolError)
    return refused(exc)
