"""The HTTP service: /sparql (SPARQL 1.1 Protocol, read-only), /ask, and the web page.

A query's default graph is the summary graph (kg.summary): each entity and distinct fact once,
never a quarantined fact; every document's facts stay readable as its own named graph.

`create_app(store=…)` builds the app; routes are thin adapters over kg.store and kg.ask.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from extract.errors import BadQueryError
from kg.ask import ask as answer
from kg.settings import Settings
from kg.store import LocalStore, RemoteStore, open_store
from kg.summary import summary_graph_iri
from kg.validate import stored_results

SPARQL_JSON = "application/sparql-results+json"
REFUSED = ("SERVICE", "LOAD ")


def _refuse(query: str) -> str | None:
    upper = query.upper()
    for word in REFUSED:
        if word in upper:
            return f"{word.strip()} is not allowed on this endpoint"
    return None


def create_app(*, store: str | None = None, endpoint: str | None = None,
               backend: LocalStore | RemoteStore | None = None) -> FastAPI:
    """The service over an embedded store directory, a remote endpoint, or an open store."""
    db = backend or open_store(path=store, endpoint=endpoint, read_only=True,
                               default_graph=str(summary_graph_iri(Settings.from_env().base)))
    app = FastAPI(title="Suanli KG", description="China's computing infrastructure as a knowledge graph")

    def run(query: str | None) -> Response:
        if not query:
            return JSONResponse({"error": "missing 'query' parameter"}, status_code=400)
        if (reason := _refuse(query)) is not None:
            return JSONResponse({"error": reason}, status_code=400)
        try:
            results = db.select(query)
        except BadQueryError as exc:
            return JSONResponse({"error": f"bad query: {exc.message}"}, status_code=400)
        return JSONResponse(results.to_json(), media_type=SPARQL_JSON)

    @app.get("/sparql")
    def sparql_get(query: Annotated[str | None, Query()] = None) -> Response:
        return run(query)

    @app.post("/sparql")
    async def sparql_post(request: Request) -> Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        body = await request.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return JSONResponse({"error": "the request body is not UTF-8"}, status_code=400)
        if content_type == "application/sparql-query":
            return run(text)
        if content_type == "application/x-www-form-urlencoded":
            from urllib.parse import parse_qs

            values = parse_qs(text).get("query", [])
            if len(values) != 1:
                return JSONResponse({"error": "exactly one 'query' parameter is required"}, status_code=400)
            return run(values[0])
        return JSONResponse({"error": "unsupported Content-Type"}, status_code=415)

    @app.get("/ask")
    def ask_get(q: Annotated[str, Query(max_length=10000)] = "") -> Response:
        return JSONResponse(answer(q, store=db))

    @app.post("/ask")
    async def ask_post(request: Request) -> Response:
        from urllib.parse import parse_qs

        body = (await request.body()).decode("utf-8", errors="replace")
        if request.headers.get("content-type", "").startswith("application/json"):
            import json

            try:
                question = str(json.loads(body).get("q", ""))
            except (ValueError, AttributeError):
                return JSONResponse({"error": "body must be a JSON object with 'q'"}, status_code=400)
        else:
            question = (parse_qs(body).get("q") or [""])[0]
        return JSONResponse(answer(question[:10000], store=db))

    @app.get("/validation")
    def validation() -> Response:
        """The latest validation results, as ingest and `suanli validate` stored them (both languages)."""
        results = stored_results(db, Settings.from_env().base)
        quarantined = sorted({r["focus"] for r in results if r["quarantined"]})
        return JSONResponse({"conforms": not quarantined, "quarantined": quarantined, "results": results})

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return files("kg").joinpath("static/index.html").read_text(encoding="utf-8")

    return app
