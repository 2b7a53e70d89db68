"""The real HTTP service on a free loopback port, queried with httpx and SPARQLWrapper."""

from __future__ import annotations

import httpx
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.conftest import start_service, stop


@pytest.fixture(scope="module")
def server(corpus_store):
    url, proc = start_service(corpus_store)
    yield url
    stop(proc)


def test_sparql_get_and_post_return_sparql_json(server: str) -> None:
    query = "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?s a sl:Hub }"
    get = httpx.get(server + "/sparql", params={"query": query})
    post = httpx.post(server + "/sparql", data={"query": query})
    assert get.status_code == post.status_code == 200
    assert get.headers["content-type"].startswith("application/sparql-results+json")
    assert get.json()["results"]["bindings"][0]["n"]["value"] == "8"


def test_sparqlwrapper_reads_the_endpoint(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT ?c WHERE { ?c a sl:Cluster }")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert len(rows) >= 10


@pytest.mark.parametrize("query", ["SELEC nonsense", "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }"])
def test_bad_or_unsafe_queries_get_400(server: str, query: str) -> None:
    assert httpx.get(server + "/sparql", params={"query": query}).status_code == 400


def test_ask_answers_over_http(server: str) -> None:
    answer = httpx.get(server + "/ask", params={"q": "Which hubs exceed 90% renewable power?"}).json()
    assert any("Qingyang" in a["label_en"] for a in answer["answers"])  # the hub, via its Qingyang cluster


def test_the_service_serves_the_latest_validation_report(server: str) -> None:
    report = httpx.get(server + "/validation").json()
    assert report["conforms"] is True and report["quarantined"] == []
    assert isinstance(report["results"], list)
