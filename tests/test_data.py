"""Data files stay consistent: the namespace matches the ontology, every named query parses and runs."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.graph.gen_namespace import render
from kg.graph.named import named_queries
from kg.graph.store import LocalStore
from tests.conftest import ROOT


def test_generated_namespace_matches_the_ontology() -> None:
    assert (ROOT / "kg" / "graph" / "namespace.py").read_text(encoding="utf-8") == render()


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_describes_itself_and_runs(name: str, corpus_store) -> None:
    query = named_queries()[name]
    assert query.zh and query.en
    sparql = query.sparql.replace("#VALUES", "").replace("#FILTERS", "").replace("#SUBJECTS", "").replace("#SCOPE", "?subject a ?t .")
    sparql = sparql.replace("#PATTERN", "?entity ?p ?answer .").replace("#ENTITY", "?entity")
    prepareQuery(sparql)
    store = LocalStore(corpus_store, read_only=True)
    try:
        store.select(sparql)
    finally:
        store.close()
