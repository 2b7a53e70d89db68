"""The names of the store's own graphs, as plain text: read by what must start without rdflib (the check that finds
every file of an ingest unchanged); `kg.graph.rdf` and `kg.graph.summary` give them as rdflib terms."""

from __future__ import annotations

ONTOLOGY_NS = "https://w3id.org/suanli/ontology#"


def summary_graph(base: str) -> str:
    return f"{base}graph/summary"


def ontology_graph(base: str) -> str:
    return f"{base}graph/ontology"


def reference_graph(base: str) -> str:
    return f"{base}graph/reference"


def literal(text: str) -> str:
    """A plain string literal as N-Triples and SPARQL write it (the same term as rdflib's `Literal(text).n3()`)."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{escaped}"'
