"""The graph: terms of the ontology, RDF built from facts, stores, the summary graph, the fact view, named queries."""
