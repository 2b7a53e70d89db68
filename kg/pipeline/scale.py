"""News scale: extract documents without a store, in processes or on a Dask cluster, then bulk-load them.

`extract_documents(paths, out=…)` writes one pair of files per document, named by its content
hash: `<hash>.nq`, the named graph ingest would write for it (before validation moves facts aside),
and `<hash>.jsonl`, its facts in the contract's JSON, one a line. Nothing else is shared between
documents, so the work spreads over any number of workers; the files are the same whoever made them.

`load_directory(dir, store=…)` puts such a directory into a store. Into the embedded one, the new
documents go in with Oxigraph's bulk loader, into staging graphs nothing serves (the bulk loader is not
transactional); then each is validated in its context and moved into place with its quarantine, report
and summary changes in one update, in the order ingest would take them, so the store equals an ingest of
the same documents. A load cut short leaves staging graphs only, dropped by the next load. Into a remote
SPARQL store, each document goes in with its changes in one SPARQL 1.1 Update request, as ingest writes it
there. Either way worker processes check each document alone (`check_alone`) while this process writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from extract.errors import BadInputError
from kg.graph.factview import facts
from kg.graph.namespace import SL
from kg.graph.rdf import graph_iri, new_graph
from kg.graph.store import LocalStore, RemoteStore
from kg.pipeline.base import base_graphs, ensure_base_graphs
from kg.pipeline.ingest import STAGING, DocumentOutcome, IngestReport, _existing, _read_bytes, _shown, expand
from kg.pipeline.reader import graph_of_document, read_one
from kg.pipeline.validate import Checked, check_alone
from kg.pipeline.workers import PRELOAD, map_in_processes
from kg.pipeline.workers import start as start_workers
from kg.pipeline.write import _ntriples, store_checked

ENGINES = ("local", "dask")
OUTPUT_SUFFIXES = (".nq", ".jsonl")


@dataclass
class ExtractReport:
    """What `extract_documents` did with each document: written, unchanged (already there) or empty."""

    documents: list[DocumentOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)


@dataclass(frozen=True)
class Rendered:
    """One document's files, as text: its graph in N-Quads and its facts in JSON Lines."""

    name: str
    nquads: str
    facts_jsonl: str
    facts: int


def render(item: tuple[str, bytes, str]) -> Rendered | None:
    """A document's files from its path, bytes and base IRI; None when it holds no text.

    A plain function of its arguments, so a local process or a Dask worker gives the same bytes.
    """
    path, raw, base = item
    reading = read_one((Path(path), raw))
    if reading is None:
        return None
    content_hash = hashlib.sha256(raw).hexdigest()
    graph = graph_of_document(Path(path), raw, reading, base=base)
    name = str(graph_iri(base, content_hash))
    # sorted: rdflib writes triples in an order that changes from one process to the next
    lines = sorted(line[: -len(" .")] + f" <{name}> .\n" for line in _ntriples(graph).splitlines() if line.strip())
    nquads = "".join(lines)
    rows = _facts_of(nquads, name, base)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return Rendered(output_name(content_hash), nquads, text, len(rows))


def output_name(content_hash: str) -> str:
    """The file stem of a document's outputs: its content hash as the graph IRI shortens it."""
    return content_hash[:16]


@cache
def _labelled_store(base: str) -> LocalStore:
    """An in-memory store holding the ontology and the reference data, made once per process."""
    store = LocalStore(None)
    for _, text, _ in base_graphs(base):
        store.oxigraph.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _facts_of(nquads: str, name: str, base: str) -> list[dict[str, Any]]:
    """The contract's facts of one document graph, read as `suanli facts` reads them (labels from the reference data)."""
    store = _labelled_store(base)
    store.oxigraph.load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    try:
        return facts(store)
    finally:
        store.oxigraph.remove_graph(ox.NamedNode(name))


def _write_atomic(path: Path, text: str) -> None:
    """A file written under a hidden temporary name, then renamed: never seen half-written."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write(out: Path, rendered: Rendered) -> None:
    """A document's pair of files; the N-Quads last, as it marks the document done."""
    _write_atomic(out / f"{rendered.name}.jsonl", rendered.facts_jsonl)
    _write_atomic(out / f"{rendered.name}.nq", rendered.nquads)


def extract_documents(paths: Iterable[str | Path], *, out: Path, base: str, engine: str = "local", jobs: int = 1,
                      scheduler: str | None = None, on_empty: Callable[[str], None] | None = None) -> ExtractReport:
    """Documents → a pair of files each in `out`; a document whose files are there already is skipped.

    Raises:
        BadInputError: an unknown engine, dask without a scheduler, a missing or unreadable path, an output
            directory that cannot be made, or a binary document (the files finished before it stay, whole).
    """
    if engine not in ENGINES:
        raise BadInputError(f"unknown engine '{engine}'; one of {', '.join(ENGINES)}")
    if engine == "dask" and not scheduler:
        raise BadInputError("--engine dask needs --scheduler ADDRESS (a running `dask scheduler`)")
    files = expand(paths)
    raws = [_read_bytes(path) for path in files]
    _output_directory(out)
    report = ExtractReport()
    todo: list[tuple[str, bytes, str]] = []
    seen: set[str] = set()
    for path, raw in zip(files, raws, strict=True):
        name = output_name(hashlib.sha256(raw).hexdigest())
        if name in seen or (out / f"{name}.nq").exists():
            report.documents.append(DocumentOutcome(str(path), "unchanged"))
            continue
        seen.add(name)
        todo.append((str(path.resolve()), raw, base))
        report.documents.append(DocumentOutcome(str(path), "written"))
    results = _dask_map(todo, scheduler or "") if engine == "dask" else map_in_processes(
        render, todo, jobs, preload=(*PRELOAD, "kg.pipeline.scale"))
    outcomes = [d for d in report.documents if d.status == "written"]
    try:
        for rendered, outcome in zip(results, outcomes, strict=True):
            if rendered is None:
                outcome.status = "empty"
                if on_empty:
                    on_empty(outcome.path)
                continue
            _write(out, rendered)
            outcome.facts = rendered.facts
    finally:
        results.close()  # the workers stopped, on an error too
    return report


def _output_directory(out: Path) -> None:
    """`out` made if need be; BadInputError when it cannot be."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise BadInputError("not a directory", path=_shown(out)) from None
    except OSError as exc:
        raise BadInputError(f"cannot make the output directory: {exc.strerror or exc}", path=_shown(out)) from None


def _dask_map(items: list[tuple[str, bytes, str]], scheduler: str) -> Generator[Rendered | None, None, None]:
    """`render` over `items` on a Dask cluster, one task per document, results in order.

    Each document travels with its task, so workers need the package but no shared file system.
    """
    if not items:
        return
    try:
        from distributed import Client
    except ImportError:
        raise BadInputError("--engine dask needs Dask: pip install 'suanli-kg[dask]'") from None
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BadInputError(f"cannot reach the Dask scheduler at {scheduler}: {' '.join(str(exc).split())[:160]}") from None
    with client:
        keys = [f"suanli-render-{hashlib.sha256(raw).hexdigest()[:16]}" for _, raw, _ in items]
        futures = client.map(render, items, key=keys)
        for future in futures:
            yield future.result()


@dataclass(frozen=True)
class _Extracted:
    """One document's N-Quads file in a directory `extract` wrote, and what identifies the document."""

    path: Path
    graph: str
    content_hash: str
    source: str  # sl:sourcePath, the key of earlier versions of the same file
    identifier: str  # the file name, the order ingest takes documents in


LOAD_PRELOAD = ("kg.pipeline.scale",)  # what load's workers need: the graphs and the shapes, not the extractor


def load_directory(directory: str | Path, *, store: LocalStore | RemoteStore, base: str, jobs: int = 1,
                   progress: Callable[[str], None] | None = None) -> IngestReport:
    """Load what `extract` wrote, validate the new documents and publish each; the same store as ingest.

    The embedded store takes the documents through Oxigraph's bulk loader; a remote one through SPARQL Update,
    one request a document. `jobs` processes check the documents alone meanwhile.

    Raises:
        BadInputError: not a directory, or a file in it that is not N-Quads of one document; nothing is written.
    """
    docs = _scan(Path(directory), base)
    new = [d for d in docs if not _existing(store, d.content_hash, d.source)[0]]
    if jobs > 1 and len(new) > 1:
        start_workers(LOAD_PRELOAD)  # they start while this process bulk-loads
    ensure_base_graphs(store, base=base)
    bulk = isinstance(store, LocalStore)
    if isinstance(store, LocalStore):
        _drop_staging(store, base)
        if new:
            store.oxigraph.bulk_extend(_staged_quads(new, base))
    report = IngestReport()
    fresh = {d.path for d in new}
    checked_in_order = map_in_processes(check_file, [(str(d.path), d.graph) for d in new], jobs, preload=LOAD_PRELOAD)
    try:
        for doc in docs:
            if progress:
                progress(str(doc.path))
            if doc.path not in fresh:
                report.documents.append(DocumentOutcome(str(doc.path), "unchanged"))
                continue
            count, checked = next(checked_in_order)
            _, older = _existing(store, doc.content_hash, doc.source)  # now, as an earlier file of this load may be one
            quarantined, entries = store_checked(store, checked, base=base, content_hash=doc.content_hash, older=older,
                                                 staged=_staging_iri(base, doc.content_hash) if bulk else None)
            report.documents.append(DocumentOutcome(str(doc.path), "replaced" if older else "added", count, quarantined,
                                                    entries))
    finally:
        checked_in_order.close()
    return report


def check_file(item: tuple[str, str]) -> tuple[int, Checked]:
    """A load worker's share of one document: its graph read from the file `extract` wrote and checked alone;
    the number of facts goes with it."""
    path, graph_name = item
    graph = _graph_in(path, graph_name)
    return len(set(graph.subjects(SL.subject, None))), check_alone(graph)


def _staging_iri(base: str, content_hash: str) -> str:
    return f"{base}{STAGING.strip('/')}/{content_hash[:16]}"


def _drop_staging(store: LocalStore, base: str) -> None:
    """Staging graphs a load cut short left behind, dropped."""
    prefix = _staging_iri(base, "")
    if left := [g for g in store.graph_names() if g.startswith(prefix)]:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in left))


def _staged_quads(docs: list[_Extracted], base: str) -> Iterator[ox.Quad]:
    """Every quad of `docs`, each in its document's staging graph, read one file at a time."""
    for doc in docs:
        staging = ox.NamedNode(_staging_iri(base, doc.content_hash))
        for quad in ox.parse(path=str(doc.path), format=ox.RdfFormat.N_QUADS):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, staging)


def _graph_in(path: str, graph_name: str) -> Graph:
    """A document's graph as rdflib reads it from its N-Quads file, for validation."""
    dataset = Dataset()
    dataset.parse(source=path, format="nquads")
    graph = new_graph()
    for triple in dataset.graph(URIRef(graph_name)):
        graph.add(triple)
    return graph


def _scan(directory: Path, base: str) -> list[_Extracted]:
    """The documents of a directory `extract` wrote, in the order ingest would take their files.

    Raises:
        BadInputError: not a directory, or a file that is not one document's N-Quads (JSON Lines are passed over).
    """
    if not directory.is_dir():
        raise BadInputError("no such directory", path=_shown(directory))
    docs: dict[str, _Extracted] = {}
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or (path.suffix == ".jsonl" and path.is_file()):
            continue  # hidden: a temporary file of an extract still running or cut short
        if path.suffix != ".nq" or not path.is_file():
            raise BadInputError("not an N-Quads file (.nq) written by `suanli extract`", path=_shown(path))
        doc = _describe(path, base)
        docs.setdefault(doc.content_hash, doc)
    # ingest takes files in path order: in one directory, by name
    return sorted(docs.values(), key=lambda d: (d.identifier, d.content_hash))


def _describe(path: Path, base: str) -> _Extracted:
    """What identifies the document in one N-Quads file; BadInputError when it is not one document's graph."""
    try:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    except (SyntaxError, ValueError, OSError) as exc:
        raise BadInputError(f"not N-Quads: {' '.join(str(exc).split())[:160]}", path=_shown(path)) from None
    graphs = {quad.graph_name for quad in quads}
    graph = next(iter(graphs)) if len(graphs) == 1 else None
    if not isinstance(graph, ox.NamedNode) or not graph.value.startswith(f"{base}graph/"):
        raise BadInputError(f"not the graph of one document under {base}graph/ (extracted with another base?)",
                            path=_shown(path))
    fields = {quad.predicate.value: quad.object.value for quad in quads
              if quad.predicate.value in (str(SL.contentHash), str(SL.sourcePath), "http://purl.org/dc/terms/identifier")}
    content_hash = fields.get(str(SL.contentHash), "")
    if str(graph_iri(base, content_hash)) != graph.value or str(SL.sourcePath) not in fields:
        raise BadInputError("no source document matching its graph's name", path=_shown(path))
    return _Extracted(path, graph.value, content_hash, fields[str(SL.sourcePath)],
                      fields.get("http://purl.org/dc/terms/identifier", ""))
