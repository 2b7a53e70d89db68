"""The Suanli ontology, SHACL shapes and reference data, shipped as package data (kg.ontology)."""
