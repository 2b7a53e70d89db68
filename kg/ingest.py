"""Documents → the store: one named graph per document, idempotent and atomic.

`ingest(paths, store=…, base=…)` reads every document first (nothing is written if any input
is bad), then writes each document in one transaction: its new graph in, the graph of an
earlier version of the same file out. A document already stored with the same content is
skipped, so ingesting twice changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph

from extract import EXTRACTOR_VERSION, Reading, read
from extract.errors import BadInputError, EmptyDocumentError
from kg.namespace import SL
from kg.rdf import (
    document_graph,
    graph_iri,
    ontology_graph,
    ontology_graph_iri,
    reference_graph,
    reference_graph_iri,
)
from kg.store import LocalStore, RemoteStore
from kg.summary import missing as summary_missing
from kg.summary import refresh as refresh_summary
from kg.summary import refresh_update
from kg.validate import Entry, split_quarantine, validate

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""}


@dataclass
class DocumentOutcome:
    path: str
    status: str  # added, replaced, unchanged, empty
    facts: int = 0
    quarantined: int = 0
    issues: list[Entry] = field(default_factory=list)


@dataclass
class IngestReport:
    documents: list[DocumentOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)


def quarantine_graph_iri(base: str, content_hash: str) -> str:
    return f"{base}quarantine/{content_hash[:16]}"


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the text and HTML files under named directories, sorted.

    Raises:
        BadInputError: a path does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                            and not p.name.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            raise BadInputError("no such file or directory", path=str(path))
    return files


def _ntriples(graph: Graph) -> str:
    return graph.serialize(format="nt")


def ensure_base_graphs(store: LocalStore | RemoteStore, *, base: str) -> None:
    """Load the ontology and the reference data when the store lacks them or holds an older edition.

    Each base graph carries the hash of its own content, so a changed gazetteer or ontology
    replaces the stored one on the next ingest.
    """
    wanted = {}
    for iri, graph in ((str(ontology_graph_iri(base)), ontology_graph()), (str(reference_graph_iri(base)), reference_graph(base))):
        text = _ntriples(graph)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        marker = f"<{iri}> <{SL.contentHash}> {_literal(digest)} .\n"
        if not store.select(f"ASK {{ GRAPH <{iri}> {{ <{iri}> <{SL.contentHash}> {_literal(digest)} }} }}").boolean:
            wanted[iri] = text + marker
    if wanted:
        store.replace(remove=list(wanted), add=wanted, then=refresh_update(base))
    elif summary_missing(store, base):
        refresh_summary(store, base)


def _touched(graph: Graph) -> set[str]:
    """The entities a document graph says something about: typed in it, or subject or object of its facts."""
    classes = set(ontology_graph().subjects(RDFS.subClassOf, SL.Entity))
    return {str(e) for p in (SL.subject, SL.object) for e in graph.objects(None, p)} | {
        str(e) for e, t in graph.subject_objects(RDF.type) if t in classes}


def _stored_touched(store: LocalStore | RemoteStore, graphs: list[str]) -> set[str]:
    """The entities stored graphs `graphs` say something about."""
    if not graphs:
        return set()
    values = " ".join(f"<{g}>" for g in graphs)
    return set(store.select(
        "PREFIX sl: <https://w3id.org/suanli/ontology#> "
        f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ {{ ?m sl:subject|sl:object ?e }} UNION {{ ?e a ?t }} }} }}"
    ).values("e"))


def _existing(store: LocalStore | RemoteStore, content_hash: str, path: str) -> tuple[bool, list[str]]:
    """(same content already read by this extractor, graphs of older versions of the same path or content)."""
    rows = store.select(
        "PREFIX sl: <https://w3id.org/suanli/ontology#> "
        "SELECT ?g ?hash ?version WHERE { GRAPH ?g { ?doc a sl:SourceDocument ; sl:contentHash ?hash ; sl:sourcePath ?path . "
        "OPTIONAL { ?doc sl:extractorVersion ?version } } "
        f"FILTER(?hash = {_literal(content_hash)} || ?path = {_literal(path)}) }}"
    ).rows

    def current(row: dict) -> bool:
        return row["hash"]["value"] == content_hash and row.get("version", {}).get("value") == EXTRACTOR_VERSION

    return any(map(current, rows)), [r["g"]["value"] for r in rows if not current(r)]


def _literal(text: str) -> str:
    from rdflib import Literal

    return Literal(text).n3()


def ingest(
    paths: Iterable[str | Path],
    *,
    store: LocalStore | RemoteStore,
    base: str,
    progress: Callable[[str], None] | None = None,
    on_empty: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, validate and store documents.

    Raises:
        BadInputError: a path is missing, or a file is binary or undecodable; nothing is written.
    """
    files = expand(paths)
    readings: list[tuple[Path, bytes, Reading | None]] = []
    for path in files:
        raw = path.read_bytes()
        try:
            readings.append((path, raw, read(raw, path=str(path))))
        except EmptyDocumentError:
            readings.append((path, raw, None))
    ensure_base_graphs(store, base=base)
    report = IngestReport()
    for path, raw, reading in readings:
        if progress:
            progress(str(path))
        if reading is None:
            if on_empty:
                on_empty(str(path))
            report.documents.append(DocumentOutcome(str(path), "empty"))
            continue
        content_hash = hashlib.sha256(raw).hexdigest()
        absolute = str(path.resolve())
        same, older = _existing(store, content_hash, absolute)
        if same:
            report.documents.append(DocumentOutcome(str(path), "unchanged"))
            continue
        graph = document_graph(reading, base=base, content_hash=content_hash, file_name=path.name, path=absolute)
        validation = validate(graph)
        kept, quarantined = split_quarantine(graph, validation)
        add = {str(graph_iri(base, content_hash)): _ntriples(kept)}
        if len(quarantined):
            add[quarantine_graph_iri(base, content_hash)] = _ntriples(quarantined)
        remove = older + [g.replace("/graph/", "/quarantine/") for g in older]
        touched = _touched(graph) | _stored_touched(store, older)
        store.replace(remove=remove, add=add, then=refresh_update(base, touched))
        report.documents.append(DocumentOutcome(
            str(path), "replaced" if older else "added", len(reading.facts),
            len(set(quarantined.subjects())), validation.entries,
        ))
    return report
