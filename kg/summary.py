"""The summary graph: what questions read, each distinct fact once, kept current by ingest.

News repeat themselves: a deployment holds the same "庆阳集群算力超过10万P" from hundreds of
pages. The summary graph holds the ontology, every entity's description (types, labels,
relations) merged from the served graphs, and one merged fact per distinct fact (with every fact
it merges, the number of sources and one evidence sentence), so a question costs what the
distinct facts cost, not what the documents cost. It is the served default graph: quarantined
facts are never in it, and nothing in it is repeated. Ingest refreshes the entities a document
touches in the same update that writes the document.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef

from extract.resources import read_text
from kg.rdf import ontology_graph_iri, reference_graph_iri
from kg.store import LocalStore, RemoteStore


def summary_graph_iri(base: str) -> URIRef:
    return URIRef(f"{base}graph/summary")


def refresh_update(base: str, entities: Iterable[str] | None = None) -> str:
    """The SPARQL Update that recomputes the summary of `entities` (of every entity when None)."""
    values = ""
    summary = summary_graph_iri(base)
    prelude, coda = f"DROP SILENT GRAPH <{summary}> ;\n", f" ;\nADD <{ontology_graph_iri(base)}> TO <{summary}>"
    if entities is not None:
        prelude = coda = ""
        terms = " ".join(URIRef(e).n3() for e in sorted(set(entities)))
        if not terms:
            return ""
        values = f"VALUES ?subject {{ {terms} }}"
    text = read_text("kg.queries", "summary_refresh.ru")
    for placeholder, value in (("#SUMMARY", summary), ("#REFERENCE", reference_graph_iri(base)),
                               ("#ONTOLOGY", ontology_graph_iri(base)), ("#BASE", base), ("#SUBJECTS", values)):
        text = text.replace(placeholder, str(value))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    prologue = "\n".join(line for line in body.splitlines() if line.startswith("PREFIX "))
    operations = "\n".join(line for line in body.splitlines() if not line.startswith("PREFIX ")).strip()
    return f"{prologue}\n{prelude}{operations}{coda}"


def refresh(store: LocalStore | RemoteStore, base: str, entities: Iterable[str] | None = None) -> None:
    """Recompute the summary in place: all of it, or what concerns `entities`."""
    if update := refresh_update(base, entities):
        store.update(update)


def missing(store: LocalStore | RemoteStore, base: str) -> bool:
    """True when the store holds documents but no summary (a store written before the summary existed)."""
    return bool(store.select(
        "PREFIX sl: <https://w3id.org/suanli/ontology#> ASK { GRAPH ?g { ?doc a sl:SourceDocument } "
        f"FILTER NOT EXISTS {{ GRAPH <{summary_graph_iri(base)}> {{ ?f a sl:MergedFact }} }} }}").boolean)
