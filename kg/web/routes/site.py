"""The web page and what it reads: / (the page), /static/…, /app-config.json (interface strings and example
queries) and /validation (the latest validation results). None of these is charged to the budget.
"""

from __future__ import annotations

import json
import math
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from rdflib import Graph
from starlette.staticfiles import StaticFiles

from kg import present
from kg.graph.factview import entity_labels
from kg.graph.named import named_queries
from kg.graph.prefixes import readable
from kg.pipeline.validate import stored_results
from kg.web import pages
from kg.web.protocol import ProtocolError, negotiate
from kg.web.service import State
from kg.web.transport import read_body

router = APIRouter()
router.mount("/static", StaticFiles(packages=[("kg.web", "static")]), name="static")


@router.get("/app-config.json", include_in_schema=False)
def app_config(state: State) -> Response:
    """What the web page needs: the resource base, the interface strings, the example queries in three scripts."""
    queries = [{"name": q.name, "zh-Hans": q.zh, "zh-Hant": pages.to_traditional(q.zh), "en": q.en, "sparql": q.sparql}
               for q in named_queries().values()]
    return JSONResponse({"base": state.settings.base, "strings": pages.strings(), "queries": queries,
                         "questions": pages.example_questions()})


MAX_WORDS_BODY = 256 * 1024  # a chart's figures and ticks: a few hundred small objects
_WORD_UNITS = {"PFLOPS", "racks", "CNY", "USD", "kW", "MW", "km2", "ms", "m2"}
_WORD_COMPARATORS = {"eq", "gt", "ge", "lt", "le", "approx"}


@router.post("/figure-words", include_in_schema=False)
async def figure_words(request: Request, state: State) -> Response:
    """Figures and axis amounts worded by the presenter for the page's charts, in one script:
    {"lang", "figures": [{value, unit, comparator, metric}], "amounts": [numbers]} → {"figures": [...], "amounts": [...]}.
    The chart draws; the words ("超过15万P", "more than 150,000 PFLOPS", "5万") come from kg.present, as everywhere."""
    try:
        body = await read_body(request, MAX_WORDS_BODY, state.limits.body_timeout)
        lang, figures, amounts = _words_request(body)
    except ProtocolError as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
    return JSONResponse({
        "figures": [present.figure(f["value"], f.get("unit"), f.get("comparator"), lang, metric=f.get("metric"))
                    for f in figures],
        "amounts": [present.amount(a, lang) for a in amounts]})


def _words_request(body: bytes) -> tuple[str, list[dict[str, Any]], list[float]]:
    """The figures to word, checked: 400 with one line for anything else."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ProtocolError(400, "send a JSON object {\"lang\", \"figures\", \"amounts\"}") from None
    if not isinstance(data, dict) or data.get("lang") not in present.SCRIPTS:
        raise ProtocolError(400, f"'lang' must be one of {', '.join(present.SCRIPTS)}")
    figures, amounts = data.get("figures", []), data.get("amounts", [])
    if not isinstance(figures, list) or not isinstance(amounts, list) or len(figures) + len(amounts) > 5000:
        raise ProtocolError(400, "'figures' and 'amounts' must be lists of at most 5000 items together")
    for f in figures:
        if not (isinstance(f, dict) and _is_number(f.get("value")) and f.get("unit") in (*_WORD_UNITS, None)
                and f.get("comparator", "eq") in _WORD_COMPARATORS and isinstance(f.get("metric", ""), str | None)):
            raise ProtocolError(400, "each figure is {value: number, unit, comparator, metric} with known codes")
    if not all(_is_number(a) for a in amounts):
        raise ProtocolError(400, "each amount is a number")
    return data["lang"], figures, [float(a) for a in amounts]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and abs(value) < 1e18


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
