"""Readings → RDF: one named graph per document, n-ary fact nodes with provenance.

Every entity gets labels in zh-Hans and en (and zh-Hant when it differs); reference
entities keep theirs in the reference graph, which `reference_graph` builds from the gazetteer.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef

from extract import EXTRACTOR_VERSION
from extract.gazetteer import gazetteer
from extract.resources import read_text, reference
from kg.graph import iris
from kg.graph.namespace import SL

if TYPE_CHECKING:
    from extract import Entity, Fact, Reading

RELATION_PROPERTY = {
    "located_in": SL.locatedIn,
    "part_of": SL.partOf,
    "operator": SL.operator,
    "partner": SL.partner,
    "member_of": SL.memberOf,
}
RELATION_CODE = {str(prop): code for code, prop in RELATION_PROPERTY.items()}
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")  # W3C WGS 84 lat/long: where a hub or cluster is


def local_name(iri: str | None) -> str | None:
    """`sl:computing_power` → "computing_power"; other IRIs unchanged."""
    ns = str(SL._NS)
    return iri[len(ns) :] if iri and iri.startswith(ns) else iri


def number(text: str) -> int | float:
    """A decimal literal as the contract prints it: integers without a fraction."""
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 1e18 else value


def graph_iri(base: str, content_hash: str) -> URIRef:
    """Name of the graph holding one document's facts."""
    return URIRef(f"{base}graph/{content_hash[:16]}")


def document_iri(base: str, content_hash: str) -> URIRef:
    return URIRef(f"{base}source/{content_hash[:16]}")


def entity_iri(base: str, key: str) -> URIRef:
    return URIRef(f"{base}{key}")


def reference_graph_iri(base: str) -> URIRef:
    return URIRef(iris.reference_graph(base))


def ontology_graph_iri(base: str) -> URIRef:
    return URIRef(iris.ontology_graph(base))


def term_from_json(cell: dict[str, str]) -> URIRef | BNode | Literal:
    """An RDF term from a SPARQL 1.1 Query Results JSON cell."""
    if cell["type"] == "uri":
        return URIRef(cell["value"])
    if cell["type"] == "bnode":
        return BNode(cell["value"])
    return Literal(cell["value"], lang=cell.get("xml:lang"), datatype=cell.get("datatype"))


def new_graph() -> Graph:
    graph = Graph()
    graph.bind("sl", SL._NS)
    graph.bind("prov", PROV)
    graph.bind("dcterms", DCTERMS)
    graph.bind("skos", SKOS)
    return graph


def _labels(graph: Graph, iri: URIRef, entity: Entity) -> None:
    graph.add((iri, RDF.type, SL[entity.type]))
    graph.add((iri, RDFS.label, Literal(entity.en, lang="en")))
    graph.add((iri, RDFS.label, Literal(entity.zh or entity.en, lang="zh-Hans")))
    if entity.zh_hant:
        graph.add((iri, RDFS.label, Literal(entity.zh_hant, lang="zh-Hant")))
    for alias in entity.aliases:
        lang = "en" if alias.isascii() else "zh-Hans"
        graph.add((iri, SKOS.altLabel, Literal(alias, lang=lang)))


@cache
def ontology_graph() -> Graph:
    """The ontology itself, parsed once."""
    return new_graph().parse(data=read_text("kg.ontology", "suanli.ttl"), format="turtle")


def reference_graph(base: str) -> Graph:
    """Hubs, clusters, provinces, cities, districts and well-known bodies as RDF; hubs and clusters with geo:lat/long."""
    graph = new_graph()
    graph.bind("geo", GEO)
    ref = reference()
    for item in [*ref["hub"], *ref["cluster"]]:
        if "lat" in item and "lon" in item:
            iri = entity_iri(base, item["id"])
            graph.add((iri, GEO.lat, Literal(f"{item['lat']:.2f}", datatype=XSD.decimal)))
            graph.add((iri, GEO.long, Literal(f"{item['lon']:.2f}", datatype=XSD.decimal)))
    for entity in gazetteer().entities.values():
        iri = entity_iri(base, entity.key)
        _labels(graph, iri, entity)
        if entity.wikidata:
            graph.add((iri, OWL.sameAs, WIKIDATA[entity.wikidata]))
        for relation, other in entity.links:
            graph.add((iri, RELATION_PROPERTY[relation], entity_iri(base, other)))
    return graph


def _fact_iri(base: str, content_hash: str, fact: Fact) -> URIRef:
    parts = [content_hash, fact.subject.key, fact.metric, str(fact.value), fact.unit or "",
             fact.object.key if fact.object else "", fact.kind or "", fact.status, fact.comparator]
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return URIRef(f"{base}fact/{digest}")


def _time_literal(time: str) -> Literal:
    if len(time) == 4:
        return Literal(time, datatype=XSD.gYear)
    return Literal(time, datatype=XSD.date)


def document_graph(reading: Reading, *, base: str, content_hash: str, file_name: str, path: str,
                   curated: bool = False) -> Graph:
    """The named graph of one document: its description, the entities it names, its facts."""
    graph = new_graph()
    doc = document_iri(base, content_hash)
    graph.add((doc, RDF.type, SL.SourceDocument))
    if curated:
        graph.add((doc, SL.curated, Literal(True)))
    graph.add((doc, DCTERMS.identifier, Literal(file_name)))
    graph.add((doc, SL.sourcePath, Literal(path)))
    graph.add((doc, SL.contentHash, Literal(content_hash)))
    graph.add((doc, SL.extractorVersion, Literal(EXTRACTOR_VERSION)))
    if reading.cleaned.title:
        graph.add((doc, DCTERMS.title, Literal(reading.cleaned.title)))
    if reading.cleaned.published:
        graph.add((doc, DCTERMS.issued, Literal(reading.cleaned.published.isoformat(), datatype=XSD.date)))
    named: dict[str, Entity] = {}
    for fact in reading.facts:
        named.setdefault(fact.subject.key, fact.subject)
        if fact.object is not None:
            named.setdefault(fact.object.key, fact.object)
    for entity in named.values():
        if not entity.reference:
            _labels(graph, entity_iri(base, entity.key), entity)
    _passages(graph, reading, doc, base=base, content_hash=content_hash, known=named)
    for fact in reading.facts:
        node = _fact_iri(base, content_hash, fact)
        subject = entity_iri(base, fact.subject.key)
        graph.add((node, SL.subject, subject))
        graph.add((node, SL.status, SL[fact.status]))
        graph.add((node, PROV.wasDerivedFrom, doc))
        graph.add((node, SL.evidence, Literal(fact.evidence)))
        graph.add((node, SL.evidenceStart, Literal(fact.start)))
        graph.add((node, SL.evidenceEnd, Literal(fact.end)))
        if fact.attachment:
            graph.add((node, SL.attachment, Literal(fact.attachment)))
        if fact.time:
            graph.add((node, SL.time, _time_literal(fact.time)))
        if fact.object is not None:
            prop = RELATION_PROPERTY[fact.metric]
            obj = entity_iri(base, fact.object.key)
            graph.add((node, RDF.type, SL.RelationAssertion))
            graph.add((node, SL.relation, prop))
            graph.add((node, SL.object, obj))
            graph.add((subject, prop, obj))
        else:
            graph.add((node, RDF.type, SL.Measurement))
            graph.add((node, SL.metric, SL[fact.metric]))
            graph.add((node, SL.value, Literal(_decimal(fact.value), datatype=XSD.decimal)))
            graph.add((node, SL.comparator, SL[fact.comparator]))
            if fact.unit:
                graph.add((node, SL.unit, SL[fact.unit]))
            if fact.kind:
                graph.add((node, SL.kind, SL[fact.kind]))
    return graph


MAX_PASSAGE = 600  # characters: a longer "sentence" is a table or a list run together, no one statement to read


def _passages(graph: Graph, reading: Reading, doc: URIRef, *, base: str, content_hash: str,
              known: dict[str, Entity]) -> None:
    """The document's sentences that name an entity the graph knows (a reference entity, or one its facts name),
    each once, with the entities it names: what questions are answered from when no fact holds the answer.
    Entities named nowhere in the facts get no passage of their own, so passages add no entity to the graph."""
    seen: set[str] = set()
    for passage in reading.passages:
        mentioned = [e for e in passage.entities if e.reference or e.key in known]
        if not mentioned or len(passage.text) > MAX_PASSAGE or passage.text in seen:
            continue
        seen.add(passage.text)
        node = URIRef(f"{base}passage/{hashlib.sha1(f'{content_hash}|{passage.start}'.encode()).hexdigest()[:16]}")
        graph.add((node, RDF.type, SL.Passage))
        graph.add((node, SL.text, Literal(passage.text, lang=passage.lang)))
        graph.add((node, PROV.wasDerivedFrom, doc))
        graph.add((node, SL.position, Literal(passage.start)))
        for entity in mentioned:
            graph.add((node, SL.mentions, entity_iri(base, entity.key)))


def _decimal(value: float | None) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".") if value is not None else "0"
    return text if text not in ("", "-0") else "0"
