"""Questions: understand a question, plan its SPARQL, run it over the store and word the answer."""
