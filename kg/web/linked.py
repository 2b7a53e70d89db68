"""Linked data: what the service says about one IRI, the ontology, the shapes and the dataset, in each RDF format.

An entity's description is read from the summary graph (the served view): what it says, what
points at it, and the merged facts about it or pointing at it, each fact node whole, so one
request carries a hub's figures with their comparator, status, time and evidence. An IRI the
summary does not hold (a document's own fact, a source document) is described from the graphs
that hold it, a quarantined fact included: kept aside, never lost, still dereferenceable.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import DCTERMS, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef

from extract.resources import read_text
from kg.graph.namespace import SL
from kg.graph.rdf import new_graph, term_from_json
from kg.graph.store import LocalStore, RemoteStore
from kg.graph.summary import summary_graph_iri
from kg.web.protocol import FORMAT_NAMES, ProtocolError, negotiate, short
from kg.web.settings import ONTOLOGY_NS

RDF_TYPES = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")
PAGE_TYPES = ("text/html", *RDF_TYPES)
_ALIASES = {"application/json": "application/ld+json", "text/plain": "application/n-triples",
            "application/xml": "application/rdf+xml", "application/xhtml+xml": "text/html"}
_PREFIXES = {"sl", "rdf", "rdfs", "owl", "xsd", "skos", "prov", "dcterms", "sh", "void", "dcat", "spdx", "unit", "qudt"}
DUMP_TYPES = {"application/trig": ("trig", ox.RdfFormat.TRIG), "application/n-quads": ("nq", ox.RdfFormat.N_QUADS)}
DESCRIPTION_LIMIT = 5000  # triples in one description; a province named by thousands of facts is cut here
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
LANG_TAGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}


def page_type(accept: str | None, formats: tuple[str, ...] = ()) -> str:
    """The media type to describe a resource in: `?format=` first (ttl, jsonld, nt, rdf, html), else Accept; 406 when none fits."""
    for value in formats:
        wanted = value.strip().lower()
        if wanted == "html":
            return "text/html"
        chosen = FORMAT_NAMES.get(wanted, (None, None))[1] or _ALIASES.get(wanted, wanted)
        if chosen in PAGE_TYPES:
            return chosen
        raise ProtocolError(406, f"format {value} is not offered here; use html, ttl, jsonld, nt or rdf")
    negotiated = negotiate(accept, (*PAGE_TYPES, *_ALIASES))
    if negotiated is None:
        raise ProtocolError(406, f"none of the accepted types ({short(accept or '')}) is offered: {', '.join(PAGE_TYPES)}")
    return _ALIASES.get(negotiated, negotiated)


def dump_type(accept: str | None, formats: tuple[str, ...] = ()) -> str:
    """TriG or N-Quads, by `?format=` (trig, nquads, nq) or Accept; 406 otherwise."""
    names = {"trig": "application/trig", "nquads": "application/n-quads", "nq": "application/n-quads"}
    for value in formats:
        if (chosen := names.get(value.strip().lower(), value.strip().lower())) in DUMP_TYPES:
            return chosen
        raise ProtocolError(406, f"format {value} is not a dump format; use trig or nquads")
    negotiated = negotiate(accept, tuple(DUMP_TYPES))
    if negotiated is None:
        raise ProtocolError(406, f"a dump is offered as {' or '.join(DUMP_TYPES)}, not {accept}")
    return negotiated


@cache
def context() -> dict[str, Any]:
    """The published JSON-LD context (`/context.jsonld`), bundled with the ontology."""
    return json.loads(read_text("kg.ontology", "context.jsonld"))


@cache
def shapes_graph() -> Graph:
    return new_graph().parse(data=read_text("kg.ontology", "shapes.ttl"), format="turtle")


def _term(cell: dict[str, str]) -> URIRef | BNode | Literal:
    """A result cell as an rdflib term, language tags in their registered case (Oxigraph lowers them)."""
    lang = cell.get("xml:lang")
    if lang:
        cell = {**cell, "xml:lang": LANG_TAGS.get(lang.lower(), lang)}
    return term_from_json(cell)


def _graph_of(store: LocalStore | RemoteStore, sparql: str) -> Graph:
    graph = new_graph()
    for row in store.select(sparql).rows:
        graph.add((_term(row["s"]), _term(row["p"]), _term(row["o"])))  # type: ignore[arg-type]
    return graph


def describe(store: LocalStore | RemoteStore, base: str, iri: str, limit: int = DESCRIPTION_LIMIT) -> Graph:
    """The description of `iri` (empty when the store knows nothing of it)."""
    node = URIRef(iri).n3()
    summary = summary_graph_iri(base).n3()
    graph = _graph_of(store, f"""PREFIX sl: <{ONTOLOGY_NS}>
SELECT ?s ?p ?o WHERE {{ GRAPH {summary} {{
  {{ {node} ?p ?o BIND({node} AS ?s) }} UNION {{ ?s ?p {node} BIND({node} AS ?o) FILTER(isIRI(?s)) }}
  UNION {{ ?s sl:subject {node} ; ?p ?o }} UNION {{ ?s sl:object {node} ; ?p ?o }}
}} }} LIMIT {limit}""")
    if (URIRef(iri), None, None) in graph:
        return graph
    return _graph_of(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  {{ GRAPH ?g {{ {node} ?p ?o }} BIND({node} AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p {node} }} BIND({node} AS ?o) FILTER(isIRI(?s)) }}
}} LIMIT {limit}""")


def labels(store: LocalStore | RemoteStore, base: str, iris: set[str]) -> dict[str, dict[str, str]]:
    """iri → {language tag: shortest label, "type": class IRI} for IRIs the summary names."""
    out: dict[str, dict[str, str]] = {}
    wanted = [URIRef(i).n3() for i in sorted(iris) if i.startswith(("http://", "https://"))]
    for start in range(0, len(wanted), 500):
        rows = store.select(f"""SELECT ?x ?label ?type WHERE {{ VALUES ?x {{ {' '.join(wanted[start:start + 500])} }}
  GRAPH {summary_graph_iri(base).n3()} {{ ?x <{RDFS.label}> ?label OPTIONAL {{ ?x a ?type }} }} }}""").rows
        for row in rows:
            entry = out.setdefault(row["x"]["value"], {})
            label = _term(row["label"])
            lang = label.language or "" if isinstance(label, Literal) else ""
            if lang not in entry or len(str(label)) < len(entry[lang]):
                entry[lang] = str(label)
            if "type" in row:
                entry.setdefault("type", row["type"]["value"])
    documents = [URIRef(i).n3() for i in sorted(iris) if i.startswith(f"{base}source/")][:500]
    if documents:
        for row in store.select(f"""SELECT ?x ?title WHERE {{ VALUES ?x {{ {' '.join(documents)} }}
  GRAPH ?g {{ ?x <{DCTERMS.title}> ?title }} }}""").rows:
            out.setdefault(row["x"]["value"], {})[""] = row["title"]["value"]
    return out


def sources(store: LocalStore | RemoteStore, base: str, iri: str, limit: int = 500) -> list[dict[str, str]]:
    """The source documents behind the merged facts about `iri`: merged fact, document, title, file, date."""
    rows = store.select(f"""PREFIX sl: <{ONTOLOGY_NS}> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <{DCTERMS}>
SELECT DISTINCT ?merged ?doc ?title ?file ?issued WHERE {{
  GRAPH {summary_graph_iri(base).n3()} {{ ?merged sl:subject {URIRef(iri).n3()} ; prov:wasDerivedFrom ?fact }}
  GRAPH ?g {{ ?fact prov:wasDerivedFrom ?doc . ?doc a sl:SourceDocument
    OPTIONAL {{ ?doc dcterms:title ?title }} OPTIONAL {{ ?doc dcterms:identifier ?file }} OPTIONAL {{ ?doc dcterms:issued ?issued }} }}
}} LIMIT {limit}""").rows
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


def quarantined(store: LocalStore | RemoteStore, base: str, iri: str) -> bool:
    """True when `iri` is a fact kept aside in a quarantine graph."""
    query = f'ASK {{ GRAPH ?g {{ {URIRef(iri).n3()} ?p ?o }} FILTER(STRSTARTS(STR(?g), "{base}quarantine/")) }}'
    return bool(store.select(query).boolean)


def serialize(graph: Graph, media: str, context_url: str | None = None) -> bytes:
    """`graph` in `media`; JSON-LD is compacted with the published context and points at `context_url`."""
    if media != "application/ld+json":  # Oxigraph writes every literal's lexical form as it is (rdflib's Turtle rewrites 6000 as 6000.0)
        triples = [q.triple for q in ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)]
        prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix in _PREFIXES}
        return ox.serialize(triples, format=ox.RdfFormat.from_media_type(media), prefixes=prefixes) or b""
    document = json.loads(graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True))
    if context_url:
        document["@context"] = context_url
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def embedded_json_ld(graph: Graph) -> str:
    """The description as JSON-LD with its context inline, safe inside an HTML <script> element."""
    text = serialize(graph, "application/ld+json").decode("utf-8")
    return text.replace("</", "<\\/")


@dataclass
class Dump:
    """A dump file of the whole dataset and its SHA-256."""

    path: Path
    media: str
    sha256: str
    size: int


def write_dump(store: LocalStore | RemoteStore, media: str, folder: Path) -> Dump:
    """Every graph of the store in TriG or N-Quads, written to `folder`, with its checksum."""
    extension, fmt = DUMP_TYPES[media]
    path = folder / f"suanli.{extension}"
    if isinstance(store, LocalStore):
        store.oxigraph.dump(str(path), format=fmt)
    else:
        rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        quads = [ox.Quad(*(_ox_term(row[k]) for k in ("s", "p", "o", "g"))) for row in rows]
        ox.serialize(quads, str(path), format=fmt)
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return Dump(path, media, digest.hexdigest(), path.stat().st_size)


def _ox_term(cell: dict[str, str]) -> Any:
    if cell["type"] == "uri":
        return ox.NamedNode(cell["value"])
    if cell["type"] == "bnode":
        return ox.BlankNode(cell["value"])
    if "xml:lang" in cell:
        return ox.Literal(cell["value"], language=cell["xml:lang"])
    return ox.Literal(cell["value"], datatype=ox.NamedNode(cell["datatype"]) if "datatype" in cell else None)


def dataset_description(store: LocalStore | RemoteStore, base: str, site: str, dumps: list[Dump]) -> Graph:
    """VoID and DCAT for the whole dataset: licence, counts, class partitions, the endpoint and the dumps with checksums.

    The fixed part is `static/void.ttl`, read with the site's own URL as base; the figures are counted now.
    """
    graph = new_graph()
    graph.bind("void", VOID)
    graph.bind("dcat", DCAT)
    graph.bind("spdx", SPDX)
    graph.parse(data=read_text("kg.web", "static/void.ttl"), format="turtle", publicID=site)
    dataset = URIRef(f"{site}.well-known/void#dataset")
    graph.add((dataset, VOID.triples, Literal(store.count(), datatype=XSD.integer)))
    graph.add((dataset, VOID.uriSpace, Literal(base)))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(f"{site}sparql")))
    rows = store.select(f"""SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH {summary_graph_iri(base).n3()} {{
  ?x a ?class . ?class <{RDFS.subClassOf}> <{SL.Entity}> }} }} GROUP BY ?class ORDER BY ?class""").rows
    total = 0
    for row in rows:
        count = int(row["n"]["value"])
        total += count
        partition = URIRef(f"{site}.well-known/void#{row['class']['value'].rsplit('#', 1)[-1]}")
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(row["class"]["value"])))
        graph.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    graph.add((dataset, VOID.entities, Literal(total, datatype=XSD.integer)))
    if example := next(iter(store.select(f"""SELECT ?x WHERE {{ GRAPH {summary_graph_iri(base).n3()} {{
  ?x a <{SL.Hub}> }} }} ORDER BY ?x LIMIT 1""").values("x")), None):
        graph.add((dataset, VOID.exampleResource, URIRef(example)))
    for dump in dumps:
        url = URIRef(f"{site}dump.{DUMP_TYPES[dump.media][0]}")
        checksum = URIRef(f"{url}#sha256")
        graph.add((dataset, VOID.dataDump, url))
        graph.add((dataset, DCAT.distribution, url))
        graph.add((url, RDF.type, DCAT.Distribution))
        graph.add((url, DCAT.downloadURL, url))
        graph.add((url, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{dump.media}")))
        graph.add((url, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
        graph.add((url, SPDX.checksum, checksum))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        graph.add((checksum, SPDX.checksumValue, Literal(dump.sha256)))
    return graph


def local_path(iri: str, base: str) -> str | None:
    """Where this service serves `iri`: /resource/… for the base, /ontology#… for the ontology; None for other IRIs."""
    if iri.startswith(base):
        return "/resource/" + iri[len(base):]
    if iri.startswith(ONTOLOGY_NS) or iri == ONTOLOGY_NS.rstrip("#"):
        return "/ontology" + ("#" + iri[len(ONTOLOGY_NS):] if iri.startswith(ONTOLOGY_NS) else "")
    return None
