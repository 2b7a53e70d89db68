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
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pyoxigraph as ox
from pyshacl import ShapesGraph, Validator
from pyshacl.graph_abstraction import DataGraph
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from extract.resources import read_text
from extract.text import has_cjk
from kg.graph.namespace import SL
from kg.graph.rdf import new_graph, ontology_graph, term_from_json
from kg.graph.store import LocalStore, RemoteStore

SH = Namespace("http://www.w3.org/ns/shacl#")
FACT_CLASSES = (SL.Measurement, SL.RelationAssertion)
# what the cross-source shapes read of a merged fact: all but its links to each source, each field
# read by its own pattern (`?s ?p ?o`, with a filter or a VALUES ?p, read every source link of a
# figure that hundreds of documents repeat: 17 ms against 6 ms at 1M triples)
MERGED_FACT_FIELDS = (RDF.type, SL.subject, SL.metric, SL.value, SL.unit, SL.comparator, SL.status, SL.time,
                      SL.kind, SL.relation, SL.object, SL.sourceCount, SL.evidence, SL.evidenceSource)
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
def _parsed_shapes() -> ShapesGraph:
    """The shapes read once per process and handed to every `Validator`.

    A `Validator` builds its own shapes graph on each call: 307 against 184 ms per document.
    """
    return ShapesGraph(shapes_graph())


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


def _run_pyshacl(data: Graph) -> tuple[bool, Graph]:
    """The data and the ontology go into an in-memory Oxigraph store, which pySHACL drives directly.

    Its SHACL-SPARQL constraints then run on Oxigraph instead of being parsed again by rdflib for
    every focus node (one document in its context: 1,219 ms → 163 ms).
    """
    mixed = ox.Store()
    triples = (ontology_graph() + data).serialize(format="nt").encode("utf-8")
    mixed.load(triples, format=ox.RdfFormat.N_TRIPLES)
    validator = Validator(DataGraph.from_oxigraph_store(mixed), shacl_graph=shapes_graph(),
                          options={"inference": "none", "advanced": True, "allow_warnings": True})
    validator.shacl_graph = _parsed_shapes()
    conforms, report_graph, _ = validator.run()
    return bool(conforms), report_graph


@cache
def _compiled_shapes() -> Any:
    """The shapes compiled once per process by pyshacl-turbo (SHACL-SPARQL and SPARQL targets included)."""
    import pyshacl_turbo

    return pyshacl_turbo.compile_shapes(shapes_graph(), advanced=True)


def _run_turbo(data: Graph) -> tuple[bool, Graph]:
    """The Rust engine reads the rdflib graph itself: 0.18× pySHACL's time per document (BENCHMARKS.md)."""
    conforms, report_graph, _ = _compiled_shapes().validate(ontology_graph() + data, allow_warnings=True)
    return bool(conforms), report_graph


_RUNNERS = {"pyshacl-turbo": _run_turbo, "pyshacl": _run_pyshacl}


def validate(data: Graph, *, engine: str | None = None) -> Report:
    """Check `data` against the Suanli shapes with `engine` (default: `engine_name()`); never raises on non-conforming data."""
    conforms, report_graph = _RUNNERS[engine or engine_name()](data)
    entries = report_entries(report_graph)
    blocking = any(e.severity == "Violation" for e in entries)
    return Report(conforms=conforms or not blocking, entries=entries, graph=report_graph)


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
    entries.sort(key=lambda e: (e.focus, e.severity, e.message_en))
    return entries


def _lang(literal: Literal) -> str:
    return (literal.language or "").lower()


def context(store: LocalStore | RemoteStore, summary: str, graph: Graph, *, discount: Iterable[str] = ()) -> Graph:
    """What the summary graph knows around a document graph, for its cross-source rules.

    The entities the document names, everything that contains them, and the merged facts about
    them. Merged facts whose every source lies in the graphs `discount` (the document's own graph,
    or the version it replaces) are left out, so a document never conflicts with itself.
    """
    entities = {o for p in (SL.subject, SL.object) for o in graph.objects(None, p)} | {
        s for s, p in graph.subject_predicates() if p in (SL.partOf, SL.locatedIn)}
    out = new_graph()
    if not entities:
        return out
    values = "VALUES ?t { " + " ".join(e.n3() for e in entities if isinstance(e, URIRef)) + " }"
    prefixes = f"PREFIX sl: <{SL._NS}> PREFIX prov: <http://www.w3.org/ns/prov#> "
    # two queries, and the filter outside the graph pattern: written inside a UNION, the same
    # question took 760 ms on a 1M-triple store instead of 11 ms
    rows = store.select(f"{prefixes} SELECT ?s ?p ?o WHERE {{ {values} GRAPH <{summary}> {{ "
                        "?t (sl:partOf|sl:locatedIn)* ?s . ?s ?p ?o } }").rows
    rows += store.select(f"{prefixes} SELECT ?s ?p ?o WHERE {{ {values} GRAPH <{summary}> {{ "
                         f"?s sl:subject ?t . ?s a sl:MergedFact . {_MERGED_FACT_PATTERN} }} }}").rows
    for row in rows:
        out.add((term_from_json(row["s"]), term_from_json(row["p"]), term_from_json(row["o"])))
    for g in discount:
        only_ours = store.select(
            f"PREFIX sl: <{SL._NS}> PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?f WHERE {{ "
            f"{{ SELECT ?f (COUNT(?m) AS ?ours) (SAMPLE(?count) AS ?n) WHERE {{ GRAPH <{g}> {{ ?m sl:subject ?x }} "
            f"GRAPH <{summary}> {{ ?f prov:wasDerivedFrom ?m ; sl:sourceCount ?count }} }} GROUP BY ?f }} "
            "FILTER(?ours >= ?n) }").values("f")
        for merged in only_ours:
            out.remove((URIRef(merged), None, None))
    return out


def check_document(graph: Graph, around: Graph, *, engine: str | None = None) -> Report:
    """Validate a document graph in its context; keep only the results about the document's own nodes."""
    report = validate(graph + around, engine=engine)
    own = set(graph.subjects())
    report.entries = [e for e in report.entries if URIRef(e.focus) in own]
    report.conforms = not report.violations
    return report


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
