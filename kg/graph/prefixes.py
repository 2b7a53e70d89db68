"""RDF people can read: our prefixes bound, subjects grouped, every literal written as the store holds it.

rdflib groups a subject's triples and writes one TriG block per named graph, but left to itself it invents
`ns1:` for a namespace it does not know and rewrites a decimal `6000` as `6000.0` (another literal). The
serializers here never invent a prefix (an IRI outside the known namespaces is written in full) and quote
a literal whose bare form would change it, so a dump parses back to the very graph it came from.
"""

from __future__ import annotations

import io
import json
from typing import Any

from rdflib import Dataset, Graph, Literal, Node
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer

from kg.graph.namespace import SL

RESOURCE = "https://w3id.org/suanli/resource/"
STANDARD = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
}


def prefixes(base: str = RESOURCE) -> dict[str, str]:
    """Prefix → namespace: `sl:` for the ontology, `res:` for resources under `base`, then the standard ones."""
    return {"sl": str(SL._NS), "res": base, **STANDARD}


def bind_prefixes(graph: Graph, base: str = RESOURCE) -> Graph:
    """`graph` with our prefixes bound in place of whatever it had (a Dataset binds them for all its graphs)."""
    for prefix, namespace in prefixes(base).items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class _Exact:
    """What both serializers share: no invented prefixes, no rewritten literals."""

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        return super().get_pname(uri, False)  # type: ignore[misc]

    def label(self, node: Node, position: int) -> str:
        written: str = super().label(node, position)  # type: ignore[misc]
        if isinstance(node, Literal) and not written.startswith(('"', "'")) and written != str(node):
            return node.n3(self.store.namespace_manager)  # type: ignore[attr-defined]
        return written


class _Turtle(_Exact, TurtleSerializer):
    pass


class _Trig(_Exact, TrigSerializer):
    def __init__(self, store: Graph) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda graph: str(graph.identifier))  # the same dump twice is the same text


def readable(graph: Graph, fmt: str, base: str = RESOURCE) -> bytes:
    """`graph` (a Dataset for TriG and JSON-LD with named graphs) as Turtle, TriG or JSON-LD with our prefixes.

    Raises:
        ValueError: `fmt` is not turtle, trig or jsonld.
    """
    bind_prefixes(graph, base)
    if fmt == "jsonld":
        return _json_ld(graph, base)
    serializer = {"turtle": _Turtle, "trig": _Trig}.get(fmt)
    if serializer is None:
        raise ValueError(f"no readable form for {fmt}")
    stream = io.BytesIO()
    serializer(graph).serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _json_ld(graph: Graph, base: str) -> bytes:
    """JSON-LD compacted with only the prefixes (no term coercion, so every literal keeps its lexical form)."""
    context = prefixes(base)
    document: Any = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def dataset_from_nquads(data: bytes) -> Dataset:
    """A Dataset parsed from N-Quads (what the store dumps)."""
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    return dataset
