"""Linked data: resource IRIs dereferenced (/resource/…), the ontology and the shapes, the JSON-LD context,
the dataset description (/.well-known/void) and the dumps (/dump). Each answer is negotiated: an HTML
page for people, Turtle, JSON-LD, N-Triples or RDF/XML for machines (kg.web.linked, kg.web.pages).

Refusals (429, 404, 406) are raised as ProtocolError and answered in plain text by the app's handler.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from urllib.parse import quote

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from rdflib import RDF, Graph, URIRef

from kg.graph.factview import corrections
from kg.graph.namespace import SL
from kg.graph.rdf import ontology_graph
from kg.graph.summary import summary_graph_iri
from kg.web import linked, pages
from kg.web.protocol import ProtocolError, short
from kg.web.service import Service, State, budget
from kg.web.transport import error

router = APIRouter()
CHARGED = [Depends(budget)]  # every answer here but the JSON-LD context (which each JSON-LD answer names) costs a request


def describe_as(request: Request, graph: Graph, media: str, html: Callable[[], str] | None) -> Response:
    """One negotiated answer: the HTML page (built by `html()`) or the graph in an RDF format."""
    headers = {"Vary": "Accept", "Link": ", ".join(
        f'<{request.url.path}?format={code}>; rel="alternate"; type="{kind}"'
        for (_, code), kind in zip(pages.FORMAT_LINKS, linked.RDF_TYPES, strict=True))}
    if media == "text/html":
        assert html is not None
        return HTMLResponse(html() if request.method == "GET" else "", headers=headers)
    body = linked.serialize(graph, media, context_url=f"{request.base_url}context.jsonld")
    return Response(body if request.method == "GET" else b"", media_type=media, headers=headers)


def lang_of(request: Request) -> str:
    return pages.ui_language(request.query_params.get("lang"), request.headers.get("accept-language"))


def negotiated(request: Request) -> str:
    """The page's media type from Accept or `format=`; 406 when none can be written."""
    return linked.page_type(request.headers.get("accept"), tuple(request.query_params.getlist("format")))


def not_found(request: Request, media: str, what: str) -> Response:
    """404 as a page or as a line, echoing at most a short form of the path."""
    lang = lang_of(request)
    what = short(what)  # a 30 KB path must not come back thirteen times
    if media == "text/html":
        page = pages.render("graph.html", lang=lang, page={"title": what, "blocks": [], "note": "not_found"},
                            graph=None, path=short(request.url.path))
        return HTMLResponse(page, status_code=404, headers={"Vary": "Accept"})
    return error(404, f"nothing is known about {what}", {"Vary": "Accept"})


@router.api_route("/resource/{path:path}", methods=["GET", "HEAD"], dependencies=CHARGED)
async def resource(request: Request, path: str, state: State) -> Response:
    """A resource IRI dereferenced: HTML for people, Turtle, JSON-LD, N-Triples or RDF/XML for machines."""
    media = negotiated(request)
    base = state.settings.base
    iri = base + path
    try:
        ox.NamedNode(iri)
    except ValueError:
        return not_found(request, media, iri)
    graph = await state.read(linked.describe, state.db, base, iri) if path else Graph()
    if not len(graph):
        if path.startswith("graph/") and await state.graph_exists(iri):  # a named graph's name: its contents
            return Response(status_code=303, headers={"Location": f"/rdf-graphs?graph={quote(iri, safe='')}", "Vary": "Accept"})
        return not_found(request, media, iri)
    if media != "text/html":
        return describe_as(request, graph, media, None)
    return await _resource_page(request, state, graph, iri)


async def _resource_page(request: Request, state: Service, graph: Graph, iri: str) -> Response:
    """A resource's HTML page: an entity page for the ontology's entity classes, else the triples as a table."""
    lang, base = lang_of(request), state.settings.base
    neighbours = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    found = await state.read(linked.labels, state.db, base, neighbours)
    types = set(graph.objects(URIRef(iri), RDF.type))
    if types & pages.entity_classes():
        found_sources = await state.read(linked.sources, state.db, base, iri)
        merged = [str(f) for f in graph.subjects(SL.subject, URIRef(iri)) if (f, RDF.type, SL.MergedFact) in graph]
        changes = await state.read(corrections, state.db, merged, summary=str(summary_graph_iri(base)))
        return describe_as(request, graph, "text/html", lambda: pages.entity_page(
            graph, iri, lang=lang, base=base, found=found, sources=found_sources, corrections=changes))
    kept_aside = await state.read(linked.quarantined, state.db, base, iri)
    return describe_as(request, graph, "text/html", lambda: pages.graph_page(
        graph, title=None, lang=lang, base=base,
        path=request.url.path, primary=iri, found=found, note="quarantined" if kept_aside else None))


def _fixed_graph(name: str, graph_of: Callable[[], Graph], title_key: str, primary: str | None) -> None:
    """A route answering one graph that never changes (built once, by `graph_of`)."""
    async def handler(request: Request, state: State) -> Response:
        media = negotiated(request)
        lang, graph = lang_of(request), graph_of()
        return describe_as(request, graph, media, lambda: pages.graph_page(
            graph, title=pages.strings()[lang][title_key], lang=lang, base=state.settings.base, path=name, primary=primary))
    router.add_api_route(name, handler, methods=["GET", "HEAD"], include_in_schema=False, dependencies=CHARGED)


_fixed_graph("/ontology", ontology_graph, "ontology", linked.ONTOLOGY_NS.rstrip("#"))
_fixed_graph("/shapes", linked.shapes_graph, "shapes", None)


@router.get("/context.jsonld", include_in_schema=False)
def json_ld_context() -> Response:
    return JSONResponse(linked.context(), media_type="application/ld+json",
                        headers={"Cache-Control": "public, max-age=86400"})


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], dependencies=CHARGED)
async def void(request: Request, state: State) -> Response:
    """VoID and DCAT: licence, counts, class partitions, the endpoint, the dumps with their SHA-256."""
    media = negotiated(request)
    found = [await state.dump(kind) for kind in linked.DUMP_TYPES]
    base = state.settings.base
    graph = await state.read(linked.dataset_description, state.db, base, str(request.base_url), found)
    lang = lang_of(request)
    return describe_as(request, graph, media, lambda: pages.graph_page(
        graph, title=pages.strings()[lang]["dataset"], lang=lang, base=base, path="/.well-known/void",
        primary=f"{request.base_url}.well-known/void#dataset"))


@router.api_route("/dump", methods=["GET", "HEAD"], dependencies=CHARGED)
@router.api_route("/dump.{extension}", methods=["GET", "HEAD"], dependencies=CHARGED)
async def dump(request: Request, state: State, extension: str = "") -> Response:
    """The whole dataset in TriG or N-Quads, with its SHA-256 (Repr-Digest, ETag, /dump.EXT.sha256)."""
    checksum_only = extension.endswith(".sha256")
    extension = extension.removesuffix(".sha256")
    by_extension = {ext: kind for kind, (ext, _) in linked.DUMP_TYPES.items()}
    if extension and extension not in by_extension:
        raise ProtocolError(404, f"no dump /dump.{extension}; there are /dump.trig and /dump.nq")
    media = by_extension.get(extension) or linked.dump_type(
        request.headers.get("accept"), tuple(request.query_params.getlist("format")))
    found = await state.dump(media)
    name = f"dump.{linked.DUMP_TYPES[media][0]}"  # the name `curl -O …/dump.trig` saves, so `sha256sum -c` finds it
    if checksum_only:
        return Response(f"{found.sha256}  {name}\n", media_type="text/plain; charset=utf-8")
    digest = base64.b64encode(bytes.fromhex(found.sha256)).decode()
    headers = {"ETag": f'"{found.sha256}"', "Repr-Digest": f"sha-256=:{digest}:", "Vary": "Accept",
               "Content-Disposition": f'attachment; filename="{name}"'}
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    return FileResponse(found.path, media_type=media, headers=headers)
