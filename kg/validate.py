"""SHACL validation (pySHACL) with reports in Chinese and English.

`validate(graph)` is the door: it checks a data graph against `ontology/shapes.ttl` with the
ontology mixed in, and returns a `Report` whose entries carry both languages' messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from extract.resources import read_text
from kg.namespace import SL
from kg.rdf import new_graph, ontology_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
FACT_CLASSES = (SL.Measurement, SL.RelationAssertion)


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


def validate(data: Graph) -> Report:
    """Check `data` against the Suanli shapes; never raises on non-conforming data."""
    mixed = Graph()
    for triple in ontology_graph():
        mixed.add(triple)
    for triple in data:
        mixed.add(triple)
    conforms, report_graph, _ = shacl_validate(
        mixed,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    entries = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        messages = list(report_graph.objects(result, SH.resultMessage))
        zh = next((str(m) for m in messages if isinstance(m, Literal) and m.language == "zh-Hans"), None)
        en = next((str(m) for m in messages if isinstance(m, Literal) and m.language == "en"), None)
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
    blocking = any(e.severity == "Violation" for e in entries)
    return Report(conforms=bool(conforms) or not blocking, entries=entries, graph=report_graph)


def split_quarantine(graph: Graph, report: Report) -> tuple[Graph, Graph]:
    """Move facts that violate a shape (and the direct triple they assert) out of `graph`."""
    bad = {URIRef(e.focus) for e in report.violations}
    bad_facts = {node for node in bad if any((node, RDF.type, c) in graph for c in FACT_CLASSES)}
    for node in bad - bad_facts:  # an entity that fails takes the facts about it along
        bad_facts |= set(graph.subjects(SL.subject, node)) | set(graph.subjects(SL.object, node))
    kept, quarantined = new_graph(), new_graph()
    moved = set()
    for fact in bad_facts:
        prop, subject, obj = graph.value(fact, SL.relation), graph.value(fact, SL.subject), graph.value(fact, SL.object)
        if prop is not None and subject is not None and obj is not None:
            moved.add((subject, prop, obj))
    for triple in graph:
        if triple[0] in bad_facts or triple in moved:
            quarantined.add(triple)
        else:
            kept.add(triple)
    return kept, quarantined
