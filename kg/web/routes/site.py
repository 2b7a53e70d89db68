"""The web page and what it reads: / (the page), /static/…, /app-config.json (interface strings and example
queries) and /validation (the latest validation results). None of these is charged to the budget.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.staticfiles import StaticFiles

from kg.graph.named import named_queries
from kg.pipeline.validate import stored_results
from kg.web import pages
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


@router.get("/validation")
async def validation(state: State) -> Response:
    """The latest validation results, as ingest and `suanli validate` stored them (both languages)."""
    results = await state.read(stored_results, state.db, state.settings.base)
    quarantined = sorted({r["focus"] for r in results if r["quarantined"]})
    return JSONResponse({"conforms": not quarantined, "quarantined": quarantined, "results": results})


@router.get("/", response_class=HTMLResponse)
def page() -> str:
    return files("kg.web").joinpath("static/index.html").read_text(encoding="utf-8")
