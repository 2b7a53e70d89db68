"""The SPARQL 1.1 Protocol at the edge: what a request asks for, whether it may run, and in which format.

Everything here is a plain function over the request's parts, so the rules can be read and tested
without a server: `read_operation` turns method, Content-Type, URL parameters and body into one
`Operation` or a `ProtocolError` with the status the protocol prescribes (why a query must not run,
SERVICE or LOAD, is `kg.graph.query_text.refusal`); `negotiate` picks a media type from Accept q-values or `format=`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from kg.graph.query_text import has_dataset_keyword, query_form

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"

# What each kind of result can be written as, in the order we prefer; the first is the default.
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values", "application/json", "application/xml", "text/xml")
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
               "application/trig", "application/n-quads", "application/json", "text/plain", "application/xml")
# Aliases clients send as types or `format=` values, to the media type written.
CANONICAL = {
    "application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
}
GRAPH_CANONICAL = {"application/json": "application/ld+json", "text/plain": "application/n-triples",
                   "application/xml": "application/rdf+xml", "application/turtle": "text/turtle"}
FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"),
    "ntriples": (None, "application/n-triples"), "nt": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"), "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"), "rdf+xml": (None, "application/rdf+xml"), "rdf": (None, "application/rdf+xml"),
    "n3": (None, "text/turtle"), "trig": (None, "application/trig"), "nquads": (None, "application/n-quads"),
}

class ProtocolError(Exception):
    """A request the protocol rejects: the HTTP status and a one-line reason for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class Operation:
    """One protocol operation: a query, an update, or (neither given) a request for the service description."""

    kind: str  # "query" | "update" | "description"
    text: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    form: str = ""  # select | ask | construct | describe, for queries
    formats: tuple[str, ...] = ()  # `format=`, `output=` and `results=` values, in order


def short(text: str, limit: int = 200) -> str:
    """A client's text as echoed in a reason: one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode(body: bytes, charset: str | None) -> str:
    if charset and charset.lower().replace("-", "") != "utf8":
        raise ProtocolError(415, f"charset {charset} is not supported; send UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not UTF-8 (byte {exc.start})") from None


def _content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    kind, _, rest = header.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = " ".join(value.split()).strip('"')[:40]
    return " ".join(kind.split()).lower()[:100], charset  # one line, bounded: it is echoed in the reason


def read_operation(method: str, content_type: str | None, query_string: str, body: bytes) -> Operation:
    """The operation a /sparql request carries, following SPARQL 1.1 Protocol §2.1 and §2.2."""
    try:
        url_params = parse_qsl(query_string, keep_blank_values=True, strict_parsing=False, encoding="utf-8",
                               errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the URL parameters are not UTF-8") from None
    params = list(url_params)
    direct: tuple[str, str] | None = None
    if method == "POST":
        kind, charset = _content_type(content_type)
        if kind == FORM_TYPE:
            params += parse_qsl(_decode(body, charset), keep_blank_values=True)
        elif kind in (QUERY_TYPE, UPDATE_TYPE):
            direct = ("query" if kind == QUERY_TYPE else "update", _decode(body, charset))
        elif not kind:
            raise ProtocolError(415, f"a POST needs a Content-Type: {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}")
        else:
            raise ProtocolError(415, f"Content-Type {kind} is not a SPARQL request; use {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}")
    elif method not in ("GET", "HEAD"):
        raise ProtocolError(405, f"{method} is not a SPARQL Protocol method; use GET or POST", {"Allow": "GET, POST"})

    queries = [v for k, v in params if k == "query"]
    updates = [v for k, v in params if k == "update"]
    if direct:
        (queries if direct[0] == "query" else updates).append(direct[1])
    if queries and updates:
        raise ProtocolError(400, "a request carries a query or an update, not both")
    if len(queries) > 1 or len(updates) > 1:
        raise ProtocolError(400, f"exactly one '{'query' if queries else 'update'}' parameter is allowed, got {len(queries or updates)}")
    if updates and method != "POST":
        raise ProtocolError(405, "an update must be sent with POST", {"Allow": "POST"})
    formats = tuple(v for k, v in params if k in ("format", "output", "results") and v)
    if updates:
        using = tuple(v for k, v in params if k in ("using-graph-uri", "using-named-graph-uri"))
        if using and has_dataset_keyword(updates[0]):
            raise ProtocolError(400, "using-graph-uri/using-named-graph-uri conflict with USING or WITH in the update")
        if using:
            raise ProtocolError(400, "using-graph-uri and using-named-graph-uri are not supported; write USING in the update")
        return Operation("update", updates[0])
    defaults = tuple(v for k, v in params if k == "default-graph-uri")
    named = tuple(v for k, v in params if k == "named-graph-uri")
    if not queries:
        return Operation("description", formats=formats)
    text = queries[0]
    return Operation("query", text, defaults, named, query_form(text), formats)


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for item in accept.split(","):
        kind, *parameters = (part.strip() for part in item.split(";"))
        if not kind:
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((kind.lower(), q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives `offer` (RFC 9110 §12.5.1); 0 when none matches."""
    best, specificity = 0.0, -1
    main = offer.split("/")[0]
    for kind, q in ranges:
        level = 2 if kind == offer else 1 if kind == f"{main}/*" else 0 if kind == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def negotiate(accept: str | None, offers: tuple[str, ...]) -> str | None:
    """The offered media type the Accept header likes best (our order breaks ties); None when none is acceptable."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = _accept_ranges(accept)
    scored = [(_quality(offer, ranges), -i, offer) for i, offer in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None


def result_type(form: str, accept: str | None, formats: tuple[str, ...] = ()) -> str:
    """The media type to answer a query of `form` with: the first usable `format=` value, else Accept; 406 when none fits.

    Clients such as SPARQLWrapper send a name and a media type (`format=tsv&format=text/tab-separated-values`).
    """
    graph = form in ("construct", "describe")
    offers = GRAPH_TYPES if graph else RESULT_TYPES
    aliases = GRAPH_CANONICAL if graph else CANONICAL
    for value in formats:
        wanted = value.strip().lower()
        if wanted in FORMAT_NAMES and (chosen := FORMAT_NAMES[wanted][1 if graph else 0]):
            return chosen
        if wanted in offers or wanted in aliases:
            return aliases.get(wanted, wanted)
    if formats:
        usable = sorted(k for k, v in FORMAT_NAMES.items() if v[1 if graph else 0])
        raise ProtocolError(406, f"format {formats[0]} cannot carry {'an RDF graph' if graph else 'query results'}; "
                                 f"use one of {', '.join(usable)}")
    chosen = negotiate(accept, offers)
    if chosen is None:
        raise ProtocolError(406, f"none of the accepted types ({short(accept or '')}) can carry this result; offered: {', '.join(offers)}")
    return aliases.get(chosen, chosen)
