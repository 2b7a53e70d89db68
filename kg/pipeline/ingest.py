"""Documents → the store: one named graph per document, idempotent and atomic.

`ingest(paths, store=…, base=…)` checks that every document is text first (nothing is written if
any input is bad), then writes each document in one transaction: its new graph in, the graph of an
earlier version of the same file out. A document already stored with the same content is
skipped, so ingesting twice changes nothing.

With `jobs` > 1, worker processes read the documents and check each on its own (`prepare`) while
this process, the writer, checks each in its context and writes it, in file order, as soon as it
comes: the same store as one process gives, byte for byte.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from extract import EXTRACTOR_VERSION, Reading, read
from extract.errors import BadInputError, EmptyDocumentError
from extract.text import decode
from kg.graph.namespace import SL
from kg.graph.rdf import (
    document_graph,
    graph_iri,
    ontology_graph,
    ontology_graph_iri,
    reference_graph,
    reference_graph_iri,
    term_from_json,
)
from kg.graph.store import LocalStore, RemoteStore, join_updates
from kg.graph.summary import add_update, rebuild_update, remove_update, scratch_graph_iri, summary_graph_iri
from kg.graph.summary import missing as summary_missing
from kg.graph.summary import rebuild as rebuild_summary
from kg.pipeline.validate import (
    Checked,
    Entry,
    check_alone,
    check_in_context,
    context_ntriples,
    report_graph,
    split_quarantine,
)
from kg.pipeline.workers import map_in_processes
from kg.pipeline.workers import start as start_workers

STAGING = "/staging/"  # graphs `load` bulk-loads documents into before it validates and publishes each
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
            raise BadInputError("no such file or directory", path=_shown(path))
    for path in files:
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            raise BadInputError("the file name is not UTF-8; rename it", path=_shown(path)) from None
    return files


def _shown(path: Path) -> str:
    """A path as it can be printed, whatever bytes its name holds."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _ntriples(graph: Graph) -> str:
    return graph.serialize(format="nt")


@cache
def _base_graphs(base: str) -> list[tuple[str, str, str]]:
    """(graph IRI, N-Triples, content hash) of the ontology and the reference data, made once per process."""
    out = []
    for iri, graph in ((str(ontology_graph_iri(base)), ontology_graph()), (str(reference_graph_iri(base)), reference_graph(base))):
        # sorted: rdflib writes triples in an order that changes from one process to the next
        text = "".join(sorted(_ntriples(graph).splitlines(keepends=True)))
        out.append((iri, text, hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return out


def ensure_base_graphs(store: LocalStore | RemoteStore, *, base: str) -> None:
    """Load the ontology and the reference data when the store lacks them or holds an older edition.

    Each base graph carries the hash of its own content, so a changed gazetteer or ontology
    replaces the stored one on the next ingest.
    """
    wanted = {}
    for iri, text, digest in _base_graphs(base):
        marker = f"<{iri}> <{SL.contentHash}> {_literal(digest)} .\n"
        if not store.select(f"ASK {{ GRAPH <{iri}> {{ <{iri}> <{SL.contentHash}> {_literal(digest)} }} }}").boolean:
            wanted[iri] = text + marker
    if wanted:
        store.replace(remove=list(wanted), add=wanted, then=rebuild_update(base))
    elif summary_missing(store, base):
        rebuild_summary(store, base)


def _existing(store: LocalStore | RemoteStore, content_hash: str, path: str) -> tuple[bool, list[str]]:
    """(same content already read by this extractor, graphs of older versions of the same path or content)."""
    # one query per key, each starting from its constant: a FILTER over both read every document (90 ms at 300k triples)
    rows = [row for key, value in (("contentHash", content_hash), ("sourcePath", path)) for row in store.select(
        "PREFIX sl: <https://w3id.org/suanli/ontology#> "
        f"SELECT ?g ?hash ?version WHERE {{ GRAPH ?g {{ ?doc sl:{key} {_literal(value)} ; a sl:SourceDocument ; "
        "sl:contentHash ?hash . OPTIONAL { ?doc sl:extractorVersion ?version } } "
        f"FILTER(!CONTAINS(STR(?g), {_literal(STAGING)})) }}").rows]

    def current(row: dict) -> bool:
        return row["hash"]["value"] == content_hash and row.get("version", {}).get("value") == EXTRACTOR_VERSION

    return any(map(current, rows)), list(dict.fromkeys(r["g"]["value"] for r in rows if not current(r)))


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
    jobs: int = 1,
) -> IngestReport:
    """Read, validate and store documents; `jobs` processes extract them (the store is written by this one, in order).

    Raises:
        BadInputError: a path is missing, or a file is binary or undecodable; nothing is written.
    """
    files = expand(paths)
    raws = [_read_bytes(path) for path in files]
    # a file this extractor already read, with the same content, is known by its hash before anything is extracted
    known = [_existing(store, hashlib.sha256(raw).hexdigest(), _path_key(path)) for path, raw in zip(files, raws, strict=True)]
    todo = [(path, raw, base) for (path, raw), (same, _) in zip(zip(files, raws, strict=True), known, strict=True) if not same]
    if jobs > 1 and len(todo) > 1:
        start_workers()  # their server loads the extractor while this process checks the files and the base graphs
    for path, raw, _ in todo:  # the only way reading fails, checked before anything is written
        decode(raw, path=str(path))
    ensure_base_graphs(store, base=base)
    prepared_in_order = map_in_processes(prepare, todo, jobs)
    try:
        return _write_all(files, raws, known, prepared_in_order, store=store, base=base, progress=progress,
                          on_empty=on_empty)
    finally:
        prepared_in_order.close()


def _write_all(files: list[Path], raws: list[bytes], known: list[tuple[bool, list[str]]],
               prepared_in_order: Iterator[tuple[int, Checked] | None], *, store: LocalStore | RemoteStore, base: str,
               progress: Callable[[str], None] | None, on_empty: Callable[[str], None] | None) -> IngestReport:
    """The writer: each new document checked in its context and stored, in file order, as its worker hands it over."""
    report = IngestReport()
    for path, raw, (same, older) in zip(files, raws, known, strict=True):
        if progress:
            progress(str(path))
        if same:
            report.documents.append(DocumentOutcome(str(path), "unchanged"))
            continue
        prepared = next(prepared_in_order)
        if prepared is None:
            if on_empty:
                on_empty(str(path))
            report.documents.append(DocumentOutcome(str(path), "empty"))
            continue
        facts, checked = prepared
        quarantined, entries = store_checked(store, checked, base=base, content_hash=hashlib.sha256(raw).hexdigest(),
                                             older=older)
        report.documents.append(DocumentOutcome(str(path), "replaced" if older else "added", facts, quarantined, entries))
    return report


def graph_of_document(path: Path, raw: bytes, reading: Reading, *, base: str) -> Graph:
    """The named graph ingest writes for a file read from `path` (before validation moves anything aside).

    One function for ingest and `extract`, so a graph extracted without a store is the one ingest would store.
    """
    content_hash = hashlib.sha256(raw).hexdigest()
    return document_graph(reading, base=base, content_hash=content_hash, file_name=path.name, path=_path_key(path))


def _path_key(path: Path) -> str:
    """Where a file was read from, as a key that finds its earlier versions but publishes no server path."""
    return "path:" + hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _read_bytes(path: Path) -> bytes:
    """A file's bytes, or BadInputError with one line (unreadable, a directory, a name that is not text)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"cannot read the file: {exc.strerror or exc}", path=_shown(path)) from None


def read_one(item: tuple[Path, bytes]) -> Reading | None:
    """One document extracted, or None when it holds no text."""
    path, raw = item
    try:
        return read(raw, path=str(path))
    except EmptyDocumentError:
        return None


# sentences of our own that wake every stage: a new name (the segmenter, the traditional-script labels), a page in
# traditional script, one in English
WARM_UP = ("2025年,庆阳数据中心集群算力规模达到5万P,PUE为1.2。芜湖市江北新区算力中心已投入运营。",
           "慶陽數據中心集群的標準機架達到2萬架。", "The Qingyang cluster reached 50,000 PFLOPS in 2025.")


def warm_up() -> None:
    """Load what a process's first document would (the extractor's models and dictionaries, the compiled shapes):
    run by the fork server workers fork from, so each starts ready instead of spending seconds on its first document."""
    for text in WARM_UP:
        prepare((Path("warm-up.txt"), text.encode("utf-8"), "urn:suanli:warm-up:"))


def prepare(item: tuple[Path, bytes, str]) -> tuple[int, Checked] | None:
    """A worker's share of one document: read it, make its graph, check it alone (`check_alone`); None when it holds
    no text. The number of facts read goes with it."""
    path, raw, base = item
    reading = read_one((path, raw))
    if reading is None:
        return None
    return len(reading.facts), check_alone(graph_of_document(path, raw, reading, base=base))


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
    store.replace(remove=remove, add=add, before=remove_update(base, list(older), pending),
                  then=join_updates(placed, add_update(base, served, pending)))
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
