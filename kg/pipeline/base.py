"""The base graphs every store holds, the ontology and the reference data, and the check that they are current.

They are made from their source files (rdflib parses the ontology, the gazetteer names every reference entity in
each language and script: about a second) and kept in the cache (`extract.resources.cached`) under a hash of
those files, the code that reads them and the libraries it calls. So a run that finds the store current reads a
few files and asks the store three questions: re-ingesting unchanged files builds no graph.

A new embedded store gets them as a prepared dataset: the base graphs and the summary that a rebuild makes of them,
made once in memory and kept in the cache as N-Quads, bulk-loaded (0.3 s) instead of inserted and summarised by
SPARQL (1.4 s of a new store's start). The same quads either way: the store holds no document yet, so the summary is
the reference data's entities and the ontology.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING

from extract.resources import cached, sources
from kg.graph import iris

if TYPE_CHECKING:
    from kg.graph.store import LocalStore, RemoteStore

# what the base graphs are made from: data files, the code that turns them into triples, the libraries it calls
DATA = (("kg.ontology", "suanli.ttl"), ("kg.ontology", "reference.toml"), ("extract.data", "lexicon.toml"))
CODE = ("extract", "kg.graph.rdf", "kg.graph.namespace")  # a package stands for all its modules
LIBRARIES = ("rdflib", "opencc", "pypinyin", "jieba")
# what the prepared dataset of a new store is made from besides: the summary's update and the engine that runs it
DATASET_DATA = (("kg.queries", "summary_add.ru"),)
DATASET_CODE = ("kg.graph.summary", "kg.graph.store")
DATASET_LIBRARIES = ("pyoxigraph",)


def _sources(data: tuple[tuple[str, str], ...] = DATA, code: tuple[str, ...] = CODE,
             libraries: tuple[str, ...] = LIBRARIES) -> list[str | bytes]:
    """The bytes of every source of the base graphs, and each library's installed files (path, size, time)."""
    return ["base-graphs/1", *sources(data, code, libraries)]


def _build(base: str) -> list[tuple[str, str, str]]:
    from kg.graph.rdf import ontology_graph, reference_graph

    out = []
    for iri, graph in ((iris.ontology_graph(base), ontology_graph()), (iris.reference_graph(base), reference_graph(base))):
        # sorted: rdflib writes triples in an order that changes from one process to the next
        text = "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
        out.append((iri, text, hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return out


@cache
def base_graphs(base: str) -> tuple[tuple[str, str, str], ...]:
    """(graph IRI, N-Triples, content hash) of the ontology and the reference data: from the cache, else made."""
    return tuple(tuple(entry) for entry in cached("base-graphs", [base, *_sources()], lambda: _build(base)))  # type: ignore[misc]


def current(store: LocalStore | RemoteStore, *, base: str) -> bool:
    """True when the store holds this edition of both base graphs and a summary graph; builds nothing."""
    return not _stale(store, base) and not _summary_missing(store, base)


def ensure_base_graphs(store: LocalStore | RemoteStore, *, base: str) -> None:
    """Load the ontology and the reference data when the store lacks them or holds an older edition.

    Each base graph carries the hash of its own content, so a changed gazetteer or ontology
    replaces the stored one on the next ingest.
    """
    if wanted := _stale(store, base):
        if len(wanted) == len(base_graphs(base)) and _load_into_new(store, base):
            return
        from kg.graph.summary import rebuild_update

        store.replace(remove=list(wanted), add=wanted, then=rebuild_update(base))
    elif _summary_missing(store, base):
        from kg.graph.summary import rebuild

        rebuild(store, base)


def _marker(iri: str, digest: str) -> str:
    """The triple a base graph carries that names its edition (the hash of its content)."""
    return f"<{iri}> <{iris.ONTOLOGY_NS}contentHash> {iris.literal(digest)}"


def _stale(store: LocalStore | RemoteStore, base: str) -> dict[str, str]:
    """The base graphs the store lacks in this edition: graph IRI → N-Triples to load, with their marker."""
    wanted = {}
    for iri, text, digest in base_graphs(base):
        marker = _marker(iri, digest)
        if not store.select(f"ASK {{ GRAPH <{iri}> {{ {marker} }} }}").boolean:
            wanted[iri] = f"{text}{marker} .\n"
    return wanted


def _build_dataset(base: str) -> bytes:
    """What `ensure_base_graphs` makes of a new store, as N-Quads without the markers (in Oxigraph's dump order)."""
    import pyoxigraph as ox

    from kg.graph.store import LocalStore
    from kg.graph.summary import rebuild_update

    memory = LocalStore(None)
    wanted = _stale(memory, base)
    memory.replace(remove=list(wanted), add=wanted, then=rebuild_update(base))
    markers = {f"{_marker(iri, digest)} <{iri}> .\n".encode() for iri, _, digest in base_graphs(base)}
    return b"".join(line for line in memory.dump(ox.RdfFormat.N_QUADS).splitlines(keepends=True)
                    if line not in markers)


def _load_into_new(store: LocalStore | RemoteStore, base: str) -> bool:
    """The prepared dataset bulk-loaded into an embedded store that holds nothing yet; False for any other store.

    The bulk loader is not one transaction: the markers go in last, in one, so a load cut short leaves base graphs
    without their markers, which the next run finds stale and replaces (the summary made again with them).
    """
    from kg.graph.store import LocalStore

    if not isinstance(store, LocalStore) or store.read_only or next(iter(store.oxigraph), None) is not None:
        return False
    import pyoxigraph as ox

    key = [base, *_sources(), *_sources(DATASET_DATA, DATASET_CODE, DATASET_LIBRARIES)]
    dataset: bytes = cached("base-dataset", key, lambda: _build_dataset(base))
    store.oxigraph.bulk_load(dataset, format=ox.RdfFormat.N_QUADS)
    store.update("INSERT DATA { " + " ".join(f"GRAPH <{iri}> {{ {_marker(iri, digest)} }}"
                                             for iri, _, digest in base_graphs(base)) + " }")
    return True


def _summary_missing(store: LocalStore | RemoteStore, base: str) -> bool:
    """True when the store holds documents but no summary (a store written before the summary existed)."""
    prefix = f"PREFIX sl: <{iris.ONTOLOGY_NS}> "
    # two ASKs that stop at their first match, not one that joins every document with the summary
    if store.select(f"{prefix} ASK {{ GRAPH <{iris.summary_graph(base)}> {{ ?f a sl:MergedFact }} }}").boolean:
        return False
    return bool(store.select(f"{prefix} ASK {{ GRAPH ?g {{ ?doc a sl:SourceDocument }} }}").boolean)

