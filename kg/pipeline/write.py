"""The writer's share of ingest and load: a document checked in its context and stored, in one update.

Its graph goes in (or, bulk-loaded by `load`, is moved into place), with its quarantine and report graphs, and the
summary graph moves by what it brings and what the versions it replaces took away (`kg.graph.summary`). Also what
rewrites stored documents: `recheck` (validated again, corrected by an analyst) and curated facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from extract.errors import BadInputError
from kg.graph.namespace import SL
from kg.graph.rdf import document_graph, graph_iri, term_from_json
from kg.graph.store import LocalStore, RemoteStore, join_updates
from kg.graph.summary import add_update, remove_update, scratch_graph_iri, summary_graph_iri
from kg.pipeline.base import ensure_base_graphs
from kg.pipeline.ingest import DocumentOutcome, IngestReport, _existing
from kg.pipeline.validate import (
    Checked,
    Entry,
    check_alone,
    check_in_context,
    context_ntriples,
    report_graph,
    split_quarantine,
    warm_up_context_check,
)


def quarantine_graph_iri(base: str, content_hash: str) -> str:
    return f"{base}quarantine/{content_hash[:16]}"


def _ntriples(graph: Graph) -> str:
    return graph.serialize(format="nt")


def warm_up() -> None:
    """Compile what the writer's first document would (the context shapes, the ontology's class tree), while the
    workers' server loads the extractor."""
    warm_up_context_check()


def ingest_curated(raw: bytes, *, store: LocalStore | RemoteStore, base: str, path: str) -> IngestReport:
    """Store the curated facts of one JSON file (kg.pipeline.curated), one document per source, like extracted ones.

    Raises:
        BadInputError: the file is not a list of facts in the contract's shape; nothing is written.
    """
    from kg.pipeline.curated import read_curated

    documents = read_curated(raw, path=path)
    ensure_base_graphs(store, base=base)
    report = IngestReport()
    for doc in documents:
        same, older = _existing(store, doc.content_hash, doc.name)
        if same:
            report.documents.append(DocumentOutcome(doc.name, "unchanged"))
            continue
        graph = document_graph(doc.reading, base=base, content_hash=doc.content_hash,
                               file_name=doc.name.rstrip("/").rsplit("/", 1)[-1], path=doc.name, curated=True)
        quarantined, entries = store_document(store, graph, base=base, content_hash=doc.content_hash, older=older)
        report.documents.append(DocumentOutcome(doc.name, "replaced" if older else "added", len(doc.reading.facts),
                                                quarantined, entries))
    return report


def report_graph_iri(base: str, content_hash: str) -> str:
    return f"{base}report/{content_hash[:16]}"


def _companions(graph: str) -> list[str]:
    """A document graph and the quarantine and report graphs that go with it."""
    return [graph, graph.replace("/graph/", "/quarantine/"), graph.replace("/graph/", "/report/")]


def store_document(store: LocalStore | RemoteStore, graph: Graph, *, base: str, content_hash: str,
                   older: Sequence[str] = (), staged: str | None = None) -> tuple[int, list[Entry]]:
    """Validate one document graph in its context and write it, replacing `older` graphs, in one update.

    Facts that break a Violation go to the document's quarantine graph; every result goes to its
    report graph. Returns the number of quarantined facts and the results. `staged` names a graph
    that already holds `graph` (bulk-loaded by `load`): it is moved into place instead of written again.
    """
    return store_checked(store, check_alone(graph), base=base, content_hash=content_hash, older=older, staged=staged)


def store_checked(store: LocalStore | RemoteStore, checked: Checked, *, base: str, content_hash: str,
                  older: Sequence[str] = (), staged: str | None = None) -> tuple[int, list[Entry]]:
    """`store_document` for a graph already checked alone (by an ingest worker): the writer's share."""
    around = context_ntriples(store, str(summary_graph_iri(base)), checked.entities, discount=older)
    validation = check_in_context(checked, around)
    if validation.violations:
        kept, quarantined = split_quarantine(Graph().parse(data=checked.ntriples.decode("utf-8"), format="nt"), validation)
        kept_text = _ntriples(kept)
    else:  # the usual case: the graph goes in as the worker wrote it
        quarantined, kept_text = Graph(), checked.ntriples.decode("utf-8")
    served = str(graph_iri(base, content_hash))
    add = {} if staged else {served: kept_text}
    if len(quarantined):
        add[quarantine_graph_iri(base, content_hash)] = _ntriples(quarantined)
    if validation.entries:
        add[report_graph_iri(base, content_hash)] = _ntriples(report_graph(validation.entries, base, content_hash))
    remove = [g for old in older for g in _companions(old)]
    pending = scratch_graph_iri(base)
    placed = _moved_into_place(staged, served, quarantined) if staged else ""
    # the worker's share of the summary holds for the graph it checked, stored whole under this name
    share = checked.share[1:] if checked.share and checked.share[0] == served and not validation.violations else None
    store.replace(remove=remove, add=add, before=remove_update(base, list(older), pending),
                  then=join_updates(placed, add_update(base, served, pending, data=kept_text.encode('utf-8'),
                                                       staged=bool(older), share=share)))
    moved = {s for s in quarantined.subjects(RDF.type, None)}
    return len(moved), validation.entries


def _moved_into_place(staged: str, served: str, quarantined: Graph) -> str:
    """The update that makes a staged graph the served one, without the triples quarantine took."""
    moved = f"MOVE SILENT <{staged}> TO <{served}>"
    if not len(quarantined):
        return moved
    return join_updates(moved, f"DELETE DATA {{ GRAPH <{served}> {{\n{_ntriples(quarantined)}\n}} }}")


def _graph_of(store: LocalStore | RemoteStore, iri: str) -> Graph:
    graph = Graph()
    for row in store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").rows:
        graph.add((term_from_json(row["s"]), term_from_json(row["p"]), term_from_json(row["o"])))
    return graph


def document_hashes(store: LocalStore | RemoteStore) -> list[str]:
    """Content hashes of every stored document."""
    return store.select(
        "PREFIX sl: <https://w3id.org/suanli/ontology#> "
        "SELECT DISTINCT ?h WHERE { GRAPH ?g { ?d a sl:SourceDocument ; sl:contentHash ?h } } ORDER BY ?h").values("h")


@dataclass(frozen=True)
class Corrector:
    """Who corrects facts and through what: a person (or the token holder), and the command, file or request."""

    who: str
    via: str


def recheck(store: LocalStore | RemoteStore, *, base: str, content_hash: str,
            corrections: dict[str, dict[str, Any]] | None = None, by: Corrector | None = None) -> tuple[int, list[Entry]]:
    """Validate a stored document again, with its quarantined facts, under the current shapes and graph.

    Facts that now pass are re-admitted; those that still fail stay in quarantine. `corrections`
    maps a fact IRI to new values for it (value, unit, comparator, status, kind, time), applied first
    and recorded as `sl:Correction`s made `by` someone (who, when, through what, the original value).

    Raises:
        BadInputError: a fact not in the document, a field that cannot be corrected or a value of the wrong shape.
    """
    served = str(graph_iri(base, content_hash))
    graph = _graph_of(store, served) + _graph_of(store, quarantine_graph_iri(base, content_hash))
    when = Literal(datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)
    for fact, changes in (corrections or {}).items():
        node = URIRef(fact)
        if (node, None, None) not in graph:
            raise BadInputError("no such fact in this document", path=fact)
        for name, value in changes.items():
            _correct(graph, node, name, value, base=base, by=by or Corrector("suanli", "suanli"), when=when)
    ensure_base_graphs(store, base=base)
    return store_document(store, graph, base=base, content_hash=content_hash, older=[served])


_CORRECTABLE = {"value": SL.value, "unit": SL.unit, "comparator": SL.comparator, "status": SL.status,
                "kind": SL.kind, "time": SL.time}


def _correct(graph: Graph, node: URIRef, name: str, value: str, *, base: str, by: Corrector, when: Literal) -> None:
    """One corrected field of a fact, and the correction beside it: an analyst reading PUE 1.05 beside a quote
    saying 0.8 must see who changed it, when, and from what (PROV: the correction is an activity of an agent)."""
    if name not in _CORRECTABLE:
        raise BadInputError(f"cannot correct '{name}'; one of {', '.join(_CORRECTABLE)}")
    prop = _CORRECTABLE[name]
    before = graph.value(node, prop)
    graph.remove((node, prop, None))
    if name == "value":
        try:
            new = Literal(Decimal(value), datatype=XSD.decimal)
        except InvalidOperation:
            raise BadInputError(f"not a number: {value}") from None
    elif name == "time":
        new = Literal(value, datatype=XSD.gYear if len(value) == 4 else XSD.date)
    else:
        new = SL[value]  # type: ignore[assignment]  # a code is an IRI, a value a literal
    graph.add((node, prop, new))
    digest = hashlib.sha256(f"{node}\0{name}\0{when}".encode()).hexdigest()[:24]
    correction = URIRef(f"{base}correction/{digest}")
    agent = URIRef(f"{base}agent/{quote(by.who, safe='')}")
    graph.add((node, SL.correction, correction))
    graph.add((correction, RDF.type, SL.Correction))
    graph.add((correction, SL.correctedProperty, prop))
    if before is not None:
        graph.add((correction, SL.originalValue, before))
    graph.add((correction, PROV.endedAtTime, when))
    graph.add((correction, PROV.wasAssociatedWith, agent))
    graph.add((correction, SL.correctedVia, Literal(by.via)))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, RDFS.label, Literal(by.who)))
