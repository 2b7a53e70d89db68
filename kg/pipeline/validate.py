"""SHACL validation (pyshacl-turbo, or pySHACL as the reference) with reports in Chinese and English.

`validate(graph)` is the door: it checks a data graph against `ontology/shapes.ttl` with the
ontology mixed in, and returns a `Report` whose entries carry both languages' messages.

A document is checked with its context (`context(store, …)`): what the summary graph holds about
the entities it touches, their containing hubs and provinces, and the other sources' merged
figures about them. So an ingest validates only what it changes, at a cost that follows the
document, while cross-source rules (conflicts, actual above plan, a cluster in a province its hub
does not cover) still see the rest of the graph. Severities have consequences: a Violation sends
the fact to quarantine (`split_quarantine`), a Warning keeps it and is stored in the document's
report graph, Info is only reported.

The check comes in two halves, so ingest's workers take the larger one: `check_alone` runs the shapes
that read only the document (`OWN_SHAPES`: its facts, its source, the ontology's metrics and units),
with no store; `check_in_context` runs the others on the document with its context, in the writer.
Together they give what `check_document` gives (tests/test_validate.py).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from extract.resources import read_text
from extract.text import has_cjk
from kg.graph.namespace import SL
from kg.graph.rdf import new_graph, ontology_graph
from kg.graph.store import LocalStore, RemoteStore

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Namespace("https://w3id.org/suanli/shapes#")
# The shapes whose results about a document's nodes read only the document's facts and source node and the
# ontology (its metrics, units and classes), never another entity's triples nor another source's figures: the
# same in any store, so they run beside extraction, without one. Every other shape is a context shape.
OWN_SHAPES = tuple(SHAPES[name] for name in ("FactShape", "MeasurementShape", "PueShape", "RelationShape",
                                             "RenewableShareShape", "SourceDocumentShape"))
FACT_CLASSES = (SL.Measurement, SL.RelationAssertion)
# what the cross-source shapes read of a merged fact (ConflictShape, ActualAbovePlanShape, SecondHubShape): not its
# links to each source, nor its unit, source count or evidence sentence, which no shape reads of another fact (with
# them, a third more triples to fetch and check, the evidence the longest: the query 2.3 → 1.8 ms a document); each
# field read by its own pattern (`?s ?p ?o`, with a filter or a VALUES ?p, read every source link of a figure that
# hundreds of documents repeat: 17 ms against 6 ms at 1M triples)
MERGED_FACT_FIELDS = (RDF.type, SL.subject, SL.metric, SL.value, SL.comparator, SL.status, SL.time,
                      SL.kind, SL.relation, SL.object, SL.evidenceSource)
_MERGED_FACT_PATTERN = " UNION ".join(f"{{ ?s {p.n3()} ?o BIND({p.n3()} AS ?p) }}" for p in MERGED_FACT_FIELDS)


@dataclass(frozen=True)
class Entry:
    """One SHACL result, with its message in both languages."""

    focus: str
    path: str | None
    severity: str  # Violation, Warning, Info
    message_zh: str
    message_en: str
    value: str | None = None

    def message(self, lang: str) -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en


@dataclass
class Report:
    """The outcome of a validation: conformance, entries, and the SHACL report graph."""

    conforms: bool
    entries: list[Entry] = field(default_factory=list)
    graph: Graph | None = None

    @property
    def violations(self) -> list[Entry]:
        return [e for e in self.entries if e.severity == "Violation"]


@cache
def shapes_graph() -> Graph:
    return new_graph().parse(data=read_text("kg.ontology", "shapes.ttl"), format="turtle")


@cache
def _parsed_shapes() -> Any:
    """The shapes read once per process and handed to every pySHACL `Validator`.

    A `Validator` builds its own shapes graph on each call: 307 against 184 ms per document.
    """
    from pyshacl import ShapesGraph

    return ShapesGraph(shapes_graph())


@cache
def context_shapes() -> tuple[URIRef, ...]:
    """Every shape but `OWN_SHAPES`: entities' labels and links, other sources' figures; they need the context."""
    return tuple(sorted(s for s in shapes_graph().subjects(RDF.type, SH.NodeShape)
                        if isinstance(s, URIRef) and s not in OWN_SHAPES))


# the engine that runs the shapes: pyshacl-turbo (Rust), or pySHACL, the reference, with SUANLI_SHACL=pyshacl.
# On every document of the seeds and both corpora and on documents broken on purpose, the two report the same
# results (tests/test_validate.py; bench/shacl_engines.py, BENCHMARKS.md "SHACL engines (issue 19)").
ENGINES = ("pyshacl-turbo", "pyshacl")


def engine_name() -> str:
    """The engine chosen by SUANLI_SHACL (pyshacl-turbo when unset)."""
    name = os.environ.get("SUANLI_SHACL") or ENGINES[0]
    if name not in ENGINES:
        raise ValueError(f"SUANLI_SHACL must be one of {', '.join(ENGINES)}, not {name!r}")
    return name


@cache
def _ontology_ntriples() -> bytes:
    return ontology_graph().serialize(format="nt").encode("utf-8")


@cache
def _class_tree_ntriples() -> bytes:
    """The ontology's rdfs:subClassOf triples: all of it that the context shapes read (targets and sh:class follow
    subclasses; no context shape's SPARQL names an ontology term), at half the cost of the whole ontology."""
    tree = new_graph()
    for triple in ontology_graph().triples((None, RDFS.subClassOf, None)):
        tree.add(triple)
    return tree.serialize(format="nt").encode("utf-8")


def _mixed(data: bytes, schema: bytes) -> ox.Store:
    """Data and schema as N-Triples in one in-memory Oxigraph store, which pySHACL reads directly.

    pySHACL's SHACL-SPARQL constraints then run on Oxigraph instead of being parsed again by rdflib for every focus
    node (one document in its context: 1,219 ms → 163 ms); pyshacl-turbo reads it without an rdflib graph, whose
    copying took two thirds of a document's validation (124 → 40 ms).
    """
    store = ox.Store()
    store.load(schema + data, format=ox.RdfFormat.N_TRIPLES)
    return store


def _turbo_input(data: bytes, schema: bytes) -> Any:
    """Data and schema as the N-Triples text pyshacl-turbo parses itself: handed an Oxigraph store, it dumps it back
    to text first, so the store was a round trip (a document alone 10.7 → 7.5 ms, in its context 7.9 → 6.6 ms; the
    same results on the 200 generated documents of bench/scale.py and in tests/test_validate.py)."""
    from pyshacl_turbo.rdf import Input

    return Input((schema + data).decode("utf-8"), "nt", None, {}, preserve_ids=True)


def _run_pyshacl(data: ox.Store, shapes: tuple[URIRef, ...] | None) -> tuple[bool, Graph]:
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    validator = Validator(DataGraph.from_oxigraph_store(data), shacl_graph=shapes_graph(),
                          options={"inference": "none", "advanced": True, "allow_warnings": True,
                                   "use_shapes": [str(s) for s in shapes] if shapes else None})
    validator.shacl_graph = _parsed_shapes()
    conforms, report_graph, _ = validator.run()
    return bool(conforms), report_graph


@cache
def _compiled_shapes() -> Any:
    """The shapes compiled once per process by pyshacl-turbo (SHACL-SPARQL and SPARQL targets included).

    From a copy with no prefixes bound: the engine binds the shapes graph's prefixes in every report graph it makes,
    31 of them, which took 0.5 of the 3.8 ms a document's check in its context cost the writer. The queries declare
    their own (sh:prefixes), and no one reads a report graph's.
    """
    import pyshacl_turbo

    bare = Graph(bind_namespaces="none")
    for triple in shapes_graph():
        bare.add(triple)
    return pyshacl_turbo.compile_shapes(bare, advanced=True)


def _run_turbo(data: Any, shapes: tuple[URIRef, ...] | None) -> tuple[bool, Graph]:
    """The Rust engine: 0.18× pySHACL's time per document (BENCHMARKS.md)."""
    conforms, report_graph, _ = _compiled_shapes().validate(
        data, allow_warnings=True, use_shapes=[str(s) for s in shapes] if shapes else None)
    return bool(conforms), report_graph


_RUNNERS = {"pyshacl-turbo": _run_turbo, "pyshacl": _run_pyshacl}
_INPUTS = {"pyshacl-turbo": _turbo_input, "pyshacl": _mixed}  # what each engine reads best


def validate(data: Graph, *, engine: str | None = None) -> Report:
    """Check `data` against the Suanli shapes with `engine` (default: `engine_name()`); never raises on non-conforming data."""
    return _validate(_ntriples(data), schema=_ontology_ntriples(), shapes=None, engine=engine)


def _validate(data: bytes, *, schema: bytes, shapes: tuple[URIRef, ...] | None, engine: str | None) -> Report:
    engine = engine or engine_name()
    conforms, report_graph = _RUNNERS[engine](_INPUTS[engine](data, schema), shapes)
    entries = report_entries(report_graph)
    blocking = any(e.severity == "Violation" for e in entries)
    return Report(conforms=conforms or not blocking, entries=entries, graph=report_graph)


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt").encode("utf-8")


def report_entries(report_graph: Graph) -> list[Entry]:
    """The results of a SHACL report graph as entries, sorted; what the pipeline reads of a report."""
    entries = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        messages = list(report_graph.objects(result, SH.resultMessage))
        # pySHACL drops the language tag of a message whose {?var} it filled in: tell them by script; a tag is
        # compared without case (BCP 47), as other engines write it in lower case (zh-hans)
        zh = next((str(m) for m in messages if isinstance(m, Literal) and (_lang(m) == "zh-hans" or
                                                                       not m.language and has_cjk(str(m)))), None)
        en = next((str(m) for m in messages if isinstance(m, Literal) and (_lang(m) == "en" or
                                                                       not m.language and not has_cjk(str(m)))), None)
        fallback = str(messages[0]) if messages else "constraint not met"
        severity = report_graph.value(result, SH.resultSeverity)
        path = report_graph.value(result, SH.resultPath)
        value = report_graph.value(result, SH.value)
        entries.append(Entry(
            focus=str(report_graph.value(result, SH.focusNode)),
            path=str(path) if path is not None else None,
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            message_zh=zh or fallback,
            message_en=en or fallback,
            value=str(value) if value is not None else None,
        ))
    entries.sort(key=entry_order)
    return entries


def entry_order(entry: Entry) -> tuple[str, ...]:
    """Results in a fixed order, whichever engine and whichever half of the check found them."""
    return (entry.focus, entry.severity, entry.message_en, entry.path or "", entry.value or "", entry.message_zh)


def _lang(literal: Literal) -> str:
    return (literal.language or "").lower()


def document_entities(graph: Graph) -> list[str]:
    """The entities a document graph names, sorted: where its context starts."""
    found = {o for p in (SL.subject, SL.object) for o in graph.objects(None, p)} | {
        s for s, p in graph.subject_predicates() if p in (SL.partOf, SL.locatedIn)}
    return sorted(str(e) for e in found if isinstance(e, URIRef))


def context_ntriples(store: LocalStore | RemoteStore, summary: str, entities: Iterable[str], *,
                     discount: Iterable[str] = ()) -> bytes:
    """What the summary graph knows around a document's `entities`, for its cross-source rules, as N-Triples.

    The entities, everything that contains them, and the merged facts about them. Merged facts whose
    every source lies in the graphs `discount` (the document's own graph, or the version it replaces)
    are left out, so a document never conflicts with itself.
    """
    entities = list(entities)
    if not entities:
        return b""
    values = "VALUES ?t { " + " ".join(URIRef(e).n3() for e in entities) + " }"
    prefixes = f"PREFIX sl: <{SL._NS}> PREFIX prov: <http://www.w3.org/ns/prov#> "
    # two queries, and the filter outside the graph pattern: written inside a UNION, the same
    # question took 760 ms on a 1M-triple store instead of 11 ms; CONSTRUCT hands N-Triples to the engine,
    # without a Python object a term
    out = store.graph(f"{prefixes} CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {values} GRAPH <{summary}> {{ "
                      "?t (sl:partOf|sl:locatedIn)* ?s . ?s ?p ?o } }")
    out += store.graph(f"{prefixes} CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {values} GRAPH <{summary}> {{ "
                       f"?s sl:subject ?t . ?s a sl:MergedFact . {_MERGED_FACT_PATTERN} }} }}")
    ours: set[bytes] = set()
    for g in discount:
        ours |= {f"<{f}> ".encode() for f in store.select(
            f"PREFIX sl: <{SL._NS}> PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?f WHERE {{ "
            f"{{ SELECT ?f (COUNT(?m) AS ?ours) (SAMPLE(?count) AS ?n) WHERE {{ GRAPH <{g}> {{ ?m sl:subject ?x }} "
            f"GRAPH <{summary}> {{ ?f prov:wasDerivedFrom ?m ; sl:sourceCount ?count }} }} GROUP BY ?f }} "
            "FILTER(?ours >= ?n) }").values("f")}
    if ours:
        out = b"".join(line for line in out.splitlines(keepends=True) if line[: line.find(b" ") + 1] not in ours)
    return out


def context(store: LocalStore | RemoteStore, summary: str, graph: Graph, *, discount: Iterable[str] = ()) -> Graph:
    """`context_ntriples` around a document graph, as an rdflib graph."""
    return new_graph().parse(data=context_ntriples(store, summary, document_entities(graph), discount=discount).decode(),
                             format="nt")


def own_nodes(graph: Graph) -> frozenset[str]:
    """The nodes a document graph describes (the subjects of its triples): the results that are about it."""
    return frozenset(str(s) for s in graph.subjects() if isinstance(s, URIRef))


def check_document(graph: Graph, around: Graph, *, engine: str | None = None) -> Report:
    """Validate a document graph in its context with every shape; keep only the results about the document's own nodes.

    The reference for the two halves ingest runs (`check_alone`, then `check_in_context`).
    """
    report = validate(graph + around, engine=engine)
    own = own_nodes(graph)
    report.entries = [e for e in report.entries if e.focus in own]
    report.conforms = not report.violations
    return report


@dataclass(frozen=True)
class Checked:
    """A document graph checked on its own: what the writer needs to check it in its context and store it."""

    ntriples: bytes  # the graph
    own: frozenset[str]  # the nodes it describes
    entities: tuple[str, ...]  # the entities it names, where its context starts
    entries: tuple[Entry, ...]  # the results of OWN_SHAPES about its nodes
    # the graph's share of the summary (kg.graph.summary.document_share) as (graph IRI, entity triples, merged facts),
    # made by the worker for the graph stored whole; None: the writer makes it
    share: tuple[str, str, str] | None = None


def check_alone(graph: Graph, *, engine: str | None = None) -> Checked:
    """The first half of a document's check, needing no store: OWN_SHAPES on the graph and the ontology."""
    data, own = _ntriples(graph), own_nodes(graph)
    report = _validate(data, schema=_ontology_ntriples(), shapes=OWN_SHAPES, engine=engine)
    return Checked(data, own, tuple(document_entities(graph)), tuple(e for e in report.entries if e.focus in own))


def check_in_context(checked: Checked, around: bytes, *, engine: str | None = None) -> Report:
    """The second half: the context shapes on the document with its context (`context_ntriples`); with the first
    half's results, what `check_document` reports."""
    report = _validate(checked.ntriples + around, schema=_class_tree_ntriples(), shapes=context_shapes(), engine=engine)
    entries = sorted([*checked.entries, *(e for e in report.entries if e.focus in checked.own)], key=entry_order)
    return Report(conforms=not any(e.severity == "Violation" for e in entries), entries=entries)


def warm_up_context_check() -> None:
    """Compile what `check_in_context` runs (the shapes, the class tree), as a writer does before its first document."""
    _validate(b"", schema=_class_tree_ntriples(), shapes=context_shapes(), engine=None)


def report_graph(entries: list[Entry], base: str, content_hash: str) -> Graph:
    """The results about one document as SHACL report triples, kept beside it in the store."""
    graph = new_graph()
    graph.bind("sh", SH)
    for entry in entries:
        digest = hashlib.sha1(f"{entry.focus} {entry.path} {entry.message_en} {entry.value}".encode()).hexdigest()[:16]
        node = URIRef(f"{base}report/{content_hash[:16]}/{digest}")
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, URIRef(entry.focus)))
        graph.add((node, SH.resultSeverity, SH[entry.severity]))
        graph.add((node, SH.resultMessage, Literal(entry.message_zh, lang="zh-Hans")))
        graph.add((node, SH.resultMessage, Literal(entry.message_en, lang="en")))
        if entry.path:
            graph.add((node, SH.resultPath, URIRef(entry.path)))
        if entry.value is not None:
            graph.add((node, SH.value, Literal(entry.value)))
    return graph


def split_quarantine(graph: Graph, report: Report) -> tuple[Graph, Graph]:
    """Move facts that violate a shape (and the direct triple they assert) out of `graph`."""
    bad = {URIRef(e.focus) for e in report.violations}
    bad_facts: set[Node] = {node for node in bad if any((node, RDF.type, c) in graph for c in FACT_CLASSES)}
    for node in bad - bad_facts:  # an entity that fails takes the facts about it along
        bad_facts |= set(graph.subjects(SL.subject, node)) | set(graph.subjects(SL.object, node))
    kept, quarantined = new_graph(), new_graph()
    moved = set()
    for fact in bad_facts:
        prop, subject, obj = graph.value(fact, SL.relation), graph.value(fact, SL.subject), graph.value(fact, SL.object)
        if prop is not None and subject is not None and obj is not None:
            moved.add((subject, prop, obj))
    corrections = {c for fact in bad_facts for c in graph.objects(fact, SL.correction)}  # a correction goes with its fact
    for triple in graph:
        if triple[0] in bad_facts or triple[0] in corrections or triple in moved:
            quarantined.add(triple)
        else:
            kept.add(triple)
    return kept, quarantined


def stored_results(store: LocalStore | RemoteStore, base: str) -> list[dict[str, Any]]:
    """Every stored validation result, with its document, the entity it concerns and whether its fact is quarantined."""
    rows = store.select(f"""PREFIX sh: <{SH}> PREFIX sl: <{SL._NS}> PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?sev ?focus ?zh ?en ?value ?file ?entity ?quarantined WHERE {{
  GRAPH ?rg {{ ?r a sh:ValidationResult ; sh:resultSeverity ?sev ; sh:focusNode ?focus ;
               sh:resultMessage ?zh , ?en . FILTER(LANGMATCHES(LANG(?zh), "zh-Hans") && LANGMATCHES(LANG(?en), "en"))
               OPTIONAL {{ ?r sh:value ?value }} }}
  FILTER(STRSTARTS(STR(?rg), "{base}report/"))
  BIND(IRI(REPLACE(STR(?rg), "/report/", "/graph/")) AS ?dg)
  OPTIONAL {{ GRAPH ?dg {{ ?doc a sl:SourceDocument ; dcterms:identifier ?file }} }}
  BIND(IRI(REPLACE(STR(?rg), "/report/", "/quarantine/")) AS ?qg)
  OPTIONAL {{ GRAPH ?qg {{ ?focus sl:subject ?quarantinedSubject }} }}
  OPTIONAL {{ GRAPH ?dg {{ ?focus sl:subject ?servedSubject }} }}
  BIND(COALESCE(?quarantinedSubject, ?servedSubject, ?focus) AS ?entity)
  BIND(BOUND(?quarantinedSubject) AS ?quarantined)
}} ORDER BY ?entity ?sev ?focus""").rows
    return [{
        "severity": r["sev"]["value"].rsplit("#", 1)[-1], "focus": r["focus"]["value"], "entity": r["entity"]["value"],
        "message_zh": r["zh"]["value"], "message_en": r["en"]["value"], "value": r.get("value", {}).get("value"),
        "file": r.get("file", {}).get("value"), "quarantined": r["quarantined"]["value"] == "true",
    } for r in rows]
