"""Named SPARQL queries, shipped as package data (kg.queries)."""
