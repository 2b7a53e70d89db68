"""The web service: SPARQL protocol, graph store, questions, linked data, dumps and pages."""
