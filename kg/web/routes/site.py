"""The web page and what it reads: / (the page), /static/…, /app-config.json (interface strings and example
queries) and /validation (the latest validation results). None of these is charged to the budget.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from rdflib import Graph
from starlette.staticfiles import StaticFiles

from kg.graph.factview import entity_labels
from kg.graph.named import named_queries
from kg.graph.prefixes import readable
from kg.pipeline.validate import stored_results
from kg.web import pages
from kg.web.protocol import negotiate
from kg.web.service import State

router = APIRouter()
router.mount("/static", StaticFiles(packages=[("kg.web", "static")]), name="static")


@router.get("/app-config.json", include_in_schema=False)
def app_config(state: State) -> Response:
    """What the web page needs: the resource base, the interface strings, the example queries in three scripts."""
    queries = [{"name": q.name, "zh-Hans": q.zh, "zh-Hant": pages.to_traditional(q.zh), "en": q.en, "sparql": q.sparql}
               for q in named_queries().values()]
    return JSONResponse({"base": state.settings.base, "strings": pages.strings(), "queries": queries,
                         "questions": pages.example_questions()})


_REPORT_TYPES = ("application/json", "text/html", "text/turtle")


@router.get("/validation")
async def validation(request: Request, state: State) -> Response:
    """The latest validation results, as ingest and `suanli validate` stored them: a page grouped by entity
    in the reader's script (browsers), JSON (the default), or the SHACL reports as Turtle."""
    media = negotiate(request.headers.get("accept"), _REPORT_TYPES) or "application/json"
    wanted = request.query_params.get("format")
    media = {"json": "application/json", "html": "text/html", "turtle": "text/turtle", "ttl": "text/turtle"}.get(
        wanted or "", media)
    base = state.settings.base
    if media == "text/turtle":
        triples = await state.read(state.db.graph, _REPORTS.replace("#BASE", base))
        graph = Graph().parse(data=triples.decode("utf-8"), format="nt")
        return Response(readable(graph, "turtle", base), media_type="text/turtle", headers={"Vary": "Accept"})
    results = await state.read(stored_results, state.db, base)
    if media == "text/html":
        labels = await state.read(entity_labels, state.db)
        lang = pages.ui_language(request.query_params.get("lang"), request.headers.get("accept-language"))
        found = {r["entity"]: labels.get(r["entity"], {}) for r in results}
        return HTMLResponse(pages.validation_page(results, lang=lang, base=base, found=found), headers={"Vary": "Accept"})
    quarantined = sorted({r["focus"] for r in results if r["quarantined"]})
    return JSONResponse({"conforms": not quarantined, "quarantined": quarantined, "results": results},
                        headers={"Vary": "Accept"})


_REPORTS = """CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "#BASEreport/")) }"""


@router.get("/", response_class=HTMLResponse)
def page() -> str:
    return files("kg.web").joinpath("static/index.html").read_text(encoding="utf-8")
